#pragma once

#include "workflows/RevokePlan.h"
#include "workflows/RevokeRunner.h"

#include <QDialog>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

class AuditLog;
class QDialogButtonBox;
class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QTableWidget;
class TypedConfirmation;

// Shows a RevokePlan before anything is sent (the preview IS the dry run: every step with its account, its
// token(s) and the exact HTTP call, skipped items with the reason, accounts that could not be checked), lets
// the user copy it, then after a confirmation naming the count and the accounts runs it with RevokeRunner
// (progress bar, Cancel) and shows one result row per step (succeeded / failed / cancelled, message,
// verification after revoke), exportable as CSV. Revoke is a destructive-styled button naming the count;
// Enter presses Close. A break-glass reaching more than one account or application asks for the subject to be
// typed instead of the yes/no question.
class RevokePlanDialog : public QDialog
{
    Q_OBJECT
public:
    // `action` names the grouped audit action ("bulk-revoke" or "break-glass").
    RevokePlanDialog(const RevokePlan &plan, RevokeRunner::SessionLookup sessions, AuditLog *audit,
        const QString &action, QWidget *parent = nullptr);

    // Accounts whose tokens could not be listed (name, reason): shown as "not checked".
    void setNotChecked(const QList<QPair<QString, QString>> &accounts);

    const RevokePlan &plan() const { return m_plan; }
    RevokeRunner *runner() const { return m_runner; }
    // The dry run as shown (and copied).
    QString previewText() const;
    QList<RevokeOutcome> outcomes() const { return m_outcomes; }
    bool isRunning() const;
    bool hasRun() const { return m_ran; }
    // Writes the result CSV to `path` atomically (QSaveFile); false with *error set on failure.
    bool exportTo(const QString &path, QString *error = nullptr) const;

    QPushButton *revokeButton() const { return m_revokeButton; }
    QPushButton *cancelButton() const { return m_cancelButton; }
    QPushButton *exportButton() const { return m_exportButton; }
    QTableWidget *resultTable() const { return m_results; }
    QProgressBar *progressBar() const { return m_progress; }
    TypedConfirmation *confirmation() const { return m_confirmation; }
    bool needsTypedConfirmation() const;

public slots:
    // Asks for confirmation (ui/Confirmer), then runs the plan. Does nothing while running or after a run.
    void startRevoke();
    void cancelRun();
    void copyPreview();
    void exportResults(); // asks for a file name, then exportTo()
    void reject() override; // while running: cancels instead of closing

signals:
    void runFinished(const QList<RevokeOutcome> &outcomes);

private:
    void updatePreview();
    void showResults(const QList<RevokeOutcome> &outcomes);
    QStringList accountNames() const;
    QString revokeText() const;
    bool canRevoke() const;
    void updateRevokeButton();

    RevokePlan m_plan;
    QString m_action;
    QList<QPair<QString, QString>> m_notChecked;
    QList<RevokeOutcome> m_outcomes;
    bool m_ran = false;
    RevokeRunner *m_runner = nullptr;
    QLabel *m_summary = nullptr;
    QPlainTextEdit *m_preview = nullptr;
    QProgressBar *m_progress = nullptr;
    QTableWidget *m_results = nullptr;
    QPushButton *m_copyButton = nullptr;
    QPushButton *m_revokeButton = nullptr;
    QPushButton *m_cancelButton = nullptr;
    QPushButton *m_exportButton = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    TypedConfirmation *m_confirmation = nullptr;
};
