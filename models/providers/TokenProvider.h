#pragma once

#include "core/Account.h"
#include "core/FieldSpec.h"
#include "core/Result.h"
#include "core/Token.h"

#include <QDeadlineTimer>
#include <QFlags>
#include <QFuture>
#include <QHash>
#include <QObject>
#include <QVariantMap>
#include <optional>

class ApiClient;
class Clock;
class Ledger;
class QNetworkAccessManager;
class RequestLog;

// What a provider instance needs from its surroundings. All pointers outlive the provider.
struct ProviderContext
{
    QNetworkAccessManager *network = nullptr;
    const Clock *clock = nullptr;
    Ledger *ledger = nullptr; // may be null (then ledger-backed providers list nothing)
    RequestLog *requestLog = nullptr; // may be null
    // One deadline for every request of this provider (ApiClient::setDeadline); the CLI's --timeout.
    QDeadlineTimer deadline {QDeadlineTimer::Forever};
};

// Parameters of a create, keyed by FieldSpec::key of the chosen kind's fields.
struct CreateRequest
{
    QString kind;
    QVariantMap values;
    QString value(const QString &key) const { return values.value(key).toString(); }
};

// Narrows a list: MagicBell user tokens for one user, Svix ledger rows for one app.
struct ListRequest
{
    QString subject; // user id for MagicBell user tokens
    QString appId; // Svix application
};

// Svix expire-all and similar "expire everything of a scope after a grace period".
struct ExpireAllRequest
{
    QString appId;
    qint64 graceSeconds = 0;
    QStringList sessionIds;
};

// A passcode challenge raised by sign-in (NetSapiens MFA).
struct MfaChallenge
{
    QString vendor; // "google"
    QString type; // "authenticator"
    QString challengeToken; // the mfa_required token; secret, kept in memory only
    QString message; // server message to show (e.g. after a wrong passcode)
};

struct SignInResult
{
    bool mfaRequired = false;
    MfaChallenge challenge; // valid when mfaRequired
    std::optional<Token> session; // the session token's metadata when signed in
};

// The server's view of a JWT (NetSapiens GET /jwt).
struct TokenInspection
{
    QVariantMap claims; // as the server reports them
    std::optional<QDateTime> expires;
};

// Whether the server still accepts a token value the user pasted (verify after revoke).
struct TokenValueCheck
{
    enum class Verdict {
        Rejected, // the server refuses the value: the token is revoked, expired or was never valid
        Accepted, // the server still accepts it
        Unknown, // the server's answer allows both readings (detail says why)
    };
    Verdict verdict = Verdict::Unknown;
    QString tokenId; // when known: NetSapiens jti, Specter jwt_token_id
    QString detail; // one sentence for people; never the value
};

// One service account's client. Each provider lives in models/providers/<id>/ with the same shape:
// <Name>Provider (this interface), <Name>Wire (JSON parsing/serialization), <Name>Descriptor (registry entry).
//
// Every operation returns a QFuture<Result<T>>; a failed call leaves the provider's state unchanged.
// Operations a provider does not declare in capabilities() finish at once with Kind::NotSupported.
class TokenProvider : public QObject
{
    Q_OBJECT
public:
    enum class Capability {
        List = 1 << 0,
        Create = 1 << 1,
        Revoke = 1 << 2,
        RevokeAllForSubject = 1 << 3,
        ExpireAll = 1 << 4,
        SignIn = 1 << 5,
        Mfa = 1 << 6,
        InspectCurrent = 1 << 7,
        Refresh = 1 << 8,
        Details = 1 << 9,
        Logout = 1 << 10, // log out a token the user pastes (Svix)
        SignOut = 1 << 11, // end the account's own session (NetSapiens DELETE /jwt)
        LedgerBacked = 1 << 12, // the list comes from the local ledger, not the service
        ListBySubject = 1 << 13, // list tokens of one subject (MagicBell user tokens)
        VerifyValue = 1 << 14, // ask the server whether it still accepts a pasted token value (checkTokenValue)
    };
    Q_DECLARE_FLAGS(Capabilities, Capability)
    Q_FLAG(Capabilities)

    TokenProvider(const Account &account, const ProviderContext &context, QObject *parent = nullptr);
    ~TokenProvider() override;

    const Account &account() const { return m_account; }
    void setAccount(const Account &account);
    // Account option naming a PEM file of extra CA certificates trusted for this account's server (added to the
    // system ones, e.g. a company CA or a self-signed server). Not a secret; an unreadable file is logged and
    // the server's certificate error then says what was presented.
    static constexpr const char *CaFileOption = "ca_file";
    // Account option naming the one host plain http may go to (a home node on the LAN); set only with the user's
    // explicit consent, since everything sent to it, passwords included, can be read on the way.
    static constexpr const char *AllowHttpOption = "allow_http";
    // Account option with the account's ProxyPolicy ("" = the system's, "none", "socks5://HOST:PORT").
    static constexpr const char *ProxyOption = "proxy";
    virtual Capabilities capabilities() const = 0;
    bool can(Capability capability) const { return capabilities().testFlag(capability); }

    // Secrets (keychain fields), handed over by AccountSession after reading the keychain.
    void setSecret(const QString &field, const QString &value);
    QString secret(const QString &field) const;
    bool hasSecret(const QString &field) const;
    void clearSecrets();

