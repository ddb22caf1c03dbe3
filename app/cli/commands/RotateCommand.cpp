#include "RotateCommand.h"

#include "CliApplication.h"

#include "core/Async.h"
#include "core/Clock.h"
#include "core/Duration.h"
#include "providers/AccountSession.h"
#include "workflows/RotationFinisher.h"
#include "workflows/TokenRotation.h"

#include <QJsonArray>

using Arity = CliArguments::Arity;

RotateCommand::RotateCommand(CliApplication *app)
    : CliSessionCommand(spec(), app)
{ }

CliCommandSpec RotateCommand::spec()
{
    return {.name = QStringLiteral("rotate"),
        .arguments = QStringLiteral("ACCOUNT [ID]"),
        .summary = tr("replace a token by a new one with its settings; the old one is revoked after a grace period"),
        .options = {{QStringLiteral("grace"), Arity::Value, QStringLiteral("DURATION"),
                        tr("how long the old token stays valid (default 0: revoked at once); Svix: at most 3 days")},
            {QStringLiteral("confirm-unverified"), Arity::Flag, {},
                tr("go on where the service cannot check the new token (Svix, MagicBell): you will put it in place")},
            {QStringLiteral("finish-due"), Arity::Flag, {},
                tr("revoke the old tokens of this account's rotations whose grace period is over (for cron)")}},
        .minPositionals = 1,
        .maxPositionals = 2};
}

QFuture<int> RotateCommand::run(const QStringList &words)
{
    CliArguments args;
    if (!parse(words, &args))
        return CliFuture::ready(2);
    m_finishDue = args.has(QStringLiteral("finish-due"));
    m_confirmed = args.has(QStringLiteral("confirm-unverified"));
    m_id = args.positionals.value(1);
    if (m_finishDue == !m_id.isEmpty())
        return CliFuture::ready(usageError());
    if (args.has(QStringLiteral("grace"))) {
        QString error;
        const std::optional<double> seconds = Duration::parseSeconds(args.value(QStringLiteral("grace")), &error);
        if (!seconds || *seconds < 0)
            return CliFuture::ready(fail(2, tr("--grace: %1").arg(error.isEmpty() ? tr("not a duration") : error)));
        m_graceSeconds = qint64(*seconds);
    }
    return runInSession(args.positionals.first());
}

void RotateCommand::inSession(AccountSession *session, const CliFuture::Completion &done)
{
    m_accountName = session->account().name;
    if (m_finishDue) {
        finishDue(session, done);
        return;
    }
    TokenProvider *provider = session->provider();
    // The service cannot check the new token: the user has to say up front that it will be put in place, since
    // the old one is revoked without a check (exit 2 before anything is created).
    if (!provider->can(TokenProvider::Capability::VerifyValue) && !m_confirmed) {
        done.finish(fail(2,
            tr("%1 cannot check a new token, so nothing confirms it works before the old one is revoked: add "
               "--confirm-unverified (and a --grace long enough to put the new token in place)")
                .arg(session->account().name)));
        return;
    }
    Async::then(session->refresh(), this, [this, session, done](Result<QList<Token>> listed) {
        if (!listed.ok()) {
            done.finish(fail(listed.error()));
            return;
        }
        for (const Token &token : listed.value()) {
            if (token.id == m_id) {
                rotate(session, token, done);
                return;
            }
        }
        done.finish(fail(4, tr("no token with id \"%1\" in this account").arg(m_id)));
    });
}

void RotateCommand::rotate(AccountSession *session, const Token &token, const CliFuture::Completion &done)
{
    auto *rotation = new TokenRotation(session, m_app->rotations(), m_app->auditLog(), Clock::system(), this);
    Async::then(rotation->begin(token, m_graceSeconds, m_confirmed), this,
        [this, rotation, done](const RotationReport &report) {
            const CreatedToken created = rotation->takeCreated();
            printReport(report, created.value.isEmpty() ? nullptr : &created);
            rotation->deleteLater();
            if (report.outcome == RotationReport::Outcome::Refused || report.outcome == RotationReport::Outcome::Failed
                || report.outcome == RotationReport::Outcome::RolledBack)
                done.finish(fail(report.exitCode(), report.error.fullMessage()));
            else
                done.finish(0);
        });
}

