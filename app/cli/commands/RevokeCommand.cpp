#include "RevokeCommand.h"

#include "CliApplication.h"

#include "core/Async.h"
#include "providers/AccountSession.h"

#include <QJsonObject>

using Arity = CliArguments::Arity;

namespace {

// One element of `revoke --json`'s array.
QJsonObject resultJson(const QString &id, bool ok, const ApiError &error)
{
    QJsonObject object;
    object.insert(QStringLiteral("id"), id);
    object.insert(QStringLiteral("ok"), ok);
    object.insert(QStringLiteral("error"), ok ? QJsonValue(QJsonValue::Null) : error.fullMessage());
    return object;
}

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
        Async::then(session->revokeAllForSubject(m_uid), this, [this, done, session](Result<Done> result) {
            const ApiError error = result.ok() ? ApiError() : result.error();
            QJsonArray results = {resultJson(m_uid, result.ok(), error)};
            int code = 0;
            if (result.ok()) {
                if (!jsonOutput())
                    out().line(tr("Revoked every token of %1").arg(m_uid));
            } else {
                code = out().fail(error.exitCode(), tr("%1: %2").arg(m_uid, error.fullMessage()));
            }
            QList<Token> queue;
            for (const QString &id : std::as_const(m_ids)) {
                Token token;
                token.id = id;
                token.accountId = session->account().id;
                queue.append(token);
            }
            revokeNext(session, queue, results, code, done);
        });
        return;
    }
    // The revoke sends the operation the user named, with the id given: a user token's discard when
    // --user is given, else the account's own kind of token. The listing only lends the token's name
    // (and its kind where the service tells); it is never a gate, because a list can be incomplete
    // (page cap, a next-page link to another host, a failed page) while the DELETE takes the id directly.
    auto start = [this, session, done](const QList<Token> &known) {
        QList<Token> queue;
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
            queue.append(token);
        }
        revokeNext(session, queue, {}, 0, done);
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

void RevokeCommand::revokeNext(AccountSession *session, QList<Token> queue, QJsonArray results, int firstFailure,
    const CliFuture::Completion &done)
{
    if (queue.isEmpty()) {
        if (jsonOutput())
            out().json(results);
        done.finish(firstFailure);
        return;
    }
    const Token token = queue.takeFirst();
    auto record = [this, session, queue, results, firstFailure, done, id = token.id, name = token.label](
                      const ApiError &error) {
        QJsonArray all = results;
        int failure = firstFailure;
        all.append(resultJson(id, error.isNone(), error));
        if (error.isNone()) {
            if (!jsonOutput())
                out().line(name.isEmpty() ? tr("Revoked %1").arg(id) : tr("Revoked %1 (\"%2\")").arg(id, name));
        } else {
            const int code = out().fail(error.exitCode(), tr("%1: %2").arg(id, error.fullMessage()));
            if (failure == 0)
                failure = code;
        }
        revokeNext(session, queue, all, failure, done);
    };
    Async::then(session->revoke(token), this,
        [record](Result<Done> result) { record(result.ok() ? ApiError() : result.error()); });
}
