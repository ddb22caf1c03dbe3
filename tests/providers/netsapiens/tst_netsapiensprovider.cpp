#include "AwaitFuture.h"
#include "BuiltinEmulators.h"
#include "NetSapiensEmulator.h"
#include "RawHttp.h"
#include "SandboxServer.h"
#include "TestHttpServer.h"
#include "core/Clock.h"
#include "core/Jwt.h"
#include "core/Totp.h"
#include "core/UtcTime.h"
#include "providers/ProviderRegistry.h"
#include "providers/netsapiens/NetSapiensProvider.h"
#include "store/Database.h"
#include "store/Ledger.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

namespace {

QString info(const QJsonObject &ready, const char *key)
{
    return ready.value(QLatin1String(key)).toString();
}

int nonEmptyValues(const QSignalSpy &spy, const QString &field)
{
    int count = 0;
    for (const QList<QVariant> &args : spy) {
        if (args.at(0).toString() == field && !args.at(1).toString().isEmpty())
            ++count;
    }
    return count;
}

} // namespace

class TestNetSapiensProvider : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void descriptor();
    void signInWithoutMfa();
    void wrongPassword();
    void keepSignedInPersistsSecrets();
    void mfaWrongThenRightPasscode();
    void refreshRotationV45();
    void originalV2AsksToSignInBeforeExpiry();
    void inspectCurrent();
    void delegatedRecordedAndListed();
    void delegatedNeedsApiKeyAndValidInput();
    void delegatedRefreshRevokedByItsJti();
    void revokeByJti();
    void revokeAllForUid();
    void revokeCurrentSession();
    void signOut();
    void unauthorizedAsksForSignIn();
    void verifyDelegatedAcceptedThenRejected();
    void verifyGarbageIsRejected();
    void verifyServerErrorIsNoVerdict();
    void signOutVerifiesOldSession();
    void signOutFailsWhenOldSessionStillAccepted();

private:
    NetSapiensProvider *makeProvider(bool mfaUser = false, const QVariantMap &extraOptions = {});
    QJsonObject ready() const;
    QUrl jwtUrl(const QString &suffix = {}) const;
    int rawGetStatus(const QString &token) const;
    SignInResult signIn(NetSapiensProvider *provider);

    SandboxServer *m_server = nullptr;
    NetSapiensEmulator *m_ns = nullptr;
    QNetworkAccessManager *m_network = nullptr;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<Ledger> m_ledger;
    TestClock m_clock;
};

void TestNetSapiensProvider::init()
{
    // Whole seconds, like the JWT claims.
    m_clock = TestClock(UtcTime::fromSecs(QDateTime::currentSecsSinceEpoch()));
    m_network = new QNetworkAccessManager(this);
    m_server = new SandboxServer(this);
    registerBuiltinEmulators(*m_server);
    m_server->setClock([this] { return m_clock.now(); });
    m_ns = static_cast<NetSapiensEmulator *>(m_server->emulator(QStringLiteral("netsapiens")));
    QVERIFY(m_ns);
    QVERIFY(m_server->listen());
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_db = std::make_unique<Database>(m_dir->filePath(QStringLiteral("tokendesk.sqlite")));
    QVERIFY2(m_db->open(), qPrintable(m_db->lastError()));
    m_ledger = std::make_unique<Ledger>(m_db.get());
}

void TestNetSapiensProvider::cleanup()
{
    delete m_server;
    m_server = nullptr;
    delete m_network;
    m_network = nullptr;
    m_ledger.reset();
    m_db.reset();
    m_dir.reset();
}

QJsonObject TestNetSapiensProvider::ready() const
{
    return m_server->readyInfo().value("services").toObject().value("netsapiens").toObject();
}

QUrl TestNetSapiensProvider::jwtUrl(const QString &suffix) const
{
    return QUrl(info(ready(), "base_url") + QStringLiteral("/jwt") + suffix);
}

int TestNetSapiensProvider::rawGetStatus(const QString &token) const
{
    return RawHttp::get(jwtUrl(), {{"Authorization", "Bearer " + token.toLatin1()}}).status;
}

