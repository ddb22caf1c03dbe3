#include "CliAccountLister.h"

#include "CliApplication.h"

#include "core/Async.h"
#include "providers/AccountSession.h"
#include "workspace/Workspace.h"

#include <QTimer>

CliAccountLister::CliAccountLister(CliApplication *app, QObject *parent)
    : QObject(parent)
    , m_app(app)
{ }

CliCommandSpec::Option CliAccountLister::accountOption()
{
    return {QStringLiteral("account"), CliArguments::Arity::Repeated, QStringLiteral("NAME"),
        tr("only this account (default: every account)")};
}

int CliAccountLister::select(const QStringList &names)
{
    m_accounts.clear();
    if (names.isEmpty()) {
        m_accounts = m_app->accounts().load();
    } else {
        for (const QString &name : names) {
            const std::optional<Account> account = m_app->accounts().find(name);
            if (!account)
                return m_app->out().fail(4, tr("no account named \"%1\"").arg(name));
            m_accounts.append(*account);
        }
    }
    if (m_accounts.isEmpty())
        return m_app->out().fail(4, tr("no accounts configured (see `account add`)"));
    QString error;
    if (!m_app->openDatabase(&error))
        return m_app->out().fail(1, error);
    return 0;
}

void CliAccountLister::start()
{
    QList<QFuture<Result<QList<Token>>>> lists;
    for (const Account &account : std::as_const(m_accounts)) {
        AccountSession *session = m_app->workspace()->createSession(account, this);
        if (!session) {
            m_failures.append({account,
                ApiError(ApiError::Kind::NotSupported,
                    tr("provider \"%1\" is not part of this build").arg(account.providerId)),
                false});
            continue;
        }
        m_sessions.append(session);
        // Each session's secrets from the keychain, then its list; every account at once.
        lists.append(
            Async::then(session->loadSecrets(), this, [session](Result<Done> loaded) -> QFuture<Result<QList<Token>>> {
                if (!loaded.ok())
                    return readyResult(Result<QList<Token>>(loaded.error()));
                return session->refresh();
            }).unwrap());
    }
    if (lists.isEmpty()) {
        QTimer::singleShot(0, this, &CliAccountLister::finished); // after start() returns, as with lists
        return;
    }
    Async::then(Async::allResults(lists), this, [this](const QList<Result<QList<Token>>> &results) {
        for (qsizetype i = 0; i < results.size(); ++i) {
            AccountSession *session = m_sessions.at(i);
            if (results.at(i).ok())
                m_listed.append({session->account(), session->provider(), results.at(i).value()});
            else
                m_failures.append({session->account(), results.at(i).error(),
                    session->provider()->can(TokenProvider::Capability::SignIn)});
        }
        emit finished();
    });
}

AccountSession *CliAccountLister::session(const QUuid &accountId) const
{
    for (AccountSession *session : m_sessions) {
        if (session->account().id == accountId)
            return session;
    }
    return nullptr;
}

QList<RevokePlan::AccountTokens> CliAccountLister::listed() const
{
    QList<RevokePlan::AccountTokens> ordered;
    for (const Account &account : m_accounts) {
        for (const RevokePlan::AccountTokens &entry : m_listed) {
            if (entry.account.id == account.id)
                ordered.append(entry);
        }
    }
    return ordered;
}

int CliAccountLister::reportFailures()
{
    int code = 0;
    for (const Failure &failure : std::as_const(m_failures)) {
        QString message = tr("%1: %2").arg(failure.account.name, failure.error.fullMessage());
        if (failure.error.exitCode() == 3 && failure.needsSignIn)
            message += tr("; sign in with `tokendesk-cli login %1`").arg(failure.account.name);
        const int failed = m_app->out().fail(failure.error.exitCode(), message);
        if (code == 0)
            code = failed;
    }
    return code;
}

QFuture<Result<Done>> CliAccountLister::settle()
{
    QList<QFuture<Result<Done>>> writes;
    for (AccountSession *session : std::as_const(m_sessions))
        writes.append(session->settle());
    return Async::all(writes);
}
