#include "CliRunner.h"
#include "SandboxProcess.h"
#include "TestHttpServer.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

// tokendesk-cli end to end against a tokendesk-sandbox process (Svix emulator): portal access and message
// tokens, the ledger listing with remaining life, field errors (local checks and a server's 422), expire-all
// (dry run and real, with grace and sessions) and logout of a portal token; no token value is printed anywhere
// but in create's output, and the API key never.
class TestCliSvix : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void createPortal();
    void createMessage();
    void tokensFromLedger();
    void singleRevokeIsRefused();
    void localFieldErrors();
    void serverValidationError();
    void revokeAllDryRunThenLogout();
    void revokeAllWithGraceAndSession();
    void revokeAllApplication();
    void auditRecordsActions();
    void regionFromKeyWithoutUrl();
    void dashboardAccessAndOneTimeExchange();
    void openSourceServer();
    void cleanupTestCase();

private:
    struct Created
    {
        QString id;
        QByteArray token;
        QByteArray link;
        QDateTime expires;
    };
    Created create(const QStringList &arguments);
    QJsonArray tokensJson(const QStringList &extra = {});
    QJsonObject findToken(const QString &id);
    int requestLogCount(const QByteArray &operation) const;
    // Runs the CLI while this process keeps serving events (for the in-process TestHttpServer).

    SandboxProcess m_sandbox;
    QTemporaryDir m_dir;
    CliRunner m_cli;
    QString m_baseUrl;
    QByteArray m_apiKey;
    QString m_app;
    QString m_otherApp;
    QList<QByteArray> m_printedOnce; // token values and magic links: in create's output only
    // For servers in this process: it runs the event loop while the CLI works.
    CliRunner m_servingCli;
    QString m_portalId; // session "cli-admin", 7 days
    QString m_otherSessionId; // session "cli-other", 2 hours
    QString m_messageId;
    QString m_otherAppId; // a portal token of the other application
};

void TestCliSvix::initTestCase()
{
    TOKENDESK_START_CLI_SANDBOX(QStringLiteral("svix"), m_sandbox, m_dir, m_cli);
    m_servingCli.setConfigDir(m_dir.path());
    m_servingCli.setSandboxInProcess(true);
    const QJsonObject svix = m_sandbox.service(QStringLiteral("svix"));
    m_baseUrl = svix.value(QStringLiteral("base_url")).toString();
    m_apiKey = svix.value(QStringLiteral("api_key")).toString().toUtf8();
    const QJsonArray apps = svix.value(QStringLiteral("app_ids")).toArray();
    QVERIFY(!m_baseUrl.isEmpty());
    QVERIFY(!m_apiKey.isEmpty());
    QVERIFY(apps.size() >= 2);
    m_app = apps.at(0).toString();
    m_otherApp = apps.at(1).toString();

    const CliRun run = addCliAccount(m_cli, QStringLiteral("svix"), QStringLiteral("Svix"), m_baseUrl,
        "api_key=" + m_apiKey + "\n", {QStringLiteral("--option"), QStringLiteral("session_id=cli-admin")});
    QVERIFY2(run.exitCode == 0, run.err.constData());
}

TestCliSvix::Created TestCliSvix::create(const QStringList &arguments)
{
    Created created;
    const CliRun run = m_cli.run(QStringList {QStringLiteral("create"), QStringLiteral("Svix")} + arguments
        + QStringList {QStringLiteral("--json")});
    if (run.exitCode != 0) {
        qWarning("create failed (%d): %s", run.exitCode, run.err.constData());
        return created;
    }
    const QJsonObject object = QJsonDocument::fromJson(run.out).object();
    created.id = object.value(QStringLiteral("id")).toString();
    created.token = object.value(QStringLiteral("token")).toString().toUtf8();
    created.link = object.value(QStringLiteral("link")).toString().toUtf8();
    created.expires = QDateTime::fromString(object.value(QStringLiteral("expires_at")).toString(), Qt::ISODate);
    if (!created.token.isEmpty())
        m_printedOnce << created.token;
    if (!created.link.isEmpty())
        m_printedOnce << created.link;
    return created;
}