NetSapiensProvider *TestNetSapiensProvider::makeProvider(bool mfaUser, const QVariantMap &extraOptions)
{
    const QJsonObject r = ready();
    Account account;
    account.id = QUuid::createUuid();
    account.name = QStringLiteral("Sandbox NetSapiens");
    account.providerId = QStringLiteral("netsapiens");
    account.baseUrl = QUrl(info(r, "base_url"));
    account.options.insert(QStringLiteral("username"), info(r, mfaUser ? "mfa_username" : "username"));
    account.options.insert(QStringLiteral("client_id"), info(r, "client_id"));
    for (auto it = extraOptions.begin(); it != extraOptions.end(); ++it)
        account.options.insert(it.key(), it.value());
    ProviderContext context;
    context.network = m_network;
    context.clock = &m_clock;
    context.ledger = m_ledger.get();
    auto *provider = static_cast<NetSapiensProvider *>(ProviderRegistry::instance().create(account, context, m_server));
    if (!provider)
        return nullptr;
    provider->setSecret(QStringLiteral("password"), info(r, mfaUser ? "mfa_password" : "password"));
    provider->setSecret(QStringLiteral("client_secret"), info(r, "client_secret"));
    provider->setSecret(QStringLiteral("api_key"), info(r, "api_key"));
    return provider;
}

SignInResult TestNetSapiensProvider::signIn(NetSapiensProvider *provider)
{
    const auto result = awaitResult(provider->signIn());
    if (!result.ok()) {
        qWarning() << "sign-in failed:" << result.error().fullMessage();
        return {};
    }
    return result.value();
}

void TestNetSapiensProvider::descriptor()
{
    const ProviderDescriptor *descriptor = ProviderRegistry::instance().find(QStringLiteral("netsapiens"));
    QVERIFY(descriptor);
    // The spec's host is a placeholder: the operator's own host is required.
    QVERIFY(descriptor->defaultBaseUrl.isEmpty());
    QVERIFY(descriptor->regionPresets.isEmpty());
    QCOMPARE(descriptor->capabilities, NetSapiensProvider::staticCapabilities());
    for (auto capability :
        {TokenProvider::Capability::SignIn, TokenProvider::Capability::Mfa, TokenProvider::Capability::InspectCurrent,
            TokenProvider::Capability::Refresh, TokenProvider::Capability::Create, TokenProvider::Capability::Revoke,
            TokenProvider::Capability::RevokeAllForSubject, TokenProvider::Capability::SignOut,
            TokenProvider::Capability::List, TokenProvider::Capability::LedgerBacked})
        QVERIFY(descriptor->capabilities.testFlag(capability));
    QStringList secrets = descriptor->secretFields();
    secrets.sort();
    QCOMPARE(secrets, (QStringList {"api_key", "client_secret", "password"}));
    Account account;
    account.providerId = QStringLiteral("netsapiens");
    account.baseUrl = descriptor->defaultBaseUrl;
    QCOMPARE(descriptor->validateAccount(account).size(), 2); // no server address, no user name
    QCOMPARE(descriptor->validateAccount(account).first().field, QStringLiteral("baseUrl"));
    account.baseUrl = QUrl(QStringLiteral("https://pbx.example.com/ns-api/v2"));
    QCOMPARE(descriptor->validateAccount(account).size(), 1); // username missing
    account.options.insert(QStringLiteral("username"), QStringLiteral("1000@example"));
    QVERIFY(descriptor->validateAccount(account).isEmpty());

    std::unique_ptr<NetSapiensProvider> provider(makeProvider());
    const auto kinds = provider->createKinds();
    QCOMPARE(kinds.size(), 1);
    QCOMPARE(kinds.first().kind, QStringLiteral("delegated"));
    QCOMPARE(kinds.first().fields.size(), 2);
    QCOMPARE(kinds.first().fields.at(0).cliFlag, QStringLiteral("delegate-user"));
    QCOMPARE(kinds.first().fields.at(1).cliFlag, QStringLiteral("delegate-domain"));
    QVERIFY(kinds.first().fields.at(0).required && kinds.first().fields.at(1).required);
}

