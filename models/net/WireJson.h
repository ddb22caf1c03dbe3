#pragma once

#include "core/ApiError.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

#include <optional>

// JSON helpers shared by every provider's Wire functions: reading an object from a body, RFC 3339 times, and
// the MalformedResponse error that says which service sent what.
namespace WireJson {

// The body as a JSON object; nullopt with *problem set ("not JSON: ...", "not a JSON object") otherwise.
std::optional<QJsonObject> parseObject(const QByteArray &body, QString *problem);

// RFC 3339 / ISO 8601 date-time (with or without fractional seconds, Z or an offset) as UTC; nullopt for null,
// missing, empty or unreadable values.
std::optional<QDateTime> parseDateTime(const QJsonValue &value);

// The value when it is a string; an empty string for anything else (null, missing, a number).
QString stringOrEmpty(const QJsonValue &value);

// The request body services read: compact JSON, no whitespace.
QByteArray compact(const QJsonObject &object);

// "<service> sent a reply TokenDesk cannot read." with `details` (what was wrong, never a secret).
ApiError malformed(const QString &serviceName, const QString &details);

} // namespace WireJson
