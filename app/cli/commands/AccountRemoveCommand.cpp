#include "AccountRemoveCommand.h"

#include "CliApplication.h"
#include "CliFuture.h"

#include "core/Async.h"
#include "workflows/AccountLifecycle.h"

AccountRemoveCommand::AccountRemoveCommand(CliApplication *app)
    : CliCommand(spec(), app)
{ }

CliCommandSpec AccountRemoveCommand::spec()
{
    return {.name = QStringLiteral("account remove"),
        .arguments = QStringLiteral("NAME|UUID"),
        .summary = tr("remove an account and its keychain entries"),
        .minPositionals = 1,
        .maxPositionals = 1};
}

QFuture<int> AccountRemoveCommand::run(const QStringList &words)
{
    CliArguments args;
    if (!parse(words, &args))
        return CliFuture::ready(2);
    const std::optional<Account> account = m_app->accounts().find(args.positionals.first());
    if (!account)
        return CliFuture::ready(fail(4, tr("no account named \"%1\"").arg(args.positionals.first())));
    // The same clean-up as the window's Remove Account: the accounts file, every keychain entry an account of
    // that service may hold, its notes, an audit entry.
    CliFuture::Completion done;
    const Account removed = *account;
    Async::then(m_app->lifecycle()->remove(removed), this, [this, done, removed](Result<Done> result) {
        if (!result.ok() && result.error().kind() == ApiError::Kind::Storage) {
            done.finish(fail(1, tr("cannot save the accounts: %1").arg(result.error().userMessage())));
            return;
        }
        if (!result.ok()) {
            done.finish(fail(result.error().exitCode(),
                tr("the account was removed, but its keychain entries could not be deleted: %1")
                    .arg(result.error().fullMessage())));
            return;
        }
        if (!jsonOutput())
            out().line(tr("Removed account \"%1\".").arg(removed.name));
        done.finish(0);
    });
    return done.future();
}