    // Sign-in (providers with SignIn); others are always signed in.
    virtual bool isSignedIn() const;
    virtual QFuture<Result<SignInResult>> signIn();
    virtual QFuture<Result<SignInResult>> submitMfa(const MfaChallenge &challenge, const QString &passcode);
    virtual QFuture<Result<Done>> signOut();
    // Whether a session obtained by signIn() is meant to outlive the process (persisted through secretChanged).
    // When false, a short-lived client (the CLI) ends the session before it exits rather than leave it live.
    virtual bool keepsSession() const { return true; }
    // Metadata of the account's own credential (session JWT, project JWT) for the sidebar; nullopt if none.
    virtual std::optional<Token> credentialToken() const;
    virtual QFuture<Result<TokenInspection>> inspectCurrent();

    virtual QFuture<Result<QList<Token>>> listTokens(const ListRequest &request = {});
    virtual QList<TokenKindSpec> createKinds() const;
    // Local validation of a create (required fields, ranges, Duration text); empty = valid.
    virtual QList<FieldError> validateCreate(const CreateRequest &request) const;
    virtual QFuture<Result<CreatedToken>> createToken(const CreateRequest &request);
    virtual QFuture<Result<Token>> tokenDetails(const Token &token);
    virtual QFuture<Result<Done>> revokeToken(const Token &token);
    virtual QFuture<Result<Done>> revokeAllForSubject(const QString &subject);
    virtual QFuture<Result<Done>> expireAll(const ExpireAllRequest &request);
    virtual QFuture<Result<Done>> logoutToken(const QString &tokenValue);
    // Asks the server whether it still accepts `value` (providers with VerifyValue). The value is used for this
    // one call only: never logged, stored or put in the result. A verdict is a success; an error means the
    // server could not be asked (network, 5xx, bad input).
    virtual QFuture<Result<TokenValueCheck>> checkTokenValue(const QString &value);
    // A pasted token value fit for an Authorization header: visible ASCII only (no spaces, no line breaks that
    // would split the header). An InvalidInput error for the "token" field otherwise.
    static std::optional<ApiError> pastedValueError(const QString &trimmedValue);

    // The HTTP call an operation would make, for previews (bulk revoke, break-glass): "DELETE https://…/x".
    // Never contains a secret. Empty when the provider cannot do it.
    virtual QString revokeCall(const Token &token) const;
    virtual QString revokeAllCall(const QString &subject) const;
    virtual QString expireAllCall(const ExpireAllRequest &request) const;
    // Whether `subject` is in the form revokeAllForSubject() takes (NetSapiens: user@domain).
    virtual bool acceptsSubject(const QString &subject) const;
    // Why this token cannot be revoked at all (a MagicBell user JWT signed locally: no service knows it), for the
    // disabled Revoke action and the CLI's refusal; empty when it can be. revokeToken() refuses it with this text.
    virtual QString revokeRefusal(const Token &token) const;
    // Rotation: the create that makes a successor of `token` with its settings (name, lifetime, kind, flags), or
    // nullopt with *refusal saying why this token cannot be rotated (no such create, not revocable, unknown
    // lifetime). `now` names the successor where the service wants distinct names (Specter descriptions).
    virtual std::optional<CreateRequest> rotationRequest(
        const Token &token, const QDateTime &now, QString *refusal) const;
    // How the old token ends after a rotation when the service cannot revoke it by id but can expire a scope
    // after a grace period of its own (Svix: expire-all of the old session); nullopt when revokeToken() is the way
    // or the service cannot take this grace period.
    virtual std::optional<ExpireAllRequest> rotationExpiry(const Token &token, qint64 graceSeconds) const;
    // What a ListRequest's subject is, as the list-by-user prompt and the CLI name it.
    virtual QString subjectLabel() const;
    // The applications expireAll() works on that the account knows of (Svix app ids); empty elsewhere.
    virtual QStringList applicationIds() const;

    ApiClient *api() const { return m_api; }
    const Clock &clock() const;
    const ProviderContext &context() const { return m_context; }

signals:
    // The account's own credential changed (signed in, refreshed, signed out).
    void credentialChanged();
    // A secret the provider rotated (refresh token, session JWT) that the owner may persist; empty = remove.
    void secretChanged(const QString &field, const QString &value);
    // The session ended and sign-in is needed again (401, refresh failed); reason is for the user.
    void signInRequired(const QString &reason);
    // A non-fatal notice about the last operation, which still succeeded (e.g. a list cut short at a page
    // cap: the tokens returned are incomplete). For the user: the GUI shows it in the status bar, the CLI on
    // stderr. Never holds a secret.
    void warning(const QString &message);

protected:
    template<typename T> static QFuture<Result<T>> notSupported()
    {
        return readyResult(Result<T>(ApiError(ApiError::Kind::NotSupported)));
    }
    // "METHOD url" for the *Call() previews; user info is never shown.
    static QString describeCall(const char *method, const QUrl &url);
    // A token's whole lifetime in seconds (reported, or from its creation and expiry); nullopt when unknown.
    static std::optional<qint64> lifetimeOf(const Token &token);
    // Joins a path to the account's base URL, keeping the base path ("/ns-api/v2" + "/jwt").
    QUrl endpoint(const QString &path) const;
    // The same on another base (Svix: the region host its API key picks when the account names none); the base's
    // query and fragment are dropped.
    static QUrl endpoint(const QUrl &base, const QString &path);

private:
    // The account's connection options (CA file, plain-http host, proxy) into the client.
    void applyAccountConnection();

    Account m_account;
    ProviderContext m_context;
    ApiClient *m_api;
    QHash<QString, QString> m_secrets;
};

Q_DECLARE_OPERATORS_FOR_FLAGS(TokenProvider::Capabilities)
