#include "AccountListCommand.h"

#include "CliApplication.h"
#include "CliFuture.h"

#include "core/Async.h"
#include "providers/ProviderRegistry.h"
#include "store/SecretStore.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QUuid>

#include <memory>

AccountListCommand::AccountListCommand(CliApplication *app)
    : CliCommand(spec(), app)
{ }

CliCommandSpec AccountListCommand::spec()
{
    return {.name = QStringLiteral("account list"), .summary = tr("the configured accounts")};
}

QFuture<int> AccountListCommand::run(const QStringList &words)
{
    CliArguments args;
    if (!parse(words, &args))
        return CliFuture::ready(2);
    AccountStore &store = m_app->accounts();
    const QList<Account> accounts = store.load();
    if (!store.lastError().isEmpty() && accounts.isEmpty())
        return CliFuture::ready(fail(1, tr("cannot read the accounts: %1").arg(store.lastError())));

    // An account without a base URL whose service derives the host from its secrets (Svix: the API key's
    // region) needs them read to say where its requests go; they are used for that only, never printed.
    auto secrets = std::make_shared<QHash<QUuid, QHash<QString, QString>>>();
    auto remaining = std::make_shared<int>(1);
    CliFuture::Completion done;
    auto print = [this, accounts, secrets, done]() {
        auto effective = [secrets](const Account &account) {
            const ProviderDescriptor *descriptor = ProviderRegistry::instance().find(account.providerId);
            return descriptor ? descriptor->effectiveBaseUrl(account, secrets->value(account.id)) : account.baseUrl;
        };
        if (jsonOutput()) {
            QJsonArray array;
            for (const Account &account : accounts) {
                QJsonObject object;
                object.insert(QStringLiteral("id"), account.id.toString(QUuid::WithoutBraces));
                object.insert(QStringLiteral("name"), account.name);
                object.insert(QStringLiteral("provider"), account.providerId);
                object.insert(QStringLiteral("url"), account.baseUrl.toString());
                object.insert(QStringLiteral("effective_url"), effective(account).toString());
                object.insert(QStringLiteral("options"), QJsonObject::fromVariantMap(account.options));
                array.append(object);
            }
            out().json(array);
        } else if (accounts.isEmpty()) {
            out().line(tr("No accounts. Add one with: tokendesk-cli account add --provider ID --name NAME"));
        } else {
            QList<QStringList> rows;
            for (const Account &account : accounts) {
                const QString url = effective(account).toString();
                rows.append({account.name, account.providerId,
                    account.baseUrl.isEmpty() && !url.isEmpty() ? tr("%1 (from the credentials)").arg(url) : url,
                    account.id.toString(QUuid::WithoutBraces)});
            }
            out().table({tr("NAME"), tr("PROVIDER"), tr("URL"), tr("ID")}, rows);
        }
        done.finish(0);
    };
    for (const Account &account : accounts) {
        const ProviderDescriptor *descriptor = ProviderRegistry::instance().find(account.providerId);
        if (!account.baseUrl.isEmpty() || !descriptor || !descriptor->baseUrlFromSecrets)
            continue;
        for (const QString &field : descriptor->secretFields()) {
            ++*remaining;
            const QUuid id = account.id;
            Async::then(m_app->secrets()->read(account.secretKey(field)), this,
                [secrets, remaining, print, id, field](Result<QString> value) {
                    // An unreadable key leaves the service's fallback host.
                    if (value.ok())
                        (*secrets)[id].insert(field, value.value());
                    if (--*remaining == 0)
                        print();
                });
        }
    }
    if (--*remaining == 0)
        print();
    return done.future();
}
