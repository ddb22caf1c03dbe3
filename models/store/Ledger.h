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

// The fingerprint of a created token value (see core/TokenFingerprint), with what names the token.
struct FingerprintRecord
{
    qint64 rowId = 0;
    QUuid accountId;
    QString providerId;
    QString tokenId;
    QString kind;
    QString label;
    QString subject;
    QString mac; // hex HMAC-SHA256 of the value under the keychain's fingerprint key
    QString head; // first 4 characters (may be empty)
    QString tail; // last 4 characters (may be empty)
    QString jwtId; // jti / jwt_token_id (may be empty)
    QDateTime created; // UTC
    std::optional<QDateTime> expires; // UTC, the JWT's exp or the expiry the service reported
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

    // Fingerprints of created token values (table `fingerprints`). Returns the row id, or 0 with lastError().
    qint64 recordFingerprint(const FingerprintRecord &record);
    QList<FingerprintRecord> fingerprintsByMac(const QString &mac) const;
    QList<FingerprintRecord> fingerprintsByJwtId(const QString &jwtId) const;
    // Every fingerprint, for a leak scan (which matches many candidates against them in memory).
    QList<FingerprintRecord> allFingerprints() const;

    // Remembers that an alert (token + threshold) was shown, so it is not shown again.
    bool markNotified(const QUuid &accountId, const QString &tokenId, const QString &threshold);
    bool wasNotified(const QUuid &accountId, const QString &tokenId, const QString &threshold) const;

    QString lastError() const { return m_lastError; }

private:
    QList<FingerprintRecord> selectFingerprints(const QString &where, const QString &value) const;

    Database *m_db;
    mutable QString m_lastError;
};
