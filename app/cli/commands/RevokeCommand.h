#pragma once

#include "CliSessionCommand.h"

#include "core/Token.h"
#include "workflows/RevokePlan.h"

#include <QJsonArray>

#include <QString>
#include <QStringList>

class RevokeRunner;
struct RevokeOutcome;

// `revoke`: revokes tokens by id, or every token of a subject (--uid), as one RevokePlan run by the RevokeRunner
// the window uses (the same refusals, the same audit entries and summary), one call after the other; each result
// is printed as the server confirmed it.
class RevokeCommand : public CliSessionCommand
{
    Q_OBJECT
public:
    explicit RevokeCommand(CliApplication *app);
    static CliCommandSpec spec();
    QFuture<int> run(const QStringList &words) override;

private:
    void inSession(AccountSession *session, const CliFuture::Completion &done) override;

    void runPlan(AccountSession *session, const QList<Token> &tokens, const CliFuture::Completion &done);
    void printSkippedUpTo(qsizetype end);
    void printOutcome(const RevokeOutcome &outcome);
    // One result: a line on stdout (success) or stderr (failure, code != 0), and its element of the --json array.
    void report(const RevokeStep &step, int failureCode, const QString &failureMessage);

    QStringList m_ids;
    QString m_uid;
    QString m_user;
    RevokePlan m_plan;
    RevokeRunner *m_runner = nullptr;
    qsizetype m_printed = 0; // steps of m_plan reported so far, in the plan's order
    QJsonArray m_results;
    int m_firstFailure = 0;
};
