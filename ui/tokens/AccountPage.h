#pragma once

#include "core/Token.h"
#include "providers/TokenProvider.h"

#include <QDateTime>
#include <QHash>
#include <QSet>
#include <QUuid>
#include <QWidget>

class AccountController;
class AccountSession;
class AlertCenter;
class ErrorPresenter;
class ExpiryBanner;
class QComboBox;
class QLabel;
class QLineEdit;
class TokenTableView;

// The page of one account: the expiry banner, the account's name, the filter row and its token
// table. It lists the account through AccountTokens (so every other view follows the same list), coalesces the
// refreshes an action and its session ask for together, and keeps the provider's last warning per account.
class AccountPage : public QWidget
{
    Q_OBJECT
public:
    AccountPage(AccountController *controller, AlertCenter *alerts, ErrorPresenter *errors, QWidget *parent = nullptr);

    TokenTableView *table() const { return m_table; }
    QLineEdit *filterEdit() const { return m_filterEdit; }
    QComboBox *statusCombo() const { return m_statusCombo; }
    ExpiryBanner *expiryBanner() const { return m_expiryBanner; }
    QUuid accountId() const { return m_accountId; }
    QString lastWarning() const;
    QDateTime lastRefresh() const { return m_lastRefresh; }

    // Shows `id` (null: none); lists it when no list of it is known yet.
    void showAccount(const QUuid &id);
    void refreshAccount(const QUuid &id, const ListRequest &request = {});
    void scheduleRefresh(const QUuid &id); // coalesced, on the next event loop pass
    // Follows the session's provider (sign-in requests, credential changes, tokens changed, warnings) once.
    void connectSession(const QUuid &id, AccountSession *session);
    void forgetSession(const QUuid &id);
    // Selects the token with this ExpiryAlertMonitor::tokenKey when the page shows its account.
    void selectToken(const QUuid &accountId, const QString &tokenKey);

signals:
    void refreshed(const QUuid &accountId, bool ok);
    void signInNeeded(const QUuid &accountId, const QString &reason);
    void accountStateChanged(const QUuid &accountId, const QString &state); // empty: the account is fine again
    void credentialChanged(const QUuid &accountId);
    void selectionChanged();

protected:
    void showEvent(QShowEvent *event) override;

private:
    void showTokensOf(const QUuid &id);
    void showWarningOf(const QUuid &id);

    AccountController *m_controller;
    ErrorPresenter *m_errors;
    ExpiryBanner *m_expiryBanner;
    QLabel *m_title;
    QLineEdit *m_filterEdit;
    QComboBox *m_statusCombo;
    TokenTableView *m_table;
    QUuid m_accountId;
    QHash<QUuid, QString> m_warnings; // the provider's warning during the account's last refresh
    QSet<QUuid> m_connected; // sessions whose signals are connected
    QSet<QUuid> m_refreshScheduled; // accounts with a scheduleRefresh() pending
    QDateTime m_lastRefresh;
};
