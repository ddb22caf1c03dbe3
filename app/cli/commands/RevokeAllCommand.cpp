#include "RevokeAllCommand.h"

#include "CliApplication.h"
#include "CliFieldFlags.h"

#include "core/Async.h"
#include "core/Duration.h"
#include "providers/AccountSession.h"

#include <QJsonArray>
#include <QJsonObject>

using Arity = CliArguments::Arity;

RevokeAllCommand::RevokeAllCommand(CliApplication *app)
    : CliSessionCommand(spec(), app)
{ }

CliCommandSpec RevokeAllCommand::spec()
{
    // Named as the window names it (Expire All); the first name stays for existing scripts.
    return {.name = QStringLiteral("expire-all"),
        .aliases = {QStringLiteral("revoke-all")},
        .arguments = QStringLiteral("ACCOUNT"),
        .summary = tr("expire every token of a Svix application after a grace period"),
        .options = {{QStringLiteral("app"), Arity::Value, QStringLiteral("APP_ID"), tr("the application"), true},
            {QStringLiteral("grace"), Arity::Value, QStringLiteral("DURATION"),
                tr("how long the tokens keep working (60s, \"5 minutes\"; default 0)")},
            {QStringLiteral("session"), Arity::Repeated, QStringLiteral("S"), tr("only the tokens of this session")},
            {QStringLiteral("dry-run"), Arity::Flag, {}, tr("say what would expire; send nothing")}},
        .minPositionals = 1,
        .maxPositionals = 1};
}

QFuture<int> RevokeAllCommand::run(const QStringList &words)
{
    CliArguments args;
    if (!parse(words, &args))
        return CliFuture::ready(2);
    if (args.value(QStringLiteral("app")).isEmpty())
        return CliFuture::ready(usageError());
    m_request.appId = args.value(QStringLiteral("app"));
    m_request.sessionIds = args.values(QStringLiteral("session"));
    if (args.has(QStringLiteral("grace"))) {
        QString error;
        const std::optional<double> seconds = Duration::parseSeconds(args.value(QStringLiteral("grace")), &error);
        if (!seconds || *seconds < 0)
            return CliFuture::ready(fail(2, tr("--grace: %1").arg(error.isEmpty() ? tr("not a duration") : error)));
        m_request.graceSeconds = qint64(*seconds);
    }
    m_dryRun = args.has(QStringLiteral("dry-run"));
    return runInSession(args.positionals.first());
}

void RevokeAllCommand::inSession(AccountSession *session, const CliFuture::Completion &done)
{
    if (!session->provider()->can(TokenProvider::Capability::ExpireAll)) {
        done.finish(fail(ApiError(ApiError::Kind::NotSupported, tr("this account cannot expire all tokens"))));
        return;
    }
    if (m_dryRun) {
        describe(true);
        done.finish(0);
        return;
    }
    Async::then(session->expireAll(m_request), this, [this, done](Result<Done> result) {
        if (!result.ok()) {
            const ApiError &error = result.error();
            if (error.fieldErrors().isEmpty()) {
                done.finish(fail(error));
                return;
            }
            // Field errors (local checks or a server's 422) name the option: expiry is the grace period.
            static const QHash<QString, QString> flagForField = {{QStringLiteral("expiry"), QStringLiteral("grace")},
                {QStringLiteral("session_ids"), QStringLiteral("session")},
                {QStringLiteral("app_id"), QStringLiteral("app")}};
            done.finish(fail(error.exitCode(), CliFieldFlags::describe(error.fieldErrors(), flagForField)));
            return;
        }
        describe(false);
        done.finish(0);
    });
}

void RevokeAllCommand::describe(bool dryRun) const
{
    if (jsonOutput()) {
        QJsonObject object;
        object.insert(QStringLiteral("app"), m_request.appId);
        object.insert(QStringLiteral("grace_seconds"), m_request.graceSeconds);
        object.insert(QStringLiteral("sessions"), QJsonArray::fromStringList(m_request.sessionIds));
        object.insert(QStringLiteral("dry_run"), dryRun);
        object.insert(QStringLiteral("ok"), true);
        out().json(object);
        return;
    }
    const QString scope = m_request.sessionIds.isEmpty()
        ? tr("every token of application %1").arg(m_request.appId)
        : tr("the tokens of sessions %1 of application %2")
              .arg(m_request.sessionIds.join(QStringLiteral(", ")), m_request.appId);
    const QString grace = Duration::format(m_request.graceSeconds);
    out().line(dryRun ? tr("Would expire %1 after a grace period of %2.").arg(scope, grace)
                      : tr("Expired %1 (grace period %2).").arg(scope, grace));
}
