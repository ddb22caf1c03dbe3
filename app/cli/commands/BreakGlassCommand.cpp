#include "BreakGlassCommand.h"

#include "CliAccountLister.h"
#include "CliApplication.h"
#include "CliArguments.h"

#include "core/Async.h"
#include "providers/AccountSession.h"
#include "store/AuditLog.h"
#include "workspace/Workspace.h"

#include <QJsonArray>
#include <QJsonObject>

namespace {

QString kindName(RevokeStep::Kind kind)
{
    switch (kind) {
    case RevokeStep::Kind::Token:
        return QStringLiteral("token");
    case RevokeStep::Kind::Subject:
        return QStringLiteral("subject");
    case RevokeStep::Kind::ExpireAll:
        return QStringLiteral("expire-all");
    }
    return {};
}

QJsonObject stepJson(const RevokeStep &step)
{
    QJsonObject object;
    object.insert(QStringLiteral("account"), step.accountName);
    object.insert(QStringLiteral("account_id"), step.accountId.toString(QUuid::WithoutBraces));
    object.insert(QStringLiteral("provider"), step.providerId);
    object.insert(QStringLiteral("kind"), kindName(step.kind));
    object.insert(QStringLiteral("target"), step.target());
    object.insert(QStringLiteral("description"), step.describe());
    object.insert(QStringLiteral("call"), step.call);
    object.insert(QStringLiteral("tokens"), qMax(qsizetype(1), step.covers.size()));
    if (!step.willRun())
        object.insert(QStringLiteral("skipped"), step.skipReason);
    return object;
}

} // namespace

BreakGlassCommand::BreakGlassCommand(CliApplication *app)
    : CliCommand(spec(), app)
{ }

CliCommandSpec BreakGlassCommand::spec()
{
    return {.name = QStringLiteral("break-glass"),
        .arguments = QStringLiteral("SUBJECT"),
        .summary = tr("revoke everything of a subject in every account (one grouped audit entry)"),
        .options = {{QStringLiteral("dry-run"), CliArguments::Arity::Flag, {},
                        tr("list the calls that would be made; send none")},
            CliAccountLister::accountOption()},
        .minPositionals = 1,
        .maxPositionals = 1};
}

QFuture<int> BreakGlassCommand::run(const QStringList &words)
{
    const QFuture<int> future = m_done.future();
    CliArguments args;
    if (!parse(words, &args)) {
        finish(2);
        return future;
    }
    if (args.positionals.first().trimmed().isEmpty()) {
        finish(usageError());
        return future;
    }
    if (m_app->hasStdinSecrets()) {
        finish(out().fail(2,
            tr("break-glass uses the stored secrets of each account; --secrets-stdin "
               "is not supported here")));
        return future;
    }
    m_subject = args.positionals.first().trimmed();
    m_dryRun = args.has(QStringLiteral("dry-run"));

    m_lister = new CliAccountLister(m_app, this);
    if (const int code = m_lister->select(args.values(QStringLiteral("account"))); code != 0) {
        finish(code);
        return future;
    }
    // Every account at once; one that fails is reported as not checked and does not stop the others.
    connect(m_lister, &CliAccountLister::finished, this, &BreakGlassCommand::planAndRun);
    m_lister->start();
    return future;
}

void BreakGlassCommand::planAndRun()
{
    for (const CliAccountLister::Failure &failure : m_lister->failures())
        m_notChecked.append({failure.account.name, failure.error.fullMessage()});
    const RevokePlan plan = RevokePlan::forSubject(m_subject, m_lister->listed());
    if (m_dryRun || plan.runnableCount() == 0) {
        report(plan, {}, false);
        return;
    }
    CliAccountLister *lister = m_lister;
    m_runner = new RevokeRunner([lister](const QUuid &id) { return lister->session(id); }, m_app->auditLog(), this);
    Async::then(m_runner->run(plan, QStringLiteral("break-glass")), this,
        [this, plan](QList<RevokeOutcome> outcomes) { report(plan, outcomes, true); });
}

