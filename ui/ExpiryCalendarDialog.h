#pragma once

#include <QDialog>

class AccountController;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

// Tools → Export Expiry Calendar…: lists every account, takes the live tokens expiring within the window
// (ExpiringQuery) and writes them as an iCalendar file (ExpiryCalendar) with alarms at the alert thresholds of
// the preferences. Names and accounts only, never a value.
class ExpiryCalendarDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ExpiryCalendarDialog(AccountController *controller, QWidget *parent = nullptr);

    void setWithinDays(int days);
    void setFilePath(const QString &path);
    // Lists the accounts and writes the file; exportFinished() follows.
    void exportCalendar();
    QString statusText() const;
    bool isBusy() const { return m_busy; }

signals:
    void exportFinished(bool ok);

private:
    void browse();
    void updateButtons();

    AccountController *m_controller;
    QSpinBox *m_within;
    QLineEdit *m_path;
    QPushButton *m_export;
    QLabel *m_status;
    bool m_busy = false;
};
