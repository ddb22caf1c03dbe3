#include "ErrorPresenter.h"

#include "AccountController.h"
#include "StatusColors.h"
#include "core/UntrustedText.h"

#include <QDateTime>
#include <QLabel>
#include <QLocale>
#include <QLoggingCategory>
#include <QMessageBox>
#include <QStatusBar>

Q_LOGGING_CATEGORY(lcErrors, "tokendesk.ui.errors")

ErrorPresenter::ErrorPresenter(AccountController *controller, QStatusBar *statusBar, QWidget *window)
    : QObject(window)
    , m_controller(controller)
    , m_statusBar(statusBar)
    , m_window(window)
    , m_refreshLabel(new QLabel)
    , m_errorLabel(new QLabel)
    , m_warningLabel(new QLabel)
{
    m_refreshLabel->setObjectName(QStringLiteral("lastRefreshLabel"));
    m_refreshLabel->setAccessibleName(tr("Last refresh"));
    m_errorLabel->setObjectName(QStringLiteral("lastErrorLabel"));
    m_errorLabel->setTextFormat(Qt::PlainText); // it shows server messages
    m_errorLabel->setAccessibleName(tr("Last error"));
    StatusColors::apply(m_errorLabel, StatusColors::Role::Error);
    m_warningLabel->setObjectName(QStringLiteral("lastWarningLabel"));
    m_warningLabel->setAccessibleName(tr("Warning"));
    m_warningLabel->setTextFormat(Qt::PlainText); // warnings carry server text
    m_warningLabel->setWordWrap(false);
    StatusColors::apply(m_warningLabel, StatusColors::Role::Warning);
    m_warningLabel->hide();
    m_statusBar->addPermanentWidget(m_warningLabel);
    m_statusBar->addPermanentWidget(m_errorLabel);
    m_statusBar->addPermanentWidget(m_refreshLabel);
}

void ErrorPresenter::status(const QString &text, int timeoutMs)
{
    m_busy = timeoutMs == 0 ? text : QString();
    m_statusBar->showMessage(text, timeoutMs);
}

void ErrorPresenter::clearStatus()
{
    m_busy.clear();
    m_statusBar->clearMessage();
}

void ErrorPresenter::endBusy()
{
    if (!m_busy.isEmpty() && m_statusBar->currentMessage() == m_busy)
        clearStatus();
}

void ErrorPresenter::notify(const QString &text)
{
    status(text, 10000);
}

QString ErrorPresenter::currentStatus() const
{
    return m_statusBar->currentMessage();
}

void ErrorPresenter::setLastError(const QString &message)
{
    m_lastError = message;
    m_errorLabel->setText(message);
    if (!message.isEmpty())
        status(message, 10000);
}

void ErrorPresenter::showWarning(const QString &message)
{
    const QString shown = UntrustedText::forDisplay(message, UntrustedText::MessageCap);
    m_warningLabel->setText(shown);
    m_warningLabel->setToolTip(shown);
    m_warningLabel->setVisible(!shown.isEmpty());
    if (!shown.isEmpty())
        status(shown, 15000);
}

void ErrorPresenter::showLastRefresh(const QDateTime &when)
{
    m_refreshLabel->setText(
        tr("Last refresh: %1").arg(QLocale().toString(when.toLocalTime().time(), QLocale::ShortFormat)));
}

void ErrorPresenter::showMessage(const QString &title, const QString &text, bool error)
{
    // One non-modal box, reused, so repeated failures do not pile up windows.
    if (!m_messageBox) {
        m_messageBox = new QMessageBox(m_window);
        m_messageBox->setObjectName(QStringLiteral("messageBox"));
        m_messageBox->setAttribute(Qt::WA_DeleteOnClose);
        m_messageBox->setWindowModality(Qt::NonModal);
        m_messageBox->setStandardButtons(QMessageBox::Ok);
        m_messageBox->setTextFormat(Qt::PlainText); // server messages and token names, never markup
    }
    m_messageBox->setIcon(error ? QMessageBox::Warning : QMessageBox::Information);
    m_messageBox->setWindowTitle(title);
    m_messageBox->setText(text);
    m_messageBox->show();
}

void ErrorPresenter::handleError(const QUuid &accountId, const ApiError &error, const QString &what)
{
    const std::optional<Account> account = m_controller->account(accountId);
    const QString name = account ? account->name : QString();
    if (error.kind() == ApiError::Kind::Cancelled)
        return;
    if (error.kind() == ApiError::Kind::Unauthorized) {
        emit accountStateChanged(accountId, tr("sign-in needed"));
        emit signInNeeded(accountId, error.fullMessage());
        return;
    }
    if (error.kind() == ApiError::Kind::NotAvailable || error.kind() == ApiError::Kind::NotSupported) {
        // Not a failure of the account (MagicBell's JWT routes, Svix's legacy routes): no error box, the account
        // stays usable; the status bar and the sidebar say it.
        const QString text = tr("%1: not available on this server.").arg(what);
        setLastError(name.isEmpty() ? text : tr("%1 — %2").arg(name, text));
        emit accountStateChanged(accountId, tr("not available on this server"));
        qCInfo(lcErrors) << "not available on this server:" << what << error.httpStatus();
        return;
    }
    const QString text =
        tr("%1 failed: %2").arg(what, UntrustedText::forDisplay(error.fullMessage(), UntrustedText::MessageCap));
    setLastError(name.isEmpty() ? text : tr("%1 — %2").arg(name, text));
    emit accountStateChanged(accountId, tr("last error: %1").arg(UntrustedText::forDisplay(error.userMessage())));
    qCInfo(lcErrors) << "operation failed:" << what << ApiError::kindName(error.kind()) << error.httpStatus();
    showMessage(tr("TokenDesk"), text, true);
}
