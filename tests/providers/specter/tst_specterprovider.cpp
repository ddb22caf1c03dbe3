#include "AwaitFuture.h"
#include "BuiltinEmulators.h"
#include "CreateRequests.h"
#include "SandboxServer.h"
#include "SpecterEmulator.h"
#include "core/Clock.h"
#include "core/TimeText.h"
#include "items/TokenListModel.h"
#include "providers/AccountSession.h"
#include "providers/ProviderRegistry.h"
#include "providers/specter/SpecterDescriptor.h"
#include "providers/specter/SpecterProvider.h"
#include "store/Database.h"
#include "store/Ledger.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>
#include <optional>

namespace {

// Stands in for a Specter that misbehaves or is configured differently: fixed answers per "METHOD path" (path
// below /specter), Specter's HTML 404 page otherwise.
class ScriptedSpecter final : public Emulator
{
public:
    QString id() const override { return QStringLiteral("specter"); }
    QString prefix() const override { return QStringLiteral("/specter"); }
    SandboxResponse handle(const SandboxRequest &request) override
    {
        const QString key = QString::fromLatin1(request.method) + QLatin1Char(' ') + request.path;
        if (m_routes.contains(key))
            return m_routes.value(key);
        for (auto it = m_routes.cbegin(); it != m_routes.cend(); ++it) { // "GET /a/b/*": any path below /a/b/
            if (it.key().endsWith(QLatin1Char('*')) && key.startsWith(it.key().chopped(1)))
                return it.value();
        }
        return SandboxResponse::text(404, "<html><body>Page not found</body></html>", "text/html");
    }
    QJsonObject readyInfo(const QUrl &) const override { return {}; }
    void setRoute(const QString &key, const SandboxResponse &response) { m_routes.insert(key, response); }

private:
    QHash<QString, SandboxResponse> m_routes;
};

const QString Password = QString::fromLatin1(SpecterEmulator::DemoPassword);

} // namespace

class TestSpecterProvider : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void descriptor();
    void listEmpty();
    void createThenList();
    void alwaysTrailingSlashAndBasicAuth();
    void details();
    void deleteTwice();
    void expiredTokensStayListed();
    void expiredTokenKeepsTheExpiryItHad();
    void expiryNeverSeenIsSaidSo();
    void createdExpiryOutlivesTheProcess();
    void duplicateDescription();
    void wrongPasswordAsksForSignIn();
    void createKinds();
    void badInputCaughtLocally_data();
    void badInputCaughtLocally();
    void server500Mapped();
    void userNameNotStoredAsTyped();
    void baseUrlEndingInApiIsAWrongUrl();
    void malformedList();
    void apiOffJsonError();
    void apiOffHtml404();
    void tokenRoutesMissing();
    void verifyValueAcceptedThenRejected();
    void verifyValueNotAJwtSendsNothing();
    void verifyValueNonAdminUser();
    void verifyValueReadsTheWalletAnswer();
    void verifyValueServerErrorIsNoVerdict();

private:
    SpecterProvider *makeProvider(const QUrl &baseUrl, const QString &password = Password);
    // The GUI's and the CLI's way to a provider: lists and creates through it keep known expiries.
    AccountSession *makeSession(const QUuid &accountId, Ledger *ledger = nullptr);
    QUrl baseUrl() const;
    SandboxServer *scriptedServer(ScriptedSpecter **emulator);

    SandboxServer *m_server = nullptr;
    SpecterEmulator *m_specter = nullptr;
    QNetworkAccessManager *m_network = nullptr;
    TestClock m_clock;
    QDateTime m_serverNow;
};

void TestSpecterProvider::init()
{
    m_clock = TestClock();
    m_serverNow = QDateTime::currentDateTimeUtc();
    m_network = new QNetworkAccessManager(this);
    m_server = new SandboxServer(this);
    registerBuiltinEmulators(*m_server);
    m_server->setClock([this] { return m_serverNow; });
    m_specter = static_cast<SpecterEmulator *>(m_server->emulator(QStringLiteral("specter")));
    QVERIFY(m_specter);
    QVERIFY(m_server->listen());
}

void TestSpecterProvider::cleanup()
{
    delete m_server;
    m_server = nullptr;
    delete m_network;
    m_network = nullptr;
}

QUrl TestSpecterProvider::baseUrl() const
{
    QUrl url = m_server->url();
    url.setPath(QStringLiteral("/specter"));
    return url;
}

SpecterProvider *TestSpecterProvider::makeProvider(const QUrl &base, const QString &password)
{
    Account account;
    account.id = QUuid::createUuid();
    account.name = QStringLiteral("Sandbox Specter");
    account.providerId = QStringLiteral("specter");
    account.baseUrl = base;
    account.options.insert(QStringLiteral("username"), QStringLiteral("admin"));
    ProviderContext context;
    context.network = m_network;
    context.clock = &m_clock;
    auto *provider = new SpecterProvider(account, context, m_server);
    provider->setSecret(QStringLiteral("password"), password);
    return provider;
}

