#include "NetSapiensWire.h"

#include "core/UntrustedText.h"
#include "net/WireJson.h"

#include "core/Jwt.h"
#include "core/TokenExtra.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QRegularExpression>
#include <QUrl>

namespace NetSapiensWire {

namespace {

ApiError malformed(const QString &details)
{
    return WireJson::malformed(QStringLiteral("NetSapiens"), details);
}

using WireJson::parseObject;
using WireJson::stringOrEmpty;

} // namespace

QByteArray passwordGrant(
    const QString &clientId, const QString &clientSecret, const QString &username, const QString &password)
{
    return WireJson::compact({{QStringLiteral("grant_type"), QStringLiteral("password")},
        {QStringLiteral("client_id"), clientId}, {QStringLiteral("client_secret"), clientSecret},
        {QStringLiteral("username"), username}, {QStringLiteral("password"), password}});
}

QByteArray mfaGrant(const QString &clientId, const QString &clientSecret, const QString &username,
    const QString &password, const QString &mfaType, const QString &mfaVendor, const QString &passcode,
    const QString &accessToken, const QString &nsIdType)
{
    return WireJson::compact(
        {{QStringLiteral("grant_type"), QStringLiteral("mfa")}, {QStringLiteral("client_id"), clientId},
            {QStringLiteral("client_secret"), clientSecret}, {QStringLiteral("username"), username},
            {QStringLiteral("password"), password}, {QStringLiteral("mfa_type"), mfaType},
            {QStringLiteral("mfa_vendor"), mfaVendor}, {QStringLiteral("ns_id_type"), nsIdType},
            {QStringLiteral("passcode"), passcode}, {QStringLiteral("access_token"), accessToken}});
}

QByteArray refreshGrant(const QString &refresh)
{
    return WireJson::compact({{QStringLiteral("refresh"), refresh}});
}

QByteArray delegateRequest(const QString &user, const QString &domain)
{
    return WireJson::compact({{QStringLiteral("user"), user}, {QStringLiteral("domain"), domain}});
}

Result<JwtPair> parseJwtSuccess(const QByteArray &body)
{
    QString problem;
    const auto object = parseObject(body, &problem);
    if (!object)
        return malformed(QStringLiteral("jwt reply: ") + problem);
    JwtPair pair;
    pair.token = stringOrEmpty(object->value(QLatin1String("token")));
    pair.refresh = stringOrEmpty(object->value(QLatin1String("refresh")));
    if (pair.token.isEmpty())
        return malformed(QStringLiteral("jwt reply: \"token\" is missing"));
    return pair;
}

Result<QVariantMap> parseClaims(const QByteArray &body)
{
    QString problem;
    const auto object = parseObject(body, &problem);
    if (!object)
        return malformed(QStringLiteral("claims: ") + problem);
    // The registered claims TokenDesk reads must have their JWT types (RFC 7519: NumericDate, StringOrURI).
    for (const char *name : {"exp", "iat", "nbf"}) {
        const QJsonValue value = object->value(QLatin1String(name));
        if (!value.isUndefined() && !value.isNull() && !value.isDouble())
            return malformed(QStringLiteral("claims: \"%1\" is not a number").arg(QLatin1String(name)));
    }
    for (const char *name : {"sub", "jti"}) {
        const QJsonValue value = object->value(QLatin1String(name));
        if (!value.isUndefined() && !value.isNull() && !value.isString())
            return malformed(QStringLiteral("claims: \"%1\" is not a string").arg(QLatin1String(name)));
    }
    return object->toVariantMap();
}

std::optional<MfaHint> mfaHint(const QJsonObject &claims)
{
    const bool scopeSaysSo = stringOrEmpty(claims.value(QLatin1String("user_scope"))) == QLatin1String("mfa_required");
    const QString vendor = stringOrEmpty(claims.value(QLatin1String("mfa_vendor")));
    const QString type = stringOrEmpty(claims.value(QLatin1String("mfa_type")));
    if (!scopeSaysSo && vendor.isEmpty() && type.isEmpty())
        return std::nullopt;
    MfaHint hint;
    hint.vendor = vendor.isEmpty() ? QStringLiteral("google") : vendor;
    hint.type = type.isEmpty() ? QStringLiteral("authenticator") : type;
    return hint;
}

Token tokenFromJwt(const QString &jwt, const QString &kind)
{
    const Jwt decoded = Jwt::decode(jwt);
    Token token;
    token.kind = kind;
    if (!decoded.isValid())
        return token;
    token.id = decoded.id();
    token.subject = decoded.subject();
    token.created = decoded.issuedAt();
    token.expires = decoded.expiresAt();
    const QJsonObject claims = decoded.claims();
    const QString displayName = stringOrEmpty(claims.value(QLatin1String("displayName")));
    token.label = displayName.isEmpty() ? token.subject : displayName;
    const QString scope = stringOrEmpty(claims.value(QLatin1String("user_scope")));
    if (!scope.isEmpty())
        token.scopes = {scope};
    const double timeOutMs = claims.value(QLatin1String("time_out")).toDouble(0);
    if (timeOutMs > 0)
        token.lifetimeSeconds = timeOutMs / 1000.0;
    else if (token.created && token.expires && *token.expires > *token.created)
        token.lifetimeSeconds = double(token.created->secsTo(*token.expires));
    if (!token.id.isEmpty())
        token.extra.insert(TokenExtra::JwtId, token.id);
    for (const char *claim : {"domain", "territory", "user"}) {
        const QString value = stringOrEmpty(claims.value(QLatin1String(claim)));
        if (!value.isEmpty())
            token.extra.insert(QLatin1String(claim), value);
    }
    return token;
}

QString parseErrorMessage(const QByteArray &body)
{
    if (body.trimmed().isEmpty())
        return {};
    const QJsonDocument document = QJsonDocument::fromJson(body);
    if (document.isObject()) {
        const QString message = stringOrEmpty(document.object().value(QLatin1String("message")));
        if (!message.isEmpty())
            return message;
    }
    // Markup (a proxy's HTML page) or JSON without a message says nothing a person can use: no text, so the
    // message ApiClient extracted (tags stripped) stands.
    const QByteArray trimmed = body.trimmed();
    if (trimmed.startsWith('<') || trimmed.startsWith('{') || trimmed.startsWith('['))
        return {};
    const QString text = QString::fromUtf8(body).simplified();
    return UntrustedText::elided(text, MaxErrorTextChars);
}

bool isValidDomain(const QString &domain)
{
    static const QRegularExpression pattern(QStringLiteral("^([A-Za-z0-9._-]{1,64}|\\*|~)$"));
    return pattern.match(domain).hasMatch();
}

QString encodePathSegment(const QString &segment)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(segment, "!$&'()*+,;=:@-._~"));
}

} // namespace NetSapiensWire
