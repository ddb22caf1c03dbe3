#include "AwaitFuture.h"
#include "providers/magicbell/MagicBellProvider.h"

#include "BuiltinEmulators.h"
#include "MagicBellEmulator.h"
#include "RawHttp.h"
#include "SandboxServer.h"
#include "TestHttpServer.h"

#include "core/Clock.h"
#include "core/Jwt.h"
#include "net/ApiClient.h"
#include "store/Database.h"
#include "store/Ledger.h"

#include <QEventLoop>
#include <QFutureWatcher>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageAuthenticationCode>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <memory>
#include <optional>

namespace {

// A provider that skips local validation, to show what the server says about a request it refuses.
class UncheckedMagicBellProvider : public MagicBellProvider
{
public:
    using MagicBellProvider::MagicBellProvider;
    QList<FieldError> validateCreate(const CreateRequest &) const override { return {}; }
};

QByteArray listBody(const QJsonArray &data, const QJsonValue &next)
{
    return QJsonDocument(QJsonObject {{QStringLiteral("data"), data},
                             {QStringLiteral("links"), QJsonObject {{QStringLiteral("next"), next}}}})
        .toJson(QJsonDocument::Compact);
}

int countRequests(const TestHttpServer &server, const QByteArray &method, const QString &path)
{
    int count = 0;
    for (const TestHttpServer::Request &request : server.requests(path))
        count += request.method == method ? 1 : 0;
    return count;
}

QJsonObject item(const QString &id, const QString &name)
{
    return {{QStringLiteral("id"), id}, {QStringLiteral("name"), name},
        {QStringLiteral("created_at"), QStringLiteral("2026-01-01T00:00:00Z")}};
}

} // namespace

class TestMagicBellProvider : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void descriptorShape();
    void credentialToken();
    void listOverSeveralPages();
    void listUserTokens();
    void unknownUserIsNotFound();
    void createProjectToken();
    void createProjectTokenThatNeverExpires();
    void createUserToken();
    void discardMarksRevoked();
    void discardUserToken();
    void discardUnknownTokenIsNotFound();
    void unauthorized();
    void missingTokenFailsLocally();
    void validateCreate_data();
    void validateCreate();
    void nameTooLongCaughtLocally();
    void nameTooLongRefusedByServer();
    void notAvailableWithoutJwtRoutes();
    void methodNotAllowedIsNotAvailable();
    void pageCapStopsWithWarning();
    void pageCapFromAccountOption();
    void relativeLinksAreResolved();
    void failedLaterPageIsAPagingWarning();
    void crossOriginLinkIsNotFollowed();
    void sandboxIsTodaysMagicBellByDefault();
    void signedUserTokenVerifies();
    void signedUserTokenNeedsTheKeys();
    void signedUserTokensListedNotRevocable();
    void unknownIdOrRouteGoneWithoutErrorBody();
    void subjectLabelNamesTheUserId();
    void lostCreateReplyFindsToken();
    void lostCreateReplyFindsNothing();
    void createTimeoutFindsToken();

private:
    MagicBellProvider *makeProvider(const QUrl &baseUrl, const QString &token);
    MagicBellProvider *sandboxProvider(bool jwtRoutes = true);
    // A provider for user tokens signed locally: the keys as the dashboard shows them, and a ledger.
    MagicBellProvider *signingProvider(const QUrl &baseUrl);
    CreateRequest projectRequest(const QString &name, const QString &expiry = {}) const;

    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<SandboxServer> m_sandbox;
    MagicBellEmulator *m_emulator = nullptr;
    std::unique_ptr<TokenProvider> m_provider;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<Ledger> m_ledger;
};

static const QString SecretKey = QStringLiteral("sk_test_4f2b8c1d9e7a6b5c");
static const QString ApiKey = QStringLiteral("pk_test_0a1b2c3d");

void TestMagicBellProvider::init()
{
    m_network = std::make_unique<QNetworkAccessManager>();
}

void TestMagicBellProvider::cleanup()
{
    m_provider.reset();
    m_ledger.reset();
    m_database.reset();
    m_dir.reset();
    m_sandbox.reset();
    m_emulator = nullptr;
    m_network.reset();
}

MagicBellProvider *TestMagicBellProvider::makeProvider(const QUrl &baseUrl, const QString &token)
{
    Account account;
    account.id = QUuid::createUuid();
    account.name = QStringLiteral("MagicBell test");
    account.providerId = QStringLiteral("magicbell");
    account.baseUrl = baseUrl;
    ProviderContext context;
    context.network = m_network.get();
    context.clock = Clock::system();
    auto *provider = new MagicBellProvider(account, context);
    provider->api()->setTransferTimeoutMs(10000);
    provider->api()->setMaxRetries(0);
    if (!token.isEmpty())
        provider->setSecret(QStringLiteral("token"), token);
    m_provider.reset(provider);
    return provider;
}

MagicBellProvider *TestMagicBellProvider::sandboxProvider(bool jwtRoutes)
{
    m_sandbox = std::make_unique<SandboxServer>();
    auto emulator = std::make_unique<MagicBellEmulator>(jwtRoutes);
    m_emulator = emulator.get();
    m_sandbox->addEmulator(std::move(emulator));
    if (!m_sandbox->listen())
        return nullptr;
    const QJsonObject info = m_emulator->readyInfo(m_sandbox->url());
    return makeProvider(
        QUrl(info.value(QLatin1String("base_url")).toString()), info.value(QLatin1String("token")).toString());
}

MagicBellProvider *TestMagicBellProvider::signingProvider(const QUrl &baseUrl)
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_database = std::make_unique<Database>(m_dir->filePath(QStringLiteral("tokendesk.sqlite")));
    if (!m_database->open())
        return nullptr;
    m_ledger = std::make_unique<Ledger>(m_database.get());
    Account account;
    account.id = QUuid::createUuid();
    account.name = QStringLiteral("MagicBell today");
    account.providerId = QStringLiteral("magicbell");
    account.baseUrl = baseUrl;
    account.options.insert(QStringLiteral("project_api_key"), ApiKey);
    ProviderContext context;
    context.network = m_network.get();
    context.clock = Clock::system();
    context.ledger = m_ledger.get();
    auto *provider = new MagicBellProvider(account, context);
    provider->api()->setMaxRetries(0);
    provider->setSecret(QStringLiteral("secret_key"), SecretKey);
    m_provider.reset(provider);
    return provider;
}

static CreateRequest signedRequest(const QString &email, const QString &externalId, const QString &expiry)
{
    CreateRequest request;
    request.kind = QStringLiteral("signed-user");
    if (!email.isEmpty())
        request.values.insert(QStringLiteral("email"), email);
    if (!externalId.isEmpty())
        request.values.insert(QStringLiteral("external_id"), externalId);
    request.values.insert(QStringLiteral("expiry"), expiry);
    return request;
}

