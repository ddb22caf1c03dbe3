#include "NetSapiensProvider.h"

#include "core/Async.h"
#include "core/Clock.h"
#include "core/Jwt.h"
#include "core/TokenExtra.h"
#include "core/UtcTime.h"
#include "net/ApiClient.h"
#include "store/Ledger.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QTimer>

#include <limits>
#include <memory>

Q_LOGGING_CATEGORY(lcNetSapiens, "tokendesk.netsapiens")
// The verdict on the old session after a sign-out goes to the API log (ApiClient's category; never the value).
Q_LOGGING_CATEGORY(lcNetSapiensApi, "tokendesk.api.netsapiens")

namespace {

const QString SessionField = QStringLiteral("session");
const QString RefreshField = QStringLiteral("refresh");
const QString PasswordField = QStringLiteral("password");
const QString ClientSecretField = QStringLiteral("client_secret");
const QString ApiKeyField = QStringLiteral("api_key");
const QString SessionKind = QStringLiteral("session");
const QString DelegatedKind = QStringLiteral("delegated");
const QString DelegatedRefreshKind = QStringLiteral("delegated-refresh");
const QString ProviderId = QStringLiteral("netsapiens");

} // namespace

NetSapiensProvider::NetSapiensProvider(const Account &account, const ProviderContext &context, QObject *parent)
    : TokenProvider(account, context, parent)
    , m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, &NetSapiensProvider::checkSchedule);
}

NetSapiensProvider::~NetSapiensProvider() = default;

TokenProvider::Capabilities NetSapiensProvider::staticCapabilities()
{
    return Capability::SignIn | Capability::Mfa | Capability::InspectCurrent | Capability::Refresh | Capability::Create
        | Capability::Revoke | Capability::RevokeAllForSubject | Capability::SignOut | Capability::List
        | Capability::LedgerBacked | Capability::VerifyValue;
}

TokenProvider::Capabilities NetSapiensProvider::capabilities() const
{
    return staticCapabilities();
}

QString NetSapiensProvider::expiresSoonMessage()
{
    return tr("The session expires soon; sign in again.");
}

bool NetSapiensProvider::isSignedIn() const
{
    return hasSecret(SessionField);
}

bool NetSapiensProvider::canRefresh() const
{
    return hasSecret(RefreshField);
}

bool NetSapiensProvider::keepSignedIn() const
{
    return account().options.value(QStringLiteral("keep_signed_in")).toBool();
}

QString NetSapiensProvider::sessionJti() const
{
    return isSignedIn() ? Jwt::decode(secret(SessionField)).id() : QString();
}

QUrl NetSapiensProvider::jwtUrl(const QString &segment) const
{
    QUrl url = endpoint(QStringLiteral("/jwt"));
    if (!segment.isEmpty())
        url.setPath(url.path(QUrl::FullyEncoded) + QLatin1Char('/') + NetSapiensWire::encodePathSegment(segment),
            QUrl::TolerantMode);
    return url;
}

ApiError NetSapiensProvider::withServerMessage(ApiError error) const
{
    const QString message = NetSapiensWire::parseErrorMessage(error.body());
    if (!message.isEmpty())
        error.setServerMessage(message);
    return error;
}

ApiError NetSapiensProvider::sessionError(ApiError error)
{
    error = withServerMessage(std::move(error));
    if (error.kind() == ApiError::Kind::Unauthorized) {
        const QString reason = tr("NetSapiens no longer accepts the session; sign in again.");
        error.setUserMessage(reason);
        forgetSession();
        emit signInRequired(reason);
    }
    return error;
}

void NetSapiensProvider::adoptSession(const NetSapiensWire::JwtPair &pair)
{
    setSecret(SessionField, pair.token);
    setSecret(RefreshField, pair.refresh);
    if (keepSignedIn()) {
        emit secretChanged(SessionField, pair.token);
        emit secretChanged(RefreshField, pair.refresh);
    }
    schedule();
    emit credentialChanged();
}

