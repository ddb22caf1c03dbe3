#pragma once

#include "store/Preferences.h"

#include <QDialog>
#include <QList>
#include <QString>

#include <memory>
#include <optional>

namespace Ui {
class PreferencesDialog;
}

// Edit → Preferences…: edits Preferences::Values. Alert thresholds are typed as a list of durations
// ("7 days, 24 hours", core/Duration syntax, separated by commas or semicolons). Bad input is reported in the
// dialog and keeps it open; OK saves through Preferences::save() and shows lastError() when the file could not
// be written (the dialog then stays open so the user sees it).
class PreferencesDialog : public QDialog
{
    Q_OBJECT
public:
    explicit PreferencesDialog(Preferences *preferences, QWidget *parent = nullptr);
    ~PreferencesDialog() override;

    // Edit → Preferences…: opens the dialog over `parent`, or raises the one already open there.
    static PreferencesDialog *openFor(Preferences *preferences, QWidget *parent);

    // Fills the widgets from `values`.
    void setValues(const Preferences::Values &values);
    // The values the widgets describe, or nullopt with *error saying what is wrong.
    std::optional<Preferences::Values> values(QString *error = nullptr) const;
    // The message currently shown (validation or save error); empty when none.
    QString errorText() const;

    // "7 days, 24 hours" -> {604800, 86400} (descending, duplicates dropped); nullopt with *error when a part is
    // not a duration, is out of range (1 minute .. 90 days), or there are more than 8.
    static std::optional<QList<qint64>> parseThresholds(const QString &text, QString *error = nullptr);
    static QString formatThresholds(const QList<qint64> &seconds);

public slots:
    void accept() override;

private:
    void validate();
    void showError(const QString &message);

    std::unique_ptr<Ui::PreferencesDialog> m_ui;
    Preferences *m_preferences;
};
