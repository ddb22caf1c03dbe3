// Database (schema, pragmas, migrations) and Ledger (record, entries, revocation, notifications).

#include "OldSchemas.h"
#include "core/Token.h"
#include "core/UtcTime.h"
#include "store/Database.h"
#include "store/Ledger.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QUuid>
#include <QtTest>

#include <memory>

namespace {

const QDateTime kT0 = UtcTime::dateTime(QDate(2026, 3, 1), QTime(9, 30, 15, 123));

LedgerEntry makeEntry(const QUuid &account, const QString &tokenId, const QString &appId = {},
    const QString &sessionId = {}, const QString &subject = {})
{
    LedgerEntry entry;
    entry.accountId = account;
    entry.providerId = QStringLiteral("svix");
    entry.kind = QStringLiteral("portal");
    entry.tokenId = tokenId;
    entry.label = QStringLiteral("Label ") + tokenId;
    entry.subject = subject;
    entry.appId = appId;
    entry.sessionId = sessionId;
    entry.created = kT0;
    entry.expires = kT0.addSecs(3600);
    entry.createdBy = QStringLiteral("admin@example.com");
    entry.extra = {{QStringLiteral("featureFlags"), QStringList {QStringLiteral("a"), QStringLiteral("b")}},
        {QStringLiteral("readOnly"), true}};
    return entry;
}

QString pragma(Database &db, const QString &name)
{
    QSqlQuery query(db.connection());
    if (!query.exec(QStringLiteral("PRAGMA ") + name) || !query.next())
        return QStringLiteral("<error>");
    return query.value(0).toString();
}

} // namespace

class TestLedger : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void schemaAndPragmas();
    void migrationRunsOnceAndKeepsData();
    void newerSchemaIsRefused();
    void twoInstancesOnOneFile();
    void recordAndEntries();
    void findReturnsLatest();
    void markRevoked();
    void markRevokedWhere();
    void markRevokedForSubject();
    void removeAccount();
    void notificationsDedupe();
    void reopenPersists();
    void toToken();
    void schema2DatabaseGainsFingerprints();
    void fingerprints();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;
};

void TestLedger::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_path = m_dir->filePath(QStringLiteral("sub/tokendesk.sqlite"));
}

void TestLedger::cleanup()
{
    m_dir.reset();
}

void TestLedger::schemaAndPragmas()
{
    Database db(m_path);
    QVERIFY(!db.isOpen());
    QVERIFY2(db.open(), qPrintable(db.lastError()));
    QVERIFY(db.isOpen());
    QCOMPARE(db.path(), m_path);
#ifdef Q_OS_UNIX
    QCOMPARE(QFile::permissions(m_path) & (QFile::ReadGroup | QFile::ReadOther), QFile::Permissions());
#endif
    QVERIFY(Database::latestSchemaVersion() >= 1);
    QCOMPARE(db.schemaVersion(), Database::latestSchemaVersion());
    QCOMPARE(pragma(db, QStringLiteral("journal_mode")), QStringLiteral("wal"));
    QCOMPARE(pragma(db, QStringLiteral("synchronous")), QStringLiteral("2")); // FULL
    QCOMPARE(pragma(db, QStringLiteral("foreign_keys")), QStringLiteral("1"));
    const QStringList tables = db.connection().tables();
    QVERIFY(tables.contains(QStringLiteral("ledger")));
    QVERIFY(tables.contains(QStringLiteral("audit")));
    QVERIFY(tables.contains(QStringLiteral("notifications")));
}

void TestLedger::migrationRunsOnceAndKeepsData()
{
    const QUuid account = QUuid::createUuid();
    {
        Database db(m_path);
        QVERIFY(db.open());
        Ledger ledger(&db);
        QVERIFY(ledger.record(makeEntry(account, QStringLiteral("t1"))) > 0);
    }
    {
        Database db(m_path);
        QVERIFY2(db.open(), qPrintable(db.lastError())); // the migration must not run again (tables exist)
        QCOMPARE(db.schemaVersion(), Database::latestSchemaVersion());
        QCOMPARE(Ledger(&db).entries(account).size(), 1);
    }
}

