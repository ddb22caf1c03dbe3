#include "CreateTokenDialog.h"
#include "FieldForm.h"
#include "LabelFits.h"
#include "core/Duration.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

class TestCreateTokenDialog : public QObject
{
    Q_OBJECT

private:
    static FieldSpec nameField()
    {
        FieldSpec f;
        f.key = QStringLiteral("name");
        f.label = QStringLiteral("Name");
        f.required = true;
        f.maxLength = 20;
        return f;
    }
    static FieldSpec expiryField()
    {
        FieldSpec f;
        f.key = QStringLiteral("expiry");
        f.label = QStringLiteral("Lifetime");
        f.type = FieldSpec::Type::Duration;
        f.required = true;
        f.minimum = 5 * 60;
        f.maximum = 30 * 86400;
        f.defaultValue = QStringLiteral("1 hour");
        return f;
    }
    static QList<TokenKindSpec> oneKind()
    {
        return {{QStringLiteral("token"), QStringLiteral("Token"), {nameField(), expiryField()}}};
    }
    static QPushButton *okButton(CreateTokenDialog &dlg)
    {
        return dlg.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    }
    static QLineEdit *lineEdit(CreateTokenDialog &dlg, const QString &key)
    {
        return dlg.findChild<QLineEdit *>(QStringLiteral("field_") + key);
    }
    static QComboBox *presets(CreateTokenDialog &dlg, const QString &key)
    {
        return dlg.findChild<QComboBox *>(QStringLiteral("field_%1_preset").arg(key));
    }
    static void choosePreset(CreateTokenDialog &dlg, const QString &key, const QString &itemText)
    {
        QComboBox *combo = presets(dlg, key);
        QVERIFY(combo);
        const int i = combo->findText(itemText);
        QVERIFY2(i >= 0, qPrintable(itemText));
        combo->setCurrentIndex(i);
    }
    static QLineEdit *customText(CreateTokenDialog &dlg, const QString &key)
    {
        choosePreset(dlg, key, QStringLiteral("Custom…"));
        QLineEdit *text = lineEdit(dlg, key + QStringLiteral("_text"));
        text->clear();
        return text;
    }

private slots:
    void requiredName()
    {
        CreateTokenDialog dlg(oneKind(), nullptr);
        QVERIFY(!dlg.findChild<QComboBox *>(QStringLiteral("kindCombo"))); // one kind: no chooser
        QVERIFY(!okButton(dlg)->isEnabled());
        QLineEdit *name = lineEdit(dlg, QStringLiteral("name"));
        QVERIFY(name);
        QTest::keyClicks(name, QStringLiteral("ci deploy"));
        QVERIFY(okButton(dlg)->isEnabled());
        QCOMPARE(dlg.request().value(QStringLiteral("name")), QStringLiteral("ci deploy"));
        QCOMPARE(dlg.request().kind, QStringLiteral("token"));

        name->selectAll();
        QTest::keyClick(name, Qt::Key_Delete);
        QVERIFY(!okButton(dlg)->isEnabled());
        const QString error = dlg.currentForm()->errorText(QStringLiteral("name"));
        QVERIFY2(error.contains(QStringLiteral("required")), qPrintable(error));
        auto *label = dlg.findChild<QLabel *>(QStringLiteral("error_name"));
        QVERIFY(label);
        QCOMPARE(label->text(), error);
        QVERIFY(!label->isHidden());
        // Other fields keep quiet.
        QVERIFY(dlg.currentForm()->errorText(QStringLiteral("expiry")).isEmpty());
    }

    void maxLengthIsEnforced()
    {
        CreateTokenDialog dlg(oneKind(), nullptr);
        QLineEdit *name = lineEdit(dlg, QStringLiteral("name"));
        QTest::keyClicks(name, QString(30, QLatin1Char('x')));
        QCOMPARE(dlg.request().value(QStringLiteral("name")).size(), 20);
    }

