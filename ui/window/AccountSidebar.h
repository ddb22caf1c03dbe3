#pragma once

#include <QList>
#include <QUuid>
#include <QWidget>

class AccountListModel;
class QAction;
class QListWidget;
class QTreeView;

// The window's sidebar: the "All accounts" entry above the accounts grouped by service, with the account
// actions as the tree's context menu. Choosing "All accounts" clears the account selection, so account actions
// are disabled while every account is shown.
class AccountSidebar : public QWidget
{
    Q_OBJECT
public:
    AccountSidebar(AccountListModel *model, const QList<QAction *> &accountActions, QWidget *parent = nullptr);

    QTreeView *accountView() const { return m_accountView; }
    // The selected account (null when none or a group row).
    QUuid currentAccountId() const;
    void selectAccount(const QUuid &id);
    // Marks "All accounts" as the shown entry (and no account), or unmarks it.
    void setAllAccountsMarked(bool on);
    void expandAll();

signals:
    void allAccountsChosen();
    void currentAccountChanged();
    void accountActivated(); // an account (not a group) was double-clicked

private:
    AccountListModel *m_model;
    QListWidget *m_allAccountsEntry;
    QTreeView *m_accountView;
};
