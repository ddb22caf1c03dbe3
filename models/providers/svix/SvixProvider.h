#pragma once

#include "providers/TokenProvider.h"

#include <QByteArray>
#include <QUrl>

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
    QString adminSessionId() const;
    QStringList appIds() const;

    QFuture<Result<QList<Token>>> listTokens(const ListRequest &request = {}) override;
    QList<TokenKindSpec> createKinds() const override;
    QList<FieldError> validateCreate(const CreateRequest &request) const override;
    QFuture<Result<CreatedToken>> createToken(const CreateRequest &request) override;
    QFuture<Result<Done>> expireAll(const ExpireAllRequest &request) override;
    QString expireAllCall(const ExpireAllRequest &request) const override;
    QStringList applicationIds() const override { return appIds(); }
    QFuture<Result<Done>> logoutToken(const QString &tokenValue) override;

    // createToken with a given idempotency key: one user action retried sends the same key (tests, retries).
    QFuture<Result<CreatedToken>> createTokenWithKey(const CreateRequest &request, const QByteArray &idempotencyKey);

    // Legacy routes (not in the TokenProvider interface). A 404 or 405 from a server without them finishes with
    // ApiError::Kind::NotAvailable.
    QFuture<Result<QString>> exchangeOneTimeToken(const QString &oneTimeToken);
    QFuture<Result<CreatedToken>> dashboardAccess(const QString &appId);

private:
    QUrl url(const QString &path) const;
    ApiRequest post(
        const QString &path, const QByteArray &body, const QByteArray &idempotencyKey, const QString &operation) const;
    ApiError mapError(const ApiError &error, bool legacyRoute) const;
    ApiError missingKeyError() const;
    void recordMinted(const CreateRequest &request, const QString &appId, const QString &sessionId,
        const QString &tokenId, const QString &label, const std::optional<QDateTime> &expires,
        const std::optional<QDateTime> &created, const QString &tokenValue, const QByteArray &idempotencyKey);
};