    void presetsProduceText()
    {
        CreateTokenDialog dlg(oneKind(), nullptr);
        QTest::keyClicks(lineEdit(dlg, QStringLiteral("name")), QStringLiteral("n"));
        // The presets within the field's bounds (5 minutes to 30 days); the default "1 hour" is selected.
        QComboBox *combo = presets(dlg, QStringLiteral("expiry"));
        QVERIFY(combo);
        QStringList items;
        for (int i = 0; i < combo->count(); ++i)
            items << combo->itemText(i);
        QCOMPARE(items,
            (QStringList {QStringLiteral("1 hour"), QStringLiteral("1 day"), QStringLiteral("7 days"),
                QStringLiteral("30 days"), QStringLiteral("Custom…")}));
        QCOMPARE(dlg.request().value(QStringLiteral("expiry")), QStringLiteral("1 hour"));
        choosePreset(dlg, QStringLiteral("expiry"), QStringLiteral("7 days"));
        QCOMPARE(dlg.request().value(QStringLiteral("expiry")), QStringLiteral("7 days"));
        QVERIFY(okButton(dlg)->isEnabled());
        // The custom parts stay hidden until "Custom…" is chosen.
        QVERIFY(lineEdit(dlg, QStringLiteral("expiry_text"))->isHidden());
        QVERIFY(dlg.findChild<QDateTimeEdit *>(QStringLiteral("field_expiry_date"))->isHidden());
        QVERIFY(Duration::parseSeconds(dlg.request().value(QStringLiteral("expiry"))).has_value());
    }

    // Choosing "Custom…" is not an error yet; typing shows what is wrong, or when the token would expire.
    void customIsQuietUntilTyped()
    {
        CreateTokenDialog dlg(oneKind(), nullptr);
        QTest::keyClicks(lineEdit(dlg, QStringLiteral("name")), QStringLiteral("n"));
        choosePreset(dlg, QStringLiteral("expiry"), QStringLiteral("Custom…"));
        QLineEdit *text = lineEdit(dlg, QStringLiteral("expiry_text"));
        QVERIFY(!text->isHidden());
        QVERIFY(text->text().isEmpty());
        QVERIFY(dlg.currentForm()->errorText(QStringLiteral("expiry")).isEmpty());
        QVERIFY(dlg.findChild<QLabel *>(QStringLiteral("error_expiry"))->isHidden());
        QVERIFY(!okButton(dlg)->isEnabled()); // nothing chosen yet: no Create either
        // The hint says how months and years are counted.
        auto *hint = dlg.findChild<QLabel *>(QStringLiteral("hint_expiry"));
        QVERIFY(!hint->isHidden());
        QVERIFY2(hint->text().contains(QStringLiteral("30 days")) && hint->text().contains(QStringLiteral("365")),
            qPrintable(hint->text()));

        QTest::keyClicks(text, QStringLiteral("2 weeks"));
        QVERIFY(dlg.currentForm()->errorText(QStringLiteral("expiry")).isEmpty());
        QCOMPARE(dlg.request().value(QStringLiteral("expiry")), QStringLiteral("2 weeks"));
        QVERIFY(okButton(dlg)->isEnabled());
        auto *expires = dlg.findChild<QLabel *>(QStringLiteral("expires_expiry"));
        QVERIFY(!expires->isHidden());
        const QDate day = QDateTime::currentDateTime().addDays(14).date();
        QVERIFY2(expires->text().contains(QLocale().toString(day, QLocale::LongFormat)), qPrintable(expires->text()));
        // The date picker follows the text.
        auto *date = dlg.findChild<QDateTimeEdit *>(QStringLiteral("field_expiry_date"));
        QCOMPARE(date->dateTime().date(), day);
    }

    void badDurationTextShowsDurationError()
    {
        CreateTokenDialog dlg(oneKind(), nullptr);
        QTest::keyClicks(lineEdit(dlg, QStringLiteral("name")), QStringLiteral("n"));
        QVERIFY(okButton(dlg)->isEnabled());
        QLineEdit *text = customText(dlg, QStringLiteral("expiry"));
        QTest::keyClicks(text, QStringLiteral("3 days 2 months"));
        QString expected;
        QVERIFY(!Duration::parseSeconds(QStringLiteral("3 days 2 months"), &expected));
        QVERIFY(!expected.isEmpty());
        QCOMPARE(dlg.currentForm()->errorText(QStringLiteral("expiry")), expected);
        QVERIFY(!okButton(dlg)->isEnabled());
        QVERIFY(dlg.findChild<QLabel *>(QStringLiteral("expires_expiry"))->isHidden());

        text->clear();
        QTest::keyClicks(text, QStringLiteral("1h30m"));
        QVERIFY(dlg.currentForm()->errorText(QStringLiteral("expiry")).isEmpty());
        QCOMPARE(dlg.request().value(QStringLiteral("expiry")), QStringLiteral("1h30m"));
        QVERIFY(okButton(dlg)->isEnabled());
    }

