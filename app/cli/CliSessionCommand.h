#pragma once

#include "CliCommand.h"
#include "CliFuture.h"

class AccountSession;

// A command that works on one account: find it, open the database, load its secrets (plus the --secrets-stdin and
// environment ones for this run), run inSession(), then wait for the keychain writes the provider asked for (a
// refreshed session token) before the exit code is reported.
class CliSessionCommand : public CliCommand
{
    Q_OBJECT
public:
    using CliCommand::CliCommand;

protected:
    // Opens `nameOrId` and calls inSession(); the future finishes with the code inSession() passed to `done`.
    QFuture<int> runInSession(const QString &nameOrId);
    virtual void inSession(AccountSession *session, const CliFuture::Completion &done) = 0;

    // Set when the account signs in and has no session: an authentication failure then says to run
    // `tokendesk-cli login NAME` (exit 3). Empty otherwise; `login` clears it.
    QString signInHint() const override { return m_signInHint; }
    bool isSignedOut() const { return !m_signInHint.isEmpty(); }
    void clearSignInHint() { m_signInHint.clear(); }

private:
    QString m_signInHint;
};
