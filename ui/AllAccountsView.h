#pragma once

#include "core/Token.h"

#include <QHash>
#include <QList>
#include <QUuid>
#include <QWidget>

class AccountController;
class AccountsRefresher;
class ProviderIconDelegate;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;
class TokenFilterModel;
class TokenListModel;
class TokenTableView;

// "All accounts": one table of every token of every account, with the Account column and the
// provider's icon, filterable like the per-account table. Every account is refreshed concurrently
// (AccountsRefresher); a status strip lists the accounts still loading and those that failed, with the reason,
// and a failing account never holds up the others. Refresh by hand (refreshAll, F5 in the main window) or on
// the preferences' interval. The selection may span accounts: each token carries its accountId.
class AllAccountsView : public QWidget
{
    Q_OBJECT
public:
    explicit AllAccountsView(AccountController *controller, QWidget *parent = nullptr);
    ~AllAccountsView() override;

    AccountsRefresher *refresher() const { return m_refresher; }
    TokenListModel *tokenModel() const;
    TokenFilterModel *filterModel() const;
    QTableView *tokenView() const;
    TokenTableView *table() const { return m_view; }
    QLineEdit *filterEdit() const { return m_filterEdit; }
    QLabel *statusStrip() const { return m_status; }
    ProviderIconDelegate *iconDelegate() const { return m_iconDelegate; }

    QList<Token> selectedTokens() const;
    // Accounts of the running refresh not finished yet, and those whose last refresh failed (with why).
    QList<QUuid> loadingAccounts() const;
    QHash<QUuid, QString> failedAccounts() const;

public slots:
    void refreshAll();

signals:
    void selectionChanged();
    // One account's refresh finished (tests and the main window's status bar).
    void accountRefreshed(const QUuid &accountId, bool ok);
    void allRefreshed();

protected:
    void showEvent(QShowEvent *event) override;

private:
    void onAccountsChanged();
    void showTokensOf(const QUuid &id);
    void onAccountFinished(const QUuid &id, bool ok, const QString &message);
    void updateStatus();
    QString nameOf(const QUuid &id) const;

    AccountController *m_controller;
    TokenTableView *m_view;
    AccountsRefresher *m_refresher;
    ProviderIconDelegate *m_iconDelegate = nullptr;
    QLineEdit *m_filterEdit = nullptr;
    QComboBox *m_statusCombo = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_refreshButton = nullptr;
    QHash<QUuid, QString> m_providers; // account -> provider id, for the icons
};
