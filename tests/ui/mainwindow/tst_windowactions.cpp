#include "providers/TokenProvider.h"
#include "window/WindowActions.h"

#include <QAction>
#include <QMainWindow>
#include <QMenu>
#include <QNetworkAccessManager>
#include <QTest>
#include <QToolBar>

#include <memory>

namespace {

// A provider with the capabilities a test gives it; it refuses to revoke tokens of kind "signed-here".
class FakeCapabilityProvider final : public TokenProvider
{
public:
    FakeCapabilityProvider(const Account &account, const ProviderContext &context, Capabilities capabilities)
        : TokenProvider(account, context)
        , m_capabilities(capabilities)
    { }
    Capabilities capabilities() const override { return m_capabilities; }
    QString revokeRefusal(const Token &token) const override
    {
        return token.kind == QLatin1String("signed-here") ? QStringLiteral("signed here: cannot revoke") : QString();
    }

private:
    Capabilities m_capabilities;
};

Token token(const QString &id, const QString &kind = QStringLiteral("project"))
{
    Token t;
    t.id = id;
    t.kind = kind;
    return t;
}

} // namespace

// WindowActions: every action exists once on the window, and the enabling rule follows the provider's
// capabilities and the selection only (also in All accounts, where no account is selected).
class TestWindowActions : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void nothingSelectedDisablesAccountActions();
    void capabilitiesAndSelectionEnable();
    void allAccountsSelectionSpansAccounts();
    void refusalDisablesRevokeAndSaysWhy();
    void contextMenuSharesTheActions();
    void everyDisabledActionSaysWhy();
    void helpMenuAndWordsBesideIcons();
    void oneNamePerAction();

private:
    std::unique_ptr<FakeCapabilityProvider> makeProvider(TokenProvider::Capabilities capabilities);
    WindowActions::Context contextFor(TokenProvider *provider, const QList<Token> &selected) const;
    bool enabled(WindowActions::Id id) const { return m_actions->action(id)->isEnabled(); }

    QNetworkAccessManager m_network;
    std::unique_ptr<QMainWindow> m_window;
    WindowActions *m_actions = nullptr;
};

void TestWindowActions::init()
{
    m_window = std::make_unique<QMainWindow>();
    m_actions = new WindowActions(m_window.get());
    m_actions->createMenus();
}

void TestWindowActions::cleanup()
{
    m_window.reset();
}

std::unique_ptr<FakeCapabilityProvider> TestWindowActions::makeProvider(TokenProvider::Capabilities capabilities)
{
    Account account;
    account.id = QUuid::createUuid();
    account.name = QStringLiteral("Lab");
    account.providerId = QStringLiteral("specter");
    ProviderContext context;
    context.network = &m_network;
    return std::make_unique<FakeCapabilityProvider>(account, context, capabilities);
}

WindowActions::Context TestWindowActions::contextFor(TokenProvider *provider, const QList<Token> &selected) const
{
    WindowActions::Context context;
    context.accountId = provider ? provider->account().id : QUuid();
    context.provider = provider;
    context.selected = selected;
    context.providerOf = [provider](const Token &) { return provider; };
    return context;
}

void TestWindowActions::nothingSelectedDisablesAccountActions()
{
    m_actions->update(contextFor(nullptr, {}));
    using Id = WindowActions::Id;
    for (Id id : {Id::EditAccount, Id::RemoveAccount, Id::SignIn, Id::SignOut, Id::Refresh, Id::NewToken, Id::Revoke,
             Id::Details, Id::CopyId, Id::EditNotes, Id::InspectCurrent, Id::ListBySubject, Id::RevokeAllForSubject,
             Id::ExpireAll, Id::LogoutToken, Id::VerifyToken})
        QVERIFY2(!enabled(id), qPrintable(m_actions->action(id)->objectName()));
    // Working on a pasted value needs no account.
    QVERIFY(enabled(Id::InspectJwt));
    // The Svix-only actions are not even shown for another provider.
    QVERIFY(!m_actions->action(Id::SvixDashboardAccess)->isVisible());
    QVERIFY(!m_actions->action(Id::SvixExchangeOneTimeToken)->isVisible());
}

