#include "CliRunner.h"
#include "ConformanceSetup.h"
#include "PrismProxy.h"
#include "RawHttp.h"
#include "SandboxProcess.h"
#include "core/Totp.h"

#include <QDateTime>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

// tokendesk-cli's NetSapiens flows end to end through Stoplight Prism, which checks every request TokenDesk sends and
// every answer of the sandbox (v45 mode) against the published NetSapiens API v2 (core v45.0) document
// (../shared/contracts/specs): password login, MFA login, the current JWT, delegated tokens with their refresh JWT,
// revoke by jti and by uid, and sign-out. Any violation fails the test function it happened in, naming the request
// and the field.
class TestConformanceNetSapiens : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();
    void specVariantsMerged();
    void harnessReportsViolations();
    void passwordLogin();
    void currentToken();
    void mfaLogin();
    void delegatedWithRefresh();
    void revokeAllOfUser();
    void refreshGrantAnswer();
    void logout();
    void cleanupTestCase();

private:
    void addAccount(const QString &name, const QString &username, const QByteArray &password, bool withApiKey);
    QJsonObject createDelegated(const QString &user);

    SandboxProcess m_sandbox;
    PrismProxy m_prism;
    QTemporaryDir m_dir;
    CliRunner m_cli;
    QString m_nodeModules;
    QString m_specs;
    QJsonObject m_service;
    QString m_domain;
    QList<QByteArray> m_secrets;
};

namespace {

QByteArray bytes(const QJsonObject &object, const char *key)
{
    return object.value(QLatin1String(key)).toString().toUtf8();
}

} // namespace

void TestConformanceNetSapiens::initTestCase()
{
    TOKENDESK_CONFORMANCE_SETUP(QStringLiteral("netsapiens"), m_nodeModules, m_specs);
    QVERIFY(m_dir.isValid());
    m_cli.setConfigDir(m_dir.path());
    QVERIFY2(m_sandbox.start(), qPrintable(m_sandbox.errorString()));
    m_service = m_sandbox.service(QStringLiteral("netsapiens"));
    QCOMPARE(m_service.value(QStringLiteral("version")).toString(), QStringLiteral("v45"));
    m_domain = m_service.value(QStringLiteral("domain")).toString();
    for (const char *secret : {"password", "mfa_password", "client_secret", "api_key"})
        m_secrets << bytes(m_service, secret);

    // The MFA challenge (the first answer of an MFA user's password grant) carries no refresh JWT in the sandbox,
    // while the v45 spec's one JwtRequestSuccess schema, shared by every grant, requires it. What a real v45 server
    // sends there is unknown (shared/contracts/reality.md): a refresh JWT beside a challenge would let the refresh
    // grant skip the passcode, so the emulator sends none. mfaLogin() checks that exactly this one answer lacks it.
    //
    // GET /jwt with a revoked or expired token answers 401 ErrorResponse; the v45 extract lists only 200 there, while
    // the original v2 document (2.3.1.0) lists 400/401/404 ErrorResponse (shared/contracts/netsapiens.md): a gap of the
    // newer document, not of the server. logout() checks that sign-out (which asks GET /jwt afterwards) meets it.
    m_prism.setAllowed({{QStringLiteral("POST /jwt [200]"),
                            QStringLiteral("response.body Response body must have required property 'refresh'"),
                            QStringLiteral("MFA challenge: refresh JWT unknown on real servers")},
        {QStringLiteral("GET /jwt [401]"), QStringLiteral("Unable to match the returned status code"),
            QStringLiteral("401 is in the v2 document, dropped from the v45 one")}});
    QVERIFY2(
        m_prism.start(m_nodeModules, QDir(m_specs).filePath(QStringLiteral("netsapiens-api-v2-v45.0.auth-subset.json")),
            QUrl(m_service.value(QStringLiteral("base_url")).toString())),
        qPrintable(m_prism.errorString()));

    addAccount(QStringLiteral("NS"), m_service.value(QStringLiteral("username")).toString(),
        bytes(m_service, "password"), true);
    addAccount(QStringLiteral("NSMFA"), m_service.value(QStringLiteral("mfa_username")).toString(),
        bytes(m_service, "mfa_password"), false);
}

void TestConformanceNetSapiens::addAccount(
    const QString &name, const QString &username, const QByteArray &password, bool withApiKey)
{
    QByteArray secrets = "password=" + password + "\nclient_secret=" + bytes(m_service, "client_secret") + "\n";
    if (withApiKey)
        secrets += "api_key=" + bytes(m_service, "api_key") + "\n";
    const CliRun run =
        m_cli.run({QStringLiteral("--secrets-stdin"), QStringLiteral("account"), QStringLiteral("add"),
                      QStringLiteral("--provider"), QStringLiteral("netsapiens"), QStringLiteral("--name"), name,
                      QStringLiteral("--url"), m_prism.url().toString(), QStringLiteral("--option"),
                      QStringLiteral("username=") + username, QStringLiteral("--option"),
                      QStringLiteral("client_id=") + m_service.value(QStringLiteral("client_id")).toString(),
                      QStringLiteral("--option"), QStringLiteral("keep_signed_in=true")},
            secrets);
    QVERIFY2(run.exitCode == 0, run.err.constData());
}