void TestLedger::newerSchemaIsRefused()
{
    {
        Database db(m_path);
        QVERIFY(db.open());
        QSqlQuery query(db.connection());
        QVERIFY(query.exec(QStringLiteral("PRAGMA user_version = %1").arg(Database::latestSchemaVersion() + 1)));
    }
    Database db(m_path);
    QVERIFY(!db.open());
    QVERIFY(db.lastError().contains(QLatin1String("newer")));
}

void TestLedger::twoInstancesOnOneFile()
{
    Database a(m_path);
    Database b(m_path);
    QVERIFY(a.open());
    QVERIFY(b.open());
    QVERIFY(a.connection().connectionName() != b.connection().connectionName());
    const QUuid account = QUuid::createUuid();
    QVERIFY(Ledger(&a).record(makeEntry(account, QStringLiteral("shared"))) > 0);
    QCOMPARE(Ledger(&b).entries(account).size(), 1);
}

void TestLedger::recordAndEntries()
{
    Database db(m_path);
    QVERIFY(db.open());
    Ledger ledger(&db);
    const QUuid account = QUuid::createUuid();
    const QUuid other = QUuid::createUuid();

    LedgerEntry first = makeEntry(account, QStringLiteral("tok-1"), QStringLiteral("app_1"), QStringLiteral("s1"));
    LedgerEntry second = makeEntry(account, QString(), QStringLiteral("app_2"));
    second.created = kT0.addSecs(60);
    second.expires.reset();
    second.kind = QStringLiteral("message");
    const qint64 id1 = ledger.record(first);
    const qint64 id2 = ledger.record(second);
    QVERIFY2(id1 > 0, qPrintable(ledger.lastError()));
    QVERIFY(id2 > id1);
    QVERIFY(ledger.record(makeEntry(other, QStringLiteral("tok-x"))) > 0);
    QCOMPARE(ledger.record(makeEntry(QUuid(), QStringLiteral("no-account"))), 0);
    QVERIFY(!ledger.lastError().isEmpty());

    const QList<LedgerEntry> entries = ledger.entries(account);
    QCOMPARE(entries.size(), 2);
    const LedgerEntry &e = entries.at(0);
    QCOMPARE(e.rowId, id1);
    QCOMPARE(e.accountId, account);
    QCOMPARE(e.providerId, QStringLiteral("svix"));
    QCOMPARE(e.kind, QStringLiteral("portal"));
    QCOMPARE(e.tokenId, QStringLiteral("tok-1"));
    QCOMPARE(e.label, QStringLiteral("Label tok-1"));
    QCOMPARE(e.appId, QStringLiteral("app_1"));
    QCOMPARE(e.sessionId, QStringLiteral("s1"));
    QCOMPARE(e.created, kT0); // milliseconds kept
    QCOMPARE(e.created.timeSpec(), Qt::UTC);
    QVERIFY(e.expires.has_value());
    QCOMPARE(*e.expires, kT0.addSecs(3600));
    QVERIFY(!e.revoked.has_value());
    QCOMPARE(e.createdBy, QStringLiteral("admin@example.com"));
    // extra is stored as JSON: lists come back as variant lists.
    QCOMPARE(e.extra.value(QStringLiteral("featureFlags")).toStringList(),
        first.extra.value(QStringLiteral("featureFlags")).toStringList());
    QCOMPARE(e.extra.value(QStringLiteral("readOnly")), QVariant(true));
    QCOMPARE(entries.at(1).rowId, id2);
    QVERIFY(!entries.at(1).expires.has_value());
    QVERIFY(entries.at(1).tokenId.isEmpty());

    // Times are stored as UTC ISO 8601 with milliseconds, whatever the input's time zone.
    QSqlQuery query(db.connection());
    QVERIFY(query.exec(QStringLiteral("SELECT created, expires FROM ledger WHERE id = %1").arg(id1)));
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toString(), QStringLiteral("2026-03-01T09:30:15.123Z"));
    QCOMPARE(query.value(1).toString(), QStringLiteral("2026-03-01T10:30:15.123Z"));

    LedgerEntry offset = makeEntry(other, QStringLiteral("tz"));
    offset.created = QDateTime(QDate(2026, 3, 1), QTime(11, 0), QTimeZone(2 * 3600));
    const qint64 id3 = ledger.record(offset);
    QVERIFY(query.exec(QStringLiteral("SELECT created FROM ledger WHERE id = %1").arg(id3)));
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toString(), QStringLiteral("2026-03-01T09:00:00.000Z"));
}

