#include "ExpireAllDialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTest>

class TestExpireAllDialog : public QObject
{
    Q_OBJECT

private:
    static QPushButton *ok(ExpireAllDialog &dlg)
    {
        return dlg.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    }
    static void setGrace(ExpireAllDialog &dlg, int value, int unitSeconds)
    {
        auto *unit = dlg.findChild<QComboBox *>(QStringLiteral("graceUnit"));
        unit->setCurrentIndex(unit->findData(unitSeconds));
        dlg.findChild<QSpinBox *>(QStringLiteral("graceValue"))->setValue(value);
    }

private slots:
    void summaryNamesAppGraceAndSessions()
    {
        ExpireAllDialog dlg({QStringLiteral("app_one"), QStringLiteral("app_two")}, nullptr);
        QVERIFY(ok(dlg)->isEnabled());
        auto *app = dlg.findChild<QComboBox *>(QStringLiteral("appCombo"));
        app->setCurrentIndex(1);
        setGrace(dlg, 2, 3600);
        auto *summary = dlg.findChild<QLabel *>(QStringLiteral("summaryLabel"));
        QVERIFY2(summary->text().contains(QStringLiteral("app_two")), qPrintable(summary->text()));
        QVERIFY2(summary->text().contains(QStringLiteral("2 hours")), qPrintable(summary->text()));
        QVERIFY(summary->text().contains(QStringLiteral("all sessions")));

        dlg.findChild<QPlainTextEdit *>(QStringLiteral("sessionIds"))
            ->setPlainText(QStringLiteral("sess_1\n\nuser@corp_2\nsess_1\n"));
        QVERIFY(ok(dlg)->isEnabled());
        QVERIFY2(summary->text().contains(QStringLiteral("2 session")), qPrintable(summary->text()));
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
};

QTEST_MAIN(TestExpireAllDialog)
#include "tst_expirealldialog.moc"
