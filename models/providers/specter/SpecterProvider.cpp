#include "SpecterProvider.h"

#include "SpecterWire.h"
#include "core/Async.h"
#include "core/Clock.h"
#include "core/Duration.h"
#include "core/Jwt.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QRegularExpression>

Q_LOGGING_CATEGORY(lcSpecter, "tokendesk.specter")

namespace {
const QString TokenCollection = QStringLiteral("/api/v1alpha/token/");
const QString Liveness = QStringLiteral("/api/healthz/liveness");
// AdminResource: Bearer JWT and is_admin (contract: "Using the JWT as a Bearer token"). No trailing slash.
const QString WalletRoute = QStringLiteral("/api/v1alpha/wallets/");
const QString KindToken = QStringLiteral("token");

// Specter answers an unknown token id on details/delete with its generic JSON 500 (contract: "Unknown id ->
// 500"). A 502/503 or an HTML 500 from a proxy in front of it means the server is unavailable, not that the
// token is gone.
bool isSpecterJsonError(const ApiError &error)
{
    const QJsonDocument body = QJsonDocument::fromJson(error.body());
    return body.isObject() && body.object().value(QLatin1String("message")).isString();
}

bool isUnknownIdAnswer(const ApiError &error)
{
    return error.httpStatus() == 500 && isSpecterJsonError(error);
}
// Details and delete of one token: Specter's unknown-id answer means someone else deleted it already.
ApiError goneIfUnknownId(const ApiError &error)
{
    if (!isUnknownIdAnswer(error))
        return error;
    return ApiError(ApiError::Kind::NotFound,
        QCoreApplication::translate("SpecterProvider", "The token is already gone; the list was refreshed."),
        error.httpStatus());
}
} // namespace

SpecterProvider::SpecterProvider(const Account &account, const ProviderContext &context, QObject *parent)
    : TokenProvider(account, context, parent)
{
    // Specter lists every token in one unpaged response of about 160 bytes a token: 32 MB (some 200k tokens)
    // instead of the client's default cap, still well below what an endless or hostile body would send.
    api()->setMaxResponseBytes(MaxResponseBytes);
}

TokenProvider::Capabilities SpecterProvider::staticCapabilities()
{
    return Capability::List | Capability::Create | Capability::Revoke | Capability::Details | Capability::VerifyValue;
}

QString SpecterProvider::userName() const
{
    return account().options.value(QStringLiteral("username")).toString();
}

ApiRequest SpecterProvider::authorized(ApiRequest request, const QString &operation) const
{
    request.withBasicAuth(userName(), secret(QStringLiteral("password")));
    request.operation = operation;
    return request;
}

QUrl SpecterProvider::tokenUrl(const QString &tokenId) const
{
    return endpoint(TokenCollection + QString::fromLatin1(QUrl::toPercentEncoding(tokenId)) + QLatin1Char('/'));
}

ApiError SpecterProvider::mapError(ApiError error)
{
    if (error.kind() == ApiError::Kind::Unauthorized) {
        error.setUserMessage(tr("Specter refused the user name or password."));
        emit signInRequired(error.userMessage());
    }
    return error;
}

bool SpecterProvider::baseUrlEndsInApi() const
{
    QString path = account().baseUrl.path();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    return path.endsWith(QLatin1String("/api"), Qt::CaseInsensitive);
}

ApiError SpecterProvider::apiOffError() const
{
    // With a base URL ending in /api every call goes to /api/api/...: Specter's 404 handler answers it exactly as
    // it answers a Specter without the API, so the URL is what to fix, not the server.
    if (baseUrlEndsInApi()) {
        return ApiError(ApiError::Kind::NotFound,
            tr("Wrong URL: the base URL ends in /api, and TokenDesk adds /api itself. Enter Specter's address "
               "without /api (for example http://specter.local:25441)."));
    }
    return ApiError(ApiError::Kind::NotAvailable,
        tr("The REST API is not enabled on this Specter (start it with SPECTER_API_ACTIVE=True)."));
}

QString SpecterProvider::storedUserName(const QString &name)
{
    return name.toLower().replace(QLatin1Char(' '), QLatin1Char('_'));
}

