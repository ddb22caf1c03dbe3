#include "MagicBellWire.h"

#include "core/UntrustedText.h"
#include "net/ApiClient.h"
#include "net/WireJson.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

namespace MagicBellWire {

namespace {

ApiError malformed(const QString &details)
{
    return WireJson::malformed(QStringLiteral("MagicBell"), details);
}

using WireJson::parseObject;
using WireJson::stringOrEmpty;

} // namespace

std::optional<QDateTime> parseDateTime(const QJsonValue &value)
{
    return WireJson::parseDateTime(value);
}

Result<TokenPage> parseTokenPage(const QByteArray &body)
{
    QString problem;
    const auto object = parseObject(body, &problem);
    if (!object)
        return malformed(QStringLiteral("token list: ") + problem);

    // Current shape: "data" + "links"; Aug 2024 shape: "tokens" without paging. Both may be absent.
    QJsonValue items = object->value(QLatin1String("data"));
    if (items.isUndefined() || items.isNull())
        items = object->value(QLatin1String("tokens"));
    if (!items.isUndefined() && !items.isNull() && !items.isArray())
        return malformed(QStringLiteral("token list: \"data\" is not an array"));

    TokenPage page;
    const QJsonArray array = items.toArray();
    for (const QJsonValue &item : array) {
        if (!item.isObject())
            return malformed(QStringLiteral("token list: an item is not an object"));
        const QJsonObject token = item.toObject();
        for (const char *key : {"id", "token_id", "name"}) {
            const QJsonValue value = token.value(QLatin1String(key));
            if (!value.isUndefined() && !value.isNull() && !value.isString())
                return malformed(
                    QStringLiteral("token list: \"%1\" of an item is not a string").arg(QLatin1String(key)));
        }
        TokenInfo info;
        info.id = stringOrEmpty(token.value(QLatin1String("id")));
        if (info.id.isEmpty()) // some shapes may use token_id, as create and discard do
            info.id = stringOrEmpty(token.value(QLatin1String("token_id")));
        info.name = stringOrEmpty(token.value(QLatin1String("name")));
        info.createdAt = parseDateTime(token.value(QLatin1String("created_at")));
        info.expiresAt = parseDateTime(token.value(QLatin1String("expires_at")));
        info.discardedAt = parseDateTime(token.value(QLatin1String("discarded_at")));
        page.data.append(info);
    }

    const QJsonValue links = object->value(QLatin1String("links"));
    if (links.isObject()) {
        const QJsonObject linkObject = links.toObject();
        page.first = stringOrEmpty(linkObject.value(QLatin1String("first")));
        page.next = stringOrEmpty(linkObject.value(QLatin1String("next")));
        page.prev = stringOrEmpty(linkObject.value(QLatin1String("prev")));
    }
    return page;
}

Result<CreatedTokenInfo> parseCreatedToken(const QByteArray &body)
{
    QString problem;
    const auto object = parseObject(body, &problem);
    if (!object)
        return malformed(QStringLiteral("create reply: ") + problem);
    CreatedTokenInfo info;
    info.token = stringOrEmpty(object->value(QLatin1String("token")));
    info.tokenId = stringOrEmpty(object->value(QLatin1String("token_id")));
    if (info.tokenId.isEmpty())
        info.tokenId = stringOrEmpty(object->value(QLatin1String("id")));
    info.createdAt = parseDateTime(object->value(QLatin1String("created_at")));
    info.expiresAt = parseDateTime(object->value(QLatin1String("expires_at")));
    if (info.token.isEmpty())
        return malformed(QStringLiteral("create reply: \"token\" is missing"));
    if (info.tokenId.isEmpty())
        return malformed(QStringLiteral("create reply: \"token_id\" is missing"));
    return info;
}

Result<DiscardInfo> parseDiscard(const QByteArray &body)
{
    QString problem;
    const auto object = parseObject(body, &problem);
    if (!object)
        return malformed(QStringLiteral("discard reply: ") + problem);
    DiscardInfo info;
    info.tokenId = stringOrEmpty(object->value(QLatin1String("token_id")));
    info.discardedAt = parseDateTime(object->value(QLatin1String("discarded_at")));
    return info;
}

bool hasErrorsArray(const QByteArray &body)
{
    const QJsonDocument document = QJsonDocument::fromJson(body);
    return document.isObject() && document.object().value(QLatin1String("errors")).isArray();
}

QString parseErrorMessage(const QByteArray &body)
{
    if (body.trimmed().isEmpty())
        return {};
    const QJsonDocument document = QJsonDocument::fromJson(body);
    if (document.isObject()) {
        const QJsonObject object = document.object();
        QStringList messages;
        const QJsonArray errors = object.value(QLatin1String("errors")).toArray();
        for (const QJsonValue &entry : errors) {
            const QJsonObject error = entry.toObject();
            QString message = stringOrEmpty(error.value(QLatin1String("message")));
            if (message.isEmpty())
                message = stringOrEmpty(error.value(QLatin1String("code")));
            if (message.isEmpty() && entry.isString())
                message = entry.toString();
            if (!message.isEmpty())
                messages.append(message);
        }
        if (!messages.isEmpty())
            return messages.join(QLatin1Char(' '));
        for (const char *key : {"message", "error"}) {
            const QString message = stringOrEmpty(object.value(QLatin1String(key)));
            if (!message.isEmpty())
                return message;
        }
    }
    // Not MagicBell's JSON: plain text or a proxy's HTML page, with the markup stripped as ApiClient does.
    const QString text = ApiClient::serverMessageFromBody(body);
    return UntrustedText::elided(text, MaxErrorTextChars);
}

QByteArray projectTokenRequest(const QString &name, std::optional<qint64> expirySeconds)
{
    QJsonObject object;
    object.insert(QLatin1String("name"), name);
    if (expirySeconds)
        object.insert(QLatin1String("expiry"), *expirySeconds);
    return WireJson::compact(object);
}

QByteArray userTokenRequest(
    const QString &email, const QString &externalId, const QString &name, std::optional<qint64> expirySeconds)
{
    QJsonObject object;
    if (!email.isEmpty())
        object.insert(QLatin1String("email"), email);
    if (!externalId.isEmpty())
        object.insert(QLatin1String("external_id"), externalId);
    if (!name.isEmpty())
        object.insert(QLatin1String("name"), name);
    if (expirySeconds)
        object.insert(QLatin1String("expiry"), *expirySeconds);
    return WireJson::compact(object);
}

Token toToken(const TokenInfo &info, const QString &kind, const QString &subject)
{
    Token token;
    token.id = info.id;
    token.kind = kind;
    token.label = info.name;
    token.subject = subject;
    token.created = info.createdAt;
    token.expires = info.expiresAt;
    token.revoked = info.discardedAt;
    if (info.createdAt && info.expiresAt && *info.expiresAt > *info.createdAt)
        token.lifetimeSeconds = double(info.createdAt->secsTo(*info.expiresAt));
    return token;
}

} // namespace MagicBellWire
