#include "ApiError.h"

#include <QCoreApplication>

ApiError::ApiError(Kind kind, QString userMessage, int httpStatus)
    : m_kind(kind)
    , m_httpStatus(httpStatus)
    , m_userMessage(std::move(userMessage))
{ }

QString ApiError::userMessage() const
{
    if (!m_userMessage.isEmpty())
        return m_userMessage;
    return defaultMessage(m_kind, m_httpStatus);
}

QString ApiError::kindName(Kind kind)
{
    switch (kind) {
    case Kind::None:
        return QStringLiteral("none");
    case Kind::Network:
        return QStringLiteral("network");
    case Kind::Timeout:
        return QStringLiteral("timeout");
    case Kind::Cancelled:
        return QStringLiteral("cancelled");
    case Kind::Tls:
        return QStringLiteral("tls");
    case Kind::InsecureUrl:
        return QStringLiteral("insecure_url");
    case Kind::RedirectRefused:
        return QStringLiteral("redirect_refused");
    case Kind::TooLarge:
        return QStringLiteral("too_large");
    case Kind::BadRequest:
        return QStringLiteral("bad_request");
    case Kind::Unauthorized:
        return QStringLiteral("unauthorized");
    case Kind::Forbidden:
        return QStringLiteral("forbidden");
    case Kind::NotFound:
        return QStringLiteral("not_found");
    case Kind::MethodNotAllowed:
        return QStringLiteral("method_not_allowed");
    case Kind::Conflict:
        return QStringLiteral("conflict");
    case Kind::Validation:
        return QStringLiteral("validation");
    case Kind::RateLimited:
        return QStringLiteral("rate_limited");
    case Kind::Server:
        return QStringLiteral("server");
    case Kind::MalformedResponse:
        return QStringLiteral("malformed_response");
    case Kind::NotAvailable:
        return QStringLiteral("not_available");
    case Kind::NotSupported:
        return QStringLiteral("not_supported");
    case Kind::MfaRequired:
        return QStringLiteral("mfa_required");
    case Kind::Keychain:
        return QStringLiteral("keychain");
    case Kind::InvalidInput:
        return QStringLiteral("invalid_input");
    case Kind::Storage:
        return QStringLiteral("storage");
    case Kind::Unknown:
        return QStringLiteral("unknown");
    }
    return QStringLiteral("unknown");
}

QString ApiError::defaultMessage(Kind kind, int httpStatus)
{
    switch (kind) {
    case Kind::None:
        return QCoreApplication::translate("ApiError", "No error.");
    case Kind::Network:
        return QCoreApplication::translate(
            "ApiError", "Could not reach the server. Check the address and the network connection.");
    case Kind::Timeout:
        return QCoreApplication::translate("ApiError", "The server did not answer in time.");
    case Kind::Cancelled:
        return QCoreApplication::translate("ApiError", "The operation was cancelled.");
    case Kind::Tls:
        return QCoreApplication::translate(
            "ApiError", "The secure connection could not be established: the server's certificate is not trusted.");
    case Kind::InsecureUrl:
        return QCoreApplication::translate(
            "ApiError", "Plain http is only allowed for this computer (localhost); use https for other hosts.");
    case Kind::RedirectRefused:
        return QCoreApplication::translate(
            "ApiError", "The server redirected the request to another address, which TokenDesk does not follow.");
    case Kind::TooLarge:
        return QCoreApplication::translate("ApiError", "The server's reply was too large.");
    case Kind::BadRequest:
        return QCoreApplication::translate("ApiError", "The server rejected the request as invalid.");
    case Kind::Unauthorized:
        return QCoreApplication::translate("ApiError", "The server refused the credentials. Sign in again.");
    case Kind::Forbidden:
        return QCoreApplication::translate("ApiError", "The account is not allowed to do this. Check its permissions.");
    case Kind::NotFound:
        return QCoreApplication::translate("ApiError", "The server could not find what was asked for.");
    case Kind::MethodNotAllowed:
        return QCoreApplication::translate("ApiError", "The server does not allow this operation here.");
    case Kind::Conflict:
        return QCoreApplication::translate("ApiError", "The request conflicts with the current state on the server.");
    case Kind::Validation:
        return QCoreApplication::translate("ApiError", "The server did not accept some of the values.");
    case Kind::RateLimited:
        return QCoreApplication::translate("ApiError", "Too many requests. Wait a moment and try again.");
    case Kind::Server:
        if (httpStatus >= 500 && httpStatus <= 599)
            return QCoreApplication::translate("ApiError", "The server had an internal error (HTTP %1).")
                .arg(httpStatus);
        return QCoreApplication::translate("ApiError", "The server had an internal error (HTTP 5xx).");
    case Kind::MalformedResponse:
        return QCoreApplication::translate("ApiError", "The server's reply could not be read.");
    case Kind::NotAvailable:
        return QCoreApplication::translate("ApiError", "This feature is not available on this server.");
    case Kind::NotSupported:
        return QCoreApplication::translate("ApiError", "This service does not support this operation.");
    case Kind::MfaRequired:
        return QCoreApplication::translate("ApiError", "Signing in needs a one-time passcode.");
    case Kind::Keychain:
        return QCoreApplication::translate("ApiError", "The system keychain could not store or read the secret.");
    case Kind::InvalidInput:
        return QCoreApplication::translate("ApiError", "Some of the values entered are not valid.");
    case Kind::Storage:
        return QCoreApplication::translate("ApiError", "TokenDesk could not read or write its local data.");
    case Kind::Unknown:
        break;
    }
    if (httpStatus > 0)
        return QCoreApplication::translate("ApiError", "The server answered with an unexpected status (HTTP %1).")
            .arg(httpStatus);
    return QCoreApplication::translate("ApiError", "An unexpected error occurred.");
}