CreateRequest TestMagicBellProvider::projectRequest(const QString &name, const QString &expiry) const
{
    CreateRequest request;
    request.kind = QStringLiteral("project");
    request.values.insert(QStringLiteral("name"), name);
    if (!expiry.isEmpty())
        request.values.insert(QStringLiteral("expiry"), expiry);
    return request;
}

void TestMagicBellProvider::descriptorShape()
{
    auto *provider = makeProvider(QUrl(QStringLiteral("https://api.magicbell.com/v2")), {});
    QVERIFY(provider->can(TokenProvider::Capability::List));
    QVERIFY(provider->can(TokenProvider::Capability::Create));
    QVERIFY(provider->can(TokenProvider::Capability::Revoke));
    QVERIFY(provider->can(TokenProvider::Capability::ListBySubject));
    QVERIFY(!provider->can(TokenProvider::Capability::SignIn));
    const QList<TokenKindSpec> kinds = provider->createKinds();
    QCOMPARE(kinds.size(), 3);
    QCOMPARE(kinds[0].kind, QStringLiteral("project"));
    QCOMPARE(kinds[1].kind, QStringLiteral("user"));
    QCOMPARE(kinds[2].kind, QStringLiteral("signed-user"));
    QCOMPARE(kinds[2].fields.last().key, QStringLiteral("expiry"));
    QVERIFY(kinds[2].fields.last().required); // MagicBell cannot revoke it: an expiry is the only end it has
    QCOMPARE(kinds[0].fields[0].key, QStringLiteral("name"));
    QVERIFY(kinds[0].fields[0].required);
    QCOMPARE(kinds[0].fields[0].maxLength, 255);
    QCOMPARE(kinds[0].fields[1].type, FieldSpec::Type::Duration);
    QVERIFY(!kinds[0].fields[1].required);
    QVERIFY(!kinds[0].fields[1].choices.isEmpty());
    QCOMPARE(kinds[1].fields[0].cliFlag, QStringLiteral("user-email"));
    QCOMPARE(kinds[1].fields[0].type, FieldSpec::Type::Email);
    QCOMPARE(kinds[1].fields[1].cliFlag, QStringLiteral("external-id"));
}

void TestMagicBellProvider::credentialToken()
{
    auto *provider = sandboxProvider();
    QVERIFY(provider);
    const std::optional<Token> credential = provider->credentialToken();
    QVERIFY(credential);
    QCOMPARE(credential->kind, QStringLiteral("project"));
    QCOMPARE(credential->subject, QStringLiteral("sandbox-project"));
    QVERIFY(credential->expires);
    QVERIFY(*credential->expires > QDateTime::currentDateTimeUtc().addDays(300));

    provider->setSecret(QStringLiteral("token"), QStringLiteral("not-a-jwt"));
    QVERIFY(!provider->credentialToken());
}

void TestMagicBellProvider::listOverSeveralPages()
{
    auto *provider = sandboxProvider();
    QVERIFY(provider);
    m_sandbox->seedTokens(45);
    m_sandbox->clearRequestLog();
    QSignalSpy warnings(provider, &TokenProvider::warning);

    const auto result = awaitFuture(provider->listTokens());
    QVERIFY(result);
    QVERIFY2(result->ok(), qPrintable(result->error().fullMessage()));
    const QList<Token> tokens = result->value();
    QCOMPARE(tokens.size(), 45);
    QCOMPARE(m_sandbox->requestLog().size(), 3); // 20 + 20 + 5 with the default limit of 20
    QCOMPARE(warnings.size(), 0);

    QSet<QString> ids;
    int revoked = 0;
    int neverExpires = 0;
    for (const Token &token : tokens) {
        QCOMPARE(token.kind, QStringLiteral("project"));
        QVERIFY(!token.id.isEmpty());
        QVERIFY(token.created);
        QCOMPARE(token.accountId, provider->account().id);
        ids.insert(token.id);
        revoked += token.revoked ? 1 : 0;
        neverExpires += token.expires ? 0 : 1;
    }
    QCOMPARE(ids.size(), 45); // no page listed twice
    QCOMPARE(tokens.first().label, QStringLiteral("Seed token 1"));
    QCOMPARE(tokens.last().label, QStringLiteral("Seed token 45"));
    QCOMPARE(revoked, 4); // the sandbox discards every tenth seeded token
    QVERIFY(neverExpires > 0);
}

void TestMagicBellProvider::listUserTokens()
{
    auto *provider = sandboxProvider();
    QVERIFY(provider);
    m_sandbox->seedTokens(2);
    ListRequest request;
    request.subject = QString::fromLatin1(MagicBellEmulator::DemoUserExternalId);
    const auto result = awaitFuture(provider->listTokens(request));
    QVERIFY(result && result->ok());
    QCOMPARE(result->value().size(), 3);
    for (const Token &token : result->value()) {
        QCOMPARE(token.kind, QStringLiteral("user"));
        QCOMPARE(token.subject, request.subject);
    }
}

void TestMagicBellProvider::unknownUserIsNotFound()
{
    auto *provider = sandboxProvider();
    QVERIFY(provider);
    ListRequest request;
    request.subject = QStringLiteral("nobody@example.com");
    const auto result = awaitFuture(provider->listTokens(request));
    QVERIFY(result);
    QVERIFY(!result->ok());
    QCOMPARE(result->error().kind(), ApiError::Kind::NotFound);
}

void TestMagicBellProvider::createProjectToken()
{
    auto *provider = sandboxProvider();
    QVERIFY(provider);
    const auto created = awaitFuture(provider->createToken(projectRequest(QStringLiteral("CI deploy"), "1 hour")));
    QVERIFY(created);
    QVERIFY2(created->ok(), qPrintable(created->error().fullMessage()));
    const CreatedToken &token = created->value();
    QVERIFY(!token.value.isEmpty());
    QVERIFY(Jwt::decode(token.value).isValid());
    QVERIFY(!token.token.id.isEmpty());
    QCOMPARE(token.token.kind, QStringLiteral("project"));
    QCOMPARE(token.token.label, QStringLiteral("CI deploy"));
    QVERIFY(token.token.created && token.token.expires);
    QCOMPARE(token.token.created->secsTo(*token.token.expires), 3600);
    QCOMPARE(token.token.lifetimeSeconds, std::optional<double>(3600.0));

    const auto list = awaitFuture(provider->listTokens());
    QVERIFY(list && list->ok());
    QCOMPARE(list->value().size(), 1);
    QCOMPARE(list->value().first().id, token.token.id);
    QCOMPARE(list->value().first().label, QStringLiteral("CI deploy"));

    // The new token is itself a working credential.
    auto *second = makeProvider(provider->account().baseUrl, token.value);
    const auto again = awaitFuture(second->listTokens());
    QVERIFY(again && again->ok());
}