void TestNetSapiensProvider::signInWithoutMfa()
{
    std::unique_ptr<NetSapiensProvider> provider(makeProvider());
    QSignalSpy changed(provider.get(), &TokenProvider::credentialChanged);
    QSignalSpy secrets(provider.get(), &TokenProvider::secretChanged);
    QVERIFY(!provider->isSignedIn());
    const SignInResult result = signIn(provider.get());
    QVERIFY(!result.mfaRequired);
    QVERIFY(result.session);
    QCOMPARE(result.session->subject, info(ready(), "username"));
    QCOMPARE(result.session->kind, QStringLiteral("session"));
    QCOMPARE(result.session->id.size(), 40);
    QVERIFY(provider->isSignedIn());
    QVERIFY(provider->canRefresh());
    QCOMPARE(changed.count(), 1);
    QCOMPARE(nonEmptyValues(secrets, "session") + nonEmptyValues(secrets, "refresh"), 0); // not kept
    const auto token = provider->credentialToken();
    QVERIFY(token && token->expires);
    QCOMPARE(token->remainingMs(m_clock).value_or(-1), 86400LL * 1000);
    QVERIFY(provider->scheduledRefreshAt());
    QCOMPARE(*provider->scheduledRefreshAt(), token->expires->addSecs(-NetSapiensProvider::RefreshLeadSeconds));
    QCOMPARE(rawGetStatus(provider->secret("session")), 200);
}

void TestNetSapiensProvider::wrongPassword()
{
    std::unique_ptr<NetSapiensProvider> provider(makeProvider());
    provider->setSecret(QStringLiteral("password"), QStringLiteral("wrong"));
    const auto result = awaitResult(provider->signIn());
    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind(), ApiError::Kind::Unauthorized);
    QCOMPARE(result.error().serverMessage(), QStringLiteral("Invalid username or password"));
    QVERIFY(!provider->isSignedIn());
}

void TestNetSapiensProvider::keepSignedInPersistsSecrets()
{
    std::unique_ptr<NetSapiensProvider> provider(makeProvider(false, {{"keep_signed_in", true}}));
    QSignalSpy secrets(provider.get(), &TokenProvider::secretChanged);
    QVERIFY(!signIn(provider.get()).mfaRequired);
    QCOMPARE(nonEmptyValues(secrets, "session"), 1);
    QCOMPARE(nonEmptyValues(secrets, "refresh"), 1);
    QVERIFY(secrets.first().at(1).toString() == provider->secret("session"));
    secrets.clear();
    QVERIFY(awaitResult(provider->signOut()).ok());
    QCOMPARE(nonEmptyValues(secrets, "session") + nonEmptyValues(secrets, "refresh"), 0);
    QCOMPARE(secrets.count(), 2); // both removed
}

void TestNetSapiensProvider::mfaWrongThenRightPasscode()
{
    std::unique_ptr<NetSapiensProvider> provider(makeProvider(true));
    QSignalSpy required(provider.get(), &TokenProvider::signInRequired);
    const SignInResult first = signIn(provider.get());
    QVERIFY(first.mfaRequired);
    QCOMPARE(first.challenge.vendor, QStringLiteral("google"));
    QCOMPARE(first.challenge.type, QStringLiteral("authenticator"));
    QVERIFY(!first.challenge.challengeToken.isEmpty());
    QVERIFY(!first.session);
    QVERIFY(!provider->isSignedIn()); // the mfa_required token is not a session
    QVERIFY(!provider->credentialToken());

    const QString secret = info(ready(), "totp_secret");
    const QString right = Totp::codeFromBase32(secret, m_clock.now());
    QString wrong = QString::number((right.toInt() + 500000) % 1000000).rightJustified(6, QLatin1Char('0'));
    const auto bad = awaitResult(provider->submitMfa(first.challenge, wrong));
    QVERIFY(!bad.ok());
    QCOMPARE(bad.error().kind(), ApiError::Kind::Unauthorized);
    QCOMPARE(bad.error().serverMessage(), QStringLiteral("Invalid passcode"));
    QVERIFY(!provider->isSignedIn());
    QCOMPARE(required.count(), 0);

    const auto good = awaitResult(provider->submitMfa(first.challenge, right)); // same challenge, retried
    QVERIFY2(good.ok(), qPrintable(good.error().fullMessage()));
    QVERIFY(!good->mfaRequired);
    QVERIFY(good->session);
    QCOMPARE(good->session->subject, info(ready(), "mfa_username"));
    QVERIFY(provider->isSignedIn());
    QCOMPARE(rawGetStatus(provider->secret("session")), 200);
}

