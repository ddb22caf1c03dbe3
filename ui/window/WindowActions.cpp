#include "WindowActions.h"

#include "Icons.h"
#include "providers/TokenProvider.h"
#include "providers/svix/SvixProvider.h"

#include <QAction>
#include <QIcon>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QToolBar>

WindowActions::WindowActions(QMainWindow *window)
    : QObject(window)
    , m_window(window)
{
    make(Id::NewAccount, QStringLiteral("actionNewAccount"), tr("&New Account…"), QStringLiteral("account-new"),
        {QKeySequence(Qt::CTRL | Qt::Key_N)});
    make(Id::EditAccount, QStringLiteral("actionEditAccount"), tr("&Edit Account…"), QStringLiteral("account-edit"));
    make(Id::RemoveAccount, QStringLiteral("actionRemoveAccount"), tr("&Remove Account…"),
        QStringLiteral("account-remove"));
    make(Id::SignIn, QStringLiteral("actionSignIn"), tr("Sign &In…"), QStringLiteral("sign-in"));
    make(Id::SignOut, QStringLiteral("actionSignOut"), tr("Sign &Out"), QStringLiteral("sign-out"));
    make(Id::NewToken, QStringLiteral("actionNewToken"), tr("New &Token…"), QStringLiteral("token-new"),
        {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N), QKeySequence(Qt::CTRL | Qt::Key_T)});
    make(Id::Revoke, QStringLiteral("actionRevoke"), tr("&Revoke…"), QStringLiteral("token-revoke"),
        {QKeySequence(QKeySequence::Delete)});
    make(Id::VerifyToken, QStringLiteral("actionVerifyToken"), tr("&Verify a Revoked Token…"), QString());
    // Its own tooltip says what rotation is; the name alone does not.
    QAction *rotate = make(Id::RotateToken, QStringLiteral("actionRotateToken"), tr("R&otate…"), QString());
    const QString rotateTip =
        tr("Replace the token by a new one with its settings; the old one is revoked after a grace period");
    rotate->setToolTip(rotateTip);
    rotate->setStatusTip(rotateTip);
    m_tips.insert(Id::RotateToken, rotateTip);
    make(Id::Refresh, QStringLiteral("actionRefresh"), tr("Re&fresh"), QStringLiteral("refresh"),
        {QKeySequence(Qt::Key_F5)});
    make(Id::Details, QStringLiteral("actionDetails"), tr("&Details…"), QStringLiteral("details"));
    make(Id::CopyId, QStringLiteral("actionCopyId"), tr("&Copy Id"), QStringLiteral("copy"));
    make(Id::InspectJwt, QStringLiteral("actionInspectJwt"), tr("Inspect &JWT…"), QStringLiteral("inspect"));
    make(
        Id::InspectCurrent, QStringLiteral("actionInspectCurrent"), tr("Current &Session…"), QStringLiteral("session"));
    make(Id::ListBySubject, QStringLiteral("actionListBySubject"), tr("Tokens of a &User…"), QStringLiteral("subject"));
    make(Id::ExpireAll, QStringLiteral("actionExpireAll"), tr("E&xpire All…"), QStringLiteral("expire-all"));
    make(Id::LogoutToken, QStringLiteral("actionLogoutToken"), tr("&Log Out a Token…"), QStringLiteral("logout-token"));
    make(Id::SvixDashboardAccess, QStringLiteral("actionSvixDashboardAccess"), tr("Svix: Dash&board Access…"),
        QString());
    make(Id::SvixExchangeOneTimeToken, QStringLiteral("actionSvixExchangeOneTimeToken"),
        tr("Svix: Exchange a One-Time To&ken…"), QString());
    make(Id::EditNotes, QStringLiteral("actionEditNotes"), tr("Edit &Notes…"), QString(), {QKeySequence(Qt::Key_F2)});
    make(Id::Find, QStringLiteral("actionFind"), tr("&Find"), QStringLiteral("filter"),
        {QKeySequence(QKeySequence::Find)});
    make(
        Id::Quit, QStringLiteral("actionQuit"), tr("&Quit"), QStringLiteral("quit"), {QKeySequence(QKeySequence::Quit)})
        ->setMenuRole(QAction::QuitRole);
    QList<QKeySequence> preferenceKeys {QKeySequence(Qt::CTRL | Qt::Key_Comma)};
    if (const QKeySequence platform(QKeySequence::Preferences);
        !platform.isEmpty() && platform != preferenceKeys.first())
        preferenceKeys.prepend(platform);
    make(Id::Preferences, QStringLiteral("actionPreferences"), tr("&Preferences…"), QString(), preferenceKeys)
        ->setMenuRole(QAction::PreferencesRole);
    make(Id::AllAccounts, QStringLiteral("actionAllAccounts"), tr("A&ll Accounts"), QString(),
        {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A)});
    make(Id::Identify, QStringLiteral("actionIdentify"), tr("&Identify…"), QString());
    // One action for "revoke everything of this subject": it plans over every account and uses a service's own
    // revoke-all call where it has one, so a per-account variant under another name would only confuse.
    make(Id::RevokeAllForSubject, QStringLiteral("actionRevokeAllForSubject"), tr("Revoke &All for a Subject…"),
        QStringLiteral("token-revoke"), {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Delete)});
    make(Id::AuditLog, QStringLiteral("actionAuditLog"), tr("&Audit Log…"), QString(),
        {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L)});
    make(Id::LeakScan, QStringLiteral("actionLeakScan"), tr("Scan for &Leaked Tokens…"), QString());
    make(Id::ExpiryCalendar, QStringLiteral("actionExpiryCalendar"), tr("Export Expiry &Calendar…"), QString());
    make(Id::CommandPalette, QStringLiteral("actionCommandPalette"), tr("&Command Palette…"), QString(),
        {QKeySequence(Qt::CTRL | Qt::Key_K)});
    make(Id::KeyboardShortcuts, QStringLiteral("actionKeyboardShortcuts"), tr("&Keyboard Shortcuts"), QString());
    make(Id::About, QStringLiteral("actionAbout"), tr("&About TokenDesk"), QString())->setMenuRole(QAction::AboutRole);
}

