#include "MainWindow.h"

#include "AccountController.h"
#include "AccountDialog.h"
#include "AccountItemDelegate.h"
#include "AccountListCollector.h"
#include "AllAccountsView.h"
#include "StatusColors.h"
#include "core/Async.h"

#include "core/Clock.h"
#include "core/Duration.h"
#include "core/TimeText.h"
#include "core/UntrustedText.h"
#include "items/AccountListModel.h"
#include "items/TokenFilterModel.h"
#include "items/TokenListModel.h"
#include "providers/AccountSession.h"
#include "providers/ProviderDescriptor.h"
#include "providers/ProviderRegistry.h"
#include "providers/svix/SvixProvider.h"
#include "store/Preferences.h"
#include "store/SecretStore.h"
#include "store/TokenNotes.h"
#include "workflows/AccountTokens.h"
#include "workflows/AccountsRefresher.h"

#include "AlertCenter.h"
#include "AuditLogDialog.h"
#include "ClipboardGuard.h"
#include "Confirmer.h"
#include "CreateTokenDialog.h"
#include "ExpireAllDialog.h"
#include "ExpiryBanner.h"
#include "ExpiryCalendarDialog.h"
#include "IdentifyTokenDialog.h"
#include "JwtInspectorDialog.h"
#include "LeakScanDialog.h"
#include "MfaDialog.h"
#include "PreferencesDialog.h"
#include "RemainingLifeDelegate.h"
#include "RevealDialog.h"
#include "RevokePlanDialog.h"
#include "RotateTokenDialog.h"
#include "SignInDialog.h"
#include "TokenFilterBar.h"
#include "TokenNotesDialog.h"
#include "TrayIcon.h"
#include "VerifyTokenDialog.h"
#include "VisibleRows.h"
#include "workflows/RotationFinisher.h"
#include "workflows/TokenRotation.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QComboBox>
#include <QCoreApplication>
#include <QDir>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QIcon>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QLoggingCategory>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPointer>
#include <QProcess>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QSystemTrayIcon>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QTreeView>
#include <QVBoxLayout>

#include <algorithm>
#include <iterator>
#include <memory>

Q_LOGGING_CATEGORY(lcMainWindow, "tokendesk.ui")

namespace {
Qt::TimeSpec timeZoneOf(const Preferences::Values &values)
{
    return values.timeZone == Preferences::TimeZone::Utc ? Qt::UTC : Qt::LocalTime;
}

QString tokenLine(const Token &token)
{
    if (token.label.isEmpty() || token.label == token.id)
        return token.id;
    return QStringLiteral("%1 (%2)").arg(token.label, token.id);
}

bool askConfirmation(QWidget *parent, const QString &title, const QString &text, const QString &details)
{
    return Confirmer::confirm(parent, title, text, details);
}

QString remainingText(qint64 ms)
{
    const qint64 minutes = ms / 60000;
    if (minutes < 1)
        return QCoreApplication::translate("MainWindow", "under a minute");
    if (minutes < 120)
        return QCoreApplication::translate("MainWindow", "%n min", nullptr, int(minutes));
    const qint64 hours = minutes / 60;
    if (hours < 48)
        return QCoreApplication::translate("MainWindow", "%n h", nullptr, int(hours));
    // (a division inside the translate() call makes Qt 6.4's lupdate loop forever)
    const int days = int(hours / 24);
    return QCoreApplication::translate("MainWindow", "%n days", nullptr, days);
}
} // namespace