AccountSession *TestSpecterProvider::makeSession(const QUuid &accountId, Ledger *ledger)
{
    Account account;
    account.id = accountId;
    account.name = QStringLiteral("Sandbox Specter");
    account.providerId = QStringLiteral("specter");
    account.baseUrl = baseUrl();
    account.options.insert(QStringLiteral("username"), QStringLiteral("admin"));
    ProviderContext context;
    context.network = m_network;
    context.clock = &m_clock;
    context.ledger = ledger;
    auto *session = new AccountSession(account, context, nullptr, nullptr, m_server);
    session->provider()->setSecret(QStringLiteral("password"), Password);
    return session;
}

SandboxServer *TestSpecterProvider::scriptedServer(ScriptedSpecter **emulator)
{
    auto *server = new SandboxServer(m_server);
    auto scripted = std::make_unique<ScriptedSpecter>();
    *emulator = scripted.get();
    server->addEmulator(std::move(scripted));
    if (!server->listen())
        return nullptr;
    return server;
}

static CreateRequest createRequest(const QString &description, const QString &lifetime)
{
    CreateRequest request = CreateRequests::specterToken(description, lifetime);
    return request;
}

void TestSpecterProvider::descriptor()
{
    const ProviderDescriptor descriptor = specterDescriptor();
    QCOMPARE(descriptor.id, QStringLiteral("specter"));
    QCOMPARE(descriptor.displayName, QStringLiteral("Specter Desktop"));
    QCOMPARE(descriptor.defaultBaseUrl, QUrl(QStringLiteral("http://127.0.0.1:25441")));
    QCOMPARE(descriptor.accountFields.size(), 2);
    QCOMPARE(descriptor.accountFields.at(0).key, QStringLiteral("username"));
    QCOMPARE(descriptor.accountFields.at(0).type, FieldSpec::Type::Text);
    QCOMPARE(descriptor.accountFields.at(1).key, QStringLiteral("password"));
    QCOMPARE(descriptor.accountFields.at(1).type, FieldSpec::Type::Secret);
    QVERIFY(descriptor.accountFields.at(0).required && descriptor.accountFields.at(1).required);
    QCOMPARE(descriptor.capabilities,
        TokenProvider::Capability::List | TokenProvider::Capability::Create | TokenProvider::Capability::Revoke
            | TokenProvider::Capability::Details | TokenProvider::Capability::VerifyValue);

    Account account;
    account.id = QUuid::createUuid();
    account.providerId = QStringLiteral("specter");
    account.baseUrl = descriptor.defaultBaseUrl;
    QCOMPARE(descriptor.validateAccount(account).size(), 1); // no user name
    account.options.insert(QStringLiteral("username"), QStringLiteral("admin"));
    QVERIFY(descriptor.validateAccount(account).isEmpty());
    account.baseUrl = QUrl(QStringLiteral("ftp://x"));
    QCOMPARE(descriptor.validateAccount(account).constFirst().field, QStringLiteral("baseUrl"));

    ProviderContext context;
    context.network = m_network;
    context.clock = &m_clock;
    std::unique_ptr<TokenProvider> provider(descriptor.create(account, context, nullptr));
    QVERIFY(qobject_cast<SpecterProvider *>(provider.get()));
    QVERIFY(ProviderRegistry::instance().find(QStringLiteral("specter")) != nullptr);
}

void TestSpecterProvider::listEmpty()
{
    SpecterProvider *provider = makeProvider(baseUrl());
    const auto result = awaitResult(provider->listTokens());
    QVERIFY2(result.ok(), qPrintable(result.error().fullMessage()));
    QVERIFY(result.value().isEmpty());
}