void TestNetSapiensProvider::refreshRotationV45()
{
    m_ns->setTokenLifetimeSeconds(600);
    std::unique_ptr<NetSapiensProvider> provider(makeProvider(false, {{"keep_signed_in", true}}));
    QVERIFY(!signIn(provider.get()).mfaRequired);
    const QString firstSession = provider->secret("session");
    const QString firstRefresh = provider->secret("refresh");
    const QDateTime due = *provider->scheduledRefreshAt();
    QCOMPARE(m_clock.now().secsTo(due), 600 - NetSapiensProvider::RefreshLeadSeconds);

    QSignalSpy secrets(provider.get(), &TokenProvider::secretChanged);
    QSignalSpy changed(provider.get(), &TokenProvider::credentialChanged);
    m_clock.setNow(due.addSecs(-1));
    provider->checkSchedule(); // not yet due
    QCOMPARE(changed.count(), 0);
    m_clock.setNow(due);
    provider->checkSchedule();
    QTRY_COMPARE(changed.count(), 1);
    QVERIFY(provider->secret("session") != firstSession);
    QVERIFY(provider->secret("refresh") != firstRefresh);
    QCOMPARE(nonEmptyValues(secrets, "session"), 1);
    QCOMPARE(nonEmptyValues(secrets, "refresh"), 1);
    QVERIFY(*provider->scheduledRefreshAt() > due);
    QCOMPARE(Jwt::decode(provider->secret("session")).expiresAt()->secsTo(*provider->scheduledRefreshAt()),
        -NetSapiensProvider::RefreshLeadSeconds);
    // The used refresh JWT is dead (single use).
    const auto reused = RawHttp::send("POST", jwtUrl(), {RawHttp::jsonContentType()},
        QJsonDocument(QJsonObject {{"refresh", firstRefresh}}).toJson(QJsonDocument::Compact));
    QCOMPARE(reused.status, 401);

    const QString secondSession = provider->secret("session");
    const auto again = awaitResult(provider->refreshNow());
    QVERIFY(again.ok());
    QVERIFY(provider->secret("session") != secondSession);
    QCOMPARE(rawGetStatus(provider->secret("session")), 200);
}

void TestNetSapiensProvider::originalV2AsksToSignInBeforeExpiry()
{
    m_ns->setVersion(NetSapiensEmulator::Version::V2);
    m_ns->setTokenLifetimeSeconds(3600);
    std::unique_ptr<NetSapiensProvider> provider(makeProvider());
    QSignalSpy required(provider.get(), &TokenProvider::signInRequired);
    QVERIFY(!signIn(provider.get()).mfaRequired);
    QVERIFY(!provider->canRefresh());
    const QDateTime due = *provider->scheduledRefreshAt();
    QCOMPARE(m_clock.now().secsTo(due), 3600 - NetSapiensProvider::WarnLeadSeconds);
    m_clock.setNow(due.addSecs(-1));
    provider->checkSchedule();
    QCOMPARE(required.count(), 0);
    m_clock.setNow(due);
    provider->checkSchedule();
    QCOMPARE(required.count(), 1);
    QCOMPARE(required.first().at(0).toString(), NetSapiensProvider::expiresSoonMessage());
    QVERIFY(m_clock.now() < *provider->credentialToken()->expires); // ahead of expiry
    const auto refresh = awaitResult(provider->refreshNow());
    QCOMPARE(refresh.error().kind(), ApiError::Kind::NotSupported);
}

void TestNetSapiensProvider::inspectCurrent()
{
    std::unique_ptr<NetSapiensProvider> provider(makeProvider());
    QCOMPARE(awaitResult(provider->inspectCurrent()).error().kind(), ApiError::Kind::Unauthorized);
    signIn(provider.get());
    const auto inspection = awaitResult(provider->inspectCurrent());
    QVERIFY2(inspection.ok(), qPrintable(inspection.error().fullMessage()));
    QCOMPARE(inspection->claims.value("sub").toString(), info(ready(), "username"));
    QCOMPARE(inspection->claims.value("time_out").toLongLong(), 86400000LL);
    QCOMPARE(inspection->claims.value("jti").toString(), provider->credentialToken()->id);
    QVERIFY(inspection->expires);
    QCOMPARE(*inspection->expires, *provider->credentialToken()->expires);
}

