#include "AccountAddCommand.h"

#include "CliApplication.h"
#include "CliFuture.h"

#include "core/Async.h"
#include "net/ApiClient.h"
#include "net/ProxyPolicy.h"
#include "providers/AccountSession.h"
#include "providers/ProviderRegistry.h"
#include "store/SecretStore.h"
#include "workflows/AccountLifecycle.h"

#include <QJsonObject>
#include <QUrl>
#include <QUuid>

#include <memory>

using Arity = CliArguments::Arity;

AccountAddCommand::AccountAddCommand(CliApplication *app)
    : CliCommand(spec(), app)
{ }

CliCommandSpec AccountAddCommand::spec()
{
    return {.name = QStringLiteral("account add"),
        .summary = tr("add an account; its secrets come from stdin (--secrets-stdin) and go to the keychain"),
        .options = {{QStringLiteral("provider"), Arity::Value, QStringLiteral("ID"),
                        tr("the service: %1").arg(ProviderRegistry::instance().ids().join(QStringLiteral(", "))), true},
            {QStringLiteral("name"), Arity::Value, QStringLiteral("NAME"), tr("the account's name"), true},
            {QStringLiteral("url"), Arity::Value, QStringLiteral("URL"),
                tr("the server (default: the service's own, where it has one)")},
            {QStringLiteral("option"), Arity::Repeated, QStringLiteral("key=value"),
                tr("an account option of the service")}},
        .moreOptions = QStringLiteral("[--secrets-stdin]")};
}