QJsonArray TestCliSvix::tokensJson(const QStringList &extra)
{
    const CliRun run =
        m_cli.run(QStringList {QStringLiteral("tokens"), QStringLiteral("Svix"), QStringLiteral("--json")} + extra);
    if (run.exitCode != 0)
        qWarning("tokens failed: %s", run.err.constData());
    return QJsonDocument::fromJson(run.out).array();
}

QJsonObject TestCliSvix::findToken(const QString &id)
{
    for (const QJsonValue &entry : tokensJson()) {
        if (entry.toObject().value(QStringLiteral("id")).toString() == id)
            return entry.toObject();
    }
    return {};
}

int TestCliSvix::requestLogCount(const QByteArray &operation) const
{
    QFile file(QDir(m_dir.path()).filePath(QStringLiteral("requests.log")));
    if (!file.open(QIODevice::ReadOnly))
        return 0;
    int count = 0;
    const QByteArray needle = "\"operation\":\"" + operation + '"';
    for (const QByteArray &line : file.readAll().split('\n')) {
        if (line.contains(needle))
            ++count;
    }
    return count;
}

void TestCliSvix::createPortal()
{
    const Created portal = create({QStringLiteral("--kind"), QStringLiteral("portal"), QStringLiteral("--app"), m_app,
        QStringLiteral("--session"), QStringLiteral("cli-admin"), QStringLiteral("--expiry"), QStringLiteral("7d"),
        QStringLiteral("--read-only")});
    QVERIFY(!portal.token.isEmpty());
    QVERIFY(!portal.id.isEmpty());
    QVERIFY(portal.link.startsWith("https://"));
    QVERIFY(portal.expires.isValid());
    QVERIFY(qAbs(QDateTime::currentDateTimeUtc().secsTo(portal.expires) - 7 * 86400) < 120);
    m_portalId = portal.id;

    // The human form: the value once on its own line, then the link.
    const CliRun run = m_cli.run({QStringLiteral("create"), QStringLiteral("Svix"), QStringLiteral("--kind"),
        QStringLiteral("portal"), QStringLiteral("--app"), m_app, QStringLiteral("--session"),
        QStringLiteral("cli-other"), QStringLiteral("--expiry"), QStringLiteral("2 hours")});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const QList<QByteArray> lines = run.out.trimmed().split('\n');
    QVERIFY(lines.size() >= 3);
    const QByteArray value = lines.at(1).trimmed();
    QVERIFY(!value.isEmpty());
    QVERIFY(!value.contains(' '));
    m_printedOnce << value;
    QVERIFY(lines.at(2).startsWith("Link: https://"));
    m_printedOnce << lines.at(2).mid(6).trimmed();
    // The id is in the first line: "... (id ID), expires ...".
    const qsizetype open = lines.at(0).indexOf("(id ");
    QVERIFY(open > 0);
    const qsizetype close = lines.at(0).indexOf(')', open);
    m_otherSessionId = QString::fromUtf8(lines.at(0).mid(open + 4, close - open - 4));
    QVERIFY(!m_otherSessionId.isEmpty());

    const Created other = create({QStringLiteral("--kind"), QStringLiteral("portal"), QStringLiteral("--app"),
        m_otherApp, QStringLiteral("--expiry"), QStringLiteral("1 day")});
    QVERIFY(!other.id.isEmpty());
    m_otherAppId = other.id;
}

void TestCliSvix::createMessage()
{
    const Created message = create({QStringLiteral("--kind"), QStringLiteral("message"), QStringLiteral("--app"), m_app,
        QStringLiteral("--name"), QStringLiteral("ci-message"), QStringLiteral("--expiry"), QStringLiteral("1h")});
    QVERIFY(!message.token.isEmpty());
    QVERIFY(!message.id.isEmpty());
    QVERIFY(message.expires.isValid());
    QVERIFY(qAbs(QDateTime::currentDateTimeUtc().secsTo(message.expires) - 3600) < 120);
    m_messageId = message.id;

    // A message token needs its name: a usage-level field error, no call.
    const CliRun run = m_cli.run({QStringLiteral("create"), QStringLiteral("Svix"), QStringLiteral("--kind"),
        QStringLiteral("message"), QStringLiteral("--app"), m_app});
    QVERIFY(run.exitCode == 1 || run.exitCode == 2);
    QCOMPARE(run.errLines().size(), 1);
    QVERIFY2(run.err.contains("--name"), run.err.constData());
    QVERIFY(run.out.isEmpty());
}

