#pragma once

#include <QObject>

class AccountController;
class AccountPage;
class AllAccountsView;
class EmptyStateOverlay;
class QLineEdit;
class WindowActions;

// What the two token tables say when they show no row, with the next step as a link: "No tokens yet — New
// Token…" (offered only while it can run), "No token matches … — Clear filter", "No accounts yet — New Account…",
// "No account has a token yet — Refresh". Follows the filters, the lists and the actions' state (refresh()).
class EmptyStates : public QObject
{
    Q_OBJECT
public:
    EmptyStates(AccountController *controller, WindowActions *actions, AccountPage *page, AllAccountsView *all,
        QObject *parent = nullptr);

    EmptyStateOverlay *page() const { return m_page; }
    EmptyStateOverlay *allAccounts() const { return m_all; }

    void refresh();

private:
    void clearFilter(QLineEdit *edit);

    AccountPage *m_pageView;
    EmptyStateOverlay *m_page = nullptr;
    EmptyStateOverlay *m_all = nullptr;
};
