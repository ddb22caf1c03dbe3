#pragma once

#include <QByteArray>
#include <QList>
#include <QMetaType>
#include <QString>

#include <optional>

// A message for one input field: local validation in dialogs and server-side validation (Svix 422).
struct FieldError
{
    QString field;
    QString message;
    friend bool operator==(const FieldError &, const FieldError &) = default;
};

// Every failure TokenDesk reports, from the network, a server, the keychain or bad input, is an ApiError.
// It is mapped once (ApiClient for HTTP) so the UI and the CLI never interpret raw codes themselves.
class ApiError
{
public:
    enum class Kind {
        None,
        Network, // connection refused, reset, DNS failure
        Timeout, // transfer timeout elapsed
        Cancelled, // aborted by the user or by shutdown
        Tls, // certificate or handshake problem (details carry subject and SHA-256 fingerprint)
        InsecureUrl, // plain http to a host that is not loopback
        RedirectRefused, // redirect to another origin
        TooLarge, // response above the size cap
        BadRequest, // 400
        Unauthorized, // 401: credentials missing, wrong or expired -> ask again
        Forbidden, // 403
        NotFound, // 404
        MethodNotAllowed, // 405
        Conflict, // 409
        Validation, // 422 (fieldErrors may be set)
        RateLimited, // 429 (retryAfterSeconds may be set)
        Server, // 5xx
        MalformedResponse, // body that does not match the contract
        NotAvailable, // the server does not offer this feature (e.g. MagicBell JWT routes gone)
        NotSupported, // the provider has no such operation
        MfaRequired, // sign-in needs a passcode
        Keychain, // the OS keychain failed
        InvalidInput, // local validation before anything was sent
        Storage, // local database or settings file failure
        Unknown,
    };

    ApiError() = default;
    explicit ApiError(Kind kind, QString userMessage = {}, int httpStatus = 0);

    Kind kind() const { return m_kind; }
    int httpStatus() const { return m_httpStatus; }
    bool isNone() const { return m_kind == Kind::None; }

    // Sentence for people. Falls back to a generic sentence for the kind when none was set.
    QString userMessage() const;
    void setUserMessage(const QString &message) { m_userMessage = message; }

    // The server's own message, parsed from its error body; for display next to the user message.
    QString serverMessage() const { return m_serverMessage; }
    void setServerMessage(const QString &message) { m_serverMessage = message; }

    // Technical details (e.g. certificate subject and fingerprint); never contains secrets.
    QString details() const { return m_details; }
    void setDetails(const QString &details) { m_details = details; }

    // The raw error body (capped), for provider-specific parsing. Never logged.
    QByteArray body() const { return m_body; }
    void setBody(const QByteArray &body) { m_body = body; }

    std::optional<int> retryAfterSeconds() const { return m_retryAfterSeconds; }
    void setRetryAfterSeconds(std::optional<int> seconds) { m_retryAfterSeconds = seconds; }

    QList<FieldError> fieldErrors() const { return m_fieldErrors; }
    void setFieldErrors(const QList<FieldError> &errors) { m_fieldErrors = errors; }

    // Stable machine name of the kind ("unauthorized", "not_found", ...) for the CLI's --json output.
    static QString kindName(Kind kind);
    // Generic sentence for a kind, used when no specific message is known.
    static QString defaultMessage(Kind kind, int httpStatus = 0);
    // Kind for an HTTP status code (400 -> BadRequest, 5xx -> Server, ...).
    static Kind kindForStatus(int httpStatus);
    // CLI exit code for this error: 3 authentication, 4 not found / not available, 1 otherwise.
    int exitCode() const;

    // Local validation failed before anything was sent: Kind::InvalidInput, the first message as the user
    // message, every message in fieldErrors().
    static ApiError invalidInput(const QList<FieldError> &errors);

    // A user message and, when present and different, the server's message, on one line; for Kind::Tls also
    // the details (the certificate's subject and SHA-256 fingerprint).
    QString fullMessage() const;

private:
    Kind m_kind = Kind::None;
    int m_httpStatus = 0;
    QString m_userMessage;
    QString m_serverMessage;
    QString m_details;
    QByteArray m_body;
    std::optional<int> m_retryAfterSeconds;
    QList<FieldError> m_fieldErrors;
};

Q_DECLARE_METATYPE(ApiError)