void TestSpecterProvider::createThenList()
{
    SpecterProvider *provider = makeProvider(baseUrl());
    const auto created =
        awaitResult(provider->createToken(createRequest(QStringLiteral("ci deploy"), QStringLiteral("2 hours"))));
    QVERIFY2(created.ok(), qPrintable(created.error().fullMessage()));
    QVERIFY(!created.value().value.isEmpty());
    QVERIFY(created.value().value.count(QLatin1Char('.')) == 2);
    const Token &createdToken = created.value().token;
    QVERIFY(!createdToken.id.isEmpty());
    QCOMPARE(createdToken.label, QStringLiteral("ci deploy"));
    QVERIFY(createdToken.expires.has_value());
    QCOMPARE(createdToken.expires->toSecsSinceEpoch(), m_serverNow.toSecsSinceEpoch() + 7200);
    QCOMPARE(createdToken.lifetimeSeconds.value_or(0), 7200.0);
    QCOMPARE(m_specter->tokenCount(QStringLiteral("admin")), 1);

    // The server's clock moves on by 10.5 s before the list.
    m_serverNow = m_serverNow.addMSecs(10'500);
    const auto listed = awaitResult(provider->listTokens());
    QVERIFY2(listed.ok(), qPrintable(listed.error().fullMessage()));
    QCOMPARE(listed.value().size(), 1);
    const Token token = listed.value().constFirst();
    QCOMPARE(token.id, createdToken.id);
    QCOMPARE(token.kind, QStringLiteral("token"));
    QCOMPARE(token.label, QStringLiteral("ci deploy"));
    QCOMPARE(token.subject, QStringLiteral("admin"));
    QCOMPARE(token.accountId, provider->account().id);
    QCOMPARE(token.lifetimeSeconds.value_or(0), 7200.0);
    // exp is whole seconds, so the remaining life is 7200 - 10.5 minus the sub-second part of "now" at create.
    const qint64 remaining = token.remainingMs(m_clock).value_or(-1);
    QVERIFY2(remaining > 7'188'000 && remaining <= 7'189'500, qPrintable(QString::number(remaining)));
    m_clock.advanceSeconds(3600);
    QCOMPARE(token.remainingMs(m_clock).value_or(-1), remaining - 3'600'000);
    QCOMPARE(token.status(m_clock), Token::Status::Expiring);
    m_clock.advanceSeconds(7200);
    QCOMPARE(token.remainingMs(m_clock).value_or(-1), 0);
    QCOMPARE(token.status(m_clock), Token::Status::Expired);
}

void TestSpecterProvider::alwaysTrailingSlashAndBasicAuth()
{
    SpecterProvider *provider = makeProvider(baseUrl());
    const auto created =
        awaitResult(provider->createToken(createRequest(QStringLiteral("slash"), QStringLiteral("1 hour"))));
    QVERIFY(created.ok());
    QVERIFY(awaitResult(provider->listTokens()).ok());
    QVERIFY(awaitResult(provider->tokenDetails(created.value().token)).ok());
    QVERIFY(awaitResult(provider->revokeToken(created.value().token)).ok());
    const QList<SandboxLogEntry> log = m_server->requestLog();
    QCOMPARE(log.size(), 4); // no redirects were needed
    for (const SandboxLogEntry &entry : log) {
        QVERIFY2(entry.path.startsWith(QStringLiteral("/specter/api/v1alpha/token/")), qPrintable(entry.path));
        QVERIFY2(entry.path.endsWith(QLatin1Char('/')), qPrintable(entry.path));
    }
    QCOMPARE(log.at(0).method, QByteArray("POST"));
    QCOMPARE(log.at(3).method, QByteArray("DELETE"));
}

void TestSpecterProvider::details()
{
    SpecterProvider *provider = makeProvider(baseUrl());
    const auto created =
        awaitResult(provider->createToken(createRequest(QStringLiteral("details"), QStringLiteral("30 minutes"))));
    QVERIFY(created.ok());
    m_serverNow = m_serverNow.addSecs(60);
    const auto details = awaitResult(provider->tokenDetails(created.value().token));
    QVERIFY2(details.ok(), qPrintable(details.error().fullMessage()));
    QCOMPARE(details.value().id, created.value().token.id);
    QCOMPARE(details.value().label, QStringLiteral("details"));
    QCOMPARE(details.value().extra.value(QStringLiteral("expiry_status")).toString(), QStringLiteral("Valid"));
    QCOMPARE(details.value().lifetimeSeconds.value_or(0), 1800.0);
    const qint64 remaining = details.value().remainingMs(m_clock).value_or(-1);
    QVERIFY2(remaining > 1'738'000 && remaining <= 1'740'000, qPrintable(QString::number(remaining)));

    m_serverNow = m_serverNow.addSecs(1800);
    const auto expired = awaitResult(provider->tokenDetails(created.value().token));
    QVERIFY(expired.ok());
    QCOMPARE(expired.value().extra.value(QStringLiteral("expiry_status")).toString(), QStringLiteral("Expired"));
    QCOMPARE(expired.value().remainingMs(m_clock).value_or(-1), 0);
}

void TestSpecterProvider::deleteTwice()
{
    SpecterProvider *provider = makeProvider(baseUrl());
    const auto created =
        awaitResult(provider->createToken(createRequest(QStringLiteral("gone"), QStringLiteral("1 hour"))));
    QVERIFY(created.ok());
    const auto first = awaitResult(provider->revokeToken(created.value().token));
    QVERIFY2(first.ok(), qPrintable(first.error().fullMessage()));
    QCOMPARE(m_specter->tokenCount(QStringLiteral("admin")), 0);

    const auto second = awaitResult(provider->revokeToken(created.value().token));
    QVERIFY(!second.ok());
    QCOMPARE(second.error().kind(), ApiError::Kind::NotFound);
    QCOMPARE(second.error().userMessage(), QStringLiteral("The token is already gone; the list was refreshed."));

    const auto details = awaitResult(provider->tokenDetails(created.value().token));
    QVERIFY(!details.ok());
    QCOMPARE(details.error().kind(), ApiError::Kind::NotFound);

    const auto listed = awaitResult(provider->listTokens());
    QVERIFY(listed.ok());
    QVERIFY(listed.value().isEmpty());
}

void TestSpecterProvider::expiredTokensStayListed()
{
    SpecterProvider *provider = makeProvider(baseUrl());
    QVERIFY(
        awaitResult(provider->createToken(createRequest(QStringLiteral("short"), QStringLiteral("1 minute")))).ok());
    QVERIFY(awaitResult(provider->createToken(createRequest(QStringLiteral("long"), QStringLiteral("1 week")))).ok());
    m_serverNow = m_serverNow.addSecs(120);
    const auto listed = awaitResult(provider->listTokens());
    QVERIFY(listed.ok());
    QCOMPARE(listed.value().size(), 2);
    int expired = 0;
    for (const Token &token : listed.value()) {
        if (token.label == QLatin1String("short")) {
            QCOMPARE(token.remainingMs(m_clock).value_or(-1), 0);
            QCOMPARE(token.status(m_clock), Token::Status::Expired);
            ++expired;
        } else {
            QCOMPARE(token.status(m_clock), Token::Status::Active);
        }
    }
    QCOMPARE(expired, 1);
}

void TestSpecterProvider::expiredTokenKeepsTheExpiryItHad()
{
    m_clock.setNow(m_serverNow); // one clock for both sides: the JWT's exp is in server time
    // Created elsewhere (Specter's own UI): TokenDesk learns its expiry only from a list.
    QVERIFY(awaitResult(
        makeProvider(baseUrl())->createToken(createRequest(QStringLiteral("ci"), QStringLiteral("1 minute"))))
                .ok());
    AccountSession *session = makeSession(QUuid::createUuid());
    const auto first = awaitResult(session->refresh());
    QVERIFY(first.ok());
    QCOMPARE(first.value().size(), 1);
    const QDateTime expiry = first.value().constFirst().effectiveExpiry(m_clock).value_or(QDateTime());
    QVERIFY(expiry.isValid());
    QCOMPARE(first.value().constFirst().status(m_clock), Token::Status::Expiring);

    // Both clocks move past the expiry; the server now only says "0 s left", twice.
    for (int round = 0; round < 2; ++round) {
        m_clock.advanceSeconds(600);
        m_serverNow = m_serverNow.addSecs(600);
        const auto later = awaitResult(session->refresh());
        QVERIFY(later.ok());
        const Token &token = later.value().constFirst();
        QVERIFY(!token.expiryUnreported);
        QCOMPARE(token.status(m_clock), Token::Status::Expired);
        QCOMPARE(token.effectiveExpiry(m_clock).value_or(QDateTime()), expiry);
        QCOMPARE(token.remainingMs(m_clock).value_or(-1), 0);
    }
}

void TestSpecterProvider::expiryNeverSeenIsSaidSo()
{
    m_clock.setNow(m_serverNow); // one clock for both sides: the JWT's exp is in server time
    QVERIFY(awaitResult(
        makeProvider(baseUrl())->createToken(createRequest(QStringLiteral("ci"), QStringLiteral("1 minute"))))
                .ok());
    m_serverNow = m_serverNow.addSecs(120);
    AccountSession *session = makeSession(QUuid::createUuid());
    const auto listed = awaitResult(session->refresh());
    QVERIFY(listed.ok());
    const Token token = listed.value().constFirst();
    QVERIFY(token.expiryUnreported);
    QVERIFY(!token.effectiveExpiry(m_clock));
    QCOMPARE(token.status(m_clock), Token::Status::Expired);

    TokenListModel model(&m_clock);
    model.setTokens({token});
    const QModelIndex expires = model.index(0, TokenListModel::Expires);
    QCOMPARE(model.data(expires).toString(), TimeText::unreportedExpiry());
    QCOMPARE(model.data(expires).toString(), QStringLiteral("expired (time not reported by the service)"));
    m_clock.advanceSeconds(3600); // nothing moves with the clock
    QCOMPARE(model.data(expires).toString(), TimeText::unreportedExpiry());
    QCOMPARE(model.data(model.index(0, TokenListModel::Status)).toString(), QStringLiteral("Expired"));
}

void TestSpecterProvider::createdExpiryOutlivesTheProcess()
{
    m_clock.setNow(m_serverNow); // one clock for both sides: the JWT's exp is in server time
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    Database database(dir.filePath(QStringLiteral("ledger.sqlite")));
    QVERIFY2(database.open(), qPrintable(database.lastError()));
    Ledger ledger(&database);
    const QUuid accountId = QUuid::createUuid();

    const auto created = awaitResult(
        makeSession(accountId, &ledger)->create(createRequest(QStringLiteral("ci"), QStringLiteral("1 minute"))));
    QVERIFY(created.ok());
    const QDateTime exp = *created.value().token.expires; // the JWT's exp
    const std::optional<LedgerEntry> row = ledger.find(accountId, created.value().token.id);
    QVERIFY(row);
    QCOMPARE(row->expires.value_or(QDateTime()), exp);

    // A later run (a new session, nothing in memory) after the expiry: the ledger still knows the time.
    m_serverNow = m_serverNow.addSecs(3600);
    m_clock.advanceSeconds(3600);
    const auto listed = awaitResult(makeSession(accountId, &ledger)->refresh());
    QVERIFY(listed.ok());
    const Token &token = listed.value().constFirst();
    QVERIFY(!token.expiryUnreported);
    QCOMPARE(token.effectiveExpiry(m_clock).value_or(QDateTime()), exp);
    QCOMPARE(token.status(m_clock), Token::Status::Expired);
}

void TestSpecterProvider::duplicateDescription()
{
    SpecterProvider *provider = makeProvider(baseUrl());
    QVERIFY(awaitResult(provider->createToken(createRequest(QStringLiteral("twice"), QStringLiteral("1 hour")))).ok());
    const auto again =
        awaitResult(provider->createToken(createRequest(QStringLiteral("twice"), QStringLiteral("1 hour"))));
    QVERIFY(!again.ok());
    QCOMPARE(again.error().kind(), ApiError::Kind::BadRequest);
    QCOMPARE(again.error().userMessage(),
        QStringLiteral("A token with this description exists, or the description is blank."));
}

void TestSpecterProvider::wrongPasswordAsksForSignIn()
{
    SpecterProvider *provider = makeProvider(baseUrl(), QStringLiteral("not-the-password"));
    QSignalSpy spy(provider, &TokenProvider::signInRequired);
    const auto result = awaitResult(provider->listTokens());
    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind(), ApiError::Kind::Unauthorized);
    QCOMPARE(result.error().userMessage(), QStringLiteral("Specter refused the user name or password."));
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.constFirst().constFirst().toString(), QStringLiteral("Specter refused the user name or password."));

    const auto create =
        awaitResult(provider->createToken(createRequest(QStringLiteral("x"), QStringLiteral("1 hour"))));
    QCOMPARE(create.error().kind(), ApiError::Kind::Unauthorized);
    QCOMPARE(spy.count(), 2);
    QCOMPARE(m_specter->tokenCount(QStringLiteral("admin")), 0);
}

