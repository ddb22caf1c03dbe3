#pragma once

#include "core/Result.h"
#include "core/Token.h"
#include "providers/TokenProvider.h"

#include <QHash>
#include <QList>
#include <QMainWindow>
#include <QPointer>
#include <QSet>
#include <QUuid>

#include <functional>

class AccountController;
class AccountSession;
class AllAccountsView;
class AlertCenter;
class ExpiryBanner;
class RevokePlan;
class RevokePlanDialog;
class SvixProvider;
class TrayIcon;
class ClipboardGuard;
class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QMenu;
class QMessageBox;
class QSplitter;
class QStackedWidget;
class QTableView;
class QTreeView;
class TokenFilterModel;
class TokenListModel;

// The main window: accounts grouped by service in a sidebar, the selected account's tokens in a sortable,
// filterable table with a live remaining life, and every token action in the toolbar, the menus and the
// table's context menu. Actions are enabled from the selected account's provider capabilities and the
// selection only.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(AccountController *controller, QWidget *parent = nullptr);
    ~MainWindow() override;

    // Marks the window as running on the embedded sandbox (title, no persistent state).
    void setSandboxMode(bool on);
    bool isSandboxMode() const { return m_sandbox; }

    AccountController *controller() const { return m_controller; }
    TokenListModel *tokenModel() const { return m_tokens; }
    TokenFilterModel *filterModel() const { return m_filter; }
    QTreeView *accountView() const { return m_accountView; }
    AllAccountsView *allAccountsView() const { return m_allAccounts; }
    bool isAllAccountsShown() const;
    QTableView *tokenView() const { return m_tokenView; }
    QLineEdit *filterEdit() const { return m_filterEdit; }
    ClipboardGuard *clipboardGuard() const { return m_clipboard; }
    AlertCenter *alertCenter() const { return m_alerts; }
    // Replaces starting `tokendesk --sandbox` for "Try the sandbox" (tests); returns whether it started.
    void setSandboxLauncher(std::function<bool()> launcher) { m_sandboxLauncher = std::move(launcher); }
    ExpiryBanner *expiryBanner() const { return m_expiryBanner; }
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

    // The settings file for window geometry and state (under the config dir).
    QString settingsPath() const;
    void saveSettings() const;
    void restoreSettings();

    QString lastError() const { return m_lastError; }
    // The non-fatal warning of the current account's last refresh (TokenProvider::warning); empty when none.
    QString lastWarning() const;
    QDateTime lastRefresh() const { return m_lastRefresh; }

public slots:
    void refresh();
    void addAccount();
    void editAccount();
    void removeAccount();
    void signIn();
    void signOut();
    void newToken();
    void revokeSelected();
    void showDetails();
    void copyId();
    void inspectJwt();
    void inspectCurrent();
    void verifyToken(); // Tokens → Verify a Revoked Token…
    void listBySubject();
    void revokeAllForSubject();
    void expireAll();
    void logoutToken();
    // Svix seed operations outside the common interface: a dashboard-access token for an application, and
    // trading a magic link's one-time token for the portal token; both shown once in the reveal dialog.
    void svixDashboardAccess();
    void svixExchangeOneTimeToken();
    void trySandbox();
    void updateActions();
    void updateRevokeRefusal();
    void showAllAccounts(); // the "All accounts" entry of the sidebar
    void breakGlass(); // Tokens → Revoke Everything for a Subject: asks for the subject, then openBreakGlass()
    // Lists every account at once, plans RevokePlan::forSubject and opens the RevokePlanDialog (accounts that
    // fail are shown there as not checked).
    void openBreakGlass(const QString &subject);
    void showAuditLog(); // Tools → Audit Log…
    void identifyToken(); // Tokens → Identify…
    void scanForLeaks(); // Tools → Scan for Leaked Tokens…
    void exportExpiryCalendar(); // Tools → Export Expiry Calendar…
    void editNotes(); // Tokens → Edit Notes…: owner / where used of the selected token
    void showPreferences(); // Edit → Preferences…
    void quitApplication(); // File → Quit and the tray's Quit: closes for real, also when closing to the tray