void TestWindowActions::capabilitiesAndSelectionEnable()
{
    using Cap = TokenProvider::Capability;
    using Id = WindowActions::Id;
    auto provider = makeProvider(Cap::List | Cap::Revoke | Cap::Details | Cap::Create);
    m_actions->update(contextFor(provider.get(), {}));
    QVERIFY(enabled(Id::EditAccount));
    QVERIFY(enabled(Id::Refresh));
    QVERIFY(enabled(Id::NewToken));
    QVERIFY(!enabled(Id::SignIn)); // no such capability
    QVERIFY(!enabled(Id::ExpireAll));
    QVERIFY(!enabled(Id::Revoke)); // nothing selected
    QVERIFY(!enabled(Id::Details));

    m_actions->update(contextFor(provider.get(), {token(QStringLiteral("a"))}));
    QVERIFY(enabled(Id::Revoke));
    QVERIFY(enabled(Id::Details));
    QVERIFY(enabled(Id::CopyId));
    QVERIFY(enabled(Id::EditNotes));

    m_actions->update(contextFor(provider.get(), {token(QStringLiteral("a")), token(QStringLiteral("b"))}));
    QVERIFY(enabled(Id::Revoke));
    QVERIFY(!enabled(Id::Details)); // one token at a time
    QVERIFY(!enabled(Id::CopyId));
    QVERIFY(!enabled(Id::EditNotes));

    // A token without an id (a ledger row) cannot carry a note of its own.
    m_actions->update(contextFor(provider.get(), {token(QString())}));
    QVERIFY(!enabled(Id::EditNotes));

    auto readOnly = makeProvider(Cap::List);
    m_actions->update(contextFor(readOnly.get(), {token(QStringLiteral("a"))}));
    QVERIFY(!enabled(Id::Revoke));
    QVERIFY(!enabled(Id::Details));
    QVERIFY(enabled(Id::CopyId));
}

void TestWindowActions::allAccountsSelectionSpansAccounts()
{
    using Cap = TokenProvider::Capability;
    using Id = WindowActions::Id;
    auto provider = makeProvider(Cap::Revoke | Cap::Details);
    WindowActions::Context context = contextFor(nullptr, {token(QStringLiteral("a")), token(QStringLiteral("b"))});
    context.allAccounts = true;
    context.providerOf = [&provider](const Token &) { return provider.get(); };
    m_actions->update(context);
    QVERIFY(enabled(Id::Refresh)); // every account
    QVERIFY(enabled(Id::Revoke));
    QVERIFY(!enabled(Id::EditAccount)); // no account is selected
    QVERIFY(!enabled(Id::NewToken));

    context.selected = {token(QStringLiteral("a"))};
    m_actions->update(context);
    QVERIFY(enabled(Id::CopyId));
    QVERIFY(enabled(Id::Details)); // the token's own service answers

    // A token whose service has no details: disabled, and the tooltip says so rather than "choose an account".
    auto listOnly = makeProvider(Cap::Revoke);
    context.providerOf = [&listOnly](const Token &) { return listOnly.get(); };
    m_actions->update(context);
    QVERIFY(!enabled(Id::Details));
    QCOMPARE(
        m_actions->action(Id::Details)->toolTip(), WindowActions::tr("This account's service does not offer this."));
}

void TestWindowActions::refusalDisablesRevokeAndSaysWhy()
{
    using Cap = TokenProvider::Capability;
    auto provider = makeProvider(Cap::Revoke);
    QAction *revoke = m_actions->action(WindowActions::Id::Revoke);
    const QString ownTip = revoke->toolTip();
    QVERIFY(!ownTip.isEmpty());

    m_actions->update(contextFor(provider.get(), {token(QStringLiteral("a"), QStringLiteral("signed-here"))}));
    QVERIFY(!revoke->isEnabled());
    QCOMPARE(revoke->toolTip(), QStringLiteral("signed here: cannot revoke"));
    QCOMPARE(revoke->statusTip(), QStringLiteral("signed here: cannot revoke"));

    // One revocable token in the selection is enough: it is revoked, the other is skipped by the plan.
    m_actions->update(contextFor(
        provider.get(), {token(QStringLiteral("a"), QStringLiteral("signed-here")), token(QStringLiteral("b"))}));
    QVERIFY(revoke->isEnabled());
    QCOMPARE(revoke->toolTip(), ownTip);

    // Nothing selected: disabled, and the tooltip says what is missing.
    m_actions->update(contextFor(provider.get(), {}));
    QCOMPARE(revoke->toolTip(), WindowActions::tr("Select one or more tokens first."));
}

