#pragma once

#include "core/Result.h"
#include "workflows/TokenRotation.h"

#include <QFuture>
#include <QList>
#include <QObject>
#include <QUuid>

#include <functional>

class AccountSession;
class AuditLog;
class Clock;
class QTimer;
class RotationStore;

// Finishes the rotations whose grace period is over, from the ledger (RotationStore), so a rotation survives a
// restart: the window arms a timer for the earliest due one (watch()), the CLI finishes the due ones on demand
// (`rotate ACCOUNT --finish-due`, for cron).
class RotationFinisher : public QObject
{
    Q_OBJECT
public:
    using SessionLookup = std::function<AccountSession *(const QUuid &accountId)>;
    // Loads an account's secrets before its first use (the GUI passes AccountController::prepare).
    using Prepare = std::function<QFuture<Result<Done>>(const QUuid &accountId)>;

    RotationFinisher(
        SessionLookup sessions, RotationStore *store, AuditLog *audit, const Clock *clock, QObject *parent = nullptr);

    void setPrepare(Prepare prepare) { m_prepare = std::move(prepare); }

    // Finishes, one after the other, every pending rotation due now (of one account, or of all when null).
    QFuture<QList<RotationReport>> finishDue(const QUuid &accountId = {});
    // Keeps finishing rotations as they fall due until destroyed; call rearm() after scheduling a new one.
    void watch();
    void rearm();

signals:
    void rotationFinished(const RotationReport &report);

private:
    void finishNext(QList<PendingRotation> queue, QList<RotationReport> reports,
        std::shared_ptr<QPromise<QList<RotationReport>>> promise);

    SessionLookup m_sessions;
    Prepare m_prepare;
    RotationStore *m_store;
    AuditLog *m_audit;
    const Clock *m_clock;
    QTimer *m_timer = nullptr;
    bool m_running = false;
    qint64 m_lastRunMs = -1; // monotonic time of the last finishDue()
};
