#include "LeakTree.h"

#include "core/TokenFingerprint.h"
#include "store/Database.h"
#include "store/Ledger.h"
#include "store/TokenNotes.h"
#include "workflows/LeakScanner.h"

#include <QDirIterator>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>

// The leak scan over a generated tree: only the values whose keyed fingerprints are in the ledger are
// reported, as path:line, never with the value; binaries and files over the limit are skipped; foreign
// credentials are reported as not TokenDesk's; cancelling stops the walk.
class TestLeakScanner : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void tenThousandFilesThreePlantedFiftyLookAlikes();
    void candidatesInOneBuffer();
    void withoutKeyNothingIsTokenDesks();
    void oversizedFileIsSkipped();
    void cancelStopsTheWalk();
    void sightingNoteIsAddedOnce();

private:
    QList<FingerprintRecord> records(const QByteArray &key) const;

    QTemporaryDir m_dir;
    QByteArray m_key;
    QStringList m_values;
    LeakTree m_tree;
};

void TestLeakScanner::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QRandomGenerator random(7);
    m_key = LeakTree::randomText(random, 32, "0123456789abcdef");
    m_values = {QString::fromLatin1(LeakTree::fakeJwt(random)),
        QStringLiteral("appsk_") + QString::fromLatin1(LeakTree::base64Url(random, 32)),
        QString::fromLatin1(LeakTree::fakeJwt(random))};
    QVERIFY(m_tree.generate(m_dir.filePath(QStringLiteral("tree")), m_values));
    QCOMPARE(m_tree.plantedAt.size(), 3);
    QCOMPARE(m_tree.lookAlikes, 50);
    QCOMPARE(m_tree.textFiles, 10000);
}

QList<FingerprintRecord> TestLeakScanner::records(const QByteArray &key) const
{
    // Through the real ledger table, as the scan commands read them.
    Database db(m_dir.filePath(QStringLiteral("ledger.sqlite")));
    if (!db.open())
        return {};
    Ledger ledger(&db);
    if (ledger.allFingerprints().isEmpty()) {
        for (int i = 0; i < m_values.size(); ++i) {
            const TokenFingerprint fingerprint = TokenFingerprint::of(key, m_values.at(i));
            FingerprintRecord record;
            record.accountId = QUuid::fromString(QStringLiteral("{00000000-0000-0000-0000-00000000000%1}").arg(i + 1));
            record.providerId = QStringLiteral("specter");
            record.tokenId = QStringLiteral("token-%1").arg(i);
            record.label = QStringLiteral("CI %1").arg(i);
            record.mac = fingerprint.mac;
            record.head = fingerprint.head;
            record.tail = fingerprint.tail;
            record.jwtId = fingerprint.jwtId;
            if (ledger.recordFingerprint(record) == 0)
                return {};
        }
    }
    return ledger.allFingerprints();
}

void TestLeakScanner::tenThousandFilesThreePlantedFiftyLookAlikes()
{
    const QList<FingerprintRecord> known = records(m_key);
    QCOMPARE(known.size(), 3);
    LeakScanner scanner(m_key, known);
    int progressCalls = 0;
    scanner.setProgress([&progressCalls](const LeakScanStats &, const QString &) { ++progressCalls; }, 500);
    const QString root = m_dir.filePath(QStringLiteral("tree"));
    scanner.scan({root});

    const LeakScanStats stats = scanner.stats();
    QCOMPARE(stats.files, qint64(10000));
    QCOMPARE(stats.skippedBinary, qint64(1));
    QCOMPARE(stats.bytes, m_tree.textBytes);
    QVERIFY(stats.candidates >= 3 + 50);
    QVERIFY(progressCalls >= 20);
    QVERIFY(!stats.cancelled);

    QStringList found;
    QStringList tokenIds;
    int foreign = 0;
    for (const LeakHit &hit : scanner.hits()) {
        if (hit.kind == LeakHit::Kind::Foreign) {
            ++foreign;
            QVERIFY(!hit.revocation.isEmpty());
            continue;
        }
        found.append(QDir(root).relativeFilePath(hit.path) + QLatin1Char(':') + QString::number(hit.line));
        tokenIds.append(hit.record.tokenId);
    }
    found.sort();
    QStringList expected = m_tree.plantedAt;
    expected.sort();
    QCOMPARE(found, expected); // exactly the 3 planted ones, at their lines
    tokenIds.sort();
    QCOMPARE(tokenIds, (QStringList {QStringLiteral("token-0"), QStringLiteral("token-1"), QStringLiteral("token-2")}));
    QCOMPARE(foreign, m_tree.foreign);

    // What a finding can show never holds the value.
    for (const LeakHit &hit : scanner.hits()) {
        const QString shown = hit.location() + hit.service + hit.revocation + hit.record.label + hit.record.tokenId
            + hit.record.head + hit.record.tail;
        for (const QString &value : std::as_const(m_values))
            QVERIFY(!shown.contains(value));
    }
}

