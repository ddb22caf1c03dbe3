#pragma once

#include "providers/TokenProvider.h"

#include <QByteArray>
#include <QUrl>

#include <optional>

struct ApiRequest;

// Svix authentication API (shared/contracts/svix.md): app-portal access tokens and message tokens, minted with
// the environment API key (Bearer), bulk expire-all per application and logout of a pasted portal token.
// Svix cannot list tokens, so every token minted here is recorded in the Ledger (never its value) and listed
// from there.
//
// Every POST carries an Idempotency-Key (a UUIDv4 per user action, never "auto_..."), so it is marked retryable:
// a retry of the same action sends the same key and Svix replays the first answer instead of minting again.
class SvixProvider : public TokenProvider
{
    Q_OBJECT
public:
    SvixProvider(const Account &account, const ProviderContext &context, QObject *parent = nullptr);
    ~SvixProvider() override;

    static Capabilities staticCapabilities();
    Capabilities capabilities() const override;

    // https://api.<region>.svix.com from the key's suffix after the first '.', else https://api.svix.com.
    static QUrl regionBaseUrl(const QString &apiKey);
    // The default admin session id: the OS user name sanitised to ^[a-zA-Z0-9@_-]{1,64}$.
    static QString defaultSessionId();
    static QString sanitizeSessionId(const QString &text);
    static bool isValidSessionId(const QString &text);
    // A fresh idempotency key: a UUIDv4 without braces.
    static QByteArray newIdempotencyKey();
    static QString notAvailableMessage();

    // The account's base URL when set, else the region host of the API key.
    QUrl baseUrl() const;
    // Whether the server is the open-source one: its app-portal-access answer carried the fixed OSS portal URL
    // (now, or in a token of this account recorded in the ledger). It then offers no expire-all, no message
    // tokens and no one-time-token exchange, and its portal tokens live 28 days with full access.
    bool isOpenSourceServer() const;
    static QString openSourceNote();
    QString adminSessionId() const;
    QStringList appIds() const;

    QFuture<Result<QList<Token>>> listTokens(const ListRequest &request = {}) override;
    QList<TokenKindSpec> createKinds() const override;
    QList<FieldError> validateCreate(const CreateRequest &request) const override;
    QFuture<Result<CreatedToken>> createToken(const CreateRequest &request) override;
    QFuture<Result<Done>> expireAll(const ExpireAllRequest &request) override;
    QString expireAllCall(const ExpireAllRequest &request) const override;
    std::optional<CreateRequest> rotationRequest(
        const Token &token, const QDateTime &now, QString *refusal) const override;
    std::optional<ExpireAllRequest> rotationExpiry(const Token &token, qint64 graceSeconds) const override;
    QStringList applicationIds() const override { return appIds(); }
    QFuture<Result<Done>> logoutToken(const QString &tokenValue) override;

    // createToken with a given idempotency key: one user action retried sends the same key (tests, retries).
    QFuture<Result<CreatedToken>> createTokenWithKey(const CreateRequest &request, const QByteArray &idempotencyKey);

    // Seed operations outside the TokenProvider interface: dashboard-access (removed from the cloud spec, still
    // routed by the OSS server) and the x-internal one-time-token exchange. A 404 or 405 from a server without
    // them finishes with ApiError::Kind::NotAvailable ("this server does not offer it").
    QFuture<Result<QString>> exchangeOneTimeToken(const QString &oneTimeToken);
    QFuture<Result<CreatedToken>> dashboardAccess(const QString &appId);

private:
    QUrl url(const QString &path) const;
    ApiRequest post(
        const QString &path, const QByteArray &body, const QByteArray &idempotencyKey, const QString &operation) const;
    // The same with another bearer than the API key (logout sends the app-portal token itself).
    ApiRequest post(const QString &path, const QByteArray &body, const QByteArray &idempotencyKey,
        const QString &operation, const QString &bearer) const;
    ApiError mapError(const ApiError &error, bool optionalRoute) const;
    ApiError notOfferedError() const;
    void noteServer(const QString &portalUrl);
    ApiError missingKeyError() const;
    void recordMinted(const CreateRequest &request, const QString &appId, const QString &sessionId,
        const QString &tokenId, const QString &label, const std::optional<QDateTime> &expires,
        const std::optional<QDateTime> &created, const QString &tokenValue, const QByteArray &idempotencyKey,
        const QVariantMap &extra = {});

    bool m_openSource = false;
    mutable std::optional<bool> m_ledgerSaysOpenSource; // read from the ledger once
};
