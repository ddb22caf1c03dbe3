#include "AccountController.h"
#include "AlertCenter.h"
#include "ExpiryBanner.h"
#include "MainWindow.h"
#include "TrayIcon.h"
#include "core/UtcTime.h"

#include "AwaitFuture.h"
#include "WindowFixture.h"
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
    bool refreshAccount(const QUuid &id, bool expectOk = true);
    Token createSpecterToken(const QString &description, const QString &lifetime);

    std::unique_ptr<WindowFixture> m_fx;
    TestClock m_clock {UtcTime::dateTime(QDate(2026, 11, 23), QTime(9, 0))};
};

void TestExpiryAlerts::init()
{
    m_fx = std::make_unique<WindowFixture>();
    QVERIFY(m_fx->isValid());
    m_clock.setNow(UtcTime::dateTime(QDate(2026, 11, 23), QTime(9, 0)));
    QVERIFY(m_fx->startSandbox(0, {.magicbellJwtRoutes = true}, &m_clock));
}

void TestExpiryAlerts::cleanup()
{
    m_fx.reset();
}

void TestExpiryAlerts::startApp(const QList<qint64> &thresholds)
{
    Preferences preferences(m_fx->path());
    Preferences::Values values = preferences.values();
    values.alertThresholdsSeconds = thresholds;
    QVERIFY(preferences.save(values));

    QVERIFY(m_fx->openController(&m_clock));
    m_fx->addDemoAccounts();
}

void TestExpiryAlerts::openWindow()
{
    m_fx->createWindow(true);
    QVERIFY(m_fx->window()->alertCenter());
    QVERIFY(m_fx->window()->expiryBanner());
}

bool TestExpiryAlerts::refreshAccount(const QUuid &id, bool expectOk)
{
    return WindowTestSteps::refreshAccount(m_fx->window(), id, expectOk);
}

Token TestExpiryAlerts::createSpecterToken(const QString &description, const QString &lifetime)
{
    return WindowTestSteps::createSpecterToken(
        m_fx->controller(), m_fx->demoAccount(QStringLiteral("specter")), description, lifetime);
}

void TestExpiryAlerts::thresholdThenExpiryOnceEach()
{
    startApp({3600});
    const QUuid specter = m_fx->demoAccount(QStringLiteral("specter"));
    const QUuid failing = m_fx->demoAccount(QStringLiteral("magicbell"));
    if (specter.isNull() || failing.isNull())
        QSKIP("the Specter or MagicBell provider is not in this build");
    QVERIFY(!createSpecterToken(QStringLiteral("alert-me"), QStringLiteral("2 hours")).id.isEmpty());
    openWindow();

    AlertCenter *center = m_fx->window()->alertCenter();
    QSignalSpy shown(center, &AlertCenter::notificationShown);
    QVERIFY(m_fx->server()->setFaults(QStringLiteral("status=500@/magicbell")));
    QVERIFY(refreshAccount(failing, false));
    QVERIFY(!m_fx->window()->lastError().isEmpty()); // failing account: the others still alert
    QVERIFY(refreshAccount(specter));
    QCOMPARE(shown.count(), 0); // 2 h left, threshold 1 h
    const QList<Token> listed = m_fx->window()->tokenModel()->tokens(); // what the center was given
    QCOMPARE(listed.size(), 1);
    QCOMPARE(m_fx->window()->expiryBanner()->withinDay().size(), 1); // listed, not yet notified

    m_clock.advanceSeconds(90 * 60); // 30 min left: the threshold is crossed
    center->check();
    QCOMPARE(shown.count(), 1);
    QCOMPARE(shown.last().at(2).toInt(), 1);
    QVERIFY(shown.last().at(1).toString().contains(QStringLiteral("alert-me")));
    QCOMPARE(center->lastNotified().first().kind, ExpiryAlert::Kind::ExpiringSoon);
    QCOMPARE(center->lastNotified().first().accountId, specter);
    // The banner lists it under the next 24 h.
    ExpiryBanner *banner = m_fx->window()->expiryBanner();
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
    QVERIFY(m_fx->openController(&m_clock));
    QVERIFY(m_fx->controller()->account(specter));
    AlertCenter again(m_fx->controller());
    QSignalSpy shownAgain(&again, &AlertCenter::notificationShown);
    again.setAccountTokens(specter, listed);
    again.check();
    QCOMPARE(shownAgain.count(), 0);
    // The same tokens under another account would be new: the center did see them.
    QVERIFY(m_fx->controller()->account(failing));
    again.setAccountTokens(failing, listed);
    QCOMPARE(shownAgain.count(), 1);
}

