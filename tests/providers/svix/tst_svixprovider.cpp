// SvixProvider against the in-process sandbox (and scripted servers): ledger-backed list, idempotent creates,
// expire-all with a grace period, logout, 422 field mapping and the legacy routes.
#include "AwaitFuture.h"
#include "providers/svix/SvixProvider.h"

#include "SandboxServer.h"
#include "SvixEmulator.h"
#include "TestHttpServer.h"

#include "core/Clock.h"
#include "net/ApiClient.h"
#include "providers/ProviderRegistry.h"
#include "store/Database.h"
#include "store/Ledger.h"

#include <QEventLoop>
#include <QFutureWatcher>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <memory>
#include <optional>

namespace {

// Skips local validation, to show what the server says about a request it refuses.
class UncheckedSvixProvider : public SvixProvider
{
public:
    using SvixProvider::SvixProvider;
    QList<FieldError> validateCreate(const CreateRequest &) const override { return {}; }
};

CreateRequest portalRequest(const QString &appId, const QString &sessionId = {}, const QString &expiry = {})
{
    CreateRequest request;
    request.kind = QStringLiteral("portal");
    request.values.insert(QStringLiteral("app_id"), appId);
    if (!sessionId.isEmpty())
        request.values.insert(QStringLiteral("session_id"), sessionId);
    if (!expiry.isEmpty())
        request.values.insert(QStringLiteral("expiry"), expiry);
    return request;
}

} // namespace

class TestSvixProvider : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void descriptorShape();
    void baseUrlFromRegion();
    void portalAccessRecordedAndListed();
    void readOnlySendsViewBase();
    void messageToken();
    void retriedActionMintsOnce();
    void retryKeepsIdempotencyKey();
    void expireAllWithGrace();
    void logoutRevokesRow();
    void validationMapsFields();
    void localValidation();
    void unknownAppIsNotFound();
    void legacyRoutesNotAvailable();
    void legacyRoutesOnSandbox();
    void openSourceServerTruth();
    void openSourceUndetectedRoutesNotOffered();
    void internalRoute404IsNotOffered();

private:
    SvixProvider *makeProvider(const QUrl &baseUrl, const QString &apiKey, bool unchecked = false);
    SvixProvider *sandboxProvider(bool unchecked = false);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<Ledger> m_ledger;
    std::unique_ptr<TestClock> m_clock;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<SandboxServer> m_sandbox;
    SvixEmulator *m_emulator = nullptr;
    std::unique_ptr<TokenProvider> m_provider;
};

void TestSvixProvider::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_db = std::make_unique<Database>(m_dir->filePath(QStringLiteral("tokendesk.sqlite")));
    QVERIFY(m_db->open());
    m_ledger = std::make_unique<Ledger>(m_db.get());
    m_clock = std::make_unique<TestClock>();
    m_network = std::make_unique<QNetworkAccessManager>();
}

void TestSvixProvider::cleanup()
{
    m_provider.reset();
    m_sandbox.reset();
    m_emulator = nullptr;
    m_network.reset();
    m_ledger.reset();
    m_db.reset();
    m_clock.reset();
    m_dir.reset();
}

SvixProvider *TestSvixProvider::makeProvider(const QUrl &baseUrl, const QString &apiKey, bool unchecked)
{
    Account account;
    account.id = QUuid::createUuid();
    account.name = QStringLiteral("Svix test");
    account.providerId = QStringLiteral("svix");
    account.baseUrl = baseUrl;
    account.options.insert(QStringLiteral("session_id"), QStringLiteral("admin_1"));
    ProviderContext context;
    context.network = m_network.get();
    context.clock = m_clock.get();
    context.ledger = m_ledger.get();
    auto *provider = unchecked ? new UncheckedSvixProvider(account, context) : new SvixProvider(account, context);
    provider->api()->setTransferTimeoutMs(10000);
    provider->api()->setMaxRetries(0);
    if (!apiKey.isEmpty())
        provider->setSecret(QStringLiteral("api_key"), apiKey);
    m_provider.reset(provider);
    return provider;
}

