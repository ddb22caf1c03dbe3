#include "workflows/RevokeRunner.h"

#include "core/Async.h"
#include "core/Csv.h"
#include "providers/AccountSession.h"
#include "store/AuditLog.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLoggingCategory>
#include <QUuid>

Q_LOGGING_CATEGORY(lcRevokeRunner, "tokendesk.workflows.revoke")

QString RevokeOutcome::stateName(State state)
{
    switch (state) {
    case State::Succeeded:
        return QStringLiteral("succeeded");
    case State::Failed:
        return QStringLiteral("failed");
    case State::Cancelled:
        return QStringLiteral("cancelled");
    }
    return {};
}

QString RevokeOutcome::verificationText() const
{
    switch (verification) {
    case Verification::NotChecked:
        return {};
    case Verification::Rejected:
        return RevokeRunner::tr("rejected by the server ✓");
    case Verification::StillActive:
        return RevokeRunner::tr("warning: the server still reports this token as active");
    case Verification::Unknown:
        return RevokeRunner::tr("could not verify");
    }
    return {};
}

RevokeRunner::RevokeRunner(SessionLookup sessions, AuditLog *audit, QObject *parent)
    : QObject(parent)
    , m_sessions(std::move(sessions))
    , m_audit(audit)
{ }

RevokeRunner::~RevokeRunner()
{
    // Never leave a caller waiting on a future that cannot finish.
    if (m_promise) {
        m_promise->addResult(m_outcomes);
        m_promise->finish();
    }
}

QFuture<QList<RevokeOutcome>> RevokeRunner::run(const RevokePlan &plan, const QString &action)
{
    auto promise = std::make_shared<QPromise<QList<RevokeOutcome>>>();
    promise->start();
    if (m_running) {
        qCWarning(lcRevokeRunner) << "a run is already going on";
        promise->addResult(QList<RevokeOutcome>());
        promise->finish();
        return promise->future();
    }
    m_promise = promise;
    m_running = true;
    m_cancelled = false;
    m_action = action;
    m_subject = plan.subject();
    m_groupId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    m_steps = plan.runnableSteps();
    m_outcomes = QList<RevokeOutcome>(m_steps.size());
    m_done = QList<bool>(m_steps.size(), false);
    for (int i = 0; i < m_steps.size(); ++i)
        m_outcomes[i].step = m_steps[i];
    m_next = 0;
    m_inFlight = 0;
    m_finished = 0;
    QFuture<QList<RevokeOutcome>> future = promise->future();
    emit progress(0, int(m_steps.size()));
    if (m_steps.isEmpty())
        complete();
    else
        startNext();
    return future;
}

void RevokeRunner::cancel()
{
    if (!m_running || m_cancelled)
        return;
    m_cancelled = true;
    // Steps not started yet are cancelled now; the ones in flight finish on their own.
    while (m_next < m_steps.size()) {
        RevokeOutcome outcome = m_outcomes[m_next];
        outcome.state = RevokeOutcome::State::Cancelled;
        finishStep(m_next++, outcome);
    }
    if (m_inFlight == 0 && m_running)
        complete();
}

void RevokeRunner::startNext()
{
    while (!m_cancelled && m_inFlight < m_maxInFlight && m_next < m_steps.size())
        startStep(m_next++);
}

void RevokeRunner::startStep(int index)
{
    const RevokeStep &step = m_steps[index];
    RevokeOutcome outcome = m_outcomes[index];
    AccountSession *session = m_sessions ? m_sessions(step.accountId) : nullptr;
    if (!session || !session->isValid()) {
        outcome.state = RevokeOutcome::State::Failed;
        outcome.message = RevokeRunner::tr("The account %1 is no longer available.").arg(step.accountName);
        finishStep(index, outcome);
        return;
    }
    QFuture<Result<Done>> call;
    switch (step.kind) {
    case RevokeStep::Kind::Token:
        call = session->revoke(step.token, m_groupId);
        break;
    case RevokeStep::Kind::Subject:
        call = session->revokeAllForSubject(step.subject, m_groupId);
        break;
    case RevokeStep::Kind::ExpireAll:
        call = session->expireAll(step.expireAll, m_groupId);
        break;
    }
    ++m_inFlight;
    Async::then(call, this, [this, index, outcome](Result<Done> result) mutable {
        --m_inFlight;
        if (result.ok()) {
            outcome.state = RevokeOutcome::State::Succeeded;
            if (m_verify && outcome.step.kind == RevokeStep::Kind::Token) {
                verifyStep(index, outcome);
                return;
            }
        } else {
            outcome.state = RevokeOutcome::State::Failed;
            outcome.message = result.error().userMessage();
            outcome.error = result.error();
        }
        finishStep(index, outcome);
    });
}