void RotateCommand::finishDue(AccountSession *session, const CliFuture::Completion &done)
{
    auto *finisher = new RotationFinisher(
        [session](const QUuid &) { return session; }, m_app->rotations(), m_app->auditLog(), Clock::system(), this);
    Async::then(
        finisher->finishDue(session->account().id), this, [this, finisher, done](const QList<RotationReport> &reports) {
            int code = 0;
            QJsonArray array;
            for (const RotationReport &report : reports) {
                if (jsonOutput())
                    array.append(reportJson(report));
                else
                    printReport(report, nullptr);
                if (report.outcome == RotationReport::Outcome::Failed) {
                    const int failed = fail(report.exitCode(), report.error.fullMessage());
                    if (code == 0)
                        code = failed;
                }
            }
            if (jsonOutput())
                out().json(array);
            else if (reports.isEmpty())
                out().line(tr("No rotation is due."));
            finisher->deleteLater();
            done.finish(code);
        });
}

QJsonObject RotateCommand::reportJson(const RotationReport &report)
{
    QJsonObject object;
    object.insert(QStringLiteral("outcome"), RotationReport::outcomeName(report.outcome));
    object.insert(QStringLiteral("group"), report.groupId);
    object.insert(QStringLiteral("old_id"), report.oldToken.id);
    object.insert(QStringLiteral("new_id"), CliOutput::textOrNull(report.newToken.id));
    object.insert(QStringLiteral("old_revoked_at"), CliOutput::isoOrNull(report.due));
    object.insert(
        QStringLiteral("error"), report.error.isNone() ? QJsonValue(QJsonValue::Null) : report.error.fullMessage());
    QJsonArray steps;
    for (const RotationStep &step : report.steps) {
        steps.append(QJsonObject {{QStringLiteral("step"), RotationStep::kindName(step.kind)},
            {QStringLiteral("state"), RotationStep::stateName(step.state)}, {QStringLiteral("detail"), step.detail},
            {QStringLiteral("time"), CliOutput::isoOrNull(step.time)}});
    }
    object.insert(QStringLiteral("steps"), steps);
    return object;
}

void RotateCommand::printReport(const RotationReport &report, const CreatedToken *created)
{
    // The new value is printed once, here, as `create` prints one: nowhere else, and only for a rotation that
    // goes on (a rolled-back one never hands it out).
    if (jsonOutput()) {
        if (m_finishDue)
            return; // finishDue() prints the array
        QJsonObject object = reportJson(report);
        if (created) {
            object.insert(QStringLiteral("token"), created->value);
            object.insert(QStringLiteral("expires_at"), CliOutput::isoOrNull(created->token.expires));
            if (!created->link.isEmpty())
                object.insert(QStringLiteral("link"), created->link);
            if (!created->refreshValue.isEmpty())
                object.insert(QStringLiteral("refresh"),
                    QJsonObject {{QStringLiteral("id"), created->refreshId},
                        {QStringLiteral("token"), created->refreshValue},
                        {QStringLiteral("expires_at"), CliOutput::isoOrNull(created->refreshExpires)}});
        }
        out().json(object);
        return;
    }
    QList<QStringList> rows;
    for (const RotationStep &step : report.steps)
        rows.append({RotationStep::kindName(step.kind), RotationStep::stateName(step.state), step.detail});
    if (!rows.isEmpty())
        out().table({tr("Step"), tr("State"), tr("Detail")}, rows);
    switch (report.outcome) {
    case RotationReport::Outcome::Scheduled:
        out().line(tr("Rotating %1: the new token is %2; the old one is revoked at %3 (run `tokendesk-cli rotate %4 "
                      "--finish-due` then, or keep TokenDesk open).")
                       .arg(report.oldToken.id, report.newToken.id, CliOutput::isoText(report.due), m_accountName));
        break;
    case RotationReport::Outcome::Completed:
        out().line(
            tr("Rotated %1: the new token is %2; the old one is revoked.").arg(report.oldToken.id, report.newToken.id));
        break;
    default:
        break;
    }
    if (created) {
        out().line(tr("The new token's value is shown once:"));
        out().line(created->value);
        if (!created->link.isEmpty())
            out().line(tr("Link: %1").arg(created->link));
        if (!created->refreshValue.isEmpty()) {
            out().line(tr("With it, a refresh token (id %1); shown once:").arg(created->refreshId));
            out().line(created->refreshValue);
        }
        for (const QString &note : created->notes)
            out().line(tr("Note: %1").arg(note));
    }
}
