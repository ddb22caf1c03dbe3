#pragma once

#include "core/ApiError.h"

#include <QObject>
#include <QPointer>
#include <QUuid>

class AccountController;
class QLabel;
class QMessageBox;
class QStatusBar;
class QWidget;

// Every error, warning and status message of the main window is worded and shown here: the status bar and its
// error, warning and last-refresh labels, and one reused, non-modal message box. An error that needs the user to
// sign in again, or that marks the account in the sidebar, is passed on as a signal (the sign-in flow owns both).
class ErrorPresenter : public QObject
{
    Q_OBJECT
public:
    ErrorPresenter(AccountController *controller, QStatusBar *statusBar, QWidget *window);

    QString lastError() const { return m_lastError; }
    QLabel *errorLabel() const { return m_errorLabel; }

    // A transient line in the status bar (0 ms: until the next one, a state such as "Refreshing…").
    void status(const QString &text, int timeoutMs = 0);
    void clearStatus();
    // Ends a lasting state ("Signing in…", "Refreshing…") when it is still what the status bar says: a result
    // shown since (an error, "3 tokens") stays.
    void endBusy();
    // A success that needs no answer ("Token revoked."): the status bar, never a modal box.
    void notify(const QString &text);
    QString currentStatus() const;
    // The error label and the status bar; an empty message clears the label.
    void setLastError(const QString &message);
    // A provider's non-fatal warning for the shown account (server text, shown as plain text); empty hides it.
    void showWarning(const QString &message);
    void showLastRefresh(const QDateTime &when);
    // The one message box: plain text (server messages and token names, never markup).
    void showMessage(const QString &title, const QString &text, bool error);
    // `what` failed for the account: a sign-in request, a quiet "not available on this server", or an error box.
    void handleError(const QUuid &accountId, const ApiError &error, const QString &what);

signals:
    void signInNeeded(const QUuid &accountId, const QString &reason);
    void accountStateChanged(const QUuid &accountId, const QString &state);

private:
    AccountController *m_controller;
    QStatusBar *m_statusBar;
    QWidget *m_window;
    QLabel *m_refreshLabel;
    QLabel *m_errorLabel;
    QLabel *m_warningLabel;
    QPointer<QMessageBox> m_messageBox;
    QString m_lastError;
    QString m_busy; // the last status without a timeout
};
