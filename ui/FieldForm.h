#pragma once

#include "core/ApiError.h"
#include "core/FieldSpec.h"

#include <QList>
#include <QVariantMap>
#include <QWidget>

class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QSpinBox;

// Builds one input per FieldSpec and returns the entered values keyed by FieldSpec::key. Shows a message next
// to each field: local checks (required, maxLength, Email, Url, Integer ranges, Duration text and bounds),
// errors computed by the owner (setComputedErrors, e.g. a provider's validateCreate) and server errors
// (setFieldErrors, cleared when the field is edited). Local and computed messages appear once a field was
// edited or holds a value (a default), or after showAllErrors(); server messages appear at once.
//
// Value types in values(): Text/Secret/Url/Email/Choice -> QString, Duration -> QString with a unit
// ("6 hours" or the custom text), Integer -> qlonglong, Boolean -> bool, MultiChoice/TextList -> QStringList.
// Empty optional fields are left out of the map.
//
// Object names for tests and accessibility: editor "field_<key>", message label "error_<key>"; a Duration
// field's parts are "field_<key>_value", "field_<key>_unit" and "field_<key>_text".
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
    QWidget *editor(const QString &key) const;
    void setReadOnly(bool readOnly);

signals:
    void changed();

private:
    struct Row
    {
        FieldSpec spec;
        QWidget *editor = nullptr;
        QLabel *error = nullptr;
        QSpinBox *durationValue = nullptr;
        QComboBox *durationUnit = nullptr;
        QLineEdit *durationText = nullptr;
        bool touched = false;
        QString computedError;
        QString serverError;
    };

    void addRow(const FieldSpec &spec);
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