void TestLedger::findReturnsLatest()
{
    Database db(m_path);
    QVERIFY(db.open());
    Ledger ledger(&db);
    const QUuid account = QUuid::createUuid();
    LedgerEntry older = makeEntry(account, QStringLiteral("dup"));
    older.label = QStringLiteral("older");
    LedgerEntry newer = makeEntry(account, QStringLiteral("dup"));
    newer.label = QStringLiteral("newer");
    ledger.record(older);
    ledger.record(newer);
    QCOMPARE(ledger.find(account, QStringLiteral("dup")).value().label, QStringLiteral("newer"));
    QVERIFY(!ledger.find(account, QStringLiteral("missing")));
    QVERIFY(!ledger.find(QUuid::createUuid(), QStringLiteral("dup")));
    QVERIFY(!ledger.find(account, QString()));
}

void TestLedger::markRevoked()
{
    Database db(m_path);
    QVERIFY(db.open());
    Ledger ledger(&db);
    const QUuid account = QUuid::createUuid();
    ledger.record(makeEntry(account, QStringLiteral("a")));
    ledger.record(makeEntry(account, QStringLiteral("b")));
    const QDateTime when = kT0.addSecs(120);
    QVERIFY2(ledger.markRevoked(account, QStringLiteral("a"), when), qPrintable(ledger.lastError()));
    const auto a = ledger.find(account, QStringLiteral("a"));
    QVERIFY(a->revoked.has_value());
    QCOMPARE(*a->revoked, when);
    QCOMPARE(a->revokedReason, QStringLiteral("revoked"));
    QVERIFY(!ledger.find(account, QStringLiteral("b")).value().revoked.has_value());
    // Already revoked, unknown token, other account: nothing to mark.
    QVERIFY(!ledger.markRevoked(account, QStringLiteral("a"), when.addSecs(1)));
    QCOMPARE(*ledger.find(account, QStringLiteral("a")).value().revoked, when); // first revocation time kept
    QVERIFY(!ledger.markRevoked(account, QStringLiteral("zzz"), when));
    QVERIFY(!ledger.markRevoked(QUuid::createUuid(), QStringLiteral("b"), when));
    QVERIFY(ledger.markRevoked(account, QStringLiteral("b"), when, QStringLiteral("logout")));
    QCOMPARE(ledger.find(account, QStringLiteral("b")).value().revokedReason, QStringLiteral("logout"));
}

void TestLedger::markRevokedWhere()
{
    Database db(m_path);
    QVERIFY(db.open());
    Ledger ledger(&db);
    const QUuid account = QUuid::createUuid();
    const QUuid other = QUuid::createUuid();
    ledger.record(makeEntry(account, QStringLiteral("1"), QStringLiteral("app_1"), QStringLiteral("s1")));
    ledger.record(makeEntry(account, QStringLiteral("2"), QStringLiteral("app_1"), QStringLiteral("s2")));
    ledger.record(makeEntry(account, QStringLiteral("3"), QStringLiteral("app_1"), QStringLiteral("s3")));
    ledger.record(makeEntry(account, QStringLiteral("4"), QStringLiteral("app_2"), QStringLiteral("s1")));
    ledger.record(makeEntry(other, QStringLiteral("5"), QStringLiteral("app_1"), QStringLiteral("s1")));

    const QDateTime grace = kT0.addSecs(300);
    // App and sessions: only s1 and s2 of app_1 on this account.
    QCOMPARE(ledger.markRevokedWhere(account, QStringLiteral("app_1"), {QStringLiteral("s1"), QStringLiteral("s2")},
                 grace, QStringLiteral("expire-all")),
        2);
    QVERIFY(ledger.find(account, QStringLiteral("1")).value().revoked.has_value());
    QVERIFY(ledger.find(account, QStringLiteral("2")).value().revoked.has_value());
    QVERIFY(!ledger.find(account, QStringLiteral("3")).value().revoked.has_value());
    QVERIFY(!ledger.find(account, QStringLiteral("4")).value().revoked.has_value());
    QVERIFY(!ledger.find(other, QStringLiteral("5")).value().revoked.has_value());
    QCOMPARE(*ledger.find(account, QStringLiteral("1")).value().revoked, grace);
    QCOMPARE(ledger.find(account, QStringLiteral("1")).value().revokedReason, QStringLiteral("expire-all"));

    // Whole app, already revoked rows untouched.
    QCOMPARE(ledger.markRevokedWhere(account, QStringLiteral("app_1"), {}, grace.addSecs(1), QStringLiteral("x")), 1);
    QCOMPARE(*ledger.find(account, QStringLiteral("1")).value().revoked, grace);
    // Whole account.
    QCOMPARE(ledger.markRevokedWhere(account, QString(), {}, grace, QStringLiteral("expire-all")), 1);
    QCOMPARE(ledger.markRevokedWhere(account, QString(), {}, grace, QStringLiteral("expire-all")), 0);
    QVERIFY(!ledger.find(other, QStringLiteral("5")).value().revoked.has_value());
}