void NetSapiensProvider::forgetSession()
{
    const bool had = isSignedIn() || canRefresh();
    setSecret(SessionField, QString());
    setSecret(RefreshField, QString());
    m_timer->stop();
    m_dueAt.reset();
    // Remove persisted copies whatever the option says now (it may have been on when they were stored).
    emit secretChanged(SessionField, QString());
    emit secretChanged(RefreshField, QString());
    if (had)
        emit credentialChanged();
}

void NetSapiensProvider::schedule()
{
    m_timer->stop();
    m_dueAt.reset();
    if (!isSignedIn())
        return;
    const std::optional<QDateTime> exp = Jwt::decode(secret(SessionField)).expiresAt();
    if (!exp)
        return;
    m_dueAt = exp->addSecs(-(canRefresh() ? RefreshLeadSeconds : WarnLeadSeconds));
    const qint64 delay = std::max<qint64>(0, clock().now().msecsTo(*m_dueAt));
    m_timer->start(int(std::min<qint64>(delay, std::numeric_limits<int>::max())));
}

void NetSapiensProvider::checkSchedule()
{
    if (!m_dueAt)
        return;
    const qint64 remaining = clock().now().msecsTo(*m_dueAt);
    if (remaining > 0) { // woke early (long delays are capped): wait again
        m_timer->start(int(std::min<qint64>(remaining, std::numeric_limits<int>::max())));
        return;
    }
    m_dueAt.reset();
    m_timer->stop();
    if (canRefresh()) {
        refreshNow();
        return;
    }
    emit signInRequired(expiresSoonMessage());
}

Result<SignInResult> NetSapiensProvider::challengeFrom(const QString &token, const NetSapiensWire::MfaHint &hint) const
{
    SignInResult result;
    result.mfaRequired = true;
    result.challenge.vendor = hint.vendor;
    result.challenge.type = hint.type;
    result.challenge.challengeToken = token;
    return result;
}

QFuture<Result<SignInResult>> NetSapiensProvider::signIn()
{
    const QString username = account().options.value(QStringLiteral("username")).toString().trimmed();
    if (username.isEmpty() || !hasSecret(PasswordField))
        return readyResult(Result<SignInResult>(ApiError(
            ApiError::Kind::InvalidInput, tr("Enter the NetSapiens user name and password in the account settings."))));
    ApiRequest request = ApiRequest::post(jwtUrl(),
        NetSapiensWire::passwordGrant(account().options.value(QStringLiteral("client_id")).toString(),
            secret(ClientSecretField), username, secret(PasswordField)));
    request.withHeader("Accept", "application/json");
    request.operation = QStringLiteral("netsapiens.sign-in");
    return Async::then(api()->send(request), this, [this](Result<HttpResponse> response) -> Result<SignInResult> {
        if (!response) {
            ApiError error = withServerMessage(response.error());
            if (error.httpStatus() == 403) {
                // Defensive: a 403 whose JSON carries MFA claims is a challenge too (contract, section 3).
                const QJsonObject body = QJsonDocument::fromJson(error.body()).object();
                if (const auto hint = NetSapiensWire::mfaHint(body)) {
                    QString token = body.value(QLatin1String("token")).toString();
                    if (token.isEmpty())
                        token = body.value(QLatin1String("access_token")).toString();
                    return challengeFrom(token, *hint);
                }
            }
            if (error.kind() == ApiError::Kind::Unauthorized)
                error.setUserMessage(tr("NetSapiens did not accept the user name, password or client credentials."));
            return error;
        }
        Result<NetSapiensWire::JwtPair> pair = NetSapiensWire::parseJwtSuccess(response->body);
        if (!pair)
            return pair.error();
        const Jwt jwt = Jwt::decode(pair->token);
        if (const auto hint = NetSapiensWire::mfaHint(jwt.claims())) {
            qCInfo(lcNetSapiens) << "sign-in needs a passcode" << hint->vendor << hint->type;
            return challengeFrom(pair->token, *hint); // never kept as a session
        }
        adoptSession(pair.value());
        SignInResult result;
        result.session = credentialToken();
        return result;
    });
}