SvixProvider *TestSvixProvider::sandboxProvider(bool unchecked)
{
    m_sandbox = std::make_unique<SandboxServer>();
    auto emulator = std::make_unique<SvixEmulator>();
    m_emulator = emulator.get();
    m_sandbox->addEmulator(std::move(emulator));
    if (!m_sandbox->listen())
        return nullptr;
    const QJsonObject info = m_emulator->readyInfo(m_sandbox->url());
    return makeProvider(QUrl(info.value(QLatin1String("base_url")).toString()),
        info.value(QLatin1String("api_key")).toString(), unchecked);
}

void TestSvixProvider::descriptorShape()
{
    const ProviderDescriptor *descriptor = ProviderRegistry::instance().find(QStringLiteral("svix"));
    QVERIFY(descriptor);
    QCOMPARE(descriptor->secretFields(), QStringList {QStringLiteral("api_key")});
    QVERIFY(descriptor->capabilities.testFlag(TokenProvider::Capability::LedgerBacked));
    QVERIFY(descriptor->capabilities.testFlag(TokenProvider::Capability::ExpireAll));
    QVERIFY(descriptor->capabilities.testFlag(TokenProvider::Capability::Logout));
    QVERIFY(!descriptor->capabilities.testFlag(TokenProvider::Capability::Revoke));
    auto *provider = makeProvider({}, {});
    const QList<TokenKindSpec> kinds = provider->createKinds();
    QCOMPARE(kinds.size(), 2);
    QCOMPARE(kinds[0].kind, QStringLiteral("portal"));
    QCOMPARE(kinds[1].kind, QStringLiteral("message"));
    QCOMPARE(kinds[0].fields[0].cliFlag, QStringLiteral("app"));
    QCOMPARE(kinds[0].fields[1].defaultValue.toString(), QStringLiteral("admin_1"));
}

void TestSvixProvider::baseUrlFromRegion()
{
    auto *provider = makeProvider({}, QStringLiteral("sk_x.eu"));
    QCOMPARE(provider->baseUrl(), QUrl(QStringLiteral("https://api.eu.svix.com")));
    auto *explicitUrl = makeProvider(QUrl(QStringLiteral("https://svix.example.com")), QStringLiteral("sk_x.eu"));
    QCOMPARE(explicitUrl->baseUrl(), QUrl(QStringLiteral("https://svix.example.com")));
}

void TestSvixProvider::portalAccessRecordedAndListed()
{
    auto *provider = sandboxProvider();
    QVERIFY(provider);
    const auto created = awaitFuture(provider->createToken(portalRequest(QStringLiteral("app_demo"))));
    QVERIFY(created && created->ok());
    QVERIFY(created->value().value.startsWith(QLatin1String("appsk_")));
    QVERIFY(!created->value().link.isEmpty());
    QCOMPARE(m_emulator->mintedCount(), 1);

    const QList<LedgerEntry> entries = m_ledger->entries(provider->account().id);
    QCOMPARE(entries.size(), 1);
    QCOMPARE(entries[0].appId, QStringLiteral("app_demo"));
    QCOMPARE(entries[0].sessionId, QStringLiteral("admin_1")); // the admin session id by default
    QCOMPARE(entries[0].kind, QStringLiteral("portal"));
    QCOMPARE(entries[0].extra.value(QStringLiteral("token_sha256_prefix")).toString().size(), 16);
    for (const QVariant &value : entries[0].extra)
        QVERIFY(value.toString() != created->value().value);

    const auto listed = awaitFuture(provider->listTokens());
    QVERIFY(listed && listed->ok());
    QCOMPARE(listed->value().size(), 1);
    const Token token = listed->value().first();
    const auto remaining = token.remainingMs(*m_clock);
    QVERIFY(remaining);
    QCOMPARE(*remaining, qint64(7) * 24 * 3600 * 1000);
    QCOMPARE(token.status(*m_clock), Token::Status::Active);

    ListRequest other;
    other.appId = QStringLiteral("app_staging");
    QCOMPARE(awaitFuture(provider->listTokens(other))->value().size(), 0);
}

