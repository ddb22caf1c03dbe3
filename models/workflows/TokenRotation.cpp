#include "workflows/TokenRotation.h"

#include "core/Async.h"
#include "core/Clock.h"
#include "core/TimeText.h"
#include "providers/AccountSession.h"
#include "store/AuditLog.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcRotation, "tokendesk.workflows.rotation")

namespace {

QString timeText(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODate);
}

// The "rotate" summary entry of the group: what the rotation came to.
void auditSummary(AuditLog *audit, AccountSession *session, const RotationReport &report, const QString &detail)
{
    if (!audit)
        return;
    AuditEntry entry;
    entry.time = QDateTime::currentDateTimeUtc();
    entry.accountId = session->account().id;
    entry.accountName = session->account().name;
    entry.providerId = session->account().providerId;
    entry.action = QStringLiteral("rotate");
    entry.target = report.oldToken.id;
    const bool ok = report.outcome == RotationReport::Outcome::Scheduled
        || report.outcome == RotationReport::Outcome::Completed
        || report.outcome == RotationReport::Outcome::AwaitingConfirmation;
    entry.outcome = ok ? QStringLiteral("success") : QStringLiteral("failure");
    entry.detail = detail;
    entry.groupId = report.groupId;
    if (!audit->append(entry))
        qCWarning(lcRotation) << "could not write the audit log:" << audit->lastError();
}

RotationStep makeStep(RotationStep::Kind kind, RotationStep::State state, const QString &detail, const Clock *clock)
{
    RotationStep step;
    step.kind = kind;
    step.state = state;
    step.detail = detail;
    step.time = clock->now();
    return step;
}

} // namespace

QString RotationStep::kindName(Kind kind)
{
    switch (kind) {
    case Kind::CopySettings:
        return QStringLiteral("copy-settings");
    case Kind::Create:
        return QStringLiteral("create");
    case Kind::VerifyNew:
        return QStringLiteral("verify-new");
    case Kind::Confirm:
        return QStringLiteral("confirm");
    case Kind::Rollback:
        return QStringLiteral("rollback");
    case Kind::Grace:
        return QStringLiteral("grace");
    case Kind::ExpireOld:
        return QStringLiteral("expire-old");
    case Kind::RevokeOld:
        return QStringLiteral("revoke-old");
    case Kind::VerifyOld:
        return QStringLiteral("verify-old");
    }
    return {};
}

QString RotationStep::stateName(State state)
{
    switch (state) {
    case State::Succeeded:
        return QStringLiteral("succeeded");
    case State::Failed:
        return QStringLiteral("failed");
    case State::Skipped:
        return QStringLiteral("skipped");
    }
    return {};
}

QString RotationReport::outcomeName(Outcome outcome)
{
    switch (outcome) {
    case Outcome::Refused:
        return QStringLiteral("refused");
    case Outcome::AwaitingConfirmation:
        return QStringLiteral("awaiting-confirmation");
    case Outcome::Scheduled:
        return QStringLiteral("scheduled");
    case Outcome::Completed:
        return QStringLiteral("completed");
    case Outcome::RolledBack:
        return QStringLiteral("rolled-back");
    case Outcome::Failed:
        return QStringLiteral("failed");
    }
    return {};
}

int RotationReport::exitCode() const
{
    switch (outcome) {
    case Outcome::AwaitingConfirmation:
    case Outcome::Scheduled:
    case Outcome::Completed:
        return 0;
    case Outcome::RolledBack:
        return 1;
    case Outcome::Refused:
    case Outcome::Failed:
        return error.isNone() ? 1 : error.exitCode();
    }
    return 1;
}

