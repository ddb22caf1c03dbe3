#pragma once

#include "core/ApiError.h"
#include "workflows/RevokePlan.h"

#include <QFuture>
#include <QList>
#include <QObject>
#include <QPromise>
#include <QString>

#include <optional>

#include <functional>
#include <memory>

class AccountSession;
class AuditLog;

// What became of one step of a plan.
struct RevokeOutcome
{
    enum class State { Succeeded, Failed, Cancelled };
    enum class Verification {
        NotChecked, // the service offers no way to check
        Rejected, // asked again, the server no longer knows the token or reports it revoked
        StillActive, // asked again, the server still reports it active
        Unknown, // the check itself failed
    };
    RevokeStep step;
    State state = State::Cancelled;
    QString message; // the error shown to the user when Failed
    // The service's error when Failed by an answer (absent when the step could not start): callers that must tell
    // a 401 from a 404 (sign in again, the CLI's exit codes) read its kind; `message` is its userMessage().
    std::optional<ApiError> error;
    Verification verification = Verification::NotChecked;

    static QString stateName(State state); // "succeeded", "failed", "cancelled"
    QString verificationText() const; // "rejected by the server ✓", a warning, or empty
};

// Runs a RevokePlan through the accounts' sessions: at most maxInFlight calls at once, each audited with
// one group id, then one summary entry for the whole action. cancel() stops steps not yet started (they
// come back Cancelled); calls already sent finish. Where the service can show a token's details, a revoked
// token is asked for again to verify that the server no longer accepts it.
class RevokeRunner : public QObject
{
    Q_OBJECT
public:
    using SessionLookup = std::function<AccountSession *(const QUuid &accountId)>;

    RevokeRunner(SessionLookup sessions, AuditLog *audit, QObject *parent = nullptr);
    ~RevokeRunner() override;

    void setMaxInFlight(int n) { m_maxInFlight = qMax(1, n); }
    void setVerify(bool on) { m_verify = on; }

    // `action` names the grouped action in the audit log ("bulk-revoke", "break-glass"). One run at a time.
    QFuture<QList<RevokeOutcome>> run(const RevokePlan &plan, const QString &action);
    void cancel();
    bool isRunning() const { return m_running; }
    QString groupId() const { return m_groupId; }

    // RFC 4180 CSV of the outcomes (UTF-8, header first, no secrets).
    static QByteArray toCsv(const QList<RevokeOutcome> &outcomes);

signals:
    void progress(int finished, int total);
    void stepFinished(const RevokeOutcome &outcome);
    void finished(const QList<RevokeOutcome> &outcomes);

private:
    void startNext();
    void startStep(int index);
    void finishStep(int index, RevokeOutcome outcome);
    void verifyStep(int index, RevokeOutcome outcome);
    void complete();

    SessionLookup m_sessions;
    AuditLog *m_audit;
    int m_maxInFlight = 4;
    bool m_verify = true;
    bool m_running = false;
    bool m_cancelled = false;
    QString m_action;
    QString m_subject;
    QString m_groupId;
    QList<RevokeStep> m_steps;
    QList<RevokeOutcome> m_outcomes;
    QList<bool> m_done;
    int m_next = 0;
    int m_inFlight = 0;
    int m_finished = 0;
    std::shared_ptr<QPromise<QList<RevokeOutcome>>> m_promise;
};