QAction *WindowActions::make(
    Id id, const QString &objectName, const QString &text, const QString &icon, const QList<QKeySequence> &shortcuts)
{
    auto *action = new QAction(text, this);
    action->setObjectName(objectName);
    if (!icon.isEmpty())
        action->setIcon(Icons::action(icon));
    if (!shortcuts.isEmpty())
        action->setShortcuts(shortcuts);
    QString tip = QString(text).remove(QLatin1Char('&')).remove(QStringLiteral("…"));
    if (!shortcuts.isEmpty())
        tip += QStringLiteral(" (%1)").arg(shortcuts.first().toString(QKeySequence::NativeText));
    action->setToolTip(tip);
    action->setStatusTip(tip);
    m_tips.insert(id, tip);
    m_window->addAction(action); // shortcuts work even when the action is only in a menu
    m_actions.insert(id, action);
    return action;
}

void WindowActions::createMenus()
{
    const auto fill = [this](QWidget *menu, std::initializer_list<Id> ids) {
        for (Id id : ids)
            menu->addAction(action(id));
    };
    QMenuBar *bar = m_window->menuBar();
    const auto menu = [this, bar](const QString &title) {
        QMenu *added = bar->addMenu(title);
        m_menus.append(added);
        return added;
    };
    QMenu *file = menu(tr("&File"));
    fill(file, {Id::NewAccount, Id::EditAccount, Id::RemoveAccount});
    file->addSeparator();
    file->addAction(action(Id::Quit));

    fill(menu(tr("&Edit")), {Id::Preferences});

    QMenu *account = menu(tr("&Account"));
    fill(account, {Id::SignIn, Id::SignOut, Id::InspectCurrent});
    account->addSeparator();
    fill(account, {Id::AllAccounts, Id::Refresh});

    QMenu *tokens = menu(tr("&Tokens"));
    fill(tokens, {Id::NewToken, Id::Details, Id::CopyId});
    tokens->addSeparator();
    fill(tokens,
        {Id::Revoke, Id::RotateToken, Id::VerifyToken, Id::Identify, Id::ListBySubject, Id::RevokeAllForSubject,
            Id::ExpireAll, Id::LogoutToken, Id::SvixDashboardAccess, Id::SvixExchangeOneTimeToken});
    tokens->addSeparator();
    fill(tokens, {Id::EditNotes});

    // One JWT inspector: it inspects the selected token when there is one, else asks for a value.
    fill(menu(tr("T&ools")), {Id::InspectJwt, Id::Find, Id::AuditLog, Id::LeakScan, Id::ExpiryCalendar});

    QMenu *help = menu(tr("&Help"));
    fill(help, {Id::CommandPalette, Id::KeyboardShortcuts});
    help->addSeparator();
    help->addAction(action(Id::About));

    QToolBar *toolbar = m_window->addToolBar(tr("Main"));
    toolbar->setObjectName(QStringLiteral("mainToolBar"));
    // Words beside the icons: "New Account" and "New Token" have look-alike icons.
    toolbar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolbar->setAccessibleName(tr("Main toolbar"));
    fill(toolbar, {Id::NewAccount, Id::SignIn});
    toolbar->addSeparator();
    fill(toolbar, {Id::NewToken, Id::Revoke, Id::Refresh, Id::Details});
}

