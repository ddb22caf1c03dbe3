#include "RevokeCommand.h"

#include "CliApplication.h"

#include "core/Async.h"
#include "providers/AccountSession.h"
#include "workflows/RevokeRunner.h"

#include <QJsonObject>

using Arity = CliArguments::Arity;

namespace {

// The action that groups the calls of one `revoke` in the audit log: the window's word for revoking the tokens
// a user picked, one or many, so both write the same entries.
const char *const RevokeAction = "bulk-revoke";

// A step refused before any call (the service cannot, or the listing says the token is already revoked): the
// exit code of "not there to revoke" (README: 4).
constexpr int RefusedExitCode = 4;

} // namespace

RevokeCommand::RevokeCommand(CliApplication *app)
    : CliSessionCommand(spec(), app)
{ }

CliCommandSpec RevokeCommand::spec()
{
    return {.name = QStringLiteral("revoke"),
        .arguments = QStringLiteral("ACCOUNT ID..."),
        .summary = tr("revoke tokens by id, or every token of a subject"),
        .options = {{QStringLiteral("uid"), Arity::Value, QStringLiteral("SUBJECT"),
                        tr("every token of this subject (NetSapiens: user@domain), before the ids")},
            {QStringLiteral("user"), Arity::Value, QStringLiteral("USER_ID"),
                tr("the ids are tokens of this user (MagicBell user tokens)")}},
        .minPositionals = 1,
        .maxPositionals = -1};
}

QFuture<int> RevokeCommand::run(const QStringList &words)
{
    CliArguments args;
    if (!parse(words, &args))
        return CliFuture::ready(2);
    m_ids = args.positionals.mid(1);
    m_uid = args.value(QStringLiteral("uid"));
    if (m_ids.isEmpty() && m_uid.isEmpty())
        return CliFuture::ready(usageError());
    m_user = args.value(QStringLiteral("user"));
    return runInSession(args.positionals.first());
}

void RevokeCommand::inSession(AccountSession *session, const CliFuture::Completion &done)
{
    if (!m_uid.isEmpty()) {
        // With a subject the ids are revoked as given, without a listing.
        QList<Token> tokens;
        for (const QString &id : std::as_const(m_ids)) {
            Token token;
            token.id = id;
            token.accountId = session->account().id;
            tokens.append(token);
        }
        runPlan(session, tokens, done);
        return;
    }
    // The revoke sends the operation the user named, with the id given: a user token's discard when
    // --user is given, else the account's own kind of token. An id missing from the listing is still sent,
    // because a list can be incomplete (page cap, a next-page link to another host, a failed page) while the
    // DELETE takes the id directly; the listing lends the token's name and kind, and a token it shows as already
    // revoked is refused as the window refuses it.
    auto start = [this, session, done](const QList<Token> &known) {
        QList<Token> tokens;
        for (const QString &id : std::as_const(m_ids)) {
            Token token;
            token.id = id;
            token.subject = m_user;
            if (!m_user.isEmpty())
                token.kind = QStringLiteral("user");
            token.accountId = session->account().id;
            for (const Token &candidate : known) {
                if (candidate.id == id) {
                    token = candidate;
                    break;
                }
            }
            tokens.append(token);
        }
        runPlan(session, tokens, done);
    };
    if (!session->provider()->can(TokenProvider::Capability::List)) {
        start({});
        return;
    }
    ListRequest request;
    request.subject = m_user;
    Async::then(session->refresh(request), this,
        [start](Result<QList<Token>> result) { start(result.ok() ? result.value() : QList<Token>()); });
}

void RevokeCommand::runPlan(AccountSession *session, const QList<Token> &tokens, const CliFuture::Completion &done)
{
    m_plan = RevokePlan::forAccount({session->account(), session->provider(), tokens}, m_uid);
    auto finish = [this, done] {
        printSkippedUpTo(m_plan.steps().size());
        if (jsonOutput())
            out().json(m_results);
        done.finish(m_firstFailure);
    };
    if (m_plan.runnableCount() == 0) {
        // Nothing to send: refused steps are reported, and, as in the window, not audited.
        finish();
        return;
    }
    m_runner = new RevokeRunner([session](const QUuid &id) { return id == session->account().id ? session : nullptr; },
        m_app->auditLog(), this);
    // One call after the other, in the order given, so each line is printed as its call is answered. The server
    // is not asked again afterwards (the window's quick revoke does not either): `verify` is that check.
    m_runner->setMaxInFlight(1);
    m_runner->setVerify(false);
    connect(m_runner, &RevokeRunner::stepFinished, this, &RevokeCommand::printOutcome);
    Async::then(m_runner->run(m_plan, QLatin1String(RevokeAction)), this, [finish](QList<RevokeOutcome>) { finish(); });
}

void RevokeCommand::printSkippedUpTo(qsizetype end)
{
    const QList<RevokeStep> &steps = m_plan.steps();
    for (; m_printed < end && m_printed < steps.size(); ++m_printed) {
        const RevokeStep &step = steps.at(m_printed);
        if (!step.willRun())
            report(step, RefusedExitCode, step.skipReason);
    }
}

void RevokeCommand::printOutcome(const RevokeOutcome &outcome)
{
    // The runner answers the runnable steps in the plan's order (one at a time); refused ones before it come first.
    const QList<RevokeStep> &steps = m_plan.steps();
    qsizetype next = m_printed;
    while (next < steps.size() && !steps.at(next).willRun())
        ++next;
    printSkippedUpTo(next);
    ++m_printed;
    if (outcome.state == RevokeOutcome::State::Succeeded)
        report(outcome.step, 0, {});
    else if (outcome.error)
        report(outcome.step, outcome.error->exitCode(), outcome.error->fullMessage());
    else // the step could not start (no session): no answer to take a code from
        report(outcome.step, 1, outcome.message);
}

void RevokeCommand::report(const RevokeStep &step, int failureCode, const QString &failureMessage)
{
    const QString id = step.target();
    const bool ok = failureCode == 0;
    QJsonObject result;
    result.insert(QStringLiteral("id"), id);
    result.insert(QStringLiteral("ok"), ok);
    result.insert(QStringLiteral("error"), ok ? QJsonValue(QJsonValue::Null) : QJsonValue(failureMessage));
    m_results.append(result);
    if (ok) {
        if (jsonOutput())
            return;
        const QString name = step.token.label;
        if (step.kind == RevokeStep::Kind::Subject)
            out().line(tr("Revoked every token of %1").arg(id));
        else
            out().line(name.isEmpty() ? tr("Revoked %1").arg(id) : tr("Revoked %1 (\"%2\")").arg(id, name));
        return;
    }
    const int code = out().fail(failureCode, tr("%1: %2").arg(id, failureMessage));
    if (m_firstFailure == 0)
        m_firstFailure = code;
}
