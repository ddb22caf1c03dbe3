#include "SvixProvider.h"

#include "SvixWire.h"
#include "core/Async.h"

#include "core/Clock.h"
#include "core/Duration.h"
#include "core/TokenExtra.h"
#include "net/ApiClient.h"
#include "store/Ledger.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QUuid>

#include <algorithm>

Q_LOGGING_CATEGORY(lcSvix, "tokendesk.svix")

namespace {

const QString ApiKeyField = QStringLiteral("api_key");
const QString PortalKind = QStringLiteral("portal");
const QString MessageKind = QStringLiteral("message");
const QString HashPrefixKey = QStringLiteral("token_sha256_prefix");
const QString IdempotencyExtraKey = QStringLiteral("idempotency_key");
const QString ServerExtraKey = QStringLiteral("server");
const QString OpenSourceServer = QStringLiteral("oss");

constexpr qint64 PortalMinExpiry = 3600;
constexpr qint64 PortalMaxExpiry = 604800;
constexpr qint64 MaxGrace = 259200;

QStringList portalCapabilities()
{
    return {QStringLiteral("ViewBase"), QStringLiteral("ViewEndpointSecret"), QStringLiteral("ManageEndpointSecret"),
        QStringLiteral("ManageTransformations"), QStringLiteral("CreateAttempts"), QStringLiteral("ManageEndpoint")};
}

QStringList toList(const QVariant &value)
{
    QStringList list;
    if (value.metaType().id() == QMetaType::QStringList || value.metaType().id() == QMetaType::QVariantList) {
        list = value.toStringList();
    } else {
        list = value.toString().split(QRegularExpression(QStringLiteral("[,\\s]+")), Qt::SkipEmptyParts);
    }
    QStringList out;
    for (const QString &item : std::as_const(list)) {
        const QString trimmed = item.trimmed();
        if (!trimmed.isEmpty() && !out.contains(trimmed))
            out.append(trimmed);
    }
    return out;
}

bool toBool(const QVariant &value)
{
    if (value.metaType().id() == QMetaType::Bool)
        return value.toBool();
    const QString text = value.toString().trimmed().toLower();
    return text == QLatin1String("true") || text == QLatin1String("1") || text == QLatin1String("yes")
        || text == QLatin1String("on");
}

FieldSpec appField()
{
    FieldSpec field;
    field.key = QStringLiteral("app_id");
    field.label = QCoreApplication::translate("SvixProvider", "Application");
    field.type = FieldSpec::Type::Text;
    field.required = true;
    field.maxLength = 256;
    field.cliFlag = QStringLiteral("app");
    field.placeholder = QStringLiteral("app_1srOrx2ZWZBpBUvZwXKQmoEYga2");
    field.toolTip = QCoreApplication::translate("SvixProvider", "The application's id or uid.");
    return field;
}

} // namespace

SvixProvider::SvixProvider(const Account &account, const ProviderContext &context, QObject *parent)
    : TokenProvider(account, context, parent)
{ }

SvixProvider::~SvixProvider() = default;

TokenProvider::Capabilities SvixProvider::staticCapabilities()
{
    return Capability::Create | Capability::ExpireAll | Capability::Logout | Capability::List
        | Capability::LedgerBacked;
}

TokenProvider::Capabilities SvixProvider::capabilities() const
{
    Capabilities result = staticCapabilities();
    // The open-source server does not route expire-all.
    if (isOpenSourceServer())
        result &= ~Capabilities(Capability::ExpireAll);
    return result;
}

bool SvixProvider::isOpenSourceServer() const
{
    if (m_openSource)
        return true;
    if (!m_ledgerSaysOpenSource) {
        m_ledgerSaysOpenSource = false;
        if (Ledger *ledger = context().ledger) {
            for (const LedgerEntry &entry : ledger->entries(account().id))
                if (entry.extra.value(ServerExtraKey).toString() == OpenSourceServer)
                    m_ledgerSaysOpenSource = true;
        }
    }
    return *m_ledgerSaysOpenSource;
}

QString SvixProvider::openSourceNote()
{
    return tr("This is a self-hosted (open-source) Svix server: it ignores the lifetime, session and access asked "
              "for. The token lives 28 days with full access.");
}

