#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QList>
#include <QString>

// JSON shapes of Specter Desktop's /api/v1alpha/token/ routes (shared/contracts/specter.md). Pure functions: no
// network, no state. Numbers may be ints or floats; remaining life is 0 once expired.
namespace SpecterWire {

// One entry of the list's "jwt_tokens" object (keyed by token id).
struct ListedToken
{
    QString id;
    QString description;
    double lifeSeconds = 0; // jwt_token_life
    double remainingSeconds = 0; // jwt_token_remaining_life
};

// GET /api/v1alpha/token/<id>/ (note: "jwt_token_life_remaining" here, "jwt_token_remaining_life" in the list).
struct TokenDetails
{
    QString description;
    double lifeSeconds = 0;
    double remainingSeconds = 0;
    bool expired = false; // expiry_status == "Expired"
};

// 201 of POST /api/v1alpha/token/. `token` is the secret JWT.
struct CreatedInfo
{
    QString id;
    QString token;
    QString description;
    double lifeSeconds = 0;
};

Result<QList<ListedToken>> parseList(const QByteArray &body);
Result<TokenDetails> parseDetails(const QByteArray &body);
Result<CreatedInfo> parseCreated(const QByteArray &body);
QByteArray buildCreateBody(const QString &description, const QString &lifeText);

// The documented empty-list answer (status 404): {"message": "Tokens does not exist"}.
bool isEmptyListBody(const QByteArray &body);
// Specter's generic not-found handler answering `Accept: application/json`: status 200 {"error": "..."}.
bool isApiOffBody(const QByteArray &body);

} // namespace SpecterWire