ApiError::Kind ApiError::kindForStatus(int httpStatus)
{
    if (httpStatus >= 200 && httpStatus <= 299)
        return Kind::None;
    switch (httpStatus) {
    case 400:
        return Kind::BadRequest;
    case 401:
        return Kind::Unauthorized;
    case 403:
        return Kind::Forbidden;
    case 404:
    case 410:
        return Kind::NotFound;
    case 405:
        return Kind::MethodNotAllowed;
    case 408:
        return Kind::Timeout;
    case 409:
        return Kind::Conflict;
    case 413:
        return Kind::TooLarge;
    case 422:
        return Kind::Validation;
    case 429:
        return Kind::RateLimited;
    default:
        break;
    }
    if (httpStatus >= 300 && httpStatus <= 399)
        return Kind::RedirectRefused; // a redirect that reached the caller was not followed
    if (httpStatus >= 400 && httpStatus <= 499)
        return Kind::BadRequest;
    if (httpStatus >= 500 && httpStatus <= 599)
        return Kind::Server;
    return Kind::Unknown;
}

int ApiError::exitCode() const
{
    switch (m_kind) {
    case Kind::None:
        return 0;
    case Kind::Unauthorized:
    case Kind::Forbidden:
    case Kind::MfaRequired:
        return 3;
    case Kind::NotFound:
    case Kind::NotAvailable:
    case Kind::NotSupported:
    case Kind::MethodNotAllowed:
        return 4;
    case Kind::InvalidInput:
        return 2;
    default:
        return 1;
    }
}

QString ApiError::fullMessage() const
{
    QString user = userMessage();
    // A certificate problem is only actionable with what the server presented (subject, SHA-256 fingerprint),
    // so the details go with the message wherever it is shown (CLI stderr, the window's error line).
    if (m_kind == Kind::Tls && !m_details.trimmed().isEmpty())
        user = QCoreApplication::translate("ApiError", "%1 %2").arg(user, m_details.trimmed());
    const QString server = m_serverMessage.trimmed();
    if (server.isEmpty() || server == user)
        return user;
    return QCoreApplication::translate("ApiError", "%1 (Server: %2)").arg(user, server);
}

ApiError ApiError::invalidInput(const QList<FieldError> &errors)
{
    ApiError error(Kind::InvalidInput, errors.isEmpty() ? QString() : errors.constFirst().message);
    error.setFieldErrors(errors);
    return error;
}