void TestCliSvix::tokensFromLedger()
{
    const QJsonArray all = tokensJson();
    QCOMPARE(all.size(), 4);
    QHash<QString, QJsonObject> byId;
    for (const QJsonValue &entry : all)
        byId.insert(entry.toObject().value(QStringLiteral("id")).toString(), entry.toObject());
    QVERIFY(byId.contains(m_portalId));
    QVERIFY(byId.contains(m_otherSessionId));
    QVERIFY(byId.contains(m_messageId));
    QVERIFY(byId.contains(m_otherAppId));
    const qint64 portalLeft = byId.value(m_portalId).value(QStringLiteral("remaining_seconds")).toInteger();
    QVERIFY2(portalLeft > 7 * 86400 - 120 && portalLeft <= 7 * 86400, QByteArray::number(portalLeft).constData());
    const qint64 messageLeft = byId.value(m_messageId).value(QStringLiteral("remaining_seconds")).toInteger();
    QVERIFY2(messageLeft > 3600 - 120 && messageLeft <= 3600, QByteArray::number(messageLeft).constData());
    for (const QJsonObject &token : std::as_const(byId)) {
        QVERIFY(token.value(QStringLiteral("status")).toString() != QLatin1String("revoked"));
        QVERIFY(token.value(QStringLiteral("status")).toString() != QLatin1String("expired"));
    }

    // --app filters the ledger by application.
    const QJsonArray other = tokensJson({QStringLiteral("--app"), m_otherApp});
    QCOMPARE(other.size(), 1);
    QCOMPARE(other.first().toObject().value(QStringLiteral("id")).toString(), m_otherAppId);
    QCOMPARE(tokensJson({QStringLiteral("--app"), m_app}).size(), 3);

    // The human table has the remaining life column.
    const CliRun run = m_cli.run({QStringLiteral("tokens"), QStringLiteral("Svix"), QStringLiteral("--app"), m_app});
    QCOMPARE(run.exitCode, 0);
    QVERIFY(run.out.startsWith("ID"));
    QVERIFY(run.out.contains("REMAINING"));
    QVERIFY(run.out.contains(m_portalId.toUtf8()));
    QVERIFY(!run.out.contains(m_otherAppId.toUtf8()));
}

// Svix cannot revoke one token (only expire an application's sessions): `revoke` refuses it by the rule the
// window's revoke uses, before any revoke call: exit 4, one stderr line, the token still active.
void TestCliSvix::singleRevokeIsRefused()
{
    CliRun run = m_cli.run({QStringLiteral("revoke"), QStringLiteral("Svix"), m_portalId});
    QCOMPARE(run.exitCode, 4);
    QVERIFY(run.out.isEmpty());
    QCOMPARE(run.errLines().size(), 1);
    QVERIFY2(run.err.contains("cannot revoke single tokens"), run.err.constData());
    QVERIFY2(run.err.contains(m_portalId.toUtf8()), run.err.constData());

    run = m_cli.run({QStringLiteral("--json"), QStringLiteral("revoke"), QStringLiteral("Svix"), m_portalId});
    QCOMPARE(run.exitCode, 4);
    const QJsonArray results = QJsonDocument::fromJson(run.out).array();
    QCOMPARE(results.size(), 1);
    QCOMPARE(results.first().toObject().value(QStringLiteral("id")).toString(), m_portalId);
    QCOMPARE(results.first().toObject().value(QStringLiteral("ok")).toBool(true), false);
    QVERIFY(results.first()
                .toObject()
                .value(QStringLiteral("error"))
                .toString()
                .contains(QStringLiteral("cannot revoke single tokens")));
    const QJsonObject listed = findToken(m_portalId);
    QVERIFY(!listed.isEmpty());
    QVERIFY(listed.value(QStringLiteral("status")).toString() != QLatin1String("revoked"));
}

