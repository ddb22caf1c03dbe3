#include "MagicBellProvider.h"

#include "MagicBellWire.h"
#include "core/Async.h"

#include "core/Clock.h"
#include "core/Duration.h"
#include "core/Jwt.h"
#include "core/UtcTime.h"
#include "net/ApiClient.h"
#include "store/Ledger.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QMessageAuthenticationCode>
#include <QPromise>
#include <QRegularExpression>
#include <QSet>
#include <QUuid>

Q_LOGGING_CATEGORY(lcMagicBell, "tokendesk.magicbell")

namespace {

const QString ProjectKind = QStringLiteral("project");
const QString UserKind = QStringLiteral("user");
// A user JWT TokenDesk signs itself with the project's secret key, as MagicBell documents today.
const QString SignedUserKind = QStringLiteral("signed-user");
const QString TokenField = QStringLiteral("token");
const QString SecretKeyField = QStringLiteral("secret_key");
const QString ApiKeyOption = QStringLiteral("project_api_key");

QByteArray base64Url(const QByteArray &data)
{
    return data.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QString requestKind(const CreateRequest &request)
{
    return request.kind.isEmpty() ? ProjectKind : request.kind;
}

// Subject to list a user's tokens by after a lost create reply: the external id, else the email.
QString userSubject(const CreateRequest &request)
{
    const QString externalId = request.value(QStringLiteral("external_id")).trimmed();
    return externalId.isEmpty() ? request.value(QStringLiteral("email")).trimmed() : externalId;
}

bool looksLikeEmail(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$"));
    return pattern.match(text).hasMatch();
}

FieldSpec expiryField()
{
    FieldSpec field;
    field.key = QStringLiteral("expiry");
    field.label = QCoreApplication::translate("MagicBellProvider", "Lifetime");
    field.type = FieldSpec::Type::Duration;
    field.required = false;
    field.choices = {QStringLiteral("1 hour"), QStringLiteral("1 day"), QStringLiteral("7 days"),
        QStringLiteral("30 days"), QStringLiteral("90 days"), QStringLiteral("365 days")};
    field.placeholder = QCoreApplication::translate("MagicBellProvider", "never");
    field.toolTip = QCoreApplication::translate("MagicBellProvider",
        "How long the token stays valid, such as \"1 hour\" or \"30 days\". Empty: never expires.");
    field.minimum = 1;
    return field;
}

FieldSpec nameField(bool required)
{
    FieldSpec field;
    field.key = QStringLiteral("name");
    field.label = QCoreApplication::translate("MagicBellProvider", "Name");
    field.type = FieldSpec::Type::Text;
    field.required = required;
    field.maxLength = 255;
    field.cliFlag = QStringLiteral("name");
    return field;
}

} // namespace

struct MagicBellProvider::ListState
{
    QPromise<Result<QList<Token>>> promise;
    QList<Token> tokens;
    QString kind;
    QString subject;
    int pages = 0;
    QSet<QUrl> visited;
    bool addressesAnId = false;
};

MagicBellProvider::MagicBellProvider(const Account &account, const ProviderContext &context, QObject *parent)
    : TokenProvider(account, context, parent)
{ }

MagicBellProvider::~MagicBellProvider() = default;

TokenProvider::Capabilities MagicBellProvider::staticCapabilities()
{
    return Capability::List | Capability::Create | Capability::Revoke | Capability::ListBySubject;
}

TokenProvider::Capabilities MagicBellProvider::capabilities() const
{
    return staticCapabilities();
}

int MagicBellProvider::maxPages() const
{
    bool ok = false;
    const int configured = account().options.value(QStringLiteral("max_pages")).toString().trimmed().toInt(&ok);
    return ok && configured >= 1 ? qMin(configured, int(MaxPages)) : int(MaxPages);
}

QString MagicBellProvider::notAvailableMessage()
{
    return tr("MagicBell does not offer this on this server (the JWT routes left MagicBell's API in 2025).");
}

QString MagicBellProvider::lostReplyMessage()
{
    return tr("The server created the token but the reply was lost; its value cannot be shown again \u2014 discard it "
              "and create a new one if you need the value.");
}

std::optional<Token> MagicBellProvider::credentialToken() const
{
    const QString value = secret(TokenField);
    if (value.isEmpty())
        return std::nullopt;
    const Jwt jwt = Jwt::decode(value);
    if (!jwt.isValid())
        return std::nullopt;

    Token token;
    token.id = jwt.id();
    token.kind = ProjectKind;
    token.label = tr("Project token");
    token.accountId = account().id;
    token.created = jwt.issuedAt();
    token.expires = jwt.expiresAt();
    if (token.created && token.expires && *token.expires > *token.created)
        token.lifetimeSeconds = double(token.created->secsTo(*token.expires));
    for (const char *claim : {"project_id", "project", "projectId", "project_key"}) {
        const QString project = jwt.stringClaim(QLatin1String(claim));
        if (!project.isEmpty()) {
            token.subject = project;
            token.extra.insert(QStringLiteral("project"), project);
            break;
        }
    }
    const QStringList warnings = jwt.warnings(clock().now());
    if (!warnings.isEmpty())
        token.extra.insert(QStringLiteral("warnings"), warnings);
    return token;
}

QList<TokenKindSpec> MagicBellProvider::createKinds() const
{
    TokenKindSpec project;
    project.kind = ProjectKind;
    project.label = tr("Project token");
    project.fields = {nameField(true), expiryField()};

    FieldSpec email;
    email.key = QStringLiteral("email");
    email.label = tr("User email");
    email.type = FieldSpec::Type::Email;
    email.maxLength = 255;
    email.cliFlag = QStringLiteral("user-email");
    email.toolTip = tr("The user's email. Give it, the external id, or both.");

    FieldSpec externalId;
    externalId.key = QStringLiteral("external_id");
    externalId.label = tr("User external id");
    externalId.type = FieldSpec::Type::Text;
    externalId.maxLength = 255;
    externalId.cliFlag = QStringLiteral("external-id");
    externalId.toolTip = tr("Your own id for the user. Use it when there is no email.");

    TokenKindSpec user;
    user.kind = UserKind;
    user.label = tr("User token");
    user.fields = {email, externalId, nameField(false), expiryField()};

    // MagicBell's documented way today: the customer signs user JWTs. No service call, no revocation.
    FieldSpec signedExpiry = expiryField();
    signedExpiry.required = true;
    signedExpiry.defaultValue = QStringLiteral("365 days");
    signedExpiry.placeholder = QStringLiteral("365 days");
    signedExpiry.toolTip = tr("How long the token stays valid. MagicBell cannot revoke it: it stays valid until "
                              "then, unless the project's secret key is rotated.");
    TokenKindSpec signedUser;
    signedUser.kind = SignedUserKind;
    signedUser.label = tr("User token, signed by TokenDesk");
    signedUser.fields = {email, externalId, nameField(false), signedExpiry};
    return {project, user, signedUser};
}

std::optional<qint64> MagicBellProvider::expirySeconds(const QVariant &value, QString *error)
{
    const std::optional<qint64> seconds = Duration::wholeSeconds(value, error);
    if (seconds && *seconds < 1) {
        *error = tr("The lifetime must be at least one second.");
        return std::nullopt;
    }
    return seconds;
}

QList<FieldError> MagicBellProvider::validateCreate(const CreateRequest &request) const
{
    CreateRequest normalized = request;
    normalized.kind = requestKind(request);
    QList<FieldError> errors = TokenProvider::validateCreate(normalized);
    if (normalized.kind != ProjectKind && normalized.kind != UserKind && normalized.kind != SignedUserKind)
        return errors;

    QString expiryError;
    expirySeconds(request.values.value(QStringLiteral("expiry")), &expiryError);
    if (!expiryError.isEmpty())
        errors.append({QStringLiteral("expiry"), expiryError});

    if (normalized.kind == SignedUserKind) {
        if (!hasSecret(SecretKeyField))
            errors.append({QString(),
                tr("Enter the project's secret key (MagicBell dashboard, User Auth) in the account settings: it "
                   "signs the token.")});
        if (account().options.value(ApiKeyOption).toString().trimmed().isEmpty())
            errors.append({QString(),
                tr("Enter the project's API key (MagicBell dashboard, API Keys) in the account settings: the token "
                   "names it.")});
    }
    if (normalized.kind == UserKind || normalized.kind == SignedUserKind) {
        const QString email = request.value(QStringLiteral("email")).trimmed();
        const QString externalId = request.value(QStringLiteral("external_id")).trimmed();
        if (email.isEmpty() && externalId.isEmpty())
            errors.append({QStringLiteral("email"), tr("Give the user's email, external id, or both.")});
        else if (!email.isEmpty() && !looksLikeEmail(email))
            errors.append({QStringLiteral("email"), tr("\"%1\" is not an email address.").arg(email)});
    }
    return errors;
}

QUrl MagicBellProvider::listUrl(const QString &subject) const
{
    if (subject.isEmpty())
        return endpoint(QStringLiteral("/jwt/project"));
    return tokenUrl(UserKind, subject);
}

QUrl MagicBellProvider::tokenUrl(const QString &kind, const QString &tokenId) const
{
    QUrl url = endpoint(kind == UserKind ? QStringLiteral("/jwt/user") : QStringLiteral("/jwt/project"));
    const QString encoded = QString::fromLatin1(QUrl::toPercentEncoding(tokenId));
    url.setPath(url.path(QUrl::FullyEncoded) + QLatin1Char('/') + encoded, QUrl::TolerantMode);
    return url;
}

QUrl MagicBellProvider::resolveLink(const QString &link, const QUrl &current)
{
    // RFC 3986 section 5: a relative reference (path, "/path", "?query") is resolved against the URL of the page
    // that carried it, not against the account's base URL.
    return current.resolved(QUrl(link, QUrl::TolerantMode));
}

ApiError MagicBellProvider::unauthorizedError() const
{
    return ApiError(ApiError::Kind::Unauthorized,
        tr("MagicBell refused the project token: it may be wrong, expired or discarded. Enter a valid project JWT "
           "in the account settings."),
        401);
}

ApiError MagicBellProvider::mapError(ApiError error, bool addressesAnId) const
{
    const int status = error.httpStatus();
    const QByteArray body = error.body();
    const QString serverMessage = body.isEmpty() ? error.serverMessage() : MagicBellWire::parseErrorMessage(body);
    // A route without an id answers 404/405 only when it is gone. On a route with an id a 404 may also mean an
    // unknown id: the caller asks probeRoutes() which (explainNotFound), never the body, which the v2 spec does
    // not document.
    if (status == 405 || (status == 404 && !addressesAnId)) {
        ApiError notAvailable(ApiError::Kind::NotAvailable, notAvailableMessage(), status);
        notAvailable.setServerMessage(serverMessage);
        notAvailable.setBody(body);
        return notAvailable;
    }
    if (status == 401) {
        ApiError unauthorized = unauthorizedError();
        unauthorized.setServerMessage(serverMessage);
        unauthorized.setBody(body);
        return unauthorized;
    }
    if (status == 404)
        error.setUserMessage(tr("MagicBell does not know this token or user."));
    if (!serverMessage.isEmpty())
        error.setServerMessage(serverMessage);
    return error;
}

bool MagicBellProvider::needsProbe(const ApiError &error, bool addressesAnId)
{
    return addressesAnId && error.httpStatus() == 404;
}

QFuture<Result<HttpResponse>> MagicBellProvider::probeRoutes()
{
    QUrl url = endpoint(QStringLiteral("/jwt/project"));
    url.setQuery(QStringLiteral("limit=1"));
    ApiRequest request = ApiRequest::get(url);
    request.withBearer(secret(TokenField));
    request.operation = QStringLiteral("magicbell.probe-routes");
    return api()->send(request);
}

ApiError MagicBellProvider::explainNotFound(ApiError notFound, const Result<HttpResponse> &probe)
{
    // The readings of a 404 on a route with an id, decided by the id-less JWT route (GET /jwt/project):
    // - the probe answers 2xx: the JWT routes exist, so the id is unknown;
    // - the probe answers 404 or 405: the JWT routes are gone (today's MagicBell);
    // - anything else (401, 5xx, no answer): both readings stay open, and the message says so.
    if (probe.ok()) {
        notFound.setUserMessage(tr("MagicBell does not know this token or user."));
        return notFound;
    }
    const int status = probe.error().httpStatus();
    if (status == 404 || status == 405) {
        ApiError notAvailable(ApiError::Kind::NotAvailable, notAvailableMessage(), notFound.httpStatus());
        notAvailable.setServerMessage(notFound.serverMessage());
        notAvailable.setBody(notFound.body());
        return notAvailable;
    }
    notFound.setUserMessage(tr("MagicBell answered 404: either it does not know this token or user, or it no longer "
                               "offers the JWT routes. TokenDesk could not tell which (%1).")
                                .arg(probe.error().userMessage()));
    return notFound;
}

void MagicBellProvider::finishList(const std::shared_ptr<ListState> &state)
{
    // The project list carries the user tokens signed here too: the ledger is their only list.
    if (state->subject.isEmpty())
        state->tokens.append(signedTokensFromLedger());
    state->promise.addResult(Result<QList<Token>>(state->tokens));
    state->promise.finish();
}

QFuture<Result<QList<Token>>> MagicBellProvider::listTokens(const ListRequest &request)
{
    if (!hasSecret(TokenField))
        return readyResult(Result<QList<Token>>(unauthorizedError()));
    auto state = std::make_shared<ListState>();
    state->subject = request.subject.trimmed();
    state->kind = state->subject.isEmpty() ? ProjectKind : UserKind;
    state->addressesAnId = !state->subject.isEmpty();
    state->promise.start();
    QFuture<Result<QList<Token>>> future = state->promise.future();
    fetchPage(state, listUrl(state->subject));
    return future;
}

void MagicBellProvider::fetchPage(const std::shared_ptr<ListState> &state, const QUrl &url)
{
    ApiRequest request = ApiRequest::get(url);
    request.withBearer(secret(TokenField));
    request.operation =
        state->subject.isEmpty() ? QStringLiteral("magicbell.list-project") : QStringLiteral("magicbell.list-user");
    state->visited.insert(url);
    ++state->pages;

    auto finishWithWarning = [this, state](const QString &message) {
        qCWarning(lcMagicBell) << "token list ended early:" << message;
        emit warning(message + QLatin1Char(' ') + incompleteListMessage(state->tokens.size()));
        finishList(state);
    };

    Async::then(api()->send(request), this, [this, state, url, finishWithWarning](Result<HttpResponse> response) {
        // A later page that fails is a paging problem of a list already under way (a cursor the server no longer
        // takes, a link it does not route): the pages read so far are shown, and the warning names the page.
        // Only the first page speaks for the route itself (e.g. the JWT routes being gone).
        const bool laterPage = state->pages > 1;
        if (!response) {
            if (laterPage) {
                finishWithWarning(tr("Page %1 of MagicBell's token list (%2) could not be read: %3")
                                      .arg(state->pages)
                                      .arg(pageText(url), response.error().fullMessage()));
                return;
            }
            const ApiError mapped = mapError(response.error(), state->addressesAnId);
            if (needsProbe(response.error(), state->addressesAnId)) {
                Async::then(probeRoutes(), this, [state, mapped](Result<HttpResponse> probe) {
                    state->promise.addResult(Result<QList<Token>>(explainNotFound(mapped, probe)));
                    state->promise.finish();
                });
                return;
            }
            if (mapped.kind() == ApiError::Kind::NotAvailable && state->subject.isEmpty()) {
                // Today's MagicBell: no project token list, but the user tokens signed here are still listed.
                emit warning(notAvailableMessage() + QLatin1Char(' ')
                    + tr("Listed: the user tokens TokenDesk signed for this project."));
                finishList(state);
                return;
            }
            state->promise.addResult(Result<QList<Token>>(mapped));
            state->promise.finish();
            return;
        }
        Result<MagicBellWire::TokenPage> page = MagicBellWire::parseTokenPage(response->body);
        if (!page) {
            if (laterPage) {
                finishWithWarning(tr("Page %1 of MagicBell's token list (%2) could not be read: %3")
                                      .arg(state->pages)
                                      .arg(pageText(url), page.error().fullMessage()));
                return;
            }
            state->promise.addResult(Result<QList<Token>>(page.error()));
            state->promise.finish();
            return;
        }
        for (const MagicBellWire::TokenInfo &info : page->data) {
            Token token = MagicBellWire::toToken(info, state->kind, state->subject);
            token.accountId = account().id;
            token.serverSkewMs = response->serverSkewMs;
            state->tokens.append(token);
        }
        if (page->next.isEmpty()) {
            finishList(state);
            return;
        }
        const QUrl next = resolveLink(page->next, url);
        const QUrl base = account().baseUrl;
        if (!next.isValid() || next.scheme() != base.scheme() || next.host() != base.host()
            || next.port() != base.port()) {
            // Never send the project token to another server.
            finishWithWarning(tr("The next-page link of page %1 of MagicBell's token list (%2) points to another "
                                 "server, so TokenDesk did not follow it.")
                                  .arg(state->pages)
                                  .arg(pageText(url)));
            return;
        }
        if (state->visited.contains(next)) {
            finishWithWarning(tr("The next-page link of page %1 of MagicBell's token list (%2) repeats an earlier "
                                 "page.")
                                  .arg(state->pages)
                                  .arg(pageText(url)));
            return;
        }
        if (state->pages >= maxPages()) {
            finishWithWarning(tr("MagicBell has more tokens than TokenDesk lists at once (%1 pages). Discard unused "
                                 "tokens to see the rest.")
                                  .arg(state->pages));
            return;
        }
        fetchPage(state, next);
    });
}

QString MagicBellProvider::incompleteListMessage(qsizetype shown)
{
    return tr("The list is incomplete: it shows the first %n token(s) only.", nullptr, int(shown));
}

QString MagicBellProvider::pageText(const QUrl &url)
{
    // Path and query only: the cursor names a token id, never a secret, and the host is the account's.
    return QStringLiteral("GET ") + url.toString(QUrl::RemoveScheme | QUrl::RemoveAuthority | QUrl::FullyEncoded);
}

QFuture<Result<CreatedToken>> MagicBellProvider::createToken(const CreateRequest &request)
{
    const QList<FieldError> errors = validateCreate(request);
    if (!errors.isEmpty()) {
        return readyResult(Result<CreatedToken>(ApiError::invalidInput(errors)));
    }
    if (requestKind(request) == SignedUserKind)
        return readyResult(signUserToken(request));
    if (!hasSecret(TokenField))
        return readyResult(Result<CreatedToken>(unauthorizedError()));

    const QString kind = requestKind(request);
    const QString name = request.value(QStringLiteral("name")).trimmed();
    QString ignored;
    const std::optional<qint64> expiry = expirySeconds(request.values.value(QStringLiteral("expiry")), &ignored);
    const QString email = request.value(QStringLiteral("email")).trimmed();
    const QString externalId = request.value(QStringLiteral("external_id")).trimmed();

    ApiRequest apiRequest = kind == UserKind
        ? ApiRequest::post(
            endpoint(QStringLiteral("/jwt/user")), MagicBellWire::userTokenRequest(email, externalId, name, expiry))
        : ApiRequest::post(endpoint(QStringLiteral("/jwt/project")), MagicBellWire::projectTokenRequest(name, expiry));
    apiRequest.withBearer(secret(TokenField));
    apiRequest.retryable = false; // a blind retry could mint two tokens
    apiRequest.operation =
        kind == UserKind ? QStringLiteral("magicbell.create-user") : QStringLiteral("magicbell.create-project");

    auto promise = std::make_shared<QPromise<Result<CreatedToken>>>();
    promise->start();
    QFuture<Result<CreatedToken>> future = promise->future();
    const QString subject = kind == UserKind ? (email.isEmpty() ? externalId : email) : QString();

    Async::then(
        api()->send(apiRequest), this, [this, promise, request, kind, name, subject, expiry](Result<HttpResponse> r) {
            if (!r) {
                const ApiError::Kind errorKind = r.error().kind();
                if (errorKind == ApiError::Kind::Network || errorKind == ApiError::Kind::Timeout) {
                    recoverLostCreate(promise, request, r.error());
                    return;
                }
                promise->addResult(Result<CreatedToken>(mapError(r.error(), false)));
                promise->finish();
                return;
            }
            Result<MagicBellWire::CreatedTokenInfo> parsed = MagicBellWire::parseCreatedToken(r->body);
            if (!parsed) {
                // A success status with an unreadable (e.g. truncated) body: the token may exist, as after a lost
                // reply.
                recoverLostCreate(promise, request, parsed.error());
                return;
            }
            CreatedToken created;
            created.value = parsed->token;
            Token &token = created.token;
            token.id = parsed->tokenId;
            token.kind = kind;
            token.label = name;
            token.subject = subject;
            token.accountId = account().id;
            token.created = parsed->createdAt;
            token.expires = parsed->expiresAt;
            token.serverSkewMs = r->serverSkewMs;
            if (expiry)
                token.lifetimeSeconds = double(*expiry);
            if (expiry && !parsed->expiresAt)
                created.notes.append(tr("MagicBell reported no expiry although one was requested."));
            if (!expiry && parsed->expiresAt)
                created.notes.append(tr("MagicBell set an expiry although none was requested."));
            promise->addResult(Result<CreatedToken>(created));
            promise->finish();
        });
    return future;
}

void MagicBellProvider::recoverLostCreate(const std::shared_ptr<QPromise<Result<CreatedToken>>> &promise,
    const CreateRequest &request, const ApiError &original)
{
    const QString kind = requestKind(request);
    const QString name = request.value(QStringLiteral("name")).trimmed();
    ApiError nothingFound = original;
    if (name.isEmpty()) {
        nothingFound.setUserMessage(original.userMessage() + QLatin1Char(' ')
            + tr("The token has no name, so TokenDesk cannot check whether MagicBell created it; list the tokens "
                 "before creating another one."));
        promise->addResult(Result<CreatedToken>(nothingFound));
        promise->finish();
        return;
    }
    ListRequest listRequest;
    if (kind == UserKind)
        listRequest.subject = userSubject(request);
    qCInfo(lcMagicBell) << "create reply lost; listing tokens to look for the new one";
    Async::then(listTokens(listRequest), this,
        [this, promise, original, name, nothingFound](Result<QList<Token>> list) mutable {
            if (!list) {
                nothingFound.setUserMessage(original.userMessage() + QLatin1Char(' ')
                    + tr("TokenDesk could not check whether MagicBell created the token (%1); list the tokens before "
                         "creating another one.")
                          .arg(list.error().userMessage()));
                promise->addResult(Result<CreatedToken>(nothingFound));
                promise->finish();
                return;
            }
            std::optional<Token> found;
            for (const Token &token : list.value()) {
                if (token.label != name || token.revoked)
                    continue;
                if (!found || (token.created && (!found->created || *token.created > *found->created)))
                    found = token;
            }
            if (!found) {
                nothingFound.setUserMessage(original.userMessage() + QLatin1Char(' ')
                    + tr("No token named \"%1\" was found on the server, so none was created.").arg(name));
                promise->addResult(Result<CreatedToken>(nothingFound));
                promise->finish();
                return;
            }
            ApiError lost(ApiError::Kind::Network, lostReplyMessage());
            QString details = tr("Token id %1, name \"%2\"").arg(found->id, found->label);
            if (found->created)
                details += tr(", created %1").arg(found->created->toString(Qt::ISODate));
            lost.setDetails(details);
            lost.setServerMessage(original.userMessage());
            promise->addResult(Result<CreatedToken>(lost));
            promise->finish();
        });
}

QString MagicBellProvider::revokeRefusal(const Token &token) const
{
    if (token.kind != SignedUserKind)
        return {};
    return tr("MagicBell cannot revoke a user token TokenDesk signed: it stays valid until it expires. Only rotating "
              "the project's secret key in MagicBell's dashboard invalidates it (and every other user token signed "
              "with that key).");
}

QString MagicBellProvider::subjectLabel() const
{
    return tr("MagicBell user id (the id MagicBell gave the user, not the email or external id)");
}

QFuture<Result<Done>> MagicBellProvider::revokeToken(const Token &token)
{
    if (const QString refusal = revokeRefusal(token); !refusal.isEmpty())
        return readyResult(Result<Done>(ApiError(ApiError::Kind::NotSupported, refusal)));
    if (token.id.isEmpty())
        return readyResult(
            Result<Done>(ApiError(ApiError::Kind::InvalidInput, tr("This token has no id to discard."))));
    if (!hasSecret(TokenField))
        return readyResult(Result<Done>(unauthorizedError()));
    ApiRequest request = ApiRequest::del(tokenUrl(token.kind, token.id));
    request.withBearer(secret(TokenField));
    request.operation =
        token.kind == UserKind ? QStringLiteral("magicbell.discard-user") : QStringLiteral("magicbell.discard-project");
    const QString asked = token.id;
    return Async::then(api()->send(request), this,
        [this, asked](Result<HttpResponse> response) -> QFuture<Result<Done>> {
            if (!response) {
                const ApiError mapped = mapError(response.error(), true);
                if (!needsProbe(response.error(), true))
                    return readyResult(Result<Done>(mapped));
                return Async::then(probeRoutes(), this,
                    [mapped](Result<HttpResponse> probe) { return Result<Done>(explainNotFound(mapped, probe)); });
            }
            return readyResult(confirmDiscard(asked, response.value()));
        })
        .unwrap();
}

Result<Done> MagicBellProvider::confirmDiscard(const QString &asked, const HttpResponse &response)
{
    Result<MagicBellWire::DiscardInfo> discarded = MagicBellWire::parseDiscard(response.body);
    if (!discarded)
        return discarded.error();
    // DiscardTokenResponse.token_id is required: an answer that names another token (or none) does not confirm
    // that the token asked for was discarded, so it may still be live.
    if (discarded->tokenId != asked) {
        ApiError unconfirmed(ApiError::Kind::MalformedResponse,
            discarded->tokenId.isEmpty()
                ? tr("MagicBell answered the discard of %1 without naming a token; it is not confirmed as "
                     "discarded and may still be valid.")
                      .arg(asked)
                : tr("MagicBell answered the discard of %1 with another token id (%2); %1 is not confirmed as "
                     "discarded and may still be valid.")
                      .arg(asked, discarded->tokenId),
            response.status);
        unconfirmed.setBody(response.body);
        return unconfirmed;
    }
    return Done {};
}

QString MagicBellProvider::revokeCall(const Token &token) const
{
    return describeCall("DELETE", tokenUrl(token.kind, token.id));
}

QString MagicBellProvider::signJwt(const QJsonObject &claims, const QString &secretKey)
{
    const QJsonObject header {
        {QStringLiteral("alg"), QStringLiteral("HS256")}, {QStringLiteral("typ"), QStringLiteral("JWT")}};
    const QByteArray signingInput = base64Url(QJsonDocument(header).toJson(QJsonDocument::Compact)) + '.'
        + base64Url(QJsonDocument(claims).toJson(QJsonDocument::Compact));
    const QByteArray signature =
        QMessageAuthenticationCode::hash(signingInput, secretKey.toUtf8(), QCryptographicHash::Sha256);
    return QString::fromLatin1(signingInput + '.' + base64Url(signature));
}

Result<CreatedToken> MagicBellProvider::signUserToken(const CreateRequest &request)
{
    QString ignored;
    const qint64 seconds = expirySeconds(request.values.value(QStringLiteral("expiry")), &ignored).value_or(0);
    const QString email = request.value(QStringLiteral("email")).trimmed();
    const QString externalId = request.value(QStringLiteral("external_id")).trimmed();
    const QString name = request.value(QStringLiteral("name")).trimmed();
    const qint64 issued = clock().now().toSecsSinceEpoch();
    const qint64 expires = issued + seconds;

    // The payload MagicBell documents for user authentication (user_email and/or user_external_id, api_key) plus
    // exp; iat as their jsonwebtoken example adds it.
    QJsonObject claims;
    if (!email.isEmpty())
        claims.insert(QStringLiteral("user_email"), email);
    if (!externalId.isEmpty())
        claims.insert(QStringLiteral("user_external_id"), externalId);
    claims.insert(QStringLiteral("api_key"), account().options.value(ApiKeyOption).toString().trimmed());
    claims.insert(QStringLiteral("iat"), issued);
    claims.insert(QStringLiteral("exp"), expires);

    CreatedToken created;
    created.value = signJwt(claims, secret(SecretKeyField));
    Token &token = created.token;
    token.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    token.kind = SignedUserKind;
    token.subject = email.isEmpty() ? externalId : email;
    token.label = name.isEmpty() ? tr("User token for %1").arg(token.subject) : name;
    token.accountId = account().id;
    token.created = UtcTime::fromSecs(issued);
    token.expires = UtcTime::fromSecs(expires);
    token.lifetimeSeconds = double(seconds);
    created.notes.append(revokeRefusal(token));
    qCDebug(lcMagicBell) << "signed a user token locally, expires in" << seconds << "s";

    // The ledger is the only list of these tokens (no value, only what identifies and times it).
    Ledger *ledger = context().ledger;
    if (!ledger) {
        created.notes.append(tr("TokenDesk keeps no ledger here, so this token will not be listed."));
        return created;
    }
    LedgerEntry entry;
    entry.accountId = account().id;
    entry.providerId = account().providerId;
    entry.kind = SignedUserKind;
    entry.tokenId = token.id;
    entry.label = token.label;
    entry.subject = token.subject;
    entry.created = *token.created;
    entry.expires = token.expires;
    entry.createdBy = account().name;
    if (ledger->record(entry) == 0) {
        qCWarning(lcMagicBell) << "could not record the signed user token in the ledger";
        created.notes.append(tr("TokenDesk could not record this token in its ledger: %1").arg(ledger->lastError()));
    }
    return created;
}

QList<Token> MagicBellProvider::signedTokensFromLedger() const
{
    QList<Token> tokens;
    Ledger *ledger = context().ledger;
    if (!ledger)
        return tokens;
    for (const LedgerEntry &entry : ledger->entries(account().id)) {
        if (entry.kind != SignedUserKind)
            continue;
        Token token = entry.toToken();
        token.accountId = account().id;
        tokens.append(token);
    }
    return tokens;
}

std::optional<CreateRequest> MagicBellProvider::rotationRequest(
    const Token &token, const QDateTime &, QString *refusal) const
{
    const QString kind = token.kind.isEmpty() ? ProjectKind : token.kind;
    if (kind == SignedUserKind) {
        // A successor would leave the old token valid until its expiry: that is no rotation (see docs/rotation.md).
        *refusal = revokeRefusal(token);
        return std::nullopt;
    }
    if (kind != ProjectKind && kind != UserKind) {
        *refusal = tr("MagicBell has no token of the kind \"%1\" to create.").arg(kind);
        return std::nullopt;
    }
    CreateRequest request;
    request.kind = kind;
    if (!token.label.isEmpty())
        request.values.insert(QStringLiteral("name"), token.label);
    else if (kind == ProjectKind)
        request.values.insert(QStringLiteral("name"), tr("Rotated project token"));
    // A token without an expiry never expires; its successor does not either.
    if (token.expires || token.lifetimeSeconds) {
        const std::optional<qint64> lifetime = lifetimeOf(token);
        if (!lifetime) {
            *refusal = tr("MagicBell did not report this token's lifetime, so its successor cannot get the same one.");
            return std::nullopt;
        }
        request.values.insert(QStringLiteral("expiry"), *lifetime);
    }
    if (kind == UserKind) {
        if (token.subject.isEmpty()) {
            *refusal = tr("This user token names no user, so its successor cannot be made for the same one.");
            return std::nullopt;
        }
        request.values.insert(
            looksLikeEmail(token.subject) ? QStringLiteral("email") : QStringLiteral("external_id"), token.subject);
    }
    return request;
}