QMenu *WindowActions::tokenContextMenu()
{
    if (!m_tokenContextMenu) {
        // One menu for both tables; actions that do not apply (per-account ones in All accounts) are disabled by
        // update() like everywhere else.
        m_tokenContextMenu = new QMenu(m_window);
        m_tokenContextMenu->setObjectName(QStringLiteral("tokenContextMenu"));
        const QList<QList<Id>> groups {{Id::Details, Id::CopyId, Id::InspectJwt}, {Id::EditNotes},
            {Id::Revoke, Id::RotateToken, Id::RevokeAllForSubject}, {Id::NewToken, Id::Refresh}};
        for (const QList<Id> &group : groups) {
            if (!m_tokenContextMenu->isEmpty())
                m_tokenContextMenu->addSeparator();
            for (Id id : group)
                m_tokenContextMenu->addAction(action(id));
        }
    }
    return m_tokenContextMenu;
}

QList<QAction *> WindowActions::accountActions() const
{
    return {action(Id::SignIn), action(Id::SignOut), action(Id::Refresh), action(Id::EditAccount),
        action(Id::RemoveAccount)};
}

void WindowActions::enable(Id id, bool on, const QString &reason)
{
    QAction *target = action(id);
    target->setEnabled(on);
    const QString tip = on || reason.isEmpty() ? m_tips.value(id) : reason;
    target->setToolTip(tip);
    target->setStatusTip(tip);
}

