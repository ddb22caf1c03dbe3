#include "CliRunner.h"
#include "HostileText.h"
#include "SandboxProcess.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

// tokendesk-cli end to end against the Specter emulator with token names written by an attacker: the human
// output shows them escaped (no escape sequence, no bidi control, no forged row), --json gives them back
// exactly, and the audit log shown by the CLI is just as clean.
class TestCliHostile : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void createWithHostileName();
    void tableHasOneRowPerToken();
    void jsonKeepsTheExactName();
    void showFieldsAreOneLineEach();
    void auditOutputIsClean();
    void cleanupTestCase();

private:
    QJsonArray tokensJson();
    static QString hostileName();
    static void verifyClean(const QByteArray &bytes);

    SandboxProcess m_sandbox;
    QTemporaryDir m_dir;
    CliRunner m_cli;
    QByteArray m_password;
    QString m_id;
    QString m_longId;
    QList<QByteArray> m_tokenValues;
};

QString TestCliHostile::hostileName()
{
    // The issue's example, plus a right-to-left override, an isolate and a zero-width joiner.
    return HostileText::terminalAttack() + QStringLiteral(" \u202Egnp.exe \u2066x\u200Dy");
}

void TestCliHostile::verifyClean(const QByteArray &bytes)
{
    QVERIFY(!bytes.contains('\x1b'));
    QVERIFY(!bytes.contains('\x07'));
    QVERIFY(!bytes.contains('\r'));
    QVERIFY(!bytes.contains("\xe2\x80\xae")); // U+202E
    QVERIFY(!bytes.contains("\xe2\x81\xa6")); // U+2066
    QVERIFY(!bytes.contains("\xe2\x80\x8d")); // U+200D
    QVERIFY2(HostileText::firstRawHazardInUtf8(bytes).isEmpty(), HostileText::firstRawHazardInUtf8(bytes).constData());
}

void TestCliHostile::initTestCase()
{
    TOKENDESK_START_CLI_SANDBOX(QStringLiteral("specter"), m_sandbox, m_dir, m_cli);
    const QJsonObject specter = m_sandbox.service(QStringLiteral("specter"));
    m_password = specter.value(QStringLiteral("password")).toString().toUtf8();
    QVERIFY(!m_password.isEmpty());
    const CliRun run =
        m_cli.run({QStringLiteral("--secrets-stdin"), QStringLiteral("account"), QStringLiteral("add"),
                      QStringLiteral("--provider"), QStringLiteral("specter"), QStringLiteral("--name"),
                      QStringLiteral("Specter"), QStringLiteral("--url"),
                      specter.value(QStringLiteral("base_url")).toString(), QStringLiteral("--option"),
                      QStringLiteral("username=") + specter.value(QStringLiteral("username")).toString()},
            "password=" + m_password + "\n");
    QVERIFY2(run.exitCode == 0, run.err.constData());
}

QJsonArray TestCliHostile::tokensJson()
{
    const CliRun run = m_cli.run({QStringLiteral("tokens"), QStringLiteral("Specter"), QStringLiteral("--json")});
    if (run.exitCode != 0)
        qWarning("tokens failed: %s", run.err.constData());
    return QJsonDocument::fromJson(run.out).array();
}

void TestCliHostile::createWithHostileName()
{
    // The emulator accepts such a name as the real service does (another client may have created it).
    const auto create = [this](const QString &name, QString *id) {
        const CliRun run = m_cli.run({QStringLiteral("create"), QStringLiteral("Specter"), QStringLiteral("--name"),
            name, QStringLiteral("--expiry"), QStringLiteral("2 days"), QStringLiteral("--json")});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QJsonObject created = QJsonDocument::fromJson(run.out).object();
        QCOMPARE(created.value(QStringLiteral("name")).toString(), name);
        *id = created.value(QStringLiteral("id")).toString();
        QVERIFY(!id->isEmpty());
        m_tokenValues << created.value(QStringLiteral("token")).toString().toUtf8();
    };
    create(hostileName(), &m_id);
    // A very long name (2,000 characters of controls and text).
    create(QString(QStringLiteral("\u202E\u001b[5mX")).repeated(400), &m_longId);

    // The human output of create itself: escaped too, the created value on its own line.
    const CliRun run = m_cli.run({QStringLiteral("create"), QStringLiteral("Specter"), QStringLiteral("--name"),
        hostileName() + QStringLiteral(" 2"), QStringLiteral("--expiry"), QStringLiteral("2 days")});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    verifyClean(run.out);
    QVERIFY(!run.out.contains("\nFAKE-ROW"));
    for (const QByteArray &line : run.out.split('\n')) {
        if (line.count('.') == 2 && !line.contains(' '))
            m_tokenValues << line; // the JWT, so that cleanupTestCase checks it was printed once
    }
}

