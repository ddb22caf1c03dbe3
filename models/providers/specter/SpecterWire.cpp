#include "SpecterWire.h"

#include "net/WireJson.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>

#include <algorithm>

namespace SpecterWire {

namespace {

ApiError malformed(const QString &details)
{
    return WireJson::malformed(QStringLiteral("Specter"), details);
}

using WireJson::parseObject;

// Seconds beyond this (about 3170 years, Duration's own cap) are read as this, so the millisecond arithmetic
// of remaining life cannot overflow on a server's absurd number (found by fuzz_specter_wire).
constexpr double MaxSeconds = 1e11;

// A required number of seconds (int or float), clamped to [0, MaxSeconds]: remaining life is 0 once expired.
bool readNumber(const QJsonObject &object, const QString &key, double *out, QString *problem)
{
    const QJsonValue value = object.value(key);
    if (!value.isDouble()) {
        *problem = key + QStringLiteral(" is missing or not a number");
        return false;
    }
    *out = std::clamp(value.toDouble(), 0.0, MaxSeconds);
    return true;
}

bool readString(const QJsonObject &object, const QString &key, QString *out, QString *problem)
{
    const QJsonValue value = object.value(key);
    if (!value.isString()) {
        *problem = key + QStringLiteral(" is missing or not a string");
        return false;
    }
    *out = value.toString();
    return true;
}

} // namespace

Result<QList<ListedToken>> parseList(const QByteArray &body)
{
    QString problem;
    const auto object = parseObject(body, &problem);
    if (!object)
        return malformed(problem);
    const QJsonValue tokensValue = object->value(QLatin1String("jwt_tokens"));
    if (!tokensValue.isObject())
        return malformed(QStringLiteral("jwt_tokens is missing or not an object"));
    const QJsonObject tokens = tokensValue.toObject();
    QList<ListedToken> result;
    result.reserve(tokens.size());
    for (auto it = tokens.constBegin(); it != tokens.constEnd(); ++it) {
        if (!it.value().isObject())
            return malformed(QStringLiteral("a jwt_tokens entry is not an object"));
        const QJsonObject entry = it.value().toObject();
        ListedToken token;
        token.id = it.key();
        if (token.id.isEmpty())
            return malformed(QStringLiteral("a jwt_tokens entry has an empty id"));
        if (!readString(entry, QStringLiteral("jwt_token_description"), &token.description, &problem)
            || !readNumber(entry, QStringLiteral("jwt_token_life"), &token.lifeSeconds, &problem)
            || !readNumber(entry, QStringLiteral("jwt_token_remaining_life"), &token.remainingSeconds, &problem))
            return malformed(problem);
        result.append(token);
    }
    return result;
}

Result<TokenDetails> parseDetails(const QByteArray &body)
{
    QString problem;
    const auto object = parseObject(body, &problem);
    if (!object)
        return malformed(problem);
    TokenDetails details;
    QString status;
    if (!readString(*object, QStringLiteral("jwt_token_description"), &details.description, &problem)
        || !readNumber(*object, QStringLiteral("jwt_token_life"), &details.lifeSeconds, &problem)
        || !readNumber(*object, QStringLiteral("jwt_token_life_remaining"), &details.remainingSeconds, &problem)
        || !readString(*object, QStringLiteral("expiry_status"), &status, &problem))
        return malformed(problem);
    if (status != QLatin1String("Valid") && status != QLatin1String("Expired"))
        return malformed(QStringLiteral("expiry_status is neither Valid nor Expired"));
    details.expired = status == QLatin1String("Expired");
    return details;
}

Result<CreatedInfo> parseCreated(const QByteArray &body)
{
    QString problem;
    const auto object = parseObject(body, &problem);
    if (!object)
        return malformed(problem);
    CreatedInfo info;
    if (!readString(*object, QStringLiteral("jwt_token_id"), &info.id, &problem)
        || !readString(*object, QStringLiteral("jwt_token"), &info.token, &problem))
        return malformed(problem);
    if (info.id.isEmpty() || info.token.isEmpty())
        return malformed(QStringLiteral("jwt_token_id or jwt_token is empty"));
    // Echoed fields are informative; tolerate their absence.
    info.description = object->value(QLatin1String("jwt_token_description")).toString();
    info.lifeSeconds = std::clamp(object->value(QLatin1String("jwt_token_life")).toDouble(), 0.0, MaxSeconds);
    return info;
}

QByteArray buildCreateBody(const QString &description, const QString &lifeText)
{
    const QJsonObject object {
        {QStringLiteral("jwt_token_description"), description}, {QStringLiteral("jwt_token_life"), lifeText}};
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

bool isEmptyListBody(const QByteArray &body)
{
    const QJsonDocument document = QJsonDocument::fromJson(body);
    // The one place a message string is matched: the contract documents this exact body for "no tokens".
    return document.isObject()
        && document.object().value(QLatin1String("message")).toString() == QLatin1String("Tokens does not exist");
}

bool isApiOffBody(const QByteArray &body)
{
    const QJsonDocument document = QJsonDocument::fromJson(body);
    return document.isObject() && document.object().contains(QLatin1String("error"));
}

} // namespace SpecterWire
