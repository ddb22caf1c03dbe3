#include "LabelFits.h"
#include "MfaDialog.h"
#include "TabOrder.h"
#include "core/Clock.h"
#include "core/UtcTime.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

class TestMfaDialog : public QObject
{
    Q_OBJECT

private:
    static MfaChallenge challenge()
    {
        MfaChallenge c;
        c.vendor = QStringLiteral("google");
        c.type = QStringLiteral("authenticator");
        c.challengeToken = QStringLiteral("not-shown");
        return c;
    }

private slots:
    // Tab goes from the passcode to Verify (once six digits are typed) and Cancel.
    void tabOrder()
    {
        MfaDialog dlg(challenge(), nullptr);
        QTest::keyClicks(dlg.findChild<QLineEdit *>(QStringLiteral("passcode")), QStringLiteral("123456"));
        auto *buttons = dlg.findChild<QDialogButtonBox *>();
        const QList<QWidget *> expected {dlg.findChild<QLineEdit *>(QStringLiteral("passcode")),
            buttons->button(QDialogButtonBox::Ok), buttons->button(QDialogButtonBox::Cancel)};
        QCOMPARE(pressTabRound(&dlg), expected);
    }

    void okOnlyAtSixDigits()
    {
        MfaDialog dlg(challenge(), nullptr);
        auto *ok = dlg.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
        auto *code = dlg.findChild<QLineEdit *>(QStringLiteral("passcode"));
        QVERIFY(code);
        QVERIFY(!ok->isEnabled());
        QTest::keyClicks(code, QStringLiteral("12a3"));
        QCOMPARE(code->text(), QStringLiteral("123")); // digits only
        QVERIFY(!ok->isEnabled());
        QTest::keyClicks(code, QStringLiteral("4567"));
        QCOMPARE(code->text().size(), 6);
        QVERIFY(ok->isEnabled());
        QVERIFY(dlg.findChild<QLabel *>(QStringLiteral("introLabel"))->text().contains(QStringLiteral("Google")));
    }

    void submitAndShowError()
    {
        MfaDialog dlg(challenge(), nullptr);
        dlg.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dlg));
        QSignalSpy spy(&dlg, &MfaDialog::passcodeSubmitted);
        auto *code = dlg.findChild<QLineEdit *>(QStringLiteral("passcode"));
        auto *ok = dlg.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
        QTest::keyClicks(code, QStringLiteral("123456"));
        QTest::mouseClick(ok, Qt::LeftButton);
        QCOMPARE(spy.count(), 1);
        QVERIFY(spy.at(0).at(0).toString() == QLatin1String("123456"));
        QVERIFY(dlg.isVisible());

        dlg.setBusy(true);
        QVERIFY(!ok->isEnabled());
        dlg.showError(QStringLiteral("Invalid passcode."));
        QVERIFY(dlg.isVisible());
        QVERIFY(code->text().isEmpty());
        QCOMPARE(dlg.focusWidget(), code);
        auto *error = dlg.findChild<QLabel *>(QStringLiteral("errorLabel"));
        QCOMPARE(error->text(), QStringLiteral("Invalid passcode."));
        QVERIFY(!error->isHidden());
        QVERIFY(!ok->isEnabled());
        QCOMPARE(dlg.result(), int(QDialog::Rejected));
    }

    void countdownFromClock()
    {
        TestClock clock(UtcTime::dateTime(QDate(2026, 1, 1), QTime(12, 0, 5)));
        MfaDialog dlg(challenge(), nullptr);
        dlg.setClock(&clock);
        QCOMPARE(dlg.secondsLeftInWindow(), 25);
        auto *label = dlg.findChild<QLabel *>(QStringLiteral("countdownLabel"));
        QVERIFY(label->text().contains(QStringLiteral("30 s")));
        QVERIFY(label->text().contains(QStringLiteral("25")));
        clock.advanceSeconds(24);
        dlg.refreshCountdown();
        QCOMPARE(dlg.secondsLeftInWindow(), 1);
        clock.advanceSeconds(1);
        QCOMPARE(dlg.secondsLeftInWindow(), 30);
    }

    // The wrong-passcode message is fully visible where it appears: the dialog grew for it by itself.
    void errorMessageFitsWithoutResizing()
    {
        MfaDialog dlg(challenge(), nullptr);
        dlg.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dlg));
        const QSize before = dlg.size();
        dlg.showError(QStringLiteral("NetSapiens did not accept the passcode. Authenticator codes change every 30 "
                                     "seconds: wait for the next code and type it within its window, or check "
                                     "that this computer's clock is right."));
        auto *error = dlg.findChild<QLabel *>(QStringLiteral("errorLabel"));
        QVERIFY(error->wordWrap());
        QTRY_COMPARE(labelOverflow(error), QString());
        QVERIFY(dlg.height() > before.height());
        QVERIFY(labelOverflow(dlg.findChild<QLabel *>(QStringLiteral("introLabel"))).isEmpty());
    }

    // The sandbox's demo MFA user: the dialog shows the code of its seed at the clock's time; a dialog without a
    // seed (every real account) shows none.
    void sandboxSeedShowsTheCurrentCode()
    {
        // RFC 6238's SHA-1 seed ("12345678901234567890" in base32) at 1111111109 s: 081804 (six digits).
        TestClock clock(UtcTime::fromSecs(1111111109));
        MfaDialog dlg(challenge(), nullptr);
        dlg.setClock(&clock);
        auto *label = dlg.findChild<QLabel *>(QStringLiteral("sandboxCodeLabel"));
        QVERIFY(label);
        QVERIFY(label->isHidden());
        QVERIFY(dlg.sandboxCode().isEmpty());

        dlg.setSandboxSeed(QStringLiteral("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"));
        QCOMPARE(dlg.sandboxCode(), QStringLiteral("081804"));
        QVERIFY(!label->isHidden());
        QVERIFY(label->text().contains(QStringLiteral("081804")));
        // The next 30 s step shows the next code (RFC 6238: 1111111111 s gives 050471).
        clock.advanceSeconds(2);
        dlg.refreshCountdown();
        QCOMPARE(dlg.sandboxCode(), QStringLiteral("050471"));
        QVERIFY(label->text().contains(QStringLiteral("050471")));

        dlg.setSandboxSeed(QString());
        QVERIFY(label->isHidden());
    }
};

QTEST_MAIN(TestMfaDialog)
#include "tst_mfadialog.moc"
