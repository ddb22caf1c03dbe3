#include "CliRunner.h"
#include "ConformanceSetup.h"
#include "PrismProxy.h"
#include "RawHttp.h"
#include "SandboxProcess.h"

#include <QDateTime>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

// tokendesk-cli's Svix flows end to end through Stoplight Prism, which checks every request TokenDesk sends and every
// answer of the sandbox against Svix's published OpenAPI documents (../shared/contracts/specs): the current cloud
// spec (v1.947.0) for portal access, message tokens, expire-all, logout and the one-time exchange; v1.64.0, the last
// one listing it, for dashboard-access; the open-source server's spec against `tokendesk-sandbox --svix-oss`.
// Any violation fails the test function it happened in, naming the request and the field.
class TestConformanceSvix : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();
    void harnessReportsViolations();
    void portalAccess();
    void messageToken();
    void tokensFromLedger();
    void expireAll();
    void logout();
    void dashboardAccessAndOneTimeExchange();
    void openSourceServer();
    void harnessReportsRemock();
    void cleanupTestCase();

private:
    QJsonObject createJson(const QString &account, const QStringList &arguments);
    void addAccount(const QString &name, const QUrl &url);

    SandboxProcess m_sandbox;
    SandboxProcess m_ossSandbox;
    PrismProxy m_prism; // current cloud spec
    PrismProxy m_legacyPrism; // v1.64.0, with dashboard-access
    PrismProxy m_ossPrism; // the open-source server's spec
    QTemporaryDir m_dir;
    CliRunner m_cli;
    QString m_nodeModules;
    QString m_specs;
    QByteArray m_apiKey;
    QString m_app;
    QByteArray m_portalToken; // session "conformance", for logout
    QList<QByteArray> m_secrets;
};

void TestConformanceSvix::initTestCase()
{
    TOKENDESK_CONFORMANCE_SETUP(QStringLiteral("svix"), m_nodeModules, m_specs);
    QVERIFY(m_dir.isValid());
    m_cli.setConfigDir(m_dir.path());
    QVERIFY2(m_sandbox.start(), qPrintable(m_sandbox.errorString()));
    const QJsonObject svix = m_sandbox.service(QStringLiteral("svix"));
    const QUrl upstream(svix.value(QStringLiteral("base_url")).toString());
    m_apiKey = svix.value(QStringLiteral("api_key")).toString().toUtf8();
    m_app = svix.value(QStringLiteral("app_ids")).toArray().at(0).toString();
    QVERIFY(!m_apiKey.isEmpty());
    QVERIFY(!m_app.isEmpty());
    m_secrets << m_apiKey;

    const QDir specs(m_specs);
    QVERIFY2(m_prism.start(
                 m_nodeModules, specs.filePath(QStringLiteral("svix-lib-openapi.auth-subset.v1.947.0.json")), upstream),
        qPrintable(m_prism.errorString()));
    QVERIFY2(m_legacyPrism.start(
                 m_nodeModules, specs.filePath(QStringLiteral("svix-lib-openapi.auth-subset.v1.64.0.json")), upstream),
        qPrintable(m_legacyPrism.errorString()));
    addAccount(QStringLiteral("Svix"), m_prism.url());
    addAccount(QStringLiteral("SvixLegacy"), m_legacyPrism.url());
}

void TestConformanceSvix::addAccount(const QString &name, const QUrl &url)
{
    const CliRun run = m_cli.run({QStringLiteral("--secrets-stdin"), QStringLiteral("account"), QStringLiteral("add"),
                                     QStringLiteral("--provider"), QStringLiteral("svix"), QStringLiteral("--name"),
                                     name, QStringLiteral("--url"), url.toString()},
        "api_key=" + m_apiKey + "\n");
    QVERIFY2(run.exitCode == 0, run.err.constData());
}