void WindowActions::update(const Context &context)
{
    TokenProvider *provider = context.provider;
    const auto can = [provider](TokenProvider::Capability capability) { return provider && provider->can(capability); };
    const int selected = int(context.selected.size());
    // Why an action that needs the account's service is disabled: no account chosen, or its service lacks it.
    const QString noAccount = context.allAccounts ? tr("Choose one account in the sidebar: this acts on one account.")
                                                  : tr("Choose an account in the sidebar first.");
    const QString notOffered = provider
        ? tr("This account's service does not offer this.")
        : (context.accountId.isNull() ? noAccount : tr("This service is not available in this build."));
    const auto needs = [&](Id id, TokenProvider::Capability capability) { enable(id, can(capability), notOffered); };
    const QString selectOne = tr("Select one token first.");
    const QString selectSome = tr("Select one or more tokens first.");

    enable(Id::EditAccount, !context.accountId.isNull(), noAccount);
    enable(Id::RemoveAccount, !context.accountId.isNull(), noAccount);
    needs(Id::SignIn, TokenProvider::Capability::SignIn);
    if (can(TokenProvider::Capability::SignOut))
        enable(Id::SignOut, provider->isSignedIn(), tr("Not signed in."));
    else
        enable(Id::SignOut, false, notOffered);
    enable(Id::AllAccounts, context.hasAccounts, tr("Add an account first."));
    enable(Id::Refresh,
        context.allAccounts || can(TokenProvider::Capability::List) || can(TokenProvider::Capability::LedgerBacked),
        notOffered);
    needs(Id::NewToken, TokenProvider::Capability::Create);
    if (context.allAccounts || can(TokenProvider::Capability::Revoke))
        enable(Id::Revoke, selected > 0, selectSome);
    else
        enable(Id::Revoke, false, notOffered);
    // Details asks the selected token's own service, so it works in All accounts too.
    if (selected == 1) {
        const TokenProvider *owner = context.providerOf ? context.providerOf(context.selected.first()) : provider;
        enable(Id::Details, owner && owner->can(TokenProvider::Capability::Details),
            owner ? tr("This account's service does not offer this.") : notOffered);
    } else {
        enable(Id::Details, false,
            context.allAccounts || can(TokenProvider::Capability::Details) ? selectOne : notOffered);
    }
    enable(Id::CopyId, selected == 1, selectOne);
    // Notes are kept by token id: a token without one (some ledger rows) cannot carry its own note.
    if (selected == 1 && context.selected.first().id.isEmpty())
        enable(Id::EditNotes, false, tr("This token has no id to keep a note by."));
    else
        enable(Id::EditNotes, selected == 1, selectOne);
    needs(Id::InspectCurrent, TokenProvider::Capability::InspectCurrent);
    needs(Id::ListBySubject, TokenProvider::Capability::ListBySubject);
    enable(Id::RevokeAllForSubject, context.hasAccounts, tr("Add an account first."));
    needs(Id::ExpireAll, TokenProvider::Capability::ExpireAll);
    needs(Id::LogoutToken, TokenProvider::Capability::Logout);
    // Svix-only seed operations; the open-source Svix server does not route the one-time-token exchange.
    const auto *svix = qobject_cast<const SvixProvider *>(provider);
    action(Id::SvixDashboardAccess)->setVisible(svix != nullptr);
    action(Id::SvixExchangeOneTimeToken)->setVisible(svix != nullptr);
    enable(Id::SvixDashboardAccess, svix != nullptr, notOffered);
    enable(Id::SvixExchangeOneTimeToken, svix && !svix->isOpenSourceServer(),
        tr("The open-source Svix server does not offer one-time tokens."));
    needs(Id::VerifyToken, TokenProvider::Capability::VerifyValue);
    // Rotation: one token whose provider can make its successor and end it, not already rotating.
    const QString rotationRefusal = selected != 1 ? tr("Select one token to rotate.")
        : context.rotationRefusal                 ? context.rotationRefusal(context.selected.first())
                                                  : tr("Rotation is not available here.");
    enable(Id::RotateToken, rotationRefusal.isEmpty(), rotationRefusal);
    enable(Id::InspectJwt, true, {});
    updateRevokeRefusal(context);
}

void WindowActions::updateRevokeRefusal(const Context &context)
{
    // A selection of tokens no service can revoke (MagicBell user JWTs signed here) disables Revoke and says why.
    QString refusal;
    for (const Token &token : context.selected) {
        const TokenProvider *provider = context.providerOf ? context.providerOf(token) : nullptr;
        refusal = provider ? provider->revokeRefusal(token) : QString();
        if (refusal.isEmpty())
            break;
    }
    if (!refusal.isEmpty())
        enable(Id::Revoke, false, refusal);
}