void TestLedger::markRevokedForSubject()
{
    Database db(m_path);
    QVERIFY(db.open());
    Ledger ledger(&db);
    const QUuid account = QUuid::createUuid();
    ledger.record(makeEntry(account, QStringLiteral("j1"), {}, {}, QStringLiteral("1001@example")));
    ledger.record(makeEntry(account, QStringLiteral("j2"), {}, {}, QStringLiteral("1001@example")));
    ledger.record(makeEntry(account, QStringLiteral("j3"), {}, {}, QStringLiteral("1002@example")));
    QCOMPARE(
        ledger.markRevokedForSubject(account, QStringLiteral("1001@example"), kT0, QStringLiteral("revoke-all")), 2);
    QCOMPARE(
        ledger.markRevokedForSubject(account, QStringLiteral("1001@example"), kT0, QStringLiteral("revoke-all")), 0);
    QVERIFY(!ledger.find(account, QStringLiteral("j3")).value().revoked.has_value());
    QCOMPARE(ledger.find(account, QStringLiteral("j2")).value().revokedReason, QStringLiteral("revoke-all"));
}

void TestLedger::removeAccount()
{
    Database db(m_path);
    QVERIFY(db.open());
    Ledger ledger(&db);
    const QUuid account = QUuid::createUuid();
    const QUuid other = QUuid::createUuid();
    ledger.record(makeEntry(account, QStringLiteral("1")));
    ledger.record(makeEntry(other, QStringLiteral("2")));
    QVERIFY(ledger.markNotified(account, QStringLiteral("1"), QStringLiteral("24h")));
    QVERIFY(ledger.removeAccount(account));
    QVERIFY(ledger.entries(account).isEmpty());
    QVERIFY(!ledger.wasNotified(account, QStringLiteral("1"), QStringLiteral("24h")));
    QCOMPARE(ledger.entries(other).size(), 1);
}

void TestLedger::notificationsDedupe()
{
    Database db(m_path);
    QVERIFY(db.open());
    Ledger ledger(&db);
    const QUuid account = QUuid::createUuid();
    QVERIFY(!ledger.wasNotified(account, QStringLiteral("t"), QStringLiteral("24h")));
    QVERIFY(ledger.markNotified(account, QStringLiteral("t"), QStringLiteral("24h")));
    QVERIFY(ledger.markNotified(account, QStringLiteral("t"), QStringLiteral("24h"))); // again: no error
    QVERIFY(ledger.wasNotified(account, QStringLiteral("t"), QStringLiteral("24h")));
    QVERIFY(!ledger.wasNotified(account, QStringLiteral("t"), QStringLiteral("1h")));
    QVERIFY(!ledger.wasNotified(account, QStringLiteral("u"), QStringLiteral("24h")));
    QVERIFY(!ledger.wasNotified(QUuid::createUuid(), QStringLiteral("t"), QStringLiteral("24h")));
    QSqlQuery query(db.connection());
    QVERIFY(query.exec(QStringLiteral("SELECT COUNT(*) FROM notifications")));
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toInt(), 1);
}