ApiError SpecterProvider::serverFailed(ApiError error, const QString &checked) const
{
    // Specter answers every exception with the same generic 500, so the cause can only be narrowed down by what
    // is known to cause one. Known: a user name it does not store as typed (it keeps user ids lower-case with
    // "_" for spaces and then fails to find the user on every token call).
    const QString name = userName();
    const QString stored = storedUserName(name);
    QString text = checked.isEmpty()
        ? tr("The Specter server failed (HTTP %1) and does not say why.").arg(error.httpStatus())
        : tr("The Specter server failed (HTTP %1) after TokenDesk had checked %2; "
             "Specter does not say why.")
              .arg(error.httpStatus())
              .arg(checked);
    if (stored != name) {
        text += QLatin1Char(' ')
            + tr("A known cause: Specter stores user names in lower case with \"_\" for spaces, and fails every "
                 "token call of a user whose name is not already in that form. Try the user name \"%1\".")
                  .arg(stored);
    } else {
        text += QLatin1Char(' ') + tr("Specter's log names the error.");
    }
    error.setUserMessage(text);
    return error;
}

Token SpecterProvider::baseToken(const QString &id, const QString &description) const
{
    Token token;
    token.id = id;
    token.kind = KindToken;
    token.label = description;
    token.subject = userName();
    token.accountId = account().id;
    return token;
}

QFuture<Result<QList<Token>>> SpecterProvider::listTokens(const ListRequest &)
{
    qCDebug(lcSpecter) << "list tokens";
    return Async::then(
        api()->send(authorized(ApiRequest::get(endpoint(TokenCollection)), QStringLiteral("specter.list"))), this,
        [this](Result<HttpResponse> result) -> QFuture<Result<QList<Token>>> {
            if (!result.ok()) {
                const ApiError &error = result.error();
                if (error.kind() == ApiError::Kind::NotFound) {
                    if (SpecterWire::isEmptyListBody(error.body()))
                        return readyResult(Result<QList<Token>>(QList<Token>()));
                    return diagnoseMissingApi(error);
                }
                if (error.kind() == ApiError::Kind::Server && isSpecterJsonError(error))
                    return readyResult(Result<QList<Token>>(serverFailed(error, {})));
                return readyResult(Result<QList<Token>>(mapError(error)));
            }
            // One parse of a large list: the API-off body ({"error": ...}) is looked for only when it is no list.
            const auto parsed = SpecterWire::parseList(result->body);
            if (!parsed.ok()) {
                if (SpecterWire::isApiOffBody(result->body))
                    return readyResult(Result<QList<Token>>(apiOffError()));
                return readyResult(Result<QList<Token>>(parsed.error()));
            }
            QList<Token> tokens;
            tokens.reserve(parsed.value().size());
            for (const SpecterWire::ListedToken &listed : parsed.value()) {
                Token token = baseToken(listed.id, listed.description);
                token.setRemainingLife(listed.remainingSeconds, clock());
                if (listed.lifeSeconds > 0)
                    token.lifetimeSeconds = listed.lifeSeconds;
                tokens.append(token);
            }
            return readyResult(Result<QList<Token>>(tokens));
        })
        .unwrap();
}

QFuture<Result<QList<Token>>> SpecterProvider::diagnoseMissingApi(const ApiError &original)
{
    ApiRequest probe = ApiRequest::get(endpoint(Liveness));
    probe.operation = QStringLiteral("specter.liveness");
    return Async::then(api()->send(probe), this, [this, original](Result<HttpResponse> result) -> Result<QList<Token>> {
        if (result.ok() && !SpecterWire::isApiOffBody(result->body)) {
            ApiError error(ApiError::Kind::NotFound,
                tr("Specter's REST API answers, but has no token routes at this address: check the base URL "
                   "(the Specter address, without /api), or update Specter (tokens need 1.13.2 or newer)."),
                original.httpStatus());
            error.setServerMessage(original.serverMessage());
            return error;
        }
        if ((result.ok() && SpecterWire::isApiOffBody(result->body))
            || result.error().kind() == ApiError::Kind::NotFound)
            return apiOffError();
        ApiError error(ApiError::Kind::NotFound,
            tr("Nothing at this address answers like Specter's REST API: check the base URL."), original.httpStatus());
        error.setServerMessage(original.serverMessage());
        return error;
    });
}

QList<TokenKindSpec> SpecterProvider::createKinds() const
{
    FieldSpec description;
    description.key = QStringLiteral("description");
    description.label = tr("Name");
    description.type = FieldSpec::Type::Text;
    description.required = true;
    description.toolTip =
        tr("Specter keeps it as the token's description; it must differ from those of your other tokens.");

    FieldSpec lifetime;
    lifetime.key = QStringLiteral("lifetime");
    lifetime.label = tr("Lifetime");
    lifetime.type = FieldSpec::Type::Duration;
    lifetime.required = true;
    lifetime.defaultValue = QStringLiteral("6 hours");
    lifetime.placeholder = QStringLiteral("6 hours");
    lifetime.minimum = 1;
    lifetime.toolTip = tr("How long the token stays valid, with a unit: \"30 minutes\", \"6 hours\", \"2 days\", "
                          "\"1h30m\", \"3 months\". Specter is sent days, hours or minutes.");

    return {{KindToken, tr("Token"), {description, lifetime}}};
}

