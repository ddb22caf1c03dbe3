#pragma once

// The main window on a fresh workspace, as the window tests build it (header-only: they link tokendesk_ui and
// tokendesk_sandbox, the support library does not). Make one per test function (in init(), reset in cleanup()):
// the members are declared so that the window goes before the controller it reads and the sandbox it talks to,
// and the temporary configuration folder last.
#include "AccountController.h"
#include "BuiltinEmulators.h"
#include "MainWindow.h"
#include "SandboxServer.h"

#include "core/Account.h"
#include "core/Clock.h"
#include "store/AccountStore.h"
#include "store/SecretStore.h"

#include <QList>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>
#include <QUuid>

#include <memory>

class WindowFixture
{
public:
    bool isValid() const { return m_dir.isValid(); }
    // The configuration folder (settings, accounts, database).
    QString path() const { return m_dir.path(); }
    QString filePath(const QString &name) const { return m_dir.filePath(name); }

    // The in-process sandbox with every built-in emulator, `seededTokens` extra tokens per service, on `clock`
    // when given (so tests can move time on both sides).
    bool startSandbox(int seededTokens = 0, const BuiltinEmulatorOptions &options = {}, const Clock *clock = nullptr)
    {
        m_server = std::make_unique<SandboxServer>();
        registerBuiltinEmulators(*m_server, options);
        if (clock)
            m_server->setClock([clock] { return clock->now(); });
        if (!m_server->listen())
            return false;
        if (seededTokens > 0)
            m_server->seedTokens(seededTokens);
        return true;
    }

    // Accounts already on disk before the controller loads, as after an earlier run.
    bool saveAccounts(const QList<Account> &accounts) const
    {
        AccountStore store(path());
        return store.save(accounts);
    }

    // The controller over the configuration folder (or `configDir`), loaded; null when loading failed. Every
    // controller of one fixture shares one memory-only keychain, as a restarted app finds the secrets it stored.
    AccountController *openController(const Clock *clock = nullptr, const QString &configDir = {})
    {
        m_window.reset();
        m_controller.reset();
        if (!m_secrets)
            m_secrets.reset(SecretStore::createMemoryOnly());
        m_controller = std::make_unique<AccountController>(configDir.isEmpty() ? path() : configDir, m_secrets.get());
        if (clock)
            m_controller->setClock(clock);
        return m_controller->load() ? m_controller.get() : nullptr;
    }

    // The sandbox's demo accounts (one per service), added to the controller; demoAccounts() keeps them.
    QList<Account> addDemoAccounts()
    {
        const QList<Account> added = m_controller->addDemoAccounts(m_server->readyInfo());
        m_demo += added;
        return added;
    }
    const QList<Account> &demoAccounts() const { return m_demo; }
    // The first demo account of service `providerId`; null when there is none.
    QUuid demoAccount(const QString &providerId) const { return accountOf(m_demo, providerId); }

    // The first of `accounts` of service `providerId`; null when there is none.
    static QUuid accountOf(const QList<Account> &accounts, const QString &providerId)
    {
        for (const Account &account : accounts) {
            if (account.providerId == providerId)
                return account.id;
        }
        return {};
    }

    // A new window on the controller (the old one, if any, closed first).
    MainWindow *createWindow(bool sandboxMode = false, MainWindow::Start start = MainWindow::Start::Now)
    {
        m_window.reset();
        m_window = std::make_unique<MainWindow>(m_controller.get(), start);
        if (sandboxMode)
            m_window->setSandboxMode(true);
        return m_window.get();
    }

    // Shows the window and waits until it is on screen.
    bool showWindow()
    {
        m_window->show();
        return QTest::qWaitForWindowExposed(m_window.get());
    }

    // The window on the sandbox with its demo accounts, shown: what most window tests start from. Null on failure;
    // `demo` receives the demo accounts.
    MainWindow *sandboxWindow(int seededTokens = 0, QList<Account> *demo = nullptr)
    {
        if (!startSandbox(seededTokens))
            return nullptr;
        openController();
        createWindow(true);
        const QList<Account> added = addDemoAccounts();
        if (demo)
            *demo = added;
        return showWindow() ? window() : nullptr;
    }

    void closeWindow() { m_window.reset(); }
    // Hands the window over, for a test that lets it delete itself on close.
    MainWindow *releaseWindow() { return m_window.release(); }

    // An account of `providerId` on a host that is never contacted.
    static Account makeAccount(const QString &name, const QString &providerId)
    {
        Account account;
        account.id = QUuid::createUuid();
        account.name = name;
        account.providerId = providerId;
        account.baseUrl = QUrl(QStringLiteral("https://%1.example.com").arg(providerId));
        return account;
    }

    MainWindow *window() const { return m_window.get(); }
    AccountController *controller() const { return m_controller.get(); }
    SecretStore *secrets() const { return m_secrets.get(); }
    SandboxServer *server() const { return m_server.get(); }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<SandboxServer> m_server;
    std::unique_ptr<SecretStore> m_secrets;
    std::unique_ptr<AccountController> m_controller;
    std::unique_ptr<MainWindow> m_window;
    QList<Account> m_demo;
};
