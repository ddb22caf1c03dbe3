#include "store/Preferences.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

class TestPreferences : public QObject
{
    Q_OBJECT
private slots:
    void defaultsWithoutFile();
    void saveAndReloadRoundTrip();
    void changedOnlyWhenDifferent();
    void clampsOutOfRangeValues();
    void badKeysFallBackOneByOne();
    void unwritableFileIsReported();
};

void TestPreferences::defaultsWithoutFile()
{
    QTemporaryDir dir;
    Preferences prefs(dir.path());
    QVERIFY(prefs.values() == Preferences::defaults());
    QCOMPARE(prefs.clipboardClearSeconds(), 30);
    QCOMPARE(prefs.alertThresholdsSeconds(), (QList<qint64> {7 * 24 * 3600, 24 * 3600}));
    QVERIFY(!QFile::exists(prefs.filePath()));
}

void TestPreferences::saveAndReloadRoundTrip()
{
    QTemporaryDir dir;
    Preferences::Values v;
    v.clipboardClearSeconds = 45;
    v.alertThresholdsSeconds = {3600, 2 * 24 * 3600};
    v.alertOnExpiry = false;
    v.refreshIntervalMinutes = 0;
    v.timeDisplay = Preferences::TimeDisplay::Absolute;
    v.timeZone = Preferences::TimeZone::Utc;
    v.startMinimizedToTray = true;
    v.closeToTray = true;
    v.notificationsEnabled = false;
    {
        Preferences prefs(dir.path());
        QVERIFY(prefs.save(v));
    }
    Preferences again(dir.path());
    QCOMPARE(again.clipboardClearSeconds(), 45);
    // Thresholds are kept in descending order.
    QCOMPARE(again.alertThresholdsSeconds(), (QList<qint64> {2 * 24 * 3600, 3600}));
    QCOMPARE(again.values().alertOnExpiry, false);
    QCOMPARE(again.refreshIntervalMinutes(), 0);
    QCOMPARE(again.values().timeDisplay, Preferences::TimeDisplay::Absolute);
    QCOMPARE(again.values().timeZone, Preferences::TimeZone::Utc);
    QCOMPARE(again.values().startMinimizedToTray, true);
    QCOMPARE(again.values().closeToTray, true);
    QCOMPARE(again.values().notificationsEnabled, false);
}

void TestPreferences::changedOnlyWhenDifferent()
{
    QTemporaryDir dir;
    Preferences prefs(dir.path());
    QSignalSpy spy(&prefs, &Preferences::changed);
    QVERIFY(prefs.save(prefs.values()));
    QCOMPARE(spy.count(), 0);
    Preferences::Values v = prefs.values();
    v.refreshIntervalMinutes = 15;
    QVERIFY(prefs.save(v));
    QCOMPARE(spy.count(), 1);
    QCOMPARE(prefs.refreshIntervalMinutes(), 15);
}

void TestPreferences::clampsOutOfRangeValues()
{
    Preferences::Values v;
    v.clipboardClearSeconds = 1;
    v.refreshIntervalMinutes = 100000;
    v.alertThresholdsSeconds = {5, 3600, 3600, 365LL * 24 * 3600, 600};
    const Preferences::Values n = Preferences::normalized(v);
    QCOMPARE(n.clipboardClearSeconds, 5);
    QCOMPARE(n.refreshIntervalMinutes, 1440);
    QCOMPARE(n.alertThresholdsSeconds, (QList<qint64> {3600, 600}));
    v.clipboardClearSeconds = 100000;
    v.refreshIntervalMinutes = -3;
    QCOMPARE(Preferences::normalized(v).clipboardClearSeconds, 600);
    QCOMPARE(Preferences::normalized(v).refreshIntervalMinutes, 0);
}

void TestPreferences::badKeysFallBackOneByOne()
{
    QTemporaryDir dir;
    QFile file(dir.filePath(QStringLiteral("preferences.ini")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("[clipboard]\nclearSeconds=banana\n[refresh]\nintervalMinutes=10\n[display]\ntime=Sideways\n"
               "timeZone=Utc\n[alerts]\nthresholdsSeconds=\"x, 7200 ,-1\"\nonExpiry=maybe\n");
    file.close();
    Preferences prefs(dir.path());
    QCOMPARE(prefs.clipboardClearSeconds(), 30); // bad → default
    QCOMPARE(prefs.refreshIntervalMinutes(), 10); // good → kept
    QCOMPARE(prefs.values().timeDisplay, Preferences::TimeDisplay::Relative);
    QCOMPARE(prefs.values().timeZone, Preferences::TimeZone::Utc);
    QCOMPARE(prefs.alertThresholdsSeconds(), (QList<qint64> {7200}));
    QCOMPARE(prefs.values().alertOnExpiry, true);
}

void TestPreferences::unwritableFileIsReported()
{
    QTemporaryDir dir;
    // A directory where the file should be: QSettings cannot write it.
    QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("preferences.ini")));
    Preferences prefs(dir.path());
    Preferences::Values v = prefs.values();
    v.clipboardClearSeconds = 60;
    QVERIFY(!prefs.save(v));
    QVERIFY(prefs.lastError().contains(QStringLiteral("preferences")));
    QCOMPARE(prefs.clipboardClearSeconds(), 60);
}

QTEST_GUILESS_MAIN(TestPreferences)
#include "tst_preferences.moc"
