#pragma once

#include "core/Result.h"
#include "core/Token.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonValue>
#include <QList>
#include <QString>

#include <optional>

// JSON shapes of MagicBell's project API v2 JWT routes (shared/contracts/magicbell.md), named by role because
// the spec's own schema names changed meaning over time. Pure functions: no network, no state.
namespace MagicBellWire {

// One list item (AccessToken 2025 / FetchTokensResponseToken 2024 / Tokens 2024-08).
struct TokenInfo
{
    QString id; // "id" in list items
    QString name; // nullable
    std::optional<QDateTime> createdAt;
    std::optional<QDateTime> expiresAt; // absent or null = never expires
    std::optional<QDateTime> discardedAt; // set = discarded
};

// A list response: {"data":[...],"links":{...}} or the older unpaged {"tokens":[...]}.
struct TokenPage
{
    QList<TokenInfo> data;
    QString first;
    QString next; // empty = no next page (null or absent)
    QString prev;
};

// Create response (CreateTokenResponse 2025 / AccessToken before Apr 2025). `token` is the secret value.
struct CreatedTokenInfo
{
    QString token;
    QString tokenId;
    std::optional<QDateTime> createdAt;
    std::optional<QDateTime> expiresAt;
};

struct DiscardInfo
{
    QString tokenId;
    std::optional<QDateTime> discardedAt;
};

// RFC 3339 date-time with or without fractional seconds, "Z" or an offset; nullopt for null, absent or
// unreadable values.
std::optional<QDateTime> parseDateTime(const QJsonValue &value);

Result<TokenPage> parseTokenPage(const QByteArray &body);
Result<CreatedTokenInfo> parseCreatedToken(const QByteArray &body);
Result<DiscardInfo> parseDiscard(const QByteArray &body);

// The server's message from an error body: errors[].message (or errors[].code), then a top-level "message"
// or "error" string, then the text (HTML stripped) capped at MaxErrorTextChars. Empty for an empty body.
QString parseErrorMessage(const QByteArray &body);
// True when the body has MagicBell's {"errors":[...]} shape (an application-level error, not a bare route 404).
bool hasErrorsArray(const QByteArray &body);
constexpr int MaxErrorTextChars = 200;

// Request bodies. `expirySeconds` is omitted when nullopt (the token never expires).
QByteArray projectTokenRequest(const QString &name, std::optional<qint64> expirySeconds);
QByteArray userTokenRequest(
    const QString &email, const QString &externalId, const QString &name, std::optional<qint64> expirySeconds);

// Token metadata for the models. `kind` is "project" or "user"; `subject` the user the token acts for.
Token toToken(const TokenInfo &info, const QString &kind, const QString &subject = {});

} // namespace MagicBellWire
