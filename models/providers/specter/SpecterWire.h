#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

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
// parseList() is parseListFast() when that reads the body, else parseListGeneric(). Both are public for the
// differential tests only.
// - parseListGeneric: through QJsonDocument, with the MalformedResponse details of every problem.
// - parseListFast: one pass over the bytes for the shape the contract documents (keys and ids in
//   plain ASCII, descriptions with simple escapes, strict JSON numbers). nullopt for anything else, valid or
//   not, so that parseListGeneric decides; when it answers, the answer equals parseListGeneric's (same
//   tokens, same order: QJsonObject's sorted keys, same doubles).
Result<QList<ListedToken>> parseListGeneric(const QByteArray &body);
std::optional<QList<ListedToken>> parseListFast(const QByteArray &body);
Result<TokenDetails> parseDetails(const QByteArray &body);
Result<CreatedInfo> parseCreated(const QByteArray &body);
QByteArray buildCreateBody(const QString &description, const QString &lifeText);

// The documented empty-list answer (status 404): {"message": "Tokens does not exist"}.
bool isEmptyListBody(const QByteArray &body);
// Specter's generic not-found handler answering `Accept: application/json`: status 200 {"error": "..."}.
bool isApiOffBody(const QByteArray &body);

} // namespace SpecterWire