QFuture<Result<SignInResult>> NetSapiensProvider::submitMfa(const MfaChallenge &challenge, const QString &passcode)
{
    const QString code = passcode.trimmed();
    if (code.isEmpty())
        return readyResult(
            Result<SignInResult>(ApiError(ApiError::Kind::InvalidInput, tr("Enter the passcode from the app."))));
    if (challenge.challengeToken.isEmpty())
        return readyResult(
            Result<SignInResult>(ApiError(ApiError::Kind::InvalidInput, tr("Sign in again to get a new challenge."))));
    ApiRequest request = ApiRequest::post(jwtUrl(),
        NetSapiensWire::mfaGrant(account().options.value(QStringLiteral("client_id")).toString(),
            secret(ClientSecretField), account().options.value(QStringLiteral("username")).toString().trimmed(),
            secret(PasswordField), challenge.type.isEmpty() ? QStringLiteral("authenticator") : challenge.type,
            challenge.vendor.isEmpty() ? QStringLiteral("google") : challenge.vendor, code, challenge.challengeToken));
    request.withHeader("Accept", "application/json");
    request.operation = QStringLiteral("netsapiens.mfa");
    return Async::then(api()->send(request), this, [this](Result<HttpResponse> response) -> Result<SignInResult> {
        if (!response) {
            ApiError error = withServerMessage(response.error());
            if (error.kind() == ApiError::Kind::Unauthorized || error.kind() == ApiError::Kind::BadRequest)
                error.setUserMessage(tr("NetSapiens did not accept the passcode."));
            return error; // the challenge stays valid: the caller may submit another passcode
        }
        Result<NetSapiensWire::JwtPair> pair = NetSapiensWire::parseJwtSuccess(response->body);
        if (!pair)
            return pair.error();
        if (NetSapiensWire::mfaHint(Jwt::decode(pair->token).claims())) {
            ApiError error(ApiError::Kind::MfaRequired, tr("NetSapiens still asks for a passcode."));
            return error;
        }
        adoptSession(pair.value());
        SignInResult result;
        result.session = credentialToken();
        return result;
    });
}

QFuture<Result<Done>> NetSapiensProvider::refreshNow()
{
    if (!canRefresh())
        return readyResult(Result<Done>(ApiError(
            ApiError::Kind::NotSupported, tr("This NetSapiens server does not refresh sessions; sign in again."))));
    ApiRequest request = ApiRequest::post(jwtUrl(), NetSapiensWire::refreshGrant(secret(RefreshField)));
    request.withHeader("Accept", "application/json");
    request.operation = QStringLiteral("netsapiens.refresh");
    m_refreshInFlight = true;
    return Async::then(api()->send(request), this, [this](Result<HttpResponse> response) -> Result<Done> {
        m_refreshInFlight = false;
        if (!response) {
            ApiError error = withServerMessage(response.error());
            if (error.kind() == ApiError::Kind::Unauthorized || error.kind() == ApiError::Kind::BadRequest
                || error.kind() == ApiError::Kind::Forbidden) {
                const QString reason = tr("The session could not be refreshed; sign in again.");
                error.setUserMessage(reason);
                forgetSession();
                emit signInRequired(reason);
            } else {
                qCWarning(lcNetSapiens) << "refresh failed:" << ApiError::kindName(error.kind());
            }
            return error;
        }
        Result<NetSapiensWire::JwtPair> pair = NetSapiensWire::parseJwtSuccess(response->body);
        if (!pair)
            return pair.error();
        adoptSession(pair.value());
        return Done {};
    });
}

std::optional<Token> NetSapiensProvider::credentialToken() const
{
    if (!isSignedIn())
        return std::nullopt;
    Token token = NetSapiensWire::tokenFromJwt(secret(SessionField), SessionKind);
    token.accountId = account().id;
    token.label = tr("Signed-in session");
    token.extra.insert(QStringLiteral("current"), true);
    return token;
}

