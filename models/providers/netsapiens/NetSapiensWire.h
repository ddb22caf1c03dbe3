#pragma once

#include "core/Result.h"
#include "core/Token.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QVariantMap>

#include <optional>

// JSON shapes of NetSapiens ns-api v2 /jwt (shared/contracts/netsapiens.md). Pure functions: no network, no state.
namespace NetSapiensWire {

// JwtRequestSuccess: {token} (original v2) or {token, refresh} (v45+). Both are secrets.
struct JwtPair
{
    QString token;
    QString refresh; // empty on servers before v45
};

// The MFA hints carried by an mfa_required token's claims (or a 403 body).
struct MfaHint
{
    QString vendor; // default "google"
    QString type; // default "authenticator"
};

// Request bodies.
QByteArray passwordGrant(
    const QString &clientId, const QString &clientSecret, const QString &username, const QString &password);
QByteArray mfaGrant(const QString &clientId, const QString &clientSecret, const QString &username,
    const QString &password, const QString &mfaType, const QString &mfaVendor, const QString &passcode,
    const QString &accessToken, const QString &nsIdType = QStringLiteral("subscriber"));
QByteArray refreshGrant(const QString &refresh);
QByteArray delegateRequest(const QString &user, const QString &domain);

Result<JwtPair> parseJwtSuccess(const QByteArray &body);
// GET /jwt: the claims object as a map (unknown claims kept).
Result<QVariantMap> parseClaims(const QByteArray &body);

// MFA needed when user_scope is "mfa_required" or mfa_type/mfa_vendor are present; nullopt otherwise.
std::optional<MfaHint> mfaHint(const QJsonObject &claims);

// Token metadata from a JWT's claims (jti, sub, iat, exp, time_out); never the value. kind: "session", "delegated".
Token tokenFromJwt(const QString &jwt, const QString &kind);

// ErrorResponse {code, message}; plain text (capped) when the body is not JSON; empty for an empty body, markup
// (HTML) or JSON without a message.
QString parseErrorMessage(const QByteArray &body);
constexpr int MaxErrorTextChars = 200;

// DomainName: [A-Za-z0-9._-]+ (max 64), or "*" (all domains) or "~" (my domain).
bool isValidDomain(const QString &domain);
// Percent-encodes a path segment, leaving the characters a segment may hold as they are ("1000@example").
QString encodePathSegment(const QString &segment);

} // namespace NetSapiensWire
