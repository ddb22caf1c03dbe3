#include "MainWindow.h"

#include "AccountController.h"
#include "AlertCenter.h"
#include "AllAccountsView.h"
#include "ClipboardGuard.h"
#include "ExpiryBanner.h"
#include "Icons.h"
#include "PreferencesDialog.h"
#include "TokenNotesDialog.h"
#include "TrayIcon.h"
#include "accounts/AccountCommands.h"
#include "core/Clock.h"
#include "items/TokenFilterModel.h"
#include "items/TokenListModel.h"
#include "providers/AccountSession.h"
#include "signin/SignInFlow.h"
#include "signin/SignInPanel.h"
#include "store/Preferences.h"
#include "tokens/AccountPage.h"
#include "tokens/EmptyStates.h"
#include "tokens/TokenOperations.h"
#include "tokens/TokenRevoker.h"
#include "tokens/TokenTableView.h"
#include "window/AccountSidebar.h"
#include "window/EmptyStateOverlay.h"
#include "window/ErrorPresenter.h"
#include "window/HelpCommands.h"
#include "window/KeychainBar.h"
#include "window/WelcomePage.h"
#include "window/WindowActions.h"
#include "window/WindowSettings.h"
#include "workflows/AccountTokens.h"
#include "workflows/TokenRotation.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QCoreApplication>
#include <QIcon>
#include <QLineEdit>
#include <QMenu>
#include <QProcess>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QSystemTrayIcon>
#include <QTimer>
#include <QTreeView>
#include <QVBoxLayout>

using Id = WindowActions::Id;

namespace {
// How long a shown window waits for its first paint before it starts anyway.
constexpr int StartWithoutPaintMs = 1000;
} // namespace

MainWindow::MainWindow(AccountController *controller, Start start, QWidget *parent)
    : QMainWindow(parent)
    , m_controller(controller)
    , m_clipboard(new ClipboardGuard(this))
    , m_alerts(new AlertCenter(controller, controller->preferences(), this))
    , m_errors(new ErrorPresenter(controller, statusBar(), this))
    , m_actions(new WindowActions(this))
{
    setObjectName(QStringLiteral("MainWindow"));
    setWindowTitle(tr("TokenDesk"));
    setWindowIcon(Icons::app());

    createWidgets();
    m_actions->createMenus();
    m_signIn = new SignInFlow(m_controller, m_errors, this);
    m_operations = new TokenOperations(m_controller, m_errors, m_clipboard, selection(), this);
    m_revoker = new TokenRevoker(m_controller, m_errors, selection(), this);
    m_accounts = new AccountCommands(m_controller, m_errors, this);
    m_emptyStates = new EmptyStates(m_controller, m_actions, m_page, this);
    m_help = new HelpCommands(m_controller, m_actions,
        {[this] { updateActions(); },
            [this](const QUuid &id) {
                selectAccount(id);
                accountView()->setFocus(Qt::ShortcutFocusReason);
            }},
        this);
    connectParts();
    routeActions();
    // Preferences: the clipboard delay and the tables' time display, now and on every change.
    connect(m_controller->preferences(), &Preferences::changed, this, &MainWindow::applyPreferences);
    applyPreferences();

    showAccountsOrWelcome();
    restoreSettings();
    m_errors->status(tr("Ready"), 3000);
    m_startAfterPaint = start == Start::AfterFirstPaint;
    if (!m_startAfterPaint)
        this->start();
    else
        updateActions(); // the first paint shows the actions as they are (no account chosen yet): reads no session
}

void MainWindow::open()
{
    if (m_controller->preferences()->values().startMinimizedToTray && QSystemTrayIcon::isSystemTrayAvailable()) {
        start();
        return;
    }
    show();
}

void MainWindow::start()
{
    if (m_started)
        return;
    m_started = true;
    createAllAccountsView();
    m_controller->resumeRotations();
    // Token notes: the models keep them by account + token id across every refresh.
    TokenNotesDialog::applyNotes(m_controller->tokenNotes(), tokenModels());
    // Expiry alerts follow AccountTokens by themselves; a tray icon when the platform has one.
    if (QSystemTrayIcon::isSystemTrayAvailable())
        ensureTrayIcon();
    onAccountsChanged();
    // Session expiry in the sidebar moves with the clock, like the table's remaining life. (Reading it makes the
    // sessions, hence only from here on.)
    connect(tokenModel(), &TokenListModel::ticked, m_signIn, &SignInFlow::updateAllStatuses);
}