QList<FieldError> SpecterProvider::validateCreate(const CreateRequest &request) const
{
    QList<FieldError> errors;
    if (request.value(QStringLiteral("description")).trimmed().isEmpty())
        errors.append({QStringLiteral("description"), tr("Enter a name.")});
    const QString lifetimeText = request.value(QStringLiteral("lifetime"));
    QString problem;
    const auto seconds = Duration::parseSeconds(lifetimeText, &problem);
    if (!seconds) {
        errors.append({QStringLiteral("lifetime"),
            problem.isEmpty() ? tr("Enter a lifetime with a unit, such as \"6 hours\".")
                              : tr("The lifetime is not readable: %1.").arg(problem)});
    } else if (*seconds < 1) {
        errors.append({QStringLiteral("lifetime"), tr("The lifetime must be at least one second.")});
    }
    return errors;
}

QFuture<Result<CreatedToken>> SpecterProvider::createToken(const CreateRequest &request)
{
    const QList<FieldError> errors = validateCreate(request);
    if (!errors.isEmpty()) {
        return readyResult(Result<CreatedToken>(ApiError::invalidInput(errors)));
    }
    const QString description = request.value(QStringLiteral("description"));
    const qint64 seconds = qRound64(*Duration::parseSeconds(request.value(QStringLiteral("lifetime"))));
    const QByteArray body = SpecterWire::buildCreateBody(description, Duration::toWireText(seconds));
    qCDebug(lcSpecter) << "create token, lifetime" << seconds << "s";

    return Async::then(
        api()->send(authorized(ApiRequest::post(endpoint(TokenCollection), body), QStringLiteral("specter.create"))),
        this, [this](Result<HttpResponse> result) -> Result<CreatedToken> {
            if (!result.ok()) {
                ApiError error = result.error();
                if (error.kind() == ApiError::Kind::BadRequest)
                    error.setUserMessage(tr("A token with this description exists, or the description is blank."));
                else if (error.kind() == ApiError::Kind::Server && isSpecterJsonError(error))
                    error = serverFailed(error, tr("the description and the lifetime"));
                return mapError(error);
            }
            if (SpecterWire::isApiOffBody(result->body))
                return apiOffError();
            const auto parsed = SpecterWire::parseCreated(result->body);
            if (!parsed.ok())
                return parsed.error();
            const SpecterWire::CreatedInfo &info = parsed.value();
            CreatedToken created;
            created.token = baseToken(info.id, info.description);
            created.value = info.token;
            if (info.lifeSeconds > 0)
                created.token.lifetimeSeconds = info.lifeSeconds;
            const Jwt jwt = Jwt::decode(info.token);
            if (jwt.isValid()) {
                created.token.created = jwt.issuedAt();
                created.token.expires = jwt.expiresAt();
                created.token.serverSkewMs = result->serverSkewMs;
            } else {
                created.notes << tr("The token Specter returned could not be decoded; its expiry is unknown.");
            }
            return created;
        });
}

QFuture<Result<Token>> SpecterProvider::tokenDetails(const Token &token)
{
    return Async::then(api()->send(authorized(ApiRequest::get(tokenUrl(token.id)), QStringLiteral("specter.details"))),
        this, [this, token](Result<HttpResponse> result) -> Result<Token> {
            if (!result.ok()) {
                return mapError(goneIfUnknownId(result.error()));
            }
            if (SpecterWire::isApiOffBody(result->body))
                return apiOffError();
            const auto parsed = SpecterWire::parseDetails(result->body);
            if (!parsed.ok())
                return parsed.error();
            const SpecterWire::TokenDetails &details = parsed.value();
            Token updated = baseToken(token.id, details.description);
            updated.created = token.created;
            updated.setRemainingLife(details.expired ? 0.0 : details.remainingSeconds, clock());
            if (details.lifeSeconds > 0)
                updated.lifetimeSeconds = details.lifeSeconds;
            updated.extra.insert(
                QStringLiteral("expiry_status"), details.expired ? QStringLiteral("Expired") : QStringLiteral("Valid"));
            return updated;
        });
}