void TestConformanceNetSapiens::cleanup()
{
    const QStringList violations = m_prism.takeViolations();
    QVERIFY2(violations.isEmpty(),
        qPrintable(QStringLiteral("spec violations:\n") + violations.join(u'\n') + QStringLiteral("\nPrism's log:\n")
            + QString::fromUtf8(m_prism.log().right(3000))));
}

// The document lists POST /jwt five times ("/jwt", "/jwt#1".."/jwt#3" for the refresh, MFA and delegated grants)
// and DELETE /jwt/{uid} twice; prepareSpec() folds them into one operation each that accepts every grant's body.
void TestConformanceNetSapiens::specVariantsMerged()
{
    QFile file(QDir(m_specs).filePath(QStringLiteral("netsapiens-api-v2-v45.0.auth-subset.json")));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QStringList notes;
    const QJsonObject paths = QJsonDocument::fromJson(PrismProxy::prepareSpec(file.readAll(), &notes))
                                  .object()
                                  .value(QStringLiteral("paths"))
                                  .toObject();
    for (const QString &path : paths.keys())
        QVERIFY2(!path.contains(u'#'), qPrintable(path));
    QVERIFY2(notes.contains(QStringLiteral("POST /jwt#3 merged into /jwt")), qPrintable(notes.join(u'\n')));
    QVERIFY2(
        notes.contains(QStringLiteral("DELETE /jwt/{jti}#1 merged into /jwt/{uid}")), qPrintable(notes.join(u'\n')));
    const QJsonObject post = paths.value(QStringLiteral("/jwt")).toObject().value(QStringLiteral("post")).toObject();
    const QJsonArray bodies = post.value(QStringLiteral("requestBody"))
                                  .toObject()
                                  .value(QStringLiteral("content"))
                                  .toObject()
                                  .value(QStringLiteral("application/json"))
                                  .toObject()
                                  .value(QStringLiteral("schema"))
                                  .toObject()
                                  .value(QStringLiteral("anyOf"))
                                  .toArray();
    QCOMPARE(bodies.size(), 4); // password, refresh, MFA, delegated
    QVERIFY(post.value(QStringLiteral("responses")).toObject().contains(QStringLiteral("404"))); // delegated only
}

void TestConformanceNetSapiens::harnessReportsViolations()
{
    // A password grant without its client credentials (a delegated request with a number for a user): no grant's
    // schema accepts it.
    const RawHttp::Reply reply = RawHttp::send("POST", m_prism.url().resolved(QUrl(QStringLiteral("/jwt"))),
        {RawHttp::jsonContentType()}, R"({"grant_type": "password", "user": 1000, "domain": "sandbox"})");
    QVERIFY(reply.hasHeader("sl-violations"));
    const QStringList violations = m_prism.takeViolations();
    QVERIFY2(!violations.isEmpty() && violations.first().startsWith(QLatin1String("POST /jwt [401]: request.body")),
        qPrintable(violations.join(u'\n')));
    // Each grant's reason is named: the delegated grant's field, the password grant's missing one.
    QVERIFY(
        violations.join(u'\n').contains(QLatin1String("request.body.user Request body property user must be string")));
    QVERIFY(violations.join(u'\n').contains(QLatin1String("required property 'client_secret'")));
}

void TestConformanceNetSapiens::passwordLogin()
{
    const int before = m_prism.forwardedCount();
    const CliRun run = m_cli.run({QStringLiteral("login"), QStringLiteral("NS")});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QVERIFY(run.out.contains("Signed in"));
    QVERIFY(m_prism.forwardedCount() > before);
}

void TestConformanceNetSapiens::currentToken()
{
    const int before = m_prism.forwardedCount();
    CliRun run =
        m_cli.run({QStringLiteral("show"), QStringLiteral("NS"), QStringLiteral("current"), QStringLiteral("--json")});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const QJsonObject claims = QJsonDocument::fromJson(run.out).object().value(QStringLiteral("claims")).toObject();
    QCOMPARE(claims.value(QStringLiteral("sub")).toString(), m_service.value(QStringLiteral("username")).toString());
    run = m_cli.run({QStringLiteral("tokens"), QStringLiteral("NS"), QStringLiteral("--json")});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QVERIFY(m_prism.forwardedCount() > before);
}

void TestConformanceNetSapiens::mfaLogin()
{
    const QString code = Totp::codeFromBase32(
        m_service.value(QStringLiteral("totp_secret")).toString(), QDateTime::currentDateTimeUtc());
    const int before = m_prism.forwardedCount();
    const CliRun run = m_cli.run(
        {QStringLiteral("login"), QStringLiteral("NSMFA"), QStringLiteral("--passcode-stdin")}, code.toUtf8() + "\n");
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QCOMPARE(m_prism.forwardedCount(), before + 2); // the password grant's challenge, then the passcode grant
    QVERIFY2(m_prism.takeViolations().isEmpty(), "the passcode grant's answer violates the spec");
    QCOMPARE(m_prism.allowedSeen().size(), 1); // the challenge only: the passcode grant's answer has its refresh
}