    // A wrong order of units is explained under the field and fully visible: the dialog grew for it.
    void durationErrorFitsWithoutResizing()
    {
        CreateTokenDialog dlg(oneKind(), nullptr);
        dlg.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dlg));
        QTest::keyClicks(lineEdit(dlg, QStringLiteral("name")), QStringLiteral("n"));
        QLineEdit *text = customText(dlg, QStringLiteral("expiry"));
        QTest::keyClicks(text, QStringLiteral("3 days 2 months"));
        auto *error = dlg.findChild<QLabel *>(QStringLiteral("error_expiry"));
        QVERIFY(error);
        QVERIFY(error->wordWrap());
        QVERIFY(!error->text().isEmpty());
        QTRY_COMPARE(labelOverflow(error), QString());

        // A longer message under the form (a server's answer) fits as well.
        dlg.showError(QStringLiteral("The service refused the token: the lifetime is longer than this account "
                                     "may grant, and the name is already used by another token of this project."));
        auto *message = dlg.findChild<QLabel *>(QStringLiteral("messageLabel"));
        QTRY_COMPARE(labelOverflow(message) + labelOverflow(error), QString());
    }

    void durationBounds()
    {
        CreateTokenDialog dlg(oneKind(), nullptr);
        QTest::keyClicks(lineEdit(dlg, QStringLiteral("name")), QStringLiteral("n"));
        QLineEdit *text = customText(dlg, QStringLiteral("expiry"));
        QTest::keyClicks(text, QStringLiteral("2 minutes"));
        QString error = dlg.currentForm()->errorText(QStringLiteral("expiry"));
        QVERIFY2(error.contains(QStringLiteral("at least")), qPrintable(error));
        QVERIFY(error.contains(Duration::format(5 * 60)));
        QVERIFY(!okButton(dlg)->isEnabled());
        // "3 months" is understood (90 days) and refused by this field's maximum of 30 days.
        text->clear();
        QTest::keyClicks(text, QStringLiteral("3 months"));
        error = dlg.currentForm()->errorText(QStringLiteral("expiry"));
        QVERIFY2(error.contains(QStringLiteral("at most")), qPrintable(error));
        QVERIFY(!okButton(dlg)->isEnabled());
        text->clear();
        QTest::keyClicks(text, QStringLiteral("1 month"));
        QVERIFY(dlg.currentForm()->errorText(QStringLiteral("expiry")).isEmpty());
        QVERIFY(okButton(dlg)->isEnabled());
    }

    // Months and years are accepted; above a year a warning shows, and Create stays possible.
    void longLifetimeWarnsButIsAccepted()
    {
        FieldSpec unbounded = expiryField();
        unbounded.maximum = 0;
        CreateTokenDialog dlg({{QStringLiteral("token"), QStringLiteral("Token"), {nameField(), unbounded}}}, nullptr);
        QTest::keyClicks(lineEdit(dlg, QStringLiteral("name")), QStringLiteral("n"));
        auto *warning = dlg.findChild<QLabel *>(QStringLiteral("warning_expiry"));
        QVERIFY(warning);
        QVERIFY(warning->isHidden());
        QLineEdit *text = customText(dlg, QStringLiteral("expiry"));
        QTest::keyClicks(text, QStringLiteral("3 months"));
        QVERIFY(warning->isHidden());
        QVERIFY(okButton(dlg)->isEnabled());
        text->clear();
        QTest::keyClicks(text, QStringLiteral("5 years"));
        QVERIFY(dlg.currentForm()->errorText(QStringLiteral("expiry")).isEmpty());
        QVERIFY(!warning->isHidden());
        QVERIFY2(warning->text().contains(QStringLiteral("year")), qPrintable(warning->text()));
        QVERIFY(okButton(dlg)->isEnabled());
        QCOMPARE(*Duration::parseSeconds(dlg.request().value(QStringLiteral("expiry"))), 5.0 * 365 * 86400);
        // "99999 days" is no longer silent either.
        text->clear();
        QTest::keyClicks(text, QStringLiteral("99999 days"));
        QVERIFY(!warning->isHidden());
    }

    // The Name field has the focus, also when a kind chooser sits above it.
    void firstFieldHasFocus()
    {
        FieldSpec user;
        user.key = QStringLiteral("user_id");
        user.label = QStringLiteral("User");
        QList<TokenKindSpec> kinds = oneKind();
        kinds.append({QStringLiteral("user"), QStringLiteral("User token"), {user}});
        for (const QList<TokenKindSpec> &set : {oneKind(), kinds}) {
            CreateTokenDialog dlg(set, nullptr);
            dlg.show();
            QVERIFY(QTest::qWaitForWindowExposed(&dlg));
            QCOMPARE(dlg.focusWidget(), lineEdit(dlg, QStringLiteral("name")));
        }
    }

    void fieldErrorsAppearNextToTheirField()
    {
        CreateTokenDialog dlg(oneKind(), nullptr);
        QTest::keyClicks(lineEdit(dlg, QStringLiteral("name")), QStringLiteral("dup"));
        dlg.showFieldErrors({{QStringLiteral("name"), QStringLiteral("Name already taken")},
            {QStringLiteral("scope"), QStringLiteral("Unknown scope")}});
        QCOMPARE(dlg.currentForm()->errorText(QStringLiteral("name")), QStringLiteral("Name already taken"));
        QCOMPARE(dlg.findChild<QLabel *>(QStringLiteral("error_name"))->text(), QStringLiteral("Name already taken"));
        QVERIFY(dlg.currentForm()->errorText(QStringLiteral("expiry")).isEmpty());
        QVERIFY(dlg.findChild<QLabel *>(QStringLiteral("error_expiry"))->isHidden());
        // The error for a field the form does not have goes to the message line.
        auto *message = dlg.findChild<QLabel *>(QStringLiteral("messageLabel"));
        QVERIFY(message->text().contains(QStringLiteral("Unknown scope")));
        QVERIFY(!message->isHidden());
        QVERIFY(!okButton(dlg)->isEnabled());
        // Editing the field clears its server error.
        QTest::keyClicks(lineEdit(dlg, QStringLiteral("name")), QStringLiteral("2"));
        QVERIFY(dlg.currentForm()->errorText(QStringLiteral("name")).isEmpty());
        QVERIFY(okButton(dlg)->isEnabled());
    }

    void validatorErrorsDisableCreate()
    {
        CreateTokenDialog dlg(oneKind(), nullptr);
        int calls = 0;
        dlg.setValidator([&calls](const CreateRequest &r) {
            ++calls;
            QList<FieldError> errors;
            if (r.value(QStringLiteral("name")) == QLatin1String("bad"))
                errors.append({QStringLiteral("name"), QStringLiteral("Not allowed here")});
            return errors;
        });
        QVERIFY(calls > 0);
        QTest::keyClicks(lineEdit(dlg, QStringLiteral("name")), QStringLiteral("bad"));
        QCOMPARE(dlg.currentForm()->errorText(QStringLiteral("name")), QStringLiteral("Not allowed here"));
        QVERIFY(!okButton(dlg)->isEnabled());
        QTest::keyClicks(lineEdit(dlg, QStringLiteral("name")), QStringLiteral("ge"));
        QVERIFY(dlg.currentForm()->errorText(QStringLiteral("name")).isEmpty());
        QVERIFY(okButton(dlg)->isEnabled());
    }

    void submitEmitsAndStaysOpen()
    {
        CreateTokenDialog dlg(oneKind(), nullptr);
        dlg.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dlg));
        QSignalSpy spy(&dlg, &CreateTokenDialog::submitted);
        QTest::keyClicks(lineEdit(dlg, QStringLiteral("name")), QStringLiteral("deploy"));
        QTest::mouseClick(okButton(dlg), Qt::LeftButton);
        QCOMPARE(spy.count(), 1);
        const auto request = spy.at(0).at(0).value<CreateRequest>();
        QCOMPARE(request.value(QStringLiteral("name")), QStringLiteral("deploy"));
        QCOMPARE(request.value(QStringLiteral("expiry")), QStringLiteral("1 hour"));
        QVERIFY(dlg.isVisible());

        dlg.setBusy(true);
        QVERIFY(!okButton(dlg)->isEnabled());
        QTest::mouseClick(okButton(dlg), Qt::LeftButton);
        QCOMPARE(spy.count(), 1);
        dlg.setBusy(false);
        QVERIFY(okButton(dlg)->isEnabled());
    }

    void kindChooser()
    {
        FieldSpec user;
        user.key = QStringLiteral("user_id");
        user.label = QStringLiteral("User");
        user.required = true;
        QList<TokenKindSpec> kinds = oneKind();
        kinds.append({QStringLiteral("user"), QStringLiteral("User token"), {user}});
        CreateTokenDialog dlg(kinds, nullptr);
        auto *combo = dlg.findChild<QComboBox *>(QStringLiteral("kindCombo"));
        QVERIFY(combo);
        QCOMPARE(combo->count(), 2);
        QCOMPARE(dlg.request().kind, QStringLiteral("token"));
        combo->setCurrentIndex(1);
        QCOMPARE(dlg.request().kind, QStringLiteral("user"));
        QVERIFY(dlg.currentForm()->hasField(QStringLiteral("user_id")));
        QVERIFY(!dlg.currentForm()->hasField(QStringLiteral("name")));
        QVERIFY(!okButton(dlg)->isEnabled());
        QTest::keyClicks(lineEdit(dlg, QStringLiteral("user_id")), QStringLiteral("u1"));
        QVERIFY(okButton(dlg)->isEnabled());
        QCOMPARE(dlg.request().values.value(QStringLiteral("user_id")).toString(), QStringLiteral("u1"));
    }

    void otherFieldTypes()
    {
        FieldSpec email;
        email.key = QStringLiteral("email");
        email.label = QStringLiteral("Email");
        email.type = FieldSpec::Type::Email;
        FieldSpec count;
        count.key = QStringLiteral("count");
        count.label = QStringLiteral("Count");
        count.type = FieldSpec::Type::Integer;
        count.minimum = 1;
        count.maximum = 10;
        FieldSpec flag;
        flag.key = QStringLiteral("flag");
        flag.label = QStringLiteral("Flag");
        flag.type = FieldSpec::Type::Boolean;
        FieldSpec scopes;
        scopes.key = QStringLiteral("scopes");
        scopes.label = QStringLiteral("Scopes");
        scopes.type = FieldSpec::Type::MultiChoice;
        scopes.choices = {QStringLiteral("read"), QStringLiteral("write")};
        FieldSpec sessions;
        sessions.key = QStringLiteral("sessions");
        sessions.label = QStringLiteral("Sessions");
        sessions.type = FieldSpec::Type::TextList;
        FieldSpec region;
        region.key = QStringLiteral("region");
        region.label = QStringLiteral("Region");
        region.type = FieldSpec::Type::Choice;
        region.required = true;
        region.choices = {QStringLiteral("us"), QStringLiteral("eu")};
        region.defaultValue = QStringLiteral("eu");

        CreateTokenDialog dlg(
            {{QStringLiteral("k"), QStringLiteral("K"), {email, count, flag, scopes, sessions, region}}}, nullptr);
        QVERIFY(okButton(dlg)->isEnabled()); // nothing required is empty
        QTest::keyClicks(lineEdit(dlg, QStringLiteral("email")), QStringLiteral("not-an-email"));
        QVERIFY(!dlg.currentForm()->errorText(QStringLiteral("email")).isEmpty());
        QVERIFY(!okButton(dlg)->isEnabled());
        QTest::keyClicks(lineEdit(dlg, QStringLiteral("email")), QStringLiteral("@example.com"));
        QVERIFY(dlg.currentForm()->errorText(QStringLiteral("email")).isEmpty());

        QTest::keyClicks(lineEdit(dlg, QStringLiteral("count")), QStringLiteral("11"));
        QVERIFY(dlg.currentForm()->errorText(QStringLiteral("count")).contains(QStringLiteral("10")));
        QVERIFY(!okButton(dlg)->isEnabled());
        QTest::keyClick(lineEdit(dlg, QStringLiteral("count")), Qt::Key_Backspace);
        QVERIFY(okButton(dlg)->isEnabled());

        dlg.findChild<QCheckBox *>(QStringLiteral("field_flag"))->setChecked(true);
        dlg.findChild<QListWidget *>(QStringLiteral("field_scopes"))->item(1)->setCheckState(Qt::Checked);
        dlg.findChild<QPlainTextEdit *>(QStringLiteral("field_sessions"))->setPlainText(QStringLiteral("a\n\n b \n"));

        const QVariantMap values = dlg.request().values;
        QCOMPARE(values.value(QStringLiteral("email")).toString(), QStringLiteral("not-an-email@example.com"));
        QCOMPARE(values.value(QStringLiteral("count")).toLongLong(), 1LL);
        QCOMPARE(values.value(QStringLiteral("flag")).toBool(), true);
        QCOMPARE(values.value(QStringLiteral("scopes")).toStringList(), QStringList {QStringLiteral("write")});
        QCOMPARE(values.value(QStringLiteral("sessions")).toStringList(),
            (QStringList {QStringLiteral("a"), QStringLiteral("b")}));
        QCOMPARE(values.value(QStringLiteral("region")).toString(), QStringLiteral("eu"));
    }
};

QTEST_MAIN(TestCreateTokenDialog)
#include "tst_createtokendialog.moc"
