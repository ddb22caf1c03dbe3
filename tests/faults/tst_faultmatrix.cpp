#include "AwaitFuture.h"
#include "FaultMatrix.h"
#include "providers/magicbell/MagicBellProvider.h"
#include "providers/specter/SpecterProvider.h"

#include "BuiltinEmulators.h"
#include "FaultInjector.h"
#include "SandboxServer.h"

#include "core/ApiError.h"
#include "core/Clock.h"
#include "net/ApiClient.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QFutureWatcher>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSet>
#include <QTest>
#include <QTimer>
#include <QUuid>

#include <memory>
#include <optional>

// The sandbox's fault mode against the Specter and MagicBell clients: every operation x every fault, on one
// in-process SandboxServer. Each row checks that the call finishes, maps to the expected ApiError kind with a
// clean user message, and that a create is sent at most once.
namespace {

using namespace FaultMatrix;

// The expected kinds (Kind::None = success) of one operation of one provider under one fault.
QSet<Kind> expectedKinds(const QString &provider, const QString &operation, const QString &fault)
{
    const bool revoke = operation == QLatin1String("revoke");
    // The cut-off first DELETE went through; the retry finds no token. When the retry's answer (Specter's JSON 500
    // for an unknown id) is cut off too, the client cannot read it as "gone" and reports a server error.
    if (fault == QLatin1String("reset") && revoke)
        return {Kind::Network, Kind::MalformedResponse, Kind::NotFound, Kind::Server};
    if (fault == QLatin1String("reset"))
        return {Kind::Network, Kind::MalformedResponse};
    // A revoke's success body carries nothing the client needs, so a 200 of any shape is a success.
    if (const std::optional<QSet<Kind>> common = commonKinds(fault, revoke))
        return *common;
    const int status = fault.mid(fault.indexOf(QLatin1Char('=')) + 1).toInt();
    // The project list gone (today's MagicBell): the account still lists its locally signed user tokens, with a
    // warning.
    if (provider == QLatin1String("magicbell") && (status == 404 || status == 405)
        && operation == QLatin1String("list"))
        return {Kind::None};
    if (provider == QLatin1String("magicbell") && (status == 404 || status == 405) && !revoke)
        return {Kind::NotAvailable}; // contract: the /jwt routes are gone
    if (provider == QLatin1String("magicbell") && status == 405)
        return {Kind::NotAvailable};
    if (provider == QLatin1String("magicbell") && status == 404)
        return {Kind::NotFound, Kind::NotAvailable};
    if (provider == QLatin1String("specter") && status == 500 && (operation == QLatin1String("details") || revoke))
        return {Kind::NotFound}; // contract: Specter answers an unknown id with a generic 500
    if (provider == QLatin1String("specter") && status == 404 && operation == QLatin1String("list"))
        return {Kind::None, Kind::NotFound, Kind::NotAvailable}; // contract: 404 is the empty list
    return {ApiError::kindForStatus(status)};
}

} // namespace

class TestFaultMatrix : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void parseSpecs_data();
    void parseSpecs();
    void countAndPathScope();
    void controlRoute();
    void matrix_data();
    void matrix();
    void cleanup();
    void cleanupTestCase();

private:
    TokenProvider *provider(const QString &id);
    CreateRequest createRequest(const QString &providerId) const;
    int postCount(const QString &prefix) const;

    QNetworkAccessManager *m_network = nullptr;
    SandboxServer *m_server = nullptr;
    std::unique_ptr<TokenProvider> m_specter;
    std::unique_ptr<TokenProvider> m_magicbell;
    int m_rows = 0;
    int m_operations = 0;
    QSet<QString> m_faultsSeen;
};