void BreakGlassCommand::report(const RevokePlan &plan, const QList<RevokeOutcome> &outcomes, bool ran)
{
    int failed = 0;
    for (const RevokeOutcome &outcome : outcomes)
        failed += outcome.state == RevokeOutcome::State::Succeeded ? 0 : 1;
    const bool ok = failed == 0 && m_notChecked.isEmpty();

    if (jsonOutput()) {
        QJsonObject object;
        object.insert(QStringLiteral("subject"), m_subject);
        object.insert(QStringLiteral("dry_run"), m_dryRun);
        QJsonArray notChecked;
        for (const auto &[account, reason] : std::as_const(m_notChecked))
            notChecked.append(QJsonObject {{QStringLiteral("account"), account}, {QStringLiteral("reason"), reason}});
        object.insert(QStringLiteral("not_checked"), notChecked);
        QJsonArray steps;
        if (ran) {
            for (const RevokeOutcome &outcome : outcomes) {
                QJsonObject step = stepJson(outcome.step);
                step.insert(QStringLiteral("outcome"), RevokeOutcome::stateName(outcome.state));
                if (!outcome.message.isEmpty())
                    step.insert(QStringLiteral("message"), outcome.message);
                if (!outcome.verificationText().isEmpty())
                    step.insert(QStringLiteral("verification"), outcome.verificationText());
                steps.append(step);
            }
            for (const RevokeStep &step : plan.steps()) {
                if (!step.willRun())
                    steps.append(stepJson(step));
            }
        } else {
            for (const RevokeStep &step : plan.steps())
                steps.append(stepJson(step));
        }
        object.insert(QStringLiteral("steps"), steps);
        object.insert(QStringLiteral("tokens"), plan.tokenCount());
        if (m_runner && ran)
            object.insert(QStringLiteral("group"), m_runner->groupId());
        object.insert(QStringLiteral("ok"), ok);
        out().json(object);
    } else {
        for (const auto &[account, reason] : std::as_const(m_notChecked))
            out().line(tr("not checked: %1: %2").arg(account, reason));
        if (plan.isEmpty()) {
            out().line(tr("Nothing matches \"%1\" in the accounts checked.").arg(m_subject));
        } else if (!ran) {
            if (m_dryRun)
                out().line(tr("Dry run: these calls would be made; none was sent."));
            else
                out().line(tr("Nothing can be revoked for \"%1\":").arg(m_subject));
            for (const QString &line : plan.preview())
                out().line(QStringLiteral("  ") + line);
        } else {
            QList<QStringList> rows;
            for (const RevokeOutcome &outcome : outcomes) {
                const QString detail =
                    outcome.state == RevokeOutcome::State::Failed ? outcome.message : outcome.verificationText();
                rows.append({outcome.step.accountName, outcome.step.describe(), RevokeOutcome::stateName(outcome.state),
                    detail});
            }
            for (const RevokeStep &step : plan.steps()) {
                if (!step.willRun())
                    rows.append({step.accountName, step.describe(), tr("skipped"), step.skipReason});
            }
            out().table({tr("ACCOUNT"), tr("STEP"), tr("OUTCOME"), tr("DETAIL")}, rows);
        }
    }
    // One stderr line says why the exit code is 1.
    QStringList problems;
    if (!m_notChecked.isEmpty())
        problems.append(tr("%n account(s) could not be checked", nullptr, int(m_notChecked.size())));
    if (failed > 0)
        problems.append(tr("%n step(s) did not succeed", nullptr, failed));
    if (!problems.isEmpty())
        out().fail(1, problems.join(QStringLiteral("; ")));
    finish(ok ? 0 : 1);
}

void BreakGlassCommand::finish(int code)
{
    if (!m_lister) {
        m_done.finish(code);
        return;
    }
    // Wait for keychain writes a provider asked for (a refreshed session token) before reporting the code.
    Async::then(m_lister->settle(), this, [this, code](Result<Done>) { m_done.finish(code); });
}