bool MainWindow::event(QEvent *event)
{
    // Queued, so the whole first frame (every child's paint and the flush) is on screen before start() runs.
    if (event->type() == QEvent::Paint && m_startAfterPaint && !m_started)
        QMetaObject::invokeMethod(this, &MainWindow::start, Qt::QueuedConnection);
    return QMainWindow::event(event);
}

void MainWindow::showEvent(QShowEvent *event)
{
    // A window shown but not painted (on another desktop, fully covered) still starts, a moment later.
    if (m_startAfterPaint && !m_started)
        QTimer::singleShot(StartWithoutPaintMs, this, &MainWindow::start);
    QMainWindow::showEvent(event);
}

MainWindow::~MainWindow() = default;

void MainWindow::createWidgets()
{
    m_stack = new QStackedWidget;
    m_stack->setObjectName(QStringLiteral("mainStack"));
    m_welcome = new WelcomePage;
    m_stack->addWidget(m_welcome);

    m_page = new AccountPage(m_controller, m_alerts, m_errors);
    m_tableStack = new QStackedWidget;
    m_tableStack->setObjectName(QStringLiteral("tableStack"));
    m_tableStack->addWidget(m_page);
    m_signInPanel = new SignInPanel;
    m_tableStack->addWidget(m_signInPanel);

    m_tableArea = new QWidget;
    auto *tableLayout = new QVBoxLayout(m_tableArea);
    tableLayout->setContentsMargins(0, 0, 0, 0);
    tableLayout->setSpacing(4);
    tableLayout->addWidget(m_tableStack, 1);

    m_splitter = new QSplitter;
    m_splitter->setObjectName(QStringLiteral("mainSplitter"));
    m_sidebar = new AccountSidebar(m_controller->accountModel(), m_actions->accountActions());
    m_splitter->addWidget(m_sidebar);
    m_splitter->addWidget(m_tableArea);
    m_splitter->setStretchFactor(1, 3);
    m_splitter->setSizes({240, 720});
    m_stack->addWidget(m_splitter);
    setCentralWidget(m_stack);
    resize(1000, 640);
}

void MainWindow::createAllAccountsView()
{
    m_allAccounts = new AllAccountsView(m_controller);
    m_tableStack->insertWidget(1, m_allAccounts);
    connectTable(m_allAccounts->table());
    connect(m_allAccounts, &AllAccountsView::selectionChanged, this, &MainWindow::updateActions);
    m_emptyStates->attachAllAccounts(m_allAccounts);
    applyPreferences();

    // The keychain warning is said once, above whichever table shows, until dismissed. It is made after every
    // page, so its Dismiss comes last in the tab order: Tab from the sidebar reaches the table (or the sign-in
    // panel's fields) first. Whether the keychain is there is known only once a secret is read, after this.
    m_keychainBar = new KeychainBar(m_controller->secretStore(), m_tableArea);
    static_cast<QVBoxLayout *>(m_tableArea->layout())->insertWidget(0, m_keychainBar);
}

void MainWindow::connectTable(TokenTableView *table)
{
    // Both token tables: one context menu, one enabling rule; Details on a double click.
    connect(
        table, &TokenTableView::tokenMenuRequested, this, [this](const QPoint &pos) { tokenContextMenu()->exec(pos); });
    connect(table, &QTableView::doubleClicked, this, [this] {
        if (m_actions->action(Id::Details)->isEnabled())
            m_operations->showDetails();
    });
}