MainWindow::MainWindow(AccountController *controller, QWidget *parent)
    : QMainWindow(parent)
    , m_controller(controller)
    , m_tokens(new TokenListModel(controller->clock(), this))
    , m_filter(new TokenFilterModel(this))
    , m_clipboard(new ClipboardGuard(this))
{
    setObjectName(QStringLiteral("MainWindow"));
    setWindowTitle(tr("TokenDesk"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/tokendesk.svg")));
    m_filter->setSourceModel(m_tokens);
    m_alerts = new AlertCenter(controller, controller->preferences(), this);

    createActions();
    createWidgets();
    createMenus();
    // Token notes: the models keep them by account + token id across every refresh.
    TokenNotesDialog::applyNotes(m_controller->tokenNotes(), {m_tokens, m_allAccounts->tokenModel()});

    // Expiry alerts follow AccountTokens by themselves; a tray icon when the platform has one.
    // The account's table follows every list of its account, whoever asked for it.
    connect(m_controller->accountTokens(), &AccountTokens::changed, this, [this](const QUuid &id) {
        if (id == currentAccountId() && !id.isNull())
            showTokensOf(id);
    });
    if (QSystemTrayIcon::isSystemTrayAvailable())
        ensureTrayIcon();

    connect(m_controller, &AccountController::accountsChanged, this, &MainWindow::onAccountsChanged);
    connect(m_controller->secretStore(), &SecretStore::stateChanged, this, [this] {
        updateKeychainBanner();
        for (const Account &account : m_controller->accounts())
            updateAccountStatus(account.id);
    });
    // Session expiry in the sidebar moves with the clock, like the table's remaining life.
    connect(m_tokens, &TokenListModel::ticked, this, [this] {
        for (const Account &account : m_controller->accounts())
            updateAccountStatus(account.id);
    });
    // A tick repaints the remaining life of the rows on screen only.
    m_tokens->setVisibleRowsProvider(
        [view = QPointer<QTableView>(m_tokenView), tokens = m_tokens] { return visibleSourceRows(view, tokens); });
    m_tokens->setTicking(true);
    // Preferences: the clipboard delay and the table's time display, now and on every change.
    const auto applyPreferences = [this] {
        const Preferences::Values &values = m_controller->preferences()->values();
        m_clipboard->setClearDelayMs(values.clipboardClearSeconds * 1000);
        const auto display = values.timeDisplay == Preferences::TimeDisplay::Relative
            ? TokenListModel::TimeDisplay::Relative
            : TokenListModel::TimeDisplay::Absolute;
        const Qt::TimeSpec zone = timeZoneOf(values);
        m_tokens->setTimeDisplay(display, zone);
        m_allAccounts->tokenModel()->setTimeDisplay(display, zone);
    };
    connect(m_controller->preferences(), &Preferences::changed, this, applyPreferences);
    applyPreferences();
    setUpRotation();

    onAccountsChanged();
    updateKeychainBanner();
    restoreSettings();
    statusBar()->showMessage(tr("Ready"), 3000);
}

MainWindow::~MainWindow() = default;

QAction *MainWindow::makeAction(const QString &objectName, const QString &text, const QString &icon,
    void (MainWindow::*slot)(), const QList<QKeySequence> &shortcuts)
{
    auto *action = new QAction(text, this);
    action->setObjectName(objectName);
    if (!icon.isEmpty())
        action->setIcon(QIcon(QStringLiteral(":/icons/actions/%1.svg").arg(icon)));
    if (!shortcuts.isEmpty())
        action->setShortcuts(shortcuts);
    QString tip = QString(text).remove(QLatin1Char('&')).remove(QStringLiteral("…"));
    if (!shortcuts.isEmpty())
        tip += QStringLiteral(" (%1)").arg(shortcuts.first().toString(QKeySequence::NativeText));
    action->setToolTip(tip);
    action->setStatusTip(tip);
    if (slot)
        connect(action, &QAction::triggered, this, slot);
    addAction(action); // shortcuts work even when the action is only in a menu
    return action;
}

void MainWindow::createActions()
{
    m_newAccount = makeAction(QStringLiteral("actionNewAccount"), tr("&New Account…"), QStringLiteral("account-new"),
        &MainWindow::addAccount, {QKeySequence(Qt::CTRL | Qt::Key_N)});
    m_editAccount = makeAction(QStringLiteral("actionEditAccount"), tr("&Edit Account…"),
        QStringLiteral("account-edit"), &MainWindow::editAccount);
    m_removeAccount = makeAction(QStringLiteral("actionRemoveAccount"), tr("&Remove Account…"),
        QStringLiteral("account-remove"), &MainWindow::removeAccount);
    m_signIn =
        makeAction(QStringLiteral("actionSignIn"), tr("Sign &In…"), QStringLiteral("sign-in"), &MainWindow::signIn);
    m_signOut =
        makeAction(QStringLiteral("actionSignOut"), tr("Sign &Out"), QStringLiteral("sign-out"), &MainWindow::signOut);
    m_newToken = makeAction(QStringLiteral("actionNewToken"), tr("New &Token…"), QStringLiteral("token-new"),
        &MainWindow::newToken, {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N), QKeySequence(Qt::CTRL | Qt::Key_T)});
    m_revoke = makeAction(QStringLiteral("actionRevoke"), tr("&Revoke…"), QStringLiteral("token-revoke"),
        &MainWindow::revokeSelected, {QKeySequence(QKeySequence::Delete)});
    m_verifyToken = makeAction(
        QStringLiteral("actionVerifyToken"), tr("&Verify a Revoked Token…"), QString(), &MainWindow::verifyToken);
    m_refresh = makeAction(QStringLiteral("actionRefresh"), tr("Re&fresh"), QStringLiteral("refresh"),
        &MainWindow::refresh, {QKeySequence(Qt::Key_F5)});
    m_details = makeAction(
        QStringLiteral("actionDetails"), tr("&Details…"), QStringLiteral("details"), &MainWindow::showDetails);
    m_copyId = makeAction(QStringLiteral("actionCopyId"), tr("&Copy Id"), QStringLiteral("copy"), &MainWindow::copyId);
    m_inspectJwt = makeAction(
        QStringLiteral("actionInspectJwt"), tr("Inspect &JWT…"), QStringLiteral("inspect"), &MainWindow::inspectJwt);
    m_inspectCurrent = makeAction(QStringLiteral("actionInspectCurrent"), tr("Current &Session…"),
        QStringLiteral("session"), &MainWindow::inspectCurrent);
    m_listBySubject = makeAction(QStringLiteral("actionListBySubject"), tr("Tokens of a &User…"),
        QStringLiteral("subject"), &MainWindow::listBySubject);
    m_revokeAllForSubject = makeAction(QStringLiteral("actionRevokeAllForSubject"), tr("Revoke &All for a Subject…"),
        QStringLiteral("token-revoke"), &MainWindow::revokeAllForSubject);
    m_expireAll = makeAction(
        QStringLiteral("actionExpireAll"), tr("E&xpire All…"), QStringLiteral("expire-all"), &MainWindow::expireAll);
    m_logoutToken = makeAction(QStringLiteral("actionLogoutToken"), tr("&Log Out a Token…"),
        QStringLiteral("logout-token"), &MainWindow::logoutToken);
    m_svixDashboardAccess = makeAction(QStringLiteral("actionSvixDashboardAccess"), tr("Svix: Dash&board Access…"),
        QString(), &MainWindow::svixDashboardAccess);
    m_svixExchangeOneTime = makeAction(QStringLiteral("actionSvixExchangeOneTimeToken"),
        tr("Svix: Exchange a One-Time To&ken…"), QString(), &MainWindow::svixExchangeOneTimeToken);
    m_jwtInspector = makeAction(QStringLiteral("actionJwtInspector"), tr("JWT &Inspector…"), QStringLiteral("inspect"),
        &MainWindow::inspectJwt);
    m_editNotes = makeAction(QStringLiteral("actionEditNotes"), tr("Edit &Notes…"), QString(), &MainWindow::editNotes,
        {QKeySequence(Qt::Key_F2)});
    m_findAction = makeAction(QStringLiteral("actionFind"), tr("&Find"), QStringLiteral("filter"), nullptr,
        {QKeySequence(QKeySequence::Find)});
    connect(m_findAction, &QAction::triggered, this, [this] {
        QLineEdit *edit = isAllAccountsShown() ? m_allAccounts->filterEdit() : m_filterEdit;
        edit->setFocus(Qt::ShortcutFocusReason);
        edit->selectAll();
    });
    m_quit = makeAction(
        QStringLiteral("actionQuit"), tr("&Quit"), QStringLiteral("quit"), nullptr, {QKeySequence(QKeySequence::Quit)});
    m_quit->setMenuRole(QAction::QuitRole);
    connect(m_quit, &QAction::triggered, this, &MainWindow::quitApplication);
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_newAccount);
    file->addAction(m_editAccount);
    file->addAction(m_removeAccount);
    file->addSeparator();
    file->addAction(m_quit);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    QList<QKeySequence> preferenceKeys {QKeySequence(Qt::CTRL | Qt::Key_Comma)};
    if (const QKeySequence platform(QKeySequence::Preferences);
        !platform.isEmpty() && platform != preferenceKeys.first())
        preferenceKeys.prepend(platform);
    QAction *preferences = makeAction(QStringLiteral("actionPreferences"), tr("&Preferences…"), QString(),
        &MainWindow::showPreferences, preferenceKeys);
    preferences->setMenuRole(QAction::PreferencesRole);
    edit->addAction(preferences);

    QMenu *account = menuBar()->addMenu(tr("&Account"));
    account->addAction(m_signIn);
    account->addAction(m_signOut);
    account->addAction(m_inspectCurrent);
    account->addSeparator();
    account->addAction(makeAction(QStringLiteral("actionAllAccounts"), tr("A&ll Accounts"), QString(),
        &MainWindow::showAllAccounts, {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A)}));
    account->addAction(m_refresh);

    m_tokenMenu = menuBar()->addMenu(tr("&Tokens"));
    m_tokenMenu->addAction(m_newToken);
    m_tokenMenu->addAction(m_details);
    m_tokenMenu->addAction(m_copyId);
    m_tokenMenu->addAction(m_inspectJwt);
    m_tokenMenu->addSeparator();
    m_tokenMenu->addAction(m_revoke);
    m_tokenMenu->addAction(m_verifyToken);
    m_tokenMenu->addAction(
        makeAction(QStringLiteral("actionIdentify"), tr("&Identify…"), QString(), &MainWindow::identifyToken));
    m_tokenMenu->addAction(m_listBySubject);
    m_tokenMenu->addAction(m_revokeAllForSubject);
    m_tokenMenu->addAction(makeAction(QStringLiteral("actionBreakGlass"), tr("Revoke &Everything for a Subject…"),
        QStringLiteral("token-revoke"), &MainWindow::breakGlass,
        {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Delete)}));
    m_tokenMenu->addAction(m_expireAll);
    m_tokenMenu->addAction(m_logoutToken);
    m_tokenMenu->addAction(m_svixDashboardAccess);
    m_tokenMenu->addAction(m_svixExchangeOneTime);
    m_tokenMenu->addSeparator();
    m_tokenMenu->addAction(m_editNotes);

    QMenu *tools = menuBar()->addMenu(tr("T&ools"));
    tools->addAction(m_jwtInspector);
    tools->addAction(m_findAction);
    tools->addAction(makeAction(QStringLiteral("actionAuditLog"), tr("&Audit Log…"), QString(),
        &MainWindow::showAuditLog, {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L)}));
    tools->addAction(makeAction(
        QStringLiteral("actionLeakScan"), tr("Scan for &Leaked Tokens…"), QString(), &MainWindow::scanForLeaks));
    tools->addAction(makeAction(QStringLiteral("actionExpiryCalendar"), tr("Export Expiry &Calendar…"), QString(),
        &MainWindow::exportExpiryCalendar));

    QToolBar *toolbar = addToolBar(tr("Main"));
    toolbar->setObjectName(QStringLiteral("mainToolBar"));
    toolbar->setAccessibleName(tr("Main toolbar"));
    toolbar->addAction(m_newAccount);
    toolbar->addAction(m_signIn);
    toolbar->addSeparator();
    toolbar->addAction(m_newToken);
    toolbar->addAction(m_revoke);
    toolbar->addAction(m_refresh);
    toolbar->addAction(m_details);
}

