#pragma once

#include "CliCommand.h"
#include "CliFuture.h"

#include "workflows/RevokePlan.h"
#include "workflows/RevokeRunner.h"

#include <QFuture>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPair>
#include <QStringList>
#include <QUuid>

class CliAccountLister;

// `tokendesk-cli break-glass SUBJECT [--dry-run] [--json] [--account NAME]...`: lists every selected account
// (all of them by default) concurrently, plans a RevokePlan::forSubject over what was listed, prints every
// call (the dry run stops there and sends nothing else), otherwise runs it with RevokeRunner as one grouped
// "break-glass" audit action. Exit 0 when every account was checked and every step succeeded, 1 otherwise,
// 2 on a usage error.
class BreakGlassCommand : public CliCommand
{
    Q_OBJECT
public:
    explicit BreakGlassCommand(CliApplication *app);
    static CliCommandSpec spec();
    QFuture<int> run(const QStringList &words) override;

private:
    void planAndRun();
    void printPlan(const RevokePlan &plan) const;
    void report(const RevokePlan &plan, const QList<RevokeOutcome> &outcomes, bool ran);
    void finish(int code);

    QString m_subject;
    bool m_dryRun = false;
    CliAccountLister *m_lister = nullptr; // lists every account, keeps their sessions
    QList<QPair<QString, QString>> m_notChecked; // account name, reason
    RevokeRunner *m_runner = nullptr;
    CliFuture::Completion m_done;
};
