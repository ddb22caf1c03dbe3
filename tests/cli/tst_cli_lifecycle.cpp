#include "CliRunner.h"
#include "SandboxProcess.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

// identify, scan, expiring and calendar end to end against a tokendesk-sandbox process (Specter): a token
// created through the CLI is identified from its value on stdin and found by a scan as path:line; a token
// another client created (another configuration, its own keychain key and ledger) is identified by the
// jwt_token_id the Specter list carries; an unknown value is not (exit 4); `expiring` exits 1 when something
// expires within the window and 0 when nothing does; the calendar is an iCalendar file. No value is ever
// printed except by the create that made it.
class TestCliLifecycle : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void identifyOwnToken();
    void identifyTokenOfAnotherClient();
    void identifyUnknownValue();
    void scanFindsOnlyOwnTokens();
    void expiringExitCodes();
    void calendarOnStdout();
    void noValuePrinted();

private:
    void addAccount(CliRunner &cli, const QString &name, const QByteArray &password);
    QJsonObject create(CliRunner &cli, const QString &name, const QString &expiry);

    SandboxProcess m_sandbox;
    QTemporaryDir m_dir;
    QTemporaryDir m_otherDir;
    QTemporaryDir m_work;
    CliRunner m_cli;
    CliRunner m_other;
    QString m_baseUrl;
    QString m_username;
    QByteArray m_password;
    QJsonObject m_own;
    QJsonObject m_foreign;
};

void TestCliLifecycle::initTestCase()
{
    TOKENDESK_START_CLI_SANDBOX(QStringLiteral("specter"), m_sandbox, m_dir, m_cli);
    QVERIFY(m_otherDir.isValid() && m_work.isValid());
    m_other.setConfigDir(m_otherDir.path());
    const QJsonObject specter = m_sandbox.service(QStringLiteral("specter"));
    m_baseUrl = specter.value(QStringLiteral("base_url")).toString();
    m_username = specter.value(QStringLiteral("username")).toString();
    m_password = specter.value(QStringLiteral("password")).toString().toUtf8();
    addAccount(m_cli, QStringLiteral("Lab"), m_password);
    addAccount(m_cli, QStringLiteral("Broken"), "wrong-" + QUuid::createUuid().toByteArray(QUuid::WithoutBraces));
    addAccount(m_other, QStringLiteral("Elsewhere"), m_password);
    m_own = create(m_cli, QStringLiteral("deploy bot"), QStringLiteral("2 days"));
    m_foreign = create(m_other, QStringLiteral("made elsewhere"), QStringLiteral("30 days"));
    QVERIFY(!m_own.isEmpty() && !m_foreign.isEmpty());
}

void TestCliLifecycle::addAccount(CliRunner &cli, const QString &name, const QByteArray &password)
{
    const CliRun run = cli.run(
        {QStringLiteral("--secrets-stdin"), QStringLiteral("account"), QStringLiteral("add"),
            QStringLiteral("--provider"), QStringLiteral("specter"), QStringLiteral("--name"), name,
            QStringLiteral("--url"), m_baseUrl, QStringLiteral("--option"), QStringLiteral("username=") + m_username},
        "password=" + password + "\n");
    QVERIFY2(run.exitCode == 0, run.err.constData());
}

QJsonObject TestCliLifecycle::create(CliRunner &cli, const QString &name, const QString &expiry)
{
    const QString account = &cli == &m_cli ? QStringLiteral("Lab") : QStringLiteral("Elsewhere");
    const CliRun run = cli.run({QStringLiteral("create"), account, QStringLiteral("--name"), name,
        QStringLiteral("--expiry"), expiry, QStringLiteral("--json")});
    if (run.exitCode != 0)
        qWarning("create failed: %s", run.err.constData());
    return QJsonDocument::fromJson(run.out).object();
}