void TestMagicBellProvider::createProjectTokenThatNeverExpires()
{
    auto *provider = sandboxProvider();
    QVERIFY(provider);
    const auto created = awaitFuture(provider->createToken(projectRequest(QStringLiteral("Forever"))));
    QVERIFY(created && created->ok());
    QVERIFY(!created->value().token.expires);
    QVERIFY(!Jwt::decode(created->value().value).expiresAt());
}

void TestMagicBellProvider::createUserToken()
{
    auto *provider = sandboxProvider();
    QVERIFY(provider);
    CreateRequest request;
    request.kind = QStringLiteral("user");
    request.values.insert(QStringLiteral("email"), QStringLiteral("kim@example.com"));
    request.values.insert(QStringLiteral("name"), QStringLiteral("Kim's app"));
    request.values.insert(QStringLiteral("expiry"), QStringLiteral("2 days"));
    const auto created = awaitFuture(provider->createToken(request));
    QVERIFY(created);
    QVERIFY2(created->ok(), qPrintable(created->error().fullMessage()));
    QCOMPARE(created->value().token.kind, QStringLiteral("user"));
    QCOMPARE(created->value().token.subject, QStringLiteral("kim@example.com"));
    QCOMPARE(Jwt::decode(created->value().value).stringClaim(QStringLiteral("user_email")),
        QStringLiteral("kim@example.com"));

    // External id only.
    CreateRequest byId;
    byId.kind = QStringLiteral("user");
    byId.values.insert(QStringLiteral("external_id"), QStringLiteral("kim-42"));
    const auto createdById = awaitFuture(provider->createToken(byId));
    QVERIFY(createdById && createdById->ok());

    ListRequest list;
    list.subject = QStringLiteral("kim@example.com");
    const auto listed = awaitFuture(provider->listTokens(list));
    QVERIFY(listed && listed->ok());
    QCOMPARE(listed->value().size(), 1);
    QCOMPARE(listed->value().first().id, created->value().token.id);
    QCOMPARE(listed->value().first().label, QStringLiteral("Kim's app"));
    QCOMPARE(m_emulator->tokenCount(QStringLiteral("user")), 2);
}

void TestMagicBellProvider::discardMarksRevoked()
{
    auto *provider = sandboxProvider();
    QVERIFY(provider);
    const auto created =
        awaitFuture(provider->createToken(projectRequest(QStringLiteral("Short-lived"), "10 minutes")));
    QVERIFY(created && created->ok());
    const auto discarded = awaitFuture(provider->revokeToken(created->value().token));
    QVERIFY(discarded);
    QVERIFY2(discarded->ok(), qPrintable(discarded->error().fullMessage()));

    const auto list = awaitFuture(provider->listTokens());
    QVERIFY(list && list->ok());
    QCOMPARE(list->value().size(), 1); // discarded tokens stay listed
    QVERIFY(list->value().first().revoked);

    // The discarded token no longer works as a credential.
    auto *second = makeProvider(provider->account().baseUrl, created->value().value);
    const auto refused = awaitFuture(second->listTokens());
    QVERIFY(refused && !refused->ok());
    QCOMPARE(refused->error().kind(), ApiError::Kind::Unauthorized);
}

void TestMagicBellProvider::discardUserToken()
{
    auto *provider = sandboxProvider();
    QVERIFY(provider);
    m_sandbox->seedTokens(1);
    ListRequest request;
    request.subject = QString::fromLatin1(MagicBellEmulator::DemoUserEmail);
    const auto before = awaitFuture(provider->listTokens(request));
    QVERIFY(before && before->ok() && !before->value().isEmpty());
    const Token target = before->value().first();
    QVERIFY(!target.revoked);
    const auto discarded = awaitFuture(provider->revokeToken(target));
    QVERIFY(discarded && discarded->ok());
    const auto after = awaitFuture(provider->listTokens(request));
    QVERIFY(after && after->ok());
    QCOMPARE(after->value().first().id, target.id);
    QVERIFY(after->value().first().revoked);

    // A user token id is not a project token id.
    Token asProject = target;
    asProject.kind = QStringLiteral("project");
    const auto wrongKind = awaitFuture(provider->revokeToken(asProject));
    QVERIFY(wrongKind && !wrongKind->ok());
    QCOMPARE(wrongKind->error().kind(), ApiError::Kind::NotFound);
}

void TestMagicBellProvider::discardUnknownTokenIsNotFound()
{
    auto *provider = sandboxProvider();
    QVERIFY(provider);
    Token token;
    token.id = QStringLiteral("00000000-0000-0000-0000-00000000dead");
    token.kind = QStringLiteral("project");
    const auto result = awaitFuture(provider->revokeToken(token));
    QVERIFY(result && !result->ok());
    QCOMPARE(result->error().kind(), ApiError::Kind::NotFound);
    QCOMPARE(result->error().httpStatus(), 404);
}

void TestMagicBellProvider::unauthorized()
{
    auto *provider = sandboxProvider();
    QVERIFY(provider);
    provider->setSecret(QStringLiteral("token"), QStringLiteral("eyJhbGciOiJIUzI1NiJ9.eyJ0eXBlIjoicHJvamVjdCJ9.bad"));
    const auto list = awaitFuture(provider->listTokens());
    QVERIFY(list && !list->ok());
    QCOMPARE(list->error().kind(), ApiError::Kind::Unauthorized);
    QCOMPARE(list->error().httpStatus(), 401);
    QVERIFY(!list->error().serverMessage().isEmpty());

    const auto created = awaitFuture(provider->createToken(projectRequest(QStringLiteral("x"))));
    QVERIFY(created && !created->ok());
    QCOMPARE(created->error().kind(), ApiError::Kind::Unauthorized);
    QCOMPARE(m_emulator->tokenCount(QStringLiteral("project")), 0);
}

void TestMagicBellProvider::missingTokenFailsLocally()
{
    auto *provider = sandboxProvider();
    QVERIFY(provider);
    provider->clearSecrets();
    m_sandbox->clearRequestLog();
    const auto list = awaitFuture(provider->listTokens());
    QVERIFY(list && !list->ok());
    QCOMPARE(list->error().kind(), ApiError::Kind::Unauthorized);
    QCOMPARE(m_sandbox->requestLog().size(), 0);
}

