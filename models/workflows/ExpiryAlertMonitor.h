#pragma once

#include "core/Token.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QSet>
#include <QString>
#include <QUuid>

#include <functional>
#include <optional>

class Clock;
class Ledger;

// One alert about one token: it crossed an expiring-soon threshold, or it expired.
struct ExpiryAlert
{
    enum class Kind { ExpiringSoon, Expired };
    Kind kind = Kind::ExpiringSoon;
    QUuid accountId;
    QString accountName;
    QString tokenKey; // the token's id, or a stable stand-in when it has none
    QString tokenLabel;
    qint64 thresholdSeconds = 0; // the threshold crossed; 0 for Expired
    qint64 remainingMs = 0;

    // "t86400" for a threshold, "expired" for the expiry: the key remembered in the ledger.
    QString thresholdKey() const;
    QString title() const; // short, for a notification title
    QString message() const; // one sentence, for a notification body or the banner
};

// A token expiring within a window, for the in-app banner.
struct UpcomingExpiry
{
    QUuid accountId;
    QString accountName;
    Token token;
    qint64 remainingMs = 0;
};

// Watches the tokens of every account (and each account's own credential token) and raises an alert when one
// crosses an expiring-soon threshold and when it expires. Each (account, token, threshold) is raised once:
// what was raised is remembered in the ledger, so a restart does not repeat it. When a token is first seen
// with several thresholds already crossed, one alert (the tightest threshold) is raised and all of them are
// remembered. Time comes from the injected clock, so tests never sleep.
class ExpiryAlertMonitor : public QObject
{
    Q_OBJECT
public:
    ExpiryAlertMonitor(Ledger *ledger, const Clock *clock, QObject *parent = nullptr);
    // The ledger is asked for when an alert is first checked against it: the window starts the monitor before
    // its first paint, and opening the database can wait until tokens are listed.
    ExpiryAlertMonitor(std::function<Ledger *()> ledger, const Clock *clock, QObject *parent = nullptr);
    ~ExpiryAlertMonitor() override;

    // Thresholds in seconds (any order; non-positive values are ignored).
    void setThresholds(const QList<qint64> &seconds);
    QList<qint64> thresholds() const { return m_thresholds; }
    void setAlertOnExpiry(bool on) { m_alertOnExpiry = on; }

    // Replaces what is known of one account: its listed tokens plus, optionally, its own credential token.
    void setTokens(const QUuid &accountId, const QString &accountName, const QList<Token> &tokens);
    void removeAccount(const QUuid &accountId);

    // Raises (alertRaised) and returns the alerts due now, and remembers them in the ledger.
    QList<ExpiryAlert> check();

    // Active tokens expiring within `withinSeconds`, soonest first (already-expired and revoked ones excluded).
    QList<UpcomingExpiry> upcoming(qint64 withinSeconds) const;

    static QString tokenKey(const Token &token);

signals:
    void alertRaised(const ExpiryAlert &alert);

private:
    struct AccountTokens
    {
        QString name;
        QList<Token> tokens;
    };
    bool wasNotified(const QUuid &accountId, const QString &key, const QString &threshold) const;
    void remember(const QUuid &accountId, const QString &key, const QString &threshold);

    Ledger *ledger() const;

    std::function<Ledger *()> m_ledger;
    const Clock *m_clock;
    QList<qint64> m_thresholds; // descending
    bool m_alertOnExpiry = true;
    QHash<QUuid, AccountTokens> m_accounts;
    QList<QUuid> m_order; // accounts in insertion order, so alerts come out in a stable order
    // Used when there is no ledger (and as a cache in front of it).
    mutable QSet<QString> m_notified;
};
