#pragma once

#include "core/Token.h"

#include <QKeySequence>
#include <QList>
#include <QMap>
#include <QObject>
#include <QUuid>

#include <functional>

class QAction;
class QMainWindow;
class QMenu;
class TokenProvider;

// Every action of the main window (menus, toolbar, the token tables' context menu, the sidebar's menu), and the
// one rule that enables them: from the selected account's provider capabilities and the token selection only,
// never from the provider id. Every disabled action's tooltip says why (no account, not offered by the
// service, no token selected; a selection no service can revoke names the refusal).
// The window decides what an action does (WindowActions only owns and enables them).
class WindowActions : public QObject
{
    Q_OBJECT
public:
    enum class Id {
        NewAccount,
        EditAccount,
        RemoveAccount,
        Quit,
        Preferences,
        SignIn,
        SignOut,
        InspectCurrent,
        AllAccounts,
        Refresh,
        NewToken,
        Details,
        CopyId,
        InspectJwt,
        Revoke,
        RotateToken,
        VerifyToken,
        Identify,
        ListBySubject,
        RevokeAllForSubject, // in every account, through the revoke plan (break-glass)
        ExpireAll,
        LogoutToken,
        SvixDashboardAccess,
        SvixExchangeOneTimeToken,
        EditNotes,
        Find,
        AuditLog,
        LeakScan,
        ExpiryCalendar,
        CommandPalette,
        KeyboardShortcuts,
        About,
    };

    // What the actions are enabled for.
    struct Context
    {
        QUuid accountId; // the account selected in the sidebar; null for none or All accounts
        TokenProvider *provider = nullptr; // its provider; null when none or not in this build
        QList<Token> selected; // the selected tokens of the shown table
        bool allAccounts = false; // the All accounts table is shown (its selection may span accounts)
        bool hasAccounts = false; // any account exists (All accounts and the palette's accounts need one)
        // The provider of a token's account (tokens of the account page may carry no accountId: the current one).
        std::function<TokenProvider *(const Token &)> providerOf;
        // Why a token cannot be rotated now (empty: it can); unset: rotation is not offered.
        std::function<QString(const Token &)> rotationRefusal;
    };

    // Creates the actions on `window` (their shortcuts work even when an action is only in a menu).
    explicit WindowActions(QMainWindow *window);

    QAction *action(Id id) const { return m_actions.value(id); }
    // The menu bar and the main toolbar of the window.
    void createMenus();
    // The menu bar's menus, in order (the command palette and the shortcut sheet read them).
    QList<QMenu *> menus() const { return m_menus; }
    // The token tables' context menu (both tables share it).
    QMenu *tokenContextMenu();
    // The sidebar's context menu entries.
    QList<QAction *> accountActions() const;

    // Enables the actions for `context`; a disabled action's tooltip (and so the palette) says why.
    void update(const Context &context);
    // The tooltip of the action when enabled: its name and first shortcut.
    QString baseTip(Id id) const { return m_tips.value(id); }

private:
    void enable(Id id, bool on, const QString &reason);
    QAction *make(Id id, const QString &objectName, const QString &text, const QString &icon,
        const QList<QKeySequence> &shortcuts = {});
    void updateRevokeRefusal(const Context &context);

    QMainWindow *m_window;
    QMap<Id, QAction *> m_actions;
    QMenu *m_tokenContextMenu = nullptr;
    QList<QMenu *> m_menus;
    QMap<Id, QString> m_tips; // each action's own tooltip, shown again once it is enabled
};