void TestLedger::reopenPersists()
{
    const QUuid account = QUuid::createUuid();
    {
        Database db(m_path);
        QVERIFY(db.open());
        Ledger ledger(&db);
        ledger.record(makeEntry(account, QStringLiteral("p1"), QStringLiteral("app_1"), QStringLiteral("s1")));
        ledger.record(makeEntry(account, QStringLiteral("p2")));
        QVERIFY(ledger.markRevoked(account, QStringLiteral("p2"), kT0));
        QVERIFY(ledger.markNotified(account, QStringLiteral("p1"), QStringLiteral("25%")));
    }
    Database db(m_path);
    QVERIFY(db.open());
    Ledger ledger(&db);
    const auto entries = ledger.entries(account);
    QCOMPARE(entries.size(), 2);
    QCOMPARE(entries.at(0).sessionId, QStringLiteral("s1"));
    QVERIFY(entries.at(1).revoked.has_value());
    QVERIFY(ledger.wasNotified(account, QStringLiteral("p1"), QStringLiteral("25%")));
}

void TestLedger::toToken()
{
    const QUuid account = QUuid::createUuid();
    LedgerEntry entry = makeEntry(
        account, QStringLiteral("jti-9"), QStringLiteral("app_1"), QStringLiteral("s9"), QStringLiteral("user-1"));
    entry.rowId = 42;
    entry.revoked = kT0.addSecs(10);
    entry.revokedReason = QStringLiteral("logout");
    const Token token = entry.toToken();
    QCOMPARE(token.id, QStringLiteral("jti-9"));
    QCOMPARE(token.kind, QStringLiteral("portal"));
    QCOMPARE(token.label, entry.label);
    QCOMPARE(token.subject, QStringLiteral("user-1"));
    QCOMPARE(token.accountId, account);
    QCOMPARE(token.created.value(), kT0);
    QCOMPARE(token.expires.value(), kT0.addSecs(3600));
    QCOMPARE(token.revoked.value(), kT0.addSecs(10));
    QCOMPARE(token.lifetimeSeconds.value(), 3600.0);
    QCOMPARE(token.extra.value(QStringLiteral("appId")).toString(), QStringLiteral("app_1"));
    QCOMPARE(token.extra.value(QStringLiteral("sessionId")).toString(), QStringLiteral("s9"));
    QCOMPARE(token.extra.value(QStringLiteral("readOnly")).toBool(), true);
    QCOMPARE(token.extra.value(QStringLiteral("revokedReason")).toString(), QStringLiteral("logout"));
}

