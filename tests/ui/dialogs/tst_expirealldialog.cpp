#include "AppTranslators.h"
#include "DestructiveButton.h"
#include "ExpireAllDialog.h"
#include "StatusColors.h"
#include "TabOrder.h"
#include "TypedConfirmation.h"

#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTest>

class TestExpireAllDialog : public QObject
{
    Q_OBJECT

private:
    static QPushButton *ok(ExpireAllDialog &dlg) { return dlg.expireButton(); }
    // Types the application id into the typed confirmation.
    static void confirm(ExpireAllDialog &dlg)
    {
        QLineEdit *typed = dlg.confirmation()->lineEdit();
        typed->clear();
        QTest::keyClicks(typed, dlg.request().appId);
    }
    static void setGrace(ExpireAllDialog &dlg, int value, int unitSeconds)
    {
        auto *unit = dlg.findChild<QComboBox *>(QStringLiteral("graceUnit"));
        unit->setCurrentIndex(unit->findData(unitSeconds));
        dlg.findChild<QSpinBox *>(QStringLiteral("graceValue"))->setValue(value);
    }

private slots:
    void initTestCase()
    {
        // The English plural forms ("2 Sessions"), as the application loads them.
        QVERIFY(AppTranslators::install(*qApp, QLocale(QLocale::English, QLocale::UnitedStates)));
    }