void SvixProvider::noteServer(const QString &portalUrl)
{
    if (SvixWire::isOpenSourcePortalUrl(portalUrl))
        m_openSource = true;
}

QUrl SvixProvider::regionBaseUrl(const QString &apiKey)
{
    return SvixWire::regionBaseUrl(apiKey);
}

QString SvixProvider::sanitizeSessionId(const QString &text)
{
    QString out;
    for (const QChar c : text) {
        const bool allowed = (c >= QLatin1Char('a') && c <= QLatin1Char('z'))
            || (c >= QLatin1Char('A') && c <= QLatin1Char('Z')) || (c >= QLatin1Char('0') && c <= QLatin1Char('9'))
            || c == QLatin1Char('@') || c == QLatin1Char('_') || c == QLatin1Char('-');
        out.append(allowed ? c : QLatin1Char('_'));
    }
    out = out.left(64);
    return out.isEmpty() ? QStringLiteral("tokendesk") : out;
}

bool SvixProvider::isValidSessionId(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("^[a-zA-Z0-9@_-]{1,64}$"));
    return pattern.match(text).hasMatch();
}

QString SvixProvider::defaultSessionId()
{
    QString user = qEnvironmentVariable("USER");
    if (user.isEmpty())
        user = qEnvironmentVariable("USERNAME");
    return sanitizeSessionId(user);
}

QByteArray SvixProvider::newIdempotencyKey()
{
    // QUuid::createUuid() is a random (version 4) UUID; it never starts with the reserved "auto_".
    return QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
}

QString SvixProvider::notAvailableMessage()
{
    return tr("this server does not offer it");
}

ApiError SvixProvider::notOfferedError() const
{
    return ApiError(ApiError::Kind::NotAvailable, notAvailableMessage());
}

QUrl SvixProvider::baseUrl() const
{
    if (!account().baseUrl.isEmpty())
        return account().baseUrl;
    return regionBaseUrl(secret(ApiKeyField));
}

QString SvixProvider::adminSessionId() const
{
    const QString configured = account().options.value(QStringLiteral("session_id")).toString().trimmed();
    return configured.isEmpty() ? defaultSessionId() : configured;
}

QStringList SvixProvider::appIds() const
{
    return toList(account().options.value(QStringLiteral("app_ids")));
}

QUrl SvixProvider::url(const QString &path) const
{
    return endpoint(baseUrl(), path);
}

ApiRequest SvixProvider::post(
    const QString &path, const QByteArray &body, const QByteArray &idempotencyKey, const QString &operation) const
{
    return post(path, body, idempotencyKey, operation, secret(ApiKeyField));
}

ApiRequest SvixProvider::post(const QString &path, const QByteArray &body, const QByteArray &idempotencyKey,
    const QString &operation, const QString &bearer) const
{
    ApiRequest request = ApiRequest::post(url(path), body);
    request.withBearer(bearer);
    request.withHeader("Accept", "application/json");
    request.withHeader("Idempotency-Key", idempotencyKey);
    // The idempotency key makes a retry safe: Svix replays the first successful answer for the same key.
    request.retryable = true;
    request.operation = operation;
    return request;
}

ApiError SvixProvider::missingKeyError() const
{
    return ApiError(ApiError::Kind::Unauthorized, tr("Enter the Svix API key in the account settings."));
}