void TestMagicBellProvider::validateCreate_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QVariantMap>("values");
    QTest::addColumn<QString>("errorField"); // empty = valid

    QTest::newRow("project ok") << "project" << QVariantMap {{"name", "a"}, {"expiry", "1 hour"}} << "";
    QTest::newRow("project never") << "project" << QVariantMap {{"name", "a"}} << "";
    QTest::newRow("project seconds") << "project" << QVariantMap {{"name", "a"}, {"expiry", 90}} << "";
    QTest::newRow("project no name") << "project" << QVariantMap {{"expiry", "1 hour"}} << "name";
    QTest::newRow("project blank name") << "project" << QVariantMap {{"name", "  "}} << "name";
    QTest::newRow("project 255") << "project" << QVariantMap {{"name", QString(255, QLatin1Char('n'))}} << "";
    QTest::newRow("project 256") << "project" << QVariantMap {{"name", QString(256, QLatin1Char('n'))}} << "name";
    QTest::newRow("bad expiry") << "project" << QVariantMap {{"name", "a"}, {"expiry", "3 fortnights"}} << "expiry";
    QTest::newRow("bare number text") << "project" << QVariantMap {{"name", "a"}, {"expiry", "3600"}} << "expiry";
    QTest::newRow("zero seconds") << "project" << QVariantMap {{"name", "a"}, {"expiry", 0}} << "expiry";
    QTest::newRow("empty kind is project") << "" << QVariantMap {{"name", "a"}} << "";
    QTest::newRow("user email") << "user" << QVariantMap {{"email", "a@b.io"}} << "";
    QTest::newRow("user external id") << "user" << QVariantMap {{"external_id", "u1"}} << "";
    QTest::newRow("user neither") << "user" << QVariantMap {{"name", "n"}} << "email";
    QTest::newRow("user bad email") << "user" << QVariantMap {{"email", "not an email"}} << "email";
    QTest::newRow("user long id") << "user" << QVariantMap {{"external_id", QString(256, QLatin1Char('u'))}}
                                  << "external_id";
    QTest::newRow("unknown kind") << "admin" << QVariantMap {{"name", "a"}} << "kind";
}

void TestMagicBellProvider::validateCreate()
{
    QFETCH(QString, kind);
    QFETCH(QVariantMap, values);
    QFETCH(QString, errorField);
    auto *provider = makeProvider(QUrl(QStringLiteral("https://api.magicbell.com/v2")), QStringLiteral("x"));
    CreateRequest request;
    request.kind = kind;
    request.values = values;
    const QList<FieldError> errors = provider->validateCreate(request);
    if (errorField.isEmpty()) {
        QVERIFY2(errors.isEmpty(), qPrintable(errors.value(0).field + QLatin1String(": ") + errors.value(0).message));
    } else {
        QVERIFY(!errors.isEmpty());
        QCOMPARE(errors.first().field, errorField);
        QVERIFY(!errors.first().message.isEmpty());
    }
}

void TestMagicBellProvider::nameTooLongCaughtLocally()
{
    auto *provider = sandboxProvider();
    QVERIFY(provider);
    m_sandbox->clearRequestLog();
    const auto created = awaitFuture(provider->createToken(projectRequest(QString(256, QLatin1Char('n')))));
    QVERIFY(created && !created->ok());
    QCOMPARE(created->error().kind(), ApiError::Kind::InvalidInput);
    QCOMPARE(created->error().fieldErrors().value(0).field, QStringLiteral("name"));
    QCOMPARE(m_sandbox->requestLog().size(), 0);
}

void TestMagicBellProvider::nameTooLongRefusedByServer()
{
    QVERIFY(sandboxProvider());
    const Account account = m_provider->account();
    const QString token = m_provider->secret(QStringLiteral("token"));
    ProviderContext context;
    context.network = m_network.get();
    auto *unchecked = new UncheckedMagicBellProvider(account, context);
    unchecked->setSecret(QStringLiteral("token"), token);
    m_provider.reset(unchecked);
    const auto created = awaitFuture(unchecked->createToken(projectRequest(QString(256, QLatin1Char('n')))));
    QVERIFY(created && !created->ok());
    QCOMPARE(created->error().kind(), ApiError::Kind::Validation);
    QCOMPARE(created->error().httpStatus(), 422);
    QVERIFY(created->error().serverMessage().contains(QLatin1String("255")));
    QCOMPARE(m_emulator->tokenCount(QStringLiteral("project")), 0);
}

void TestMagicBellProvider::notAvailableWithoutJwtRoutes()
{
    auto *provider = sandboxProvider(false);
    QVERIFY(provider);
    // The project list is gone; the account still lists (its locally signed user tokens) and says why.
    QSignalSpy warnings(provider, &TokenProvider::warning);
    const auto list = awaitFuture(provider->listTokens());
    QVERIFY(list && list->ok());
    QVERIFY(list->value().isEmpty());
    QCOMPARE(warnings.size(), 1);
    QVERIFY(warnings.first().first().toString().startsWith(MagicBellProvider::notAvailableMessage()));

    ListRequest byUser;
    byUser.subject = QStringLiteral("demo-user");
    const auto userList = awaitFuture(provider->listTokens(byUser));
    QVERIFY(userList && !userList->ok());
    QCOMPARE(userList->error().kind(), ApiError::Kind::NotAvailable);

    const auto created = awaitFuture(provider->createToken(projectRequest(QStringLiteral("x"))));
    QVERIFY(created && !created->ok());
    QCOMPARE(created->error().kind(), ApiError::Kind::NotAvailable);

    Token token;
    token.id = QStringLiteral("abc");
    token.kind = QStringLiteral("project");
    const auto discarded = awaitFuture(provider->revokeToken(token));
    QVERIFY(discarded && !discarded->ok());
    QCOMPARE(discarded->error().kind(), ApiError::Kind::NotAvailable);

    // The account stays usable: its credential is still shown.
    QVERIFY(provider->credentialToken());
}

void TestMagicBellProvider::methodNotAllowedIsNotAvailable()
{
    TestHttpServer server;
    QVERIFY(server.listen());
    server.setRoute(QStringLiteral("/v2/jwt/project"), TestHttpServer::text(405, "Method Not Allowed"));
    server.setRoute(QStringLiteral("/v2/jwt/project/t1"), TestHttpServer::text(405, "Method Not Allowed"));
    auto *provider = makeProvider(server.url(QStringLiteral("/v2")), QStringLiteral("a.b.c"));
    QSignalSpy warnings(provider, &TokenProvider::warning);
    const auto list = awaitFuture(provider->listTokens());
    QVERIFY(list && list->ok());
    QCOMPARE(warnings.size(), 1);
    QVERIFY(warnings.first().first().toString().startsWith(MagicBellProvider::notAvailableMessage()));
    Token token;
    token.id = QStringLiteral("t1");
    const auto discarded = awaitFuture(provider->revokeToken(token));
    QVERIFY(discarded && !discarded->ok());
    QCOMPARE(discarded->error().kind(), ApiError::Kind::NotAvailable);
    // Bearer auth on every call.
    for (const TestHttpServer::Request &request : server.requests())
        QVERIFY(request.header("authorization") == "Bearer a.b.c");
}