void TestCliSvix::localFieldErrors()
{
    const int before = tokensJson().size();
    const int posts = requestLogCount("svix.app-portal-access");

    // Out of range (1 hour to 7 days): refused before any call, the option named; a usage error like every
    // other invalid value.
    CliRun run = m_cli.run({QStringLiteral("create"), QStringLiteral("Svix"), QStringLiteral("--kind"),
        QStringLiteral("portal"), QStringLiteral("--app"), m_app, QStringLiteral("--expiry"), QStringLiteral("8d")});
    QCOMPARE(run.exitCode, 2);
    QCOMPARE(run.errLines().size(), 1);
    QVERIFY2(run.err.contains("--expiry"), run.err.constData());
    QVERIFY2(run.err.contains("7 days"), run.err.constData());
    QVERIFY(run.out.isEmpty());

    run =
        m_cli.run({QStringLiteral("create"), QStringLiteral("Svix"), QStringLiteral("--kind"), QStringLiteral("portal"),
            QStringLiteral("--app"), m_app, QStringLiteral("--session"), QStringLiteral("not a session!")});
    QCOMPARE(run.exitCode, 2);
    QCOMPARE(run.errLines().size(), 1);
    QVERIFY2(run.err.contains("--session"), run.err.constData());

    // An unknown option and an unknown kind are usage errors.
    run = m_cli.run({QStringLiteral("create"), QStringLiteral("Svix"), QStringLiteral("--kind"),
        QStringLiteral("portal"), QStringLiteral("--app"), m_app, QStringLiteral("--colour"), QStringLiteral("red")});
    QCOMPARE(run.exitCode, 2);
    QCOMPARE(run.errLines().size(), 1);
    run = m_cli.run({QStringLiteral("create"), QStringLiteral("Svix"), QStringLiteral("--kind"),
        QStringLiteral("dashboard"), QStringLiteral("--app"), m_app});
    QCOMPARE(run.exitCode, 2);
    QCOMPARE(run.errLines().size(), 1);

    // A grace period over 72 hours.
    run = m_cli.run({QStringLiteral("revoke-all"), QStringLiteral("Svix"), QStringLiteral("--app"), m_app,
        QStringLiteral("--grace"), QStringLiteral("4d")});
    QCOMPARE(run.exitCode, 2);
    QCOMPARE(run.errLines().size(), 1);
    QVERIFY2(run.err.contains("--grace"), run.err.constData());

    QCOMPARE(tokensJson().size(), before);
    QCOMPARE(requestLogCount("svix.app-portal-access"), posts);
    QCOMPARE(requestLogCount("svix.expire-all"), 0);
}

void TestCliSvix::serverValidationError()
{
    // A server whose limits are stricter than ours answers 422 with Svix's {detail: [{loc, msg, type}]}.
    TestHttpServer server;
    QVERIFY(server.listen());
    const QByteArray detail = R"({"detail":[{"loc":["body","expiry"],"msg":"ensure this value is less than or )"
                              R"(equal to 86400","type":"value_error.number.not_le"}]})";
    server.setFallback(TestHttpServer::json(422, detail));

    CliRun run = addCliAccount(m_servingCli, QStringLiteral("svix"), QStringLiteral("Strict"),
        server.baseUrl().toString(), "api_key=" + m_apiKey + "\n");
    QVERIFY2(run.exitCode == 0, run.err.constData());

    run = m_servingCli.run({QStringLiteral("create"), QStringLiteral("Strict"), QStringLiteral("--kind"),
        QStringLiteral("portal"), QStringLiteral("--app"), m_app, QStringLiteral("--expiry"), QStringLiteral("7d")});
    QVERIFY(run.finished);
    QCOMPARE(run.exitCode, 1);
    QCOMPARE(run.errLines().size(), 1);
    QVERIFY2(run.err.contains("--expiry: ensure this value is less than or equal to 86400"), run.err.constData());
    QVERIFY(run.out.isEmpty());
    QCOMPARE(server.requestCount(), 1); // a 422 is not retried

    run = m_servingCli.run({QStringLiteral("revoke-all"), QStringLiteral("Strict"), QStringLiteral("--app"), m_app,
        QStringLiteral("--grace"), QStringLiteral("2d")});
    QCOMPARE(run.exitCode, 1);
    QCOMPARE(run.errLines().size(), 1);
    QVERIFY2(run.err.contains("--grace: ensure this value"), run.err.constData());

    run = m_servingCli.run({QStringLiteral("tokens"), QStringLiteral("Strict"), QStringLiteral("--json")});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(QJsonDocument::fromJson(run.out).array().size(), 0);
}

