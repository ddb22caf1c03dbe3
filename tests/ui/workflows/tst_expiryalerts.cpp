#include "AccountController.h"
#include "AlertCenter.h"
#include "ExpiryBanner.h"
#include "MainWindow.h"
#include "TrayIcon.h"
#include "core/UtcTime.h"

#include "AwaitFuture.h"
#include "BuiltinEmulators.h"
#include "SandboxServer.h"
#include "WindowTestSteps.h"

#include "core/Clock.h"
#include "items/TokenListModel.h"
#include "providers/AccountSession.h"
#include "store/Preferences.h"
#include "store/SecretStore.h"

#include <QAction>
#include <QLabel>
#include <QMenu>
#include <QPointer>
#include <QSet>
#include <QSignalSpy>
#include <QSystemTrayIcon>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

// Expiry alerts in the GUI: the AlertCenter fed by MainWindow's refreshes of several sandbox accounts
// (one failing), on a TestClock shared with the sandbox. A threshold crossed raises one notification, the expiry
// one more, nothing twice, nothing again after a restart over the same config dir; the banner lists what is due.
class TestExpiryAlerts : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void thresholdThenExpiryOnceEach();
    void groupedNotificationAndBanner();
    void preferencesApplied();
    void accountCredentialTokenAlerts();
    void trayMenu();
    void closeToTray();

private:
    void startApp(const QList<qint64> &thresholds = {7 * 24 * 3600, 24 * 3600});
    void openWindow();
    QUuid accountOf(const QString &providerId) const;
    bool refreshAccount(const QUuid &id, bool expectOk = true);
    Token createSpecterToken(const QString &description, const QString &lifetime);

    std::unique_ptr<QTemporaryDir> m_dir;
    TestClock m_clock {UtcTime::dateTime(QDate(2026, 11, 23), QTime(9, 0))};
    std::unique_ptr<SandboxServer> m_sandbox;
    std::unique_ptr<AccountController> m_controller;
    std::unique_ptr<MainWindow> m_window;
    QList<Account> m_demo;
};

void TestExpiryAlerts::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_clock.setNow(UtcTime::dateTime(QDate(2026, 11, 23), QTime(9, 0)));
    m_sandbox = std::make_unique<SandboxServer>();
    registerBuiltinEmulators(*m_sandbox, {.magicbellJwtRoutes = true});
    m_sandbox->setClock([this] { return m_clock.now(); });
    QVERIFY(m_sandbox->listen());
}

void TestExpiryAlerts::cleanup()
{
    m_window.reset();
    m_controller.reset();
    m_sandbox.reset();
    m_dir.reset();
    m_demo.clear();
}

void TestExpiryAlerts::startApp(const QList<qint64> &thresholds)
{
    Preferences preferences(m_dir->path());
    Preferences::Values values = preferences.values();
    values.alertThresholdsSeconds = thresholds;
    QVERIFY(preferences.save(values));

    m_controller = std::make_unique<AccountController>(m_dir->path(), SecretStore::createMemoryOnly());
    m_controller->secretStore()->setParent(m_controller.get());
    m_controller->setClock(&m_clock);
    m_controller->load();
    m_demo = m_controller->addDemoAccounts(m_sandbox->readyInfo());
}

void TestExpiryAlerts::openWindow()
{
    m_window = std::make_unique<MainWindow>(m_controller.get());
    m_window->setSandboxMode(true);
    QVERIFY(m_window->alertCenter());
    QVERIFY(m_window->expiryBanner());
}

QUuid TestExpiryAlerts::accountOf(const QString &providerId) const
{
    for (const Account &account : m_demo) {
        if (account.providerId == providerId)
            return account.id;
    }
    return {};
}

bool TestExpiryAlerts::refreshAccount(const QUuid &id, bool expectOk)
{
    return WindowTestSteps::refreshAccount(m_window.get(), id, expectOk);
}