void MainWindow::createWidgets()
{
    m_stack = new QStackedWidget;
    m_stack->setObjectName(QStringLiteral("mainStack"));

    // Empty state: no accounts yet.
    auto *empty = new QWidget;
    empty->setObjectName(QStringLiteral("emptyState"));
    empty->setAccessibleName(tr("No accounts"));
    auto *emptyLayout = new QVBoxLayout(empty);
    emptyLayout->addStretch();
    // The logo and the rich-text welcome (QTextDocument layout, font loading, SVG rendering) are filled in by
    // onAccountsChanged() only when this page is shown: with accounts they cost start-up for nothing.
    auto *logo = new QLabel;
    logo->setObjectName(QStringLiteral("welcomeLogo"));
    logo->setAlignment(Qt::AlignCenter);
    logo->setAccessibleName(tr("TokenDesk logo"));
    emptyLayout->addWidget(logo);
    auto *welcome = new QLabel;
    welcome->setObjectName(QStringLiteral("welcomeText"));
    welcome->setTextFormat(Qt::RichText);
    welcome->setAlignment(Qt::AlignCenter);
    welcome->setWordWrap(true);
    welcome->setAccessibleName(tr("Welcome"));
    emptyLayout->addWidget(welcome);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    auto *addButton = new QPushButton(tr("Add an account"));
    addButton->setObjectName(QStringLiteral("emptyAddAccount"));
    addButton->setAccessibleName(tr("Add an account"));
    connect(addButton, &QPushButton::clicked, this, &MainWindow::addAccount);
    buttons->addWidget(addButton);
    auto *sandboxButton = new QPushButton(tr("Try the sandbox"));
    sandboxButton->setObjectName(QStringLiteral("emptyTrySandbox"));
    sandboxButton->setAccessibleName(tr("Try the sandbox"));
    connect(sandboxButton, &QPushButton::clicked, this, &MainWindow::trySandbox);
    buttons->addWidget(sandboxButton);
    buttons->addStretch();
    emptyLayout->addLayout(buttons);
    emptyLayout->addStretch();
    m_stack->addWidget(empty);

    // Accounts sidebar.
    m_accountView = new QTreeView;
    m_accountView->setObjectName(QStringLiteral("accountView"));
    m_accountView->setAccessibleName(tr("Accounts"));
    m_accountView->setModel(m_controller->accountModel());
    m_accountView->setHeaderHidden(true);
    m_accountView->setItemDelegate(new AccountItemDelegate(m_accountView));
    m_accountView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_accountView->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_accountView->addAction(m_signIn);
    m_accountView->addAction(m_signOut);
    m_accountView->addAction(m_refresh);
    m_accountView->addAction(m_editAccount);
    m_accountView->addAction(m_removeAccount);
    connect(m_accountView->selectionModel(), &QItemSelectionModel::currentChanged, this,
        &MainWindow::onCurrentAccountChanged);
    connect(m_accountView, &QTreeView::doubleClicked, this, [this](const QModelIndex &index) {
        if (!index.data(AccountListModel::IsGroupRole).toBool())
            editAccount();
    });

    // Token table with its filter row.
    auto *right = new QWidget;
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    m_keychainBanner = new QLabel;
    m_keychainBanner->setObjectName(QStringLiteral("keychainBanner"));
    m_keychainBanner->setAccessibleName(tr("Keychain warning"));
    m_keychainBanner->setWordWrap(true);
    m_keychainBanner->setFrameShape(QFrame::StyledPanel);
    m_keychainBanner->setMargin(6);
    StatusColors::apply(m_keychainBanner, StatusColors::Role::Warning);
    m_keychainBanner->hide();
    rightLayout->addWidget(m_keychainBanner);
    m_expiryBanner = new ExpiryBanner(m_alerts);
    connect(m_expiryBanner, &ExpiryBanner::tokenActivated, this, &MainWindow::selectToken);
    rightLayout->addWidget(m_expiryBanner);

    auto *filterRow = new QHBoxLayout;
    m_tableTitle = new QLabel;
    m_tableTitle->setObjectName(QStringLiteral("tableTitle"));
    m_tableTitle->setAccessibleName(tr("Selected account"));
    filterRow->addWidget(m_tableTitle, 1);
    auto *filterBar = new TokenFilterBar(m_filter);
    m_filterEdit = filterBar->filterEdit();
    m_filterEdit->setObjectName(QStringLiteral("filterEdit"));
    m_filterEdit->setAccessibleName(tr("Filter tokens"));
    m_statusCombo = filterBar->statusCombo();
    m_statusCombo->setObjectName(QStringLiteral("statusFilter"));
    filterRow->addWidget(filterBar, 1);
    rightLayout->addLayout(filterRow);

    m_tokenView = new QTableView;
    m_tokenView->setObjectName(QStringLiteral("tokenView"));
    m_tokenView->setAccessibleName(tr("Tokens"));
    m_tokenView->setModel(m_filter);
    m_tokenView->setSortingEnabled(true);
    m_tokenView->sortByColumn(TokenListModel::Expires, Qt::AscendingOrder);
    m_tokenView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_tokenView->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_tokenView->setAlternatingRowColors(true);
    m_tokenView->verticalHeader()->hide();
    m_tokenView->horizontalHeader()->setStretchLastSection(true);
    m_tokenView->horizontalHeader()->setSectionsMovable(true);
    m_tokenView->setContextMenuPolicy(Qt::CustomContextMenu);
    m_tokenView->setItemDelegateForColumn(TokenListModel::RemainingLife, new RemainingLifeDelegate(m_tokenView));
    connect(m_tokenView, &QTableView::customContextMenuRequested, this,
        [this](const QPoint &pos) { execTokenContextMenu(m_tokenView->viewport()->mapToGlobal(pos)); });
    connect(m_tokenView, &QTableView::doubleClicked, this, [this] {
        if (m_details->isEnabled())
            showDetails();
    });
    connect(m_tokenView->selectionModel(), &QItemSelectionModel::selectionChanged, this, &MainWindow::updateActions);
    connect(m_filter, &QAbstractItemModel::modelReset, this, &MainWindow::updateActions);
    // Rows a filter keystroke hides leave the selection in a layout change, which QItemSelectionModel applies
    // without emitting selectionChanged.
    connect(m_filter, &QAbstractItemModel::layoutChanged, this, &MainWindow::updateActions);
    rightLayout->addWidget(m_tokenView);

    m_splitter = new QSplitter;
    m_splitter->setObjectName(QStringLiteral("mainSplitter"));
    // "All accounts" above the accounts tree; the right side then shows its view instead of the table.
    auto *sidebar = new QWidget;
    auto *sidebarLayout = new QVBoxLayout(sidebar);
    sidebarLayout->setContentsMargins(0, 0, 0, 0);
    sidebarLayout->setSpacing(0);
    m_allAccountsEntry = new QListWidget;
    m_allAccountsEntry->setObjectName(QStringLiteral("allAccountsEntry"));
    m_allAccountsEntry->setAccessibleName(tr("All accounts"));
    m_allAccountsEntry->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto *allEntry =
        new QListWidgetItem(QIcon(QStringLiteral(":/icons/tokendesk.svg")), tr("All accounts"), m_allAccountsEntry);
    allEntry->setToolTip(tr("Every token of every account (Ctrl+Shift+A)"));
    m_allAccountsEntry->setFixedHeight(
        m_allAccountsEntry->sizeHintForRow(0) + 2 * m_allAccountsEntry->frameWidth() + 4);
    connect(m_allAccountsEntry, &QListWidget::itemClicked, this, &MainWindow::showAllAccounts);
    connect(m_allAccountsEntry, &QListWidget::itemActivated, this, &MainWindow::showAllAccounts);
    sidebarLayout->addWidget(m_allAccountsEntry);
    sidebarLayout->addWidget(m_accountView, 1);
    m_allAccounts = new AllAccountsView(m_controller);
    connect(m_allAccounts, &AllAccountsView::selectionChanged, this, &MainWindow::updateActions);
    m_allAccounts->tokenView()->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_allAccounts->tokenView(), &QTableView::customContextMenuRequested, this,
        [this](const QPoint &pos) { execTokenContextMenu(m_allAccounts->tokenView()->viewport()->mapToGlobal(pos)); });
    m_tableStack = new QStackedWidget;
    m_tableStack->setObjectName(QStringLiteral("tableStack"));
    m_tableStack->addWidget(right);
    m_tableStack->addWidget(m_allAccounts);
    m_splitter->addWidget(sidebar);
    m_splitter->addWidget(m_tableStack);
    m_splitter->setStretchFactor(1, 3);
    m_splitter->setSizes({240, 720});
    m_stack->addWidget(m_splitter);
    setCentralWidget(m_stack);

    m_refreshLabel = new QLabel;
    m_refreshLabel->setObjectName(QStringLiteral("lastRefreshLabel"));
    m_refreshLabel->setAccessibleName(tr("Last refresh"));
    m_errorLabel = new QLabel;
    m_errorLabel->setObjectName(QStringLiteral("lastErrorLabel"));
    m_errorLabel->setTextFormat(Qt::PlainText); // it shows server messages
    m_errorLabel->setAccessibleName(tr("Last error"));
    StatusColors::apply(m_errorLabel, StatusColors::Role::Error);
    m_warningLabel = new QLabel;
    m_warningLabel->setObjectName(QStringLiteral("lastWarningLabel"));
    m_warningLabel->setAccessibleName(tr("Warning"));
    m_warningLabel->setTextFormat(Qt::PlainText); // warnings carry server text
    m_warningLabel->setWordWrap(false);
    StatusColors::apply(m_warningLabel, StatusColors::Role::Warning);
    m_warningLabel->hide();
    statusBar()->addPermanentWidget(m_warningLabel);
    statusBar()->addPermanentWidget(m_errorLabel);
    statusBar()->addPermanentWidget(m_refreshLabel);
    resize(1000, 640);
}

void MainWindow::setSandboxMode(bool on)
{
    m_sandbox = on;
    setWindowTitle(on ? tr("TokenDesk — Sandbox") : tr("TokenDesk"));
}

QString MainWindow::settingsPath() const
{
    return QDir(m_controller->configDir()).filePath(QStringLiteral("window.ini"));
}

void MainWindow::saveSettings() const
{
    QSettings settings(settingsPath(), QSettings::IniFormat);
    settings.beginGroup(QStringLiteral("MainWindow"));
    settings.setValue(QStringLiteral("geometry"), saveGeometry());
    settings.setValue(QStringLiteral("state"), saveState());
    settings.setValue(QStringLiteral("splitter"), m_splitter->saveState());
    settings.setValue(QStringLiteral("tokenHeader"), m_tokenView->horizontalHeader()->saveState());
    settings.setValue(QStringLiteral("statusFilter"), m_statusCombo->currentIndex());
    settings.endGroup();
    settings.sync();
}

void MainWindow::restoreSettings()
{
    QSettings settings(settingsPath(), QSettings::IniFormat);
    settings.beginGroup(QStringLiteral("MainWindow"));
    if (settings.contains(QStringLiteral("geometry")))
        restoreGeometry(settings.value(QStringLiteral("geometry")).toByteArray());
    if (settings.contains(QStringLiteral("state")))
        restoreState(settings.value(QStringLiteral("state")).toByteArray());
    if (settings.contains(QStringLiteral("splitter")))
        m_splitter->restoreState(settings.value(QStringLiteral("splitter")).toByteArray());
    if (settings.contains(QStringLiteral("tokenHeader")))
        m_tokenView->horizontalHeader()->restoreState(settings.value(QStringLiteral("tokenHeader")).toByteArray());
    m_statusCombo->setCurrentIndex(
        qBound(0, settings.value(QStringLiteral("statusFilter"), 0).toInt(), m_statusCombo->count() - 1));
    settings.endGroup();
}

TrayIcon *MainWindow::ensureTrayIcon()
{
    if (!m_tray)
        m_tray = new TrayIcon(this, m_refresh, m_quit, m_alerts, this);
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
        // Close to the tray: the window hides, refreshes and expiry alerts go on.
        event->ignore();
        hide();
        if (!m_trayHintShown) {
            m_trayHintShown = true;
            m_tray->icon()->showMessage(tr("TokenDesk is still running"),
                tr("Expiry alerts keep coming. Quit from the tray menu or with File → Quit."),
                QSystemTrayIcon::Information);
        }
        return;
    }
    QMainWindow::closeEvent(event);
}

// ---- accounts ---------------------------------------------------------------------------------------------------

