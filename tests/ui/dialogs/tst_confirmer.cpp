#include "Confirmer.h"

#include <QApplication>
#include <QMessageBox>
#include <QTest>
#include <QTimer>

class TestConfirmer : public QObject
{
    Q_OBJECT

private slots:
    void presetAnswers()
    {
        Confirmer::setNextAnswerForTest(true);
        QVERIFY(Confirmer::confirm(nullptr, QStringLiteral("Revoke"), QStringLiteral("Revoke token?")));
        Confirmer::setNextAnswerForTest(false);
        QVERIFY(!Confirmer::confirm(nullptr, QStringLiteral("Revoke"), QStringLiteral("Revoke token?")));
    }

    void presetIsOneShotAndDismissingMeansNo()
    {
        Confirmer::setNextAnswerForTest(true);
        QVERIFY(Confirmer::confirm(nullptr, QStringLiteral("Revoke"), QStringLiteral("Revoke token?")));
        // No preset left: a real box is shown; dismissing it (Escape) is "no".
        bool sawBox = false;
        QString details;
        QTimer poll;
        poll.setInterval(10);
        connect(&poll, &QTimer::timeout, this, [&poll, &sawBox, &details] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            if (!box)
                return;
            poll.stop();
            sawBox = true;
            details = box->detailedText();
            box->reject();
        });
        poll.start();
        QVERIFY(!Confirmer::confirm(
            nullptr, QStringLiteral("Revoke"), QStringLiteral("Revoke token?"), QStringLiteral("jti 123")));
        QVERIFY(sawBox);
        QCOMPARE(details, QStringLiteral("jti 123"));
    }
};

QTEST_MAIN(TestConfirmer)
#include "tst_confirmer.moc"