void TestSvixProvider::readOnlySendsViewBase()
{
    TestHttpServer server;
    QVERIFY(server.listen());
    server.setRoute(QStringLiteral("/api/v1/auth/app-portal-access/app_demo"),
        TestHttpServer::json(200, R"({"url":"https://x","token":"appsk_x"})"));
    auto *provider = makeProvider(server.baseUrl(), QStringLiteral("sk_test"));
    CreateRequest request = portalRequest(QStringLiteral("app_demo"), QStringLiteral("s1"), QStringLiteral("1 hour"));
    request.values.insert(QStringLiteral("read_only"), true);
    const auto created = awaitFuture(provider->createToken(request));
    QVERIFY(created && created->ok());
    const TestHttpServer::Request sent = server.lastRequest();
    const QJsonObject body = QJsonDocument::fromJson(sent.body).object();
    QCOMPARE(body.value(QLatin1String("capabilities")).toArray(), QJsonArray {QStringLiteral("ViewBase")});
    QVERIFY(!body.contains(QStringLiteral("readOnly")));
    QVERIFY(!body.contains(QStringLiteral("featureFlags")));
    QCOMPARE(body.value(QLatin1String("expiry")).toInteger(), 3600);
    QCOMPARE(body.value(QLatin1String("sessionId")).toString(), QStringLiteral("s1"));
    const QByteArray key = sent.header("Idempotency-Key");
    QCOMPARE(key.size(), 36);
    QVERIFY(!key.startsWith("auto_"));
    QVERIFY(sent.header("Authorization") == "Bearer sk_test");
}

void TestSvixProvider::messageToken()
{
    auto *provider = sandboxProvider();
    CreateRequest request;
    request.kind = QStringLiteral("message");
    request.values.insert(QStringLiteral("app_id"), QStringLiteral("app_demo"));
    request.values.insert(QStringLiteral("name"), QStringLiteral("ci-publisher"));
    const auto created = awaitFuture(provider->createToken(request));
    QVERIFY(created && created->ok());
    QVERIFY(created->value().token.id.startsWith(QLatin1String("key_")));
    QCOMPARE(created->value().token.label, QStringLiteral("ci-publisher"));
    QVERIFY(created->value().token.expires.has_value());
    const QList<LedgerEntry> entries = m_ledger->entries(provider->account().id);
    QCOMPARE(entries.size(), 1);
    QCOMPARE(entries[0].tokenId, created->value().token.id);
    QCOMPARE(entries[0].kind, QStringLiteral("message"));
}

void TestSvixProvider::retriedActionMintsOnce()
{
    auto *provider = sandboxProvider();
    const QByteArray key = SvixProvider::newIdempotencyKey();
    const auto first = awaitFuture(provider->createTokenWithKey(portalRequest(QStringLiteral("app_demo")), key));
    const auto second = awaitFuture(provider->createTokenWithKey(portalRequest(QStringLiteral("app_demo")), key));
    QVERIFY(first && first->ok());
    QVERIFY(second && second->ok());
    QVERIFY(first->value().value == second->value().value);
    QCOMPARE(m_emulator->mintedCount(), 1);
    QCOMPARE(m_ledger->entries(provider->account().id).size(), 1);
    // A new action gets a new key.
    QVERIFY(awaitFuture(provider->createToken(portalRequest(QStringLiteral("app_demo"))))->ok());
    QCOMPARE(m_emulator->mintedCount(), 2);
}

void TestSvixProvider::retryKeepsIdempotencyKey()
{
    TestHttpServer server;
    QVERIFY(server.listen());
    const QString path = QStringLiteral("/api/v1/auth/app-portal-access/app_demo");
    server.enqueue(path, TestHttpServer::json(503, R"({"code":"server_error","detail":"Internal Server Error"})"));
    server.setRoute(path, TestHttpServer::json(200, R"({"url":"https://x","token":"appsk_x"})"));
    auto *provider = makeProvider(server.baseUrl(), QStringLiteral("sk_test"));
    provider->api()->setMaxRetries(1);
    provider->api()->setRetryBaseDelayMs(1);
    const auto created = awaitFuture(provider->createToken(portalRequest(QStringLiteral("app_demo"))));
    QVERIFY(created && created->ok());
    const QList<TestHttpServer::Request> requests = server.requests(path);
    QCOMPARE(requests.size(), 2);
    QVERIFY(!requests[0].header("Idempotency-Key").isEmpty());
    QCOMPARE(requests[1].header("Idempotency-Key"), requests[0].header("Idempotency-Key"));
    QCOMPARE(m_ledger->entries(provider->account().id).size(), 1);
}

void TestSvixProvider::expireAllWithGrace()
{
    auto *provider = sandboxProvider();
    QVERIFY(awaitFuture(provider->createToken(portalRequest(QStringLiteral("app_demo"), QStringLiteral("s1"))))->ok());
    QVERIFY(awaitFuture(provider->createToken(portalRequest(QStringLiteral("app_demo"), QStringLiteral("s2"))))->ok());
    ExpireAllRequest request;
    request.appId = QStringLiteral("app_demo");
    request.graceSeconds = 60;
    request.sessionIds = {QStringLiteral("s1")};
    const auto done = awaitFuture(provider->expireAll(request));
    QVERIFY(done && done->ok());

    const QDateTime deadline = m_clock->now().addSecs(60);
    const QList<Token> tokens = awaitFuture(provider->listTokens())->value();
    QCOMPARE(tokens.size(), 2);
    for (const Token &token : tokens) {
        if (token.extra.value(QStringLiteral("sessionId")).toString() == QLatin1String("s1")) {
            QCOMPARE(token.effectiveExpiry(*m_clock), deadline);
            QCOMPARE(token.status(*m_clock), Token::Status::Expiring);
        } else {
            QCOMPARE(token.status(*m_clock), Token::Status::Active);
        }
    }
    m_clock->advanceSeconds(61);
    const QList<Token> later = awaitFuture(provider->listTokens())->value();
    QCOMPARE(later.size(), 2);
    for (const Token &token : later) {
        const bool s1 = token.extra.value(QStringLiteral("sessionId")).toString() == QLatin1String("s1");
        QCOMPARE(token.status(*m_clock), s1 ? Token::Status::Expired : Token::Status::Active);
    }

    request.graceSeconds = 259201;
    QCOMPARE(awaitFuture(provider->expireAll(request))->error().kind(), ApiError::Kind::InvalidInput);
}

void TestSvixProvider::logoutRevokesRow()
{
    auto *provider = sandboxProvider();
    const auto created = awaitFuture(provider->createToken(portalRequest(QStringLiteral("app_demo"))));
    QVERIFY(created && created->ok());
    const auto done = awaitFuture(provider->logoutToken(created->value().value));
    QVERIFY(done && done->ok());
    const QList<LedgerEntry> entries = m_ledger->entries(provider->account().id);
    QCOMPARE(entries.size(), 1);
    QVERIFY(entries[0].revoked.has_value());
    QCOMPARE(entries[0].revokedReason, QStringLiteral("logout"));
    QCOMPARE(awaitFuture(provider->listTokens())->value().first().status(*m_clock), Token::Status::Revoked);

    const auto again = awaitFuture(provider->logoutToken(created->value().value));
    QVERIFY(again);
    QCOMPARE(again->error().kind(), ApiError::Kind::Unauthorized);
}

void TestSvixProvider::validationMapsFields()
{
    auto *provider = sandboxProvider(true);
    const auto result =
        awaitFuture(provider->createToken(portalRequest(QStringLiteral("app_demo"), {}, QStringLiteral("5 minutes"))));
    QVERIFY(result);
    QCOMPARE(result->error().kind(), ApiError::Kind::Validation);
    QCOMPARE(result->error().fieldErrors().size(), 1);
    QCOMPARE(result->error().fieldErrors().first().field, QStringLiteral("expiry"));
    QVERIFY(result->error().fieldErrors().first().message.contains(QLatin1String("3600")));
    QCOMPARE(m_emulator->mintedCount(), 0);
    QCOMPARE(m_ledger->entries(provider->account().id).size(), 0);

    const auto session =
        awaitFuture(provider->createToken(portalRequest(QStringLiteral("app_demo"), QStringLiteral("a b"))));
    QCOMPARE(session->error().fieldErrors().first().field, QStringLiteral("session_id"));
}

void TestSvixProvider::localValidation()
{
    auto *provider = makeProvider({}, QStringLiteral("sk_x.eu"));
    const auto errors =
        provider->validateCreate(portalRequest(QStringLiteral("app_demo"), {}, QStringLiteral("8 days")));
    QCOMPARE(errors.size(), 1);
    QCOMPARE(errors.first().field, QStringLiteral("expiry"));
    QVERIFY(
        provider->validateCreate(portalRequest(QStringLiteral("app_demo"), {}, QStringLiteral("7 days"))).isEmpty());
    QVERIFY(!provider->validateCreate(portalRequest(QString())).isEmpty());
    QCOMPARE(
        provider->validateCreate(portalRequest(QStringLiteral("app_demo"), QStringLiteral("bad id"))).first().field,
        QStringLiteral("session_id"));
}

void TestSvixProvider::unknownAppIsNotFound()
{
    auto *provider = sandboxProvider();
    const auto result = awaitFuture(provider->createToken(portalRequest(QStringLiteral("app_nope"))));
    QCOMPARE(result->error().kind(), ApiError::Kind::NotFound);
    QCOMPARE(result->error().serverMessage(), QStringLiteral("Application not found"));
}

void TestSvixProvider::legacyRoutesNotAvailable()
{
    TestHttpServer server;
    QVERIFY(server.listen());
    server.setFallback(TestHttpServer::json(404, R"({"code":"not_found","detail":"Entity not found"})"));
    server.setRoute(QStringLiteral("/api/v1/auth/one-time-token"), TestHttpServer::Response::make(405));
    auto *provider = makeProvider(server.baseUrl(), QStringLiteral("sk_test"));
    const auto dashboard = awaitFuture(provider->dashboardAccess(QStringLiteral("app_demo")));
    QCOMPARE(dashboard->error().kind(), ApiError::Kind::NotAvailable);
    QCOMPARE(dashboard->error().userMessage(), QStringLiteral("this server does not offer it"));
    const auto exchange = awaitFuture(provider->exchangeOneTimeToken(QStringLiteral("otk")));
    QCOMPARE(exchange->error().kind(), ApiError::Kind::NotAvailable);
}

void TestSvixProvider::legacyRoutesOnSandbox()
{
    auto *provider = sandboxProvider();
    const auto dashboard = awaitFuture(provider->dashboardAccess(QStringLiteral("app_demo")));
    QVERIFY(dashboard && dashboard->ok());
    QVERIFY(dashboard->value().value.startsWith(QLatin1String("appsk_")));
    const auto unknown = awaitFuture(provider->exchangeOneTimeToken(QStringLiteral("otk_unknown")));
    QCOMPARE(unknown->error().kind(), ApiError::Kind::Unauthorized);
    QVERIFY(awaitFuture(provider->createToken(portalRequest(QStringLiteral("app_demo"))))->ok());
    const auto ok = awaitFuture(provider->exchangeOneTimeToken(m_emulator->lastOneTimeToken()));
    QVERIFY(ok && ok->ok());
    QVERIFY(ok->value().startsWith(QLatin1String("appsk_")));
}

// The open-source server (emulator in OSS mode) is recognised by its fixed portal URL; the token it minted is
// shown as it really is (28 days, every capability, a note saying so), and what it does not route is not offered.
void TestSvixProvider::openSourceServerTruth()
{
    auto *provider = sandboxProvider();
    QVERIFY(provider);
    m_emulator->setOpenSource(true);
    QVERIFY(!provider->isOpenSourceServer());
    CreateRequest request = portalRequest(QStringLiteral("app_demo"), QStringLiteral("admin_1"), QStringLiteral("1h"));
    request.values.insert(QStringLiteral("read_only"), true);
    const QDateTime now = m_clock->now();
    QSignalSpy warnings(provider, &TokenProvider::warning);
    const auto created = awaitFuture(provider->createToken(request));
    QVERIFY(created && created->ok());
    QCOMPARE(m_emulator->lastPortalLifetimeSeconds(), std::optional<qint64>(28 * 24 * 3600));
    const Token &token = created->value().token;
    QCOMPARE(*token.expires, now.addSecs(28 * 24 * 3600));
    QCOMPARE(token.scopes.size(), 6); // full access, not the ViewBase that was asked for
    QVERIFY(created->value().notes.join(u' ').contains(QLatin1String("28 days")));
    QCOMPARE(warnings.size(), 1);
    QVERIFY(provider->isOpenSourceServer());
    QVERIFY(!provider->can(TokenProvider::Capability::ExpireAll));
    QCOMPARE(provider->createKinds().size(), 1);
    QCOMPARE(provider->createKinds().first().kind, QStringLiteral("portal"));

    const auto listed = awaitFuture(provider->listTokens());
    QVERIFY(listed && listed->ok());
    QCOMPARE(listed->value().size(), 1);
    QCOMPARE(*listed->value().first().expires, now.addSecs(28 * 24 * 3600));
    QCOMPARE(listed->value().first().scopes.size(), 6);

    ExpireAllRequest expire;
    expire.appId = QStringLiteral("app_demo");
    const auto expired = awaitFuture(provider->expireAll(expire));
    QCOMPARE(expired->error().kind(), ApiError::Kind::NotAvailable);
    QCOMPARE(expired->error().userMessage(), QStringLiteral("this server does not offer it"));
    CreateRequest message;
    message.kind = QStringLiteral("message");
    message.values = {
        {QStringLiteral("app_id"), QStringLiteral("app_demo")}, {QStringLiteral("name"), QStringLiteral("m")}};
    QCOMPARE(awaitFuture(provider->createToken(message))->error().kind(), ApiError::Kind::NotAvailable);
    QCOMPARE(awaitFuture(provider->exchangeOneTimeToken(QStringLiteral("otk_x")))->error().kind(),
        ApiError::Kind::NotAvailable);
    const auto logout = awaitFuture(provider->logoutToken(created->value().value));
    QCOMPARE(logout->error().kind(), ApiError::Kind::NotAvailable);
    QCOMPARE(logout->error().httpStatus(), 501);
    QCOMPARE(logout->error().userMessage(), QStringLiteral("not implemented by this server"));

    // Another provider of the same account (a later run) knows it from the ledger.
    ProviderContext context;
    context.network = m_network.get();
    context.clock = m_clock.get();
    context.ledger = m_ledger.get();
    SvixProvider later(provider->account(), context);
    QVERIFY(later.isOpenSourceServer());
    QVERIFY(!later.can(TokenProvider::Capability::ExpireAll));
}

// Before anything told TokenDesk it is the open-source server, its unrouted operations (404, empty body) say
// "this server does not offer it", never "unknown application".
void TestSvixProvider::openSourceUndetectedRoutesNotOffered()
{
    auto *provider = sandboxProvider();
    QVERIFY(provider);
    m_emulator->setOpenSource(true);
    CreateRequest message;
    message.kind = QStringLiteral("message");
    message.values = {
        {QStringLiteral("app_id"), QStringLiteral("app_demo")}, {QStringLiteral("name"), QStringLiteral("m")}};
    const auto created = awaitFuture(provider->createToken(message));
    QCOMPARE(created->error().kind(), ApiError::Kind::NotAvailable);
    QCOMPARE(created->error().userMessage(), QStringLiteral("this server does not offer it"));
    ExpireAllRequest expire;
    expire.appId = QStringLiteral("app_demo");
    const auto expired = awaitFuture(provider->expireAll(expire));
    QCOMPARE(expired->error().kind(), ApiError::Kind::NotAvailable);
    const auto exchanged = awaitFuture(provider->exchangeOneTimeToken(QStringLiteral("otk_x")));
    QCOMPARE(exchanged->error().kind(), ApiError::Kind::NotAvailable);
    // The OSS server still routes dashboard-access.
    const auto dashboard = awaitFuture(provider->dashboardAccess(QStringLiteral("app_demo")));
    QVERIFY(dashboard && dashboard->ok());
    QVERIFY(provider->isOpenSourceServer());
}

void TestSvixProvider::internalRoute404IsNotOffered()
{
    TestHttpServer server;
    QVERIFY(server.listen());
    server.setFallback(TestHttpServer::json(404, R"({"code":"not_found","detail":"Entity not found"})"));
    server.setRoute(
        QStringLiteral("/api/v1/auth/app/app_demo/create-message-token"), TestHttpServer::Response::make(405));
    auto *provider = makeProvider(server.baseUrl(), QStringLiteral("sk_test"));
    CreateRequest message;
    message.kind = QStringLiteral("message");
    message.values = {
        {QStringLiteral("app_id"), QStringLiteral("app_demo")}, {QStringLiteral("name"), QStringLiteral("m")}};
    auto result = awaitFuture(provider->createToken(message));
    QCOMPARE(result->error().kind(), ApiError::Kind::NotAvailable);
    QVERIFY(!result->error().fullMessage().contains(QLatin1String("application"), Qt::CaseInsensitive));
    message.values.insert(QStringLiteral("app_id"), QStringLiteral("app_other")); // the fallback 404
    result = awaitFuture(provider->createToken(message));
    QCOMPARE(result->error().kind(), ApiError::Kind::NotAvailable);
    QCOMPARE(result->error().userMessage(), QStringLiteral("this server does not offer it"));
}

QTEST_GUILESS_MAIN(TestSvixProvider)
#include "tst_svixprovider.moc"
