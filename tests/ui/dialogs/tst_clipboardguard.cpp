#include "ClipboardGuard.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QMimeData>
#include <QSignalSpy>
#include <QTest>

class TestClipboardGuard : public QObject
{
    Q_OBJECT

private slots:
    void init() { QGuiApplication::clipboard()->clear(); }

    void setsHints()
    {
        ClipboardGuard guard;
        QCOMPARE(guard.clearDelayMs(), 30000);
        guard.copySecret(QStringLiteral("s3cret-value"));
        const QMimeData *mime = QGuiApplication::clipboard()->mimeData();
        QVERIFY(mime);
        QVERIFY(mime->text() == QLatin1String("s3cret-value"));
        QCOMPARE(mime->data(QStringLiteral("x-kde-passwordManagerHint")), QByteArray("secret"));
        QVERIFY(mime->hasFormat(QStringLiteral("ExcludeClipboardContentFromMonitorProcessing")));
        QCOMPARE(mime->data(QStringLiteral("CanIncludeInClipboardHistory")), QByteArray(4, '\0'));
        QVERIFY(mime->hasFormat(QStringLiteral("application/x-nspasteboard-concealed-type")));
        guard.clearNow();
    }

    void clearsAfterDelayWhenStillOurs()
    {
        ClipboardGuard guard;
        guard.setClearDelayMs(50);
        QSignalSpy cleared(&guard, &ClipboardGuard::cleared);
        QSignalSpy countdown(&guard, &ClipboardGuard::countdown);
        guard.copySecret(QStringLiteral("s3cret-value"));
        QVERIFY(guard.isArmed());
        QCOMPARE(countdown.count(), 1);
        QVERIFY(!QGuiApplication::clipboard()->text().isEmpty());
        QTRY_COMPARE(cleared.count(), 1);
        QVERIFY(QGuiApplication::clipboard()->text().isEmpty());
        QVERIFY(!guard.isArmed());
    }

    void leavesSomeoneElsesCopyAlone()
    {
        ClipboardGuard guard;
        guard.setClearDelayMs(50);
        QSignalSpy cleared(&guard, &ClipboardGuard::cleared);
        QSignalSpy superseded(&guard, &ClipboardGuard::superseded);
        guard.copySecret(QStringLiteral("s3cret-value"));
        QGuiApplication::clipboard()->setText(QStringLiteral("something the user copied"));
        QTRY_COMPARE(superseded.count(), 1);
        QCOMPARE(cleared.count(), 0);
        QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("something the user copied"));
    }

    void clearNow()
    {
        ClipboardGuard guard;
        QSignalSpy cleared(&guard, &ClipboardGuard::cleared);
        guard.copySecret(QStringLiteral("s3cret-value"));
        QVERIFY(guard.secondsLeft() > 25);
        guard.clearNow();
        QCOMPARE(cleared.count(), 1);
        QVERIFY(QGuiApplication::clipboard()->text().isEmpty());
        guard.clearNow(); // nothing armed: no second signal
        QCOMPARE(cleared.count(), 1);
    }

    void newCopyRestartsTheCountdown()
    {
        ClipboardGuard guard;
        guard.setClearDelayMs(50);
        QSignalSpy cleared(&guard, &ClipboardGuard::cleared);
        guard.copySecret(QStringLiteral("first"));
        guard.copySecret(QStringLiteral("second"));
        QTRY_COMPARE(cleared.count(), 1);
        QVERIFY(QGuiApplication::clipboard()->text().isEmpty());
    }
};

QTEST_MAIN(TestClipboardGuard)
#include "tst_clipboardguard.moc"