void TestCliLifecycle::identifyOwnToken()
{
    const QByteArray value = m_own.value(QStringLiteral("token")).toString().toUtf8();
    const CliRun run = m_cli.run({QStringLiteral("identify"), QStringLiteral("--token-stdin"),
                                     QStringLiteral("--account"), QStringLiteral("Lab"), QStringLiteral("--json")},
        value + "\n");
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const QJsonArray matches = QJsonDocument::fromJson(run.out).array();
    QCOMPARE(matches.size(), 1);
    const QJsonObject match = matches.first().toObject();
    QCOMPARE(match.value(QStringLiteral("account")).toString(), QStringLiteral("Lab"));
    QCOMPARE(match.value(QStringLiteral("id")).toString(), m_own.value(QStringLiteral("id")).toString());
    QCOMPARE(match.value(QStringLiteral("name")).toString(), QStringLiteral("deploy bot"));
    QCOMPARE(match.value(QStringLiteral("evidence")).toString(), QStringLiteral("fingerprint"));
    QVERIFY(match.value(QStringLiteral("listed")).toBool());
    QVERIFY(!match.value(QStringLiteral("created_at")).toString().isEmpty());

    const CliRun human = m_cli.run({QStringLiteral("identify"), QStringLiteral("--token-stdin"),
                                       QStringLiteral("--account"), QStringLiteral("Lab")},
        value);
    QCOMPARE(human.exitCode, 0);
    QVERIFY(human.out.contains("Specter"));
    const QByteArray revokeHint = "tokendesk-cli revoke Lab " + m_own.value(QStringLiteral("id")).toString().toUtf8();
    QVERIFY(human.out.contains(revokeHint));

    // Usage: only from stdin.
    QCOMPARE(m_cli.run({QStringLiteral("identify")}).exitCode, 2);
    QCOMPARE(m_cli.run({QStringLiteral("identify"), QStringLiteral("--token-stdin")}, "").exitCode, 2);
}

void TestCliLifecycle::identifyTokenOfAnotherClient()
{
    const QByteArray value = m_foreign.value(QStringLiteral("token")).toString().toUtf8();
    // All accounts: Broken cannot be listed (said on stderr), Lab lists the token by its jwt_token_id.
    const CliRun run =
        m_cli.run({QStringLiteral("identify"), QStringLiteral("--token-stdin"), QStringLiteral("--json")}, value);
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QVERIFY(run.err.contains("Broken"));
    const QJsonArray matches = QJsonDocument::fromJson(run.out).array();
    QCOMPARE(matches.size(), 1);
    const QJsonObject match = matches.first().toObject();
    QCOMPARE(match.value(QStringLiteral("account")).toString(), QStringLiteral("Lab"));
    QCOMPARE(match.value(QStringLiteral("id")).toString(), m_foreign.value(QStringLiteral("id")).toString());
    QCOMPARE(match.value(QStringLiteral("evidence")).toString(), QStringLiteral("listed-claim"));
}

void TestCliLifecycle::identifyUnknownValue()
{
    const CliRun run = m_cli.run({QStringLiteral("identify"), QStringLiteral("--token-stdin"),
                                     QStringLiteral("--account"), QStringLiteral("Lab")},
        "appsk_kV3ts5tKPNJN4Dl25cMTfUNdmabxbX0O\n");
    QCOMPARE(run.exitCode, 4);
    QVERIFY(run.out.contains("No token"));
}