void MainWindow::connectParts()
{
    connect(m_welcome, &WelcomePage::addAccountClicked, m_accounts, &AccountCommands::addAccount);
    connect(m_welcome, &WelcomePage::trySandboxClicked, this, &MainWindow::trySandbox);
    connect(m_sidebar, &AccountSidebar::allAccountsChosen, this, &MainWindow::showAllAccounts);
    connect(m_sidebar, &AccountSidebar::currentAccountChanged, this, &MainWindow::onCurrentAccountChanged);
    connect(
        m_sidebar, &AccountSidebar::accountActivated, this, [this] { m_accounts->editAccount(currentAccountId()); });
    connect(m_controller, &AccountController::accountsChanged, this, &MainWindow::onAccountsChanged);

    connectTable(m_page->table());
    connect(m_page, &AccountPage::selectionChanged, this, &MainWindow::updateActions);
    connect(m_page->expiryBanner(), &ExpiryBanner::tokenActivated, this, &MainWindow::selectToken);

    // The account page and the sign-in flow: sign-in requests and the sidebar's state line.
    connect(m_page, &AccountPage::refreshed, this, &MainWindow::refreshed);
    connect(m_page, &AccountPage::refreshed, this, [this](const QUuid &id, bool ok) {
        if (!ok)
            m_errors->endBusy(); // "Refreshing…" ends with the refresh, whatever it found
        else if (isSignInPanelShown() && m_signInPanel->accountId() == id)
            showAccountPage();
        m_emptyStates->refresh();
    });
    // Signed out: the panel in the table area. A modal opens only for Account → Sign In….
    connect(m_page, &AccountPage::signInNeeded, this, &MainWindow::showSignInPanel);
    connect(m_signIn, &SignInFlow::signInWanted, this, &MainWindow::showSignInPanel);
    m_signIn->attachPanel(m_signInPanel);
    m_signIn->attachPage(m_page); // the sidebar's status line first, then the actions
    connect(m_page, &AccountPage::credentialChanged, this, &MainWindow::updateActions);
    connect(m_signIn, &SignInFlow::actionsChanged, this, &MainWindow::updateActions);

    // What the operations changed: the models now, the account's list again.
    connect(m_operations, &TokenOperations::refreshWanted, m_page, &AccountPage::scheduleRefresh);
    connect(m_operations, &TokenOperations::listWanted, m_page, &AccountPage::refreshAccount);
    connect(m_operations, &TokenOperations::noteChanged, this,
        [this](const QUuid &accountId, const QString &tokenId, const QString &text) {
            for (TokenListModel *model : tokenModels())
                model->setNote(accountId, tokenId, text);
        });
    connect(m_revoker, &TokenRevoker::tokenRevoked, this,
        [this](const QUuid &accountId, const QString &tokenId, const QDateTime &when) {
            for (TokenListModel *model : tokenModels())
                model->markRevoked(accountId, tokenId, when);
        });
    connect(m_revoker, &TokenRevoker::accountsChanged, this, [this](const QList<QUuid> &ids) {
        for (const QUuid &id : ids)
            m_page->scheduleRefresh(id);
        if (isAllAccountsShown())
            m_allAccounts->refreshAll();
    });
    connect(m_accounts, &AccountCommands::added, this, [this](const QUuid &id) {
        selectAccount(id);
        // The password just given in the account dialog signs in: no second prompt for it.
        m_signIn->signInWithHeldSecrets(id);
    });
    connect(m_accounts, &AccountCommands::resetting, m_page, &AccountPage::forgetSession);
    connect(m_accounts, &AccountCommands::removing, m_signIn, &SignInFlow::forget);
    connect(m_accounts, &AccountCommands::edited, m_page, [this](const QUuid &id) { m_page->refreshAccount(id); });
}

void MainWindow::routeActions()
{
    const auto route = [this](Id id, auto receiver, auto slot) {
        connect(m_actions->action(id), &QAction::triggered, receiver, slot);
    };
    route(Id::NewAccount, m_accounts, &AccountCommands::addAccount);
    route(Id::EditAccount, this, [this] { m_accounts->editAccount(currentAccountId()); });
    route(Id::RemoveAccount, this, [this] { m_accounts->removeAccount(currentAccountId()); });
    route(Id::Quit, this, &MainWindow::quitApplication);
    route(Id::Preferences, this, &MainWindow::showPreferences);
    route(Id::SignIn, this, [this] { m_signIn->signIn(currentAccountId()); });
    route(Id::SignOut, this, [this] { m_signIn->signOut(currentAccountId()); });
    route(Id::AllAccounts, this, &MainWindow::showAllAccounts);
    route(Id::CommandPalette, m_help, &HelpCommands::showCommandPalette);
    route(Id::KeyboardShortcuts, m_help, &HelpCommands::showKeyboardShortcuts);
    route(Id::About, m_help, &HelpCommands::showAbout);
    route(Id::Refresh, this, &MainWindow::refresh);
    route(Id::Revoke, m_revoker, &TokenRevoker::revokeSelected);
    route(Id::RevokeAllForSubject, m_revoker, &TokenRevoker::breakGlass);
    m_operations->connectActions(m_actions);
    route(Id::Find, this, [this] {
        QLineEdit *edit = isAllAccountsShown() ? m_allAccounts->filterEdit() : m_page->filterEdit();
        edit->setFocus(Qt::ShortcutFocusReason);
        edit->selectAll();
    });
}

