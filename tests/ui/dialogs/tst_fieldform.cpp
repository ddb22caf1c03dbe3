#include "FieldForm.h"

#include "core/Duration.h"

#include <QComboBox>
#include <QDateTimeEdit>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTest>

#include <cmath>

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
        // A default that is none of the standard presets becomes one, selected.
        life.defaultValue = QStringLiteral("1h30m");
        form.setFields({life});
        QVERIFY(form.isValid());
        QCOMPARE(*Duration::parseSeconds(form.values().value(QStringLiteral("life")).toString()), 5400.0);
        QCOMPARE(form.findChild<QComboBox *>(QStringLiteral("field_life_preset"))
                     ->currentData(Qt::UserRole + 1)
                     .toLongLong(),
            5400);
        QVERIFY(form.findChild<QLineEdit *>(QStringLiteral("field_life_text"))->isHidden());
        // A default no preset can show lands in the custom text.
        form.setValue(QStringLiteral("life"), QStringLiteral("2:00:05"));
        QCOMPARE(form.values().value(QStringLiteral("life")).toString(), QStringLiteral("2:00:05"));
        QVERIFY(!form.findChild<QLineEdit *>(QStringLiteral("field_life_text"))->isHidden());
        // A number default is seconds.
        life.defaultValue = qint64(2 * 3600);
        form.setFields({life});
        QVERIFY(form.isValid());
        QVERIFY(!form.values().value(QStringLiteral("life")).toString().isEmpty());
    }

    // Presets stay within the field's bounds (a service's hard maximum, e.g. Svix portal tokens: 1 hour to
    // 7 days); a longer typed lifetime is refused, not sent.
    void presetsFollowBounds()
    {
        FieldSpec life = spec(QStringLiteral("life"), FieldSpec::Type::Duration, true);
        life.minimum = 3600;
        life.maximum = 7 * 86400;
        FieldForm form({life});
        auto *presets = form.findChild<QComboBox *>(QStringLiteral("field_life_preset"));
        QVERIFY(presets);
        QStringList items;
        for (int i = 0; i < presets->count(); ++i)
            items << presets->itemText(i);
        QCOMPARE(items,
            (QStringList {QStringLiteral("1 hour"), QStringLiteral("1 day"), QStringLiteral("7 days"),
                QStringLiteral("Custom…")}));
        QCOMPARE(presets->currentText(), QStringLiteral("1 day")); // no default: one day
        QVERIFY(form.isValid());
        QVERIFY(form.expiresText(QStringLiteral("life")).startsWith(QStringLiteral("Expires on ")));
        form.setValue(QStringLiteral("life"), QStringLiteral("3 months"));
        QVERIFY(!form.isValid());
        QVERIFY(form.errorText(QStringLiteral("life")).contains(QStringLiteral("at most")));
        QVERIFY(form.expiresText(QStringLiteral("life")).isEmpty());
    }

    // An optional lifetime can be "No expiry": then the value is left out and the line says so.
    void optionalDurationOffersNoExpiry()
    {
        FieldForm form({spec(QStringLiteral("life"), FieldSpec::Type::Duration)});
        auto *presets = form.findChild<QComboBox *>(QStringLiteral("field_life_preset"));
        const int never = presets->findText(QStringLiteral("No expiry"));
        QVERIFY(never >= 0);
        QVERIFY(form.values().contains(QStringLiteral("life")));
        presets->setCurrentIndex(never);
        QVERIFY(!form.values().contains(QStringLiteral("life")));
        QVERIFY(form.isValid());
        QVERIFY(form.expiresText(QStringLiteral("life")).contains(QStringLiteral("not expire")));
    }

    // Picking a local date and time writes the lifetime as text and updates the "Expires on" line.
    void datePickerSetsTheLifetime()
    {
        FieldForm form({spec(QStringLiteral("life"), FieldSpec::Type::Duration, true)});
        auto *presets = form.findChild<QComboBox *>(QStringLiteral("field_life_preset"));
        presets->setCurrentIndex(presets->findText(QStringLiteral("Custom…")));
        QVERIFY(form.errorText(QStringLiteral("life")).isEmpty());
        auto *date = form.findChild<QDateTimeEdit *>(QStringLiteral("field_life_date"));
        QVERIFY(date);
        const QDateTime target = QDateTime::currentDateTime().addDays(3).addSecs(2 * 3600);
        date->setDateTime(target);
        const QString text = form.values().value(QStringLiteral("life")).toString();
        // Whole minutes: the picker may drop the seconds.
        const std::optional<double> seconds = Duration::parseSeconds(text);
        QVERIFY2(seconds && std::abs(*seconds - (3 * 86400 + 2 * 3600)) <= 60, qPrintable(text));
        QVERIFY2(text.startsWith(QStringLiteral("3 days")), qPrintable(text));
        QCOMPARE(form.findChild<QLineEdit *>(QStringLiteral("field_life_text"))->text(), text);
        QVERIFY(form.isValid());
        const QString expires = form.expiresText(QStringLiteral("life"));
        QVERIFY2(expires.contains(QLocale().toString(target.date(), QLocale::LongFormat)), qPrintable(expires));
        QVERIFY(form.warningText(QStringLiteral("life")).isEmpty());
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