void TestLedger::schema2DatabaseGainsFingerprints()
{
    // A database as the previous version (schema 2) wrote it, frozen here, with a row in every table.
    const QString account = QStringLiteral("8b0f3c2e-1d4a-4c5b-9e6f-7a8b9c0d1e2f");
    {
        QSqlDatabase raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("schema2"));
        raw.setDatabaseName(m_path);
        QDir().mkpath(QFileInfo(m_path).absolutePath());
        QVERIFY(raw.open());
        QSqlQuery query(raw);
        for (const QString &statement : OldSchemas::statements(2))
            QVERIFY2(query.exec(statement), qPrintable(statement));
        for (int i = 0; i < 3; ++i) {
            query.prepare(QStringLiteral("INSERT INTO ledger (account_id, provider_id, kind, token_id, label, created, "
                                         "expires) VALUES (?, 'svix', 'portal', ?, ?, '2026-05-01T10:00:00.000Z', "
                                         "'2026-05-08T10:00:00.000Z')"));
            query.addBindValue(account);
            query.addBindValue(QStringLiteral("t%1").arg(i));
            query.addBindValue(QStringLiteral("portal %1").arg(i));
            QVERIFY(query.exec());
        }
        QVERIFY(query.exec(QStringLiteral("INSERT INTO audit (time, action) VALUES ('2026-05-01T10:00:00.000Z', "
                                          "'create')")));
        QVERIFY(query.exec(QStringLiteral("INSERT INTO notifications VALUES ('%1', 't0', '7d', "
                                          "'2026-05-01T10:00:00.000Z')")
                               .arg(account)));
        QVERIFY(query.exec(QStringLiteral("INSERT INTO token_notes VALUES ('%1', 't0', 'alice', 'CI', "
                                          "'2026-05-01T10:00:00.000Z')")
                               .arg(account)));
        query.finish();
        raw.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("schema2"));

    Database db(m_path);
    QVERIFY2(db.open(), qPrintable(db.lastError()));
    QCOMPARE(db.schemaVersion(), Database::latestSchemaVersion());
    QVERIFY(Database::latestSchemaVersion() >= 3);
    QVERIFY(db.connection().tables().contains(QStringLiteral("fingerprints")));
    Ledger ledger(&db);
    const QList<LedgerEntry> entries = ledger.entries(QUuid::fromString(account));
    QCOMPARE(entries.size(), 3); // every old row kept
    QCOMPARE(entries.at(2).label, QStringLiteral("portal 2"));
    QCOMPARE(entries.at(0).expires->toString(Qt::ISODate), QStringLiteral("2026-05-08T10:00:00Z"));
    QVERIFY(ledger.wasNotified(QUuid::fromString(account), QStringLiteral("t0"), QStringLiteral("7d")));
    QSqlQuery query(db.connection());
    QVERIFY(query.exec(QStringLiteral("SELECT (SELECT count(*) FROM audit), (SELECT owner FROM token_notes)")));
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toInt(), 1);
    QCOMPARE(query.value(1).toString(), QStringLiteral("alice"));
    query.finish();
    QVERIFY(ledger.allFingerprints().isEmpty());
    FingerprintRecord record;
    record.accountId = QUuid::fromString(account);
    record.tokenId = QStringLiteral("t0");
    record.mac = QStringLiteral("ab");
    QVERIFY2(ledger.recordFingerprint(record) > 0, qPrintable(ledger.lastError()));
}

void TestLedger::fingerprints()
{
    Database db(m_path);
    QVERIFY(db.open());
    Ledger ledger(&db);
    const QUuid a = QUuid::createUuid();
    const QUuid b = QUuid::createUuid();
    FingerprintRecord record;
    record.accountId = a;
    record.providerId = QStringLiteral("specter");
    record.tokenId = QStringLiteral("id-1");
    record.kind = QStringLiteral("token");
    record.label = QStringLiteral("CI");
    record.mac = QStringLiteral("00ff");
    record.head = QStringLiteral("eyJh");
    record.tail = QStringLiteral("x9Q_");
    record.jwtId = QStringLiteral("id-1");
    record.expires = UtcTime::dateTime(QDate(2026, 6, 1), QTime(12, 0));
    QVERIFY(ledger.recordFingerprint(record) > 0);
    record.accountId = b;
    record.tokenId = QStringLiteral("id-2");
    record.jwtId.clear();
    record.mac = QStringLiteral("11ee");
    record.expires.reset();
    QVERIFY(ledger.recordFingerprint(record) > 0);
    FingerprintRecord empty;
    empty.accountId = a;
    QCOMPARE(ledger.recordFingerprint(empty), 0); // no mac, no row

    const QList<FingerprintRecord> byMac = ledger.fingerprintsByMac(QStringLiteral("00ff"));
    QCOMPARE(byMac.size(), 1);
    QCOMPARE(byMac.first().accountId, a);
    QCOMPARE(byMac.first().head, QStringLiteral("eyJh"));
    QCOMPARE(byMac.first().tail, QStringLiteral("x9Q_"));
    QCOMPARE(*byMac.first().expires, UtcTime::dateTime(QDate(2026, 6, 1), QTime(12, 0)));
    QVERIFY(byMac.first().created.isValid());
    QCOMPARE(ledger.fingerprintsByJwtId(QStringLiteral("id-1")).size(), 1);
    QVERIFY(ledger.fingerprintsByJwtId(QString()).isEmpty());
    QCOMPARE(ledger.allFingerprints().size(), 2);
    QVERIFY(ledger.removeAccount(a));
    QCOMPARE(ledger.allFingerprints().size(), 1);
    QCOMPARE(ledger.allFingerprints().first().tokenId, QStringLiteral("id-2"));
}

QTEST_GUILESS_MAIN(TestLedger)
#include "tst_ledger.moc"