void TestMagicBellProvider::pageCapStopsWithWarning()
{
    TestHttpServer server;
    QVERIFY(server.listen());
    // A server that always has a next page.
    for (int page = 1; page <= MagicBellProvider::MaxPages + 10; ++page) {
        const QString next = server.url(QStringLiteral("/v2/jwt/project?starting_after=t%1").arg(page)).toString();
        server.enqueue(QStringLiteral("/v2/jwt/project"),
            TestHttpServer::json(200, listBody({item(QStringLiteral("t%1").arg(page), QStringLiteral("n"))}, next)));
    }
    auto *provider = makeProvider(server.url(QStringLiteral("/v2")), QStringLiteral("a.b.c"));
    QSignalSpy warnings(provider, &TokenProvider::warning);
    const auto list = awaitFuture(provider->listTokens());
    QVERIFY(list);
    QVERIFY2(list->ok(), qPrintable(list->error().fullMessage()));
    QCOMPARE(list->value().size(), MagicBellProvider::MaxPages);
    QCOMPARE(server.requestCount(QStringLiteral("/v2/jwt/project")), MagicBellProvider::MaxPages);
    QCOMPARE(warnings.size(), 1);
    const QString warning = warnings.first().first().toString();
    QVERIFY2(warning.contains(QStringLiteral("(%1 pages)").arg(MagicBellProvider::MaxPages)), qPrintable(warning));
}

void TestMagicBellProvider::pageCapFromAccountOption()
{
    auto *provider = sandboxProvider();
    QVERIFY(provider);
    m_sandbox->seedTokens(45); // three pages of 20
    QCOMPARE(provider->maxPages(), int(MagicBellProvider::MaxPages));
    Account account = provider->account();
    account.options.insert(QStringLiteral("max_pages"), QStringLiteral("2"));
    provider->setAccount(account);
    QCOMPARE(provider->maxPages(), 2);
    m_sandbox->clearRequestLog();
    QSignalSpy warnings(provider, &TokenProvider::warning);
    const auto capped = awaitFuture(provider->listTokens());
    QVERIFY(capped && capped->ok());
    QCOMPARE(capped->value().size(), 40);
    QCOMPARE(m_sandbox->requestLog().size(), 2);
    QCOMPARE(warnings.size(), 1);
    QVERIFY(warnings.first().first().toString().contains(QLatin1String("40")));

    // Out-of-range or unreadable values fall back to the built-in cap.
    for (const QString &value : {QStringLiteral("0"), QStringLiteral("-3"), QStringLiteral("many")}) {
        account.options.insert(QStringLiteral("max_pages"), value);
        provider->setAccount(account);
        QCOMPARE(provider->maxPages(), int(MagicBellProvider::MaxPages));
    }
    account.options.insert(QStringLiteral("max_pages"), 1000);
    provider->setAccount(account);
    QCOMPARE(provider->maxPages(), int(MagicBellProvider::MaxPages));
    warnings.clear();
    const auto full = awaitFuture(provider->listTokens());
    QVERIFY(full && full->ok());
    QCOMPARE(full->value().size(), 45);
    QCOMPARE(warnings.size(), 0);
}

void TestMagicBellProvider::relativeLinksAreResolved()
{
    TestHttpServer server;
    QVERIFY(server.listen());
    // An absolute-path link, a query-only link, then a relative path, each resolved against the page that carried
    // it (RFC 3986: "project?..." next to /v2/jwt/project is /v2/jwt/project); then the end.
    server.enqueue(QStringLiteral("/v2/jwt/project"),
        TestHttpServer::json(200, listBody({item("a", "A")}, QStringLiteral("/v2/jwt/project?page%5Bafter%5D=a"))));
    server.enqueue(QStringLiteral("/v2/jwt/project"),
        TestHttpServer::json(200, listBody({item("b", "B")}, QStringLiteral("?page%5Bafter%5D=b"))));
    server.enqueue(QStringLiteral("/v2/jwt/project"),
        TestHttpServer::json(200, listBody({item("c", "C")}, QStringLiteral("project?page%5Bafter%5D=c"))));
    server.enqueue(QStringLiteral("/v2/jwt/project"),
        TestHttpServer::json(200, listBody({item("d", "D")}, QJsonValue(QJsonValue::Null))));
    auto *provider = makeProvider(server.url(QStringLiteral("/v2")), QStringLiteral("a.b.c"));
    const auto list = awaitFuture(provider->listTokens());
    QVERIFY(list);
    QVERIFY2(list->ok(), qPrintable(list->error().fullMessage()));
    QCOMPARE(list->value().size(), 4);
    const QList<TestHttpServer::Request> requests = server.requests();
    QCOMPARE(requests.size(), 4);
    QCOMPARE(requests[1].target, QByteArray("/v2/jwt/project?page%5Bafter%5D=a"));
    QCOMPARE(requests[2].target, QByteArray("/v2/jwt/project?page%5Bafter%5D=b"));
    QCOMPARE(requests[3].target, QByteArray("/v2/jwt/project?page%5Bafter%5D=c"));
}

void TestMagicBellProvider::failedLaterPageIsAPagingWarning()
{
    TestHttpServer server;
    QVERIFY(server.listen());
    // Page 2 answers 404 without MagicBell's error body, as a gone route would: after a first page that worked it
    // is a paging problem, not "the JWT routes left MagicBell's API".
    server.enqueue(QStringLiteral("/v2/jwt/project"),
        TestHttpServer::json(200, listBody({item("a", "A")}, QStringLiteral("?starting_after=a"))));
    server.enqueue(QStringLiteral("/v2/jwt/project"), TestHttpServer::json(404, "{}"));
    auto *provider = makeProvider(server.url(QStringLiteral("/v2")), QStringLiteral("a.b.c"));
    QSignalSpy warnings(provider, &TokenProvider::warning);
    const auto list = awaitFuture(provider->listTokens());
    QVERIFY(list);
    QVERIFY2(list->ok(), qPrintable(list->error().fullMessage()));
    QCOMPARE(list->value().size(), 1);
    QCOMPARE(warnings.size(), 1);
    const QString warning = warnings.first().first().toString();
    QVERIFY2(warning.contains(QLatin1String("Page 2")), qPrintable(warning));
    QVERIFY2(warning.contains(QLatin1String("/v2/jwt/project?starting_after=a")), qPrintable(warning));
    QVERIFY2(warning.contains(QLatin1String("incomplete")), qPrintable(warning));
    QVERIFY2(!warning.contains(QLatin1String("2025")), qPrintable(warning));
}