void MainWindow::onAccountsChanged()
{
    const QUuid current = currentAccountId();
    m_accountView->expandAll();
    const QList<Account> accounts = m_controller->accounts();
    m_stack->setCurrentIndex(accounts.isEmpty() ? 0 : 1);
    if (accounts.isEmpty())
        fillEmptyState();
    QHash<QUuid, QString> names;
    for (const Account &account : accounts) {
        names.insert(account.id, account.name);
        if (AccountSession *session = m_controller->session(account.id))
            connectSession(account.id, session);
        updateAccountStatus(account.id);
    }
    m_tokens->setAccountNames(names);
    if (!current.isNull() && m_controller->account(current))
        selectAccount(current);
    else if (!accounts.isEmpty() && currentAccountId().isNull() && !isAllAccountsShown())
        selectAccount(accounts.first().id);
    else
        onCurrentAccountChanged();
}

void MainWindow::fillEmptyState()
{
    auto *welcome = m_stack->widget(0)->findChild<QLabel *>(QStringLiteral("welcomeText"));
    if (!welcome || !welcome->text().isEmpty())
        return;
    welcome->setText(tr("<h2>Welcome to TokenDesk</h2><p>Add an account of a service to see and manage "
                        "its tokens, or try every feature on the built-in sandbox first.</p>"));
    if (auto *logo = m_stack->widget(0)->findChild<QLabel *>(QStringLiteral("welcomeLogo")))
        logo->setPixmap(QIcon(QStringLiteral(":/icons/tokendesk.svg")).pixmap(64, 64));
}

void MainWindow::connectSession(const QUuid &id, AccountSession *session)
{
    if (m_connected.contains(id) && session->property("tokendesk.connected").toBool())
        return;
    session->setProperty("tokendesk.connected", true);
    m_connected.insert(id);
    TokenProvider *provider = session->provider();
    connect(provider, &TokenProvider::signInRequired, this, [this, id](const QString &reason) {
        setAccountState(id, tr("sign-in needed"));
        requestSignIn(id, reason);
    });
    connect(provider, &TokenProvider::credentialChanged, this, [this, id] {
        updateAccountStatus(id);
        updateActions();
    });
    connect(session, &AccountSession::tokensChanged, this, [this, id] { scheduleRefresh(id); });
    connect(provider, &TokenProvider::warning, this, [this, id](const QString &message) {
        qCInfo(lcMainWindow) << "provider warning for an account:" << message;
        m_warnings.insert(id, message);
        showWarningOf(id);
    });
}

QUuid MainWindow::currentAccountId() const
{
    const QModelIndex index = m_accountView->currentIndex();
    if (!index.isValid() || index.data(AccountListModel::IsGroupRole).toBool())
        return {};
    return index.data(AccountListModel::AccountIdRole).toUuid();
}

void MainWindow::selectAccount(const QUuid &id)
{
    const QModelIndex index = m_controller->accountModel()->indexOf(id);
    if (index.isValid())
        m_accountView->setCurrentIndex(index);
    onCurrentAccountChanged();
}

TokenProvider *MainWindow::currentProvider() const
{
    const QUuid id = currentAccountId();
    return id.isNull() ? nullptr : m_controller->provider(id);
}

bool MainWindow::isAllAccountsShown() const
{
    return m_tableStack && m_tableStack->currentWidget() == m_allAccounts;
}

void MainWindow::showAllAccounts()
{
    if (m_controller->accounts().isEmpty())
        return;
    m_tableStack->setCurrentWidget(m_allAccounts);
    m_allAccountsEntry->setCurrentRow(0);
    m_accountView->selectionModel()->clear(); // no account selected: the account actions are disabled
    m_allAccounts->tokenView()->setFocus(Qt::OtherFocusReason);
    updateActions();
}

void MainWindow::onCurrentAccountChanged()
{
    const QUuid id = currentAccountId();
    if (!id.isNull() && isAllAccountsShown()) {
        m_tableStack->setCurrentIndex(0);
        m_allAccountsEntry->setCurrentRow(-1);
    }
    const std::optional<Account> account = id.isNull() ? std::nullopt : m_controller->account(id);
    m_tableTitle->setText(account ? QStringLiteral("<b>%1</b>").arg(account->name.toHtmlEscaped()) : QString());
    if (m_tokens->property("tokendesk.account").toUuid() != id || id.isNull()) {
        m_tokens->setProperty("tokendesk.account", id);
        showTokensOf(id);
        if (!id.isNull() && !m_controller->accountTokens()->hasList(id))
            refreshAccount(id);
    }
    updateActions();
}

void MainWindow::showTokensOf(const QUuid &id)
{
    m_tokens->setTokens(id.isNull() ? QList<Token>() : m_controller->accountTokens()->tokens(id));
    showWarningOf(currentAccountId());
    updateActions();
}

QString MainWindow::lastWarning() const
{
    const QUuid id = currentAccountId();
    return id.isNull() ? QString() : m_warnings.value(id);
}

void MainWindow::showWarningOf(const QUuid &id)
{
    if (id != currentAccountId())
        return;
    const QString message =
        id.isNull() ? QString() : UntrustedText::forDisplay(m_warnings.value(id), UntrustedText::MessageCap);
    m_warningLabel->setText(message);
    m_warningLabel->setToolTip(message);
    m_warningLabel->setVisible(!message.isEmpty());
    if (!message.isEmpty())
        statusBar()->showMessage(message, 15000);
}

void MainWindow::setAccountState(const QUuid &id, const QString &state)
{
    m_accountState.insert(id, state);
    updateAccountStatus(id);
}

void MainWindow::updateAccountStatus(const QUuid &id)
{
    QStringList parts;
    TokenProvider *provider = m_controller->provider(id);
    if (!provider) {
        parts.append(tr("service not available in this build"));
    } else {
        if (provider->can(TokenProvider::Capability::SignIn))
            parts.append(provider->isSignedIn() ? tr("signed in") : tr("not signed in"));
        if (const std::optional<Token> credential = provider->credentialToken()) {
            if (const std::optional<qint64> left = credential->remainingMs(*m_controller->clock())) {
                parts.append(*left > 0 ? tr("session expires in %1").arg(remainingText(*left)) : tr("session expired"));
            }
        }
    }
    if (m_controller->secretStore()->state() == SecretStore::State::MemoryOnly)
        parts.append(tr("keychain unavailable: secrets kept in memory only"));
    const QString state = m_accountState.value(id);
    if (!state.isEmpty() && !parts.contains(state))
        parts.append(state);
    m_controller->accountModel()->setStatusText(id, parts.join(QStringLiteral(" · ")));
}

void MainWindow::updateKeychainBanner()
{
    const bool memoryOnly = m_controller->secretStore()->state() == SecretStore::State::MemoryOnly;
    m_keychainBanner->setText(memoryOnly ? tr("No keychain is available: secrets are kept in memory for this "
                                              "session only and must be entered again next time.")
                                         : QString());
    m_keychainBanner->setVisible(memoryOnly);
}

void MainWindow::addAccount()
{
    auto *dialog = new AccountDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const Account account = dialog->account();
        Async::then(m_controller->addAccount(account, dialog->secrets()), this, [this, account](Result<Done> result) {
            if (!result.ok())
                handleError(account.id, result.error(), tr("Saving the account"));
        });
        selectAccount(account.id);
        if (!m_controller->account(account.id))
            setLastError(m_controller->lastError());
    });
    dialog->open();
}

void MainWindow::editAccount()
{
    const std::optional<Account> account = m_controller->account(currentAccountId());
    if (!account)
        return;
    auto *dialog = new AccountDialog(*account, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const Account edited = dialog->account();
        m_connected.remove(edited.id);
        Async::then(m_controller->updateAccount(edited, dialog->secrets()), this, [this, edited](Result<Done> result) {
            if (!result.ok())
                handleError(edited.id, result.error(), tr("Saving the account"));
            refreshAccount(edited.id);
        });
    });
    dialog->open();
}

void MainWindow::removeAccount()
{
    const std::optional<Account> account = m_controller->account(currentAccountId());
    if (!account)
        return;
    if (!askConfirmation(this, tr("Remove Account"),
            tr("Remove the account “%1”? Its stored credentials are deleted from the keychain. Tokens on the "
               "service are not revoked.")
                .arg(account->name),
            {}))
        return;
    m_connected.remove(account->id);
    m_accountState.remove(account->id);
    const QUuid id = account->id;
    Async::then(m_controller->removeAccount(id), this, [this, id](Result<Done> result) {
        if (!result.ok())
            handleError(id, result.error(), tr("Removing the account"));
    });
}

// ---- refresh and errors -----------------------------------------------------------------------------------------

void MainWindow::refresh()
{
    if (isAllAccountsShown()) {
        m_allAccounts->refreshAll();
        return;
    }
    const QUuid id = currentAccountId();
    if (!id.isNull())
        refreshAccount(id);
}

void MainWindow::scheduleRefresh(const QUuid &id)
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

void MainWindow::refreshAccount(const QUuid &id, const ListRequest &request)
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
    statusBar()->showMessage(tr("Refreshing…"));
    m_warnings.remove(id);
    showWarningOf(id);
    AccountTokens *known = m_controller->accountTokens();
    Async::then(known->refresh(id, request), this, [this, id, request, known](Result<QList<Token>> result) {
        if (!result.ok()) {
            if (known->needsSignIn(id)) {
                setAccountState(id, tr("not signed in"));
                requestSignIn(id, tr("Sign in to see this account's tokens."));
            } else {
                handleError(id, result.error(), tr("Refreshing"));
            }
            emit refreshed(id, false);
            return;
        }
        // A whole list reached this table through AccountTokens::changed; a narrowed one (one user's tokens)
        // is shown here only.
        if ((!request.subject.isEmpty() || !request.appId.isEmpty()) && currentAccountId() == id)
            m_tokens->setTokens(result.value());
        m_lastRefresh = m_controller->clock()->now();
        m_refreshLabel->setText(
            tr("Last refresh: %1").arg(QLocale().toString(m_lastRefresh.toLocalTime().time(), QLocale::ShortFormat)));
        m_accountState.remove(id);
        updateAccountStatus(id);
        statusBar()->showMessage(tr("%n token(s)", nullptr, int(result.value().size())), 3000);
        if (currentAccountId() == id)
            showWarningOf(id); // puts a warning of this refresh back in the status bar
        emit refreshed(id, true);
    });
}