void TestCliLifecycle::scanFindsOnlyOwnTokens()
{
    const QByteArray own = m_own.value(QStringLiteral("token")).toString().toUtf8();
    const QByteArray foreign = m_foreign.value(QStringLiteral("token")).toString().toUtf8();
    const QDir work(m_work.path());
    QVERIFY(work.mkpath(QStringLiteral("repo/config")));
    const auto write = [&work](const QString &path, const QByteArray &content) {
        QFile file(work.filePath(path));
        return file.open(QIODevice::WriteOnly) && file.write(content) == content.size();
    };
    QVERIFY(write(QStringLiteral("repo/config/.env"), "A=1\nSPECTER=" + own + "\n"));
    QVERIFY(write(QStringLiteral("repo/history"), "curl -H 'Authorization: Bearer " + foreign + "'\n"));
    QVERIFY(write(QStringLiteral("repo/gh.txt"), "x\ny\nghp_0123456789abcdefghijklmnopqrstuvwxyz\n"));
    QVERIFY(write(QStringLiteral("clean.txt"), "nothing here\n"));

    const CliRun run = m_cli.run({QStringLiteral("scan"), work.filePath(QStringLiteral("repo")),
        QStringLiteral("--note"), QStringLiteral("--json")});
    QVERIFY2(run.exitCode == 1, run.err.constData());
    const QJsonObject report = QJsonDocument::fromJson(run.out).object();
    const QJsonArray hits = report.value(QStringLiteral("hits")).toArray();
    QCOMPARE(hits.size(), 1); // the token another client made is not TokenDesk's (no fingerprint here)
    const QJsonObject hit = hits.first().toObject();
    QVERIFY(hit.value(QStringLiteral("path")).toString().endsWith(QLatin1String("repo/config/.env")));
    QCOMPARE(hit.value(QStringLiteral("line")).toInt(), 2);
    QCOMPARE(hit.value(QStringLiteral("account")).toString(), QStringLiteral("Lab"));
    QCOMPARE(hit.value(QStringLiteral("id")).toString(), m_own.value(QStringLiteral("id")).toString());
    const QJsonArray foreignHits = report.value(QStringLiteral("foreign")).toArray();
    QCOMPARE(foreignHits.size(), 1);
    QCOMPARE(foreignHits.first().toObject().value(QStringLiteral("line")).toInt(), 3);
    QVERIFY(foreignHits.first()
                .toObject()
                .value(QStringLiteral("revocation"))
                .toString()
                .contains(QLatin1String("github.com")));
    QCOMPARE(report.value(QStringLiteral("files")).toInt(), 3);
    QCOMPARE(report.value(QStringLiteral("noted")).toInt(), 1);

    // The sighting is in the token's notes now.
    const CliRun identify = m_cli.run({QStringLiteral("identify"), QStringLiteral("--token-stdin"),
                                          QStringLiteral("--account"), QStringLiteral("Lab"), QStringLiteral("--json")},
        own);
    QVERIFY(QJsonDocument::fromJson(identify.out)
                .array()
                .first()
                .toObject()
                .value(QStringLiteral("notes"))
                .toString()
                .contains(QLatin1String("seen at")));

    const CliRun human = m_cli.run({QStringLiteral("scan"), work.filePath(QStringLiteral("repo"))});
    QCOMPARE(human.exitCode, 1);
    QVERIFY(human.out.contains(".env:2: token \"deploy bot\""));
    QVERIFY(human.out.contains("not TokenDesk's"));

    QCOMPARE(m_cli.run({QStringLiteral("scan"), work.filePath(QStringLiteral("clean.txt"))}).exitCode, 0);
    QCOMPARE(m_cli.run({QStringLiteral("scan"), work.filePath(QStringLiteral("missing"))}).exitCode, 4);
    QCOMPARE(m_cli.run({QStringLiteral("scan")}).exitCode, 2);
    QCOMPARE(
        m_cli.run({QStringLiteral("scan"), work.path(), QStringLiteral("--max-size"), QStringLiteral("0")}).exitCode,
        2);
}