void TestSpecterProvider::createKinds()
{
    SpecterProvider *provider = makeProvider(baseUrl());
    const QList<TokenKindSpec> kinds = provider->createKinds();
    QCOMPARE(kinds.size(), 1);
    QCOMPARE(kinds.at(0).kind, QStringLiteral("token"));
    QCOMPARE(kinds.at(0).fields.size(), 2);
    QCOMPARE(kinds.at(0).fields.at(0).key, QStringLiteral("description"));
    QCOMPARE(kinds.at(0).fields.at(0).type, FieldSpec::Type::Text);
    QCOMPARE(kinds.at(0).fields.at(1).key, QStringLiteral("lifetime"));
    QCOMPARE(kinds.at(0).fields.at(1).type, FieldSpec::Type::Duration);
    QCOMPARE(kinds.at(0).fields.at(1).defaultValue.toString(), QStringLiteral("6 hours"));
    QVERIFY(kinds.at(0).fields.at(0).required && kinds.at(0).fields.at(1).required);
    QVERIFY(provider->validateCreate(createRequest(QStringLiteral("ok"), QStringLiteral("6 hours"))).isEmpty());
    QVERIFY(provider->validateCreate(createRequest(QStringLiteral("ok"), QStringLiteral("1h30m"))).isEmpty());
}

