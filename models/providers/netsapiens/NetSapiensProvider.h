#pragma once

#include "NetSapiensWire.h"
#include "providers/TokenProvider.h"

#include <QDateTime>

#include <optional>

class QTimer;

// NetSapiens ns-api v2 JWT client (shared/contracts/netsapiens.md): password sign-in with an MFA passcode step
// (MFA is signalled inside the token's claims), the session JWT kept in memory (persisted through
// secretChanged("session"/"refresh") only when the account option "keep_signed_in" is true), v45 refresh with
// rotation, delegated tokens created with the API key and recorded in the ledger, and revocation by jti or uid.
class NetSapiensProvider : public TokenProvider
{
    Q_OBJECT
public:
    NetSapiensProvider(const Account &account, const ProviderContext &context, QObject *parent = nullptr);
    ~NetSapiensProvider() override;

    static Capabilities staticCapabilities();
    Capabilities capabilities() const override;

    bool isSignedIn() const override;
    QFuture<Result<SignInResult>> signIn() override;
    QFuture<Result<SignInResult>> submitMfa(const MfaChallenge &challenge, const QString &passcode) override;
    // DELETE /jwt/{refresh jti}, then DELETE /jwt, then GET /jwt with the old value. Fails with NotFound when
    // there is no session (nothing is sent), and with the reason when the server did not confirm that the
    // session and its refresh token are both ended.
    QFuture<Result<Done>> signOut() override;
    // True only with the account option "keep_signed_in".
    bool keepsSession() const override;
    std::optional<Token> credentialToken() const override;
    QFuture<Result<TokenInspection>> inspectCurrent() override;

    // The session token (when signed in) and the ledger's delegated tokens of this account.
    QFuture<Result<QList<Token>>> listTokens(const ListRequest &request = {}) override;
    QList<TokenKindSpec> createKinds() const override;
    QList<FieldError> validateCreate(const CreateRequest &request) const override;
    QFuture<Result<CreatedToken>> createToken(const CreateRequest &request) override;
    QFuture<Result<Done>> revokeToken(const Token &token) override;
    std::optional<CreateRequest> rotationRequest(
        const Token &token, const QDateTime &now, QString *refusal) const override;
    QString revokeCall(const Token &token) const override;
    QString revokeAllCall(const QString &subject) const override;
    bool acceptsSubject(const QString &subject) const override;
    QFuture<Result<Done>> revokeAllForSubject(const QString &uid) override;
    // GET /jwt with Authorization: Bearer <value>: 200 -> Accepted, 401/404 -> Rejected.
    QFuture<Result<TokenValueCheck>> checkTokenValue(const QString &value) override;

    // v45: POST /jwt {"refresh"}, rotating both tokens. Fails with NotSupported when the server gave no refresh JWT.
    QFuture<Result<Done>> refreshNow();
    // When the scheduled refresh (v45) or the "sign in again" warning (original v2) is due; nullopt if none.
    std::optional<QDateTime> scheduledRefreshAt() const { return m_dueAt; }
    bool canRefresh() const;
    // Acts on the schedule when the provider's clock has reached it (the timer calls this; tests call it after
    // advancing a TestClock).
    void checkSchedule();

    static constexpr qint64 RefreshLeadSeconds = 60; // v45: refresh this long before exp
    static constexpr int SignOutCheckTimeoutMs = 10'000; // the check of the old session after a sign-out
    static constexpr qint64 WarnLeadSeconds = 300; // original v2: ask to sign in again this long before exp
    static QString expiresSoonMessage();

private:
    void adoptSession(const NetSapiensWire::JwtPair &pair);
    void forgetSession();
    void schedule();
    bool keepSignedIn() const;
    QString sessionJti() const;
    QUrl jwtUrl(const QString &segment = {}) const;
    ApiError withServerMessage(ApiError error) const;
    // For calls made with the session JWT: a 401 ends the session and emits signInRequired.
    ApiError sessionError(ApiError error);
    // checkTokenValue() with a transfer timeout (0 = the client's default) and its own request-log label.
    QFuture<Result<TokenValueCheck>> askJwt(const QString &value, int timeoutMs, const QString &operation);
    Result<SignInResult> challengeFrom(const QString &token, const NetSapiensWire::MfaHint &hint) const;

    QTimer *m_timer = nullptr;
    std::optional<QDateTime> m_dueAt;
    bool m_refreshInFlight = false;
};