QFuture<int> AccountAddCommand::run(const QStringList &words)
{
    CliArguments args;
    if (!parse(words, &args))
        return CliFuture::ready(2);
    if (!args.has(QStringLiteral("provider")) || args.value(QStringLiteral("name")).trimmed().isEmpty())
        return CliFuture::ready(usageError());

    const ProviderDescriptor *descriptor = ProviderRegistry::instance().find(args.value(QStringLiteral("provider")));
    if (!descriptor) {
        return CliFuture::ready(fail(2,
            tr("unknown provider \"%1\" (known: %2)")
                .arg(args.value(QStringLiteral("provider")),
                    ProviderRegistry::instance().ids().join(QStringLiteral(", ")))));
    }
    QString badKey;
    if (!m_app->checkSecretKeys(descriptor->id, &badKey))
        return CliFuture::ready(fail(2, tr("--secrets-stdin: unknown secret key \"%1\"").arg(badKey)));

    if (!args.has(QStringLiteral("url")) && descriptor->needsBaseUrl()) {
        return CliFuture::ready(fail(2,
            tr("--url is required for %1: there is no default server, every operator has its own address")
                .arg(descriptor->displayName)));
    }
    Account account;
    account.id = QUuid::createUuid();
    account.name = args.value(QStringLiteral("name")).trimmed();
    account.providerId = descriptor->id;
    // Without --url a service that derives its host from the credentials (Svix: the key's region) stores none.
    account.baseUrl = args.has(QStringLiteral("url")) ? QUrl(args.value(QStringLiteral("url")), QUrl::StrictMode)
                                                      : descriptor->defaultBaseUrl;
    if (args.has(QStringLiteral("url")) && (!account.baseUrl.isValid() || account.baseUrl.scheme().isEmpty()))
        return CliFuture::ready(fail(2, tr("--url is not a valid URL")));
    for (const QString &option : args.values(QStringLiteral("option"))) {
        const qsizetype eq = option.indexOf(QLatin1Char('='));
        if (eq <= 0)
            return CliFuture::ready(fail(2, tr("--option needs key=value")));
        const QString key = option.left(eq);
        if (descriptor->secretFields().contains(key) || CliApplication::isSecretOptionName(key)) {
            return CliFuture::ready(fail(2,
                tr("\"%1\" is a secret: pass it as %1=<value> on stdin with --secrets-stdin, never as an argument")
                    .arg(key)));
        }
        account.options.insert(key, option.mid(eq + 1));
    }
    // allow_http names the one host plain http may go to; "yes" means the --url's own host.
    const QString allowHttp = account.options.value(QLatin1String(TokenProvider::AllowHttpOption)).toString();
    if (allowHttp == QLatin1String("yes") || allowHttp == QLatin1String("true") || allowHttp == QLatin1String("1"))
        account.options.insert(QLatin1String(TokenProvider::AllowHttpOption), account.baseUrl.host());
    if (QString problem;
        !ProxyPolicy::parse(account.options.value(QLatin1String(TokenProvider::ProxyOption)).toString(), &problem))
        return CliFuture::ready(fail(2, tr("--option proxy: %1").arg(problem)));
    // Defaults of options the user did not give.
    for (const FieldSpec &field : descriptor->accountFields) {
        if (field.type != FieldSpec::Type::Secret && !account.options.contains(field.key)
            && field.defaultValue.isValid())
            account.options.insert(field.key, field.defaultValue);
    }
    if (descriptor->validateAccount) {
        const QList<FieldError> errors = descriptor->validateAccount(account);
        if (!errors.isEmpty()) {
            QStringList parts;
            for (const FieldError &error : errors)
                parts.append(
                    error.field.isEmpty() ? error.message : error.field + QStringLiteral(": ") + error.message);
            return CliFuture::ready(fail(2, parts.join(QStringLiteral("; "))));
        }
    }

    AccountStore &store = m_app->accounts();
    for (const Account &existing : store.load()) {
        if (existing.name.compare(account.name, Qt::CaseInsensitive) == 0)
            return CliFuture::ready(fail(1, tr("an account named \"%1\" already exists").arg(account.name)));
    }
    auto finishAdded = [this, account]() {
        if (jsonOutput()) {
            QJsonObject object;
            object.insert(QStringLiteral("id"), account.id.toString(QUuid::WithoutBraces));
            object.insert(QStringLiteral("name"), account.name);
            object.insert(QStringLiteral("provider"), account.providerId);
            object.insert(QStringLiteral("url"), account.baseUrl.toString());
            out().json(object);
        } else {
            out().line(tr("Added account \"%1\" (%2, %3).")
                           .arg(account.name, account.providerId, account.id.toString(QUuid::WithoutBraces)));
        }
        return 0;
    };
    // The same as the window's New Account: the accounts file, the keychain, an audit entry.
    CliFuture::Completion done;
    SecretStore *secretStore = m_app->secrets();
    const QHash<QString, QString> secrets = m_app->stdinSecrets();
    Async::then(m_app->lifecycle()->add(account, secrets), this,
        [this, done, account, secretStore, secrets, finishAdded](Result<Done> result) {
            if (!result.ok() && result.error().kind() == ApiError::Kind::Storage) {
                done.finish(fail(1, tr("cannot save the account: %1").arg(result.error().userMessage())));
                return;
            }
            ApiError error = result.ok() ? ApiError() : result.error();
            if (error.isNone() && !secrets.isEmpty() && secretStore->state() == SecretStore::State::MemoryOnly) {
                error = ApiError(ApiError::Kind::Keychain,
                    tr("no OS keychain (Secret Service) is available and TokenDesk never writes secrets in plain "
                       "text, so the account was not added. Either add it without secrets and give them for each "
                       "run, on stdin with --secrets-stdin or in TOKENDESK_SECRET_<FIELD> environment variables "
                       "(such as TOKENDESK_SECRET_API_KEY), or start a keychain and add it again"));
            }
            if (!error.isNone()) {
                m_app->accounts().remove(account.id);
                done.finish(fail(error));
                return;
            }
            AccountSession::auditConnectionChange(m_app->auditLog(), std::nullopt, account);
            if (account.baseUrl.scheme() == QLatin1String("http") && !ApiClient::isLoopbackHost(account.baseUrl.host()))
                out().note(tr("plain http to %1 is allowed for this account: nothing sent to it, the password and "
                              "the tokens included, is encrypted")
                               .arg(account.baseUrl.host()));
            done.finish(finishAdded());
        });
    return done.future();
}
