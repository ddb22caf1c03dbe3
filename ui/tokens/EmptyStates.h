#pragma once

#include "window/EmptyStateOverlay.h"

#include <QObject>

class AccountController;
class AccountPage;
class AllAccountsView;
class QLineEdit;
class WindowActions;

// What the two token tables say when they show no row, with the next step as a link: "No tokens yet — New
// Token…" (offered only while it can run), "No token matches … — Clear filter", "No accounts yet — New Account…",
// "No account has a token yet — Refresh". Follows the filters, the lists and the actions' state (refresh()).
class EmptyStates : public QObject
{
    Q_OBJECT
public:
    EmptyStates(AccountController *controller, WindowActions *actions, AccountPage *page, QObject *parent = nullptr);
    // The All accounts view is made after the window's first paint (MainWindow::start); its message from then on.
    void attachAllAccounts(AllAccountsView *all);

    EmptyStateOverlay *page() const { return m_page; }
    EmptyStateOverlay *allAccounts() const { return m_all; } // null before attachAllAccounts()

    void refresh();

private:
    EmptyStateOverlay::State filterState(QLineEdit *edit);
    void clearFilter(QLineEdit *edit);

    AccountController *m_controller;
    WindowActions *m_actions;
    AccountPage *m_pageView;
    EmptyStateOverlay *m_page = nullptr;
    EmptyStateOverlay *m_all = nullptr;
};
