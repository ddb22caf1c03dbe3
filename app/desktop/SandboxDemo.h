#pragma once

#include "core/Account.h"
#include "core/Result.h"

#include <QFuture>
#include <QList>
#include <QObject>
#include <QString>

#include <memory>

class AccountController;
class Clock;
class QTemporaryDir;
class SandboxServer;

// What `tokendesk --sandbox` opens on: every emulator on loopback with demo tokens, a throw-away configuration
// folder with secrets in memory only, and the demo accounts (AccountController::addDemoAccounts). Accounts whose
// service cannot list tokens (TokenDesk lists them from its ledger) get tokens made through their own sessions,
// so every account shows tokens that the sandbox really knows, can reveal nothing of, and can revoke.
class SandboxDemo : public QObject
{
    Q_OBJECT
public:
    explicit SandboxDemo(QObject *parent = nullptr);
    ~SandboxDemo() override;

    // The app clock for the controller (tests); before start().
    void setClock(const Clock *clock) { m_clock = clock; }
    // Listens, seeds the emulators and adds the demo accounts. False with *error set when it cannot.
    bool start(QString *error = nullptr);
    // Makes tokens in every demo account that lists none yet; finishes once all are made (the first error, if
    // any, after trying every account).
    QFuture<Result<Done>> seedAccounts();

    SandboxServer *server() const { return m_server.get(); }
    AccountController *controller() const { return m_controller.get(); }
    QList<Account> accounts() const { return m_accounts; }

private:
    QFuture<Result<Done>> seedAccount(const Account &account);

    const Clock *m_clock = nullptr;
    std::unique_ptr<SandboxServer> m_server;
    std::unique_ptr<QTemporaryDir> m_config;
    std::unique_ptr<AccountController> m_controller;
    QList<Account> m_accounts;
};