void MainWindow::selectToken(const QUuid &accountId, const QString &tokenKey)
{
    selectAccount(accountId);
    const QList<Token> tokens = m_tokens->tokens();
    for (int row = 0; row < tokens.size(); ++row) {
        const Token &token = tokens.at(row);
        if ((token.accountId.isNull() || token.accountId == accountId)
            && ExpiryAlertMonitor::tokenKey(token) == tokenKey) {
            const QModelIndex index = m_filter->mapFromSource(m_tokens->index(row, 0));
            if (index.isValid()) {
                m_tokenView->setCurrentIndex(index);
                m_tokenView->scrollTo(index);
                m_tokenView->setFocus(Qt::OtherFocusReason);
            }
            return;
        }
    }
}

void MainWindow::setLastError(const QString &message)
{
    m_lastError = message;
    m_errorLabel->setText(message);
    if (!message.isEmpty())
        statusBar()->showMessage(message, 10000);
}

void MainWindow::showMessage(const QString &title, const QString &text, bool error)
{
    // One non-modal box, reused, so repeated failures do not pile up windows.
    if (!m_messageBox) {
        m_messageBox = new QMessageBox(this);
        m_messageBox->setObjectName(QStringLiteral("messageBox"));
        m_messageBox->setAttribute(Qt::WA_DeleteOnClose);
        m_messageBox->setWindowModality(Qt::NonModal);
        m_messageBox->setStandardButtons(QMessageBox::Ok);
        m_messageBox->setTextFormat(Qt::PlainText); // server messages and token names, never markup
    }
    m_messageBox->setIcon(error ? QMessageBox::Warning : QMessageBox::Information);
    m_messageBox->setWindowTitle(title);
    m_messageBox->setText(text);
    m_messageBox->show();
}

void MainWindow::handleError(const QUuid &id, const ApiError &error, const QString &what)
{
    const std::optional<Account> account = m_controller->account(id);
    const QString name = account ? account->name : QString();
    if (error.kind() == ApiError::Kind::Cancelled)
        return;
    if (error.kind() == ApiError::Kind::Unauthorized) {
        setAccountState(id, tr("sign-in needed"));
        requestSignIn(id, error.fullMessage());
        return;
    }
    if (error.kind() == ApiError::Kind::NotAvailable || error.kind() == ApiError::Kind::NotSupported) {
        // Not a failure of the account (MagicBell's JWT routes, Svix's legacy routes): no error box, the account
        // stays usable; the status bar and the sidebar say it.
        const QString text = tr("%1: not available on this server.").arg(what);
        setLastError(name.isEmpty() ? text : tr("%1 — %2").arg(name, text));
        setAccountState(id, tr("not available on this server"));
        qCInfo(lcMainWindow) << "not available on this server:" << what << error.httpStatus();
        return;
    }
    const QString text =
        tr("%1 failed: %2").arg(what, UntrustedText::forDisplay(error.fullMessage(), UntrustedText::MessageCap));
    setLastError(name.isEmpty() ? text : tr("%1 — %2").arg(name, text));
    setAccountState(id, tr("last error: %1").arg(UntrustedText::forDisplay(error.userMessage())));
    qCInfo(lcMainWindow) << "operation failed:" << what << ApiError::kindName(error.kind()) << error.httpStatus();
    showMessage(tr("TokenDesk"), text, true);
}

// ---- sign-in ----------------------------------------------------------------------------------------------------

void MainWindow::requestSignIn(const QUuid &id, const QString &reason)
{
    if (m_signInOpen.contains(id))
        return;
    const std::optional<Account> account = m_controller->account(id);
    TokenProvider *provider = m_controller->provider(id);
    if (!account || !provider)
        return;
    const ProviderDescriptor *descriptor = ProviderRegistry::instance().find(account->providerId);
    QList<FieldSpec> secretFields;
    if (descriptor) {
        for (const FieldSpec &field : descriptor->accountFields) {
            if (field.type == FieldSpec::Type::Secret)
                secretFields.append(field);
        }
    }
    m_signInOpen.insert(id);
    auto *dialog = new SignInDialog(*account, secretFields, reason, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::finished, this, [this, id] { m_signInOpen.remove(id); });
    connect(dialog, &QDialog::accepted, this, [this, id, dialog] {
        // Fields left empty keep what is stored: an empty value would delete the secret (API key, client secret).
        QHash<QString, QString> values = dialog->values();
        for (auto it = values.begin(); it != values.end();)
            it = it.value().isEmpty() ? values.erase(it) : std::next(it);
        const bool keep = dialog->keepSignedIn();
        AccountSession *session = m_controller->session(id);
        if (!session)
            return;
        QFuture<Result<Done>> stored = readyResult(Result<Done>(Done {}));
        if (keep) {
            stored = session->storeSecrets(values);
        } else {
            for (auto it = values.cbegin(); it != values.cend(); ++it) {
                if (!it.value().isEmpty())
                    session->provider()->setSecret(it.key(), it.value());
            }
        }
        Async::then(stored, this, [this, id](Result<Done> result) {
            if (!result.ok())
                handleError(id, result.error(), tr("Storing credentials"));
            startSignIn(id);
        });
    });
    dialog->open();
}

void MainWindow::startSignIn(const QUuid &id)
{
    AccountSession *session = m_controller->session(id);
    if (!session)
        return;
    if (!session->provider()->can(TokenProvider::Capability::SignIn)) {
        refreshAccount(id); // credentials are sent with every request (HTTP Basic, API key)
        return;
    }
    statusBar()->showMessage(tr("Signing in…"));
    Async::then(session->signIn(), this, [this, id](Result<SignInResult> result) {
        if (!result.ok()) {
            if (result.error().kind() == ApiError::Kind::Unauthorized) {
                requestSignIn(id, result.error().fullMessage());
                return;
            }
            handleError(id, result.error(), tr("Signing in"));
            return;
        }
        if (result->mfaRequired) {
            runMfa(id, result->challenge);
            return;
        }
        setAccountState(id, QString());
        updateActions();
        refreshAccount(id);
    });
}

