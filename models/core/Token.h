#pragma once

#include <QDateTime>
#include <QMetaType>
#include <QString>
#include <QStringList>
#include <QUuid>
#include <QVariantMap>

#include <optional>

class Clock;

// Metadata of one token as a service (or the ledger) reports it. Never holds the token's secret value:
// a freshly created token's value travels only in CreatedToken, straight to the reveal dialog or stdout.
struct Token
{
    enum class Status { Active, Expiring, Expired, Revoked };

    QString id; // the id the service uses to address the token (uuid, jti, ...)
    QString kind; // provider-defined kind: "token", "project", "user", "session", "delegated", "portal", "message"
    QString label; // name or description
    QString subject; // who the token acts for (user, email, uid, app/session); empty when not known
    QUuid accountId; // the account it was listed from
    std::optional<QDateTime> created; // UTC
    std::optional<QDateTime> expires; // UTC, server time; nullopt = never expires or not known
    std::optional<QDateTime> lastUsed; // UTC
    std::optional<QDateTime> revoked; // UTC; set = revoked / discarded
    QStringList scopes;
    QVariantMap extra; // provider-specific, non-secret extras (jti, app id, session id, ...)

    // How remaining life is computed (one place, see remainingMs()):
    // - from `expires`, corrected by serverSkewMs (server clock minus local clock, from the Date header), or
    // - from a server-reported remaining time anchored to the monotonic clock at receipt.
    qint64 serverSkewMs = 0;
    std::optional<qint64> expiresAtMonotonicMs;
    // Total lifetime in seconds, so the bar can show the fraction left. nullopt when unknown.
    std::optional<double> lifetimeSeconds;

    // Set when the service says the token has expired but never said when (Specter reports "0 s left"): then
    // `expires` is empty and no expiry time is shown, rather than the time the list happened to be read.
    bool expiryUnreported = false;

    // Set while a rotation replaces this token: when the old token is (or was asked to be) revoked. Filled from
    // the ledger's rotations by AccountTokens, so every view shows the same "rotating" state.
    std::optional<QDateTime> rotationDue;

    // Anchors a server-reported remaining life (seconds, may be fractional) to the clock's monotonic time.
    // Zero or less means "expired at a time the service does not report" (expiryUnreported).
    void setRemainingLife(double remainingSeconds, const Clock &clock);
    // Replaces whatever the service reported with an absolute expiry known from elsewhere (a JWT's exp, the
    // ledger, an earlier list), in local UTC terms.
    void setKnownExpiry(const QDateTime &expiry);

    // Remaining milliseconds (0 once expired); nullopt when the token never expires or the expiry is unknown.
    std::optional<qint64> remainingMs(const Clock &clock) const;
    // Fraction of the lifetime left in [0, 1]; nullopt when it cannot be known.
    std::optional<double> lifeFraction(const Clock &clock) const;
    // Expiry in local UTC terms (skew-corrected), for display and sorting; nullopt when it never expires or the
    // time is not known (see expiryUnreported).
    std::optional<QDateTime> effectiveExpiry(const Clock &clock) const;

    // Expiring = under 25 % of its life left, or under `soonSeconds` (default 24 h).
    Status status(const Clock &clock, qint64 soonSeconds = 24 * 3600) const;
    static QString statusName(Status status); // "active", "expiring", "expired", "revoked"
};

// The result of a create: the metadata plus the secret value, which is shown once and never stored.
struct CreatedToken
{
    Token token;
    QString value; // the secret token value
    QString link; // a magic link, when the service returns one (Svix portal)
    QStringList notes; // extra lines to show with the reveal (e.g. "decoded exp differs from requested")
    // A second credential issued with the token (a NetSapiens v45 refresh JWT), shown once with it and listed
    // (ledger) under its own id; empty when the service issued none.
    QString refreshValue;
    QString refreshId;
    std::optional<QDateTime> refreshExpires;
};

Q_DECLARE_METATYPE(Token)