void TestNetSapiensProvider::delegatedRecordedAndListed()
{
    std::unique_ptr<NetSapiensProvider> provider(makeProvider());
    signIn(provider.get());
    CreateRequest request {QStringLiteral("delegated"), {{"user", "1001"}, {"domain", info(ready(), "domain")}}};
    QVERIFY(provider->validateCreate(request).isEmpty());
    const auto created = awaitResult(provider->createToken(request));
    QVERIFY2(created.ok(), qPrintable(created.error().fullMessage()));
    QVERIFY(!created->value.isEmpty());
    QCOMPARE(created->token.kind, QStringLiteral("delegated"));
    QCOMPARE(created->token.subject, QStringLiteral("1001@sandbox"));
    QCOMPARE(created->token.id, Jwt::decode(created->value).id());
    QCOMPARE(rawGetStatus(created->value), 200);

    // v45: the delegated answer carries a refresh JWT, a credential of its own, returned once with the token.
    QVERIFY(!created->refreshValue.isEmpty());
    QCOMPARE(created->refreshId, Jwt::decode(created->refreshValue).id());
    QVERIFY(!created->refreshId.isEmpty() && created->refreshId != created->token.id);
    QVERIFY(created->refreshExpires);

    const auto entries = m_ledger->entries(provider->account().id);
    QCOMPARE(entries.size(), 2);
    const auto entry = m_ledger->find(provider->account().id, created->token.id);
    QVERIFY(entry);
    const auto refreshEntry = m_ledger->find(provider->account().id, created->refreshId);
    QVERIFY(refreshEntry);
    QCOMPARE(refreshEntry->kind, QStringLiteral("delegated-refresh"));
    QCOMPARE(refreshEntry->subject, QStringLiteral("1001@sandbox"));
    QCOMPARE(refreshEntry->expires, created->refreshExpires);
    for (const LedgerEntry &row : entries) {
        for (const QString &value : {created->value, created->refreshValue})
            QVERIFY(!row.extra.values().contains(value) && !row.label.contains(value) && row.tokenId != value);
    }
    QCOMPARE(entry->kind, QStringLiteral("delegated"));
    QCOMPARE(entry->providerId, QStringLiteral("netsapiens"));
    QCOMPARE(entry->tokenId, created->token.id);
    QCOMPARE(entry->subject, QStringLiteral("1001@sandbox"));
    QCOMPARE(entry->createdBy, info(ready(), "username"));
    QVERIFY(entry->expires);
    QVERIFY(!entry->revoked);

    auto listed = awaitResult(provider->listTokens());
    QVERIFY(listed.ok());
    QCOMPARE(listed->size(), 3);
    QCOMPARE(listed->at(0).kind, QStringLiteral("session"));
    Token delegated;
    bool refreshListed = false;
    for (const Token &token : listed.value()) {
        if (token.id == created->token.id)
            delegated = token;
        refreshListed = refreshListed || (token.id == created->refreshId && token.kind == "delegated-refresh");
    }
    QVERIFY(refreshListed);
    QCOMPARE(delegated.id, created->token.id);
    QCOMPARE(delegated.remainingMs(m_clock).value_or(-1), 86400LL * 1000);
    m_clock.advanceSeconds(3600);
    QCOMPARE(delegated.remainingMs(m_clock).value_or(-1), 82800LL * 1000);
}

void TestNetSapiensProvider::delegatedNeedsApiKeyAndValidInput()
{
    std::unique_ptr<NetSapiensProvider> provider(makeProvider());
    CreateRequest bad {QStringLiteral("delegated"), {{"user", "1001"}, {"domain", "bad domain"}}};
    const auto errors = provider->validateCreate(bad);
    QCOMPARE(errors.size(), 1);
    QCOMPARE(errors.first().field, QStringLiteral("domain"));
    QCOMPARE(awaitResult(provider->createToken(bad)).error().kind(), ApiError::Kind::InvalidInput);
    CreateRequest missing {QStringLiteral("delegated"), {{"domain", "sandbox"}}};
    QCOMPARE(provider->validateCreate(missing).first().field, QStringLiteral("user"));

    provider->setSecret(QStringLiteral("api_key"), QString());
    const auto noKey =
        awaitResult(provider->createToken({QStringLiteral("delegated"), {{"user", "1001"}, {"domain", "~"}}}));
    QCOMPARE(noKey.error().kind(), ApiError::Kind::InvalidInput);
    QCOMPARE(noKey.error().userMessage(), QStringLiteral("Add an API key to the account to create delegated tokens"));

    provider->setSecret(QStringLiteral("api_key"), QStringLiteral("nsd_wrong"));
    QSignalSpy required(provider.get(), &TokenProvider::signInRequired);
    const auto wrongKey =
        awaitResult(provider->createToken({QStringLiteral("delegated"), {{"user", "1001"}, {"domain", "~"}}}));
    QCOMPARE(wrongKey.error().kind(), ApiError::Kind::Unauthorized);
    QCOMPARE(wrongKey.error().serverMessage(), QStringLiteral("Invalid or missing API key"));
    QVERIFY(m_ledger->entries(provider->account().id).isEmpty());
    QCOMPARE(required.count(), 0); // a bad API key is not a reason to sign in again
}