// After every test function: nothing Prism saw violated the spec.
void TestConformanceSvix::cleanup()
{
    QStringList violations = m_prism.takeViolations() + m_legacyPrism.takeViolations();
    if (m_ossSandbox.isRunning())
        violations += m_ossPrism.takeViolations();
    QVERIFY2(violations.isEmpty(),
        qPrintable(QStringLiteral("spec violations:\n") + violations.join(u'\n') + QStringLiteral("\nPrism's log:\n")
            + QString::fromUtf8(m_prism.log().right(3000))));
}

QJsonObject TestConformanceSvix::createJson(const QString &account, const QStringList &arguments)
{
    const CliRun run =
        m_cli.run(QStringList {QStringLiteral("create"), account} + arguments + QStringList {QStringLiteral("--json")});
    if (run.exitCode != 0) {
        qWarning("create failed (%d): %s", run.exitCode, run.err.constData());
        return {};
    }
    const QJsonObject created = QJsonDocument::fromJson(run.out).object();
    for (const char *field : {"token", "link"}) {
        const QByteArray value = created.value(QLatin1String(field)).toString().toUtf8();
        if (!value.isEmpty())
            m_secrets << value;
    }
    return created;
}

// The harness itself: a request the spec forbids and an answer it forbids are both reported, naming the field, so
// a clean run of the flows below means something.
void TestConformanceSvix::harnessReportsViolations()
{
    const QUrl portal = m_prism.url().resolved(QUrl(QStringLiteral("/api/v1/auth/app-portal-access/%1").arg(m_app)));
    const RawHttp::Headers headers {{"Authorization", "Bearer " + m_apiKey}, RawHttp::jsonContentType()};
    // expiry below the spec's minimum of 3600: Prism marks it in the sl-violations header and in its log.
    const RawHttp::Reply tooShort = RawHttp::send("POST", portal, headers, R"({"expiry": 5})");
    QVERIFY2(tooShort.header("sl-violations").contains("expiry"), tooShort.header("sl-violations").constData());
    QStringList violations = m_prism.takeViolations();
    QVERIFY2(violations.size() == 1 && violations.first().contains(QLatin1String("request.body.expiry")),
        qPrintable(violations.join(u'\n')));
    QVERIFY(violations.first().startsWith(QLatin1String("POST /api/v1/auth/app-portal-access/")));

    // A sandbox answer with wrong types (its fault injection, once): a response violation naming the field.
    const QUrl faults = QUrl(m_sandbox.service(QStringLiteral("svix")).value(QStringLiteral("base_url")).toString())
                            .resolved(QUrl(QStringLiteral("/_sandbox/faults")));
    const RawHttp::Reply added = RawHttp::send("POST", faults, {RawHttp::jsonContentType()},
        R"({"fault": "wrong-types", "path": "/svix/api/v1/auth/app-portal-access", "count": 1})");
    QCOMPARE(added.status, 201);
    const RawHttp::Reply wrongTypes = RawHttp::send("POST", portal, headers, R"({"sessionId": "harness"})");
    QCOMPARE(wrongTypes.status, 200);
    violations = m_prism.takeViolations();
    QVERIFY2(!violations.isEmpty() && violations.join(u'\n').contains(QLatin1String("response.body.")),
        qPrintable(violations.join(u'\n')));
}

void TestConformanceSvix::portalAccess()
{
    const int before = m_prism.forwardedCount();
    const QJsonObject readOnly = createJson(QStringLiteral("Svix"),
        {QStringLiteral("--kind"), QStringLiteral("portal"), QStringLiteral("--app"), m_app,
            QStringLiteral("--session"), QStringLiteral("conformance"), QStringLiteral("--expiry"),
            QStringLiteral("2h"), QStringLiteral("--read-only"), QStringLiteral("--feature-flag"),
            QStringLiteral("beta.portal")});
    QVERIFY(!readOnly.value(QStringLiteral("token")).toString().isEmpty());
    QVERIFY(readOnly.value(QStringLiteral("link")).toString().startsWith(QLatin1String("https://")));
    const QDateTime expires =
        QDateTime::fromString(readOnly.value(QStringLiteral("expires_at")).toString(), Qt::ISODate);
    QVERIFY(qAbs(QDateTime::currentDateTimeUtc().secsTo(expires) - 7200) < 120);
    m_portalToken = readOnly.value(QStringLiteral("token")).toString().toUtf8();

    // Capabilities chosen one by one, the default expiry.
    const QJsonObject capabilities = createJson(QStringLiteral("Svix"),
        {QStringLiteral("--kind"), QStringLiteral("portal"), QStringLiteral("--app"), m_app,
            QStringLiteral("--capability"), QStringLiteral("ViewEndpointSecret")});
    QVERIFY(!capabilities.value(QStringLiteral("token")).toString().isEmpty());
    QCOMPARE(m_prism.forwardedCount(), before + 2);
}