QJsonObject TestConformanceNetSapiens::createDelegated(const QString &user)
{
    const CliRun run = m_cli.run({QStringLiteral("create"), QStringLiteral("NS"), QStringLiteral("--delegate-user"),
        user, QStringLiteral("--delegate-domain"), m_domain, QStringLiteral("--json")});
    if (run.exitCode != 0) {
        qWarning("create failed (%d): %s", run.exitCode, run.err.constData());
        return {};
    }
    const QJsonObject created = QJsonDocument::fromJson(run.out).object();
    m_secrets << bytes(created, "token") << bytes(created.value(QStringLiteral("refresh")).toObject(), "token");
    return created;
}

// v45: the delegated answer has a refresh JWT; both are revoked by jti.
void TestConformanceNetSapiens::delegatedWithRefresh()
{
    const int before = m_prism.forwardedCount();
    const QJsonObject created = createDelegated(QStringLiteral("1003"));
    const QString jti = created.value(QStringLiteral("id")).toString();
    const QJsonObject refresh = created.value(QStringLiteral("refresh")).toObject();
    const QString refreshJti = refresh.value(QStringLiteral("id")).toString();
    QVERIFY(!jti.isEmpty());
    QVERIFY(!refreshJti.isEmpty() && refreshJti != jti);

    const CliRun run =
        m_cli.run({QStringLiteral("revoke"), QStringLiteral("NS"), jti, refreshJti, QStringLiteral("--json")});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const QJsonArray revoked = QJsonDocument::fromJson(run.out).array();
    QCOMPARE(revoked.size(), 2);
    for (const QJsonValue &entry : revoked)
        QVERIFY(entry.toObject().value(QStringLiteral("ok")).toBool());
    QVERIFY(m_prism.forwardedCount() >= before + 3);
}

void TestConformanceNetSapiens::revokeAllOfUser()
{
    QVERIFY(!createDelegated(QStringLiteral("1005")).isEmpty());
    const int before = m_prism.forwardedCount();
    const CliRun run = m_cli.run(
        {QStringLiteral("revoke"), QStringLiteral("NS"), QStringLiteral("--uid"), QStringLiteral("1005@") + m_domain});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QVERIFY(m_prism.forwardedCount() > before);
}

// The refresh grant's answer. TokenDesk sends this grant on its own shortly before a kept session expires, which a
// CLI run does not live to see; its body is NetSapiensWire::refreshGrant's {"refresh": ...}, sent here as is.
void TestConformanceNetSapiens::refreshGrantAnswer()
{
    const QJsonObject created = createDelegated(QStringLiteral("1004"));
    const QByteArray refresh = bytes(created.value(QStringLiteral("refresh")).toObject(), "token");
    QVERIFY(!refresh.isEmpty());
    const QJsonObject body {{QStringLiteral("refresh"), QString::fromUtf8(refresh)}};
    const RawHttp::Reply reply = RawHttp::send("POST", m_prism.url().resolved(QUrl(QStringLiteral("/jwt"))),
        {RawHttp::jsonContentType()}, QJsonDocument(body).toJson(QJsonDocument::Compact));
    QCOMPARE(reply.status, 200);
    const QJsonObject pair = reply.json();
    QCOMPARE(bytes(pair, "token").count('.'), 2);
    QCOMPARE(bytes(pair, "refresh").count('.'), 2);
    m_secrets << bytes(pair, "token") << bytes(pair, "refresh");
}

void TestConformanceNetSapiens::logout()
{
    const int before = m_prism.forwardedCount();
    for (const QString &account : {QStringLiteral("NS"), QStringLiteral("NSMFA")}) {
        const CliRun run = m_cli.run({QStringLiteral("logout"), account});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY(run.out.contains("Signed out"));
    }
    QVERIFY(m_prism.forwardedCount() >= before + 2);
    // Each sign-out checked with GET /jwt that the server no longer takes the token: the allowed 401s.
    QCOMPARE(m_prism.takeViolations(), QStringList());
    int checks = 0;
    for (const QString &allowed : m_prism.allowedSeen())
        checks += allowed.startsWith(QLatin1String("GET /jwt [401]")) ? 1 : 0;
    QCOMPARE(checks, 2);
}

void TestConformanceNetSapiens::cleanupTestCase()
{
    for (const QByteArray &secret : std::as_const(m_secrets)) {
        if (secret.size() < 8)
            continue;
        QVERIFY(!m_prism.log().contains(secret));
    }
    QVERIFY(!m_cli.printed(bytes(m_service, "password")));
    QVERIFY(!m_cli.printed(bytes(m_service, "api_key")));
}

QTEST_GUILESS_MAIN(TestConformanceNetSapiens)
#include "tst_conformance_netsapiens.moc"