Token TestExpiryAlerts::createSpecterToken(const QString &description, const QString &lifetime)
{
    return WindowTestSteps::createSpecterToken(
        m_controller.get(), accountOf(QStringLiteral("specter")), description, lifetime);
}

void TestExpiryAlerts::thresholdThenExpiryOnceEach()
{
    startApp({3600});
    const QUuid specter = accountOf(QStringLiteral("specter"));
    const QUuid failing = accountOf(QStringLiteral("magicbell"));
    if (specter.isNull() || failing.isNull())
        QSKIP("the Specter or MagicBell provider is not in this build");
    QVERIFY(!createSpecterToken(QStringLiteral("alert-me"), QStringLiteral("2 hours")).id.isEmpty());
    openWindow();

    AlertCenter *center = m_window->alertCenter();
    QSignalSpy shown(center, &AlertCenter::notificationShown);
    QVERIFY(m_sandbox->setFaults(QStringLiteral("status=500@/magicbell")));
    QVERIFY(refreshAccount(failing, false));
    QVERIFY(!m_window->lastError().isEmpty()); // failing account: the others still alert
    QVERIFY(refreshAccount(specter));
    QCOMPARE(shown.count(), 0); // 2 h left, threshold 1 h
    const QList<Token> listed = m_window->tokenModel()->tokens(); // what the center was given
    QCOMPARE(listed.size(), 1);
    QCOMPARE(m_window->expiryBanner()->withinDay().size(), 1); // listed, not yet notified

    m_clock.advanceSeconds(90 * 60); // 30 min left: the threshold is crossed
    center->check();
    QCOMPARE(shown.count(), 1);
    QCOMPARE(shown.last().at(2).toInt(), 1);
    QVERIFY(shown.last().at(1).toString().contains(QStringLiteral("alert-me")));
    QCOMPARE(center->lastNotified().first().kind, ExpiryAlert::Kind::ExpiringSoon);
    QCOMPARE(center->lastNotified().first().accountId, specter);
    // The banner lists it under the next 24 h.
    ExpiryBanner *banner = m_window->expiryBanner();
    QVERIFY(!banner->isHidden());
    QCOMPARE(banner->withinDay().size(), 1);
    QCOMPARE(banner->withinDay().first().token.label, QStringLiteral("alert-me"));
    QVERIFY(banner->text().contains(QStringLiteral("alert-me")));

    center->check();
    center->setAccountTokens(specter, listed); // what a refresh does: feed and check
    QCOMPARE(shown.count(), 1); // no duplicate

    m_clock.advanceSeconds(3600); // expired
    center->check();
    QCOMPARE(shown.count(), 2);
    QCOMPARE(center->lastNotified().first().kind, ExpiryAlert::Kind::Expired);
    QVERIFY(banner->withinDay().isEmpty());
    QVERIFY(banner->isHidden());
    center->setAccountTokens(specter, listed);
    center->check();
    QCOMPARE(shown.count(), 2);

    // Restart over the same config dir: the ledger remembers what was shown.
    m_window.reset();
    m_controller.reset();
    m_controller = std::make_unique<AccountController>(m_dir->path(), SecretStore::createMemoryOnly());
    m_controller->secretStore()->setParent(m_controller.get());
    m_controller->setClock(&m_clock);
    QVERIFY(m_controller->load());
    QVERIFY(m_controller->account(specter));
    AlertCenter again(m_controller.get());
    QSignalSpy shownAgain(&again, &AlertCenter::notificationShown);
    again.setAccountTokens(specter, listed);
    again.check();
    QCOMPARE(shownAgain.count(), 0);
    // The same tokens under another account would be new: the center did see them.
    QVERIFY(m_controller->account(failing));
    again.setAccountTokens(failing, listed);
    QCOMPARE(shownAgain.count(), 1);
}

