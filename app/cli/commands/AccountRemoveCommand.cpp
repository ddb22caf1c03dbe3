#include "AccountRemoveCommand.h"

#include "CliApplication.h"
#include "CliFuture.h"

#include "core/Async.h"
#include "providers/ProviderRegistry.h"
#include "store/SecretStore.h"

#include <memory>

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
    AccountStore &store = m_app->accounts();
    const std::optional<Account> account = store.find(args.positionals.first());
    if (!account)
        return CliFuture::ready(fail(4, tr("no account named \"%1\"").arg(args.positionals.first())));
    if (!store.remove(account->id))
        return CliFuture::ready(fail(1, tr("cannot save the accounts: %1").arg(store.lastError())));

    // Its keychain entries go too: every secret field the provider declares, plus the generic keys.
    QStringList fields = {QStringLiteral("password"), QStringLiteral("api_key"), QStringLiteral("token"),
        QStringLiteral("client_secret")};
    if (const ProviderDescriptor *descriptor = ProviderRegistry::instance().find(account->providerId)) {
        for (const QString &field : descriptor->keychainFields()) {
            if (!fields.contains(field))
                fields.append(field);
        }
    }
    CliFuture::Completion done;
    auto remaining = std::make_shared<int>(int(fields.size()));
    auto firstError = std::make_shared<ApiError>();
    const Account removed = *account;
    for (const QString &field : std::as_const(fields)) {
        Async::then(m_app->secrets()->remove(removed.secretKey(field)), this,
            [this, done, remaining, firstError, removed](Result<Done> result) {
                if (!result.ok() && firstError->isNone())
                    *firstError = result.error();
                if (--*remaining > 0)
                    return;
                if (!firstError->isNone()) {
                    done.finish(fail(firstError->exitCode(),
                        tr("the account was removed, but its keychain entries could not be deleted: %1")
                            .arg(firstError->fullMessage())));
                    return;
                }
                if (!jsonOutput())
                    out().line(tr("Removed account \"%1\".").arg(removed.name));
                done.finish(0);
            });
    }
    return done.future();
}