TokenRotation::TokenRotation(
    AccountSession *session, RotationStore *store, AuditLog *audit, const Clock *clock, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_store(store)
    , m_audit(audit)
    , m_clock(clock ? clock : Clock::system())
{ }

TokenRotation::~TokenRotation()
{
    forgetValue();
    // Never leave a caller waiting on a future that cannot finish.
    if (auto promise = std::exchange(m_promise, nullptr)) {
        promise->addResult(m_report);
        promise->finish();
    }
}

QString TokenRotation::refusal(const TokenProvider *provider, const RotationStore *store, const Token &token,
    qint64 graceSeconds, const QDateTime &now)
{
    if (!provider)
        return tr("The account is not available.");
    if (graceSeconds < 0)
        return tr("The grace period cannot be negative.");
    if (!provider->can(TokenProvider::Capability::Create))
        return tr("This account cannot create tokens, so it cannot make a successor.");
    if (token.revoked)
        return tr("This token is already revoked.");
    if (store) {
        if (const auto pending = store->pendingFor(token.accountId, token.id))
            return tr("This token is already being rotated; the old one is revoked at %1.").arg(timeText(pending->due));
    }
    if (const QString why = provider->revokeRefusal(token); !why.isEmpty())
        return tr("A rotation would leave the old token valid. %1").arg(why);
    QString why;
    if (!provider->rotationRequest(token, now, &why))
        return why;
    if (!provider->can(TokenProvider::Capability::Revoke)) {
        if (!provider->can(TokenProvider::Capability::ExpireAll))
            return tr("This service cannot revoke the old token.");
        if (!provider->rotationExpiry(token, graceSeconds))
            return tr("This service cannot end the old token after a grace period of this length.");
    }
    return {};
}

QFuture<RotationReport> TokenRotation::startPhase()
{
    m_promise = std::make_shared<QPromise<RotationReport>>();
    m_promise->start();
    return m_promise->future();
}

void TokenRotation::step(
    RotationStep::Kind kind, RotationStep::State state, const QString &detail, const ApiError &error)
{
    m_report.steps.append(makeStep(kind, state, detail, m_clock));
    // Create, revoke and expire-all audit themselves (AccountSession); the other steps are audited here.
    if (kind == RotationStep::Kind::VerifyNew || kind == RotationStep::Kind::Confirm
        || kind == RotationStep::Kind::Grace || kind == RotationStep::Kind::VerifyOld) {
        ApiError audited = error;
        if (state == RotationStep::State::Failed && audited.isNone())
            audited = ApiError(ApiError::Kind::Unknown, detail);
        m_session->audit(QStringLiteral("rotate-") + RotationStep::kindName(kind),
            kind == RotationStep::Kind::VerifyOld ? m_report.oldToken.id : m_report.newToken.id, audited,
            m_report.groupId);
    }
}

void TokenRotation::finish(RotationReport::Outcome outcome, const ApiError &error)
{
    m_report.outcome = outcome;
    m_report.error = error;
    // The group's "rotate" entry says how it ended; a rotation waiting (for a confirmation, for its grace) has
    // its steps audited so far and gets the entry when it finishes.
    if (outcome == RotationReport::Outcome::RolledBack || outcome == RotationReport::Outcome::Failed)
        auditSummary(m_audit, m_session, m_report, error.userMessage());
    if (auto promise = std::exchange(m_promise, nullptr)) {
        promise->addResult(m_report);
        promise->finish();
    }
}

QFuture<RotationReport> TokenRotation::begin(const Token &oldToken, qint64 graceSeconds, bool confirmed)
{
    QFuture<RotationReport> future = startPhase();
    m_report = RotationReport();
    m_report.accountId = m_session->account().id;
    m_report.oldToken = oldToken;
    m_report.oldToken.accountId = m_session->account().id;
    m_report.groupId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    m_graceSeconds = graceSeconds;
    m_confirmed = confirmed;
    TokenProvider *provider = m_session->provider();
    const QDateTime now = m_clock->now();
    if (const QString why = refusal(provider, m_store, m_report.oldToken, graceSeconds, now); !why.isEmpty()) {
        finish(RotationReport::Outcome::Refused,
            ApiError(graceSeconds < 0 ? ApiError::Kind::InvalidInput : ApiError::Kind::NotSupported, why));
        return future;
    }
    QString why;
    const CreateRequest request = *provider->rotationRequest(m_report.oldToken, now, &why);
    QStringList copied;
    for (auto it = request.values.cbegin(); it != request.values.cend(); ++it) {
        const bool isList = it.value().metaType().id() == QMetaType::QStringList;
        copied.append(it.key() + QLatin1Char('=')
            + (isList ? it.value().toStringList().join(QLatin1Char(',')) : it.value().toString()));
    }
    step(RotationStep::Kind::CopySettings, RotationStep::State::Succeeded,
        tr("kind %1: %2").arg(request.kind, copied.join(QStringLiteral(", "))));

    Async::then(m_session->create(request, m_report.groupId), this, [this](Result<CreatedToken> created) {
        if (!created.ok()) {
            step(RotationStep::Kind::Create, RotationStep::State::Failed, created.error().userMessage());
            finish(RotationReport::Outcome::Failed, created.error());
            return;
        }
        m_created = created.value();
        m_report.newToken = m_created.token;
        step(RotationStep::Kind::Create, RotationStep::State::Succeeded,
            tr("new token %1 (\"%2\")").arg(m_created.token.id, m_created.token.label));
        verifyNew();
    });
    return future;
}

void TokenRotation::verifyNew()
{
    TokenProvider *provider = m_session->provider();
    if (!provider->can(TokenProvider::Capability::VerifyValue)) {
        if (!m_confirmed) {
            step(RotationStep::Kind::VerifyNew, RotationStep::State::Skipped,
                tr("this service cannot be asked whether it accepts a token; confirm that the new one is in place"));
            finish(RotationReport::Outcome::AwaitingConfirmation);
            return;
        }
        step(RotationStep::Kind::Confirm, RotationStep::State::Succeeded,
            tr("confirmed in advance: this service cannot be asked whether it accepts a token"));
        schedule();
        return;
    }
    Async::then(provider->checkTokenValue(m_created.value), this, [this](Result<TokenValueCheck> check) {
        if (check.ok() && check->verdict == TokenValueCheck::Verdict::Accepted) {
            step(RotationStep::Kind::VerifyNew, RotationStep::State::Succeeded, tr("the server accepts the new token"));
            schedule();
            return;
        }
        const ApiError why = check.ok()
            ? ApiError(ApiError::Kind::Unknown, tr("The server does not accept the new token: %1").arg(check->detail))
            : ApiError(
                check.error().kind(), tr("The new token could not be verified: %1").arg(check.error().userMessage()));
        step(RotationStep::Kind::VerifyNew, RotationStep::State::Failed, why.userMessage(), why);
        rollback(why);
    });
}

void TokenRotation::rollback(const ApiError &why)
{
    // The new value must not outlive a rotation that did not happen.
    forgetValue();
    // Revoked by id, or where the service cannot, its own new session expired at once (Svix).
    TokenProvider *provider = m_session->provider();
    const std::optional<ExpireAllRequest> expire = provider->can(TokenProvider::Capability::Revoke)
        ? std::nullopt
        : provider->rotationExpiry(m_report.newToken, 0);
    const QFuture<Result<Done>> call = expire ? m_session->expireAll(*expire, m_report.groupId)
                                              : m_session->revoke(m_report.newToken, m_report.groupId);
    Async::then(call, this, [this, why](Result<Done> revoked) {
        if (revoked.ok()) {
            step(RotationStep::Kind::Rollback, RotationStep::State::Succeeded,
                tr("the new token was revoked; the old one is untouched"));
            finish(RotationReport::Outcome::RolledBack, why);
        } else {
            step(RotationStep::Kind::Rollback, RotationStep::State::Failed,
                tr("the new token could not be revoked: %1").arg(revoked.error().userMessage()));
            ApiError error = why;
            error.setUserMessage(why.userMessage() + QLatin1Char(' ')
                + tr("Revoking the new token failed too (%1): revoke %2 yourself; the old one is untouched.")
                      .arg(revoked.error().userMessage(), m_report.newToken.id));
            finish(RotationReport::Outcome::Failed, error);
        }
        emit m_session->tokensChanged();
    });
}

QFuture<RotationReport> TokenRotation::confirm()
{
    QFuture<RotationReport> future = startPhase();
    if (m_report.outcome != RotationReport::Outcome::AwaitingConfirmation) {
        finish(m_report.outcome, m_report.error);
        return future;
    }
    m_report.steps.clear();
    step(RotationStep::Kind::Confirm, RotationStep::State::Succeeded,
        tr("the user confirmed the new token is in place"));
    schedule();
    return future;
}

QFuture<RotationReport> TokenRotation::abandon()
{
    QFuture<RotationReport> future = startPhase();
    if (m_report.outcome != RotationReport::Outcome::AwaitingConfirmation) {
        finish(m_report.outcome, m_report.error);
        return future;
    }
    m_report.steps.clear();
    rollback(ApiError(ApiError::Kind::Cancelled, tr("The rotation was cancelled before the new token was confirmed.")));
    return future;
}

void TokenRotation::schedule()
{
    TokenProvider *provider = m_session->provider();
    PendingRotation pending;
    pending.groupId = m_report.groupId;
    pending.accountId = m_report.accountId;
    pending.providerId = m_session->account().providerId;
    pending.oldToken = m_report.oldToken;
    pending.newTokenId = m_report.newToken.id;
    pending.started = m_clock->now();
    pending.due = pending.started.addSecs(m_graceSeconds);
    m_report.due = pending.due;

    auto record = [this](PendingRotation row) {
        if (m_store) {
            row.rowId = m_store->add(row);
            if (row.rowId == 0) {
                const ApiError error(ApiError::Kind::Storage,
                    tr("The rotation could not be kept in the ledger (%1); the old token was not revoked.")
                        .arg(m_store->lastError()));
                step(RotationStep::Kind::Grace, RotationStep::State::Failed, error.userMessage(), error);
                finish(RotationReport::Outcome::Failed, error);
                return;
            }
        }
        emit m_session->tokensChanged();
        if (row.due > m_clock->now()) {
            step(RotationStep::Kind::Grace, RotationStep::State::Succeeded,
                tr("the old token stays valid until %1").arg(timeText(row.due)));
            finish(RotationReport::Outcome::Scheduled);
            return;
        }
        step(RotationStep::Kind::Grace, RotationStep::State::Skipped, tr("no grace period"));
        Async::then(finishPending(m_session, m_store, m_audit, m_clock, row, this), this,
            [this](const RotationReport &finished) {
                m_report.steps.append(finished.steps);
                m_report.outcome = finished.outcome;
                m_report.error = finished.error;
                if (auto promise = std::exchange(m_promise, nullptr)) {
                    promise->addResult(m_report);
                    promise->finish();
                }
            });
    };

    if (provider->can(TokenProvider::Capability::Revoke)) {
        pending.step = PendingRotation::Step::Grace;
        record(pending);
        return;
    }
    // The service ends the old token itself after the grace (Svix expire-all with the grace as its expiry).
    const ExpireAllRequest expire = *provider->rotationExpiry(m_report.oldToken, m_graceSeconds);
    Async::then(
        m_session->expireAll(expire, m_report.groupId), this, [this, pending, record, expire](Result<Done> done) {
            if (!done.ok()) {
                step(RotationStep::Kind::ExpireOld, RotationStep::State::Failed, done.error().userMessage());
                ApiError error = done.error();
                error.setUserMessage(tr("The new token %1 works, but the old one could not be expired: %2")
                                         .arg(m_report.newToken.id, done.error().userMessage()));
                finish(RotationReport::Outcome::Failed, error);
                return;
            }
            step(RotationStep::Kind::ExpireOld, RotationStep::State::Succeeded,
                tr("the service ends session %1 at %2")
                    .arg(expire.sessionIds.join(QStringLiteral(", ")), timeText(pending.due)));
            PendingRotation expiring = pending;
            expiring.step = PendingRotation::Step::Expiring;
            record(expiring);
        });
}

CreatedToken TokenRotation::takeCreated()
{
    CreatedToken taken = m_created;
    forgetValue();
    return taken;
}

void TokenRotation::forgetValue()
{
    m_created.value.fill(QLatin1Char('\0'));
    m_created.refreshValue.fill(QLatin1Char('\0'));
    CreatedToken cleared;
    cleared.token = m_created.token;
    m_created = cleared;
}

QFuture<RotationReport> TokenRotation::finishPending(AccountSession *session, RotationStore *store, AuditLog *audit,
    const Clock *clock, const PendingRotation &pending, QObject *context)
{
    struct State
    {
        QPromise<RotationReport> promise;
        RotationReport report;
        PendingRotation pending;
    };
    auto state = std::make_shared<State>();
    state->promise.start();
    QFuture<RotationReport> future = state->promise.future();
    state->pending = pending;
    state->report.groupId = pending.groupId;
    state->report.accountId = pending.accountId;
    state->report.oldToken = pending.oldToken;
    state->report.newToken.id = pending.newTokenId;
    state->report.newToken.accountId = pending.accountId;
    state->report.due = pending.due;

    auto addStep = [state, session, clock](RotationStep::Kind kind, RotationStep::State stepState,
                       const QString &detail, const ApiError &error) {
        state->report.steps.append(makeStep(kind, stepState, detail, clock));
        if (kind == RotationStep::Kind::VerifyOld) {
            ApiError audited = error;
            if (stepState == RotationStep::State::Failed && audited.isNone())
                audited = ApiError(ApiError::Kind::Unknown, detail);
            session->audit(
                QStringLiteral("rotate-verify-old"), state->pending.oldToken.id, audited, state->pending.groupId);
        }
    };
    auto done = [state, session, store, audit, clock](RotationReport::Outcome outcome, const ApiError &error) {
        state->report.outcome = outcome;
        state->report.error = error;
        // A failure that may pass (no network, a server error, a session to renew) keeps the rotation pending, so
        // the next run retries it; any other failure ends it with its reason.
        const ApiError::Kind kind = error.kind();
        const bool retry = outcome != RotationReport::Outcome::Completed
            && (kind == ApiError::Kind::Network || kind == ApiError::Kind::Timeout || kind == ApiError::Kind::Server
                || kind == ApiError::Kind::RateLimited || kind == ApiError::Kind::Unauthorized
                || kind == ApiError::Kind::Cancelled);
        if (!retry) {
            state->pending.step = outcome == RotationReport::Outcome::Completed ? PendingRotation::Step::Done
                                                                                : PendingRotation::Step::Failed;
            state->pending.finished = clock->now();
        }
        state->pending.detail =
            outcome == RotationReport::Outcome::Completed ? tr("the old token is gone") : error.userMessage();
        if (store && !store->update(state->pending))
            qCWarning(lcRotation) << "could not update the rotation:" << store->lastError();
        auditSummary(audit, session, state->report,
            outcome == RotationReport::Outcome::Completed
                ? tr("new token %1; the old one is revoked").arg(state->pending.newTokenId)
                : error.userMessage());
        emit session->tokensChanged();
        state->promise.addResult(state->report);
        state->promise.finish();
    };
    // The server's word on the old token after its end: Details where the service has it.
    auto verifyOld = [state, session, context, addStep, done]() {
        TokenProvider *provider = session->provider();
        if (!provider->can(TokenProvider::Capability::Details)) {
            addStep(RotationStep::Kind::VerifyOld, RotationStep::State::Skipped,
                state->pending.step == PendingRotation::Step::Expiring
                    ? tr("the service ended the old token at %1; it cannot be asked about it without its value")
                          .arg(timeText(state->pending.due))
                    : tr("this service cannot be asked about a token without its value"),
                {});
            done(RotationReport::Outcome::Completed, {});
            return;
        }
        Async::then(provider->tokenDetails(state->pending.oldToken), context, [addStep, done](Result<Token> details) {
            if ((details.ok() && details->revoked)
                || (!details.ok() && details.error().kind() == ApiError::Kind::NotFound)) {
                addStep(
                    RotationStep::Kind::VerifyOld, RotationStep::State::Succeeded, tr("rejected by the server"), {});
                done(RotationReport::Outcome::Completed, {});
            } else if (details.ok()) {
                const ApiError error(ApiError::Kind::Unknown, tr("The server still reports the old token as active."));
                addStep(RotationStep::Kind::VerifyOld, RotationStep::State::Failed, error.userMessage(), error);
                done(RotationReport::Outcome::Failed, error);
            } else {
                addStep(RotationStep::Kind::VerifyOld, RotationStep::State::Skipped,
                    tr("could not verify: %1").arg(details.error().userMessage()), {});
                done(RotationReport::Outcome::Completed, {});
            }
        });
    };

    if (!session || !session->isValid()) {
        state->report.outcome = RotationReport::Outcome::Failed;
        state->report.error = ApiError(ApiError::Kind::NotFound, tr("The account is no longer available."));
        state->promise.addResult(state->report);
        state->promise.finish();
        return future;
    }
    if (pending.step == PendingRotation::Step::Expiring) {
        verifyOld();
        return future;
    }
    Async::then(session->revoke(pending.oldToken, pending.groupId), context,
        [state, addStep, done, verifyOld](Result<Done> revoked) {
            if (!revoked.ok() && revoked.error().kind() == ApiError::Kind::NotFound) {
                addStep(RotationStep::Kind::RevokeOld, RotationStep::State::Succeeded,
                    tr("the server no longer knows the old token"), {});
            } else if (!revoked.ok()) {
                addStep(RotationStep::Kind::RevokeOld, RotationStep::State::Failed, revoked.error().userMessage(), {});
                ApiError error = revoked.error();
                error.setUserMessage(tr("The new token %1 works, but the old one could not be revoked: %2")
                                         .arg(state->pending.newTokenId, revoked.error().userMessage()));
                done(RotationReport::Outcome::Failed, error);
                return;
            } else {
                addStep(
                    RotationStep::Kind::RevokeOld, RotationStep::State::Succeeded, tr("the old token was revoked"), {});
            }
            verifyOld();
        });
    return future;
}
