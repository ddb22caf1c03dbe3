#include "FieldForm.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTest>

class TestFieldForm : public QObject
{
    Q_OBJECT

private:
    static FieldSpec spec(const QString &key, FieldSpec::Type type, bool required = false)
    {
        FieldSpec f;
        f.key = key;
        f.label = key;
        f.type = type;
        f.required = required;
        return f;
    }

private slots:
    void requiredShownAfterSubmitAttempt()
    {
        FieldForm form({spec(QStringLiteral("name"), FieldSpec::Type::Text, true)});
        QVERIFY(!form.isValid());
        QVERIFY(form.errorText(QStringLiteral("name")).isEmpty()); // untouched and empty: quiet
        QCOMPARE(form.validate().size(), 1);
        QCOMPARE(form.validate().first().field, QStringLiteral("name"));
        form.showAllErrors();
        QVERIFY(!form.errorText(QStringLiteral("name")).isEmpty());
        QVERIFY(!form.findChild<QLabel *>(QStringLiteral("error_name"))->isHidden());
    }

    void defaultOutOfBoundsIsReportedAtOnce()
    {
        FieldSpec life = spec(QStringLiteral("life"), FieldSpec::Type::Duration, true);
        life.maximum = 24 * 3600;
        life.defaultValue = QStringLiteral("3 days");
        FieldForm form({life});
        QVERIFY(!form.isValid());
        QVERIFY(form.errorText(QStringLiteral("life")).contains(QStringLiteral("at most")));
        // A default that is not value + unit lands in the custom text.
        life.defaultValue = QStringLiteral("1h30m");
        form.setFields({life});
        QVERIFY(form.isValid());
        QCOMPARE(form.values().value(QStringLiteral("life")).toString(), QStringLiteral("1h30m"));
        QVERIFY(!form.findChild<QLineEdit *>(QStringLiteral("field_life_text"))->isHidden());
        // A number default is seconds.
        life.defaultValue = qint64(2 * 3600);
        form.setFields({life});
        QVERIFY(form.isValid());
        QVERIFY(!form.values().value(QStringLiteral("life")).toString().isEmpty());
    }

    void setValueUrlAndSecret()
    {
        FieldForm form({spec(QStringLiteral("url"), FieldSpec::Type::Url, true),
            spec(QStringLiteral("password"), FieldSpec::Type::Secret, true),
            spec(QStringLiteral("region"), FieldSpec::Type::Choice)});
        QSignalSpy changed(&form, &FieldForm::changed);
        QCOMPARE(form.findChild<QLineEdit *>(QStringLiteral("field_password"))->echoMode(), QLineEdit::Password);
        form.setValue(QStringLiteral("url"), QStringLiteral("ftp://x"));
        QVERIFY(changed.count() > 0);
        QVERIFY(!form.errorText(QStringLiteral("url")).isEmpty());
        form.setValue(QStringLiteral("url"), QStringLiteral("https://api.example.com/v2"));
        QVERIFY(form.errorText(QStringLiteral("url")).isEmpty());
        form.setValue(QStringLiteral("password"), QStringLiteral("pw"));
        QVERIFY(form.isValid());
        const QVariantMap values = form.values();
        QVERIFY(!values.contains(QStringLiteral("region"))); // empty optional fields are left out
        QCOMPARE(values.value(QStringLiteral("url")).toString(), QStringLiteral("https://api.example.com/v2"));
        QVERIFY(values.value(QStringLiteral("password")).toString() == QLatin1String("pw"));
    }

    void serverErrorsForUnknownFieldsAreReturned()
    {
        FieldForm form({spec(QStringLiteral("name"), FieldSpec::Type::Text)});
        const QList<FieldError> rest = form.setFieldErrors(
            {{QStringLiteral("name"), QStringLiteral("taken")}, {QString(), QStringLiteral("general")}});
        QCOMPARE(rest.size(), 1);
        QCOMPARE(rest.first().message, QStringLiteral("general"));
        QCOMPARE(form.errorText(QStringLiteral("name")), QStringLiteral("taken"));
        QVERIFY(!form.isValid());
        form.clearFieldErrors();
        QVERIFY(form.isValid());
    }
};

QTEST_MAIN(TestFieldForm)
#include "tst_fieldform.moc"
