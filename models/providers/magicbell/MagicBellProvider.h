#pragma once

#include "net/ApiClient.h"
#include "providers/TokenProvider.h"

#include <QJsonObject>
#include <QUrl>

#include <memory>

// MagicBell project API v2: project JWTs (list, create, discard) and user JWTs (create, list by user,
// discard), authenticated with a project JWT as a Bearer token. See shared/contracts/magicbell.md.
//
// The /jwt routes left MagicBell's published API in 2025: a 404 or 405 on them is reported as
// ApiError::Kind::NotAvailable (the account stays usable), not as a failure. What MagicBell documents today is
// that the customer signs user JWTs with the project's secret key: the "signed-user" kind does that locally and
// lists those tokens from the ledger (with the project tokens, or alone where the routes are gone).
class MagicBellProvider : public TokenProvider
{
    Q_OBJECT
public:
    MagicBellProvider(const Account &account, const ProviderContext &context, QObject *parent = nullptr);
    ~MagicBellProvider() override;

    static Capabilities staticCapabilities();
    Capabilities capabilities() const override;

    // The project JWT's metadata (expiry, project claim) for the sidebar.
    std::optional<Token> credentialToken() const override;

    // Project tokens, or the user tokens of request.subject. Follows links.next (absolute, or relative to the page
    // that carried it) up to maxPages() pages; when the cap is hit, a link cannot be followed (another origin)
    // or a later page fails, it finishes with the tokens so far and emits warning() naming the page and saying
    // the list is incomplete. Only a failure of the first page fails the list.
    QFuture<Result<QList<Token>>> listTokens(const ListRequest &request = {}) override;
    QList<TokenKindSpec> createKinds() const override;
    QList<FieldError> validateCreate(const CreateRequest &request) const override;
    // Never retried blindly: after a lost reply it lists the tokens and looks for one with the same name.
    QFuture<Result<CreatedToken>> createToken(const CreateRequest &request) override;
    // token.kind "user" discards a user token, anything else a project token.
    QFuture<Result<Done>> revokeToken(const Token &token) override;
    std::optional<CreateRequest> rotationRequest(
        const Token &token, const QDateTime &now, QString *refusal) const override;
    QString revokeCall(const Token &token) const override;
    // User tokens signed here (kind "signed-user") cannot be revoked: MagicBell never saw them.
    QString revokeRefusal(const Token &token) const override;
    QString subjectLabel() const override;

    // An HS256 JWT of `claims`, signed with the project's secret key as MagicBell verifies user tokens.
    static QString signJwt(const QJsonObject &claims, const QString &secretKey);

    static constexpr int MaxPages = 50;
    // The page cap: the account option "max_pages" (1 to MaxPages) when set, else MaxPages.
    int maxPages() const;
    static QString notAvailableMessage();
    static QString lostReplyMessage();

    // Expiry text ("1 hour") or integer seconds to whole seconds >= 1; nullopt for empty (never expires).
    // *error is set when the value cannot be used.
    static std::optional<qint64> expirySeconds(const QVariant &value, QString *error);

private:
    struct ListState;
    // Signs a user JWT locally (no network) and records it in the ledger, which is the only list of such tokens.
    Result<CreatedToken> signUserToken(const CreateRequest &request);
    QList<Token> signedTokensFromLedger() const;
    void finishList(const std::shared_ptr<ListState> &state);
    // A 404 on a route with an id: unknown id, or the JWT routes gone. probeRoutes() asks the id-less route and
    // explainNotFound() reads its answer (the readings are listed there).
    static bool needsProbe(const ApiError &error, bool addressesAnId);
    QFuture<Result<HttpResponse>> probeRoutes();
    static ApiError explainNotFound(ApiError notFound, const Result<HttpResponse> &probe);
    Result<Done> confirmDiscard(const QString &asked, const HttpResponse &response);
    void fetchPage(const std::shared_ptr<ListState> &state, const QUrl &url);
    // The page a links.next value names, resolved against the URL of the page that carried it.
    static QUrl resolveLink(const QString &link, const QUrl &current);
    static QString pageText(const QUrl &url);
    static QString incompleteListMessage(qsizetype shown);
    QUrl listUrl(const QString &subject) const;
    QUrl tokenUrl(const QString &kind, const QString &tokenId) const;
    ApiError mapError(ApiError error, bool addressesAnId) const;
    ApiError unauthorizedError() const;
    void recoverLostCreate(const std::shared_ptr<QPromise<Result<CreatedToken>>> &promise, const CreateRequest &request,
        const ApiError &original);
};
