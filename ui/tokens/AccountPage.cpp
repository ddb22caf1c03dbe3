#include "AccountPage.h"

#include "AccountController.h"
#include "ExpiryBanner.h"
#include "TokenFilterBar.h"
#include "core/Async.h"
#include "core/Clock.h"
#include "items/TokenListModel.h"
#include "providers/AccountSession.h"
#include "tokens/TokenTableView.h"
#include "window/ErrorPresenter.h"
#include "window/WindowSettings.h"
#include "workflows/AccountTokens.h"
#include "workflows/ExpiryAlertMonitor.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLoggingCategory>
#include <QTimer>
#include <QVBoxLayout>

Q_LOGGING_CATEGORY(lcAccountPage, "tokendesk.ui.accountpage")

AccountPage::AccountPage(AccountController *controller, AlertCenter *alerts, ErrorPresenter *errors, QWidget *parent)
    : QWidget(parent)
    , m_controller(controller)
    , m_errors(errors)
    , m_expiryBanner(new ExpiryBanner(alerts))
    , m_title(new QLabel)
    , m_table(new TokenTableView(controller->clock()))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_expiryBanner);

    auto *filterRow = new QHBoxLayout;
    m_title->setObjectName(QStringLiteral("tableTitle"));
    m_title->setAccessibleName(tr("Selected account"));
    filterRow->addWidget(m_title, 1);
    auto *filterBar = new TokenFilterBar(m_table->filterModel());
    m_filterEdit = filterBar->filterEdit();
    m_filterEdit->setObjectName(QStringLiteral("filterEdit"));
    m_filterEdit->setAccessibleName(tr("Filter tokens"));
    m_statusCombo = filterBar->statusCombo();
    m_statusCombo->setObjectName(QStringLiteral("statusFilter"));
    filterRow->addWidget(filterBar, 1);
    layout->addLayout(filterRow);

    m_table->setObjectName(QStringLiteral("tokenView"));
    m_table->setAccessibleName(tr("Tokens"));
    if (!controller->configDir().isEmpty()) // the window's settings file, one group per table
        m_table->setSettings(WindowSettings(controller->configDir()).path(), QStringLiteral("account"));
    filterBar->clearOnEscapeIn(m_table);
    connect(m_table, &TokenTableView::tokenSelectionChanged, this, &AccountPage::selectionChanged);
    layout->addWidget(m_table);

    // The table follows every list of its account, whoever asked for it.
    connect(m_controller->accountTokens(), &AccountTokens::changed, this, [this](const QUuid &id) {
        if (id == m_accountId && !id.isNull())
            showTokensOf(id);
    });
}

void AccountPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    // Tab reaches the table first, then its filter; the banner's links come after (they are a detour). Set here,
    // in the window the page ended up in: moving a page into a window does not keep an order set before.
    QWidget::setTabOrder(m_table, m_filterEdit);
    QWidget::setTabOrder(m_filterEdit, m_statusCombo);
    QWidget::setTabOrder(m_statusCombo, m_expiryBanner->label());
}

void AccountPage::showAccount(const QUuid &id)
{
    const std::optional<Account> account = id.isNull() ? std::nullopt : m_controller->account(id);
    m_title->setText(account ? QStringLiteral("<b>%1</b>").arg(account->name.toHtmlEscaped()) : QString());
    if (m_accountId == id && !id.isNull())
        return;
    m_accountId = id;
    showTokensOf(id);
    if (!id.isNull() && !m_controller->accountTokens()->hasList(id))
        refreshAccount(id);
}

void AccountPage::showTokensOf(const QUuid &id)
{
    m_table->tokenModel()->setTokens(id.isNull() ? QList<Token>() : m_controller->accountTokens()->tokens(id));
    showWarningOf(m_accountId);
    emit selectionChanged();
}

QString AccountPage::lastWarning() const
{
    return m_accountId.isNull() ? QString() : m_warnings.value(m_accountId);
}

