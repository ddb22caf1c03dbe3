#include "workflows/RotationFinisher.h"

#include "core/Async.h"
#include "core/Clock.h"
#include "providers/AccountSession.h"
#include "store/RotationStore.h"

#include <QTimer>

namespace {
// A timer never waits longer than this before it looks again: the wall clock may jump (suspend, NTP).
constexpr qint64 MaxWaitMs = 60 * 60 * 1000;
constexpr qint64 RetryMs = 5 * 60 * 1000;
} // namespace

RotationFinisher::RotationFinisher(
    SessionLookup sessions, RotationStore *store, AuditLog *audit, const Clock *clock, QObject *parent)
    : QObject(parent)
    , m_sessions(std::move(sessions))
    , m_store(store)
    , m_audit(audit)
    , m_clock(clock ? clock : Clock::system())
{ }

QFuture<QList<RotationReport>> RotationFinisher::finishDue(const QUuid &accountId)
{
    auto promise = std::make_shared<QPromise<QList<RotationReport>>>();
    promise->start();
    QFuture<QList<RotationReport>> future = promise->future();
    QList<PendingRotation> due;
    if (m_store) {
        const QDateTime now = m_clock->now();
        for (const PendingRotation &pending : m_store->pending(accountId))
            if (pending.due <= now)
                due.append(pending);
    }
    m_running = true;
    m_lastRunMs = m_clock->monotonicMs();
    finishNext(due, {}, promise);
    return future;
}

void RotationFinisher::finishNext(QList<PendingRotation> queue, QList<RotationReport> reports,
    std::shared_ptr<QPromise<QList<RotationReport>>> promise)
{
    if (queue.isEmpty()) {
        m_running = false;
        promise->addResult(reports);
        promise->finish();
        if (m_timer)
            rearm();
        return;
    }
    const PendingRotation pending = queue.takeFirst();
    auto run = [this, pending, queue, reports, promise](Result<Done> prepared) {
        AccountSession *session = m_sessions ? m_sessions(pending.accountId) : nullptr;
        QFuture<RotationReport> finished;
        if (!prepared.ok() || !session) {
            RotationReport report;
            report.outcome = RotationReport::Outcome::Failed;
            report.groupId = pending.groupId;
            report.accountId = pending.accountId;
            report.oldToken = pending.oldToken;
            report.newToken.id = pending.newTokenId;
            report.due = pending.due;
            report.error = prepared.ok() ? ApiError(ApiError::Kind::NotFound, tr("The account is no longer available."))
                                         : prepared.error();
            QPromise<RotationReport> ready;
            ready.start();
            ready.addResult(report);
            ready.finish();
            finished = ready.future();
        } else {
            finished = TokenRotation::finishPending(session, m_store, m_audit, m_clock, pending, this);
        }
        Async::then(finished, this, [this, queue, reports, promise](const RotationReport &report) mutable {
            reports.append(report);
            emit rotationFinished(report);
            finishNext(queue, reports, promise);
        });
    };
    if (m_prepare)
        Async::then(m_prepare(pending.accountId), this, run);
    else
        run(Result<Done>(Done {}));
}

void RotationFinisher::watch()
{
    if (!m_timer) {
        m_timer = new QTimer(this);
        m_timer->setSingleShot(true);
        connect(m_timer, &QTimer::timeout, this, [this] {
            if (!m_running)
                finishDue();
        });
    }
    rearm();
}

void RotationFinisher::rearm()
{
    if (!m_timer || !m_store)
        return;
    m_timer->stop();
    const QList<PendingRotation> pending = m_store->pending();
    if (pending.isEmpty())
        return;
    // The earliest due first (RotationStore orders by due); a failed finish that stays pending is retried then.
    qint64 waitMs = qBound<qint64>(0, m_clock->now().msecsTo(pending.first().due), MaxWaitMs);
    // One that is overdue failed in a way that may pass (no network): tried again a while after the last run.
    if (waitMs == 0 && m_lastRunMs >= 0)
        waitMs = qMax<qint64>(0, RetryMs - (m_clock->monotonicMs() - m_lastRunMs));
    m_timer->start(int(waitMs));
}
