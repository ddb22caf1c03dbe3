#include "WireJson.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonParseError>

namespace WireJson {

std::optional<QJsonObject> parseObject(const QByteArray &body, QString *problem)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *problem = QStringLiteral("not JSON: ") + parseError.errorString();
        return std::nullopt;
    }
    if (!document.isObject()) {
        *problem = QStringLiteral("not a JSON object");
        return std::nullopt;
    }
    return document.object();
}

QString stringOrEmpty(const QJsonValue &value)
{
    return value.isString() ? value.toString() : QString();
}

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

std::optional<QDateTime> parseDateTime(const QJsonValue &value)
{
    if (!value.isString())
        return std::nullopt;
    const QString text = value.toString().trimmed();
    if (text.isEmpty())
        return std::nullopt;
    QDateTime result = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!result.isValid())
        result = QDateTime::fromString(text, Qt::ISODate);
    if (!result.isValid())
        return std::nullopt;
    return result.toUTC();
}

ApiError malformed(const QString &serviceName, const QString &details)
{
    ApiError error(ApiError::Kind::MalformedResponse,
        QCoreApplication::translate("WireJson", "%1 sent a reply TokenDesk cannot read.").arg(serviceName));
    error.setDetails(details);
    return error;
}

} // namespace WireJson
