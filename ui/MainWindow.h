#pragma once

#include "core/Token.h"
#include "tokens/TokenSelection.h"

#include <QDateTime>
#include <QList>
#include <QMainWindow>
#include <QUuid>

#include <functional>

class AccountCommands;
class AccountController;
class AccountPage;
class AccountSidebar;
class AllAccountsView;
class AlertCenter;
class ClipboardGuard;
class EmptyStateOverlay;
class EmptyStates;
class HelpCommands;
class ErrorPresenter;
class KeychainBar;
class ExpiryBanner;
class QLineEdit;
class QMenu;
class QSplitter;
class QStackedWidget;
class QTableView;
class QTreeView;
class SignInFlow;
class SignInPanel;
class TokenFilterModel;
class TokenListModel;
class TokenOperations;
class TokenRevoker;
class TokenTableView;
class TrayIcon;
class WelcomePage;
class WindowActions;

// The main window is the frame: accounts grouped by service in a sidebar (with "All accounts" above them), the
// selected account's page or the All accounts view beside it, the menus, toolbar and status bar, the window's
// saved state and the tray icon. It routes each action to the part that does it, as KeePassXC's MainWindow
// routes to its DatabaseWidget: WindowActions (the actions and when they are enabled), AccountPage (one
// account's table), SignInFlow, TokenOperations and TokenRevoker (what is done to tokens), AccountCommands
// (adding, editing, removing accounts) and ErrorPresenter (every error and status message).
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    // What the window needs before it first paints is the frame, the sidebar and the empty pages. The sessions
    // (which open the database), their first listing (which reads the keychain) and the tray icon start in
    // start(): at once (Now), or right after the first paint (AfterFirstPaint, what the application does, so the
    // window appears as soon as a bare one would).
    enum class Start { Now, AfterFirstPaint };
    explicit MainWindow(AccountController *controller, Start start = Start::Now, QWidget *parent = nullptr);
    ~MainWindow() override;

    // Connects the accounts' sessions, lists the selected account and makes the tray icon; once (later calls do
    // nothing). With Start::AfterFirstPaint it runs after the first paint, or when called: a window started
    // hidden in the tray never paints.
    void start();
    bool isStarted() const { return m_started; }
    // How the application opens the window: hidden in the tray when Preferences ask for it and a tray exists to
    // bring it back (it then never paints, so it starts at once), otherwise shown (it starts after its first paint).
    void open();

    // Marks the window as running on the embedded sandbox (title, no persistent state).
    void setSandboxMode(bool on);
    bool isSandboxMode() const { return m_sandbox; }

    AccountController *controller() const { return m_controller; }
    TokenListModel *tokenModel() const;
    TokenFilterModel *filterModel() const;
    QTreeView *accountView() const;
    AllAccountsView *allAccountsView() const { return m_allAccounts; } // null before start()
    bool isAllAccountsShown() const;
    QTableView *tokenView() const;
    QLineEdit *filterEdit() const;
    ClipboardGuard *clipboardGuard() const { return m_clipboard; }
    AlertCenter *alertCenter() const { return m_alerts; }
    WindowActions *windowActions() const { return m_actions; }
    ErrorPresenter *errorPresenter() const { return m_errors; }
    // The sign-in panel in the table area (shown for a signed-out account instead of its empty table).
    SignInPanel *signInPanel() const { return m_signInPanel; }
    bool isSignInPanelShown() const;
    KeychainBar *keychainBar() const { return m_keychainBar; } // null before start()
    // The empty-state message over the account's table.
    EmptyStateOverlay *emptyState() const;
    // Replaces starting `tokendesk --sandbox` for "Try the sandbox" (tests); returns whether it started.
    void setSandboxLauncher(std::function<bool()> launcher) { m_sandboxLauncher = std::move(launcher); }
    ExpiryBanner *expiryBanner() const;
    TrayIcon *trayIcon() const { return m_tray; } // null without a system tray
    QMenu *tokenContextMenu(); // the token tables' context menu (both tables share it)
    // Makes the tray icon when the constructor did not (the platform reported no tray then; a tray host can
    // start later). Tests use it offscreen.
    TrayIcon *ensureTrayIcon();
    // Whether closing the window hides it to the tray instead (Preferences: closeToTray, and a tray icon).
    bool closesToTray() const;

    // The account selected in the sidebar (null when none or a group row).
    QUuid currentAccountId() const;
    void selectAccount(const QUuid &id);
    QList<Token> selectedTokens() const;

    // The window's state in window.ini (WindowSettings) and each table's column layout.
    void saveSettings() const;
    void restoreSettings();

    QString lastError() const;
    // The non-fatal warning of the current account's last refresh (TokenProvider::warning); empty when none.
    QString lastWarning() const;
    QDateTime lastRefresh() const;

public slots:
    void refresh();
    void newToken();
    void revokeSelected();
    // Lists every account at once, plans RevokePlan::forSubject and opens the RevokePlanDialog.
    void openBreakGlass(const QString &subject);
    void showAllAccounts(); // the "All accounts" entry of the sidebar
    void updateActions();
    void quitApplication(); // File → Quit and the tray's Quit: closes for real, also when closing to the tray
    // Help: Ctrl+K over every action and account, the shortcut sheet, About.

signals:
    // A refresh of this account finished (tests wait for it).
    void refreshed(const QUuid &accountId, bool ok);

protected:
    bool event(QEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void closeEvent(QCloseEvent *event) override;

private:
    void createWidgets();
    void createAllAccountsView();
    void connectTable(TokenTableView *table);
    QList<TokenListModel *> tokenModels() const; // of both tables (the account page's only, before start())
    void connectParts();
    void routeActions();
    void applyPreferences();
    void onAccountsChanged();
    void showAccountsOrWelcome();
    void onCurrentAccountChanged();
    void selectToken(const QUuid &accountId, const QString &tokenKey);
    TokenSelection selection() const; // read live by the token operations and the revoker
    void trySandbox();
    void showPreferences();
    void showSignInPanel(const QUuid &id, const QString &reason);
    void showAccountPage();

    AccountController *m_controller;
    ClipboardGuard *m_clipboard;
    AlertCenter *m_alerts;
    ErrorPresenter *m_errors;
    WindowActions *m_actions;
    TrayIcon *m_tray = nullptr;
    bool m_quitting = false; // quitApplication() is closing the window: no hiding to the tray
    bool m_sandbox = false;
    bool m_started = false;
    bool m_startAfterPaint = false;
    std::function<bool()> m_sandboxLauncher; // tests replace starting `tokendesk --sandbox`

    QStackedWidget *m_stack = nullptr;
    WelcomePage *m_welcome = nullptr;
    QSplitter *m_splitter = nullptr;
    AccountSidebar *m_sidebar = nullptr;
    AllAccountsView *m_allAccounts = nullptr;
    AccountPage *m_page = nullptr;
    QWidget *m_tableArea = nullptr; // the keychain bar above the table stack
    QStackedWidget *m_tableStack = nullptr; // the account's page, the all-accounts view or the sign-in panel
    SignInPanel *m_signInPanel = nullptr;
    KeychainBar *m_keychainBar = nullptr;
    EmptyStates *m_emptyStates = nullptr;
    HelpCommands *m_help = nullptr;

    SignInFlow *m_signIn = nullptr;
    TokenOperations *m_operations = nullptr;
    TokenRevoker *m_revoker = nullptr;
    AccountCommands *m_accounts = nullptr;
};
