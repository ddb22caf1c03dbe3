#pragma once

#include "core/Account.h"
#include "core/TimeText.h"
#include "store/AuditLog.h"

#include <QDialog>
#include <QList>

#include <memory>

class Clock;
class QPushButton;
class QStandardItemModel;
class QTableView;

namespace Ui {
class AuditLogDialog;
}

// The audit log: every create / revoke / login ... TokenDesk performed, newest first, filtered by
// account, action, outcome and a time range (since / until), as AuditLog::query does it. Written to be read in
// an incident: the token's name as it was (its id in the tooltip), actions in words (AuditWords), outcomes as
// text, colour and icon, a wrapping Detail column. Entries of one grouped action (bulk revoke, break-glass)
// share a group, shown as what and when ("Bulk revoke of 3 tokens, 12:04"). "Export CSV…" writes the filtered
// rows as AuditLog::toCsv (RFC 4180, UTF-8; the log never holds a secret) with QSaveFile.
class AuditLogDialog : public QDialog
{
    Q_OBJECT
public:
    enum Column { Time, Account, Provider, Action, Target, Outcome, Detail, Group, ColumnCount };

    AuditLogDialog(AuditLog *log, const QList<::Account> &accounts, QWidget *parent = nullptr);
    ~AuditLogDialog() override;

    // Re-reads the log with the current filter.
    void reload();
    // The Time column follows the time-display preference (absolute by default, local time, with seconds);
    // relative text is measured from `clock` (the system clock when null). Reloads.
    void setTimeDisplay(TimeText::Display display, Qt::TimeSpec zone, const Clock *clock = nullptr);
    AuditFilter filter() const;
    QList<AuditEntry> entries() const { return m_entries; } // the rows shown, newest first
    QTableView *table() const;
    // Writes the rows shown as CSV; false with lastError() set when the file cannot be written.
    bool exportCsv(const QString &path);
    QString lastError() const { return m_lastError; }

private:
    void exportCsvInteractive();
    void fillActions();

    std::unique_ptr<Ui::AuditLogDialog> m_ui;
    AuditLog *m_log;
    QStandardItemModel *m_model = nullptr;
    QPushButton *m_export = nullptr;
    QList<AuditEntry> m_entries;
    QString m_lastError;
    TimeText::Display m_timeDisplay = TimeText::Display::Absolute;
    Qt::TimeSpec m_timeZone = Qt::LocalTime;
    const Clock *m_clock = nullptr;
};