void MainWindow::applyPreferences()
{
    const Preferences::Values &values = m_controller->preferences()->values();
    m_clipboard->setClearDelayMs(values.clipboardClearSeconds * 1000);
    const auto display = values.timeDisplay == Preferences::TimeDisplay::Relative
        ? TokenListModel::TimeDisplay::Relative
        : TokenListModel::TimeDisplay::Absolute;
    const Qt::TimeSpec zone = values.timeZone == Preferences::TimeZone::Utc ? Qt::UTC : Qt::LocalTime;
    for (TokenListModel *model : tokenModels())
        model->setTimeDisplay(display, zone);
}

TokenListModel *MainWindow::tokenModel() const
{
    return m_page->table()->tokenModel();
}

QList<TokenListModel *> MainWindow::tokenModels() const
{
    QList<TokenListModel *> models {tokenModel()};
    if (m_allAccounts)
        models.append(m_allAccounts->tokenModel());
    return models;
}

TokenFilterModel *MainWindow::filterModel() const
{
    return m_page->table()->filterModel();
}

QTableView *MainWindow::tokenView() const
{
    return m_page->table();
}

QLineEdit *MainWindow::filterEdit() const
{
    return m_page->filterEdit();
}

ExpiryBanner *MainWindow::expiryBanner() const
{
    return m_page->expiryBanner();
}

QString MainWindow::lastError() const
{
    return m_errors->lastError();
}

QString MainWindow::lastWarning() const
{
    return m_page->lastWarning();
}

QDateTime MainWindow::lastRefresh() const
{
    return m_page->lastRefresh();
}

QMenu *MainWindow::tokenContextMenu()
{
    return m_actions->tokenContextMenu();
}

void MainWindow::setSandboxMode(bool on)
{
    m_sandbox = on;
    setWindowTitle(on ? tr("TokenDesk — Sandbox") : tr("TokenDesk"));
}

EmptyStateOverlay *MainWindow::emptyState() const
{
    return m_emptyStates->page();
}

void MainWindow::saveSettings() const
{
    WindowSettings(m_controller->configDir()).save(this, m_splitter, m_page->statusCombo());
    m_page->table()->saveLayout();
    if (m_allAccounts)
        m_allAccounts->table()->saveLayout();
}

void MainWindow::restoreSettings()
{
    WindowSettings(m_controller->configDir()).restore(this, m_splitter, m_page->statusCombo());
}

TrayIcon *MainWindow::ensureTrayIcon()
{
    if (!m_tray)
        m_tray = new TrayIcon(this, m_actions->action(Id::Refresh), m_actions->action(Id::Quit), m_alerts, this);
    return m_tray;
}

bool MainWindow::closesToTray() const
{
    const Preferences *preferences = m_controller->preferences();
    return m_tray && preferences && preferences->values().closeToTray;
}

void MainWindow::quitApplication()
{
    m_quitting = true;
    close();
    QCoreApplication::quit();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveSettings();
    if (!m_quitting && closesToTray()) {
        event->ignore();
        m_tray->hideWindow();
        return;
    }
    QMainWindow::closeEvent(event);
}

void MainWindow::showAccountsOrWelcome()
{
    m_sidebar->expandAll();
    const bool none = m_controller->accounts().isEmpty();
    m_stack->setCurrentIndex(none ? 0 : 1);
    if (none)
        m_welcome->fill();
}

void MainWindow::onAccountsChanged()
{
    showAccountsOrWelcome();
    if (!m_started)
        return; // start() connects the sessions
    const QUuid current = currentAccountId();
    const QList<Account> accounts = m_controller->accounts();
    QHash<QUuid, QString> names;
    for (const Account &account : accounts) {
        names.insert(account.id, account.name);
        if (AccountSession *session = m_controller->session(account.id))
            m_page->connectSession(account.id, session);
        m_signIn->updateAccountStatus(account.id);
    }
    tokenModel()->setAccountNames(names);
    if (!current.isNull() && m_controller->account(current))
        selectAccount(current);
    else if (!accounts.isEmpty() && currentAccountId().isNull() && !isAllAccountsShown())
        selectAccount(accounts.first().id);
    else
        onCurrentAccountChanged();
}

QTreeView *MainWindow::accountView() const
{
    return m_sidebar->accountView();
}

QUuid MainWindow::currentAccountId() const
{
    return m_sidebar->currentAccountId();
}

void MainWindow::selectAccount(const QUuid &id)
{
    m_sidebar->selectAccount(id);
    onCurrentAccountChanged();
}

