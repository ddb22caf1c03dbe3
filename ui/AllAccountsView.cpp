#include "AllAccountsView.h"

#include "AccountController.h"
#include "ProviderIconDelegate.h"
#include "StatusColors.h"
#include "TokenFilterBar.h"
#include "core/UntrustedText.h"
#include "items/TokenFilterModel.h"
#include "items/TokenListModel.h"
#include "providers/AccountSession.h"
#include "store/Preferences.h"
#include "tokens/TokenTableView.h"
#include "window/WindowSettings.h"
#include "workflows/AccountTokens.h"
#include "workflows/AccountsRefresher.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QShowEvent>
#include <QVBoxLayout>

#include <utility>

AllAccountsView::AllAccountsView(AccountController *controller, QWidget *parent)
    : QWidget(parent)
    , m_controller(controller)
    , m_view(new TokenTableView(controller->clock()))
    , m_refresher(new AccountsRefresher(
          [controller] {
              QList<QUuid> ids;
              for (const Account &account : controller->accounts())
                  ids.append(account.id);
              return ids;
          },
          controller->accountTokens(), this))
{
    setObjectName(QStringLiteral("allAccountsView"));
    setAccessibleName(tr("All accounts"));
    // The interval follows the one Preferences the Preferences dialog edits.
    m_refresher->setPreferences(controller->preferences());

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);

    auto *filterRow = new QHBoxLayout;
    auto *title = new QLabel(QStringLiteral("<b>%1</b>").arg(tr("All accounts").toHtmlEscaped()));
    title->setObjectName(QStringLiteral("allAccountsTitle"));
    title->setAccessibleName(tr("All accounts"));
    filterRow->addWidget(title, 1);
    auto *filterBar = new TokenFilterBar(m_view->filterModel());
    m_filterEdit = filterBar->filterEdit();
    m_filterEdit->setObjectName(QStringLiteral("allAccountsFilter"));
    m_filterEdit->setAccessibleName(tr("Filter tokens of all accounts"));
    m_statusCombo = filterBar->statusCombo();
    m_statusCombo->setObjectName(QStringLiteral("allAccountsStatusFilter"));
    filterRow->addWidget(filterBar, 1);
    m_refreshButton = new QPushButton(tr("Refresh All"));
    m_refreshButton->setObjectName(QStringLiteral("allAccountsRefresh"));
    m_refreshButton->setAccessibleName(tr("Refresh all accounts"));
    m_refreshButton->setToolTip(tr("Refresh every account (F5)"));
    connect(m_refreshButton, &QPushButton::clicked, this, &AllAccountsView::refreshAll);
    filterRow->addWidget(m_refreshButton);
    layout->addLayout(filterRow);

    m_status = new QLabel;
    m_status->setObjectName(QStringLiteral("allAccountsStatus"));
    m_status->setAccessibleName(tr("Refresh status of the accounts"));
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_status->hide();
    layout->addWidget(m_status);

    m_view->setObjectName(QStringLiteral("allAccountsTokenView"));
    m_view->setAccessibleName(tr("Tokens of all accounts"));
    m_view->setShowsSeveralAccounts(true);
    if (!controller->configDir().isEmpty()) // the window's settings file, one group per table
        m_view->setSettings(WindowSettings(controller->configDir()).path(), QStringLiteral("all"));
    filterBar->clearOnEscapeIn(m_view);
    m_iconDelegate = new ProviderIconDelegate([this](const QUuid &id) { return m_providers.value(id); }, m_view);
    m_view->setItemDelegateForColumn(TokenListModel::Account, m_iconDelegate);
    connect(m_view, &TokenTableView::tokenSelectionChanged, this, &AllAccountsView::selectionChanged);
    layout->addWidget(m_view, 1);

    connect(m_refresher, &AccountsRefresher::started, this, &AllAccountsView::updateStatus);
    connect(m_refresher, &AccountsRefresher::accountFinished, this, &AllAccountsView::onAccountFinished);
    connect(m_refresher, &AccountsRefresher::allFinished, this, [this] {
        updateStatus();
        emit allRefreshed();
    });
    // Every list of an account, whoever asked for it (this view, the account's own table, an action's follow-up),
    // shows here at once.
    connect(m_controller->accountTokens(), &AccountTokens::changed, this, &AllAccountsView::showTokensOf);
    connect(m_controller, &AccountController::accountsChanged, this, &AllAccountsView::onAccountsChanged);
    onAccountsChanged();
}

