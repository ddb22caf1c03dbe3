#include "FieldForm.h"
#include "SignInDialog.h"
#include "TabOrder.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTest>

class TestSignInDialog : public QObject
{
    Q_OBJECT

private:
    static Account account()
    {
        Account a;
        a.id = QUuid::createUuid();
        a.name = QStringLiteral("Specter home");
        a.providerId = QStringLiteral("specter");
        a.baseUrl = QUrl(QStringLiteral("https://specter.example"));
        return a;
    }
    static QList<FieldSpec> fields()
    {
        FieldSpec password;
        password.key = QStringLiteral("password");
        password.label = QStringLiteral("Password");
        password.type = FieldSpec::Type::Secret;
        password.required = true;
        FieldSpec apiKey;
        apiKey.key = QStringLiteral("api_key");
        apiKey.label = QStringLiteral("API key");
        apiKey.type = FieldSpec::Type::Text; // shown masked anyway
        return {password, apiKey};
    }

private slots:
    void valuesAndMasking()
    {
        SignInDialog dlg(account(), fields(), QStringLiteral("The server refused the saved password."), nullptr);
        auto *reason = dlg.findChild<QLabel *>(QStringLiteral("reasonLabel"));
        QCOMPARE(reason->text(), QStringLiteral("The server refused the saved password."));
        auto *ok = dlg.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
        QVERIFY(!ok->isEnabled());

        auto *password = dlg.findChild<QLineEdit *>(QStringLiteral("field_password"));
        auto *apiKey = dlg.findChild<QLineEdit *>(QStringLiteral("field_api_key"));
        QVERIFY(password && apiKey);
        QCOMPARE(password->echoMode(), QLineEdit::Password);
        QCOMPARE(apiKey->echoMode(), QLineEdit::Password);

        QTest::keyClicks(password, QStringLiteral(" pa55 word"));
        QTest::keyClicks(apiKey, QStringLiteral("key-1"));
        QVERIFY(ok->isEnabled());
        const QHash<QString, QString> values = dlg.values();
        QCOMPARE(values.size(), 2);
        QVERIFY(values.value(QStringLiteral("password")) == QLatin1String(" pa55 word")); // taken as typed
        QVERIFY(values.value(QStringLiteral("api_key")) == QLatin1String("key-1"));
    }

    void keepSignedIn()
    {
        SignInDialog dlg(account(), fields(), QString(), nullptr);
        QVERIFY(dlg.findChild<QLabel *>(QStringLiteral("reasonLabel"))->isHidden());
        auto *keep = dlg.findChild<QCheckBox *>(QStringLiteral("keepSignedIn"));
        QVERIFY(keep);
        QCOMPARE(dlg.keepSignedIn(), keep->isChecked());
        keep->setChecked(false);
        QVERIFY(!dlg.keepSignedIn());
        keep->setChecked(true);
        QVERIFY(dlg.keepSignedIn());
    }

    // Tab walks the fields first, then the keychain box, then the buttons.
    void tabOrder()
    {
        SignInDialog dlg(account(), fields(), QString(), nullptr);
        QTest::keyClicks(dlg.findChild<QLineEdit *>(QStringLiteral("field_password")), QStringLiteral("pw"));
        auto *buttons = dlg.findChild<QDialogButtonBox *>();
        const QList<QWidget *> expected {dlg.findChild<QLineEdit *>(QStringLiteral("field_password")),
            dlg.findChild<QLineEdit *>(QStringLiteral("field_api_key")),
            dlg.findChild<QCheckBox *>(QStringLiteral("keepSignedIn")), buttons->button(QDialogButtonBox::Ok),
            buttons->button(QDialogButtonBox::Cancel)};
        QCOMPARE(pressTabRound(&dlg), expected);

        SignInDialog noFields(account(), {}, QString(), nullptr);
        auto *noFieldsButtons = noFields.findChild<QDialogButtonBox *>();
        const QList<QWidget *> expectedNoFields {noFields.findChild<QCheckBox *>(QStringLiteral("keepSignedIn")),
            noFieldsButtons->button(QDialogButtonBox::Ok), noFieldsButtons->button(QDialogButtonBox::Cancel)};
        QCOMPARE(pressTabRound(&noFields), expectedNoFields);
    }

    void rejectWipesInputs()
    {
        SignInDialog dlg(account(), fields(), QString(), nullptr);
        auto *password = dlg.findChild<QLineEdit *>(QStringLiteral("field_password"));
        QTest::keyClicks(password, QStringLiteral("pw"));
        dlg.reject();
        QVERIFY(password->text().isEmpty());
    }

    // The sandbox's demo credentials: filled in (masked), Sign in enabled, a note says why; keys the dialog does not
    // ask for are ignored.
    void demoValuesAreFilledIn()
    {
        SignInDialog dlg(account(), fields(), QString(), nullptr);
        auto *note = dlg.findChild<QLabel *>(QStringLiteral("demoNote"));
        QVERIFY(note);
        QVERIFY(note->isHidden());
        auto *ok = dlg.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
        QVERIFY(!ok->isEnabled());

        dlg.setDemoValues({{QStringLiteral("password"), QStringLiteral("demo-pass")},
            {QStringLiteral("client_secret"), QStringLiteral("not-asked")}});
        QVERIFY(ok->isEnabled());
        QVERIFY(!note->isHidden());
        auto *password = dlg.findChild<QLineEdit *>(QStringLiteral("field_password"));
        QCOMPARE(password->echoMode(), QLineEdit::Password);
        const QHash<QString, QString> values = dlg.values();
        QVERIFY(values.value(QStringLiteral("password")) == QLatin1String("demo-pass"));
        QVERIFY(!values.contains(QStringLiteral("client_secret")));

        SignInDialog empty(account(), fields(), QString(), nullptr);
        empty.setDemoValues({});
        QVERIFY(empty.findChild<QLabel *>(QStringLiteral("demoNote"))->isHidden());
    }
};

QTEST_MAIN(TestSignInDialog)
#include "tst_signindialog.moc"