void TestCliSvix::revokeAllDryRunThenLogout()
{
    const Created dry = create({QStringLiteral("--kind"), QStringLiteral("portal"), QStringLiteral("--app"), m_app,
        QStringLiteral("--session"), QStringLiteral("cli-dry"), QStringLiteral("--expiry"), QStringLiteral("1h")});
    QVERIFY(!dry.token.isEmpty());
    const QJsonArray before = tokensJson();
    const int expireCalls = requestLogCount("svix.expire-all"); // serverValidationError made one (to its server)

    // `expire-all`, the window's name; `revoke-all` below, the former name, still works.
    CliRun run = m_cli.run({QStringLiteral("expire-all"), QStringLiteral("Svix"), QStringLiteral("--app"), m_app,
        QStringLiteral("--grace"), QStringLiteral("0s"), QStringLiteral("--dry-run")});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QVERIFY2(run.out.contains("Would expire"), run.out.constData());
    QVERIFY(run.out.contains(m_app.toUtf8()));
    run = m_cli.run({QStringLiteral("revoke-all"), QStringLiteral("Svix"), QStringLiteral("--app"), m_app,
        QStringLiteral("--session"), QStringLiteral("cli-dry"), QStringLiteral("--dry-run"), QStringLiteral("--json")});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const QJsonObject plan = QJsonDocument::fromJson(run.out).object();
    QCOMPARE(plan.value(QStringLiteral("dry_run")).toBool(), true);
    QCOMPARE(plan.value(QStringLiteral("sessions")).toArray().size(), 1);

    // No call was made and the ledger is unchanged.
    QCOMPARE(requestLogCount("svix.expire-all"), expireCalls);
    const QJsonArray after = tokensJson();
    QCOMPARE(after.size(), before.size());
    for (qsizetype i = 0; i < after.size(); ++i) {
        const QJsonObject a = before.at(i).toObject();
        const QJsonObject b = after.at(i).toObject();
        QCOMPARE(b.value(QStringLiteral("id")), a.value(QStringLiteral("id")));
        QCOMPARE(b.value(QStringLiteral("expires_at")), a.value(QStringLiteral("expires_at")));
        QCOMPARE(b.value(QStringLiteral("status")), a.value(QStringLiteral("status")));
    }

    // The server did not expire the token either: logout (with that token, not the API key) accepts it once.
    run = m_cli.run(
        {QStringLiteral("logout"), QStringLiteral("Svix"), QStringLiteral("--token-stdin")}, dry.token + "\n");
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QVERIFY(run.out.contains("logged out"));
    QCOMPARE(findToken(dry.id).value(QStringLiteral("status")).toString(), QStringLiteral("revoked"));

    run = m_cli.run(
        {QStringLiteral("logout"), QStringLiteral("Svix"), QStringLiteral("--token-stdin")}, dry.token + "\n");
    QCOMPARE(run.exitCode, 3);
    QCOMPARE(run.errLines().size(), 1);
    QVERIFY2(run.err.contains("logged out"), run.err.constData());
    QVERIFY(run.out.isEmpty());

    // The API key cannot log itself out.
    run =
        m_cli.run({QStringLiteral("logout"), QStringLiteral("Svix"), QStringLiteral("--token-stdin")}, m_apiKey + "\n");
    QCOMPARE(run.exitCode, 3);
    QCOMPARE(run.errLines().size(), 1);

    // Nothing on stdin is a usage error.
    run = m_cli.run({QStringLiteral("logout"), QStringLiteral("Svix"), QStringLiteral("--token-stdin")});
    QCOMPARE(run.exitCode, 2);
    QCOMPARE(run.errLines().size(), 1);
}