void TestExpiryAlerts::groupedNotificationAndBanner()
{
    startApp();
    const QUuid specter = m_fx->demoAccount(QStringLiteral("specter"));
    if (specter.isNull())
        QSKIP("the Specter provider is not in this build");
    QVERIFY(!createSpecterToken(QStringLiteral("soon"), QStringLiteral("2 hours")).id.isEmpty());
    QVERIFY(!createSpecterToken(QStringLiteral("this-week"), QStringLiteral("3 days")).id.isEmpty());
    QVERIFY(!createSpecterToken(QStringLiteral("later"), QStringLiteral("10 days")).id.isEmpty());
    openWindow();

    QSignalSpy shown(m_fx->window()->alertCenter(), &AlertCenter::notificationShown);
    QVERIFY(refreshAccount(specter));
    // Two tokens crossed a threshold at once: one grouped notification.
    QCOMPARE(shown.count(), 1);
    QCOMPARE(shown.first().at(2).toInt(), 2);
    QVERIFY(shown.first().at(0).toString().contains(QLatin1Char('2')));
    QVERIFY(shown.first().at(1).toString().contains(QStringLiteral("soon")));
    QVERIFY(shown.first().at(1).toString().contains(QStringLiteral("this-week")));
    QVERIFY(!shown.first().at(1).toString().contains(QStringLiteral("later")));

    ExpiryBanner *banner = m_fx->window()->expiryBanner();
    QVERIFY(!banner->isHidden());
    QCOMPARE(banner->withinDay().size(), 1);
    QCOMPARE(banner->withinDay().first().token.label, QStringLiteral("soon"));
    QCOMPARE(banner->withinWeek().size(), 1);
    QCOMPARE(banner->withinWeek().first().token.label, QStringLiteral("this-week"));
    QVERIFY(!banner->text().contains(QStringLiteral("later")));
    QVERIFY(!banner->accessibleName().isEmpty());
    QVERIFY(banner->label()->textInteractionFlags().testFlag(Qt::LinksAccessibleByKeyboard));

    // A click on a name selects that token in the table.
    m_fx->window()->selectAccount(
        m_fx->demoAccount(QStringLiteral("svix")).isNull() ? specter : m_fx->demoAccount(QStringLiteral("svix")));
    emit banner->label()->linkActivated(QStringLiteral("expiry:1")); // the first of the 7-day group
    QCOMPARE(m_fx->window()->currentAccountId(), specter);
    const QList<Token> selected = m_fx->window()->selectedTokens();
    QCOMPARE(selected.size(), 1);
    QCOMPARE(selected.first().label, QStringLiteral("this-week"));

    // Four days on: "this-week" has expired, "later" is within 7 days now.
    m_clock.advanceSeconds(4 * 24 * 3600);
    m_fx->window()->alertCenter()->check();
    QCOMPARE(banner->withinDay().size(), 0);
    QCOMPARE(banner->withinWeek().size(), 1);
    QCOMPARE(banner->withinWeek().first().token.label, QStringLiteral("later"));
}

void TestExpiryAlerts::preferencesApplied()
{
    startApp();
    const QUuid specter = m_fx->demoAccount(QStringLiteral("specter"));
    if (specter.isNull())
        QSKIP("the Specter provider is not in this build");
    openWindow();
    AlertCenter *center = m_fx->window()->alertCenter();
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
    QCOMPARE(m_fx->window()->expiryBanner()->withinDay().size(), 1); // the banner still shows it
}

void TestExpiryAlerts::accountCredentialTokenAlerts()
{
    startApp();
    const QUuid magicbell = m_fx->demoAccount(QStringLiteral("magicbell"));
    if (magicbell.isNull())
        QSKIP("the MagicBell provider is not in this build");
    openWindow();
    AlertCenter *center = m_fx->window()->alertCenter();
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
        QVERIFY(!m_fx->window()->trayIcon());
    QAction refresh;
    QSignalSpy refreshed(&refresh, &QAction::triggered);
    TrayIcon tray(m_fx->window(), &refresh, nullptr, m_fx->window()->alertCenter());
    QCOMPARE(tray.menu()->actions().size(), 4); // Show, Refresh, separator, Quit
    QVERIFY(!m_fx->window()->isVisible());
    tray.showAction()->trigger();
    QVERIFY(m_fx->window()->isVisible());
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
    m_fx->window()->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_fx->window()));

    // Off by default: a close is a close.
    QVERIFY(!m_fx->window()->closesToTray());
    QVERIFY(m_fx->window()->close());
    m_fx->window()->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_fx->window()));

    Preferences::Values values = m_fx->controller()->preferences()->values();
    values.closeToTray = true;
    QVERIFY(m_fx->controller()->preferences()->save(values));
    if (!m_fx->window()->trayIcon()) {
        QVERIFY(!m_fx->window()->closesToTray()); // no tray to come back from: never hide
        QVERIFY(m_fx->window()->close());
        m_fx->window()->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_fx->window()));
    }
    TrayIcon *tray = m_fx->window()->ensureTrayIcon();
    QVERIFY(tray);
    QVERIFY(m_fx->window()->closesToTray());
    // From here a real close deletes the window: a hidden-to-the-tray window stays.
    m_fx->window()->setAttribute(Qt::WA_DeleteOnClose);
    QPointer<MainWindow> window = m_fx->releaseWindow();
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