void TestConformanceSvix::messageToken()
{
    const int before = m_prism.forwardedCount();
    const QJsonObject message = createJson(QStringLiteral("Svix"),
        {QStringLiteral("--kind"), QStringLiteral("message"), QStringLiteral("--app"), m_app, QStringLiteral("--name"),
            QStringLiteral("conformance-message"), QStringLiteral("--expiry"), QStringLiteral("1h")});
    QVERIFY(!message.value(QStringLiteral("token")).toString().isEmpty());
    QVERIFY(!message.value(QStringLiteral("id")).toString().isEmpty());
    QCOMPARE(m_prism.forwardedCount(), before + 1);
}

void TestConformanceSvix::tokensFromLedger()
{
    const CliRun run = m_cli.run({QStringLiteral("tokens"), QStringLiteral("Svix"), QStringLiteral("--json")});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QCOMPARE(QJsonDocument::fromJson(run.out).array().size(), 3);
}

void TestConformanceSvix::expireAll()
{
    const int before = m_prism.forwardedCount();
    CliRun run = m_cli.run({QStringLiteral("revoke-all"), QStringLiteral("Svix"), QStringLiteral("--app"), m_app,
        QStringLiteral("--grace"), QStringLiteral("1h"), QStringLiteral("--session"), QStringLiteral("conformance"),
        QStringLiteral("--json")});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QCOMPARE(QJsonDocument::fromJson(run.out).object().value(QStringLiteral("grace_seconds")).toInteger(), 3600);
    // The whole application, no grace.
    run = m_cli.run({QStringLiteral("revoke-all"), QStringLiteral("Svix"), QStringLiteral("--app"),
        m_sandbox.service(QStringLiteral("svix")).value(QStringLiteral("app_ids")).toArray().at(1).toString()});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QCOMPARE(m_prism.forwardedCount(), before + 2);
}

void TestConformanceSvix::logout()
{
    QVERIFY(!m_portalToken.isEmpty());
    const int before = m_prism.forwardedCount();
    CliRun run = m_cli.run(
        {QStringLiteral("logout"), QStringLiteral("Svix"), QStringLiteral("--token-stdin")}, m_portalToken + "\n");
    QVERIFY2(run.exitCode == 0, run.err.constData());
    // Twice: the server's 401 is in the spec too.
    run = m_cli.run(
        {QStringLiteral("logout"), QStringLiteral("Svix"), QStringLiteral("--token-stdin")}, m_portalToken + "\n");
    QCOMPARE(run.exitCode, 3);
    QCOMPARE(m_prism.forwardedCount(), before + 2);
}

