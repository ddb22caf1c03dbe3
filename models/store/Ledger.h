#pragma once

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUuid>
#include <QVariantMap>

#include <optional>

class Database;
struct Token;

// Metadata of every token TokenDesk created, for services that cannot list tokens (Svix, NetSapiens
// delegated tokens). Never holds a token value.
struct LedgerEntry
{
    qint64 rowId = 0;
    QUuid accountId;
    QString providerId;
    QString kind; // "portal", "message", "delegated", ...
    QString tokenId; // id or jti when the service returns one; may be empty
    QString label;
    QString subject; // user, uid, or app id
    QString appId;
    QString sessionId;
    QDateTime created; // UTC
    std::optional<QDateTime> expires; // UTC (the expiry that was asked for, or decoded)
    std::optional<QDateTime> revoked; // UTC; set when revoked or expired early
    QString revokedReason; // "revoked", "expire-all", "logout"
    QString createdBy; // the signed-in user or the account name
    QVariantMap extra; // non-secret extras

    Token toToken() const;
};

class Ledger
{
public:
    explicit Ledger(Database *database);

    // Inserts the entry; returns its row id, or 0 with lastError() set.
    qint64 record(const LedgerEntry &entry);
    QList<LedgerEntry> entries(const QUuid &accountId) const;
    std::optional<LedgerEntry> find(const QUuid &accountId, const QString &tokenId) const;
    bool markRevoked(const QUuid &accountId, const QString &tokenId, const QDateTime &when,
        const QString &reason = QStringLiteral("revoked"));
    // Marks every unrevoked row of the account (optionally limited to an app and to session ids) as revoked
    // at `when` (e.g. now + grace period for Svix expire-all). Returns the number of rows changed.
    int markRevokedWhere(const QUuid &accountId, const QString &appId, const QStringList &sessionIds,
        const QDateTime &when, const QString &reason);
    // Marks every unrevoked row with this subject; returns the number changed.
    int markRevokedForSubject(
        const QUuid &accountId, const QString &subject, const QDateTime &when, const QString &reason);
    bool removeAccount(const QUuid &accountId);

    // Remembers that an alert (token + threshold) was shown, so it is not shown again.
    bool markNotified(const QUuid &accountId, const QString &tokenId, const QString &threshold);
    bool wasNotified(const QUuid &accountId, const QString &tokenId, const QString &threshold) const;

    QString lastError() const { return m_lastError; }

private:
    Database *m_db;
    mutable QString m_lastError;
};