QFuture<Result<TokenInspection>> NetSapiensProvider::inspectCurrent()
{
    if (!isSignedIn())
        return readyResult(
            Result<TokenInspection>(ApiError(ApiError::Kind::Unauthorized, tr("Sign in to NetSapiens first."))));
    if (!m_dueAt)
        schedule();
    ApiRequest request = ApiRequest::get(jwtUrl());
    request.withBearer(secret(SessionField));
    request.operation = QStringLiteral("netsapiens.inspect");
    return Async::then(api()->send(request), this, [this](Result<HttpResponse> response) -> Result<TokenInspection> {
        if (!response)
            return sessionError(response.error());
        Result<QVariantMap> claims = NetSapiensWire::parseClaims(response->body);
        if (!claims)
            return claims.error();
        TokenInspection inspection;
        inspection.claims = claims.value();
        bool ok = false;
        const qint64 exp = inspection.claims.value(QStringLiteral("exp")).toLongLong(&ok);
        if (ok && exp > 0)
            inspection.expires = UtcTime::fromSecs(exp);
        return inspection;
    });
}

QFuture<Result<QList<Token>>> NetSapiensProvider::listTokens(const ListRequest &)
{
    if (isSignedIn() && !m_dueAt)
        schedule();
    QList<Token> tokens;
    if (const auto session = credentialToken())
        tokens.append(*session);
    if (Ledger *ledger = context().ledger) {
        const QList<LedgerEntry> entries = ledger->entries(account().id);
        for (const LedgerEntry &entry : entries) {
            if (!entry.providerId.isEmpty() && entry.providerId != ProviderId)
                continue;
            Token token = entry.toToken();
            if (!token.id.isEmpty())
                token.extra.insert(TokenExtra::JwtId, token.id);
            tokens.append(token);
        }
    }
    return readyResult(Result<QList<Token>>(tokens));
}

QList<TokenKindSpec> NetSapiensProvider::createKinds() const
{
    FieldSpec user;
    user.key = QStringLiteral("user");
    user.label = tr("User");
    user.type = FieldSpec::Type::Text;
    user.required = true;
    user.maxLength = 64;
    user.placeholder = QStringLiteral("1000");
    user.toolTip = tr("The user (extension) the token acts for.");
    user.cliFlag = QStringLiteral("delegate-user");

    FieldSpec domain;
    domain.key = QStringLiteral("domain");
    domain.label = tr("Domain");
    domain.type = FieldSpec::Type::Text;
    domain.required = true;
    domain.maxLength = 64;
    domain.placeholder = QStringLiteral("example.com");
    domain.toolTip = tr("The user's domain: letters, digits, \".\", \"_\" and \"-\"; \"~\" is your own domain.");
    domain.cliFlag = QStringLiteral("delegate-domain");

    TokenKindSpec delegated;
    delegated.kind = DelegatedKind;
    delegated.label = tr("Delegated token");
    delegated.fields = {user, domain};
    return {delegated};
}

QList<FieldError> NetSapiensProvider::validateCreate(const CreateRequest &request) const
{
    QList<FieldError> errors = TokenProvider::validateCreate(request);
    const QString domain = request.value(QStringLiteral("domain")).trimmed();
    if (!domain.isEmpty() && !NetSapiensWire::isValidDomain(domain))
        errors.append({QStringLiteral("domain"),
            tr("\"%1\" is not a domain name (letters, digits, \".\", \"_\", \"-\"; or \"~\" or \"*\").").arg(domain)});
    return errors;
}