void TestCliLifecycle::expiringExitCodes()
{
    const CliRun soon = m_cli.run({QStringLiteral("expiring"), QStringLiteral("--within"), QStringLiteral("7d"),
        QStringLiteral("--account"), QStringLiteral("Lab"), QStringLiteral("--json")});
    QVERIFY2(soon.exitCode == 1, soon.err.constData());
    const QJsonArray tokens = QJsonDocument::fromJson(soon.out).array();
    QCOMPARE(tokens.size(), 1); // the 2-day token; the 30-day one is later
    QCOMPARE(
        tokens.first().toObject().value(QStringLiteral("id")).toString(), m_own.value(QStringLiteral("id")).toString());
    QCOMPARE(tokens.first().toObject().value(QStringLiteral("account")).toString(), QStringLiteral("Lab"));

    const CliRun none = m_cli.run({QStringLiteral("expiring"), QStringLiteral("--within"), QStringLiteral("1h"),
        QStringLiteral("--account"), QStringLiteral("Lab")});
    QCOMPARE(none.exitCode, 0);
    QVERIFY(none.out.contains("No token expires"));

    const CliRun human = m_cli.run({QStringLiteral("expiring"), QStringLiteral("--account"), QStringLiteral("Lab")});
    QCOMPARE(human.exitCode, 1); // default window 7 days
    QVERIFY(human.out.contains("deploy bot"));

    // An account that cannot be checked: its exit code when nothing was found, 1 when something was.
    QCOMPARE(
        m_cli.run({QStringLiteral("expiring"), QStringLiteral("--account"), QStringLiteral("Broken")}).exitCode, 3);
    QCOMPARE(m_cli.run({QStringLiteral("expiring")}).exitCode, 1);
    QCOMPARE(m_cli.run({QStringLiteral("expiring"), QStringLiteral("--account"), QStringLiteral("Nope")}).exitCode, 4);
    QCOMPARE(
        m_cli.run({QStringLiteral("expiring"), QStringLiteral("--within"), QStringLiteral("soonish")}).exitCode, 2);
    QCOMPARE(m_cli.run({QStringLiteral("expiring"), QStringLiteral("extra")}).exitCode, 2);
}

void TestCliLifecycle::calendarOnStdout()
{
    const CliRun run = m_cli.run({QStringLiteral("calendar"), QStringLiteral("--within"), QStringLiteral("90d"),
        QStringLiteral("--account"), QStringLiteral("Lab")});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QVERIFY(run.out.startsWith("BEGIN:VCALENDAR\r\n"));
    QVERIFY(run.out.endsWith("END:VCALENDAR\r\n"));
    QCOMPARE(run.out.count("BEGIN:VEVENT"), 2); // both tokens are in Lab's list
    QCOMPARE(run.out.count("BEGIN:VALARM"), 4); // the default thresholds: 7 days and 24 hours
    QVERIFY(run.out.contains("deploy bot"));
    // Stable: the same UIDs again.
    const CliRun again = m_cli.run({QStringLiteral("calendar"), QStringLiteral("--account"), QStringLiteral("Lab")});
    const auto uids = [](const QByteArray &ics) {
        QList<QByteArray> found;
        for (const QByteArray &line : ics.split('\n')) {
            if (line.startsWith("UID:"))
                found.append(line.trimmed());
        }
        return found;
    };
    QCOMPARE(uids(again.out), uids(run.out));
}

void TestCliLifecycle::noValuePrinted()
{
    for (const QJsonObject &created : {m_own, m_foreign}) {
        const QByteArray value = created.value(QStringLiteral("token")).toString().toUtf8();
        QVERIFY(!value.isEmpty());
        QCOMPARE((created == m_own ? m_cli : m_other).printedCount(value), 1); // by its create only
        QCOMPARE((created == m_own ? m_other : m_cli).printedCount(value), 0);
    }
    // Nor is it in the database or the request log of the configuration that scanned and identified it.
    for (const QString &name : {QStringLiteral("tokendesk.sqlite"), QStringLiteral("tokendesk.sqlite-wal"),
             QStringLiteral("requests.log"), QStringLiteral("accounts.ini")}) {
        QFile file(QDir(m_dir.path()).filePath(name));
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const QByteArray bytes = file.readAll();
        QVERIFY2(!bytes.contains(m_own.value(QStringLiteral("token")).toString().toUtf8()), qPrintable(name));
        QVERIFY2(!bytes.contains(m_foreign.value(QStringLiteral("token")).toString().toUtf8()), qPrintable(name));
    }
}

QTEST_GUILESS_MAIN(TestCliLifecycle)
#include "tst_cli_lifecycle.moc"