void TestMagicBellProvider::crossOriginLinkIsNotFollowed()
{
    TestHttpServer server;
    QVERIFY(server.listen());
    server.setRoute(QStringLiteral("/v2/jwt/project"),
        TestHttpServer::json(200, listBody({item("a", "A")}, QStringLiteral("http://127.0.0.2:1/v2/jwt/project"))));
    auto *provider = makeProvider(server.url(QStringLiteral("/v2")), QStringLiteral("a.b.c"));
    QSignalSpy warnings(provider, &TokenProvider::warning);
    const auto list = awaitFuture(provider->listTokens());
    QVERIFY(list && list->ok());
    QCOMPARE(list->value().size(), 1);
    QCOMPARE(warnings.size(), 1);
    QCOMPARE(server.requestCount(), 1);
}

void TestMagicBellProvider::lostCreateReplyFindsToken()
{
    TestHttpServer server;
    QVERIFY(server.listen());
    TestHttpServer::Response lost = TestHttpServer::json(
        201, R"({"token":"eyJ.secret.value","token_id":"new-1","created_at":"2026-01-01T00:00:00Z"})");
    lost.sendBodyBytes = 12; // the connection closes in the middle of the body
    lost.closeAfterSend = true;
    server.setRoute(QStringLiteral("POST /v2/jwt/project"), lost);
    QJsonObject discardedTwin = item("old-1", "Deploy");
    discardedTwin.insert(QStringLiteral("discarded_at"), QStringLiteral("2025-12-01T00:00:00Z"));
    server.setRoute(QStringLiteral("GET /v2/jwt/project"),
        TestHttpServer::json(200,
            listBody({discardedTwin, item("other", "Other"), item("new-1", "Deploy")}, QJsonValue(QJsonValue::Null))));
    auto *provider = makeProvider(server.url(QStringLiteral("/v2")), QStringLiteral("a.b.c"));
    const auto created = awaitFuture(provider->createToken(projectRequest(QStringLiteral("Deploy"), "1 day")));
    QVERIFY(created);
    QVERIFY(!created->ok());
    QCOMPARE(created->error().kind(), ApiError::Kind::Network);
    QCOMPARE(created->error().userMessage(), MagicBellProvider::lostReplyMessage());
    QVERIFY(created->error().details().contains(QLatin1String("new-1")));
    QCOMPARE(countRequests(server, "POST", QStringLiteral("/v2/jwt/project")), 1); // never retried
    QCOMPARE(countRequests(server, "GET", QStringLiteral("/v2/jwt/project")), 1);
    // The lost body's secret does not leak into the error.
    QVERIFY(!created->error().fullMessage().contains(QLatin1String("secret")));
    QVERIFY(!created->error().details().contains(QLatin1String("secret")));
}

void TestMagicBellProvider::lostCreateReplyFindsNothing()
{
    TestHttpServer server;
    QVERIFY(server.listen());
    // No reply at all within the transfer timeout.
    server.setRoute(QStringLiteral("POST /v2/jwt/project"), TestHttpServer::hanging());
    server.setRoute(QStringLiteral("GET /v2/jwt/project"),
        TestHttpServer::json(200, listBody({item("other", "Other")}, QJsonValue(QJsonValue::Null))));
    auto *provider = makeProvider(server.url(QStringLiteral("/v2")), QStringLiteral("a.b.c"));
    provider->api()->setTransferTimeoutMs(300);
    const auto created = awaitFuture(provider->createToken(projectRequest(QStringLiteral("Deploy"))));
    QVERIFY(created && !created->ok());
    QCOMPARE(created->error().kind(), ApiError::Kind::Timeout); // the original error
    QVERIFY(created->error().userMessage() != MagicBellProvider::lostReplyMessage());
    QVERIFY(created->error().userMessage().contains(QLatin1String("none was created")));
    QCOMPARE(countRequests(server, "POST", QStringLiteral("/v2/jwt/project")), 1);
}

void TestMagicBellProvider::createTimeoutFindsToken()
{
    TestHttpServer server;
    QVERIFY(server.listen());
    server.setRoute(QStringLiteral("POST /v2/jwt/project"), TestHttpServer::hanging());
    server.setRoute(QStringLiteral("GET /v2/jwt/project"),
        TestHttpServer::json(200, listBody({item("new-2", "Nightly")}, QJsonValue(QJsonValue::Null))));
    auto *provider = makeProvider(server.url(QStringLiteral("/v2")), QStringLiteral("a.b.c"));
    provider->api()->setTransferTimeoutMs(300);
    const auto created = awaitFuture(provider->createToken(projectRequest(QStringLiteral("Nightly"))));
    QVERIFY(created && !created->ok());
    QCOMPARE(created->error().kind(), ApiError::Kind::Network);
    QCOMPARE(created->error().userMessage(), MagicBellProvider::lostReplyMessage());
    QVERIFY(created->error().details().contains(QLatin1String("new-2")));
    QCOMPARE(countRequests(server, "POST", QStringLiteral("/v2/jwt/project")), 1);
}

