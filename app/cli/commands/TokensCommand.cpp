#include "TokensCommand.h"

#include "CliApplication.h"
#include "CliTokenPrinter.h"

#include "core/Async.h"
#include "providers/AccountSession.h"
#include "workflows/AccountTokens.h"

#include <memory>

using Arity = CliArguments::Arity;

TokensCommand::TokensCommand(CliApplication *app)
    : CliSessionCommand(spec(), app)
{ }

CliCommandSpec TokensCommand::spec()
{
    return {.name = QStringLiteral("tokens"),
        .arguments = QStringLiteral("ACCOUNT"),
        .summary = tr("list the tokens of an account"),
        .options = {{QStringLiteral("user"), Arity::Value, QStringLiteral("USER_ID"),
                        tr("the tokens of one user (MagicBell user tokens)")},
            {QStringLiteral("app"), Arity::Value, QStringLiteral("APP_ID"),
                tr("the tokens of one application (Svix)")}},
        .minPositionals = 1,
        .maxPositionals = 1};
}

QFuture<int> TokensCommand::run(const QStringList &words)
{
    CliArguments args;
    if (!parse(words, &args))
        return CliFuture::ready(2);
    m_user = args.value(QStringLiteral("user"));
    m_appId = args.value(QStringLiteral("app"));
    return runInSession(args.positionals.first());
}

void TokensCommand::inSession(AccountSession *session, const CliFuture::Completion &done)
{
    // Without its session a signed-in listing would only show the ledger and look complete: say so instead.
    if (isSignedOut()) {
        done.finish(fail(ApiError(
            ApiError::Kind::Unauthorized, tr("the account \"%1\" is not signed in").arg(session->account().name))));
        return;
    }
    m_accountId = session->account().id;
    ListRequest request;
    request.subject = m_user;
    request.appId = m_appId;
    // Non-fatal notices (a list cut short at the page cap) go to stderr; the list still prints.
    auto warnings = std::make_shared<QStringList>();
    const QMetaObject::Connection connection = connect(session->provider(), &TokenProvider::warning, this,
        [warnings](const QString &message) { warnings->append(message); });
    Async::then(session->refresh(request), this, [this, done, warnings, connection](Result<QList<Token>> result) {
        disconnect(connection);
        for (const QString &message : std::as_const(*warnings))
            out().note(tr("tokendesk-cli: warning: %1").arg(message) + QLatin1Char('\n'));
        if (!result.ok()) {
            done.finish(fail(result.error()));
            return;
        }
        QList<Token> tokens = result.value();
        AccountTokens::markRotations(tokens, m_app->rotations(), m_accountId);
        CliTokenPrinter::printList(out(), jsonOutput(), tokens);
        done.finish(0);
    });
}
