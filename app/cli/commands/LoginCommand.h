#pragma once

#include "CliSessionCommand.h"

#include "providers/TokenProvider.h"

#include <QString>
#include <QStringList>

// `login`: signs in (with an MFA passcode from stdin or the terminal) and keeps the session in the keychain,
// or, for an account that keeps none, checks the credentials and ends the session before exit.
class LoginCommand : public CliSessionCommand
{
    Q_OBJECT
public:
    explicit LoginCommand(CliApplication *app);
    static CliCommandSpec spec();
    QFuture<int> run(const QStringList &words) override;

private:
    void inSession(AccountSession *session, const CliFuture::Completion &done) override;

    void answerMfa(AccountSession *session, const SignInResult &result, const CliFuture::Completion &done);
    void signedIn(AccountSession *session, const SignInResult &result, const CliFuture::Completion &done);

    QString m_passcode;
};