void TestMagicBellProvider::sandboxIsTodaysMagicBellByDefault()
{
    // The sandbox's default is today's MagicBell: no /jwt routes, answered like any unknown route.
    for (const bool legacy : {false, true}) {
        SandboxServer server;
        BuiltinEmulatorOptions options;
        options.magicbellJwtRoutes = legacy;
        registerBuiltinEmulators(server, options);
        QVERIFY(server.listen());
        auto *emulator = static_cast<MagicBellEmulator *>(server.emulator(QStringLiteral("magicbell")));
        QVERIFY(emulator);
        const RawHttp::Headers bearer {{"Authorization", "Bearer " + emulator->demoToken().toLatin1()}};
        QUrl url = server.url();
        url.setPath(QStringLiteral("/magicbell/v2/jwt/project"));
        const RawHttp::Reply reply = RawHttp::get(url, bearer);
        QCOMPARE(reply.status, legacy ? 200 : 404);
        url.setPath(QStringLiteral("/magicbell/v2/no/such/route"));
        const RawHttp::Reply unknown = RawHttp::get(url, bearer);
        QCOMPARE(unknown.status, 404);
        if (!legacy)
            QCOMPARE(reply.body, unknown.body); // a removed route answers like one that never was
        QVERIFY(!server.emulator(QStringLiteral("magicbell-legacy")));
        const QJsonObject info = server.readyInfo().value(QLatin1String("services")).toObject();
        QCOMPARE(info.value(QLatin1String("magicbell")).toObject().value(QLatin1String("legacy")).toBool(), legacy);
    }
    // The embedded sandbox: today's MagicBell and a legacy one side by side, each naming its provider.
    SandboxServer server;
    BuiltinEmulatorOptions options;
    options.magicbellLegacyInstance = true;
    registerBuiltinEmulators(server, options);
    QVERIFY(server.listen());
    auto *legacy = static_cast<MagicBellEmulator *>(server.emulator(QStringLiteral("magicbell-legacy")));
    QVERIFY(legacy);
    QUrl url = server.url();
    url.setPath(QStringLiteral("/magicbell-legacy/v2/jwt/project"));
    QCOMPARE(RawHttp::get(url, {{"Authorization", "Bearer " + legacy->demoToken().toLatin1()}}).status, 200);
    const QJsonObject services = server.readyInfo().value(QLatin1String("services")).toObject();
    const QJsonObject legacyInfo = services.value(QLatin1String("magicbell-legacy")).toObject();
    QCOMPARE(legacyInfo.value(QLatin1String("provider")).toString(), QStringLiteral("magicbell"));
    QVERIFY(legacyInfo.value(QLatin1String("legacy")).toBool());
    QVERIFY(legacyInfo.value(QLatin1String("base_url")).toString().endsWith(QLatin1String("/magicbell-legacy/v2")));
    QVERIFY(!services.value(QLatin1String("magicbell")).toObject().value(QLatin1String("legacy")).toBool());
}

void TestMagicBellProvider::signedUserTokenVerifies()
{
    // No server at all: the token is signed here.
    auto *provider = signingProvider(QUrl(QStringLiteral("https://api.magicbell.invalid/v2")));
    QVERIFY(provider);
    const qint64 before = QDateTime::currentSecsSinceEpoch();
    const auto created = awaitFuture(provider->createToken(
        signedRequest(QStringLiteral("hana@example.com"), QStringLiteral("user-42"), QStringLiteral("2 hours"))));
    QVERIFY(created);
    QVERIFY2(created->ok(), qPrintable(created->error().fullMessage()));
    const QString value = created->value().value;
    const QStringList parts = value.split(QLatin1Char('.'));
    QCOMPARE(parts.size(), 3);

    // The signature, recomputed here: HMAC-SHA256 over "header.payload" with the secret key.
    const QByteArray expected = QMessageAuthenticationCode::hash(
        QByteArray(parts[0].toLatin1() + '.' + parts[1].toLatin1()), SecretKey.toUtf8(), QCryptographicHash::Sha256)
                                    .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    QCOMPARE(parts[2].toLatin1(), expected);
    const Jwt jwt = Jwt::decode(value);
    QVERIFY(jwt.isValid());
    QCOMPARE(jwt.algorithm(), QStringLiteral("HS256"));
    const QJsonObject claims = jwt.claims();
    QCOMPARE(claims.value(QLatin1String("user_email")).toString(), QStringLiteral("hana@example.com"));
    QCOMPARE(claims.value(QLatin1String("user_external_id")).toString(), QStringLiteral("user-42"));
    QCOMPARE(claims.value(QLatin1String("api_key")).toString(), ApiKey);
    const qint64 exp = qint64(claims.value(QLatin1String("exp")).toDouble());
    QCOMPARE(exp, qint64(claims.value(QLatin1String("iat")).toDouble()) + 7200);
    QVERIFY(exp >= before + 7200 && exp <= QDateTime::currentSecsSinceEpoch() + 7200);

    // An independent HS256 implementation agrees (node's crypto), when node is installed.
    const QString node = QStandardPaths::findExecutable(QStringLiteral("node"));
    if (!node.isEmpty()) {
        // Token and key travel on stdin, never in argv.
        const QStringList script {QStringLiteral("-e"),
            QStringLiteral("const c=require('crypto');let s='';process.stdin.on('data',d=>s+=d).on('end',()=>{"
                           "const [t,k]=s.split('\\n');const [h,p,g]=t.split('.');"
                           "const m=c.createHmac('sha256',k).update(h+'.'+p).digest('base64url');"
                           "if(m!==g||JSON.parse(Buffer.from(h,'base64url')).alg!=='HS256'){process.exit(1)}"
                           "process.stdout.write(Buffer.from(p,'base64url').toString())})")};
        const auto verify = [&node, &script](const QByteArray &input, QByteArray *output) {
            QProcess process;
            process.start(node, script);
            if (!process.waitForStarted())
                return -1;
            process.write(input);
            process.closeWriteChannel();
            if (!process.waitForFinished(20000))
                return -1;
            *output = process.readAllStandardOutput();
            return process.exitCode();
        };
        QByteArray payload;
        QCOMPARE(verify(value.toUtf8() + '\n' + SecretKey.toUtf8(), &payload), 0);
        const QJsonObject verified = QJsonDocument::fromJson(payload).object();
        QCOMPARE(verified.value(QLatin1String("exp")).toDouble(), double(exp));
        QCOMPARE(verified.value(QLatin1String("user_email")).toString(), QStringLiteral("hana@example.com"));
        QCOMPARE(verified.value(QLatin1String("api_key")).toString(), ApiKey);
        // A wrong key fails the same check.
        QCOMPARE(verify(value.toUtf8() + "\nnot-the-key", &payload), 1);
    } else {
        qInfo("node not found: the signature was checked against Qt's HMAC only");
    }

    // The ledger lists it with its expiry, without the value.
    const Token &token = created->value().token;
    QCOMPARE(token.kind, QStringLiteral("signed-user"));
    QCOMPARE(token.expires->toSecsSinceEpoch(), exp);
    const std::optional<LedgerEntry> row = m_ledger->find(provider->account().id, token.id);
    QVERIFY(row);
    QCOMPARE(row->kind, QStringLiteral("signed-user"));
    QCOMPARE(row->expires.value_or(QDateTime()).toSecsSinceEpoch(), exp);
    QCOMPARE(row->subject, QStringLiteral("hana@example.com"));
    const QString extra = QString::fromUtf8(QJsonDocument(QJsonObject::fromVariantMap(row->extra)).toJson());
    for (const QString &text : {row->label, row->subject, row->tokenId, extra})
        QVERIFY(!text.contains(parts[2]));
    // The reveal says it cannot be revoked.
    QVERIFY(created->value().notes.contains(provider->revokeRefusal(token)));
}

