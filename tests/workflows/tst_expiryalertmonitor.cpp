#include "core/Clock.h"
#include "core/UtcTime.h"
#include "store/Database.h"
#include "store/Ledger.h"
#include "workflows/ExpiryAlertMonitor.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

// Expiry alerts: thresholds crossed once each, the expiry raised once, nothing raised twice for the same
// token and threshold, also across a restart (the ledger remembers), all with the test clock.
class TestExpiryAlertMonitor : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void thresholdsRaisedOnceEach();
    void firstSightRaisesOnlyTheTightest();
    void expiryRaisedOnceAndRevokedIgnored();
    void rememberedAcrossRestart();
    void expiryAlertCanBeTurnedOff();
    void upcomingListsSoonestFirst();
    void tokensWithoutIdStillDeduplicated();

private:
    Token token(const QString &id, qint64 expiresInSeconds) const;

    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<Ledger> m_ledger;
    TestClock m_clock;
    QUuid m_account = QUuid::createUuid();
};

void TestExpiryAlertMonitor::init()
{
    m_db = std::make_unique<Database>(m_dir.filePath(QUuid::createUuid().toString(QUuid::Id128) + ".sqlite"));
    QVERIFY2(m_db->open(), qPrintable(m_db->lastError()));
    m_ledger = std::make_unique<Ledger>(m_db.get());
    m_clock.setNow(UtcTime::dateTime(QDate(2026, 11, 23), QTime(9, 0)));
}

void TestExpiryAlertMonitor::cleanup()
{
    m_ledger.reset();
    m_db.reset();
}

Token TestExpiryAlertMonitor::token(const QString &id, qint64 expiresInSeconds) const
{
    Token t;
    t.id = id;
    t.label = QStringLiteral("Token ") + id;
    t.accountId = m_account;
    t.created = m_clock.now().addDays(-30);
    t.expires = m_clock.now().addSecs(expiresInSeconds);
    return t;
}

void TestExpiryAlertMonitor::thresholdsRaisedOnceEach()
{
    ExpiryAlertMonitor monitor(m_ledger.get(), &m_clock);
    monitor.setThresholds({24 * 3600, 7 * 24 * 3600});
    QCOMPARE(monitor.thresholds(), (QList<qint64> {7 * 24 * 3600, 24 * 3600}));
    QSignalSpy raised(&monitor, &ExpiryAlertMonitor::alertRaised);
    monitor.setTokens(m_account, QStringLiteral("lab"), {token(QStringLiteral("a"), 8 * 24 * 3600)});

    QVERIFY(monitor.check().isEmpty()); // 8 days left: nothing crossed

    m_clock.advanceSeconds(2 * 24 * 3600); // 6 days left: the 7-day threshold
    QList<ExpiryAlert> alerts = monitor.check();
    QCOMPARE(alerts.size(), 1);
    QCOMPARE(alerts[0].kind, ExpiryAlert::Kind::ExpiringSoon);
    QCOMPARE(alerts[0].thresholdSeconds, 7 * 24 * 3600);
    QCOMPARE(alerts[0].tokenKey, QStringLiteral("a"));
    QVERIFY(alerts[0].message().contains(QStringLiteral("Token a")));
    QVERIFY(alerts[0].message().contains(QStringLiteral("lab")));
    QCOMPARE(raised.count(), 1);

    m_clock.advanceSeconds(3600);
    QVERIFY(monitor.check().isEmpty()); // same threshold: not again

    m_clock.advanceSeconds(5 * 24 * 3600); // under 24 h
    alerts = monitor.check();
    QCOMPARE(alerts.size(), 1);
    QCOMPARE(alerts[0].thresholdSeconds, 24 * 3600);

    m_clock.advanceSeconds(24 * 3600); // expired
    alerts = monitor.check();
    QCOMPARE(alerts.size(), 1);
    QCOMPARE(alerts[0].kind, ExpiryAlert::Kind::Expired);
    QCOMPARE(alerts[0].thresholdKey(), QStringLiteral("expired"));
    QVERIFY(monitor.check().isEmpty());
    QCOMPARE(raised.count(), 3);
}

void TestExpiryAlertMonitor::firstSightRaisesOnlyTheTightest()
{
    ExpiryAlertMonitor monitor(m_ledger.get(), &m_clock);
    monitor.setTokens(m_account, QStringLiteral("lab"), {token(QStringLiteral("b"), 2 * 3600)});
    const QList<ExpiryAlert> alerts = monitor.check();
    QCOMPARE(alerts.size(), 1);
    QCOMPARE(alerts[0].thresholdSeconds, 24 * 3600);
    // The wider threshold was remembered too: it never comes later.
    QVERIFY(m_ledger->wasNotified(m_account, QStringLiteral("b"), QStringLiteral("t604800")));
    QVERIFY(monitor.check().isEmpty());
}

