#pragma once

#include "core/ApiError.h"
#include "core/Result.h"
#include "core/Token.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <optional>

// JSON shapes of Svix's authentication API (shared/contracts/svix.md). camelCase on the wire; unset optionals
// are omitted when serializing; null and missing keys are accepted and unknown keys ignored when parsing.
// Pure functions: no network, no state.
namespace SvixWire {

// The region host the API key's suffix after the first '.' selects (us, eu, in, ca, au), else api.svix.com.
QUrl regionBaseUrl(const QString &apiKey);

// The fixed portal URL of the open-source (self-hosted) Svix server, which identifies it: that server ignores
// expiry, sessionId, readOnly and capabilities (every app-portal token lives 28 days with full access), does not
// route expire-all, create-message-token and one-time-token, and answers 501 to logout.
inline constexpr char OpenSourcePortalUrl[] = "https://docs.svix.com/app-portal/oss";
inline constexpr qint64 OpenSourcePortalLifetimeSeconds = 28 * 24 * 3600;
bool isOpenSourcePortalUrl(const QString &url);

// AppPortalAccessIn. The deprecated readOnly field is never sent: read-only access is capabilities ["ViewBase"].
struct PortalAccessIn
{
    std::optional<qint64> expiry; // seconds, 3600..604800
    QStringList featureFlags; // omitted when empty (the schema says minItems 1)
    QString sessionId; // omitted when empty
    std::optional<QStringList> capabilities; // omitted when nullopt (= all capabilities)
};
QByteArray portalAccessRequest(const PortalAccessIn &in);

struct PortalAccessOut
{
    QString url;
    QString token; // secret
};
Result<PortalAccessOut> parsePortalAccess(const QByteArray &body);

// ApplicationTokenExpireIn: expiry is a grace delay (0..259200 s); sessionIds omitted when empty.
QByteArray expireAllRequest(std::optional<qint64> graceSeconds, const QStringList &sessionIds);

// CreateTokenIn (create-message-token).
QByteArray createTokenRequest(const QString &name, std::optional<qint64> expirySeconds);

// ApiTokenOut (formerly AuthTokenOut).
struct ApiTokenOut
{
    QString id;
    QString token; // secret
    std::optional<QDateTime> createdAt;
    QString name; // null -> empty
    std::optional<QDateTime> expiresAt; // null = never expires
    std::optional<QStringList> scopes;
};
Result<ApiTokenOut> parseApiToken(const QByteArray &body);

// OneTimeTokenOut (legacy exchange).
struct OneTimeTokenOut
{
    QString token; // secret
    QStringList capabilities;
};
Result<OneTimeTokenOut> parseOneTimeToken(const QByteArray &body);
QByteArray oneTimeTokenRequest(const QString &oneTimeToken);

// HttpErrorOut {code, detail}; empty strings when the body has another shape.
struct HttpError
{
    QString code;
    QString detail;
};
HttpError parseHttpError(const QByteArray &body);

// HTTPValidationError {detail: [{loc, msg, type}]} mapped to TokenDesk field keys; empty when not that shape.
QList<FieldError> parseValidationErrors(const QByteArray &body);
// ["body","expiry"] -> "expiry", ["body","sessionId"] -> "session_id", ["path","app_id"] -> "app_id", ...
QString fieldKeyForLoc(const QStringList &loc);

// RFC 3339 with 0-9 fractional digits; nullopt for null, absent or unreadable values.
std::optional<QDateTime> parseDateTime(const QJsonValue &value);

// First 16 hex characters of the SHA-256 of a token value. It is not the secret (a one-way, truncated hash) and
// lets the ledger row of a token be matched when the token is later logged out.
QString tokenHashPrefix(const QString &tokenValue);

} // namespace SvixWire