    // Enter presses Cancel, never Expire: in the dialog, and in the confirmation box once the id is typed.
    void enterDoesNotExpire()
    {
        ExpireAllDialog dlg({QStringLiteral("app_one")}, nullptr);
        dlg.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dlg));
        QVERIFY(DestructiveButton::isStyled(ok(dlg)));
        QVERIFY(!ok(dlg)->isDefault());
        QVERIFY(!ok(dlg)->autoDefault());
        QPushButton *cancel = dlg.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Cancel);
        QVERIFY(cancel->isDefault());
        QCOMPARE(ok(dlg)->text(), QStringLiteral("Expire All Tokens"));

        QSignalSpy accepted(&dlg, &QDialog::accepted);
        QSignalSpy rejected(&dlg, &QDialog::rejected);
        confirm(dlg);
        QVERIFY(ok(dlg)->isEnabled());
        QTest::keyClick(dlg.confirmation()->lineEdit(), Qt::Key_Return);
        QCOMPARE(accepted.count(), 0);
        QCOMPARE(rejected.count(), 0); // Enter in the confirmation box keeps what was typed
        QVERIFY(dlg.isVisible());
        QTest::keyClick(&dlg, Qt::Key_Return);
        QCOMPARE(accepted.count(), 0);
        QCOMPARE(rejected.count(), 1);

        // Only the button expires.
        dlg.show();
        QTest::mouseClick(ok(dlg), Qt::LeftButton);
        QCOMPARE(accepted.count(), 1);
    }

    void typedConfirmationMustMatch()
    {
        ExpireAllDialog dlg({QStringLiteral("app_Case-1")}, nullptr);
        QVERIFY(dlg.isValid());
        QVERIFY(!dlg.confirmation()->isHidden());
        QVERIFY(!ok(dlg)->isEnabled());
        QLineEdit *typed = dlg.confirmation()->lineEdit();
        QTest::keyClicks(typed, QStringLiteral("app_case-1")); // ids are case-sensitive
        QVERIFY(!ok(dlg)->isEnabled());
        QVERIFY(!dlg.canExpire());
        typed->clear();
        QTest::keyClicks(typed, QStringLiteral("app_Case-"));
        QVERIFY(!ok(dlg)->isEnabled());
        QTest::keyClicks(typed, QStringLiteral("1"));
        QVERIFY(ok(dlg)->isEnabled());
        QVERIFY(dlg.canExpire());
        // Another application: type again.
        auto *app = dlg.findChild<QComboBox *>(QStringLiteral("appCombo"));
        app->setCurrentText(QStringLiteral("app_other"));
        QVERIFY(typed->text().isEmpty());
        QVERIFY(!ok(dlg)->isEnabled());
        // The prompt names what to type.
        auto *prompt = dlg.findChild<QLabel *>(QStringLiteral("typedConfirmationPrompt"));
        QVERIFY2(prompt->text().contains(QStringLiteral("app_other")), qPrintable(prompt->text()));
    }

    // The destructive button's red text stays readable (WCAG AA) on its face in light and dark palettes.
    void destructiveButtonIsReadable()
    {
        const QPalette original = QApplication::palette();
        QPalette light;
        light.setColor(QPalette::Window, QColor(0xEF, 0xEF, 0xEF));
        light.setColor(QPalette::Button, QColor(0xEF, 0xEF, 0xEF));
        light.setColor(QPalette::Base, Qt::white);
        light.setColor(QPalette::WindowText, Qt::black);
        light.setColor(QPalette::ButtonText, Qt::black);
        QPalette dark;
        dark.setColor(QPalette::Window, QColor(0x35, 0x35, 0x35));
        dark.setColor(QPalette::Button, QColor(0x35, 0x35, 0x35));
        dark.setColor(QPalette::Base, QColor(0x2A, 0x2A, 0x2A));
        dark.setColor(QPalette::WindowText, Qt::white);
        dark.setColor(QPalette::ButtonText, Qt::white);
        QApplication::setPalette(light);
        ExpireAllDialog dlg({QStringLiteral("app_one")}, nullptr);
        for (const QPalette &palette : {light, dark}) {
            QApplication::setPalette(palette);
            const QColor error = StatusColors::color(StatusColors::Role::Error, palette);
            QTRY_COMPARE(ok(dlg)->palette().color(QPalette::ButtonText), error);
            const double ratio = StatusPalette::contrastRatio(
                ok(dlg)->palette().color(QPalette::ButtonText), ok(dlg)->palette().color(QPalette::Button));
            QVERIFY2(ratio >= StatusPalette::MinimumTextContrast, qPrintable(QString::number(ratio)));
        }
        QVERIFY(!ok(dlg)->icon().isNull());
        QApplication::setPalette(original);
    }

    // "&Grace period:" is a real mnemonic on a label with a buddy, not a literal "&".
    void gracePeriodLabelHasABuddy()
    {
        ExpireAllDialog dlg({QStringLiteral("app_one")}, nullptr);
        QLabel *grace = nullptr;
        for (QLabel *label : dlg.findChildren<QLabel *>()) {
            if (label->text().contains(QStringLiteral("Grace period")))
                grace = label;
        }
        QVERIFY(grace);
        QCOMPARE(grace->buddy(), dlg.findChild<QSpinBox *>(QStringLiteral("graceValue")));
    }

    void summaryNamesAppGraceAndSessions()
    {
        ExpireAllDialog dlg({QStringLiteral("app_one"), QStringLiteral("app_two")}, nullptr);
        auto *app = dlg.findChild<QComboBox *>(QStringLiteral("appCombo"));
        app->setCurrentIndex(1);
        confirm(dlg);
        QVERIFY(ok(dlg)->isEnabled());
        setGrace(dlg, 2, 3600);
        auto *summary = dlg.findChild<QLabel *>(QStringLiteral("summaryLabel"));
        QVERIFY2(summary->text().contains(QStringLiteral("app_two")), qPrintable(summary->text()));
        QVERIFY2(summary->text().contains(QStringLiteral("2 hours")), qPrintable(summary->text()));
        QVERIFY(summary->text().contains(QStringLiteral("all sessions")));

        dlg.findChild<QPlainTextEdit *>(QStringLiteral("sessionIds"))
            ->setPlainText(QStringLiteral("sess_1\n\nuser@corp_2\nsess_1\n"));
        QVERIFY(ok(dlg)->isEnabled());
        QVERIFY2(summary->text().contains(QStringLiteral("2 session")), qPrintable(summary->text()));
        QCOMPARE(ok(dlg)->text(), QStringLiteral("Expire Tokens of 2 Sessions"));
        QVERIFY(summary->text().contains(QStringLiteral("sess_1, user@corp_2")));

        const ExpireAllRequest r = dlg.request();
        QCOMPARE(r.appId, QStringLiteral("app_two"));
        QCOMPARE(r.graceSeconds, 7200);
        QCOMPARE(r.sessionIds, (QStringList {QStringLiteral("sess_1"), QStringLiteral("user@corp_2")}));

        setGrace(dlg, 0, 60);
        QVERIFY(summary->text().contains(QStringLiteral("immediately")));
        QCOMPARE(dlg.request().graceSeconds, 0);
    }

    void validation()
    {
        ExpireAllDialog dlg({}, nullptr);
        auto *error = dlg.findChild<QLabel *>(QStringLiteral("errorLabel"));
        QVERIFY(!ok(dlg)->isEnabled()); // no application
        QVERIFY(!error->text().isEmpty());
        auto *app = dlg.findChild<QComboBox *>(QStringLiteral("appCombo"));
        QTest::keyClicks(app, QStringLiteral("app_typed"));
        QCOMPARE(dlg.request().appId, QStringLiteral("app_typed"));
        QVERIFY(!ok(dlg)->isEnabled()); // valid, not yet confirmed
        confirm(dlg);
        QVERIFY(ok(dlg)->isEnabled());
        QVERIFY(error->isHidden());

        setGrace(dlg, 73, 3600);
        QVERIFY(!ok(dlg)->isEnabled());
        QVERIFY(error->text().contains(QStringLiteral("72")));
        setGrace(dlg, 72, 3600);
        QVERIFY(ok(dlg)->isEnabled());

        auto *sessions = dlg.findChild<QPlainTextEdit *>(QStringLiteral("sessionIds"));
        sessions->setPlainText(QStringLiteral("good-1\nbad id!"));
        QVERIFY(!ok(dlg)->isEnabled());
        QVERIFY(error->text().contains(QStringLiteral("bad id!")));
        sessions->setPlainText(QString(65, QLatin1Char('a')));
        QVERIFY(!ok(dlg)->isEnabled());
        sessions->setPlainText(QString(64, QLatin1Char('a')));
        QVERIFY(ok(dlg)->isEnabled());
    }

    // Tab walks the form top to bottom, then the typed confirmation, then the buttons.
    void tabOrder()
    {
        ExpireAllDialog dlg({QStringLiteral("app_one")}, nullptr);
        dlg.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dlg));
        auto *app = dlg.findChild<QComboBox *>(QStringLiteral("appCombo"));
        QCOMPARE(focusChain(&dlg, app, 6),
            QStringList({QStringLiteral("appCombo"), QStringLiteral("graceValue"), QStringLiteral("graceUnit"),
                QStringLiteral("sessionIds"), QStringLiteral("typedConfirmation"), QStringLiteral("Cancel")}));
        QCOMPARE(dlg.windowTitle(), QStringLiteral("Expire all tokens"));
        QCOMPARE(
            app->lineEdit()->placeholderText(), QStringLiteral("Application id, e.g. app_1srOrx2ZWZBpBUvZwXKQmoEYga2"));
    }
};

QTEST_MAIN(TestExpireAllDialog)
#include "tst_expirealldialog.moc"