QFuture<Result<Done>> SpecterProvider::revokeToken(const Token &token)
{
    qCDebug(lcSpecter) << "delete token" << token.id;
    return Async::then(api()->send(authorized(ApiRequest::del(tokenUrl(token.id)), QStringLiteral("specter.delete"))),
        this, [this](Result<HttpResponse> result) -> Result<Done> {
            if (!result.ok()) {
                return mapError(goneIfUnknownId(result.error()));
            }
            if (SpecterWire::isApiOffBody(result->body))
                return apiOffError();
            return Done();
        });
}

QString SpecterProvider::revokeCall(const Token &token) const
{
    return describeCall("DELETE", tokenUrl(token.id));
}

QFuture<Result<TokenValueCheck>> SpecterProvider::checkTokenValue(const QString &value)
{
    QString jwtText = value.trimmed();
    if (const std::optional<ApiError> bad = pastedValueError(jwtText)) {
        jwtText.fill(QLatin1Char('\0'));
        return readyResult(Result<TokenValueCheck>(*bad));
    }
    const Jwt jwt = Jwt::decode(jwtText);
    if (!jwt.isValid()) {
        jwtText.fill(QLatin1Char('\0'));
        return readyResult(Result<TokenValueCheck>(ApiError::invalidInput({{QStringLiteral("token"),
            tr("This is not a Specter token: Specter's API tokens are JWTs (three dot-separated parts, eyJ…).")}})));
    }
    const QString tokenId = jwt.stringClaim(QStringLiteral("jwt_token_id"));
    // A SecureResource route (any authenticated user, contract "Using the JWT as a Bearer token"), so the
    // answer does not depend on the account being an admin, with a wallet alias that cannot exist: Specter
    // checks the Bearer token before it looks for the wallet.
    const QString alias =
        QStringLiteral("tokendesk-verify-") + QString::number(QRandomGenerator::global()->generate64(), 16);
    ApiRequest request = ApiRequest::get(endpoint(WalletRoute + alias + QLatin1Char('/')));
    request.withBearer(jwtText);
    request.operation = QStringLiteral("specter.verify");
    jwtText.fill(QLatin1Char('\0'));
    qCDebug(lcSpecter) << "verify a token value, id" << tokenId;
    return Async::then(
        api()->send(request), this, [this, tokenId](Result<HttpResponse> result) -> Result<TokenValueCheck> {
            TokenValueCheck check;
            check.tokenId = tokenId;
            if (result.ok() && SpecterWire::isApiOffBody(result->body))
                return apiOffError();
            // Past authentication the unknown alias fails in the route itself. Which answer that gives is not
            // documented (unsure): Specter's error_handling turns the missing wallet into its generic JSON 500, a
            // version with its own guard might answer 404 or even 200; all of them mean the token was accepted.
            // A 500 or 404 that is not Specter's JSON (a proxy's page) says nothing about the token.
            const bool accepted = result.ok()
                || ((result.error().httpStatus() == 500 || result.error().httpStatus() == 404)
                    && isSpecterJsonError(result.error()));
            if (accepted) {
                check.verdict = TokenValueCheck::Verdict::Accepted;
                check.detail = tr("Specter still accepts this token. Specter before v2.1.11 keeps accepting deleted "
                                  "tokens until they expire: update Specter, or wait for the expiry.");
                return check;
            }
            if (result.error().kind() != ApiError::Kind::Unauthorized)
                return result.error(); // not an answer about the token
            // 401: revoked, expired, forged, or signed with an older SECRET_KEY (a Specter restarted without a fixed
            // key refuses every older token).
            check.verdict = TokenValueCheck::Verdict::Rejected;
            check.detail = tokenId.isEmpty() ? tr("Specter refuses this token; it carries no jwt_token_id.")
                                             : tr("Specter refuses this token.");
            return check;
        });
}

std::optional<CreateRequest> SpecterProvider::rotationRequest(
    const Token &token, const QDateTime &now, QString *refusal) const
{
    const std::optional<qint64> lifetime = lifetimeOf(token);
    if (!lifetime) {
        *refusal = tr("Specter did not report this token's lifetime, so its successor cannot get the same one.");
        return std::nullopt;
    }
    // Specter refuses a description another token of the user already has: the successor's names the rotation
    // (untranslated, so a later rotation recognises and replaces it rather than stacking them).
    static const QRegularExpression rotatedSuffix(QStringLiteral(" \\(rotated [0-9T:-]+\\)$"));
    QString description = token.label;
    description.remove(rotatedSuffix);
    CreateRequest request;
    request.kind = KindToken;
    const QString successor = description + QStringLiteral(" (rotated ")
        + now.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss")) + QLatin1Char(')');
    request.values.insert(QStringLiteral("description"), successor);
    request.values.insert(QStringLiteral("lifetime"), Duration::toWireText(*lifetime));
    return request;
}
