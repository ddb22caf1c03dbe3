#include "AllAccountsView.h"
#include "WindowFixture.h"

#include "items/TokenListModel.h"
#include "store/Preferences.h"
#include "window/KeychainBar.h"
#include "window/WindowActions.h"
#include "workspace/Workspace.h"

#include <QAction>
#include <QStackedWidget>
#include <QSystemTrayIcon>
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
    void opensShownWithoutATray();

private:
    MainWindow *window() const { return m_fixture->window(); }
    AccountController *controller() const { return m_fixture->controller(); }

    std::unique_ptr<WindowFixture> m_fixture;
    QUuid m_specter;
};

void tst_WindowStart::init()
{
    m_fixture = std::make_unique<WindowFixture>();
    QVERIFY(m_fixture->isValid());
    QVERIFY(m_fixture->startSandbox(3));
    // The demo accounts come from an earlier run: this run only reads the accounts file (and the same keychain).
    QVERIFY(m_fixture->openController());
    m_fixture->addDemoAccounts();
    m_specter = m_fixture->demoAccount(QStringLiteral("specter"));
    QVERIFY(!m_specter.isNull());
    QVERIFY(m_fixture->openController());
    QVERIFY(m_fixture->createWindow(false, MainWindow::Start::AfterFirstPaint));
}

void tst_WindowStart::cleanup()
{
    m_fixture.reset();
}

void tst_WindowStart::nothingOpensBeforeTheFirstPaint()
{
    MainWindow &window = *this->window();
    QVERIFY(!window.isStarted());
    // The frame is there: the accounts page (not the welcome page) with the sidebar listing the accounts.
    auto *stack = window.findChild<QStackedWidget *>(QStringLiteral("mainStack"));
    QVERIFY(stack);
    QCOMPARE(stack->currentIndex(), 1);
    QVERIFY(window.accountView()->model()->rowCount() > 0);
    // Nothing that costs a file, a keychain or a service: no database, no session, no All accounts view.
    QVERIFY(!controller()->workspace()->ledger());
    QVERIFY(!controller()->workspace()->existingSession(m_specter));
    QVERIFY(!window.allAccountsView());
    QVERIFY(!window.keychainBar());
    // The actions are in their real state in the first frame: no account is chosen yet, so no token action runs.
    QVERIFY(!window.windowActions()->action(WindowActions::Id::NewToken)->isEnabled());
    QVERIFY(!window.windowActions()->action(WindowActions::Id::Revoke)->isEnabled());
    QVERIFY(window.windowActions()->action(WindowActions::Id::NewAccount)->isEnabled());
    QTest::qWait(50); // a turn of the event loop does not start it either: only the paint does
    QVERIFY(!window.isStarted());
    QVERIFY(!controller()->workspace()->ledger());
}

void tst_WindowStart::theFirstPaintStartsTheRest()
{
    MainWindow &window = *this->window();
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTRY_VERIFY(window.isStarted());
    QVERIFY(controller()->workspace()->ledger());
    QVERIFY(window.allAccountsView());
    QVERIFY(window.keychainBar());
    QVERIFY(window.keychainBar()->isVisible()); // a memory-only store: the warning shows once started
    // The first account is selected and its session made, as with a window started at once; an account's
    // tokens are listed from then on.
    QVERIFY(!window.currentAccountId().isNull());
    QVERIFY(controller()->workspace()->existingSession(window.currentAccountId()));
    window.selectAccount(m_specter);
    QTRY_COMPARE(window.tokenModel()->rowCount(), 3);
}

void tst_WindowStart::startRunsOnce()
{
    // A window started hidden in the tray never paints: start() is called for it.
    MainWindow &window = *this->window();
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
    MainWindow &window = *this->window();
    window.showAllAccounts();
    QVERIFY(window.isStarted());
    QVERIFY(window.isAllAccountsShown());
}

void tst_WindowStart::opensShownWithoutATray()
{
    // "Start minimised to tray" hides the window only where a tray can bring it back; offscreen has none.
    QVERIFY(!QSystemTrayIcon::isSystemTrayAvailable());
    Preferences::Values values = controller()->preferences()->values();
    values.startMinimizedToTray = true;
    QVERIFY(controller()->preferences()->save(values));
    MainWindow &window = *this->window();
    window.open();
    QVERIFY(window.isVisible());
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTRY_VERIFY(window.isStarted());
}

QTEST_MAIN(tst_WindowStart)
#include "tst_windowstart.moc"
