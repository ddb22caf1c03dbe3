#include "CliSessionCommand.h"

#include "CliApplication.h"

#include "core/Async.h"
#include "providers/AccountSession.h"
#include "providers/ProviderRegistry.h"
#include "workspace/Workspace.h"

using CliFuture::Completion;

QFuture<int> CliSessionCommand::runInSession(const QString &nameOrId)
{
    const std::optional<Account> account = m_app->accounts().find(nameOrId);
    if (!account)
        return CliFuture::ready(fail(4, tr("no account named \"%1\"").arg(nameOrId)));
    QString badKey;
    if (m_app->hasStdinSecrets() && !m_app->checkSecretKeys(account->providerId, &badKey))
        return CliFuture::ready(fail(2, tr("--secrets-stdin: unknown secret key \"%1\"").arg(badKey)));
    QString error;
    if (!m_app->openDatabase(&error))
        return CliFuture::ready(fail(1, error));
    AccountSession *session = m_app->workspace()->createSession(*account, this);
    if (!session) {
        return CliFuture::ready(fail(4,
            tr("the account \"%1\" uses provider \"%2\", which this build does not include")
                .arg(account->name, account->providerId)));
    }

    Completion inner;
    Completion done;
    Async::then(session->loadSecrets(), this, [this, session, inner](Result<Done> result) {
        if (!result.ok()) {
            inner.finish(fail(result.error()));
            return;
        }
        // Secrets given in the environment or on stdin (which wins) apply to this run only; `account add` is what
        // stores stdin ones. Environment variables meant for another provider's fields are left alone.
        const ProviderDescriptor *descriptor = ProviderRegistry::instance().find(session->account().providerId);
        const QStringList fields = descriptor ? descriptor->secretFields() : QStringList();
        const QHash<QString, QString> &fromEnvironment = m_app->environmentSecrets();
        for (auto it = fromEnvironment.cbegin(); it != fromEnvironment.cend(); ++it) {
            if (fields.contains(it.key()))
                session->provider()->setSecret(it.key(), it.value());
        }
        const QHash<QString, QString> &secrets = m_app->stdinSecrets();
        for (auto it = secrets.cbegin(); it != secrets.cend(); ++it)
            session->provider()->setSecret(it.key(), it.value());
        const TokenProvider *provider = session->provider();
        const QString name = session->account().name;
        m_signInHint.clear();
        if (provider->can(TokenProvider::Capability::SignIn) && !provider->isSignedIn())
            m_signInHint = name.contains(QLatin1Char(' ')) ? QLatin1Char('"') + name + QLatin1Char('"') : name;
        inSession(session, inner);
    });
    Async::then(inner.future(), this, [this, session, done](int code) {
        Async::then(session->settle(), this, [this, session, done, code](Result<Done> result) {
            int exitCode = code;
            if (!result.ok() && exitCode == 0)
                exitCode = fail(result.error());
            session->deleteLater();
            done.finish(exitCode);
        });
    });
    return done.future();
}