void MainWindow::selectToken(const QUuid &accountId, const QString &tokenKey)
{
    selectAccount(accountId);
    m_page->selectToken(accountId, tokenKey);
}

QList<Token> MainWindow::selectedTokens() const
{
    // All accounts: the selection may span accounts, each token carries its accountId.
    return isAllAccountsShown() ? m_allAccounts->selectedTokens() : m_page->table()->selectedTokens();
}

TokenSelection MainWindow::selection() const
{
    return {[this] { return currentAccountId(); }, [this] { return selectedTokens(); }};
}

bool MainWindow::isAllAccountsShown() const
{
    return m_allAccounts && m_tableStack->currentWidget() == m_allAccounts;
}

void MainWindow::showAllAccounts()
{
    if (m_controller->accounts().isEmpty())
        return;
    start(); // the view is made there
    m_tableStack->setCurrentWidget(m_allAccounts);
    statusBar()->clearMessage(); // a passing message of the account page ("5 tokens") is not about this view
    m_signInPanel->clearValues();
    m_sidebar->setAllAccountsMarked(true);
    m_allAccounts->tokenView()->setFocus(Qt::OtherFocusReason);
    updateActions();
}

void MainWindow::onCurrentAccountChanged()
{
    const QUuid id = currentAccountId();
    if (!id.isNull() && isAllAccountsShown())
        m_sidebar->setAllAccountsMarked(false);
    // An account known to need sign-in shows the panel at once; others their page (which may ask for it).
    if (!id.isNull() && m_controller->accountTokens()->needsSignIn(id))
        showSignInPanel(id, tr("Sign in to see this account's tokens."));
    else if (!id.isNull() || !isAllAccountsShown())
        showAccountPage();
    m_page->showAccount(id);
    updateActions();
    m_emptyStates->refresh();
}

bool MainWindow::isSignInPanelShown() const
{
    return m_tableStack->currentWidget() == m_signInPanel;
}

void MainWindow::showAccountPage()
{
    if (m_tableStack->currentWidget() == m_page)
        return;
    const bool hadFocus = m_signInPanel->isAncestorOf(QApplication::focusWidget());
    m_signInPanel->clearValues();
    m_tableStack->setCurrentWidget(m_page);
    if (hadFocus)
        m_page->table()->setFocus(Qt::OtherFocusReason);
}

void MainWindow::showSignInPanel(const QUuid &id, const QString &reason)
{
    // Only the account on screen: a background refresh of another account just marks it in the sidebar.
    if (id.isNull() || id != currentAccountId())
        return;
    m_signInPanel->showFor(m_signIn->panelSetup(id, reason));
    m_tableStack->setCurrentWidget(m_signInPanel);
    m_errors->endBusy();
}

void MainWindow::updateActions()
{
    WindowActions::Context context;
    context.accountId = currentAccountId();
    context.provider = context.accountId.isNull() ? nullptr : m_controller->provider(context.accountId);
    context.selected = selectedTokens();
    context.allAccounts = isAllAccountsShown();
    context.hasAccounts = !m_controller->accounts().isEmpty();
    context.providerOf = [this, selection = selection()](
                             const Token &token) { return m_controller->provider(selection.accountOf(token)); };
    context.rotationRefusal = [this, providerOf = context.providerOf](const Token &token) {
        return TokenRotation::refusal(
            providerOf(token), m_controller->rotations(), token, 0, m_controller->clock()->now());
    };
    m_actions->update(context);
    m_emptyStates->refresh(); // "New Token…" is offered only while it can run
}

void MainWindow::refresh()
{
    if (isAllAccountsShown()) {
        m_allAccounts->refreshAll();
        return;
    }
    if (const QUuid id = currentAccountId(); !id.isNull())
        m_page->refreshAccount(id);
}

void MainWindow::newToken()
{
    m_operations->newToken();
}

void MainWindow::revokeSelected()
{
    m_revoker->revokeSelected();
}

void MainWindow::openBreakGlass(const QString &subject)
{
    m_revoker->openBreakGlass(subject);
}

void MainWindow::trySandbox()
{
    const bool started = m_sandboxLauncher
        ? m_sandboxLauncher()
        : QProcess::startDetached(QCoreApplication::applicationFilePath(), {QStringLiteral("--sandbox")});
    if (!started) {
        m_errors->setLastError(tr("The sandbox could not be started."));
        return;
    }
    close();
}

void MainWindow::showPreferences()
{
    PreferencesDialog::openFor(m_controller->preferences(), this);
}