void TestSpecterProvider::badInputCaughtLocally_data()
{
    QTest::addColumn<QString>("description");
    QTest::addColumn<QString>("lifetime");
    QTest::addColumn<QString>("field");
    QTest::newRow("unknown unit") << QStringLiteral("a") << QStringLiteral("3 fortnights")
                                  << QStringLiteral("lifetime");
    QTest::newRow("no unit") << QStringLiteral("a") << QStringLiteral("3600") << QStringLiteral("lifetime");
    QTest::newRow("words") << QStringLiteral("a") << QStringLiteral("six hours") << QStringLiteral("lifetime");
    QTest::newRow("empty lifetime") << QStringLiteral("a") << QString() << QStringLiteral("lifetime");
    QTest::newRow("zero") << QStringLiteral("a") << QStringLiteral("0 seconds") << QStringLiteral("lifetime");
    QTest::newRow("negative") << QStringLiteral("a") << QStringLiteral("-5 minutes") << QStringLiteral("lifetime");
    QTest::newRow("blank description") << QString() << QStringLiteral("1 hour") << QStringLiteral("description");
    QTest::newRow("spaces description") << QStringLiteral("   ") << QStringLiteral("1 hour")
                                        << QStringLiteral("description");
}

void TestSpecterProvider::badInputCaughtLocally()
{
    QFETCH(QString, description);
    QFETCH(QString, lifetime);
    QFETCH(QString, field);
    SpecterProvider *provider = makeProvider(baseUrl());
    const CreateRequest request = createRequest(description, lifetime);
    const QList<FieldError> errors = provider->validateCreate(request);
    QCOMPARE(errors.size(), 1);
    QCOMPARE(errors.at(0).field, field);
    QVERIFY(!errors.at(0).message.isEmpty());

    m_server->clearRequestLog();
    const auto result = awaitResult(provider->createToken(request));
    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind(), ApiError::Kind::InvalidInput);
    QCOMPARE(result.error().fieldErrors(), errors);
    QVERIFY(m_server->requestLog().isEmpty());
}