ApiError SvixProvider::mapError(const ApiError &error, bool optionalRoute) const
{
    ApiError mapped = error;
    const int status = error.httpStatus();
    const QByteArray body = error.body();
    const SvixWire::HttpError httpError = SvixWire::parseHttpError(body);
    // x-internal and removed operations may simply not be routed (the OSS server answers 404 with an empty
    // body): that is "this server does not offer it", not an unknown application.
    if (optionalRoute
        && (status == 405 || (status == 404 && httpError.detail != QLatin1String("Application not found")))) {
        ApiError notAvailable(ApiError::Kind::NotAvailable, notAvailableMessage(), status);
        notAvailable.setServerMessage(httpError.detail);
        notAvailable.setBody(body);
        return notAvailable;
    }
    if (status == 422) {
        const QList<FieldError> fieldErrors = SvixWire::parseValidationErrors(body);
        mapped =
            ApiError(ApiError::Kind::Validation, tr("Svix refused the request: check the highlighted fields."), 422);
        mapped.setFieldErrors(fieldErrors);
        mapped.setBody(body);
        if (!fieldErrors.isEmpty())
            mapped.setServerMessage(fieldErrors.first().message);
        mapped.setRetryAfterSeconds(error.retryAfterSeconds());
        return mapped;
    }
    if (status == 501) {
        // The OSS server's api_not_implemented (logout).
        ApiError notImplemented(ApiError::Kind::NotAvailable, tr("not implemented by this server"), status);
        notImplemented.setServerMessage(httpError.detail);
        notImplemented.setBody(body);
        return notImplemented;
    }
    if (status == 401)
        mapped.setUserMessage(tr("Svix refused the credentials: the API key (or the token) is wrong, expired or "
                                 "already logged out."));
    else if (status == 404)
        mapped.setUserMessage(tr("Svix does not know this application."));
    if (!httpError.detail.isEmpty())
        mapped.setServerMessage(httpError.detail);
    return mapped;
}

QList<TokenKindSpec> SvixProvider::createKinds() const
{
    FieldSpec session;
    session.key = QStringLiteral("session_id");
    session.label = tr("Session id");
    session.type = FieldSpec::Type::Text;
    session.maxLength = 64;
    session.cliFlag = QStringLiteral("session");
    session.defaultValue = adminSessionId();
    session.toolTip = tr("Tags the token so that expire-all can target it (letters, digits, @, _ and -).");

    FieldSpec portalExpiry;
    portalExpiry.key = QStringLiteral("expiry");
    portalExpiry.label = tr("Lifetime");
    portalExpiry.type = FieldSpec::Type::Duration;
    portalExpiry.defaultValue = QStringLiteral("7 days");
    portalExpiry.choices = {QStringLiteral("1 hour"), QStringLiteral("1 day"), QStringLiteral("7 days")};
    portalExpiry.minimum = PortalMinExpiry;
    portalExpiry.maximum = PortalMaxExpiry;
    portalExpiry.toolTip = tr("Between 1 hour and 7 days.");

    FieldSpec readOnly;
    readOnly.key = QStringLiteral("read_only");
    readOnly.label = tr("Read only");
    readOnly.type = FieldSpec::Type::Boolean;
    readOnly.defaultValue = false;
    readOnly.cliFlag = QStringLiteral("read-only");
    readOnly.toolTip = tr("Grant only the ViewBase capability.");

    FieldSpec flags;
    flags.key = QStringLiteral("feature_flags");
    flags.label = tr("Feature flags");
    flags.type = FieldSpec::Type::TextList;
    flags.cliFlag = QStringLiteral("feature-flag");

    FieldSpec capabilitiesField;
    capabilitiesField.key = QStringLiteral("capabilities");
    capabilitiesField.label = tr("Capabilities");
    capabilitiesField.type = FieldSpec::Type::MultiChoice;
    capabilitiesField.choices = portalCapabilities();
    capabilitiesField.cliFlag = QStringLiteral("capability");
    capabilitiesField.toolTip = tr("Empty: all capabilities. ViewBase is always included.");

    TokenKindSpec portal;
    portal.kind = PortalKind;
    portal.label = tr("App portal access");
    portal.fields = {appField(), session, portalExpiry, readOnly, flags, capabilitiesField};

    FieldSpec name;
    name.key = QStringLiteral("name");
    name.label = tr("Name");
    name.type = FieldSpec::Type::Text;
    name.required = true;
    name.maxLength = 256;
    name.cliFlag = QStringLiteral("name");

    FieldSpec messageExpiry;
    messageExpiry.key = QStringLiteral("expiry");
    messageExpiry.label = tr("Lifetime");
    messageExpiry.type = FieldSpec::Type::Duration;
    messageExpiry.defaultValue = QStringLiteral("1 hour");
    messageExpiry.choices = {QStringLiteral("1 hour"), QStringLiteral("1 day"), QStringLiteral("30 days")};

    TokenKindSpec message;
    message.kind = MessageKind;
    message.label = tr("Message token");
    message.fields = {appField(), name, messageExpiry};
    if (isOpenSourceServer())
        return {portal}; // the open-source server does not route create-message-token
    return {portal, message};
}