void AllAccountsView::showTokensOf(const QUuid &id)
{
    if (m_providers.contains(id))
        m_view->tokenModel()->setTokensForAccount(id, m_controller->accountTokens()->tokens(id));
}

AllAccountsView::~AllAccountsView() = default;

void AllAccountsView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    // Tab reaches the table first, then the filter row (set in the window the view ended up in).
    QWidget::setTabOrder(m_view, m_filterEdit);
    QWidget::setTabOrder(m_filterEdit, m_statusCombo);
    QWidget::setTabOrder(m_statusCombo, m_refreshButton);
    if (m_refresher->runCount() == 0)
        refreshAll();
}

void AllAccountsView::refreshAll()
{
    m_refresher->refreshAll();
    updateStatus();
}

QTableView *AllAccountsView::tokenView() const
{
    return m_view;
}

TokenListModel *AllAccountsView::tokenModel() const
{
    return m_view->tokenModel();
}

TokenFilterModel *AllAccountsView::filterModel() const
{
    return m_view->filterModel();
}

QList<Token> AllAccountsView::selectedTokens() const
{
    return m_view->selectedTokens();
}

QList<QUuid> AllAccountsView::loadingAccounts() const
{
    return m_refresher->pendingAccounts();
}

QHash<QUuid, QString> AllAccountsView::failedAccounts() const
{
    return m_refresher->errors();
}

QString AllAccountsView::nameOf(const QUuid &id) const
{
    const std::optional<Account> account = m_controller->account(id);
    return account ? account->name : tr("(removed account)");
}

void AllAccountsView::onAccountsChanged()
{
    QHash<QUuid, QString> names;
    QHash<QUuid, QString> providers;
    for (const Account &account : m_controller->accounts()) {
        names.insert(account.id, account.name);
        providers.insert(account.id, account.providerId);
    }
    // Rows of removed accounts go; new accounts come with the next refresh.
    for (auto it = m_providers.constBegin(); it != m_providers.constEnd(); ++it) {
        if (!providers.contains(it.key())) {
            m_view->tokenModel()->setTokensForAccount(it.key(), {});
            m_refresher->forget(it.key());
        }
    }
    const QHash<QUuid, QString> before = std::exchange(m_providers, providers);
    m_view->tokenModel()->setAccountNames(names);
    for (auto it = providers.constBegin(); it != providers.constEnd(); ++it) {
        if (!before.contains(it.key()) && m_controller->accountTokens()->hasList(it.key()))
            showTokensOf(it.key());
    }
    updateStatus();
    if (isVisible() && m_refresher->runCount() > 0)
        refreshAll(); // an account was added or edited: show it without waiting for the interval
}

void AllAccountsView::onAccountFinished(const QUuid &id, bool ok, const QString &message)
{
    Q_UNUSED(message)
    // The rows came with AccountTokens::changed. A failed account keeps the rows of its last good list; the
    // status strip says it failed.
    updateStatus();
    emit accountRefreshed(id, ok);
}

void AllAccountsView::updateStatus()
{
    QStringList parts;
    QStringList loading;
    for (const QUuid &id : m_refresher->pendingAccounts())
        loading.append(nameOf(id));
    if (!loading.isEmpty())
        parts.append(tr("Loading: %1").arg(loading.join(QStringLiteral(", "))));
    const QHash<QUuid, QString> errors = m_refresher->errors();
    QStringList failed;
    QStringList signedOut; // not a failure: the account waits for its user to sign in
    for (const Account &account : m_controller->accounts()) {
        if (!errors.contains(account.id))
            continue;
        if (m_controller->accountTokens()->needsSignIn(account.id))
            signedOut.append(account.name);
        else
            failed.append(
                tr("%1 failed: %2")
                    .arg(account.name, UntrustedText::forDisplay(errors.value(account.id), UntrustedText::MessageCap)));
    }
    if (!signedOut.isEmpty())
        parts.append(tr("Not signed in: %1. Sign in to see their tokens.", nullptr, int(signedOut.size()))
                         .arg(signedOut.join(QStringLiteral(", "))));
    parts.append(failed);
    m_status->setText(parts.join(QLatin1Char('\n')));
    m_status->setVisible(!parts.isEmpty());
    if (!failed.isEmpty())
        StatusColors::apply(m_status, StatusColors::Role::Error);
    else
        StatusColors::clear(m_status);
    m_refreshButton->setEnabled(!m_controller->accounts().isEmpty());
}