void RevokeRunner::verifyStep(int index, RevokeOutcome outcome)
{
    AccountSession *session = m_sessions ? m_sessions(outcome.step.accountId) : nullptr;
    TokenProvider *provider = session ? session->provider() : nullptr;
    if (!provider || !provider->can(TokenProvider::Capability::Details)) {
        finishStep(index, outcome);
        return;
    }
    ++m_inFlight;
    Async::then(
        provider->tokenDetails(outcome.step.token), this, [this, index, outcome](Result<Token> details) mutable {
            --m_inFlight;
            if (details.ok())
                outcome.verification =
                    details->revoked ? RevokeOutcome::Verification::Rejected : RevokeOutcome::Verification::StillActive;
            else if (details.error().kind() == ApiError::Kind::NotFound)
                outcome.verification = RevokeOutcome::Verification::Rejected;
            else
                outcome.verification = RevokeOutcome::Verification::Unknown;
            finishStep(index, outcome);
        });
}

void RevokeRunner::finishStep(int index, RevokeOutcome outcome)
{
    if (m_done[index])
        return;
    m_done[index] = true;
    m_outcomes[index] = outcome;
    ++m_finished;
    emit stepFinished(outcome);
    emit progress(m_finished, int(m_steps.size()));
    if (m_finished == m_steps.size()) {
        if (m_inFlight == 0)
            complete();
        return;
    }
    startNext();
}

void RevokeRunner::complete()
{
    if (!m_running)
        return;
    m_running = false;
    int ok = 0;
    int failed = 0;
    int cancelled = 0;
    for (const RevokeOutcome &outcome : std::as_const(m_outcomes)) {
        ok += outcome.state == RevokeOutcome::State::Succeeded ? 1 : 0;
        failed += outcome.state == RevokeOutcome::State::Failed ? 1 : 0;
        cancelled += outcome.state == RevokeOutcome::State::Cancelled ? 1 : 0;
    }
    if (m_audit) {
        // The group's own entry belongs to no single account.
        AuditEntry entry = AuditEntry::of(Account(), m_action, m_subject, ApiError(), m_groupId);
        entry.outcome = failed == 0 && cancelled == 0 ? QStringLiteral("success") : QStringLiteral("failure");
        entry.detail = RevokeRunner::tr("%1 succeeded, %2 failed, %3 cancelled").arg(ok).arg(failed).arg(cancelled);
        if (!m_audit->append(entry))
            qCWarning(lcRevokeRunner) << "could not write the audit log:" << m_audit->lastError();
    }
    const QList<RevokeOutcome> outcomes = m_outcomes;
    if (auto promise = std::exchange(m_promise, nullptr)) {
        promise->addResult(outcomes);
        promise->finish();
    }
    emit finished(outcomes);
}

QByteArray RevokeRunner::toCsv(const QList<RevokeOutcome> &outcomes)
{
    QByteArray csv = Csv::row({QStringLiteral("account"), QStringLiteral("provider"), QStringLiteral("kind"),
        QStringLiteral("target"), QStringLiteral("name"), QStringLiteral("call"), QStringLiteral("outcome"),
        QStringLiteral("message"), QStringLiteral("verification")});
    for (const RevokeOutcome &o : outcomes) {
        const QString kind = o.step.kind == RevokeStep::Kind::Token ? QStringLiteral("token")
            : o.step.kind == RevokeStep::Kind::Subject              ? QStringLiteral("subject")
                                                                    : QStringLiteral("expire-all");
        csv += Csv::row({o.step.accountName, o.step.providerId, kind, o.step.target(), o.step.token.label, o.step.call,
            RevokeOutcome::stateName(o.state), o.message, o.verificationText()});
    }
    return csv;
}