// Both credentials of a delegated answer are revoked by their own jti; neither revoke is taken to end the other
// (whether NetSapiens does so is not documented).
void TestNetSapiensProvider::delegatedRefreshRevokedByItsJti()
{
    std::unique_ptr<NetSapiensProvider> provider(makeProvider());
    signIn(provider.get());
    const auto created =
        awaitResult(provider->createToken({QStringLiteral("delegated"), {{"user", "1001"}, {"domain", "sandbox"}}}));
    QVERIFY(created.ok());
    QVERIFY(!created->refreshId.isEmpty());
    auto serverRevoked = [this](const QString &jti) {
        for (const NetSapiensEmulator::IssuedToken &issued : m_ns->issuedTokens()) {
            if (issued.jti == jti)
                return issued.revoked;
        }
        return false;
    };
    QVERIFY(!serverRevoked(created->refreshId));

    const auto listed = awaitResult(provider->listTokens());
    QVERIFY(listed.ok());
    Token refresh;
    for (const Token &token : listed.value()) {
        if (token.id == created->refreshId)
            refresh = token;
    }
    QCOMPARE(refresh.kind, QStringLiteral("delegated-refresh"));
    QVERIFY(awaitResult(provider->revokeToken(refresh)).ok());
    QVERIFY(serverRevoked(created->refreshId));
    QVERIFY(m_ledger->find(provider->account().id, created->refreshId)->revoked);
    // The access token is still live: revoking one says nothing about the other.
    QCOMPARE(rawGetStatus(created->value), 200);
    QVERIFY(!m_ledger->find(provider->account().id, created->token.id)->revoked);
    QVERIFY(awaitResult(provider->revokeToken(created->token)).ok());
    QCOMPARE(rawGetStatus(created->value), 401);
}

void TestNetSapiensProvider::revokeByJti()
{
    std::unique_ptr<NetSapiensProvider> provider(makeProvider());
    signIn(provider.get());
    const auto created =
        awaitResult(provider->createToken({QStringLiteral("delegated"), {{"user", "1001"}, {"domain", "sandbox"}}}));
    QVERIFY(created.ok());
    const auto revoked = awaitResult(provider->revokeToken(created->token));
    QVERIFY2(revoked.ok(), qPrintable(revoked.error().fullMessage()));
    const auto entry = m_ledger->find(provider->account().id, created->token.id);
    QVERIFY(entry && entry->revoked);
    QCOMPARE(rawGetStatus(created->value), 401);
    QVERIFY(provider->isSignedIn()); // only the delegated token went
    QCOMPARE(rawGetStatus(provider->secret("session")), 200);
    const auto listed = awaitResult(provider->listTokens());
    QVERIFY(listed->at(1).revoked);
}

void TestNetSapiensProvider::revokeAllForUid()
{
    std::unique_ptr<NetSapiensProvider> provider(makeProvider());
    signIn(provider.get());
    QStringList values;
    for (const char *user : {"1001", "1001", "1003"}) {
        const auto created =
            awaitResult(provider->createToken({QStringLiteral("delegated"), {{"user", user}, {"domain", "sandbox"}}}));
        QVERIFY(created.ok());
        values.append(created->value);
    }
    QVERIFY(awaitResult(provider->revokeAllForSubject(QStringLiteral("1001@sandbox"))).ok());
    QCOMPARE(rawGetStatus(values.at(0)), 401);
    QCOMPARE(rawGetStatus(values.at(1)), 401);
    QCOMPARE(rawGetStatus(values.at(2)), 200);
    int revokedRows = 0;
    for (const LedgerEntry &entry : m_ledger->entries(provider->account().id)) {
        QCOMPARE(bool(entry.revoked), entry.subject == QLatin1String("1001@sandbox"));
        revokedRows += entry.revoked ? 1 : 0;
    }
    QCOMPARE(revokedRows, 4); // both delegated tokens of 1001 and their v45 refresh JWTs
    QCOMPARE(awaitResult(provider->revokeAllForSubject(QStringLiteral("no-domain"))).error().kind(),
        ApiError::Kind::InvalidInput);
}

