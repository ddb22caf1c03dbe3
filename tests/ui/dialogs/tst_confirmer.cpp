#include "Confirmer.h"
#include "DestructiveButton.h"

#include <QApplication>
#include <QMessageBox>
#include <QPushButton>
#include <QTest>
#include <QTimer>

class TestConfirmer : public QObject
{
    Q_OBJECT

private slots:
    // Enter in the box presses Cancel; the confirming button is destructive-styled and named as asked.
    void enterDeclines()
    {
        bool sawBox = false;
        QString buttonText;
        bool styled = false;
        bool cancelIsDefault = false;
        QTimer poll;
        poll.setInterval(10);
        connect(&poll, &QTimer::timeout, this, [&] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            if (!box)
                return;
            poll.stop();
            sawBox = true;
            auto *yes = box->findChild<QPushButton *>(QStringLiteral("confirmButton"));
            buttonText = yes ? yes->text() : QString();
            styled = DestructiveButton::isStyled(yes);
            cancelIsDefault = box->defaultButton() == box->button(QMessageBox::Cancel);
            QTest::keyClick(box, Qt::Key_Return);
        });
        poll.start();
        QVERIFY(!Confirmer::confirm(nullptr, QStringLiteral("Revoke"), QStringLiteral("Revoke 3 tokens?"), {},
            QStringLiteral("Revoke 3 Tokens")));
        QVERIFY(sawBox);
        QCOMPARE(buttonText, QStringLiteral("Revoke 3 Tokens"));
        QVERIFY(styled);
        QVERIFY(cancelIsDefault);
    }

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