void TestCliSvix::revokeAllWithGraceAndSession()
{
    const QJsonObject otherBefore = findToken(m_otherSessionId);
    const int expireCalls = requestLogCount("svix.expire-all");
    CliRun run = m_cli.run({QStringLiteral("revoke-all"), QStringLiteral("Svix"), QStringLiteral("--app"), m_app,
        QStringLiteral("--grace"), QStringLiteral("60s"), QStringLiteral("--session"), QStringLiteral("cli-admin")});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QVERIFY(run.out.contains("Expired"));
    QVERIFY(run.out.contains("cli-admin"));
    QCOMPARE(requestLogCount("svix.expire-all"), expireCalls + 1);

    // The session's token now ends after the grace period; the other session's token is untouched.
    const QJsonObject portal = findToken(m_portalId);
    const qint64 left = portal.value(QStringLiteral("remaining_seconds")).toInteger();
    QVERIFY2(left <= 60 && left > 0, QByteArray::number(left).constData());
    const QJsonObject other = findToken(m_otherSessionId);
    QCOMPARE(other.value(QStringLiteral("expires_at")), otherBefore.value(QStringLiteral("expires_at")));
    QVERIFY(other.value(QStringLiteral("remaining_seconds")).toInteger() > 3600);
    QVERIFY(findToken(m_otherAppId).value(QStringLiteral("remaining_seconds")).toInteger() > 3600);
}

void TestCliSvix::revokeAllApplication()
{
    CliRun run = m_cli.run({QStringLiteral("revoke-all"), QStringLiteral("Svix"), QStringLiteral("--app"), m_otherApp,
        QStringLiteral("--json")});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const QJsonObject result = QJsonDocument::fromJson(run.out).object();
    QCOMPARE(result.value(QStringLiteral("ok")).toBool(), true);
    QCOMPARE(result.value(QStringLiteral("dry_run")).toBool(), false);
    QCOMPARE(result.value(QStringLiteral("grace_seconds")).toInteger(), 0);

    const QJsonObject expired = findToken(m_otherAppId);
    QCOMPARE(expired.value(QStringLiteral("remaining_seconds")).toInteger(), 0);
    QCOMPARE(expired.value(QStringLiteral("status")).toString(), QStringLiteral("expired"));
    // The first application's tokens are untouched by it.
    QVERIFY(findToken(m_otherSessionId).value(QStringLiteral("remaining_seconds")).toInteger() > 3600);

    // An application the service does not know: not found.
    run = m_cli.run(
        {QStringLiteral("revoke-all"), QStringLiteral("Svix"), QStringLiteral("--app"), QStringLiteral("app_nope")});
    QCOMPARE(run.exitCode, 4);
    QCOMPARE(run.errLines().size(), 1);
}

void TestCliSvix::auditRecordsActions()
{
    CliRun run = m_cli.run({QStringLiteral("audit"), QStringLiteral("--json")});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const QSet<QString> seen = auditOutcomes(run.out);
    for (const char *expected : {"Svix/create/success", "Svix/expire-all/success", "Svix/expire-all/failure",
             "Svix/logout-token/success", "Svix/logout-token/failure", "Strict/create/failure"})
        QVERIFY2(seen.contains(QLatin1String(expected)), expected);

    run = m_cli.run({QStringLiteral("audit"), QStringLiteral("--csv")});
    QCOMPARE(run.exitCode, 0);
    QVERIFY(!run.out.contains(m_apiKey));
    for (const QByteArray &value : std::as_const(m_printedOnce))
        QVERIFY(!run.out.contains(value));
}

