#pragma once

#include "providers/TokenProvider.h"
#include "signin/SignInPanel.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QUuid>

class AccountController;
class AccountPage;
class ErrorPresenter;
class QWidget;

// Signing an account in and out from the window. A list or an operation that finds the account signed out only
// asks for the inline panel (signInWanted); the modal SignInDialog opens on an explicit Sign In… alone. Either way
// the secrets are kept (in the keychain when asked and one exists), the sign-in runs, the MFA passcode dialog
// follows while the service asks for one, and "Signing in…" ends on success, failure and cancel. Keeps each
// account's state line in the sidebar ("signed in", "sign-in needed", the session's expiry, the last error).
// One sign-in dialog per account at a time, however many requests come in.
class SignInFlow : public QObject
{
    Q_OBJECT
public:
    SignInFlow(AccountController *controller, ErrorPresenter *errors, QWidget *window);

    // Sign In…: reads the stored credentials, asks only for missing ones, then signs in.
    void signIn(const QUuid &id);
    void signOut(const QUuid &id);
    // Signs in when the account holds every required secret (a new account's password) and is signed out;
    // asks for nothing. Returns whether a sign-in started.
    bool signInWithHeldSecrets(const QUuid &id);
    // Asks for the account's secrets (SignInDialog) and signs in with them; `reason` says why, in the error colour
    // when `refused` (the service turned the last attempt down).
    void requestSignIn(const QUuid &id, const QString &reason, bool refused = false);
    // The inline panel's Sign in: keeps `values` (fields left empty keep what is held) and signs in.
    void submitFromPanel(const QUuid &id, const QHash<QString, QString> &values, bool remember);
    // Signs in from `panel`'s button and shows there how it ended (a refusal in the error colour).
    void attachPanel(SignInPanel *panel);
    // The account page's side: its accounts' states (signed out, failed) in the sidebar's status line, and the
    // list a sign-in asks for shown on it.
    void attachPage(AccountPage *page);
    // What the inline panel shows for the account.
    SignInPanel::Setup panelSetup(const QUuid &id, const QString &reason) const;
    bool keychainAvailable() const;

    // The sidebar's state line of the account; an empty state clears what the last error or request said.
    void setAccountState(const QUuid &id, const QString &state);
    void updateAccountStatus(const QUuid &id);
    void updateAllStatuses();
    void forget(const QUuid &id);

signals:
    // Signed in (or no sign-in needed): the account's list can be fetched.
    void listWanted(const QUuid &id);
    void actionsChanged();
    // The account must sign in before it lists: the window shows the inline panel (never a modal).
    void signInWanted(const QUuid &id, const QString &reason);
    // A sign-in from the panel was refused (the message) or cancelled (empty message).
    void panelSignInEnded(const QUuid &id, const QString &message);

private:
    enum class Origin { Action, Dialog, Panel }; // who asked: where a refusal is shown
    QList<FieldSpec> secretFields(const QString &providerId) const;
    void keepSecrets(const QUuid &id, const QHash<QString, QString> &values, bool remember, Origin origin);
    void startSignIn(const QUuid &id, Origin origin);
    void refused(const QUuid &id, Origin origin, const QString &message);
    void runMfa(const QUuid &id, const MfaChallenge &challenge, Origin origin);
    void signedIn(const QUuid &id);
    QString remainingText(qint64 ms) const;

    AccountController *m_controller;
    ErrorPresenter *m_errors;
    QWidget *m_window;
    QHash<QUuid, QString> m_accountState; // "signed in", "sign-in needed", last error...
    QSet<QUuid> m_signInOpen; // accounts with a sign-in dialog up
};