void TestNetSapiensProvider::revokeCurrentSession()
{
    std::unique_ptr<NetSapiensProvider> provider(makeProvider());
    signIn(provider.get());
    const QString session = provider->secret("session");
    const Token sessionToken = *provider->credentialToken();
    QVERIFY(awaitResult(provider->revokeToken(sessionToken)).ok());
    QVERIFY(!provider->isSignedIn());
    QCOMPARE(rawGetStatus(session), 401);
    // Again, with no session left to send: not reported revoked.
    const Result<Done> again = awaitResult(provider->revokeToken(sessionToken));
    QVERIFY(!again.ok());
    QCOMPARE(again.error().kind(), ApiError::Kind::NotFound);
}

void TestNetSapiensProvider::signOut()
{
    std::unique_ptr<NetSapiensProvider> provider(makeProvider());
    signIn(provider.get());
    const QString session = provider->secret("session");
    QSignalSpy changed(provider.get(), &TokenProvider::credentialChanged);
    QVERIFY(awaitResult(provider->signOut()).ok());
    QVERIFY(!provider->isSignedIn());
    QVERIFY(!provider->canRefresh());
    QVERIFY(!provider->credentialToken());
    QVERIFY(!provider->scheduledRefreshAt());
    QCOMPARE(changed.count(), 1);
    QCOMPARE(rawGetStatus(session), 401);
    QCOMPARE(awaitResult(provider->listTokens())->size(), 0);
}

void TestNetSapiensProvider::unauthorizedAsksForSignIn()
{
    std::unique_ptr<NetSapiensProvider> provider(makeProvider());
    signIn(provider.get());
    // The session is revoked behind the provider's back.
    const auto revoke =
        RawHttp::send("DELETE", jwtUrl(), {{"Authorization", "Bearer " + provider->secret("session").toLatin1()}});
    QCOMPARE(revoke.status, 202);
    QSignalSpy required(provider.get(), &TokenProvider::signInRequired);
    const auto inspection = awaitResult(provider->inspectCurrent());
    QCOMPARE(inspection.error().kind(), ApiError::Kind::Unauthorized);
    QCOMPARE(required.count(), 1);
    QVERIFY(!provider->isSignedIn());
}

void TestNetSapiensProvider::verifyDelegatedAcceptedThenRejected()
{
    std::unique_ptr<NetSapiensProvider> provider(makeProvider());
    QVERIFY(provider->can(TokenProvider::Capability::VerifyValue));
    signIn(provider.get());
    const auto created = awaitResult(
        provider->createToken({QStringLiteral("delegated"), {{"user", "1001"}, {"domain", info(ready(), "domain")}}}));
    QVERIFY2(created.ok(), qPrintable(created.error().fullMessage()));

    const auto before = awaitResult(provider->checkTokenValue(created->value));
    QVERIFY2(before.ok(), qPrintable(before.error().fullMessage()));
    QCOMPARE(before->verdict, TokenValueCheck::Verdict::Accepted);
    QCOMPARE(before->tokenId, created->token.id);
    QVERIFY(!before->detail.contains(created->value));

    QVERIFY(awaitResult(provider->revokeToken(created->token)).ok());
    QSignalSpy required(provider.get(), &TokenProvider::signInRequired);
    const auto after = awaitResult(provider->checkTokenValue(created->value));
    QVERIFY2(after.ok(), qPrintable(after.error().fullMessage()));
    QCOMPARE(after->verdict, TokenValueCheck::Verdict::Rejected);
    QCOMPARE(after->tokenId, created->token.id); // from the value's own jti
    // A refused pasted value is not the account's session: it stays signed in.
    QCOMPARE(required.count(), 0);
    QVERIFY(provider->isSignedIn());
}

