#include "AccountController.h"
#include "AccountDialog.h"
#include "AwaitFuture.h"
#include "MainWindow.h"

#include "WindowFixture.h"

#include "store/SecretStore.h"

#include <QGuiApplication>
#include <QPushButton>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

// The first-run screen: with no accounts the main area offers "Add an account" and "Try the
// sandbox"; the buttons trigger those actions; once there is an account the screen is gone.
class TestFirstRun : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void freshConfigShowsThePage();
    void addAccountButtonOpensTheAccountDialog();
    void trySandboxButtonStartsTheSandbox();
    void sandboxThatFailsToStartIsReported();
    void withAnAccountThePageIsGone();

private:
    void openWindow();
    QWidget *page() const { return m_fx->window()->findChild<QWidget *>(QStringLiteral("emptyState")); }
    QStackedWidget *stack() const { return m_fx->window()->findChild<QStackedWidget *>(QStringLiteral("mainStack")); }
    QPushButton *button(const char *name) const
    {
        return m_fx->window()->findChild<QPushButton *>(QString::fromLatin1(name));
    }

    std::unique_ptr<WindowFixture> m_fx;
};

void TestFirstRun::init()
{
    QGuiApplication::setQuitOnLastWindowClosed(false); // "Try the sandbox" closes the window
    m_fx = std::make_unique<WindowFixture>();
    QVERIFY(m_fx->isValid());
    QVERIFY(m_fx->openController());
}

void TestFirstRun::cleanup()
{
    m_fx.reset();
}

void TestFirstRun::openWindow()
{
    m_fx->createWindow();
    QVERIFY(m_fx->showWindow());
}

void TestFirstRun::freshConfigShowsThePage()
{
    openWindow();
    QVERIFY(page());
    QVERIFY(stack());
    QCOMPARE(stack()->currentWidget(), page());
    QVERIFY(page()->isVisible());
    for (const char *name : {"emptyAddAccount", "emptyTrySandbox"}) {
        QPushButton *b = button(name);
        QVERIFY2(b, name);
        QVERIFY(b->isVisible());
        QVERIFY(b->isEnabled());
        QVERIFY(!b->accessibleName().isEmpty());
        QVERIFY(b->focusPolicy() & Qt::TabFocus); // reachable by keyboard
    }
    QCOMPARE(button("emptyAddAccount")->text(), QStringLiteral("Add an account"));
    QCOMPARE(button("emptyTrySandbox")->text(), QStringLiteral("Try the sandbox"));
}

void TestFirstRun::addAccountButtonOpensTheAccountDialog()
{
    openWindow();
    QVERIFY(!m_fx->window()->findChild<AccountDialog *>());
    QTest::mouseClick(button("emptyAddAccount"), Qt::LeftButton);
    AccountDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = m_fx->window()->findChild<AccountDialog *>()) && dialog->isVisible());
    dialog->reject();
    QVERIFY(m_fx->controller()->accounts().isEmpty());
    QCOMPARE(stack()->currentWidget(), page());
}

void TestFirstRun::trySandboxButtonStartsTheSandbox()
{
    openWindow();
    int launches = 0;
    m_fx->window()->setSandboxLauncher([&launches] {
        ++launches;
        return true;
    });
    // Keyboard: focus the button and press Space.
    button("emptyTrySandbox")->setFocus(Qt::TabFocusReason);
    QTest::keyClick(button("emptyTrySandbox"), Qt::Key_Space);
    QCOMPARE(launches, 1);
    // The sandbox instance takes over: this window closes.
    QTRY_VERIFY(!m_fx->window()->isVisible());
}

void TestFirstRun::sandboxThatFailsToStartIsReported()
{
    openWindow();
    m_fx->window()->setSandboxLauncher([] { return false; });
    QTest::mouseClick(button("emptyTrySandbox"), Qt::LeftButton);
    QVERIFY(m_fx->window()->isVisible());
    QVERIFY(!m_fx->window()->lastError().isEmpty());
    QCOMPARE(stack()->currentWidget(), page());
}

void TestFirstRun::withAnAccountThePageIsGone()
{
    QVERIFY(m_fx->startSandbox());

    openWindow();
    QCOMPARE(stack()->currentWidget(), page());
    QSignalSpy changed(m_fx->controller(), &AccountController::accountsChanged);
    const QList<Account> demo = m_fx->addDemoAccounts();
    QVERIFY(!demo.isEmpty());
    QTRY_VERIFY(stack()->currentWidget() != page());
    QVERIFY(!page()->isVisible());

    // A window opened over a config with accounts never shows the page.
    m_fx->closeWindow();
    openWindow();
    QVERIFY(stack()->currentWidget() != page());

    // Removing every account brings it back.
    for (const Account &account : demo) {
        const auto removed = awaitFuture(m_fx->controller()->removeAccount(account.id));
        QVERIFY(removed && removed->ok());
    }
    QTRY_COMPARE(stack()->currentWidget(), page());
}

QTEST_MAIN(TestFirstRun)
#include "tst_firstrun.moc"
