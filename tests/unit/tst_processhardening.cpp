// ProcessHardening: the core-dump policy (release builds only, TOKENDESK_ALLOW_CORE_DUMPS=1 opts out), the
// limit being 0 after disableCoreDumps(), and wiping secret buffers.
#include "core/ProcessHardening.h"

#include <QTest>

#if defined(Q_OS_UNIX)
#include <sys/resource.h>
#endif
#if defined(Q_OS_LINUX)
#include <sys/prctl.h>
#endif

class tst_ProcessHardening : public QObject
{
    Q_OBJECT
private slots:
    void policy_data();
    void policy();
    void environmentOptOutLeavesLimitAlone();
    void disableCoreDumpsSetsLimitToZero();
    void wipeOverwritesOwnedBuffer();
    void wipeLeavesSharedCopyIntact();
};

void tst_ProcessHardening::policy_data()
{
    QTest::addColumn<bool>("debugBuild");
    QTest::addColumn<QByteArray>("allow");
    QTest::addColumn<bool>("disable");
    QTest::newRow("release") << false << QByteArray() << true;
    QTest::newRow("release, allowed") << false << QByteArray("1") << false;
    QTest::newRow("release, allow=0") << false << QByteArray("0") << true;
    QTest::newRow("release, allow=yes (only 1 counts)") << false << QByteArray("yes") << true;
    QTest::newRow("debug") << true << QByteArray() << false;
    QTest::newRow("debug, allowed") << true << QByteArray("1") << false;
}

void tst_ProcessHardening::policy()
{
    QFETCH(bool, debugBuild);
    QFETCH(QByteArray, allow);
    QFETCH(bool, disable);
    QCOMPARE(ProcessHardening::shouldDisableCoreDumps(debugBuild, allow), disable);
}

void tst_ProcessHardening::environmentOptOutLeavesLimitAlone()
{
#if !defined(Q_OS_UNIX)
    QSKIP("core limits are a Unix feature; Windows has no per-process switch (see ProcessHardening.h)");
#else
    struct rlimit before;
    QCOMPARE(getrlimit(RLIMIT_CORE, &before), 0);
    qputenv("TOKENDESK_ALLOW_CORE_DUMPS", "1");
    QCOMPARE(ProcessHardening::hardenProcess(), ProcessHardening::Outcome::SkippedByEnvironment);
    qunsetenv("TOKENDESK_ALLOW_CORE_DUMPS");
    struct rlimit after;
    QCOMPARE(getrlimit(RLIMIT_CORE, &after), 0);
    QCOMPARE(after.rlim_cur, before.rlim_cur);
    QCOMPARE(after.rlim_max, before.rlim_max);
    // Without the variable, the build type decides.
    const auto outcome = ProcessHardening::hardenProcess();
    QCOMPARE(outcome,
        ProcessHardening::isDebugBuild() ? ProcessHardening::Outcome::SkippedDebugBuild
                                         : ProcessHardening::Outcome::Applied);
#endif
}

void tst_ProcessHardening::disableCoreDumpsSetsLimitToZero()
{
#if !defined(Q_OS_UNIX)
    QCOMPARE(ProcessHardening::disableCoreDumps(), ProcessHardening::Outcome::NotSupported);
#else
    // Start from a non-zero soft limit when the hard limit allows it, so the test sees the change.
    struct rlimit limit;
    QCOMPARE(getrlimit(RLIMIT_CORE, &limit), 0);
    if (limit.rlim_max != 0) {
        limit.rlim_cur = limit.rlim_max;
        QCOMPARE(setrlimit(RLIMIT_CORE, &limit), 0);
        QVERIFY(!ProcessHardening::coreDumpsDisabled());
    }
    QCOMPARE(ProcessHardening::disableCoreDumps(), ProcessHardening::Outcome::Applied);
    QVERIFY(ProcessHardening::coreDumpsDisabled());
    QCOMPARE(getrlimit(RLIMIT_CORE, &limit), 0);
    QCOMPARE(limit.rlim_cur, rlim_t(0));
    QCOMPARE(limit.rlim_max, rlim_t(0)); // the hard limit too: the process cannot raise it again
#if defined(Q_OS_LINUX)
    QCOMPARE(prctl(PR_GET_DUMPABLE, 0, 0, 0, 0), 0);
#endif
#endif
}

void tst_ProcessHardening::wipeOverwritesOwnedBuffer()
{
    QByteArray bytes("not-a-real-secret-1");
    bytes.detach();
    const char *data = bytes.constData();
    QVERIFY(ProcessHardening::overwrite(bytes));
    QCOMPARE(bytes.constData(), data); // in place, no reallocation
    QVERIFY(bytes == QByteArray(19, '\0'));
    ProcessHardening::wipe(bytes);
    QVERIFY(bytes.isEmpty());

    QString text(QStringLiteral("not-a-real-secret-2"));
    text.detach();
    const QChar *chars = text.constData();
    QVERIFY(ProcessHardening::overwrite(text));
    QCOMPARE(text.constData(), chars);
    QVERIFY(text == QString(19, QChar(u'\0')));
    ProcessHardening::wipe(text);
    QVERIFY(text.isEmpty());
}

void tst_ProcessHardening::wipeLeavesSharedCopyIntact()
{
    const QString original = QStringLiteral("shared-text");
    QString copy = original;
    QVERIFY(!ProcessHardening::overwrite(copy)); // shared: refused, both unchanged
    QCOMPARE(copy, QStringLiteral("shared-text"));
    ProcessHardening::wipe(copy);
    QVERIFY(copy.isEmpty());
    QCOMPARE(original, QStringLiteral("shared-text"));

    QByteArray raw = QByteArray::fromRawData("static", 6); // not ours to overwrite
    QVERIFY(!ProcessHardening::overwrite(raw));
    ProcessHardening::wipe(raw);
    QVERIFY(raw.isEmpty());
}

QTEST_GUILESS_MAIN(tst_ProcessHardening)
#include "tst_processhardening.moc"