// dashboard-access left the cloud spec after v1.64.0 (the seed still has it); the one-time token in its link is
// exchanged once, then refused.
void TestConformanceSvix::dashboardAccessAndOneTimeExchange()
{
    const int before = m_legacyPrism.forwardedCount();
    CliRun run = m_cli.run({QStringLiteral("svix"), QStringLiteral("SvixLegacy"), QStringLiteral("dashboard-access"),
        QStringLiteral("--app"), m_app, QStringLiteral("--json")});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const QJsonObject dashboard = QJsonDocument::fromJson(run.out).object();
    const QString token = dashboard.value(QStringLiteral("token")).toString();
    const QString link = dashboard.value(QStringLiteral("link")).toString();
    m_secrets << token.toUtf8() << link.toUtf8();
    const qsizetype key = link.indexOf(QLatin1String("#key="));
    QVERIFY2(key > 0, qPrintable(link));
    const QByteArray oneTime = link.mid(key + 5).toUtf8();

    run = m_cli.run({QStringLiteral("svix"), QStringLiteral("SvixLegacy"), QStringLiteral("exchange-one-time-token"),
                        QStringLiteral("--json")},
        oneTime + "\n");
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QCOMPARE(QJsonDocument::fromJson(run.out).object().value(QStringLiteral("token")).toString(), token);
    run = m_cli.run({QStringLiteral("svix"), QStringLiteral("SvixLegacy"), QStringLiteral("exchange-one-time-token")},
        oneTime + "\n");
    QCOMPARE(run.exitCode, 3);
    QCOMPARE(m_legacyPrism.forwardedCount(), before + 3);

    // The exchange is in the current spec too (x-internal there).
    run = m_cli.run(
        {QStringLiteral("svix"), QStringLiteral("Svix"), QStringLiteral("exchange-one-time-token")}, "otk_unknown\n");
    QCOMPARE(run.exitCode, 3);
}

// The self-hosted server's own spec: portal access as it answers it (28 days, full access, whatever is asked). Its
// logout answers 501, which Prism's proxy never passes on (it answers a mock in its place), so that answer is checked
// by tst_cli_svix against the sandbox directly; harnessReportsRemock() shows such a call is not taken as checked.
void TestConformanceSvix::openSourceServer()
{
    QVERIFY2(m_ossSandbox.start({QStringLiteral("--svix-oss")}), qPrintable(m_ossSandbox.errorString()));
    const QUrl upstream(m_ossSandbox.service(QStringLiteral("svix")).value(QStringLiteral("base_url")).toString());
    QVERIFY2(m_ossPrism.start(m_nodeModules,
                 QDir(m_specs).filePath(QStringLiteral("svix-oss-server-openapi.auth-subset.json")), upstream),
        qPrintable(m_ossPrism.errorString()));
    addAccount(QStringLiteral("SvixOss"), m_ossPrism.url());

    const QDateTime before = QDateTime::currentDateTimeUtc();
    const QJsonObject created = createJson(QStringLiteral("SvixOss"),
        {QStringLiteral("--app"), m_app, QStringLiteral("--expiry"), QStringLiteral("1h"),
            QStringLiteral("--read-only"), QStringLiteral("--session"), QStringLiteral("oss")});
    QVERIFY(!created.value(QStringLiteral("token")).toString().isEmpty());
    const QDateTime expires =
        QDateTime::fromString(created.value(QStringLiteral("expires_at")).toString(), Qt::ISODate);
    QVERIFY(qAbs(before.secsTo(expires) - 28 * 24 * 3600) < 120);
    QCOMPARE(m_ossPrism.forwardedCount(), 1);
}

void TestConformanceSvix::harnessReportsRemock()
{
    QVERIFY(m_ossSandbox.isRunning());
    const RawHttp::Reply reply = RawHttp::send("POST",
        m_ossPrism.url().resolved(QUrl(QStringLiteral("/api/v1/auth/logout"))), {{"Authorization", "Bearer x"}});
    QCOMPARE(reply.status, 204); // Prism's mock: the sandbox answered 501
    const QStringList violations = m_ossPrism.takeViolations();
    QVERIFY2(violations.size() == 1 && violations.first().contains(QLatin1String("501")),
        qPrintable(violations.join(u'\n')));
}

void TestConformanceSvix::cleanupTestCase()
{
    // No secret reached Prism's log (it logs methods and paths) or the CLI's output outside create.
    for (const QByteArray &secret : std::as_const(m_secrets)) {
        if (secret.size() < 8)
            continue;
        QVERIFY(!m_prism.log().contains(secret));
        QVERIFY(!m_legacyPrism.log().contains(secret));
    }
    QVERIFY(!m_cli.printed(m_apiKey));
}

QTEST_GUILESS_MAIN(TestConformanceSvix)
#include "tst_conformance_svix.moc"
