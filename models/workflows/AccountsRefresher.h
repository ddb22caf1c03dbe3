#pragma once

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimer>
#include <QUuid>

#include <chrono>
#include <functional>

class AccountTokens;
class Preferences;

// The scheduler of AccountTokens: refreshes the token lists of every usable account at once: at most
// maxInFlight AccountSession::refresh calls in flight, per-account progress and per-account errors that do
// not hold up the others. An interval timer (Preferences::refreshIntervalMinutes, 0 = off) re-runs it;
// refreshAll() always works. Runs never overlap: a manual refreshAll() during a run queues exactly one more
// run after it, a timer tick during a run is dropped.
//
// Accounts whose provider can neither list nor keep a ledger are skipped. An account whose provider needs a
// sign-in and is not signed in fails with "not signed in" (no sign-in is attempted in the background).
class AccountsRefresher : public QObject
{
    Q_OBJECT
public:
    using AccountIds = std::function<QList<QUuid>()>;

    // The lists go to `tokens`, which every view reads.
    AccountsRefresher(AccountIds accounts, AccountTokens *tokens, QObject *parent = nullptr);
    ~AccountsRefresher() override;

    AccountTokens *accountTokens() const { return m_tokens; }
    void setMaxInFlight(int n) { m_maxInFlight = qMax(1, n); }
    int maxInFlight() const { return m_maxInFlight; }

    // Follows the preferences' refresh interval (also after changed()). Null: the interval is left as is.
    void setPreferences(Preferences *preferences);
    // 0 (or less) stops the interval timer.
    void setInterval(std::chrono::milliseconds interval);
    std::chrono::milliseconds interval() const;
    bool isIntervalActive() const { return m_timer.isActive(); }

    bool isRunning() const { return m_running; }
    // Accounts of the current run not finished yet (queued or in flight), in start order.
    QList<QUuid> pendingAccounts() const;
    // Accounts whose last refresh failed, with the message shown to the user.
    QHash<QUuid, QString> errors() const { return m_errors; }
    // Forgets an account (removed from the configuration).
    void forget(const QUuid &accountId);
    int runCount() const { return m_runs; }

public slots:
    // Starts a run over every usable account. During a run, queues one more run; returns false then.
    bool refreshAll();

signals:
    void started(int accounts);
    void accountStarted(const QUuid &accountId);
    void accountFinished(const QUuid &accountId, bool ok, const QString &errorMessage);
    void allFinished();

private:
    void startNext();
    void startAccount(const QUuid &id);
    void finishAccount(const QUuid &id, bool ok, const QString &message);
    void onTimer();

    AccountIds m_accounts;
    AccountTokens *m_tokens;
    QPointer<Preferences> m_preferences;
    QTimer m_timer;
    int m_maxInFlight = 4;
    bool m_running = false;
    bool m_rerun = false;
    int m_runs = 0;
    QList<QUuid> m_queue;
    QList<QUuid> m_inFlight;
    QHash<QUuid, QString> m_errors;
};