// `account add` without --url stores no URL: the API key's region suffix picks the host, which `account list`
// shows (table and JSON); an explicit --url still wins. The key itself is never printed.
void TestCliSvix::regionFromKeyWithoutUrl()
{
    const QByteArray regionalKey = "sk_cli_region_test_key.us";
    CliRun run = addCliAccount(m_cli, QStringLiteral("svix"), QStringLiteral("Regional"), QString(),
        "api_key=" + regionalKey + "\n", {QStringLiteral("--json")});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QCOMPARE(QJsonDocument::fromJson(run.out).object().value(QStringLiteral("url")).toString(), QString());

    run = m_cli.run({QStringLiteral("account"), QStringLiteral("list"), QStringLiteral("--json")});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QHash<QString, QJsonObject> byName;
    for (const QJsonValue &value : QJsonDocument::fromJson(run.out).array())
        byName.insert(value.toObject().value(QStringLiteral("name")).toString(), value.toObject());
    QVERIFY(byName.contains(QStringLiteral("Regional")));
    QCOMPARE(byName.value(QStringLiteral("Regional")).value(QStringLiteral("url")).toString(), QString());
    QCOMPARE(byName.value(QStringLiteral("Regional")).value(QStringLiteral("effective_url")).toString(),
        QStringLiteral("https://api.us.svix.com"));
    QCOMPARE(byName.value(QStringLiteral("Svix")).value(QStringLiteral("effective_url")).toString(), m_baseUrl);
    QVERIFY(!run.out.contains(regionalKey));

    run = m_cli.run({QStringLiteral("account"), QStringLiteral("list")});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QVERIFY2(run.out.contains("https://api.us.svix.com (from the credentials)"), run.out.constData());
    QVERIFY(!run.out.contains(regionalKey));
    QVERIFY(!run.err.contains(regionalKey));

    run = m_cli.run({QStringLiteral("account"), QStringLiteral("remove"), QStringLiteral("Regional")});
    QVERIFY2(run.exitCode == 0, run.err.constData());
}

// The two seed operations outside `create`: dashboard-access prints a portal token and magic link; the
// one-time key of that link, given on stdin, is exchanged for the portal token. Both are audited.
void TestCliSvix::dashboardAccessAndOneTimeExchange()
{
    CliRun run = m_cli.run({QStringLiteral("svix"), QStringLiteral("Svix"), QStringLiteral("dashboard-access"),
        QStringLiteral("--app"), m_app, QStringLiteral("--json")});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const QJsonObject dashboard = QJsonDocument::fromJson(run.out).object();
    const QString token = dashboard.value(QStringLiteral("token")).toString();
    const QString link = dashboard.value(QStringLiteral("link")).toString();
    QVERIFY2(token.startsWith(QLatin1String("appsk_")), run.out.constData());
    const qsizetype key = link.indexOf(QLatin1String("#key="));
    QVERIFY2(key > 0, qPrintable(link));
    const QByteArray oneTime = link.mid(key + 5).toUtf8();

    // The one-time token is never an argument: it comes on stdin.
    run = m_cli.run({QStringLiteral("svix"), QStringLiteral("Svix"), QStringLiteral("exchange-one-time-token"),
                        QStringLiteral("--json")},
        oneTime + "\n");
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QCOMPARE(QJsonDocument::fromJson(run.out).object().value(QStringLiteral("token")).toString(), token);
    // Single use: the second exchange is refused.
    run = m_cli.run(
        {QStringLiteral("svix"), QStringLiteral("Svix"), QStringLiteral("exchange-one-time-token")}, oneTime + "\n");
    QCOMPARE(run.exitCode, 3);

    run = m_cli.run({QStringLiteral("svix"), QStringLiteral("Svix"), QStringLiteral("dashboard-access")});
    QCOMPARE(run.exitCode, 2);
    run = m_cli.run(
        {QStringLiteral("audit"), QStringLiteral("--json"), QStringLiteral("--account"), QStringLiteral("Svix")});
    QVERIFY(run.out.contains("dashboard-access"));
    QVERIFY(run.out.contains("exchange-one-time-token"));
    QVERIFY(!run.out.contains(token.toUtf8()));
    QVERIFY(!run.out.contains(oneTime));
}