void TestExpiryAlertMonitor::expiryRaisedOnceAndRevokedIgnored()
{
    ExpiryAlertMonitor monitor(m_ledger.get(), &m_clock);
    Token revoked = token(QStringLiteral("r"), 60);
    revoked.revoked = m_clock.now();
    Token never;
    never.id = QStringLiteral("n");
    monitor.setTokens(m_account, QStringLiteral("lab"), {token(QStringLiteral("e"), -60), revoked, never});
    const QList<ExpiryAlert> alerts = monitor.check();
    QCOMPARE(alerts.size(), 1);
    QCOMPARE(alerts[0].tokenKey, QStringLiteral("e"));
    QCOMPARE(alerts[0].kind, ExpiryAlert::Kind::Expired);
    QVERIFY(monitor.check().isEmpty());
}

void TestExpiryAlertMonitor::rememberedAcrossRestart()
{
    {
        ExpiryAlertMonitor monitor(m_ledger.get(), &m_clock);
        monitor.setTokens(m_account, QStringLiteral("lab"), {token(QStringLiteral("c"), 3600)});
        QCOMPARE(monitor.check().size(), 1);
    }
    // A new process: a new monitor over the same database file.
    m_ledger.reset();
    const QString path = m_db->path();
    m_db = std::make_unique<Database>(path);
    QVERIFY(m_db->open());
    m_ledger = std::make_unique<Ledger>(m_db.get());
    ExpiryAlertMonitor again(m_ledger.get(), &m_clock);
    again.setTokens(m_account, QStringLiteral("lab"), {token(QStringLiteral("c"), 3600)});
    QVERIFY(again.check().isEmpty());
    // The same token id in another account is a different token.
    again.setTokens(QUuid::createUuid(), QStringLiteral("other"), {token(QStringLiteral("c"), 3600)});
    QCOMPARE(again.check().size(), 1);
}

void TestExpiryAlertMonitor::expiryAlertCanBeTurnedOff()
{
    ExpiryAlertMonitor monitor(m_ledger.get(), &m_clock);
    monitor.setAlertOnExpiry(false);
    monitor.setTokens(m_account, QStringLiteral("lab"), {token(QStringLiteral("x"), -1)});
    QVERIFY(monitor.check().isEmpty());
    monitor.setAlertOnExpiry(true);
    QCOMPARE(monitor.check().size(), 1);
}

void TestExpiryAlertMonitor::upcomingListsSoonestFirst()
{
    ExpiryAlertMonitor monitor(m_ledger.get(), &m_clock);
    const QUuid other = QUuid::createUuid();
    monitor.setTokens(m_account, QStringLiteral("lab"),
        {token(QStringLiteral("later"), 5 * 24 * 3600), token(QStringLiteral("soon"), 3600),
            token(QStringLiteral("gone"), -10)});
    monitor.setTokens(other, QStringLiteral("prod"), {token(QStringLiteral("mid"), 20 * 3600)});
    QList<UpcomingExpiry> day = monitor.upcoming(24 * 3600);
    QCOMPARE(day.size(), 2);
    QCOMPARE(day[0].token.id, QStringLiteral("soon"));
    QCOMPARE(day[1].token.id, QStringLiteral("mid"));
    QCOMPARE(day[1].accountName, QStringLiteral("prod"));
    QCOMPARE(monitor.upcoming(7 * 24 * 3600).size(), 3);
    monitor.removeAccount(other);
    QCOMPARE(monitor.upcoming(7 * 24 * 3600).size(), 2);
}

void TestExpiryAlertMonitor::tokensWithoutIdStillDeduplicated()
{
    ExpiryAlertMonitor monitor(m_ledger.get(), &m_clock);
    Token ledgerRow = token(QString(), 3600);
    ledgerRow.extra.insert(QStringLiteral("ledgerRowId"), 42);
    Token bare = token(QString(), 1800);
    bare.label = QStringLiteral("portal for app_demo");
    monitor.setTokens(m_account, QStringLiteral("svix"), {ledgerRow, bare});
    const QList<ExpiryAlert> alerts = monitor.check();
    QCOMPARE(alerts.size(), 2);
    QCOMPARE(alerts[0].tokenKey, QStringLiteral("ledger:42"));
    QVERIFY(alerts[1].tokenKey.startsWith(QStringLiteral("h:")));
    QVERIFY(monitor.check().isEmpty());
}

QTEST_GUILESS_MAIN(TestExpiryAlertMonitor)
#include "tst_expiryalertmonitor.moc"