void TestSpecterProvider::server500Mapped()
{
    ScriptedSpecter *scripted = nullptr;
    SandboxServer *server = scriptedServer(&scripted);
    QVERIFY(server);
    scripted->setRoute(QStringLiteral("POST /api/v1alpha/token/"),
        SandboxResponse::json(500,
            {{QStringLiteral("message"),
                QStringLiteral("Can't tell you the reason of the issue. Please "
                               "check the logs")}}));
    QUrl base = server->url();
    base.setPath(QStringLiteral("/specter"));
    SpecterProvider *provider = makeProvider(base);
    const auto result =
        awaitResult(provider->createToken(createRequest(QStringLiteral("x"), QStringLiteral("1 hour"))));
    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind(), ApiError::Kind::Server);
    // TokenDesk checked the lifetime itself: the message does not blame it.
    QCOMPARE(result.error().userMessage(),
        QStringLiteral("The Specter server failed (HTTP 500) after TokenDesk had checked the description and the "
                       "lifetime; Specter does not say why. Specter's log names the error."));
    QVERIFY(!result.error().userMessage().contains(QStringLiteral("could not read the lifetime")));
    QCOMPARE(server->requestLog().size(), 1); // a create is never retried
}

void TestSpecterProvider::userNameNotStoredAsTyped()
{
    // Signs in (the password matches the stored id "alice_admin"), then every token call is Specter's 500.
    m_specter->addUser(QStringLiteral("Alice Admin"), QStringLiteral("pw"), true);
    SpecterProvider *provider = makeProvider(baseUrl(), QStringLiteral("pw"));
    Account account = provider->account();
    account.options.insert(QStringLiteral("username"), QStringLiteral("Alice Admin"));
    provider->deleteLater();
    ProviderContext context;
    context.network = m_network;
    context.clock = &m_clock;
    auto *alice = new SpecterProvider(account, context, m_server);
    alice->setSecret(QStringLiteral("password"), QStringLiteral("pw"));

    const auto created = awaitResult(alice->createToken(createRequest(QStringLiteral("x"), QStringLiteral("1 hour"))));
    QVERIFY(!created.ok());
    QCOMPARE(created.error().httpStatus(), 500);
    const QString message = created.error().userMessage();
    QVERIFY2(message.contains(QStringLiteral("after TokenDesk had checked the description and the lifetime")),
        qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("Try the user name \"alice_admin\"")), qPrintable(message));
    QVERIFY(!message.contains(QStringLiteral("could not read the lifetime")));

    const auto listed = awaitResult(alice->listTokens());
    QVERIFY(!listed.ok());
    QVERIFY2(
        listed.error().userMessage().contains(QStringLiteral("alice_admin")), qPrintable(listed.error().userMessage()));

    // The stored id itself works.
    account.options.insert(QStringLiteral("username"), QStringLiteral("alice_admin"));
    auto *stored = new SpecterProvider(account, context, m_server);
    stored->setSecret(QStringLiteral("password"), QStringLiteral("pw"));
    QVERIFY(awaitResult(stored->createToken(createRequest(QStringLiteral("x"), QStringLiteral("1 hour")))).ok());
}

void TestSpecterProvider::baseUrlEndingInApiIsAWrongUrl()
{
    // The API is on; the URL is wrong. Both of Specter's 404 answers (JSON for Accept: application/json, which
    // TokenDesk sends, and the HTML page) must say so, not "the API is off".
    QUrl withApi = baseUrl();
    withApi.setPath(withApi.path() + QStringLiteral("/api/"));
    const auto result = awaitResult(makeProvider(withApi)->listTokens());
    QVERIFY(!result.ok());
    QVERIFY2(
        result.error().userMessage().startsWith(QStringLiteral("Wrong URL")), qPrintable(result.error().userMessage()));
    QVERIFY(!result.error().userMessage().contains(QStringLiteral("SPECTER_API_ACTIVE")));

    ScriptedSpecter *scripted = nullptr;
    SandboxServer *server = scriptedServer(&scripted);
    QVERIFY(server); // HTML 404 everywhere
    QUrl htmlBase = server->url();
    htmlBase.setPath(QStringLiteral("/specter/api"));
    const auto html = awaitResult(makeProvider(htmlBase)->listTokens());
    QVERIFY(!html.ok());
    QVERIFY2(
        html.error().userMessage().startsWith(QStringLiteral("Wrong URL")), qPrintable(html.error().userMessage()));

    // Without /api the same API-off answer still says the API is off.
    m_specter->setApiActive(false);
    const auto off = awaitResult(makeProvider(baseUrl())->listTokens());
    QVERIFY(off.error().userMessage().contains(QStringLiteral("SPECTER_API_ACTIVE")));
}

void TestSpecterProvider::malformedList()
{
    ScriptedSpecter *scripted = nullptr;
    SandboxServer *server = scriptedServer(&scripted);
    QVERIFY(server);
    scripted->setRoute(QStringLiteral("GET /api/v1alpha/token/"),
        SandboxResponse::json(200, {{QStringLiteral("jwt_tokens"), QStringLiteral("nope")}}));
    QUrl base = server->url();
    base.setPath(QStringLiteral("/specter"));
    const auto result = awaitResult(makeProvider(base)->listTokens());
    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind(), ApiError::Kind::MalformedResponse);
}