// Against `tokendesk-sandbox --svix-oss`: the portal token is reported as the server makes it (28 days, full
// access, with a note), message tokens and expire-all are not offered, logout says the server lacks it.
void TestCliSvix::openSourceServer()
{
    SandboxProcess oss;
    QVERIFY2(oss.start({QStringLiteral("--svix-oss")}), qPrintable(oss.errorString()));
    const QString url = oss.service(QStringLiteral("svix")).value(QStringLiteral("base_url")).toString();
    CliRun run =
        addCliAccount(m_cli, QStringLiteral("svix"), QStringLiteral("SvixOss"), url, "api_key=" + m_apiKey + "\n");
    QVERIFY2(run.exitCode == 0, run.err.constData());

    const QDateTime before = QDateTime::currentDateTimeUtc();
    run = m_cli.run({QStringLiteral("create"), QStringLiteral("SvixOss"), QStringLiteral("--app"), m_app,
        QStringLiteral("--expiry"), QStringLiteral("1h"), QStringLiteral("--read-only"), QStringLiteral("--json")});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const QJsonObject created = QJsonDocument::fromJson(run.out).object();
    m_printedOnce << created.value(QStringLiteral("token")).toString().toUtf8()
                  << created.value(QStringLiteral("link")).toString().toUtf8();
    const QDateTime expires =
        QDateTime::fromString(created.value(QStringLiteral("expires_at")).toString(), Qt::ISODate);
    QVERIFY2(qAbs(before.secsTo(expires) - 28 * 24 * 3600) < 120, run.out.constData());
    const QString notes = created.value(QStringLiteral("notes")).toArray().at(0).toString();
    QVERIFY2(
        notes.contains(QLatin1String("28 days")) && notes.contains(QLatin1String("full access")), qPrintable(notes));

    // The listing keeps the server's 28 days, not the hour that was asked for.
    run = m_cli.run({QStringLiteral("tokens"), QStringLiteral("SvixOss"), QStringLiteral("--json")});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const qint64 remaining = QJsonDocument::fromJson(run.out)
                                 .array()
                                 .at(0)
                                 .toObject()
                                 .value(QStringLiteral("remaining_seconds"))
                                 .toInteger();
    QVERIFY2(remaining > 27 * 24 * 3600, run.out.constData());

    run = m_cli.run({QStringLiteral("create"), QStringLiteral("SvixOss"), QStringLiteral("--kind"),
        QStringLiteral("message"), QStringLiteral("--app"), m_app, QStringLiteral("--name"), QStringLiteral("m")});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains("portal"), run.err.constData());
    run = m_cli.run({QStringLiteral("revoke-all"), QStringLiteral("SvixOss"), QStringLiteral("--app"), m_app});
    QCOMPARE(run.exitCode, 4);
    QVERIFY2(!run.err.contains("application"), run.err.constData());
    run = m_cli.run({QStringLiteral("logout"), QStringLiteral("SvixOss"), QStringLiteral("--token-stdin")},
        created.value(QStringLiteral("token")).toString().toUtf8() + "\n");
    QCOMPARE(run.exitCode, 4);
    QVERIFY2(run.err.contains("not implemented by this server"), run.err.constData());

    run = m_cli.run({QStringLiteral("account"), QStringLiteral("remove"), QStringLiteral("SvixOss")});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    oss.stop();
}

void TestCliSvix::cleanupTestCase()
{
    m_sandbox.stop();
    // The API key was never printed; each token value and magic link appeared exactly once (create's output).
    if (!m_apiKey.isEmpty()) {
        QVERIFY(!m_cli.printed(m_apiKey));
        QVERIFY(!m_servingCli.printed(m_apiKey));
    }
    for (const QByteArray &value : std::as_const(m_printedOnce))
        QCOMPARE(m_cli.printedCount(value), 1);
}

QTEST_GUILESS_MAIN(TestCliSvix)
#include "tst_cli_svix.moc"