void TestExpiryAlerts::groupedNotificationAndBanner()
{
    startApp();
    const QUuid specter = accountOf(QStringLiteral("specter"));
    if (specter.isNull())
        QSKIP("the Specter provider is not in this build");
    QVERIFY(!createSpecterToken(QStringLiteral("soon"), QStringLiteral("2 hours")).id.isEmpty());
    QVERIFY(!createSpecterToken(QStringLiteral("this-week"), QStringLiteral("3 days")).id.isEmpty());
    QVERIFY(!createSpecterToken(QStringLiteral("later"), QStringLiteral("10 days")).id.isEmpty());
    openWindow();

    QSignalSpy shown(m_window->alertCenter(), &AlertCenter::notificationShown);
    QVERIFY(refreshAccount(specter));
    // Two tokens crossed a threshold at once: one grouped notification.
    QCOMPARE(shown.count(), 1);
    QCOMPARE(shown.first().at(2).toInt(), 2);
    QVERIFY(shown.first().at(0).toString().contains(QLatin1Char('2')));
    QVERIFY(shown.first().at(1).toString().contains(QStringLiteral("soon")));
    QVERIFY(shown.first().at(1).toString().contains(QStringLiteral("this-week")));
    QVERIFY(!shown.first().at(1).toString().contains(QStringLiteral("later")));

    ExpiryBanner *banner = m_window->expiryBanner();
    QVERIFY(!banner->isHidden());
    QCOMPARE(banner->withinDay().size(), 1);
    QCOMPARE(banner->withinDay().first().token.label, QStringLiteral("soon"));
    QCOMPARE(banner->withinWeek().size(), 1);
    QCOMPARE(banner->withinWeek().first().token.label, QStringLiteral("this-week"));
    QVERIFY(!banner->text().contains(QStringLiteral("later")));
    QVERIFY(!banner->accessibleName().isEmpty());
    QVERIFY(banner->label()->textInteractionFlags().testFlag(Qt::LinksAccessibleByKeyboard));

    // A click on a name selects that token in the table.
    m_window->selectAccount(accountOf(QStringLiteral("svix")).isNull() ? specter : accountOf(QStringLiteral("svix")));
    emit banner->label()->linkActivated(QStringLiteral("expiry:1")); // the first of the 7-day group
    QCOMPARE(m_window->currentAccountId(), specter);
    const QList<Token> selected = m_window->selectedTokens();
    QCOMPARE(selected.size(), 1);
    QCOMPARE(selected.first().label, QStringLiteral("this-week"));

    // Four days on: "this-week" has expired, "later" is within 7 days now.
    m_clock.advanceSeconds(4 * 24 * 3600);
    m_window->alertCenter()->check();
    QCOMPARE(banner->withinDay().size(), 0);
    QCOMPARE(banner->withinWeek().size(), 1);
    QCOMPARE(banner->withinWeek().first().token.label, QStringLiteral("later"));
}

void TestExpiryAlerts::preferencesApplied()
{
    startApp();
    const QUuid specter = accountOf(QStringLiteral("specter"));
    if (specter.isNull())
        QSKIP("the Specter provider is not in this build");
    openWindow();
    AlertCenter *center = m_window->alertCenter();
    Preferences::Values values = center->preferences()->values();
    values.notificationsEnabled = false;
    values.alertThresholdsSeconds = {2 * 3600};
    QVERIFY(center->preferences()->save(values));
    QCOMPARE(center->monitor()->thresholds(), (QList<qint64> {2 * 3600}));
    QVERIFY(center->checkTimer()->isActive());
    QCOMPARE(center->checkTimer()->interval(), AlertCenter::CheckIntervalMs);

    QVERIFY(!createSpecterToken(QStringLiteral("quiet"), QStringLiteral("3 hours")).id.isEmpty());
    QSignalSpy shown(center, &AlertCenter::notificationShown);
    QVERIFY(refreshAccount(specter));
    m_clock.advanceSeconds(2 * 3600);
    QCOMPARE(center->check().size(), 1); // the alert is due...
    QCOMPARE(shown.count(), 0); // ...but notifications are off
    QCOMPARE(m_window->expiryBanner()->withinDay().size(), 1); // the banner still shows it
}