QFuture<Result<CreatedToken>> NetSapiensProvider::createToken(const CreateRequest &request)
{
    const QList<FieldError> errors = validateCreate(request);
    if (!errors.isEmpty()) {
        return readyResult(Result<CreatedToken>(ApiError::invalidInput(errors)));
    }
    if (!hasSecret(ApiKeyField))
        return readyResult(Result<CreatedToken>(
            ApiError(ApiError::Kind::InvalidInput, tr("Add an API key to the account to create delegated tokens"))));
    const QString user = request.value(QStringLiteral("user")).trimmed();
    const QString domain = request.value(QStringLiteral("domain")).trimmed();
    ApiRequest apiRequest = ApiRequest::post(jwtUrl(), NetSapiensWire::delegateRequest(user, domain));
    apiRequest.withBearer(secret(ApiKeyField));
    apiRequest.withHeader("Accept", "application/json");
    apiRequest.operation = QStringLiteral("netsapiens.delegate");
    return Async::then(
        api()->send(apiRequest), this, [this, user, domain](Result<HttpResponse> response) -> Result<CreatedToken> {
            if (!response) {
                ApiError error = withServerMessage(response.error());
                if (error.kind() == ApiError::Kind::Unauthorized)
                    error.setUserMessage(tr("NetSapiens did not accept the account's API key."));
                return error;
            }
            Result<NetSapiensWire::JwtPair> pair = NetSapiensWire::parseJwtSuccess(response->body);
            if (!pair)
                return pair.error();
            CreatedToken created;
            created.value = pair->token;
            created.token = NetSapiensWire::tokenFromJwt(pair->token, DelegatedKind);
            created.token.accountId = account().id;
            created.token.serverSkewMs = response->serverSkewMs;
            if (created.token.subject.isEmpty())
                created.token.subject = user + QLatin1Char('@') + domain;
            created.token.label = tr("Delegated token for %1").arg(created.token.subject);
            if (created.token.id.isEmpty())
                created.notes.append(tr("The token carries no jti; it cannot be revoked by id."));
            // v45 servers answer a delegation with a refresh JWT too (reality.md): a live credential of its own,
            // with its own jti, that can mint new access tokens for the user. It is shown once with the access
            // token, recorded and listed beside it, and revoked by its own jti: whether revoking the access token
            // also revokes it is unknown (not documented), so it is never assumed.
            if (!pair->refresh.isEmpty()) {
                const Token refresh = NetSapiensWire::tokenFromJwt(pair->refresh, DelegatedRefreshKind);
                created.refreshValue = pair->refresh;
                created.refreshId = refresh.id;
                created.refreshExpires = refresh.expires;
                if (refresh.id.isEmpty())
                    created.notes.append(tr("The refresh token carries no jti; it cannot be revoked by id."));
            }

            if (Ledger *ledger = context().ledger) {
                LedgerEntry entry;
                entry.accountId = account().id;
                entry.providerId = ProviderId;
                entry.kind = DelegatedKind;
                entry.tokenId = created.token.id;
                entry.label = created.token.label;
                entry.subject = created.token.subject;
                entry.created = created.token.created.value_or(clock().now());
                entry.expires = created.token.expires;
                entry.createdBy = account().options.value(QStringLiteral("username")).toString();
                bool recorded = ledger->record(entry) != 0;
                if (!created.refreshId.isEmpty()) {
                    entry.kind = DelegatedRefreshKind;
                    entry.tokenId = created.refreshId;
                    entry.label = tr("Refresh token for %1").arg(created.token.subject);
                    entry.expires = created.refreshExpires;
                    recorded = ledger->record(entry) != 0 && recorded;
                }
                if (!recorded) {
                    qCWarning(lcNetSapiens) << "could not record the delegated token in the ledger";
                    created.notes.append(
                        tr("TokenDesk could not record this token in its ledger: %1").arg(ledger->lastError()));
                }
            }
            return created;
        });
}

