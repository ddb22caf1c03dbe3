#pragma once

#include "providers/TokenProvider.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QUuid>

class AccountController;
class ErrorPresenter;
class QWidget;

// Signing an account in and out from the window: asks for missing secrets (SignInDialog, with "keep me signed
// in"), signs in, runs the MFA passcode dialog while the service asks for one, and keeps each account's state
// line in the sidebar ("signed in", "sign-in needed", the session's expiry, the last error). One sign-in dialog
// per account at a time, however many requests come in.
class SignInFlow : public QObject
{
    Q_OBJECT
public:
    SignInFlow(AccountController *controller, ErrorPresenter *errors, QWidget *window);

    // Sign In…: reads the stored credentials, asks only for missing ones, then signs in.
    void signIn(const QUuid &id);
    void signOut(const QUuid &id);
    // Asks for the account's secrets (SignInDialog) and signs in with them; `reason` says why.
    void requestSignIn(const QUuid &id, const QString &reason);

    // The sidebar's state line of the account; an empty state clears what the last error or request said.
    void setAccountState(const QUuid &id, const QString &state);
    void updateAccountStatus(const QUuid &id);
    void updateAllStatuses();
    void forget(const QUuid &id);

signals:
    // Signed in (or no sign-in needed): the account's list can be fetched.
    void listWanted(const QUuid &id);
    void actionsChanged();

private:
    void startSignIn(const QUuid &id);
    void runMfa(const QUuid &id, const MfaChallenge &challenge);
    void signedIn(const QUuid &id);
    QString remainingText(qint64 ms) const;

    AccountController *m_controller;
    ErrorPresenter *m_errors;
    QWidget *m_window;
    QHash<QUuid, QString> m_accountState; // "signed in", "sign-in needed", last error...
    QSet<QUuid> m_signInOpen; // accounts with a sign-in dialog up
};
