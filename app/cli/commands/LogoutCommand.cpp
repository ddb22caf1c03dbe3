#include "LogoutCommand.h"

#include "CliApplication.h"

#include "core/Async.h"
#include "providers/AccountSession.h"

LogoutCommand::LogoutCommand(CliApplication *app)
    : CliSessionCommand(spec(), app)
{ }

CliCommandSpec LogoutCommand::spec()
{
    return {.name = QStringLiteral("logout"),
        .arguments = QStringLiteral("ACCOUNT"),
        .summary = tr("end the account's session, or log out a token"),
        .options = {{QStringLiteral("token-stdin"), CliArguments::Arity::Flag, {},
            tr("log out the token read from stdin instead (Svix)")}},
        .minPositionals = 1,
        .maxPositionals = 1};
}

QFuture<int> LogoutCommand::run(const QStringList &words)
{
    CliArguments args;
    if (!parse(words, &args))
        return CliFuture::ready(2);
    int code = 0;
    if (args.has(QStringLiteral("token-stdin")) && !readTokenFromStdin(&m_tokenValue, &code))
        return CliFuture::ready(code);
    return runInSession(args.positionals.first());
}

void LogoutCommand::inSession(AccountSession *session, const CliFuture::Completion &done)
{
    const QString name = session->account().name;
    const bool byToken = !m_tokenValue.isEmpty();
    const TokenProvider::Capability needed =
        byToken ? TokenProvider::Capability::Logout : TokenProvider::Capability::SignOut;
    if (!session->provider()->can(needed)) {
        done.finish(fail(ApiError(ApiError::Kind::NotSupported,
            byToken ? tr("this account cannot log out a token") : tr("this account has no session to sign out of"))));
        return;
    }
    if (!byToken && !session->provider()->isSignedIn()) {
        // Nothing is sent, so nothing is claimed: exit 4 (not found), as documented.
        done.finish(fail(4, tr("not signed in to \"%1\": there is no session to sign out of").arg(name)));
        return;
    }
    QFuture<Result<Done>> future = byToken ? session->logoutToken(m_tokenValue) : session->signOut();
    Async::then(future, this, [this, done, name, byToken](Result<Done> result) {
        if (!result.ok()) {
            done.finish(fail(result.error()));
            return;
        }
        if (!jsonOutput())
            out().line(byToken ? tr("The token was logged out.") : tr("Signed out of \"%1\".").arg(name));
        done.finish(0);
    });
}