QFuture<Result<Done>> NetSapiensProvider::revokeToken(const Token &token)
{
    const bool isSession = token.kind == SessionKind || (!token.id.isEmpty() && token.id == sessionJti());
    if (isSession) {
        // Nothing would be sent, so nothing can be reported revoked.
        if (!isSignedIn())
            return readyResult(Result<Done>(ApiError(ApiError::Kind::NotFound,
                tr("Not signed in: TokenDesk no longer holds this session, so it cannot revoke it. Revoke the user's "
                   "tokens by uid (user@domain) to end it."))));
        ApiRequest request = ApiRequest::del(jwtUrl());
        request.withBearer(secret(SessionField));
        request.operation = QStringLiteral("netsapiens.revoke-current");
        return Async::then(api()->send(request), this, [this](Result<HttpResponse> response) -> Result<Done> {
            if (!response)
                return sessionError(response.error());
            forgetSession();
            return Done {};
        });
    }
    if (token.id.isEmpty())
        return readyResult(Result<Done>(
            ApiError(ApiError::Kind::InvalidInput, tr("This token has no id (jti), so it cannot be revoked."))));
    const bool useSession = isSignedIn();
    if (!useSession && !hasSecret(ApiKeyField))
        return readyResult(Result<Done>(ApiError(ApiError::Kind::Unauthorized, tr("Sign in to NetSapiens first."))));
    ApiRequest request = ApiRequest::del(jwtUrl(token.id));
    request.withBearer(useSession ? secret(SessionField) : secret(ApiKeyField));
    request.operation = QStringLiteral("netsapiens.revoke-jti");
    const QString jti = token.id;
    return Async::then(
        api()->send(request), this, [this, jti, useSession](Result<HttpResponse> response) -> Result<Done> {
            if (!response)
                return useSession ? sessionError(response.error()) : withServerMessage(response.error());
            if (Ledger *ledger = context().ledger)
                ledger->markRevoked(account().id, jti, clock().now());
            return Done {};
        });
}

QFuture<Result<Done>> NetSapiensProvider::revokeAllForSubject(const QString &uid)
{
    const QString subject = uid.trimmed();
    if (subject.isEmpty() || !subject.contains(QLatin1Char('@')))
        return readyResult(Result<Done>(
            ApiError(ApiError::Kind::InvalidInput, tr("Give the user as user@domain, such as 1000@example.com."))));
    const bool useSession = isSignedIn();
    if (!useSession && !hasSecret(ApiKeyField))
        return readyResult(Result<Done>(ApiError(ApiError::Kind::Unauthorized, tr("Sign in to NetSapiens first."))));
    ApiRequest request = ApiRequest::del(jwtUrl(subject));
    request.withBearer(useSession ? secret(SessionField) : secret(ApiKeyField));
    request.operation = QStringLiteral("netsapiens.revoke-uid");
    return Async::then(
        api()->send(request), this, [this, subject, useSession](Result<HttpResponse> response) -> Result<Done> {
            if (!response)
                return useSession ? sessionError(response.error()) : withServerMessage(response.error());
            if (Ledger *ledger = context().ledger)
                ledger->markRevokedForSubject(account().id, subject, clock().now(), QStringLiteral("revoked"));
            if (const auto session = credentialToken(); session && session->subject == subject)
                forgetSession(); // the server revoked our own session too
            return Done {};
        });
}