signals:
    // A refresh of this account finished (tests wait for it).
    void refreshed(const QUuid &accountId, bool ok);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    // The current account's session and, when its provider is Svix, that provider (for the Svix-only actions).
    SvixProvider *currentSvix(AccountSession **session) const;
    void createActions();
    void execTokenContextMenu(const QPoint &globalPos);
    void createMenus();
    void createWidgets();
    void onAccountsChanged();
    void fillEmptyState(); // the welcome page's logo and rich text, built when it is first shown
    void onCurrentAccountChanged();
    void showTokensOf(const QUuid &id);
    void refreshAccount(const QUuid &id, const ListRequest &request = {});
    void scheduleRefresh(const QUuid &id); // coalesced, on the next event loop pass
    void handleError(const QUuid &id, const ApiError &error, const QString &what);
    void requestSignIn(const QUuid &id, const QString &reason);
    void startSignIn(const QUuid &id);
    void runMfa(const QUuid &id, const MfaChallenge &challenge);
    void setAccountState(const QUuid &id, const QString &state);
    void updateAccountStatus(const QUuid &id);
    void updateKeychainBanner();
    void showMessage(const QString &title, const QString &text, bool error);
    void setLastError(const QString &message);
    void showWarningOf(const QUuid &id);
    void selectToken(const QUuid &accountId, const QString &tokenKey);
    void connectSession(const QUuid &id, AccountSession *session);
    TokenProvider *currentProvider() const;
    RevokePlanDialog *openRevokePlan(
        const RevokePlan &plan, const QString &action, const QList<QPair<QString, QString>> &notChecked = {});
    QAction *makeAction(const QString &objectName, const QString &text, const QString &icon, void (MainWindow::*slot)(),
        const QList<QKeySequence> &shortcuts = {});

    AccountController *m_controller;
    TokenListModel *m_tokens;
    TokenFilterModel *m_filter;
    ClipboardGuard *m_clipboard;
    AlertCenter *m_alerts = nullptr;
    ExpiryBanner *m_expiryBanner = nullptr;
    TrayIcon *m_tray = nullptr;
    QMenu *m_tokenContextMenu = nullptr;
    bool m_quitting = false; // quitApplication() is closing the window: no hiding to the tray
    bool m_trayHintShown = false; // "still running in the tray" is said once per run
    bool m_sandbox = false;
    std::function<bool()> m_sandboxLauncher; // tests replace starting `tokendesk --sandbox`

    QStackedWidget *m_stack = nullptr;
    QSplitter *m_splitter = nullptr;
    QTreeView *m_accountView = nullptr;
    QListWidget *m_allAccountsEntry = nullptr; // "All accounts" above the sidebar's tree
    AllAccountsView *m_allAccounts = nullptr;
    QStackedWidget *m_tableStack = nullptr; // the account's table or the all-accounts view
    QTableView *m_tokenView = nullptr;
    QLineEdit *m_filterEdit = nullptr;
    QComboBox *m_statusCombo = nullptr;
    QLabel *m_keychainBanner = nullptr;
    QLabel *m_refreshLabel = nullptr;
    QLabel *m_errorLabel = nullptr;
    QLabel *m_warningLabel = nullptr;
    QLabel *m_tableTitle = nullptr;
    QMenu *m_tokenMenu = nullptr;
    QPointer<QMessageBox> m_messageBox;

    QAction *m_newAccount = nullptr;
    QAction *m_editAccount = nullptr;
    QAction *m_removeAccount = nullptr;
    QAction *m_signIn = nullptr;
    QAction *m_signOut = nullptr;
    QAction *m_newToken = nullptr;
    QAction *m_revoke = nullptr;
    QString m_revokeTip; // Revoke's own tooltip, shown again when no selected token refuses revocation
    QAction *m_refresh = nullptr;
    QAction *m_details = nullptr;
    QAction *m_copyId = nullptr;
    QAction *m_inspectJwt = nullptr;
    QAction *m_inspectCurrent = nullptr;
    QAction *m_listBySubject = nullptr;
    QAction *m_revokeAllForSubject = nullptr;
    QAction *m_expireAll = nullptr;
    QAction *m_logoutToken = nullptr;
    QAction *m_svixDashboardAccess = nullptr;
    QAction *m_svixExchangeOneTime = nullptr;
    QAction *m_verifyToken = nullptr; // Tokens → Verify a Revoked Token…
    QAction *m_jwtInspector = nullptr;
    QAction *m_editNotes = nullptr;
    QAction *m_findAction = nullptr;
    QAction *m_quit = nullptr;

    QHash<QUuid, QString> m_accountState; // "signed in", "sign-in needed", last error...
    QHash<QUuid, QString> m_warnings; // the provider's warning during the account's last refresh
    QSet<QUuid> m_signInOpen; // accounts with a sign-in dialog up
    QSet<QUuid> m_connected; // sessions whose signals are connected
    QSet<QUuid> m_refreshScheduled; // accounts with a scheduleRefresh() pending
    QString m_lastError;
    QDateTime m_lastRefresh;
    QByteArray m_pendingHeaderState;

    // Rotation: Tokens → Rotate… and the table's context menu open RotateTokenDialog.
    void setUpRotation();
    void updateRotateAction();
    void rotateToken();
    QAction *m_rotateToken = nullptr;
};