void TestExpiryAlerts::accountCredentialTokenAlerts()
{
    startApp();
    const QUuid magicbell = accountOf(QStringLiteral("magicbell"));
    if (magicbell.isNull())
        QSKIP("the MagicBell provider is not in this build");
    openWindow();
    AlertCenter *center = m_window->alertCenter();
    QSignalSpy shown(center, &AlertCenter::notificationShown);
    refreshAccount(magicbell); // the project token is watched whatever the list says
    QCOMPARE(shown.count(), 0);
    const QList<UpcomingExpiry> all = center->upcoming(400LL * 24 * 3600);
    qint64 remaining = -1;
    for (const UpcomingExpiry &entry : all) {
        if (entry.accountId == magicbell && entry.token.kind == QLatin1String("project"))
            remaining = entry.remainingMs;
    }
    QVERIFY(remaining > 7LL * 24 * 3600 * 1000);
    m_clock.advance(remaining - 3LL * 24 * 3600 * 1000); // 3 days left
    center->check();
    QCOMPARE(shown.count(), 1);
    QCOMPARE(center->lastNotified().first().accountId, magicbell);
    QCOMPARE(center->lastNotified().first().thresholdSeconds, 7 * 24 * 3600);
    center->check();
    QCOMPARE(shown.count(), 1);
}

void TestExpiryAlerts::trayMenu()
{
    startApp();
    openWindow();
    // Offscreen has no tray: the window does not make one, the banner carries the alerts.
    if (!QSystemTrayIcon::isSystemTrayAvailable())
        QVERIFY(!m_window->trayIcon());
    QAction refresh;
    QSignalSpy refreshed(&refresh, &QAction::triggered);
    TrayIcon tray(m_window.get(), &refresh, nullptr, m_window->alertCenter());
    QCOMPARE(tray.menu()->actions().size(), 4); // Show, Refresh, separator, Quit
    QVERIFY(!m_window->isVisible());
    tray.showAction()->trigger();
    QVERIFY(m_window->isVisible());
    tray.refreshAction()->trigger();
    QCOMPARE(refreshed.count(), 1);
}

// Preferences → "Keep running in the tray when the window is closed": closing hides the window (the close is
// refused, alerts go on), File → Quit and the tray's Quit still end it for real; without the preference or
// without a tray, closing closes.
void TestExpiryAlerts::closeToTray()
{
    startApp();
    openWindow();
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));

    // Off by default: a close is a close.
    QVERIFY(!m_window->closesToTray());
    QVERIFY(m_window->close());
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));

    Preferences::Values values = m_controller->preferences()->values();
    values.closeToTray = true;
    QVERIFY(m_controller->preferences()->save(values));
    if (!m_window->trayIcon()) {
        QVERIFY(!m_window->closesToTray()); // no tray to come back from: never hide
        QVERIFY(m_window->close());
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }
    TrayIcon *tray = m_window->ensureTrayIcon();
    QVERIFY(tray);
    QVERIFY(m_window->closesToTray());
    // From here a real close deletes the window: a hidden-to-the-tray window stays.
    m_window->setAttribute(Qt::WA_DeleteOnClose);
    QPointer<MainWindow> window = m_window.release();
    QVERIFY(!window->close()); // refused: hidden to the tray
    QVERIFY(window->isHidden());
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    QVERIFY(window);
    tray->showAction()->trigger();
    QVERIFY(window->isVisible());

    // The tray's Quit is the window's Quit: it closes for real although closing goes to the tray.
    tray->quitAction()->trigger();
    QTRY_VERIFY(window.isNull());
}

QTEST_MAIN(TestExpiryAlerts)
#include "tst_expiryalerts.moc"