QFuture<Result<Done>> NetSapiensProvider::signOut()
{
    if (!isSignedIn()) {
        forgetSession();
        return readyResult(
            Result<Done>(ApiError(ApiError::Kind::NotFound, tr("Not signed in: there is no session to sign out of."))));
    }
    // v45 gives a refresh JWT with its own jti next to the session; whether DELETE /jwt also ends it is unknown
    // (contract), and it outlives the session by weeks. So it is revoked by jti first, while the session that
    // authorizes the call is still valid; then the session itself.
    const QString refreshJti = canRefresh() ? Jwt::decode(secret(RefreshField)).id() : QString();
    const std::optional<QDateTime> refreshExpires =
        canRefresh() ? Jwt::decode(secret(RefreshField)).expiresAt() : std::nullopt;
    QFuture<Result<Done>> refreshRevoked = readyResult(Result<Done>(Done {}));
    if (canRefresh() && refreshJti.isEmpty()) {
        refreshRevoked = readyResult(Result<Done>(
            ApiError(ApiError::Kind::MalformedResponse, tr("The refresh token carries no jti to revoke it by."))));
    } else if (!refreshJti.isEmpty()) {
        ApiRequest request = ApiRequest::del(jwtUrl(refreshJti));
        request.withBearer(secret(SessionField));
        request.operation = QStringLiteral("netsapiens.sign-out-refresh");
        refreshRevoked = Async::then(api()->send(request), this, [this](Result<HttpResponse> response) -> Result<Done> {
            if (!response)
                return withServerMessage(response.error());
            return Done {};
        });
    }
    // The old session value is kept for one check after the 202 (does the server still accept it?), then wiped.
    auto oldSession = std::make_shared<QString>(secret(SessionField));
    return Async::then(refreshRevoked, this,
        [this, oldSession, refreshExpires](Result<Done> refresh) -> QFuture<Result<Done>> {
            ApiRequest request = ApiRequest::del(jwtUrl());
            request.withBearer(*oldSession);
            request.operation = QStringLiteral("netsapiens.sign-out");
            // Said only when the refresh token is still (possibly) valid after the session ended.
            const auto refreshProblem = [this, refresh, refreshExpires]() -> std::optional<ApiError> {
                if (refresh)
                    return std::nullopt;
                ApiError error = refresh.error();
                error.setUserMessage(
                    tr("NetSapiens ended the session, but did not revoke its refresh token (%1); it may stay valid "
                       "until %2.")
                        .arg(refresh.error().userMessage(),
                            refreshExpires ? refreshExpires->toString(Qt::ISODate) : tr("it expires")));
                return error;
            };
            return Async::then(api()->send(request), this,
                [this, oldSession, refreshProblem](Result<HttpResponse> response) -> QFuture<Result<Done>> {
                    forgetSession();
                    if (!response) {
                        oldSession->fill(QLatin1Char('\0'));
                        // 401: the server no longer accepts the session, so there is none left to end.
                        if (response.error().kind() != ApiError::Kind::Unauthorized)
                            return readyResult(Result<Done>(withServerMessage(response.error()))); // forgotten anyway
                        if (const auto problem = refreshProblem())
                            return readyResult(Result<Done>(*problem));
                        return readyResult(Result<Done>(Done {}));
                    }
                    QFuture<Result<TokenValueCheck>> check =
                        askJwt(*oldSession, SignOutCheckTimeoutMs, QStringLiteral("netsapiens.sign-out-verify"));
                    oldSession->fill(QLatin1Char('\0'));
                    return Async::then(
                        check, this, [this, refreshProblem](Result<TokenValueCheck> verdict) -> Result<Done> {
                            if (!verdict) {
                                qCInfo(lcNetSapiensApi) << "sign-out: could not verify the old session:"
                                                        << ApiError::kindName(verdict.error().kind());
                            } else if (verdict->verdict == TokenValueCheck::Verdict::Accepted) {
                                qCWarning(lcNetSapiensApi)
                                    << "sign-out: NetSapiens still accepts the old session, jti" << verdict->tokenId;
                                return ApiError(ApiError::Kind::Unknown,
                                    tr("NetSapiens accepted the sign-out, but still accepts the old session "
                                       "token."));
                            } else {
                                qCInfo(lcNetSapiensApi) << "sign-out: NetSapiens rejects the old session";
                            }
                            if (const auto problem = refreshProblem())
                                return *problem;
                            return Done {};
                        });
                })
                .unwrap();
        })
        .unwrap();
}

bool NetSapiensProvider::keepsSession() const
{
    return keepSignedIn();
}

QFuture<Result<TokenValueCheck>> NetSapiensProvider::checkTokenValue(const QString &value)
{
    return askJwt(value, 0, QStringLiteral("netsapiens.verify"));
}