QList<FieldError> SvixProvider::validateCreate(const CreateRequest &request) const
{
    QList<FieldError> errors = TokenProvider::validateCreate(request);
    if (request.kind != PortalKind && request.kind != MessageKind)
        return errors;

    static const QRegularExpression appPattern(QStringLiteral("^[a-zA-Z0-9\\-_.]+$"));
    const QString appId = request.value(QStringLiteral("app_id")).trimmed();
    if (!appId.isEmpty() && !appPattern.match(appId).hasMatch())
        errors.append({QStringLiteral("app_id"), tr("The application id may hold letters, digits, '-', '_' and '.'.")});

    QString expiryError;
    const std::optional<qint64> expiry =
        Duration::wholeSeconds(request.values.value(QStringLiteral("expiry")), &expiryError);
    if (!expiryError.isEmpty()) {
        errors.append({QStringLiteral("expiry"), expiryError});
    } else if (request.kind == PortalKind && expiry && (*expiry < PortalMinExpiry || *expiry > PortalMaxExpiry)) {
        errors.append({QStringLiteral("expiry"), tr("A portal token lives between 1 hour and 7 days.")});
    } else if (request.kind == MessageKind && expiry && *expiry < 0) {
        errors.append({QStringLiteral("expiry"), tr("The lifetime cannot be negative.")});
    }

    if (request.kind == PortalKind) {
        const QString session = request.value(QStringLiteral("session_id")).trimmed();
        if (!session.isEmpty() && !isValidSessionId(session))
            errors.append(
                {QStringLiteral("session_id"), tr("A session id has 1 to 64 letters, digits, '@', '_' or '-'.")});
        const QStringList capabilityList = toList(request.values.value(QStringLiteral("capabilities")));
        for (const QString &capability : capabilityList) {
            if (!portalCapabilities().contains(capability)) {
                errors.append({QStringLiteral("capabilities"), tr("Unknown capability \"%1\".").arg(capability)});
                break;
            }
        }
        const QStringList flags = toList(request.values.value(QStringLiteral("feature_flags")));
        if (flags.size() > 25)
            errors.append({QStringLiteral("feature_flags"), tr("At most 25 feature flags.")});
        for (const QString &flag : flags) {
            if (flag.size() > 256 || !appPattern.match(flag).hasMatch()) {
                errors.append({QStringLiteral("feature_flags"), tr("\"%1\" is not a valid feature flag.").arg(flag)});
                break;
            }
        }
    }
    return errors;
}

QFuture<Result<CreatedToken>> SvixProvider::createToken(const CreateRequest &request)
{
    return createTokenWithKey(request, newIdempotencyKey());
}

