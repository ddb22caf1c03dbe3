#pragma once

#include "net/ApiClient.h"
#include "providers/TokenProvider.h"

// Specter Desktop's REST API tokens (shared/contracts/specter.md): HTTP Basic on every call, routes always with
// the trailing slash, the 404 empty list, generic 500s, and "REST API not enabled" detection.
class SpecterProvider final : public TokenProvider
{
    Q_OBJECT
public:
    SpecterProvider(const Account &account, const ProviderContext &context, QObject *parent = nullptr);

    // Response size cap of this provider's client (the token list is one unpaged body).
    static constexpr qint64 MaxResponseBytes = 32 * 1024 * 1024;

    static Capabilities staticCapabilities();
    // How Specter stores a user name it was given (lower case, spaces as "_").
    static QString storedUserName(const QString &name);
    Capabilities capabilities() const override { return staticCapabilities(); }

    QFuture<Result<QList<Token>>> listTokens(const ListRequest &request = {}) override;
    QList<TokenKindSpec> createKinds() const override;
    QList<FieldError> validateCreate(const CreateRequest &request) const override;
    QFuture<Result<CreatedToken>> createToken(const CreateRequest &request) override;
    QFuture<Result<Token>> tokenDetails(const Token &token) override;
    QFuture<Result<Done>> revokeToken(const Token &token) override;
    std::optional<CreateRequest> rotationRequest(
        const Token &token, const QDateTime &now, QString *refusal) const override;
    QString revokeCall(const Token &token) const override;
    // Bearer <value> on a route any authenticated user may call (GET /api/v1alpha/wallets/<unknown alias>/):
    // 401 = rejected, Specter's own answer past authentication = still accepted.
    QFuture<Result<TokenValueCheck>> checkTokenValue(const QString &value) override;

private:
    QString userName() const;
    ApiRequest authorized(ApiRequest request, const QString &operation) const;
    QUrl tokenUrl(const QString &tokenId) const;
    // Shared mapping: 401 -> Unauthorized with our sentence, and signInRequired.
    ApiError mapError(ApiError error);
    ApiError apiOffError() const;
    bool baseUrlEndsInApi() const;
    // Specter's generic 500 on create or list, with what is known to cause it; `checked` names what TokenDesk
    // validated itself before sending, so the message does not blame it.
    ApiError serverFailed(ApiError error, const QString &checked) const;
    // The list route gave an undocumented 404: ask the health route whether the REST API is on at all.
    QFuture<Result<QList<Token>>> diagnoseMissingApi(const ApiError &original);
    Token baseToken(const QString &id, const QString &description) const;
};
