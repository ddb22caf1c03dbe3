#pragma once

#include "core/ApiError.h"
#include "core/FieldSpec.h"

#include <QList>
#include <QVariantMap>
#include <QWidget>

class QComboBox;
class QDateTimeEdit;
class QFormLayout;
class QLabel;
class QLineEdit;

// Builds one input per FieldSpec and returns the entered values keyed by FieldSpec::key. Shows a message next
// to each field: local checks (required, maxLength, Email, Url, Integer ranges, Duration text and bounds),
// errors computed by the owner (setComputedErrors, e.g. a provider's validateCreate) and server errors
// (setFieldErrors, cleared when the field is edited). Local and computed messages appear once a field was
// edited or holds a value (a default), or after showAllErrors(); server messages appear at once.
//
// A Duration field offers presets (1 hour to 90 days within the field's bounds, plus its default), "No expiry"
// when it is optional, and "Custom…": typed text ("3 months", "1h30m"; a month counts as 30 days, a year as
// 365) or a local date and time. A live "Expires on …" line follows the choice, and a lifetime above a year
// draws a warning that does not block; the field's maximum (a service's hard limit) does.
//
// Value types in values(): Text/Secret/Url/Email/Choice -> QString, Duration -> QString with a unit
// ("6 hours" or the custom text), Integer -> qlonglong, Boolean -> bool, MultiChoice/TextList -> QStringList.
// Empty optional fields are left out of the map.
//
// Object names for tests and accessibility: editor "field_<key>", message label "error_<key>"; a Duration
// field's parts are "field_<key>_preset", "field_<key>_text", "field_<key>_date", "expires_<key>",
// "warning_<key>" and "hint_<key>".
class FieldForm : public QWidget
{
    Q_OBJECT
public:
    explicit FieldForm(QWidget *parent = nullptr);
    explicit FieldForm(const QList<FieldSpec> &fields, QWidget *parent = nullptr);
    ~FieldForm() override;

    void setFields(const QList<FieldSpec> &fields);
    QList<FieldSpec> fields() const;
    bool hasField(const QString &key) const;

    QVariantMap values() const;
    void setValue(const QString &key, const QVariant &value);

    // Local checks only; empty = valid.
    QList<FieldError> validate() const;
    // No local, computed or server error.
    bool isValid() const;

    // Errors computed by the owner from the current values; replaced on every call.
    void setComputedErrors(const QList<FieldError> &errors);
    // Server (or caller) errors, shown at once next to their field until that field is edited. Returns the
    // errors whose field is not in this form, for the caller to show elsewhere.
    QList<FieldError> setFieldErrors(const QList<FieldError> &errors);
    void clearFieldErrors();
    // Shows local and computed messages for fields that were not edited yet (e.g. after a submit attempt).
    void showAllErrors();

    // The message currently shown next to a field (empty when none).
    QString errorText(const QString &key) const;
    // A Duration field's "Expires on …" line and long-lifetime warning (empty when none).
    QString expiresText(const QString &key) const;
    QString warningText(const QString &key) const;
    QWidget *editor(const QString &key) const;
    void setReadOnly(bool readOnly);
    // Puts the keyboard focus on the first field (a Duration field's preset list).
    void focusFirstField();

signals:
    void changed();

private:
    struct Row
    {
        FieldSpec spec;
        QWidget *editor = nullptr;
        QLabel *error = nullptr;
        QComboBox *durationPreset = nullptr;
        QLineEdit *durationText = nullptr;
        QDateTimeEdit *durationDate = nullptr;
        QLabel *durationExpires = nullptr;
        QLabel *durationWarning = nullptr;
        QLabel *durationHint = nullptr;
        bool touched = false;
        QString computedError;
        QString serverError;
    };

    void addRow(const FieldSpec &spec);
    QWidget *addDurationEditor(Row &row, QWidget *container, int rowIndex);
    void showCustomDuration(Row &row, bool custom);
    void durationDatePicked(int rowIndex);
    void refreshDuration(const Row &row);
    void clearRows();
    void onEdited(int rowIndex);
    void refreshMessages();
    void applyDefault(Row &row, const QVariant &value);
    QVariant rowValue(const Row &row) const;
    QString localError(const Row &row) const;
    QString shownError(const Row &row) const;
    int indexOf(const QString &key) const;

    QFormLayout *m_layout;
    QList<Row> m_rows;
    bool m_showAll = false;
};
