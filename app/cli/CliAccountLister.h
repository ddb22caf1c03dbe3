#pragma once

#include "CliCommandSpec.h"

#include "core/ApiError.h"
#include "core/Result.h"
#include "workflows/RevokePlan.h"

#include <QFuture>
#include <QList>
#include <QObject>
#include <QStringList>

class AccountSession;
class CliApplication;

// Lists several accounts at once for the commands that look across accounts (identify, expiring, calendar):
// the accounts named with --account (all when none), each session's secrets loaded, then every list fetched
// concurrently. An account that fails is kept aside with its error and does not stop the others.
class CliAccountLister : public QObject
{
    Q_OBJECT
public:
    explicit CliAccountLister(CliApplication *app, QObject *parent = nullptr);

    // "--account NAME", repeatable, for the specs of the commands that use a lister.
    static CliCommandSpec::Option accountOption();

    // Resolves `names` (every account when empty) and opens the database. 0, or the exit code after printing why
    // (2 no such account is 4, no accounts configured is 4, database failure 1).
    int select(const QStringList &names);
    const QList<Account> &accounts() const { return m_accounts; }
    // Lists the selected accounts, all at once; finished() follows (also with no usable account).
    void start();
    // The session of a listed account (null for one whose provider is not in this build).
    AccountSession *session(const QUuid &accountId) const;

    // In the configured order.
    QList<RevokePlan::AccountTokens> listed() const;
    struct Failure
    {
        Account account;
        ApiError error;
        bool needsSignIn = false; // the provider signs in (NetSapiens): say how
    };
    QList<Failure> failures() const { return m_failures; }
    // Prints one stderr line per failed account ("NAME: reason", with the sign-in hint for an expired session)
    // and returns the exit code of the first failure, 0 when none failed.
    int reportFailures();
    // Finishes when the keychain writes the sessions asked for (a refreshed session token) are done: a command
    // reports its exit code after it.
    QFuture<Result<Done>> settle();

signals:
    void finished();

private:
    CliApplication *m_app;
    QList<Account> m_accounts;
    QList<AccountSession *> m_sessions;
    QList<RevokePlan::AccountTokens> m_listed;
    QList<Failure> m_failures;
};