void TestLeakScanner::candidatesInOneBuffer()
{
    const QList<FingerprintRecord> known = records(m_key);
    LeakScanner scanner(m_key, known);
    const QByteArray text = "line one\n"
                            "Authorization: Bearer "
        + m_values.at(0).toUtf8()
        + ".\n" // a full stop after the token
          "{\"token\":\""
        + m_values.at(1).toUtf8()
        + "\"}\n"
          "prefix"
        + m_values.at(2).toUtf8() + " ghp_0123456789abcdefghij0123456789abcdef\n";
    scanner.scanBuffer(QStringLiteral("buffer"), text);
    const QList<LeakHit> hits = scanner.hits();
    QCOMPARE(hits.size(), 4);
    QCOMPARE(hits.at(0).location(), QStringLiteral("buffer:2"));
    QCOMPARE(hits.at(1).location(), QStringLiteral("buffer:3"));
    QCOMPARE(hits.at(2).location(), QStringLiteral("buffer:4")); // "prefixeyJ…": the JWT starts at eyJ
    QCOMPARE(hits.at(2).kind, LeakHit::Kind::TokenDesk);
    QCOMPARE(hits.at(3).kind, LeakHit::Kind::Foreign);
    QVERIFY(hits.at(3).service.contains(QLatin1String("GitHub")));
}

void TestLeakScanner::withoutKeyNothingIsTokenDesks()
{
    LeakScanner other("another key, another ledger", records(m_key));
    other.scanBuffer(QStringLiteral("b"), m_values.join(QLatin1Char('\n')).toUtf8());
    QVERIFY(other.hits().isEmpty()); // a fingerprint under another key is not a match

    LeakScanner none(QByteArray(), records(m_key));
    none.scanBuffer(QStringLiteral("b"), m_values.join(QLatin1Char('\n')).toUtf8());
    QVERIFY(none.hits().isEmpty());
}

void TestLeakScanner::oversizedFileIsSkipped()
{
    QTemporaryDir dir;
    QVERIFY(LeakTree::writeLarge(dir.filePath(QStringLiteral("big.log")), m_values.at(0), 300 * 1024));
    QVERIFY(LeakTree::write(dir.filePath(QStringLiteral("small.env")), "T=" + m_values.at(1).toUtf8() + "\n"));
    LeakScanner scanner(m_key, records(m_key));
    scanner.setMaxFileBytes(256 * 1024);
    scanner.scan({dir.path()});
    QCOMPARE(scanner.stats().skippedLarge, qint64(1));
    QCOMPARE(scanner.hits().size(), 1);
    QVERIFY(scanner.hits().first().path.endsWith(QLatin1String("small.env")));

    LeakScanner roomy(m_key, records(m_key));
    roomy.scan({dir.path()});
    QCOMPARE(roomy.hits().size(), 2);
}

void TestLeakScanner::cancelStopsTheWalk()
{
    std::atomic_bool cancel = false;
    LeakScanner scanner(m_key, records(m_key));
    scanner.setCancelFlag(&cancel);
    scanner.setProgress(
        [&cancel](const LeakScanStats &stats, const QString &) {
            if (stats.files >= 300)
                cancel = true;
        },
        100);
    scanner.scan({m_dir.filePath(QStringLiteral("tree"))});
    QVERIFY(scanner.stats().cancelled);
    QVERIFY(scanner.stats().files < 1000);
}

void TestLeakScanner::sightingNoteIsAddedOnce()
{
    LeakHit hit;
    hit.path = QStringLiteral("/srv/app/.env");
    hit.line = 3;
    const QDateTime when = QDateTime::fromString(QStringLiteral("2026-05-01T10:00:00Z"), Qt::ISODate);
    TokenNote note;
    note.owner = QStringLiteral("alice");
    note.usedIn = QStringLiteral("CI deploy");
    const TokenNote once = LeakScanner::withSighting(note, hit, when);
    QCOMPARE(once.usedIn, QStringLiteral("CI deploy; seen at /srv/app/.env:3 (2026-05-01)"));
    QCOMPARE(once.owner, QStringLiteral("alice"));
    QCOMPARE(LeakScanner::withSighting(once, hit, when.addDays(1)).usedIn, once.usedIn);
}

QTEST_GUILESS_MAIN(TestLeakScanner)
#include "tst_leakscanner.moc"