void TestFaultMatrix::initTestCase()
{
    m_network = new QNetworkAccessManager(this);
    m_server = new SandboxServer(this);
    registerBuiltinEmulators(*m_server, {.magicbellJwtRoutes = true});
    m_server->seedTokens(3); // non-empty lists, so wrong-types has values to spoil
    QVERIFY(m_server->listen());
    const QJsonObject services = m_server->readyInfo().value(QLatin1String("services")).toObject();

    ProviderContext context;
    context.network = m_network;
    context.clock = Clock::system();

    const QJsonObject specter = services.value(QLatin1String("specter")).toObject();
    Account specterAccount;
    specterAccount.id = QUuid::createUuid();
    specterAccount.name = QStringLiteral("Faulty Specter");
    specterAccount.providerId = QStringLiteral("specter");
    specterAccount.baseUrl = QUrl(specter.value(QLatin1String("base_url")).toString());
    specterAccount.options.insert(QStringLiteral("username"), specter.value(QLatin1String("username")).toString());
    auto *specterProvider = new SpecterProvider(specterAccount, context);
    specterProvider->setSecret(QStringLiteral("password"), specter.value(QLatin1String("password")).toString());
    m_specter.reset(specterProvider);

    const QJsonObject magicbell = services.value(QLatin1String("magicbell")).toObject();
    Account magicbellAccount;
    magicbellAccount.id = QUuid::createUuid();
    magicbellAccount.name = QStringLiteral("Faulty MagicBell");
    magicbellAccount.providerId = QStringLiteral("magicbell");
    magicbellAccount.baseUrl = QUrl(magicbell.value(QLatin1String("base_url")).toString());
    auto *magicbellProvider = new MagicBellProvider(magicbellAccount, context);
    magicbellProvider->setSecret(QStringLiteral("token"), magicbell.value(QLatin1String("token")).toString());
    m_magicbell.reset(magicbellProvider);

    for (TokenProvider *each : {m_specter.get(), m_magicbell.get()})
        tuneClient(each->api());

    // Both clients work without faults.
    QVERIFY(awaitFuture(m_specter->listTokens(), 20'000).value_or(Result<QList<Token>>()).ok());
    QVERIFY(awaitFuture(m_magicbell->listTokens(), 20'000).value_or(Result<QList<Token>>()).ok());
}

void TestFaultMatrix::cleanup()
{
    m_server->clearFaults();
}

void TestFaultMatrix::cleanupTestCase()
{
    m_specter.reset();
    m_magicbell.reset();
    qInfo("fault matrix: %d operations x %d faults = %d rows; %d rows ran to the end", m_operations,
        int(allFaults().size()), m_operations * int(allFaults().size()), m_rows);
}

TokenProvider *TestFaultMatrix::provider(const QString &id)
{
    return id == QLatin1String("specter") ? m_specter.get() : m_magicbell.get();
}

CreateRequest TestFaultMatrix::createRequest(const QString &providerId) const
{
    CreateRequest request;
    const QString name = QStringLiteral("fault ") + QUuid::createUuid().toString(QUuid::WithoutBraces).left(8);
    if (providerId == QLatin1String("specter")) {
        request.kind = QStringLiteral("token");
        request.values.insert(QStringLiteral("description"), name);
        request.values.insert(QStringLiteral("lifetime"), QStringLiteral("2 hours"));
    } else {
        request.kind = QStringLiteral("project");
        request.values.insert(QStringLiteral("name"), name);
        request.values.insert(QStringLiteral("expiry"), QStringLiteral("2 hours"));
    }
    return request;
}

int TestFaultMatrix::postCount(const QString &prefix) const
{
    int count = 0;
    for (const SandboxLogEntry &entry : m_server->requestLog())
        count += entry.method == "POST" && entry.path.startsWith(prefix) ? 1 : 0;
    return count;
}

void TestFaultMatrix::parseSpecs_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("canonical");
    QTest::newRow("status once path") << "status=503:once@/specter" << true << "status=503:1@/specter";
    QTest::newRow("retry-after with 503") << "status=503+retry-after=2" << true << "status=503+retry-after=2";
    QTest::newRow("retry-after alone") << "retry-after=7:3" << true << "status=429+retry-after=7:3";
    QTest::newRow("delay ms") << "delay=200ms" << true << "delay=200ms";
    QTest::newRow("delay s") << "delay=2s@/magicbell" << true << "delay=2000ms@/magicbell";
    QTest::newRow("hang") << "hang" << true << "hang";
    QTest::newRow("huge") << "huge-body:2" << true << "huge-body:2";
    QTest::newRow("unknown") << "explode" << false << QString();
    QTest::newRow("status not an error") << "status=200" << false << QString();
    QTest::newRow("retry-after with 500") << "status=500+retry-after=1" << false << QString();
    QTest::newRow("zero count") << "reset:0" << false << QString();
    QTest::newRow("relative path") << "reset@specter" << false << QString();
    QTest::newRow("value on hang") << "hang=3" << false << QString();
    QTest::newRow("bad delay") << "delay=soon" << false << QString();
}

void TestFaultMatrix::parseSpecs()
{
    QFETCH(QString, spec);
    QFETCH(bool, valid);
    QFETCH(QString, canonical);
    QString error;
    const std::optional<SandboxFault> fault = FaultInjector::parse(spec, &error);
    QCOMPARE(fault.has_value(), valid);
    if (valid)
        QCOMPARE(fault->toString(), canonical);
    else
        QVERIFY(!error.isEmpty());
}

void TestFaultMatrix::countAndPathScope()
{
    SandboxServer server;
    registerBuiltinEmulators(server, {.magicbellJwtRoutes = true});
    QString error;
    QVERIFY(!server.setFaults(QStringLiteral("status=503:once@/specter,bogus"), &error));
    QVERIFY(server.faults().isEmpty()); // all or nothing
    QVERIFY2(server.setFaults(QStringLiteral("status=503:once@/specter,html-error:2@/magicbell"), &error),
        qPrintable(error));
    SandboxRequest health;
    health.method = "GET";
    health.path = QStringLiteral("/health");
    QCOMPARE(server.dispatch(health).status, 200); // out of scope
    SandboxRequest specter;
    specter.method = "GET";
    specter.path = QStringLiteral("/specterish/x");
    QCOMPARE(server.dispatch(specter).status, 404); // a prefix is a path segment, not a string prefix
    specter.path = QStringLiteral("/specter/api/v1alpha/token/");
    QCOMPARE(server.dispatch(specter).status, 503);
    QVERIFY(server.dispatch(specter).status != 503); // once
    SandboxRequest magicbell = specter;
    magicbell.path = QStringLiteral("/magicbell/v2/jwt/project");
    QCOMPARE(server.dispatch(magicbell).status, 502);
    QCOMPARE(server.dispatch(magicbell).status, 502);
    QVERIFY(server.dispatch(magicbell).status != 502);
    QVERIFY(server.faults().isEmpty());
}

void TestFaultMatrix::controlRoute()
{
    SandboxServer server;
    registerBuiltinEmulators(server, {.magicbellJwtRoutes = true});
    SandboxRequest post;
    post.method = "POST";
    post.path = QStringLiteral("/_sandbox/faults");
    post.body = R"({"fault": "status=429+retry-after=4", "path": "/health", "count": 2})";
    QCOMPARE(server.dispatch(post).status, 201);
    post.body = R"({"fault": "nonsense"})";
    QCOMPARE(server.dispatch(post).status, 400);
    SandboxRequest list;
    list.method = "GET";
    list.path = QStringLiteral("/_sandbox/faults");
    const QJsonObject listed = QJsonDocument::fromJson(server.dispatch(list).body).object();
    QCOMPARE(listed.value(QLatin1String("faults")).toArray().size(), 1);
    SandboxRequest health;
    health.method = "GET";
    health.path = QStringLiteral("/health");
    const SandboxResponse limited = server.dispatch(health);
    QCOMPARE(limited.status, 429);
    QVERIFY(limited.headers.contains(qMakePair(QByteArray("Retry-After"), QByteArray("4"))));
    SandboxRequest clear = list;
    clear.method = "DELETE";
    QCOMPARE(server.dispatch(clear).status, 204);
    QCOMPARE(server.dispatch(health).status, 200);
}

void TestFaultMatrix::matrix_data()
{
    QTest::addColumn<QString>("providerId");
    QTest::addColumn<QString>("operation");
    QTest::addColumn<QString>("fault");
    const QList<QPair<QString, QStringList>> operations = {
        {QStringLiteral("specter"),
            {QStringLiteral("list"), QStringLiteral("create"), QStringLiteral("details"), QStringLiteral("revoke")}},
        {QStringLiteral("magicbell"), {QStringLiteral("list"), QStringLiteral("create"), QStringLiteral("revoke")}},
    };
    m_operations = 0;
    for (const auto &[providerId, ops] : operations) {
        m_operations += int(ops.size());
        for (const QString &operation : ops) {
            for (const QString &fault : allFaults()) {
                const QString name = providerId + QLatin1Char(' ') + operation + QLatin1Char(' ') + fault;
                QTest::newRow(qPrintable(name)) << providerId << operation << fault;
            }
        }
    }
}

void TestFaultMatrix::matrix()
{
    QFETCH(QString, providerId);
    QFETCH(QString, operation);
    QFETCH(QString, fault);
    TokenProvider *client = provider(providerId);
    const QString prefix = QLatin1Char('/') + providerId;

    // A fresh token for details and revoke, made before the fault is armed (no fault: a roomy timeout under load).
    client->api()->setTransferTimeoutMs(10'000);
    Token target;
    if (operation == QLatin1String("details") || operation == QLatin1String("revoke")) {
        const auto created = awaitFuture(client->createToken(createRequest(providerId)), 20'000);
        QVERIFY(created && created->ok());
        target = created->value().token;
    }

    // The in-process sandbox builds a 50 MiB body on the client's own thread, which can stall the client's 1 s
    // transfer timer under load; the size cap, not the timeout, must end that call.
    client->api()->setTransferTimeoutMs(fault == QLatin1String("huge-body") ? 10'000 : 1000);
    QString error;
    QVERIFY2(m_server->setFaults(fault + QLatin1Char('@') + prefix, &error), qPrintable(error));
    const int postsBefore = postCount(prefix);

    Outcome outcome;
    if (operation == QLatin1String("list"))
        outcome = outcomeOf(client->listTokens());
    else if (operation == QLatin1String("create"))
        outcome = outcomeOf(client->createToken(createRequest(providerId)));
    else if (operation == QLatin1String("details"))
        outcome = outcomeOf(client->tokenDetails(target));
    else
        outcome = outcomeOf(client->revokeToken(target));
    m_server->clearFaults();

    const QString problem = outcomeProblem(outcome, expectedKinds(providerId, operation, fault), fault);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));

    const int posts = postCount(prefix) - postsBefore;
    if (operation == QLatin1String("create"))
        QCOMPARE(posts, 1); // sent exactly once, never retried blindly
    else
        QCOMPARE(posts, 0);

    ++m_rows;
    m_faultsSeen.insert(fault);
}

QTEST_GUILESS_MAIN(TestFaultMatrix)
#include "tst_faultmatrix.moc"
