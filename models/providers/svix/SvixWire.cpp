#include "SvixWire.h"

#include "net/WireJson.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonObject>

namespace {

ApiError malformed(const QString &details)
{
    return WireJson::malformed(QStringLiteral("Svix"), details);
}

std::optional<QJsonObject> parseObject(const QByteArray &body)
{
    QString ignored; // the caller says what it expected
    return WireJson::parseObject(body, &ignored);
}

using WireJson::stringOrEmpty;

QJsonArray toArray(const QStringList &list)
{
    QJsonArray array;
    for (const QString &item : list)
        array.append(item);
    return array;
}

QString camelToSnake(const QString &name)
{
    QString out;
    for (const QChar c : name) {
        if (c.isUpper()) {
            if (!out.isEmpty())
                out.append(QLatin1Char('_'));
            out.append(c.toLower());
        } else {
            out.append(c);
        }
    }
    return out;
}

} // namespace

namespace SvixWire {

QUrl regionBaseUrl(const QString &apiKey)
{
    // As the official SDKs do (token.split(".")[1]): the part between the first and the second dot.
    const QStringList parts = apiKey.trimmed().split(QLatin1Char('.'));
    if (parts.size() >= 2) {
        const QString &region = parts.at(1);
        static const QStringList known = {QStringLiteral("us"), QStringLiteral("eu"), QStringLiteral("in"),
            QStringLiteral("ca"), QStringLiteral("au")};
        if (known.contains(region))
            return QUrl(QStringLiteral("https://api.%1.svix.com").arg(region));
    }
    return QUrl(QStringLiteral("https://api.svix.com"));
}

bool isOpenSourcePortalUrl(const QString &url)
{
    return url.trimmed() == QLatin1String(OpenSourcePortalUrl);
}

QByteArray portalAccessRequest(const PortalAccessIn &in)
{
    QJsonObject object;
    if (in.expiry)
        object.insert(QStringLiteral("expiry"), double(*in.expiry));
    if (!in.featureFlags.isEmpty())
        object.insert(QStringLiteral("featureFlags"), toArray(in.featureFlags));
    if (!in.sessionId.isEmpty())
        object.insert(QStringLiteral("sessionId"), in.sessionId);
    if (in.capabilities)
        object.insert(QStringLiteral("capabilities"), toArray(*in.capabilities));
    return WireJson::compact(object);
}

Result<PortalAccessOut> parsePortalAccess(const QByteArray &body)
{
    const auto object = parseObject(body);
    if (!object)
        return malformed(QStringLiteral("not a JSON object"));
    PortalAccessOut out;
    out.url = stringOrEmpty(object->value(QLatin1String("url")));
    out.token = stringOrEmpty(object->value(QLatin1String("token")));
    if (out.token.isEmpty())
        return malformed(QStringLiteral("no token"));
    return out;
}

QByteArray expireAllRequest(std::optional<qint64> graceSeconds, const QStringList &sessionIds)
{
    QJsonObject object;
    if (graceSeconds)
        object.insert(QStringLiteral("expiry"), double(*graceSeconds));
    if (!sessionIds.isEmpty())
        object.insert(QStringLiteral("sessionIds"), toArray(sessionIds));
    return WireJson::compact(object);
}

QByteArray createTokenRequest(const QString &name, std::optional<qint64> expirySeconds)
{
    QJsonObject object;
    object.insert(QStringLiteral("name"), name);
    if (expirySeconds)
        object.insert(QStringLiteral("expiry"), double(*expirySeconds));
    return WireJson::compact(object);
}

Result<ApiTokenOut> parseApiToken(const QByteArray &body)
{
    const auto object = parseObject(body);
    if (!object)
        return malformed(QStringLiteral("not a JSON object"));
    ApiTokenOut out;
    out.id = stringOrEmpty(object->value(QLatin1String("id")));
    out.token = stringOrEmpty(object->value(QLatin1String("token")));
    if (out.token.isEmpty())
        return malformed(QStringLiteral("no token"));
    out.createdAt = parseDateTime(object->value(QLatin1String("createdAt")));
    out.name = stringOrEmpty(object->value(QLatin1String("name")));
    out.expiresAt = parseDateTime(object->value(QLatin1String("expiresAt")));
    const QJsonValue scopes = object->value(QLatin1String("scopes"));
    if (scopes.isArray()) {
        QStringList list;
        for (const QJsonValue &scope : scopes.toArray())
            if (scope.isString())
                list.append(scope.toString());
        out.scopes = list;
    }
    return out;
}

Result<OneTimeTokenOut> parseOneTimeToken(const QByteArray &body)
{
    const auto object = parseObject(body);
    if (!object)
        return malformed(QStringLiteral("not a JSON object"));
    OneTimeTokenOut out;
    out.token = stringOrEmpty(object->value(QLatin1String("token")));
    if (out.token.isEmpty())
        return malformed(QStringLiteral("no token"));
    for (const QJsonValue &value : object->value(QLatin1String("capabilities")).toArray())
        if (value.isString())
            out.capabilities.append(value.toString());
    return out;
}

QByteArray oneTimeTokenRequest(const QString &oneTimeToken)
{
    return WireJson::compact({{QStringLiteral("oneTimeToken"), oneTimeToken}});
}

HttpError parseHttpError(const QByteArray &body)
{
    HttpError error;
    const auto object = parseObject(body);
    if (!object)
        return error;
    error.code = stringOrEmpty(object->value(QLatin1String("code")));
    error.detail = stringOrEmpty(object->value(QLatin1String("detail")));
    return error;
}

QString fieldKeyForLoc(const QStringList &loc)
{
    QStringList parts = loc;
    static const QStringList sections = {
        QStringLiteral("body"), QStringLiteral("query"), QStringLiteral("path"), QStringLiteral("header")};
    if (!parts.isEmpty() && sections.contains(parts.first()))
        parts.removeFirst();
    // The field is the first name after the section; array indexes ("sessionIds", "0") belong to it.
    for (const QString &part : std::as_const(parts)) {
        bool isIndex = false;
        part.toInt(&isIndex);
        if (!isIndex && !part.isEmpty())
            return camelToSnake(part);
    }
    return {};
}

QList<FieldError> parseValidationErrors(const QByteArray &body)
{
    QList<FieldError> errors;
    const auto object = parseObject(body);
    if (!object)
        return errors;
    const QJsonValue detail = object->value(QLatin1String("detail"));
    if (!detail.isArray())
        return errors;
    for (const QJsonValue &itemValue : detail.toArray()) {
        const QJsonObject item = itemValue.toObject();
        QStringList loc;
        for (const QJsonValue &part : item.value(QLatin1String("loc")).toArray())
            loc.append(part.isDouble() ? QString::number(part.toInteger()) : part.toString());
        FieldError error;
        error.field = fieldKeyForLoc(loc);
        error.message = stringOrEmpty(item.value(QLatin1String("msg")));
        if (error.message.isEmpty())
            error.message = stringOrEmpty(item.value(QLatin1String("type")));
        errors.append(error);
    }
    return errors;
}

std::optional<QDateTime> parseDateTime(const QJsonValue &value)
{
    return WireJson::parseDateTime(value);
}

QString tokenHashPrefix(const QString &tokenValue)
{
    const QByteArray hash = QCryptographicHash::hash(tokenValue.toUtf8(), QCryptographicHash::Sha256).toHex();
    return QString::fromLatin1(hash.left(16));
}

} // namespace SvixWire