void MainWindow::runMfa(const QUuid &id, const MfaChallenge &challenge)
{
    auto current = std::make_shared<MfaChallenge>(challenge);
    auto *dialog = new MfaDialog(challenge, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setClock(m_controller->clock()); // the countdown uses the app clock (a TestClock in tests)
    connect(dialog, &MfaDialog::passcodeSubmitted, this, [this, id, dialog, current](const QString &passcode) {
        AccountSession *session = m_controller->session(id);
        if (!session) {
            dialog->reject();
            return;
        }
        dialog->setBusy(true);
        Async::then(
            session->submitMfa(*current, passcode), dialog, [this, id, dialog, current](Result<SignInResult> r) {
                dialog->setBusy(false);
                if (!r.ok()) {
                    // Wrong code or expired challenge: say so and keep the dialog open for another try.
                    dialog->showError(r.error().fullMessage());
                    return;
                }
                if (r->mfaRequired) {
                    *current = r->challenge;
                    dialog->showError(r->challenge.message.isEmpty() ? tr("The passcode was not accepted. Try again.")
                                                                     : r->challenge.message);
                    return;
                }
                dialog->accept();
                setAccountState(id, QString());
                updateActions();
                refreshAccount(id);
            });
    });
    dialog->open();
}

void MainWindow::signIn()
{
    const QUuid id = currentAccountId();
    if (id.isNull())
        return;
    Async::then(m_controller->prepare(id), this, [this, id](Result<Done> prepared) {
        if (!prepared.ok()) {
            handleError(id, prepared.error(), tr("Reading credentials"));
            return;
        }
        TokenProvider *provider = m_controller->provider(id);
        if (!provider)
            return;
        // Ask for missing secrets first; with everything stored, sign in straight away.
        const ProviderDescriptor *descriptor = ProviderRegistry::instance().find(provider->account().providerId);
        bool missing = false;
        if (descriptor) {
            for (const FieldSpec &field : descriptor->accountFields) {
                if (field.type == FieldSpec::Type::Secret && field.required && !provider->hasSecret(field.key))
                    missing = true;
            }
        }
        if (missing)
            requestSignIn(id, tr("Enter your credentials to sign in."));
        else
            startSignIn(id);
    });
}

void MainWindow::signOut()
{
    const QUuid id = currentAccountId();
    AccountSession *session = id.isNull() ? nullptr : m_controller->session(id);
    if (!session)
        return;
    Async::then(session->signOut(), this, [this, id](Result<Done> result) {
        if (!result.ok()) {
            handleError(id, result.error(), tr("Signing out"));
            return;
        }
        m_controller->accountTokens()->forget(id); // its list was that session's view
        if (currentAccountId() == id)
            showTokensOf(id);
        setAccountState(id, tr("signed out"));
        updateActions();
    });
}

// ---- token actions ----------------------------------------------------------------------------------------------

QMenu *MainWindow::tokenContextMenu()
{
    if (!m_tokenContextMenu) {
        // One menu for both tables; actions that do not apply (per-account ones in All accounts) are disabled by
        // updateActions like everywhere else.
        m_tokenContextMenu = new QMenu(this);
        m_tokenContextMenu->setObjectName(QStringLiteral("tokenContextMenu"));
        m_tokenContextMenu->addAction(m_details);
        m_tokenContextMenu->addAction(m_copyId);
        m_tokenContextMenu->addAction(m_inspectJwt);
        m_tokenContextMenu->addSeparator();
        m_tokenContextMenu->addAction(m_editNotes);
        m_tokenContextMenu->addSeparator();
        m_tokenContextMenu->addAction(m_revoke);
        m_tokenContextMenu->addAction(m_revokeAllForSubject);
        m_tokenContextMenu->addSeparator();
        m_tokenContextMenu->addAction(m_newToken);
        m_tokenContextMenu->addAction(m_refresh);
    }
    return m_tokenContextMenu;
}

void MainWindow::execTokenContextMenu(const QPoint &globalPos)
{
    tokenContextMenu()->exec(globalPos);
}

QList<Token> MainWindow::selectedTokens() const
{
    if (isAllAccountsShown())
        return m_allAccounts->selectedTokens(); // may span accounts: each token carries its accountId
    QList<Token> result;
    const QModelIndexList rows = m_tokenView->selectionModel()->selectedRows();
    for (const QModelIndex &proxyIndex : rows) {
        const QModelIndex source = m_filter->mapToSource(proxyIndex);
        if (source.isValid())
            result.append(m_tokens->tokenAt(source.row()));
    }
    return result;
}

void MainWindow::updateActions()
{
    const QUuid id = currentAccountId();
    TokenProvider *provider = currentProvider();
    auto can = [provider](TokenProvider::Capability capability) { return provider && provider->can(capability); };
    const int selected = m_tokenView->selectionModel() ? int(m_tokenView->selectionModel()->selectedRows().size()) : 0;

    m_editAccount->setEnabled(!id.isNull());
    m_removeAccount->setEnabled(!id.isNull());
    m_signIn->setEnabled(can(TokenProvider::Capability::SignIn));
    m_signOut->setEnabled(can(TokenProvider::Capability::SignOut) && provider->isSignedIn());
    m_refresh->setEnabled(can(TokenProvider::Capability::List) || can(TokenProvider::Capability::LedgerBacked));
    m_newToken->setEnabled(can(TokenProvider::Capability::Create));
    m_revoke->setEnabled(can(TokenProvider::Capability::Revoke) && selected > 0);
    m_details->setEnabled(can(TokenProvider::Capability::Details) && selected == 1);
    m_copyId->setEnabled(selected == 1);
    // Notes are kept by token id: a token without one (some ledger rows) cannot carry its own note.
    const auto notable = [](const QList<Token> &tokens) { return tokens.size() == 1 && !tokens.first().id.isEmpty(); };
    if (m_editNotes)
        m_editNotes->setEnabled(notable(selectedTokens()));
    m_inspectCurrent->setEnabled(can(TokenProvider::Capability::InspectCurrent));
    m_listBySubject->setEnabled(can(TokenProvider::Capability::ListBySubject));
    m_revokeAllForSubject->setEnabled(can(TokenProvider::Capability::RevokeAllForSubject));
    m_expireAll->setEnabled(can(TokenProvider::Capability::ExpireAll));
    m_logoutToken->setEnabled(can(TokenProvider::Capability::Logout));
    // The open-source Svix server does not route the one-time-token exchange.
    const auto *svix = qobject_cast<const SvixProvider *>(provider);
    m_svixDashboardAccess->setVisible(svix != nullptr);
    m_svixExchangeOneTime->setVisible(svix != nullptr);
    m_svixDashboardAccess->setEnabled(svix != nullptr);
    m_svixExchangeOneTime->setEnabled(svix && !svix->isOpenSourceServer());
    m_verifyToken->setEnabled(can(TokenProvider::Capability::VerifyValue));
    updateRotateAction();
    m_inspectJwt->setEnabled(true);
    m_jwtInspector->setEnabled(true);
    if (isAllAccountsShown()) {
        // All accounts: F5 refreshes every account, the selection may span accounts.
        const int all = int(m_allAccounts->selectedTokens().size());
        m_refresh->setEnabled(true);
        m_revoke->setEnabled(all > 0);
        m_copyId->setEnabled(all == 1);
        if (m_editNotes)
            m_editNotes->setEnabled(notable(m_allAccounts->selectedTokens()));
    }
    updateRevokeRefusal();
}

void MainWindow::updateRevokeRefusal()
{
    // A selection of tokens no service can revoke (MagicBell user JWTs signed here) disables Revoke and says why.
    QString refusal;
    const QList<Token> tokens = selectedTokens();
    for (const Token &token : tokens) {
        const TokenProvider *provider =
            m_controller->provider(token.accountId.isNull() ? currentAccountId() : token.accountId);
        refusal = provider ? provider->revokeRefusal(token) : QString();
        if (refusal.isEmpty())
            break;
    }
    if (m_revokeTip.isEmpty())
        m_revokeTip = m_revoke->toolTip();
    if (!refusal.isEmpty())
        m_revoke->setEnabled(false);
    m_revoke->setToolTip(refusal.isEmpty() ? m_revokeTip : refusal);
    m_revoke->setStatusTip(refusal.isEmpty() ? m_revokeTip : refusal);
}

void MainWindow::newToken()
{
    const QUuid id = currentAccountId();
    AccountSession *session = id.isNull() ? nullptr : m_controller->session(id);
    if (!session || !session->provider()->can(TokenProvider::Capability::Create))
        return;
    TokenProvider *provider = session->provider();
    auto *dialog = new CreateTokenDialog(provider->createKinds(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    QPointer<TokenProvider> guard(provider);
    dialog->setValidator(
        [guard](const CreateRequest &request) { return guard ? guard->validateCreate(request) : QList<FieldError>(); });
    connect(dialog, &CreateTokenDialog::submitted, this, [this, id, dialog](const CreateRequest &request) {
        AccountSession *current = m_controller->session(id);
        if (!current)
            return;
        dialog->setBusy(true);
        Async::then(m_controller->prepare(id), dialog, [this, id, dialog, request](Result<Done> prepared) {
            AccountSession *s = m_controller->session(id);
            if (!prepared.ok() || !s) {
                dialog->setBusy(false);
                dialog->showError(prepared.error().fullMessage());
                return;
            }
            Async::then(s->create(request), dialog, [this, id, dialog](Result<CreatedToken> result) {
                dialog->setBusy(false);
                if (!result.ok()) {
                    const ApiError &error = result.error();
                    if (error.kind() == ApiError::Kind::Unauthorized || error.kind() == ApiError::Kind::NotAvailable) {
                        dialog->reject();
                        handleError(id, error, tr("Creating a token"));
                        return;
                    }
                    if (error.fieldErrors().isEmpty())
                        dialog->showError(error.fullMessage());
                    else
                        dialog->showFieldErrors(error.fieldErrors());
                    setLastError(tr("Creating a token failed: %1").arg(error.fullMessage()));
                    return;
                }
                dialog->accept();
                auto *reveal = new RevealDialog(result.value(), m_clipboard, this);
                reveal->setAttribute(Qt::WA_DeleteOnClose);
                reveal->open();
                scheduleRefresh(id);
            });
        });
    });
    dialog->open();
}

void MainWindow::revokeSelected()
{
    const QList<Token> tokens = selectedTokens();
    if (tokens.size() > 1) {
        // Several tokens (possibly of several accounts): the plan dialog with its dry run, progress and results.
        QList<RevokePlan::AccountTokens> selection;
        for (const Token &token : tokens) {
            const QUuid accountId = token.accountId.isNull() ? currentAccountId() : token.accountId;
            auto it = std::find_if(selection.begin(), selection.end(),
                [&accountId](const RevokePlan::AccountTokens &entry) { return entry.account.id == accountId; });
            if (it == selection.end()) {
                const std::optional<Account> account = m_controller->account(accountId);
                if (!account)
                    continue;
                selection.append({*account, m_controller->provider(accountId), {}});
                it = std::prev(selection.end());
            }
            it->tokens.append(token);
        }
        openRevokePlan(RevokePlan::forSelection(selection), QStringLiteral("bulk-revoke"));
        return;
    }
    if (tokens.isEmpty())
        return;
    // One token: the quick confirmation. In the All accounts view no account is selected: use the token's own.
    const QUuid singleAccount = tokens.first().accountId.isNull() ? currentAccountId() : tokens.first().accountId;
    TokenProvider *provider = m_controller->provider(singleAccount);
    if (!provider || !provider->can(TokenProvider::Capability::Revoke))
        return;
    QStringList lines;
    for (const Token &token : tokens)
        lines.append(tokenLine(token));
    const QString text = tokens.size() == 1
        ? tr("Revoke the token “%1”? Anything using it stops working.").arg(tokenLine(tokens.first()))
        : tr("Revoke %n tokens? Anything using them stops working.", nullptr, int(tokens.size()));
    if (!askConfirmation(this, tr("Revoke"), text, lines.join(QLatin1Char('\n'))))
        return;

    struct Outcome
    {
        int pending = 0;
        QStringList succeeded;
        QStringList failed;
        bool needsSignIn = false;
        int notAvailable = 0;
        QUuid accountId;
    };
    auto outcome = std::make_shared<Outcome>();
    const bool canVerify = provider->can(TokenProvider::Capability::VerifyValue);
    outcome->pending = int(tokens.size());
    outcome->accountId = singleAccount;
    for (const Token &token : tokens) {
        const QUuid accountId = token.accountId.isNull() ? outcome->accountId : token.accountId;
        AccountSession *session = m_controller->session(accountId);
        auto finishOne = [this, outcome, token, accountId, canVerify](const Result<Done> &result) {
            if (result.ok()) {
                outcome->succeeded.append(tokenLine(token));
                m_tokens->markRevoked(accountId, token.id, m_controller->clock()->now());
            } else {
                outcome->failed.append(tr("%1: %2").arg(tokenLine(token), result.error().fullMessage()));
                if (result.error().kind() == ApiError::Kind::Unauthorized)
                    outcome->needsSignIn = true;
                if (result.error().kind() == ApiError::Kind::NotAvailable)
                    ++outcome->notAvailable;
            }
            if (--outcome->pending > 0)
                return;
            const QString summary = outcome->failed.isEmpty()
                ? tr("%n token(s) revoked.", nullptr, int(outcome->succeeded.size()))
                : tr("%1 revoked, %2 failed:\n%3")
                      .arg(outcome->succeeded.size())
                      .arg(outcome->failed.size())
                      .arg(outcome->failed.join(QLatin1Char('\n')));
            QString statusText = summary.section(QLatin1Char('\n'), 0, 0);
            if (canVerify && outcome->failed.isEmpty() && outcome->succeeded.size() == 1)
                statusText +=
                    QLatin1Char(' ') + tr("To check that the server rejects it: Tokens → Verify a Revoked Token…");
            statusBar()->showMessage(statusText, 10000);
            if (!outcome->failed.isEmpty() && outcome->notAvailable == outcome->failed.size()) {
                // The service has no such route (MagicBell's JWT routes): not an error of the account, no box.
                handleError(outcome->accountId, ApiError(ApiError::Kind::NotAvailable), tr("Revoking"));
                if (!outcome->succeeded.isEmpty())
                    scheduleRefresh(outcome->accountId);
                return;
            }
            if (!outcome->failed.isEmpty())
                setLastError(summary.section(QLatin1Char('\n'), 0, 0));
            showMessage(tr("Revoke"), summary, !outcome->failed.isEmpty());
            if (outcome->needsSignIn)
                requestSignIn(outcome->accountId, tr("The service refused the credentials."));
            scheduleRefresh(outcome->accountId);
        };
        if (!session) {
            finishOne(Result<Done>(ApiError(ApiError::Kind::NotSupported)));
            continue;
        }
        Async::then(session->revoke(token), this, finishOne);
    }
}

void MainWindow::showDetails()
{
    const QList<Token> tokens = selectedTokens();
    const QUuid id = currentAccountId();
    AccountSession *session = m_controller->session(id);
    if (tokens.size() != 1 || !session)
        return;
    Async::then(session->details(tokens.first()), this, [this, id](Result<Token> result) {
        if (!result.ok()) {
            handleError(id, result.error(), tr("Reading token details"));
            return;
        }
        const Token &t = result.value();
        const Clock &clock = *m_controller->clock();
        auto date = [](const std::optional<QDateTime> &d) {
            return d ? QLocale().toString(d->toLocalTime(), QLocale::LongFormat) : tr("—");
        };
        QStringList lines;
        // One line per field whatever the service wrote into it.
        const auto shown = [](const QString &text) {
            return UntrustedText::forDisplay(text, UntrustedText::MessageCap);
        };
        lines << tr("Id: %1").arg(shown(t.id)) << tr("Name: %1").arg(shown(t.label))
              << tr("Kind: %1").arg(shown(t.kind));
        if (!t.subject.isEmpty())
            lines << tr("Subject: %1").arg(shown(t.subject));
        lines << tr("Created: %1").arg(date(t.created))
              << tr("Expires: %1")
                     .arg(t.expiryUnreported ? TimeText::unreportedExpiry() : date(t.effectiveExpiry(clock)));
        if (t.lastUsed)
            lines << tr("Last used: %1").arg(date(t.lastUsed));
        if (t.revoked)
            lines << tr("Revoked: %1").arg(date(t.revoked));
        lines << tr("Status: %1").arg(Token::statusName(t.status(clock)));
        if (!t.scopes.isEmpty())
            lines << tr("Scopes: %1").arg(shown(t.scopes.join(QStringLiteral(", "))));
        for (auto it = t.extra.cbegin(); it != t.extra.cend(); ++it)
            lines << QStringLiteral("%1: %2").arg(shown(it.key()), shown(it.value().toString()));
        showMessage(tr("Token Details"), lines.join(QLatin1Char('\n')), false);
    });
}

void MainWindow::copyId()
{
    const QList<Token> tokens = selectedTokens();
    if (tokens.size() != 1)
        return;
    QGuiApplication::clipboard()->setText(tokens.first().id); // an id, not a secret
    statusBar()->showMessage(tr("Token id copied."), 3000);
}

void MainWindow::inspectJwt()
{
    auto *dialog = new JwtInspectorDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
}

void MainWindow::verifyToken()
{
    TokenProvider *provider = currentProvider();
    if (!provider || !provider->can(TokenProvider::Capability::VerifyValue))
        return;
    auto *dialog = new VerifyTokenDialog(provider, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
}

void MainWindow::inspectCurrent()
{
    const QUuid id = currentAccountId();
    TokenProvider *provider = currentProvider();
    if (!provider || !provider->can(TokenProvider::Capability::InspectCurrent))
        return;
    Async::then(provider->inspectCurrent(), this, [this, id](Result<TokenInspection> result) {
        if (!result.ok()) {
            handleError(id, result.error(), tr("Reading the current session"));
            return;
        }
        auto *dialog = new JwtInspectorDialog(this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->setServerView(result.value());
        dialog->show();
    });
}

void MainWindow::listBySubject()
{
    const QUuid id = currentAccountId();
    TokenProvider *provider = currentProvider();
    if (!provider || !provider->can(TokenProvider::Capability::ListBySubject))
        return;
    bool ok = false;
    // The provider names the identifier it sends (MagicBell: its own user id, not the email).
    const QString subject = QInputDialog::getText(
        this, tr("Tokens of a User"), tr("%1:").arg(provider->subjectLabel()), QLineEdit::Normal, QString(), &ok)
                                .trimmed();
    if (!ok || subject.isEmpty())
        return;
    ListRequest request;
    request.subject = subject;
    refreshAccount(id, request);
}

void MainWindow::revokeAllForSubject()
{
    const QUuid id = currentAccountId();
    AccountSession *session = id.isNull() ? nullptr : m_controller->session(id);
    if (!session || !session->provider()->can(TokenProvider::Capability::RevokeAllForSubject))
        return;
    bool ok = false;
    const QString subject = QInputDialog::getText(this, tr("Revoke All for a Subject"),
        tr("Subject (user id) whose tokens are all revoked:"), QLineEdit::Normal, QString(), &ok)
                                .trimmed();
    if (!ok || subject.isEmpty())
        return;
    if (!askConfirmation(this, tr("Revoke All"),
            tr("Revoke every token of “%1”? Everything signed in as %1 stops working.").arg(subject), {}))
        return;
    Async::then(session->revokeAllForSubject(subject), this, [this, id, subject](Result<Done> result) {
        if (!result.ok()) {
            handleError(id, result.error(), tr("Revoking all tokens of %1").arg(subject));
            return;
        }
        statusBar()->showMessage(tr("All tokens of %1 revoked.").arg(subject), 10000);
        scheduleRefresh(id);
    });
}

void MainWindow::expireAll()
{
    const QUuid id = currentAccountId();
    AccountSession *session = id.isNull() ? nullptr : m_controller->session(id);
    if (!session || !session->provider()->can(TokenProvider::Capability::ExpireAll))
        return;
    QStringList appIds;
    for (const Token &token : m_controller->accountTokens()->tokens(id)) {
        for (const QString &key : {QStringLiteral("appId"), QStringLiteral("app_id")}) {
            const QString app = token.extra.value(key).toString();
            if (!app.isEmpty() && !appIds.contains(app))
                appIds.append(app);
        }
    }
    for (auto it = session->account().options.cbegin(); it != session->account().options.cend(); ++it) {
        if (it.key().contains(QLatin1String("app"), Qt::CaseInsensitive)) {
            const QStringList values = it.value().toStringList();
            for (const QString &app : values) {
                if (!app.isEmpty() && !appIds.contains(app))
                    appIds.append(app);
            }
        }
    }
    ExpireAllDialog dialog(appIds, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const ExpireAllRequest request = dialog.request();
    // The summary names the application, the grace period and the sessions affected (or "all sessions").
    if (!askConfirmation(this, tr("Expire All"),
            dialog.summary() + QLatin1Char(' ') + tr("Anything using those tokens stops working. Continue?"),
            request.sessionIds.join(QLatin1Char('\n'))))
        return;
    Async::then(session->expireAll(request), this, [this, id, request](Result<Done> result) {
        if (!result.ok()) {
            handleError(id, result.error(), tr("Expiring all tokens"));
            return;
        }
        statusBar()->showMessage(request.graceSeconds == 0
                ? tr("The tokens of %1 expired.").arg(request.appId)
                : tr("The tokens of %1 expire in %2.").arg(request.appId, Duration::format(request.graceSeconds)),
            10000);
        scheduleRefresh(id);
    });
}

void MainWindow::logoutToken()
{
    const QUuid id = currentAccountId();
    AccountSession *session = id.isNull() ? nullptr : m_controller->session(id);
    if (!session || !session->provider()->can(TokenProvider::Capability::Logout))
        return;
    bool ok = false;
    QString value = QInputDialog::getText(
        this, tr("Log Out a Token"), tr("Paste the token to log out:"), QLineEdit::Password, QString(), &ok)
                        .trimmed();
    if (!ok || value.isEmpty())
        return;
    Async::then(session->logoutToken(value), this, [this, id](Result<Done> result) {
        if (!result.ok()) {
            handleError(id, result.error(), tr("Logging out the token"));
            return;
        }
        statusBar()->showMessage(tr("The token was logged out."), 10000);
        scheduleRefresh(id);
    });
    value.fill(QLatin1Char(' '));
}

SvixProvider *MainWindow::currentSvix(AccountSession **session) const
{
    const QUuid id = currentAccountId();
    *session = id.isNull() ? nullptr : m_controller->session(id);
    return *session ? qobject_cast<SvixProvider *>((*session)->provider()) : nullptr;
}

void MainWindow::svixDashboardAccess()
{
    const QUuid id = currentAccountId();
    AccountSession *session = nullptr;
    SvixProvider *svix = currentSvix(&session);
    if (!svix)
        return;
    bool ok = false;
    const QString app = QInputDialog::getItem(this, tr("Svix Dashboard Access"),
        tr("Application id or uid (the server may no longer offer this older route):"), svix->appIds(), 0, true, &ok)
                            .trimmed();
    if (!ok || app.isEmpty())
        return;
    QPointer<AccountSession> guard(session);
    Async::then(svix->dashboardAccess(app), this, [this, id, guard, app](Result<CreatedToken> result) {
        if (guard)
            guard->audit(QStringLiteral("dashboard-access"), app, result.ok() ? ApiError() : result.error());
        if (!result.ok()) {
            handleError(id, result.error(), tr("Dashboard access"));
            return;
        }
        auto *reveal = new RevealDialog(result.value(), m_clipboard, this);
        reveal->setAttribute(Qt::WA_DeleteOnClose);
        reveal->open();
    });
}

void MainWindow::svixExchangeOneTimeToken()
{
    const QUuid id = currentAccountId();
    AccountSession *session = nullptr;
    SvixProvider *svix = currentSvix(&session);
    if (!svix)
        return;
    bool ok = false;
    QString value = QInputDialog::getText(this, tr("Exchange a One-Time Token"),
        tr("Paste the one-time token (the key=… part of a magic link):"), QLineEdit::Password, QString(), &ok)
                        .trimmed();
    if (!ok || value.isEmpty())
        return;
    QPointer<AccountSession> guard(session);
    Async::then(svix->exchangeOneTimeToken(value), this, [this, id, guard](Result<QString> result) {
        if (guard)
            guard->audit(
                QStringLiteral("exchange-one-time-token"), QString(), result.ok() ? ApiError() : result.error());
        if (!result.ok()) {
            handleError(id, result.error(), tr("Exchanging the one-time token"));
            return;
        }
        CreatedToken created;
        created.token.kind = QStringLiteral("portal");
        created.token.label = tr("Portal token from a one-time token");
        created.token.accountId = id;
        created.value = result.value();
        auto *reveal = new RevealDialog(created, m_clipboard, this);
        reveal->setAttribute(Qt::WA_DeleteOnClose);
        reveal->open();
    });
    value.fill(QLatin1Char(' '));
}

void MainWindow::trySandbox()
{
    const bool started = m_sandboxLauncher
        ? m_sandboxLauncher()
        : QProcess::startDetached(QCoreApplication::applicationFilePath(), {QStringLiteral("--sandbox")});
    if (!started) {
        setLastError(tr("The sandbox could not be started."));
        return;
    }
    close();
}

// ---- bulk revoke and break-glass --------------------------------------------------------------------------------

void MainWindow::breakGlass()
{
    bool ok = false;
    const QString subject = QInputDialog::getText(this, tr("Revoke Everything for a Subject"),
        tr("Subject in every account (user id, email, uid user@domain, Svix application or session id):"),
        QLineEdit::Normal, QString(), &ok)
                                .trimmed();
    if (!ok || subject.isEmpty())
        return;
    openBreakGlass(subject);
}

void MainWindow::openBreakGlass(const QString &subject)
{
    auto *collector = new AccountListCollector(m_controller, this);
    statusBar()->showMessage(tr("Checking every account for “%1”…").arg(subject));
    connect(collector, &AccountListCollector::finished, this, [this, collector, subject] {
        collector->deleteLater();
        statusBar()->clearMessage();
        openRevokePlan(RevokePlan::forSubject(subject, collector->listed()), QStringLiteral("break-glass"),
            collector->notChecked());
    });
    collector->start();
}

RevokePlanDialog *MainWindow::openRevokePlan(
    const RevokePlan &plan, const QString &action, const QList<QPair<QString, QString>> &notChecked)
{
    AccountController *controller = m_controller;
    auto *dialog = new RevokePlanDialog(
        plan, [controller](const QUuid &id) { return controller->session(id); }, controller->auditLog(), action, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setNotChecked(notChecked);
    connect(dialog, &RevokePlanDialog::runFinished, this, [this](const QList<RevokeOutcome> &outcomes) {
        QSet<QUuid> touched;
        for (const RevokeOutcome &outcome : outcomes) {
            if (outcome.state != RevokeOutcome::State::Succeeded)
                continue;
            touched.insert(outcome.step.accountId);
            if (outcome.step.kind == RevokeStep::Kind::Token) {
                const QDateTime now = m_controller->clock()->now();
                m_tokens->markRevoked(outcome.step.accountId, outcome.step.token.id, now);
                m_allAccounts->tokenModel()->markRevoked(outcome.step.accountId, outcome.step.token.id, now);
            }
        }
        // One refresh per account for the whole run (the sessions do not signal grouped revokes one by one).
        for (const QUuid &id : std::as_const(touched))
            scheduleRefresh(id);
        if (!touched.isEmpty() && isAllAccountsShown())
            m_allAccounts->refreshAll();
    });
    dialog->open();
    return dialog;
}

// ---- audit log, token notes -------------------------------------------------------------------------------------

void MainWindow::showAuditLog()
{
    auto *dialog = new AuditLogDialog(m_controller->auditLog(), m_controller->accounts(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const Preferences::Values &values = m_controller->preferences()->values();
    dialog->setTimeDisplay(values.timeDisplay == Preferences::TimeDisplay::Relative ? TimeText::Display::Relative
                                                                                    : TimeText::Display::Absolute,
        timeZoneOf(values), m_controller->clock());
    dialog->open();
}

void MainWindow::identifyToken()
{
    auto *dialog = new IdentifyTokenDialog(m_controller, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::scanForLeaks()
{
    auto *dialog = new LeakScanDialog(m_controller, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::exportExpiryCalendar()
{
    auto *dialog = new ExpiryCalendarDialog(m_controller, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::editNotes()
{
    const QList<Token> tokens = selectedTokens();
    if (tokens.size() != 1 || !m_controller->tokenNotes())
        return;
    const Token token = tokens.constFirst();
    auto *dialog = new TokenNotesDialog(tokenLine(token), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setNote(m_controller->tokenNotes()->note(token.accountId, token.id).value_or(TokenNote {}));
    connect(dialog, &QDialog::accepted, this, [this, dialog, accountId = token.accountId, tokenId = token.id] {
        TokenNotes *notes = m_controller->tokenNotes();
        const TokenNote note = dialog->note();
        if (!notes->setNote(accountId, tokenId, note)) {
            QMessageBox::warning(this, tr("Edit Notes"), notes->lastError());
            return;
        }
        m_tokens->setNote(accountId, tokenId, note.displayText());
        m_allAccounts->tokenModel()->setNote(accountId, tokenId, note.displayText());
    });
    dialog->open();
}

// ---- preferences ------------------------------------------------------------------------------------------------

void MainWindow::showPreferences()
{
    if (auto *open = findChild<PreferencesDialog *>(); open && open->isVisible()) {
        open->raise();
        open->activateWindow();
        return;
    }
    auto *dialog = new PreferencesDialog(m_controller->preferences(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

// ---- rotation (Tokens → Rotate…; the logic is RotateTokenDialog's and TokenRotation's) ---------------------------

void MainWindow::setUpRotation()
{
    m_rotateToken = new QAction(tr("R&otate…"), this);
    m_rotateToken->setObjectName(QStringLiteral("actionRotateToken"));
    m_rotateToken->setToolTip(tr("Replace the token by a new one with its settings; the old one is revoked after a "
                                 "grace period"));
    connect(m_rotateToken, &QAction::triggered, this, &MainWindow::rotateToken);
    m_tokenMenu->insertAction(m_verifyToken, m_rotateToken);
    tokenContextMenu()->insertAction(m_revokeAllForSubject, m_rotateToken);
}

void MainWindow::updateRotateAction()
{
    if (!m_rotateToken)
        return; // before setUpRotation()
    // Enabled from the token's provider (it can create a successor and end the old token), in both tables.
    const QList<Token> tokens = selectedTokens();
    AccountSession *session = tokens.size() == 1 ? m_controller->session(tokens.first().accountId) : nullptr;
    m_rotateToken->setEnabled(session && session->isValid()
        && TokenRotation::refusal(
            session->provider(), m_controller->rotations(), tokens.first(), 0, m_controller->clock()->now())
               .isEmpty());
}

void MainWindow::rotateToken()
{
    const QList<Token> tokens = selectedTokens();
    AccountSession *session = tokens.size() == 1 ? m_controller->session(tokens.first().accountId) : nullptr;
    if (!session)
        return;
    auto *dialog = new RotateTokenDialog(session, m_controller->rotations(), m_controller->auditLog(),
        m_controller->clock(), m_clipboard, tokens.first(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &RotateTokenDialog::rotationScheduled, this, [this] { m_controller->rotationFinisher()->watch(); });
    dialog->open();
}
