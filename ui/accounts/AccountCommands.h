#pragma once

#include <QObject>
#include <QUuid>

class AccountController;
class ErrorPresenter;
class QWidget;

// New, Edit and Remove Account from the window: the account dialog, a confirmation before removing, and the
// controller's one add/update/remove (AccountLifecycle underneath, as in the CLI). The window follows through
// the signals: what it keeps per account is dropped before an account changes or goes.
class AccountCommands : public QObject
{
    Q_OBJECT
public:
    AccountCommands(AccountController *controller, ErrorPresenter *errors, QWidget *window);

    void addAccount();
    void editAccount(const QUuid &id);
    void removeAccount(const QUuid &id);

signals:
    void added(const QUuid &id);
    // The account's connection is about to change (edit, remove).
    void resetting(const QUuid &id);
    void removing(const QUuid &id);
    // An edit was saved (or failed): the account's list can be fetched again.
    void edited(const QUuid &id);

private:
    AccountController *m_controller;
    ErrorPresenter *m_errors;
    QWidget *m_window;
};
