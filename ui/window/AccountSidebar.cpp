#include "AccountSidebar.h"

#include "AccountItemDelegate.h"
#include "Icons.h"
#include "items/AccountListModel.h"

#include <QFrame>
#include <QIcon>
#include <QListWidget>
#include <QTreeView>
#include <QVBoxLayout>

AccountSidebar::AccountSidebar(AccountListModel *model, const QList<QAction *> &accountActions, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_allAccountsEntry(new QListWidget)
    , m_accountView(new QTreeView)
{
    // One framed list: "All accounts" reads as the first row of the accounts, not as a separate (focused-looking)
    // box; both parts are frameless inside the frame and share the view's base colour.
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    auto *frame = new QFrame;
    frame->setObjectName(QStringLiteral("sidebarFrame"));
    frame->setFrameShape(QFrame::StyledPanel);
    frame->setBackgroundRole(QPalette::Base);
    frame->setAutoFillBackground(true);
    outer->addWidget(frame);
    auto *layout = new QVBoxLayout(frame);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    m_allAccountsEntry->setObjectName(QStringLiteral("allAccountsEntry"));
    m_allAccountsEntry->setFrameShape(QFrame::NoFrame);
    m_allAccountsEntry->setAttribute(Qt::WA_MacShowFocusRect, false);
    m_allAccountsEntry->setAccessibleName(tr("All accounts"));
    m_allAccountsEntry->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto *allEntry = new QListWidgetItem(Icons::app(), tr("All accounts"), m_allAccountsEntry);
    allEntry->setToolTip(tr("Every token of every account (Ctrl+Shift+A)"));
    m_allAccountsEntry->setFixedHeight(
        m_allAccountsEntry->sizeHintForRow(0) + 2 * m_allAccountsEntry->frameWidth() + 4);
    connect(m_allAccountsEntry, &QListWidget::itemClicked, this, &AccountSidebar::allAccountsChosen);
    connect(m_allAccountsEntry, &QListWidget::itemActivated, this, &AccountSidebar::allAccountsChosen);
    layout->addWidget(m_allAccountsEntry);

    m_accountView->setObjectName(QStringLiteral("accountView"));
    m_accountView->setFrameShape(QFrame::NoFrame);
    m_accountView->setAccessibleName(tr("Accounts"));
    m_accountView->setModel(m_model);
    m_accountView->setHeaderHidden(true);
    m_accountView->setItemDelegate(new AccountItemDelegate(m_accountView));
    m_accountView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_accountView->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_accountView->addActions(accountActions);
    connect(m_accountView->selectionModel(), &QItemSelectionModel::currentChanged, this,
        &AccountSidebar::currentAccountChanged);
    connect(m_accountView, &QTreeView::doubleClicked, this, [this](const QModelIndex &index) {
        if (!index.data(AccountListModel::IsGroupRole).toBool())
            emit accountActivated();
    });
    layout->addWidget(m_accountView, 1);
}

QUuid AccountSidebar::currentAccountId() const
{
    const QModelIndex index = m_accountView->currentIndex();
    if (!index.isValid() || index.data(AccountListModel::IsGroupRole).toBool())
        return {};
    return index.data(AccountListModel::AccountIdRole).toUuid();
}

void AccountSidebar::selectAccount(const QUuid &id)
{
    const QModelIndex index = m_model->indexOf(id);
    if (index.isValid())
        m_accountView->setCurrentIndex(index);
}

void AccountSidebar::setAllAccountsMarked(bool on)
{
    // Exactly one marked entry in the sidebar: the All accounts row or an account, never both.
    m_allAccountsEntry->setCurrentRow(on ? 0 : -1);
    if (!on)
        m_allAccountsEntry->clearSelection();
    if (on)
        m_accountView->selectionModel()->clear(); // no account selected: the account actions are disabled
}

void AccountSidebar::expandAll()
{
    m_accountView->expandAll();
}