void TestSpecterProvider::apiOffJsonError()
{
    // TokenDesk sends Accept: application/json, so a Specter without the API answers 200 {"error": ...}.
    m_specter->setApiActive(false);
    const auto result = awaitResult(makeProvider(baseUrl())->listTokens());
    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind(), ApiError::Kind::NotAvailable);
    QVERIFY(result.error().userMessage().contains(QStringLiteral("SPECTER_API_ACTIVE=True")));
}

void TestSpecterProvider::apiOffHtml404()
{
    ScriptedSpecter *scripted = nullptr;
    SandboxServer *server = scriptedServer(&scripted);
    QVERIFY(server); // every path answers the HTML 404 page
    QUrl base = server->url();
    base.setPath(QStringLiteral("/specter"));
    const auto result = awaitResult(makeProvider(base)->listTokens());
    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind(), ApiError::Kind::NotAvailable);
    QVERIFY(result.error().userMessage().contains(QStringLiteral("SPECTER_API_ACTIVE=True")));
    QStringList paths;
    for (const SandboxLogEntry &entry : server->requestLog())
        paths << entry.path;
    QVERIFY(paths.contains(QStringLiteral("/specter/api/healthz/liveness")));
}

void TestSpecterProvider::tokenRoutesMissing()
{
    ScriptedSpecter *scripted = nullptr;
    SandboxServer *server = scriptedServer(&scripted);
    QVERIFY(server);
    scripted->setRoute(QStringLiteral("GET /api/healthz/liveness"),
        SandboxResponse::json(200, {{QStringLiteral("message"), QStringLiteral("i am alive")}}));
    QUrl base = server->url();
    base.setPath(QStringLiteral("/specter"));
    const auto result = awaitResult(makeProvider(base)->listTokens());
    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind(), ApiError::Kind::NotFound);
    QVERIFY(!result.error().userMessage().contains(QStringLiteral("SPECTER_API_ACTIVE")));
}