void TestNetSapiensProvider::verifyGarbageIsRejected()
{
    std::unique_ptr<NetSapiensProvider> provider(makeProvider());
    const auto garbage = awaitResult(provider->checkTokenValue(QStringLiteral("not-a-token")));
    QVERIFY2(garbage.ok(), qPrintable(garbage.error().fullMessage()));
    QCOMPARE(garbage->verdict, TokenValueCheck::Verdict::Rejected);
    QVERIFY(garbage->tokenId.isEmpty());
    const auto empty = awaitResult(provider->checkTokenValue(QStringLiteral("  ")));
    QCOMPARE(empty.error().kind(), ApiError::Kind::InvalidInput);
}

void TestNetSapiensProvider::verifyServerErrorIsNoVerdict()
{
    std::unique_ptr<NetSapiensProvider> provider(makeProvider());
    signIn(provider.get());
    const QString session = provider->secret("session");
    QString error;
    QVERIFY2(m_server->setFaults(QStringLiteral("status=500@/netsapiens"), &error), qPrintable(error));
    const auto result = awaitResult(provider->checkTokenValue(session));
    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind(), ApiError::Kind::Server);
    m_server->clearFaults();
    const auto accepted = awaitResult(provider->checkTokenValue(session));
    QVERIFY(accepted.ok());
    QCOMPARE(accepted->verdict, TokenValueCheck::Verdict::Accepted);
    QCOMPARE(accepted->tokenId, provider->credentialToken()->id);
}

void TestNetSapiensProvider::signOutVerifiesOldSession()
{
    std::unique_ptr<NetSapiensProvider> provider(makeProvider());
    signIn(provider.get());
    QSignalSpy warnings(provider.get(), &TokenProvider::warning);
    const int before = int(m_server->requestLog().size());
    const QString refreshJti = Jwt::decode(provider->secret("refresh")).id();
    QVERIFY(!refreshJti.isEmpty());
    QVERIFY(awaitResult(provider->signOut()).ok());
    const QList<SandboxLogEntry> log = m_server->requestLog();
    // DELETE /jwt/{refresh jti} while the session still authorizes it, DELETE /jwt, then GET /jwt with the old value.
    QCOMPARE(log.size(), before + 3);
    QCOMPARE(log.at(before).method, QByteArray("DELETE"));
    QVERIFY(log.at(before).path.endsWith(QLatin1String("/jwt/") + refreshJti));
    QCOMPARE(log.at(before + 1).method, QByteArray("DELETE"));
    QVERIFY(log.at(before + 1).path.endsWith(QLatin1String("/jwt")));
    QCOMPARE(log.at(before + 2).method, QByteArray("GET"));
    QVERIFY(log.at(before + 2).path.endsWith(QLatin1String("/jwt")));
    QCOMPARE(warnings.count(), 0); // the sandbox rejects it
}

void TestNetSapiensProvider::signOutFailsWhenOldSessionStillAccepted()
{
    // A server that answers 202 to the sign-out but keeps the session: the check after it still gets a 200.
    TestHttpServer server;
    QVERIFY(server.listen());
    server.setRoute(
        QStringLiteral("DELETE /ns-api/v2/jwt"), TestHttpServer::json(202, R"({"code":202,"message":"Accepted"})"));
    server.setRoute(QStringLiteral("GET /ns-api/v2/jwt"),
        TestHttpServer::json(200,
            R"({"jti":"old-jti","sub":"1000@sandbox","user_scope":"Basic User",)"
            R"("user_email":null,"displayName":"Demo"})"));
    std::unique_ptr<NetSapiensProvider> provider(makeProvider());
    Account account = provider->account();
    account.baseUrl = server.url(QStringLiteral("/ns-api/v2"));
    provider->setAccount(account);
    provider->setSecret(QStringLiteral("session"), QStringLiteral("old.session.value"));
    // Not "signed out": the server's own check contradicts its 202.
    const Result<Done> result = awaitResult(provider->signOut());
    QVERIFY(!result.ok());
    QVERIFY2(result.error().userMessage().contains(QLatin1String("still accepts")),
        qPrintable(result.error().userMessage()));
    QVERIFY(!provider->isSignedIn());
    QCOMPARE(server.requestCount(QStringLiteral("/ns-api/v2/jwt")), 2);
}

QTEST_GUILESS_MAIN(TestNetSapiensProvider)
#include "tst_netsapiensprovider.moc"