void TestCliHostile::tableHasOneRowPerToken()
{
    const int count = int(tokensJson().size());
    QVERIFY(count >= 3);
    const CliRun run = m_cli.run({QStringLiteral("tokens"), QStringLiteral("Specter")});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    verifyClean(run.out);
    QVERIFY(run.out.endsWith('\n'));
    const QList<QByteArray> lines = run.out.chopped(1).split('\n');
    QCOMPARE(lines.size(), 1 + count); // the header and one row per token: FAKE-ROW is no row
    QVERIFY(lines.first().startsWith("ID"));
    int hostileRows = 0;
    for (const QByteArray &line : lines) {
        QVERIFY(!line.startsWith("FAKE-ROW"));
        if (line.startsWith(m_id.toUtf8())) {
            ++hostileRows;
            // Visible: the administrator sees what the name holds.
            QVERIFY2(line.contains(R"(evil\e]0;pwned\x07\e[2J\e[31mRED\nFAKE-ROW \u202egnp.exe \u2066x\u200dy)"),
                line.constData());
        }
        if (line.startsWith(m_longId.toUtf8())) {
            // Shortened with an ellipsis: the cell holds at most UntrustedText::CellCap (200) characters.
            QVERIFY(line.contains("\xe2\x80\xa6")); // …
            QVERIFY2(QString::fromUtf8(line).size() < 500, line.constData()); // 2,000 escaped would be 7,000
        }
    }
    QCOMPARE(hostileRows, 1);
}

void TestCliHostile::jsonKeepsTheExactName()
{
    bool found = false;
    for (const QJsonValue &entry : tokensJson()) {
        const QJsonObject token = entry.toObject();
        if (token.value(QStringLiteral("id")).toString() == m_id) {
            QCOMPARE(token.value(QStringLiteral("name")).toString(), hostileName());
            found = true;
        }
        if (token.value(QStringLiteral("id")).toString() == m_longId)
            QCOMPARE(token.value(QStringLiteral("name")).toString().size(), 400 * 6); // never shortened
    }
    QVERIFY(found);
}

void TestCliHostile::showFieldsAreOneLineEach()
{
    const CliRun run = m_cli.run({QStringLiteral("show"), QStringLiteral("Specter"), m_id});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    verifyClean(run.out);
    // "key: value" on every line: no line was started by the name's newline.
    for (const QByteArray &line : run.out.chopped(1).split('\n'))
        QVERIFY2(line.contains(": ") && !line.startsWith("FAKE-ROW"), line.constData());
}

void TestCliHostile::auditOutputIsClean()
{
    const CliRun json = m_cli.run({QStringLiteral("audit"), QStringLiteral("--json")});
    QVERIFY2(json.exitCode == 0, json.err.constData());
    const QJsonArray entries = QJsonDocument::fromJson(json.out).array();
    QVERIFY(entries.size() >= 3);

    const CliRun run = m_cli.run({QStringLiteral("audit")});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    verifyClean(run.out);
    QCOMPARE(run.out.chopped(1).split('\n').size(), 1 + entries.size());

    // The CSV export: no terminal or bidi control either; line breaks only as RFC 4180 carries them.
    const CliRun csv = m_cli.run({QStringLiteral("audit"), QStringLiteral("--csv")});
    QVERIFY2(csv.exitCode == 0, csv.err.constData());
    QVERIFY(!csv.out.contains('\x1b'));
    QVERIFY(!csv.out.contains('\x07'));
    QVERIFY(!csv.out.contains("\xe2\x80\xae"));
}

void TestCliHostile::cleanupTestCase()
{
    m_sandbox.stop();
    if (!m_password.isEmpty())
        QVERIFY(!m_cli.printed(m_password));
    for (const QByteArray &value : std::as_const(m_tokenValues))
        QCOMPARE(m_cli.printedCount(value), 1);
}

QTEST_GUILESS_MAIN(TestCliHostile)
#include "tst_cli_hostile.moc"