void TestMagicBellProvider::signedUserTokenNeedsTheKeys()
{
    auto *provider = signingProvider(QUrl(QStringLiteral("https://api.magicbell.invalid/v2")));
    QVERIFY(provider);
    QVERIFY(
        provider->validateCreate(signedRequest(QStringLiteral("a@b.example"), {}, QStringLiteral("1 day"))).isEmpty());
    // Neither user, no expiry.
    const QList<FieldError> missing = provider->validateCreate(signedRequest({}, {}, {}));
    QStringList fields;
    for (const FieldError &error : missing)
        fields << error.field;
    QVERIFY2(fields.contains(QStringLiteral("email")) && fields.contains(QStringLiteral("expiry")),
        qPrintable(fields.join(u',')));
    // No secret key, no API key: said before anything is signed.
    provider->setSecret(QStringLiteral("secret_key"), {});
    Account account = provider->account();
    account.options.remove(QStringLiteral("project_api_key"));
    provider->setAccount(account);
    const QList<FieldError> keys =
        provider->validateCreate(signedRequest(QStringLiteral("a@b.example"), {}, QStringLiteral("1 day")));
    QCOMPARE(keys.size(), 2);
    const auto created =
        awaitFuture(provider->createToken(signedRequest(QStringLiteral("a@b.example"), {}, QStringLiteral("1 day"))));
    QVERIFY(created && !created->ok());
    QCOMPARE(created->error().kind(), ApiError::Kind::InvalidInput);
    QVERIFY(m_ledger->entries(account.id).isEmpty());
}

void TestMagicBellProvider::signedUserTokensListedNotRevocable()
{
    // Today's MagicBell: no /jwt routes.
    m_sandbox = std::make_unique<SandboxServer>();
    auto emulator = std::make_unique<MagicBellEmulator>();
    m_emulator = emulator.get();
    m_sandbox->addEmulator(std::move(emulator));
    QVERIFY(m_sandbox->listen());
    const QJsonObject info = m_emulator->readyInfo(m_sandbox->url());
    auto *provider = signingProvider(QUrl(info.value(QLatin1String("base_url")).toString()));
    QVERIFY(provider);
    provider->setSecret(QStringLiteral("token"), info.value(QLatin1String("token")).toString());
    const auto created =
        awaitFuture(provider->createToken(signedRequest({}, QStringLiteral("user-7"), QStringLiteral("30 days"))));
    QVERIFY(created && created->ok());
    QVERIFY(m_sandbox->requestLog().isEmpty()); // signed here, nothing sent

    const auto listed = awaitFuture(provider->listTokens());
    QVERIFY(listed && listed->ok());
    QCOMPARE(listed->value().size(), 1);
    const Token token = listed->value().constFirst();
    QCOMPARE(token.id, created->value().token.id);
    QCOMPARE(token.kind, QStringLiteral("signed-user"));
    QCOMPARE(token.subject, QStringLiteral("user-7"));
    QCOMPARE(token.expires, created->value().token.expires);
    const qint64 remaining = token.remainingMs(*Clock::system()).value_or(-1);
    QVERIFY(remaining > 29 * 86400 * 1000LL && remaining <= 30 * 86400 * 1000LL);

    // Revocation is refused with the reason, and nothing is sent.
    const QString refusal = provider->revokeRefusal(token);
    QVERIFY(refusal.contains(QStringLiteral("cannot revoke")));
    QVERIFY(refusal.contains(QStringLiteral("secret key")));
    const qsizetype sent = m_sandbox->requestLog().size();
    const auto revoked = awaitFuture(provider->revokeToken(token));
    QVERIFY(revoked && !revoked->ok());
    QCOMPARE(revoked->error().kind(), ApiError::Kind::NotSupported);
    QCOMPARE(revoked->error().userMessage(), refusal);
    QCOMPARE(m_sandbox->requestLog().size(), sent);
    // Other kinds are not refused.
    Token project = token;
    project.kind = QStringLiteral("project");
    QVERIFY(provider->revokeRefusal(project).isEmpty());
}

void TestMagicBellProvider::unknownIdOrRouteGoneWithoutErrorBody()
{
    // Unknown ids answer the same bare 404 as a missing route: the provider asks the id-less route which it is.
    for (const bool routes : {true, false}) {
        auto *provider = sandboxProvider(routes);
        QVERIFY(provider);
        m_emulator->setBareNotFound(true);
        ListRequest byUser;
        byUser.subject = QStringLiteral("nobody-knows-me");
        const auto list = awaitFuture(provider->listTokens(byUser));
        QVERIFY(list && !list->ok());
        QCOMPARE(list->error().kind(), routes ? ApiError::Kind::NotFound : ApiError::Kind::NotAvailable);
        Token token;
        token.id = QStringLiteral("no-such-token");
        token.kind = QStringLiteral("user");
        const auto discarded = awaitFuture(provider->revokeToken(token));
        QVERIFY(discarded && !discarded->ok());
        QCOMPARE(discarded->error().kind(), routes ? ApiError::Kind::NotFound : ApiError::Kind::NotAvailable);
        if (routes)
            QCOMPARE(discarded->error().userMessage(), QStringLiteral("MagicBell does not know this token or user."));
    }
    // A probe that cannot answer leaves both readings open, and says so.
    TestHttpServer server;
    QVERIFY(server.listen());
    server.setRoute(QStringLiteral("/v2/jwt/user/u1"), TestHttpServer::text(404, "Not Found"));
    server.setRoute(QStringLiteral("/v2/jwt/project"), TestHttpServer::text(503, "busy"));
    auto *provider = makeProvider(server.url(QStringLiteral("/v2")), QStringLiteral("a.b.c"));
    ListRequest byUser;
    byUser.subject = QStringLiteral("u1");
    const auto list = awaitFuture(provider->listTokens(byUser));
    QVERIFY(list && !list->ok());
    QCOMPARE(list->error().kind(), ApiError::Kind::NotFound);
    QVERIFY2(list->error().userMessage().contains(QStringLiteral("could not tell")),
        qPrintable(list->error().userMessage()));
}

void TestMagicBellProvider::subjectLabelNamesTheUserId()
{
    auto *provider = makeProvider(QUrl(QStringLiteral("https://api.magicbell.com/v2")), {});
    QVERIFY(provider->subjectLabel().startsWith(QStringLiteral("MagicBell user id")));
    // The emulator takes MagicBell's own user id on the user-token route.
    auto *sandbox = sandboxProvider(true);
    QVERIFY(sandbox);
    m_emulator->seedTokens(1);
    ListRequest byUser;
    byUser.subject = QString::fromLatin1(MagicBellEmulator::DemoUserId);
    const auto list = awaitFuture(sandbox->listTokens(byUser));
    QVERIFY(list && list->ok());
    QCOMPARE(list->value().size(), 3);
}

QTEST_GUILESS_MAIN(TestMagicBellProvider)
#include "tst_magicbellprovider.moc"