void AccountPage::showWarningOf(const QUuid &id)
{
    if (id != m_accountId)
        return;
    m_errors->showWarning(id.isNull() ? QString() : m_warnings.value(id));
}

void AccountPage::connectSession(const QUuid &id, AccountSession *session)
{
    if (m_connected.contains(id) && session->property("tokendesk.connected").toBool())
        return;
    session->setProperty("tokendesk.connected", true);
    m_connected.insert(id);
    TokenProvider *provider = session->provider();
    connect(provider, &TokenProvider::signInRequired, this, [this, id](const QString &reason) {
        emit accountStateChanged(id, tr("sign-in needed"));
        emit signInNeeded(id, reason);
    });
    connect(provider, &TokenProvider::credentialChanged, this, [this, id] { emit credentialChanged(id); });
    connect(session, &AccountSession::tokensChanged, this, [this, id] { scheduleRefresh(id); });
    connect(provider, &TokenProvider::warning, this, [this, id](const QString &message) {
        qCInfo(lcAccountPage) << "provider warning for an account:" << message;
        m_warnings.insert(id, message);
        showWarningOf(id);
    });
}

void AccountPage::forgetSession(const QUuid &id)
{
    m_connected.remove(id);
}

void AccountPage::scheduleRefresh(const QUuid &id)
{
    // An action's own refresh and the session's tokensChanged arrive together: one list, not two.
    if (m_refreshScheduled.contains(id))
        return;
    m_refreshScheduled.insert(id);
    QTimer::singleShot(0, this, [this, id] {
        m_refreshScheduled.remove(id);
        refreshAccount(id);
    });
}

void AccountPage::refreshAccount(const QUuid &id, const ListRequest &request)
{
    TokenProvider *provider = m_controller->provider(id);
    if (!provider) {
        emit refreshed(id, false);
        return;
    }
    connectSession(id, m_controller->session(id));
    if (!provider->can(TokenProvider::Capability::List) && !provider->can(TokenProvider::Capability::LedgerBacked)) {
        emit refreshed(id, true);
        return;
    }
    m_errors->status(tr("Refreshing…"));
    m_warnings.remove(id);
    showWarningOf(id);
    AccountTokens *known = m_controller->accountTokens();
    Async::then(known->refresh(id, request), this, [this, id, request, known](Result<QList<Token>> result) {
        if (!result.ok()) {
            if (known->needsSignIn(id)) {
                emit accountStateChanged(id, tr("not signed in"));
                emit signInNeeded(id, tr("Sign in to see this account's tokens."));
            } else {
                m_errors->handleError(id, result.error(), tr("Refreshing"));
            }
            emit refreshed(id, false);
            return;
        }
        // A whole list reached this table through AccountTokens::changed; a narrowed one (one user's tokens)
        // is shown here only.
        if ((!request.subject.isEmpty() || !request.appId.isEmpty()) && m_accountId == id)
            m_table->tokenModel()->setTokens(result.value());
        m_lastRefresh = m_controller->clock()->now();
        m_errors->showLastRefresh(m_lastRefresh);
        emit accountStateChanged(id, QString());
        m_errors->status(tr("%n token(s)", nullptr, int(result.value().size())), 3000);
        if (m_accountId == id)
            showWarningOf(id); // puts a warning of this refresh back in the status bar
        emit refreshed(id, true);
    });
}

void AccountPage::selectToken(const QUuid &accountId, const QString &tokenKey)
{
    const QList<Token> tokens = m_table->tokenModel()->tokens();
    for (int row = 0; row < tokens.size(); ++row) {
        const Token &token = tokens.at(row);
        if ((token.accountId.isNull() || token.accountId == accountId)
            && ExpiryAlertMonitor::tokenKey(token) == tokenKey) {
            m_table->selectSourceRow(row);
            return;
        }
    }
}