QFuture<Result<TokenValueCheck>> NetSapiensProvider::askJwt(
    const QString &value, int timeoutMs, const QString &operation)
{
    QString credential = value.trimmed();
    if (credential.isEmpty()) {
        return readyResult(Result<TokenValueCheck>(
            ApiError::invalidInput({{QStringLiteral("token"), tr("Paste the token to check.")}})));
    }
    if (const std::optional<ApiError> bad = pastedValueError(credential)) {
        credential.fill(QLatin1Char('\0'));
        return readyResult(Result<TokenValueCheck>(*bad));
    }
    // The jti when the value is a readable JWT: a rejected token's id still names it in the result.
    const QString localJti = Jwt::decode(credential).id();
    ApiRequest request = ApiRequest::get(jwtUrl());
    request.withBearer(credential);
    request.operation = operation;
    request.timeoutMs = timeoutMs;
    credential.fill(QLatin1Char('\0'));
    return Async::then(
        api()->send(request), this, [this, localJti](Result<HttpResponse> response) -> Result<TokenValueCheck> {
            TokenValueCheck check;
            check.tokenId = localJti;
            if (!response) {
                const ApiError &error = response.error();
                // GET /jwt is the authoritative check (contract, section 6): 401 or 403 refuse the value
                // (revoked, expired, unknown). A 404 does too when it is NetSapiens' own JSON error
                // ({code, message}); a 404 page of a wrong base path or a proxy says nothing about the token.
                // Not sessionError(): the account's own session is not concerned.
                const int status = error.httpStatus();
                const QJsonObject body = QJsonDocument::fromJson(error.body()).object();
                const bool nsError =
                    body.contains(QLatin1String("code")) || body.value(QLatin1String("message")).isString();
                if (status != 401 && status != 403 && !(status == 404 && nsError))
                    return withServerMessage(error);
                check.verdict = TokenValueCheck::Verdict::Rejected;
                check.detail = tr("NetSapiens refuses this token.");
                return check;
            }
            const Result<QVariantMap> claims = NetSapiensWire::parseClaims(response->body);
            if (!claims)
                return claims.error();
            const QString jti = claims->value(QStringLiteral("jti")).toString();
            if (!jti.isEmpty())
                check.tokenId = jti;
            check.verdict = TokenValueCheck::Verdict::Accepted;
            check.detail = tr("NetSapiens still accepts this token (GET /jwt answers with its claims).");
            return check;
        });
}

QString NetSapiensProvider::revokeCall(const Token &token) const
{
    const bool isSession = token.kind == SessionKind || (!token.id.isEmpty() && token.id == sessionJti());
    return describeCall("DELETE", isSession ? jwtUrl() : jwtUrl(token.id));
}

QString NetSapiensProvider::revokeAllCall(const QString &subject) const
{
    return describeCall("DELETE", jwtUrl(subject.trimmed()));
}

bool NetSapiensProvider::acceptsSubject(const QString &subject) const
{
    // DELETE /jwt/{uid} takes user@domain (contracts/netsapiens.md).
    const QString s = subject.trimmed();
    const qsizetype at = s.indexOf(QLatin1Char('@'));
    return at > 0 && at < s.size() - 1 && !s.contains(QLatin1Char('/'));
}

std::optional<CreateRequest> NetSapiensProvider::rotationRequest(
    const Token &token, const QDateTime &, QString *refusal) const
{
    if (token.kind == SessionKind || (!token.id.isEmpty() && token.id == sessionJti())) {
        *refusal = tr("The signed-in session is replaced by signing in again, not by a rotation.");
        return std::nullopt;
    }
    if (token.kind == DelegatedRefreshKind) {
        *refusal = tr("Rotate the delegated token this refresh token came with.");
        return std::nullopt;
    }
    const qsizetype at = token.subject.lastIndexOf(QLatin1Char('@'));
    if (token.kind != DelegatedKind || token.id.isEmpty() || at <= 0 || at == token.subject.size() - 1) {
        *refusal = tr("Only delegated tokens with a jti and a user@domain subject can be rotated.");
        return std::nullopt;
    }
    CreateRequest request;
    request.kind = DelegatedKind;
    request.values.insert(QStringLiteral("user"), token.subject.left(at));
    request.values.insert(QStringLiteral("domain"), token.subject.mid(at + 1));
    return request;
}
