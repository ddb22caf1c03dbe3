#pragma once

#include "core/ApiError.h"
#include "core/Result.h"
#include "core/Token.h"
#include "providers/TokenProvider.h"
#include "store/RotationStore.h"

#include <QDateTime>
#include <QFuture>
#include <QList>
#include <QObject>
#include <QPromise>
#include <QString>
#include <QUuid>

#include <memory>
#include <optional>

class AccountSession;
class AuditLog;
class Clock;

// One step of a rotation as it happened.
struct RotationStep
{
    enum class Kind {
        CopySettings, // the old token's settings became the new token's create request
        Create, // the new token exists
        VerifyNew, // the server accepts the new value (VerifyValue)
        Confirm, // the user confirmed the new token is in place (services that cannot verify a value)
        Rollback, // the new token was revoked after its verification failed
        Grace, // the grace period: the old token stays valid until the due time
        ExpireOld, // the service was told to end the old token after the grace (Svix expire-all)
        RevokeOld, // the old token was revoked
        VerifyOld, // the server no longer knows the old token
    };
    enum class State { Succeeded, Failed, Skipped };

    Kind kind = Kind::CopySettings;
    State state = State::Succeeded;
    QString detail; // for people; never a value
    QDateTime time; // UTC

    static QString kindName(Kind kind); // "copy-settings", "create", "verify-new", ...
    static QString stateName(State state); // "succeeded", "failed", "skipped"
};

// Where a rotation stands after begin(), confirm() or finishing, with every step taken in that call.
struct RotationReport
{
    enum class Outcome {
        Refused, // nothing was done (error says why)
        AwaitingConfirmation, // the new token exists and works as far as TokenDesk can tell; confirm() goes on
        Scheduled, // the old token is revoked at `due` (or the service ends it then)
        Completed, // the old token is gone
        RolledBack, // the new token failed verification and was revoked; the old one is untouched
        Failed, // a step failed (error says which); the steps show what was done
    };
    Outcome outcome = Outcome::Refused;
    QString groupId; // the audit group
    QUuid accountId;
    Token oldToken;
    Token newToken; // metadata only
    std::optional<QDateTime> due;
    QList<RotationStep> steps;
    ApiError error; // set for Refused, RolledBack and Failed

    static QString outcomeName(Outcome outcome); // "refused", "awaiting-confirmation", "scheduled", ...
    // 0 for Scheduled/Completed/AwaitingConfirmation, else the error's exit code (1 for a failed verification).
    int exitCode() const;
};

// Rotates one token: copy its settings (TokenProvider::rotationRequest) → create the successor → verify the new
// value on the server where the provider can (VerifyValue), else wait for the user's confirm() → a grace period →
// revoke the old token (or, where the service has its own grace, expire it right away with that grace: Svix) →
// check that the server no longer knows it (Details). A new token that fails verification is revoked and the old
// one left alone; the old one is never revoked before the new one was verified or confirmed.
//
// The grace period outlives the process: the pending rotation is kept in the ledger (RotationStore) and finished
// by RotationFinisher when due. Every step is audited under one group id, with a "rotate" summary entry.
class TokenRotation : public QObject
{
    Q_OBJECT
public:
    TokenRotation(
        AccountSession *session, RotationStore *store, AuditLog *audit, const Clock *clock, QObject *parent = nullptr);
    ~TokenRotation() override;

    // Why `token` cannot be rotated on this account with this grace; empty when it can. Nothing is sent.
    static QString refusal(const TokenProvider *provider, const RotationStore *store, const Token &token,
        qint64 graceSeconds, const QDateTime &now);

    // Copies, creates and verifies. With `confirmed`, a provider that cannot verify a value goes on as if confirm()
    // had been called (the CLI's --confirm-unverified). Verified (or confirmed) rotations go on to schedule the
    // grace, and finish at once when the grace is 0.
    QFuture<RotationReport> begin(const Token &oldToken, qint64 graceSeconds, bool confirmed = false);
    // The user confirmed the new token is in place (after AwaitingConfirmation).
    QFuture<RotationReport> confirm();
    // The user gave up before confirming: the new token is revoked, the old one left alone.
    QFuture<RotationReport> abandon();

    // The new token's value, once, for the reveal (begin() keeps it until asked); empty afterwards.
    CreatedToken takeCreated();
    const RotationReport &report() const { return m_report; }

    // Finishes a pending rotation whose due time has come: revoke the old token (Grace) and check it is gone.
    // Updates the store and audits; used by RotationFinisher and by a rotation with no grace.
    static QFuture<RotationReport> finishPending(AccountSession *session, RotationStore *store, AuditLog *audit,
        const Clock *clock, const PendingRotation &pending, QObject *context);

private:
    void step(RotationStep::Kind kind, RotationStep::State state, const QString &detail, const ApiError &error = {});
    void verifyNew();
    void rollback(const ApiError &why);
    void schedule();
    void finish(RotationReport::Outcome outcome, const ApiError &error = {});
    QFuture<RotationReport> startPhase();
    void forgetValue();

    AccountSession *m_session;
    RotationStore *m_store;
    AuditLog *m_audit;
    const Clock *m_clock;
    RotationReport m_report;
    CreatedToken m_created;
    qint64 m_graceSeconds = 0;
    bool m_confirmed = false;
    std::shared_ptr<QPromise<RotationReport>> m_promise;
};