void TestWindowActions::contextMenuSharesTheActions()
{
    QMenu *menu = m_actions->tokenContextMenu();
    QCOMPARE(menu, m_actions->tokenContextMenu()); // built once
    QStringList names;
    for (QAction *action : menu->actions())
        names.append(action->isSeparator() ? QStringLiteral("-") : action->objectName());
    QCOMPARE(names,
        QStringList({"actionDetails", "actionCopyId", "actionInspectJwt", "-", "actionEditNotes", "-", "actionRevoke",
            "actionRotateToken", "actionRevokeAllForSubject", "-", "actionNewToken", "actionRefresh"}));
    // The same QAction objects as the menus: one enabling rule for both.
    QCOMPARE(menu->actions().constFirst(), m_actions->action(WindowActions::Id::Details));
    // Shortcuts work without a menu being open: the window holds every action.
    QVERIFY(m_window->actions().contains(m_actions->action(WindowActions::Id::Revoke)));
}

void TestWindowActions::everyDisabledActionSaysWhy()
{
    using Cap = TokenProvider::Capability;
    using Id = WindowActions::Id;
    const auto checkReasons = [this](const char *where) {
        const QList<QAction *> actions = m_window->actions();
        for (QAction *action : actions) {
            if (action->isEnabled() || !action->isVisible())
                continue;
            const QString tip = action->toolTip();
            const QString name = QString(action->text()).remove(QLatin1Char('&')).remove(QStringLiteral("…"));
            QVERIFY2(!tip.isEmpty() && !tip.startsWith(name),
                qPrintable(QStringLiteral("%1: %2 says \"%3\"").arg(QLatin1String(where), action->objectName(), tip)));
        }
    };
    m_actions->update(contextFor(nullptr, {}));
    checkReasons("no account");
    QCOMPARE(m_actions->action(Id::NewToken)->toolTip(), WindowActions::tr("Choose an account in the sidebar first."));

    auto provider = makeProvider(Cap::List | Cap::Details | Cap::Revoke);
    m_actions->update(contextFor(provider.get(), {}));
    checkReasons("an account, no selection");
    QCOMPARE(m_actions->action(Id::Details)->toolTip(), WindowActions::tr("Select one token first."));
    QCOMPARE(
        m_actions->action(Id::NewToken)->toolTip(), WindowActions::tr("This account's service does not offer this."));

    // Enabled again: the action's own tooltip (name and shortcut) comes back.
    m_actions->update(contextFor(provider.get(), {token(QStringLiteral("a"))}));
    QCOMPARE(m_actions->action(Id::Details)->toolTip(), m_actions->baseTip(Id::Details));
}

void TestWindowActions::helpMenuAndWordsBesideIcons()
{
    QStringList titles;
    for (QMenu *menu : m_actions->menus())
        titles.append(QString(menu->title()).remove(QLatin1Char('&')));
    QCOMPARE(titles.constLast(), QStringLiteral("Help"));
    const QList<QAction *> help = m_actions->menus().constLast()->actions();
    QVERIFY(help.contains(m_actions->action(WindowActions::Id::CommandPalette)));
    QVERIFY(help.contains(m_actions->action(WindowActions::Id::KeyboardShortcuts)));
    QVERIFY(help.contains(m_actions->action(WindowActions::Id::About)));
    QCOMPARE(m_actions->action(WindowActions::Id::CommandPalette)->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_K));
    auto *toolbar = m_window->findChild<QToolBar *>(QStringLiteral("mainToolBar"));
    QVERIFY(toolbar);
    QCOMPARE(toolbar->toolButtonStyle(), Qt::ToolButtonTextBesideIcon);
}

void TestWindowActions::oneNamePerAction()
{
    // Every action of the menus has its own name, and no name is used by two actions.
    QHash<QString, QAction *> byName;
    for (QMenu *menu : m_actions->menus()) {
        for (QAction *action : menu->actions()) {
            if (action->isSeparator() || action->menu())
                continue;
            const QString name = QString(action->text()).remove(QLatin1Char('&'));
            QAction *seen = byName.value(name);
            QVERIFY2(!seen || seen == action, qPrintable(name));
            byName.insert(name, action);
        }
    }
    QVERIFY(!byName.contains(QStringLiteral("JWT Inspector…")));
    QVERIFY(byName.contains(QStringLiteral("Inspect JWT…")));
}

QTEST_MAIN(TestWindowActions)
#include "tst_windowactions.moc"
