#include "EmptyStates.h"

#include "AccountController.h"
#include "AccountPage.h"
#include "AllAccountsView.h"
#include "TokenTableView.h"
#include "items/TokenListModel.h"
#include "palette/CommandPalette.h"
#include "window/EmptyStateOverlay.h"
#include "window/WindowActions.h"
#include "workflows/AccountTokens.h"

#include <QAction>
#include <QComboBox>
#include <QLineEdit>

EmptyStates::EmptyStates(AccountController *controller, WindowActions *actions, AccountPage *page, QObject *parent)
    : QObject(parent)
    , m_controller(controller)
    , m_actions(actions)
    , m_pageView(page)
{
    m_page = new EmptyStateOverlay(page->table(), [this, controller, actions, page]() -> EmptyStateOverlay::State {
        const QUuid id = page->accountId();
        if (id.isNull() || !controller->accountTokens()->hasList(id))
            return {};
        if (page->table()->tokenModel()->rowCount() > 0)
            return filterState(page->filterEdit());
        EmptyStateOverlay::State state;
        state.text = tr("No tokens yet.");
        if (QAction *create = actions->action(WindowActions::Id::NewToken); create->isEnabled()) {
            state.linkText = CommandPalette::plainText(create->text()) + QStringLiteral("…");
            state.action = [create] { create->trigger(); };
        }
        return state;
    });
    connect(page->filterEdit(), &QLineEdit::textChanged, this, &EmptyStates::refresh);
    connect(controller->accountTokens(), &AccountTokens::changed, this, &EmptyStates::refresh);
}

void EmptyStates::attachAllAccounts(AllAccountsView *all)
{
    AccountController *controller = m_controller;
    WindowActions *actions = m_actions;
    m_all = new EmptyStateOverlay(all->table(), [this, controller, actions, all]() -> EmptyStateOverlay::State {
        EmptyStateOverlay::State state;
        if (controller->accounts().isEmpty()) {
            QAction *newAccount = actions->action(WindowActions::Id::NewAccount);
            state.text = tr("No accounts yet.");
            state.linkText = CommandPalette::plainText(newAccount->text()) + QStringLiteral("…");
            state.action = [newAccount] { newAccount->trigger(); };
            return state;
        }
        if (all->tokenModel()->rowCount() > 0)
            return filterState(all->filterEdit());
        if (!all->loadingAccounts().isEmpty())
            return {};
        state.text = tr("No account has a token yet.");
        state.linkText = tr("Refresh");
        state.action = [all] { all->refreshAll(); };
        return state;
    });
    connect(all->filterEdit(), &QLineEdit::textChanged, this, &EmptyStates::refresh);
    connect(all, &AllAccountsView::allRefreshed, this, &EmptyStates::refresh);
    m_all->refresh();
}

EmptyStateOverlay::State EmptyStates::filterState(QLineEdit *edit)
{
    const QString text = edit->text().trimmed();
    EmptyStateOverlay::State state;
    state.text = text.isEmpty() ? tr("No token matches the filter.") : tr("No token matches “%1”.").arg(text);
    state.linkText = tr("Clear filter");
    state.action = [this, edit] { clearFilter(edit); };
    return state;
}

void EmptyStates::refresh()
{
    m_page->refresh();
    if (m_all)
        m_all->refresh();
}

void EmptyStates::clearFilter(QLineEdit *edit)
{
    edit->clear();
    if (edit == m_pageView->filterEdit())
        m_pageView->statusCombo()->setCurrentIndex(0);
}
