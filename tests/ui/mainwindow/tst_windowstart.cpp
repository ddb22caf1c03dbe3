#include "AccountController.h"
#include "AllAccountsView.h"
#include "MainWindow.h"

#include "BuiltinEmulators.h"
#include "SandboxServer.h"

#include "items/TokenListModel.h"
#include "store/SecretStore.h"
#include "tokens/TokenTableView.h"
#include "window/KeychainBar.h"
#include "workspace/Workspace.h"

#include <QStackedWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

#include <memory>

// What the window does before its first paint and what it leaves until right after it: the frame and the sidebar
// first; the sessions (the database, the keychain read of the first listing), the All accounts view and the
// keychain bar once the window has painted, or when start() is called for a window that never shows.
class tst_WindowStart : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void nothingOpensBeforeTheFirstPaint();
    void theFirstPaintStartsTheRest();
    void startRunsOnce();
    void allAccountsBeforeStartStartsIt();

private:
    bool openSandbox();

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<SandboxServer> m_server;
    std::unique_ptr<SecretStore> m_secrets;
    std::unique_ptr<AccountController> m_controller;
    QUuid m_specter;
};

void tst_WindowStart::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    QVERIFY(openSandbox());
}

void tst_WindowStart::cleanup()
{
    m_controller.reset();
    m_secrets.reset();
    m_server.reset();
    m_dir.reset();
}

bool tst_WindowStart::openSandbox()
{
    m_server = std::make_unique<SandboxServer>();
    registerBuiltinEmulators(*m_server);
    if (!m_server->listen())
        return false;
    m_server->seedTokens(3);
    // One secret store for both runs, as the keychain outlives the process.
    m_secrets.reset(SecretStore::createMemoryOnly());
    {
        // The demo accounts are written by an earlier run: this run only reads the accounts file.
        AccountController earlier(m_dir->path(), m_secrets.get());
        earlier.load();
        earlier.addDemoAccounts(m_server->readyInfo());
    }
    m_controller = std::make_unique<AccountController>(m_dir->path(), m_secrets.get());
    if (!m_controller->load())
        return false;
    for (const Account &account : m_controller->accounts()) {
        if (account.providerId == QLatin1String("specter"))
            m_specter = account.id;
    }
    return !m_specter.isNull();
}

void tst_WindowStart::nothingOpensBeforeTheFirstPaint()
{
    MainWindow window(m_controller.get(), MainWindow::Start::AfterFirstPaint);
    QVERIFY(!window.isStarted());
    // The frame is there: the accounts page (not the welcome page) with the sidebar listing the accounts.
    auto *stack = window.findChild<QStackedWidget *>(QStringLiteral("mainStack"));
    QVERIFY(stack);
    QCOMPARE(stack->currentIndex(), 1);
    QVERIFY(window.accountView()->model()->rowCount() > 0);
    // Nothing that costs a file, a keychain or a service: no database, no session, no All accounts view.
    QVERIFY(!m_controller->workspace()->ledger());
    QVERIFY(!m_controller->workspace()->existingSession(m_specter));
    QVERIFY(!window.allAccountsView());
    QVERIFY(!window.keychainBar());
    QTest::qWait(50); // a turn of the event loop does not start it either: only the paint does
    QVERIFY(!window.isStarted());
    QVERIFY(!m_controller->workspace()->ledger());
}

void tst_WindowStart::theFirstPaintStartsTheRest()
{
    MainWindow window(m_controller.get(), MainWindow::Start::AfterFirstPaint);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTRY_VERIFY(window.isStarted());
    QVERIFY(m_controller->workspace()->ledger());
    QVERIFY(window.allAccountsView());
    QVERIFY(window.keychainBar());
    QVERIFY(window.keychainBar()->isVisible()); // a memory-only store: the warning shows once started
    // The first account is selected and its session made, as with a window started at once; an account's
    // tokens are listed from then on.
    QVERIFY(!window.currentAccountId().isNull());
    QVERIFY(m_controller->workspace()->existingSession(window.currentAccountId()));
    window.selectAccount(m_specter);
    QTRY_COMPARE(window.tokenModel()->rowCount(), 3);
}

void tst_WindowStart::startRunsOnce()
{
    // A window started hidden in the tray never paints: start() is called for it.
    MainWindow window(m_controller.get(), MainWindow::Start::AfterFirstPaint);
    window.start();
    QVERIFY(window.isStarted());
    AllAccountsView *all = window.allAccountsView();
    QVERIFY(all);
    window.start();
    QCOMPARE(window.allAccountsView(), all);
    QCOMPARE(window.findChildren<AllAccountsView *>().size(), 1);
    QCOMPARE(window.findChildren<KeychainBar *>().size(), 1);
}

void tst_WindowStart::allAccountsBeforeStartStartsIt()
{
    MainWindow window(m_controller.get(), MainWindow::Start::AfterFirstPaint);
    window.showAllAccounts();
    QVERIFY(window.isStarted());
    QVERIFY(window.isAllAccountsShown());
}

QTEST_MAIN(tst_WindowStart)
#include "tst_windowstart.moc"