namespace {

QByteArray base64UrlJson(const QJsonObject &object)
{
    return QJsonDocument(object)
        .toJson(QJsonDocument::Compact)
        .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

// A JWT shaped like Specter's (HS256, username, jwt_token_id) with a signature nobody checks here.
QString fakeSpecterJwt(const QString &user, const QString &tokenId)
{
    const QJsonObject header {
        {QStringLiteral("alg"), QStringLiteral("HS256")}, {QStringLiteral("typ"), QStringLiteral("JWT")}};
    const QJsonObject claims {{QStringLiteral("username"), user}, {QStringLiteral("jwt_token_id"), tokenId},
        {QStringLiteral("exp"), QDateTime::currentSecsSinceEpoch() + 3600}};
    return QString::fromLatin1(base64UrlJson(header) + '.' + base64UrlJson(claims) + ".c2lnbmF0dXJl");
}

} // namespace

void TestSpecterProvider::verifyValueAcceptedThenRejected()
{
    SpecterProvider *provider = makeProvider(baseUrl());
    QVERIFY(provider->can(TokenProvider::Capability::VerifyValue));
    const auto created =
        awaitResult(provider->createToken(createRequest(QStringLiteral("to verify"), QStringLiteral("2 hours"))));
    QVERIFY2(created.ok(), qPrintable(created.error().fullMessage()));
    const QString value = created->value;

    const auto before = awaitResult(provider->checkTokenValue(value));
    QVERIFY2(before.ok(), qPrintable(before.error().fullMessage()));
    QCOMPARE(before->verdict, TokenValueCheck::Verdict::Accepted);
    QCOMPARE(before->tokenId, created->token.id);
    QVERIFY(before->detail.contains(QLatin1String("v2.1.11")));
    QVERIFY(!before->detail.contains(value));
    // Bearer on a SecureResource route with a wallet alias that cannot exist; one request, nothing else.
    const QList<SandboxLogEntry> log = m_server->requestLog();
    QCOMPARE(log.last().method, QByteArray("GET"));
    QVERIFY2(log.last().path.contains(QLatin1String("/api/v1alpha/wallets/tokendesk-verify-"))
            && log.last().path.endsWith(QLatin1Char('/')),
        qPrintable(log.last().path));

    QVERIFY(awaitResult(provider->revokeToken(created->token)).ok());
    const int requestsBefore = int(m_server->requestLog().size());
    const auto after = awaitResult(provider->checkTokenValue(value));
    QVERIFY2(after.ok(), qPrintable(after.error().fullMessage()));
    QCOMPARE(after->verdict, TokenValueCheck::Verdict::Rejected);
    QCOMPARE(after->tokenId, created->token.id);
    QCOMPARE(int(m_server->requestLog().size()), requestsBefore + 1);
}

void TestSpecterProvider::verifyValueNotAJwtSendsNothing()
{
    SpecterProvider *provider = makeProvider(baseUrl());
    for (const QString &garbage : {QStringLiteral("not-a-token"), QString(), QStringLiteral("a.b.c")}) {
        const auto result = awaitResult(provider->checkTokenValue(garbage));
        QVERIFY(!result.ok());
        QCOMPARE(result.error().kind(), ApiError::Kind::InvalidInput);
        QVERIFY(result.error().userMessage().contains(QLatin1String("JWT")));
    }
    // Two lines pasted: never split into a second header line.
    const auto twoLines = awaitResult(provider->checkTokenValue(
        fakeSpecterJwt(QStringLiteral("admin"), QStringLiteral("tok-1")) + QStringLiteral("\r\nX-Injected: 1")));
    QVERIFY(!twoLines.ok());
    QCOMPARE(twoLines.error().kind(), ApiError::Kind::InvalidInput);
    QVERIFY(m_server->requestLog().isEmpty());
}

void TestSpecterProvider::verifyValueNonAdminUser()
{
    // A valid token of a user who is not an admin: the admin route would refuse it, the wallet route takes any
    // authenticated user, so the verdict does not depend on the account being an admin.
    m_specter->addUser(QStringLiteral("bob"), QStringLiteral("bobpw"));
    SpecterProvider *provider = makeProvider(baseUrl(), QStringLiteral("bobpw"));
    Account account = provider->account();
    account.options.insert(QStringLiteral("username"), QStringLiteral("bob"));
    provider->setAccount(account);
    const auto created =
        awaitResult(provider->createToken(createRequest(QStringLiteral("bob's"), QStringLiteral("1 hour"))));
    QVERIFY2(created.ok(), qPrintable(created.error().fullMessage()));
    QSignalSpy signIn(provider, &TokenProvider::signInRequired);
    const auto result = awaitResult(provider->checkTokenValue(created->value));
    QVERIFY2(result.ok(), qPrintable(result.error().fullMessage()));
    QCOMPARE(result->verdict, TokenValueCheck::Verdict::Accepted);

    QVERIFY(awaitResult(provider->revokeToken(created->token)).ok());
    const auto revoked = awaitResult(provider->checkTokenValue(created->value));
    QVERIFY(revoked.ok());
    QCOMPARE(revoked->verdict, TokenValueCheck::Verdict::Rejected);
    QCOMPARE(signIn.count(), 0); // the Bearer 401 says nothing about the account's password
}

// The answer past authentication for an unknown wallet is not documented: Specter's generic JSON 500, a JSON 404
// or a 200 all mean the token got through; a proxy's HTML 404/500 says nothing about it; a 401 refuses it.
void TestSpecterProvider::verifyValueReadsTheWalletAnswer()
{
    ScriptedSpecter *scripted = nullptr;
    SandboxServer *server = scriptedServer(&scripted);
    QVERIFY(server);
    QUrl base = server->url();
    base.setPath(QStringLiteral("/specter"));
    SpecterProvider *provider = makeProvider(base);
    const QString value = fakeSpecterJwt(QStringLiteral("admin"), QStringLiteral("tok-1"));
    const QString route = QStringLiteral("GET /api/v1alpha/wallets/*");
    const QJsonObject specterError {{QStringLiteral("message"), QStringLiteral("Internal server error")}};

    struct Case
    {
        SandboxResponse response;
        std::optional<TokenValueCheck::Verdict> verdict; // nullopt: an error, no verdict
    };
    const QList<Case> cases {
        {SandboxResponse::json(500, specterError), TokenValueCheck::Verdict::Accepted},
        {SandboxResponse::json(404, specterError), TokenValueCheck::Verdict::Accepted},
        {SandboxResponse::json(200, QJsonObject {{QStringLiteral("alias"), QStringLiteral("x")}}),
            TokenValueCheck::Verdict::Accepted},
        {SandboxResponse::json(401, {{QStringLiteral("message"), QStringLiteral("could not verify")}}),
            TokenValueCheck::Verdict::Rejected},
        {SandboxResponse::text(404, "<html>Not here</html>", "text/html"), std::nullopt},
        {SandboxResponse::text(500, "<html>Proxy error</html>", "text/html"), std::nullopt},
    };
    for (const Case &c : cases) {
        scripted->setRoute(route, c.response);
        const auto result = awaitResult(provider->checkTokenValue(value));
        if (!c.verdict) {
            QVERIFY(!result.ok());
            continue;
        }
        QVERIFY2(result.ok(), qPrintable(result.error().fullMessage()));
        QCOMPARE(result->verdict, *c.verdict);
        QCOMPARE(result->tokenId, QStringLiteral("tok-1"));
    }
    QCOMPARE(server->requestLog().size(), cases.size()); // one request per check, no details call
}

void TestSpecterProvider::verifyValueServerErrorIsNoVerdict()
{
    SpecterProvider *provider = makeProvider(baseUrl());
    const auto created =
        awaitResult(provider->createToken(createRequest(QStringLiteral("x"), QStringLiteral("1 hour"))));
    QVERIFY(created.ok());
    QString error;
    QVERIFY2(m_server->setFaults(QStringLiteral("status=503@/specter"), &error), qPrintable(error));
    const auto result = awaitResult(provider->checkTokenValue(created->value));
    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind(), ApiError::Kind::Server);
}

QTEST_GUILESS_MAIN(TestSpecterProvider)
#include "tst_specterprovider.moc"
