#pragma once

#include <QString>

// The Token::extra keys that more than one layer reads: written by a provider (or the ledger) and read by
// workflows, views or the CLI. A key only one provider's own code reads stays in that provider's folder; every
// key read outside it is named here, once. Values are never secrets (Token::extra is not one by contract).
namespace TokenExtra {
inline const QString JwtId = QStringLiteral("jti"); // the id a JWT carries (NetSapiens' jti)
inline const QString AppId = QStringLiteral("appId"); // Svix application of a portal or message token
inline const QString SessionId = QStringLiteral("sessionId"); // Svix portal session
inline const QString Domain = QStringLiteral("domain"); // NetSapiens domain of the token's user
inline const QString Email = QStringLiteral("email"); // MagicBell user token's email
inline const QString ExternalId = QStringLiteral("external_id"); // MagicBell user token's external id
inline const QString User = QStringLiteral("user"); // a user id named by the service
inline const QString Uid = QStringLiteral("uid"); // NetSapiens user@domain
inline const QString Source = QStringLiteral("source"); // "ledger": the row is TokenDesk's own record
inline const QString LedgerRowId = QStringLiteral("ledgerRowId"); // that record's row
inline const QString CreatedBy = QStringLiteral("createdBy");
inline const QString RevokedReason = QStringLiteral("revokedReason");
inline const QString ExpiredBy = QStringLiteral("expiredBy"); // "expire-all" when Svix's expire-all ended it
inline const QString FromLedger = QStringLiteral("ledger"); // the value of Source for ledger rows
} // namespace TokenExtra