QFuture<Result<CreatedToken>> SvixProvider::createTokenWithKey(
    const CreateRequest &request, const QByteArray &idempotencyKey)
{
    const QList<FieldError> errors = validateCreate(request);
    if (!errors.isEmpty()) {
        return readyResult(Result<CreatedToken>(ApiError::invalidInput(errors)));
    }
    if (!hasSecret(ApiKeyField))
        return readyResult(Result<CreatedToken>(missingKeyError()));
    if (request.kind == MessageKind && isOpenSourceServer())
        return readyResult(Result<CreatedToken>(notOfferedError()));

    const QString appId = request.value(QStringLiteral("app_id")).trimmed();
    const QString encodedApp = QString::fromLatin1(QUrl::toPercentEncoding(appId));
    QString ignored;
    const QDateTime now = clock().now();

    if (request.kind == MessageKind) {
        const QString name = request.value(QStringLiteral("name")).trimmed();
        std::optional<qint64> expiry = Duration::wholeSeconds(request.values.value(QStringLiteral("expiry")), &ignored);
        if (!request.values.contains(QStringLiteral("expiry")))
            expiry = 3600; // the field's default, "1 hour"
        const ApiRequest apiRequest = post(QStringLiteral("/api/v1/auth/app/%1/create-message-token").arg(encodedApp),
            SvixWire::createTokenRequest(name, expiry), idempotencyKey, QStringLiteral("svix.create-message-token"));
        return Async::then(api()->send(apiRequest), this,
            [this, request, appId, name, expiry, now, idempotencyKey](
                Result<HttpResponse> response) -> Result<CreatedToken> {
                if (!response)
                    return mapError(response.error(), true);
                Result<SvixWire::ApiTokenOut> out = SvixWire::parseApiToken(response->body);
                if (!out)
                    return out.error();
                const QDateTime created = out->createdAt.value_or(now);
                std::optional<QDateTime> expires = out->expiresAt;
                if (!expires && expiry)
                    expires = created.addSecs(*expiry);
                CreatedToken created_;
                created_.token.id = out->id;
                created_.token.kind = MessageKind;
                created_.token.label = out->name.isEmpty() ? name : out->name;
                created_.token.subject = appId;
                created_.token.accountId = account().id;
                created_.token.created = created;
                created_.token.expires = expires;
                created_.token.serverSkewMs = response->serverSkewMs;
                if (expires && *expires > created)
                    created_.token.lifetimeSeconds = created.msecsTo(*expires) / 1000.0;
                if (out->scopes)
                    created_.token.scopes = *out->scopes;
                created_.token.extra.insert(TokenExtra::AppId, appId);
                created_.value = out->token;
                recordMinted(request, appId, QString(), out->id, created_.token.label, expires, created, out->token,
                    idempotencyKey);
                return created_;
            });
    }

    SvixWire::PortalAccessIn in;
    const std::optional<qint64> requested =
        Duration::wholeSeconds(request.values.value(QStringLiteral("expiry")), &ignored);
    in.expiry = requested.value_or(PortalMaxExpiry);
    in.sessionId = request.values.contains(QStringLiteral("session_id"))
        ? request.value(QStringLiteral("session_id")).trimmed()
        : adminSessionId();
    in.featureFlags = toList(request.values.value(QStringLiteral("feature_flags")));
    QStringList capabilityList = toList(request.values.value(QStringLiteral("capabilities")));
    if (toBool(request.values.value(QStringLiteral("read_only")))) {
        // readOnly is deprecated in the Svix API: read-only access is sent as capabilities ["ViewBase"] instead.
        capabilityList = {QStringLiteral("ViewBase")};
    }
    if (!capabilityList.isEmpty()) {
        if (!capabilityList.contains(QStringLiteral("ViewBase")))
            capabilityList.prepend(QStringLiteral("ViewBase")); // always needed
        in.capabilities = capabilityList;
    }
    const qint64 lifetime = *in.expiry;
    const QString sessionId = in.sessionId;
    const ApiRequest apiRequest = post(QStringLiteral("/api/v1/auth/app-portal-access/%1").arg(encodedApp),
        SvixWire::portalAccessRequest(in), idempotencyKey, QStringLiteral("svix.app-portal-access"));
    return Async::then(api()->send(apiRequest), this,
        [this, request, appId, sessionId, lifetime, now, idempotencyKey, capabilityList](
            Result<HttpResponse> response) -> Result<CreatedToken> {
            if (!response)
                return mapError(response.error(), false);
            Result<SvixWire::PortalAccessOut> out = SvixWire::parsePortalAccess(response->body);
            if (!out)
                return out.error();
            noteServer(out->url);
            const bool openSource = SvixWire::isOpenSourcePortalUrl(out->url);
            // Svix returns no id and no expiry: the expiry is the one asked for, counted from now. The open-source
            // server ignores what was asked: 28 days and every capability, whatever was sent.
            const qint64 life = openSource ? SvixWire::OpenSourcePortalLifetimeSeconds : lifetime;
            const QDateTime expires = now.addSecs(life);
            CreatedToken created;
            created.token.kind = PortalKind;
            created.token.label = tr("Portal access for %1").arg(appId);
            created.token.subject = sessionId.isEmpty() ? appId : appId + QLatin1Char('/') + sessionId;
            created.token.accountId = account().id;
            created.token.created = now;
            created.token.expires = expires;
            created.token.lifetimeSeconds = double(life);
            created.token.scopes = openSource ? portalCapabilities() : capabilityList;
            QVariantMap extra;
            if (openSource) {
                created.token.extra.insert(ServerExtraKey, OpenSourceServer);
                extra.insert(ServerExtraKey, OpenSourceServer);
                created.notes.append(openSourceNote());
                emit warning(openSourceNote());
            }
            created.token.extra.insert(TokenExtra::AppId, appId);
            if (!sessionId.isEmpty())
                created.token.extra.insert(TokenExtra::SessionId, sessionId);
            created.value = out->token;
            created.link = out->url;
            created.token.id = QStringLiteral("local-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
            recordMinted(request, appId, sessionId, created.token.id, created.token.label, expires, now, out->token,
                idempotencyKey, extra);
            return created;
        });
}

void SvixProvider::recordMinted(const CreateRequest &request, const QString &appId, const QString &sessionId,
    const QString &tokenId, const QString &label, const std::optional<QDateTime> &expires,
    const std::optional<QDateTime> &created, const QString &tokenValue, const QByteArray &idempotencyKey,
    const QVariantMap &extra)
{
    Ledger *ledger = context().ledger;
    if (!ledger)
        return;
    const QString key = QString::fromLatin1(idempotencyKey);
    // A retried action (same idempotency key) got the replayed answer: the token is recorded already.
    for (const LedgerEntry &existing : ledger->entries(account().id))
        if (existing.extra.value(IdempotencyExtraKey).toString() == key)
            return;
    LedgerEntry entry;
    entry.accountId = account().id;
    entry.providerId = QStringLiteral("svix");
    entry.kind = request.kind;
    entry.tokenId = tokenId;
    entry.label = label;
    entry.subject = appId;
    entry.appId = appId;
    entry.sessionId = sessionId;
    entry.created = created.value_or(clock().now()).toUTC();
    entry.expires = expires;
    entry.createdBy = account().name;
    // Not the secret: a truncated one-way hash, kept so that a later logout of the token can find this row.
    entry.extra.insert(HashPrefixKey, SvixWire::tokenHashPrefix(tokenValue));
    entry.extra.insert(IdempotencyExtraKey, key);
    for (auto it = extra.cbegin(); it != extra.cend(); ++it)
        entry.extra.insert(it.key(), it.value());
    if (ledger->record(entry) == 0)
        qCWarning(lcSvix) << "cannot record the minted token in the ledger:" << ledger->lastError();
}

QFuture<Result<QList<Token>>> SvixProvider::listTokens(const ListRequest &request)
{
    QList<Token> tokens;
    Ledger *ledger = context().ledger;
    if (!ledger)
        return readyResult(Result<QList<Token>>(tokens));
    const QString appId = request.appId.trimmed();
    for (const LedgerEntry &entry : ledger->entries(account().id)) {
        if (entry.providerId != QLatin1String("svix") && !entry.providerId.isEmpty())
            continue;
        if (!appId.isEmpty() && entry.appId != appId)
            continue;
        Token token = entry.toToken();
        token.extra.remove(IdempotencyExtraKey);
        // A token of the open-source server has every capability, whatever was asked for.
        if (entry.extra.value(ServerExtraKey).toString() == OpenSourceServer)
            token.scopes = portalCapabilities();
        // expire-all ends tokens after a grace period: shown as an earlier expiry, not as revoked.
        if (entry.revoked && entry.revokedReason == QLatin1String("expire-all")) {
            if (!token.expires || *entry.revoked < *token.expires)
                token.expires = *entry.revoked;
            token.revoked.reset();
            token.extra.insert(TokenExtra::ExpiredBy, QStringLiteral("expire-all"));
        }
        tokens.append(token);
    }
    return readyResult(Result<QList<Token>>(tokens));
}

QFuture<Result<Done>> SvixProvider::expireAll(const ExpireAllRequest &request)
{
    const QString appId = request.appId.trimmed();
    QList<FieldError> errors;
    if (appId.isEmpty())
        errors.append({QStringLiteral("app_id"), tr("Choose the application.")});
    if (request.graceSeconds < 0 || request.graceSeconds > MaxGrace)
        errors.append({QStringLiteral("expiry"), tr("The grace period is between 0 seconds and 3 days.")});
    if (request.sessionIds.size() > 1000)
        errors.append({QStringLiteral("session_ids"), tr("At most 1000 session ids.")});
    for (const QString &session : request.sessionIds) {
        if (!isValidSessionId(session)) {
            errors.append({QStringLiteral("session_ids"), tr("\"%1\" is not a valid session id.").arg(session)});
            break;
        }
    }
    if (!errors.isEmpty()) {
        return readyResult(Result<Done>(ApiError::invalidInput(errors)));
    }
    if (!hasSecret(ApiKeyField))
        return readyResult(Result<Done>(missingKeyError()));
    if (isOpenSourceServer())
        return readyResult(Result<Done>(notOfferedError()));

    const QString encodedApp = QString::fromLatin1(QUrl::toPercentEncoding(appId));
    const ApiRequest apiRequest = post(QStringLiteral("/api/v1/auth/app/%1/expire-all").arg(encodedApp),
        SvixWire::expireAllRequest(request.graceSeconds, request.sessionIds), newIdempotencyKey(),
        QStringLiteral("svix.expire-all"));
    const QDateTime now = clock().now();
    return Async::then(
        api()->send(apiRequest), this, [this, request, appId, now](Result<HttpResponse> response) -> Result<Done> {
            // A 404 without "Application not found" is a server that does not route expire-all (open source).
            if (!response)
                return mapError(response.error(), true);
            if (Ledger *ledger = context().ledger)
                ledger->markRevokedWhere(account().id, appId, request.sessionIds, now.addSecs(request.graceSeconds),
                    QStringLiteral("expire-all"));
            return Done {};
        });
}

QFuture<Result<Done>> SvixProvider::logoutToken(const QString &tokenValue)
{
    const QString value = tokenValue.trimmed();
    if (value.isEmpty())
        return readyResult(Result<Done>(ApiError(ApiError::Kind::InvalidInput, tr("Paste the portal token."))));
    // The bearer is the app-portal token itself, not the API key: logout only accepts app tokens.
    const ApiRequest apiRequest = post(
        QStringLiteral("/api/v1/auth/logout"), QByteArray(), newIdempotencyKey(), QStringLiteral("svix.logout"), value);
    const QString hashPrefix = SvixWire::tokenHashPrefix(value);
    return Async::then(
        api()->send(apiRequest), this, [this, hashPrefix](Result<HttpResponse> response) -> Result<Done> {
            if (!response)
                return mapError(response.error(), false);
            if (Ledger *ledger = context().ledger) {
                for (const LedgerEntry &entry : ledger->entries(account().id)) {
                    if (entry.extra.value(HashPrefixKey).toString() == hashPrefix && !entry.revoked) {
                        ledger->markRevoked(account().id, entry.tokenId, clock().now(), QStringLiteral("logout"));
                        break;
                    }
                }
            }
            return Done {};
        });
}

QFuture<Result<QString>> SvixProvider::exchangeOneTimeToken(const QString &oneTimeToken)
{
    if (isOpenSourceServer())
        return readyResult(Result<QString>(notOfferedError()));
    if (oneTimeToken.trimmed().isEmpty())
        return readyResult(
            Result<QString>(ApiError(ApiError::Kind::InvalidInput, tr("Paste the one-time token of the magic link."))));
    ApiRequest apiRequest =
        post(QStringLiteral("/api/v1/auth/one-time-token"), SvixWire::oneTimeTokenRequest(oneTimeToken.trimmed()),
            newIdempotencyKey(), QStringLiteral("svix.one-time-token"));
    return Async::then(api()->send(apiRequest), this, [this](Result<HttpResponse> response) -> Result<QString> {
        if (!response)
            return mapError(response.error(), true);
        Result<SvixWire::OneTimeTokenOut> out = SvixWire::parseOneTimeToken(response->body);
        return out ? Result<QString>(out->token) : Result<QString>(out.error());
    });
}

QFuture<Result<CreatedToken>> SvixProvider::dashboardAccess(const QString &appId)
{
    if (!hasSecret(ApiKeyField))
        return readyResult(Result<CreatedToken>(missingKeyError()));
    const QString encodedApp = QString::fromLatin1(QUrl::toPercentEncoding(appId.trimmed()));
    ApiRequest apiRequest = post(QStringLiteral("/api/v1/auth/dashboard-access/%1").arg(encodedApp), QByteArray(),
        newIdempotencyKey(), QStringLiteral("svix.dashboard-access"));
    const QString app = appId.trimmed();
    return Async::then(
        api()->send(apiRequest), this, [this, app](Result<HttpResponse> response) -> Result<CreatedToken> {
            if (!response)
                return mapError(response.error(), true);
            Result<SvixWire::PortalAccessOut> out = SvixWire::parsePortalAccess(response->body);
            if (!out)
                return out.error();
            noteServer(out->url);
            CreatedToken created;
            created.token.kind = QStringLiteral("dashboard");
            created.token.subject = app;
            created.token.accountId = account().id;
            created.token.created = clock().now();
            created.value = out->token;
            created.link = out->url;
            return created;
        });
}

QString SvixProvider::expireAllCall(const ExpireAllRequest &request) const
{
    const QString encodedApp = QString::fromLatin1(QUrl::toPercentEncoding(request.appId.trimmed()));
    QString call = describeCall("POST", url(QStringLiteral("/api/v1/auth/app/%1/expire-all").arg(encodedApp)));
    call += QStringLiteral(" {\"expiry\": %1").arg(request.graceSeconds);
    if (!request.sessionIds.isEmpty())
        call += QStringLiteral(", \"sessionIds\": [\"%1\"]").arg(request.sessionIds.join(QStringLiteral("\", \"")));
    return call + QLatin1Char('}');
}

std::optional<CreateRequest> SvixProvider::rotationRequest(
    const Token &token, const QDateTime &now, QString *refusal) const
{
    const QString appId = token.extra.value(TokenExtra::AppId).toString();
    const QString sessionId = token.extra.value(TokenExtra::SessionId).toString();
    if (token.kind != PortalKind) {
        *refusal = tr("Svix cannot end one message token before it expires; only portal tokens can be rotated.");
        return std::nullopt;
    }
    if (appId.isEmpty() || sessionId.isEmpty()) {
        *refusal = tr("This portal token has no session id: ending it would end every token of the application.");
        return std::nullopt;
    }
    if (isOpenSourceServer()) {
        *refusal = tr("This self-hosted Svix server cannot expire a session, so the old token would stay valid.");
        return std::nullopt;
    }
    // A new session id, so that expiring the old session leaves the successor alone.
    static const QRegularExpression rotatedSuffix(QStringLiteral("-r[0-9]{14}$"));
    QString base = sessionId;
    base.remove(rotatedSuffix);
    const QString stamp = now.toUTC().toString(QStringLiteral("yyyyMMddHHmmss"));
    const QString newSession = sanitizeSessionId(base.left(48) + QStringLiteral("-r") + stamp);
    CreateRequest request;
    request.kind = PortalKind;
    request.values.insert(QStringLiteral("app_id"), appId);
    request.values.insert(QStringLiteral("session_id"), newSession);
    request.values.insert(QStringLiteral("expiry"),
        std::clamp(lifetimeOf(token).value_or(PortalMaxExpiry), PortalMinExpiry, PortalMaxExpiry));
    if (!token.scopes.isEmpty())
        request.values.insert(QStringLiteral("capabilities"), token.scopes);
    return request;
}

std::optional<ExpireAllRequest> SvixProvider::rotationExpiry(const Token &token, qint64 graceSeconds) const
{
    // Svix's expire-all takes a grace of at most 3 days; a longer one is refused before anything is created.
    if (graceSeconds < 0 || graceSeconds > MaxGrace)
        return std::nullopt;
    ExpireAllRequest request;
    request.appId = token.extra.value(TokenExtra::AppId).toString();
    request.graceSeconds = graceSeconds;
    request.sessionIds = {token.extra.value(TokenExtra::SessionId).toString()};
    return request;
}
