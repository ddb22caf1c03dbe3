#include "AccountController.h"
#include "MainWindow.h"

#include "BuiltinEmulators.h"
#include "SandboxServer.h"

#include "items/AccountListModel.h"
#include "items/TokenFilterModel.h"
#include "items/TokenListModel.h"
#include "palette/CommandPalette.h"
#include "palette/ShortcutsDialog.h"
#include "providers/ProviderRegistry.h"
#include "store/AccountStore.h"
#include "store/SecretStore.h"
#include "tokens/EmptyStates.h"
#include "window/AboutDialog.h"
#include "window/EmptyStateOverlay.h"
#include "window/ErrorPresenter.h"
#include "window/HelpCommands.h"
#include "window/KeychainBar.h"
#include "window/WindowActions.h"

#include <QAction>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QTreeView>

#include <memory>

// The window frame as a first-time user meets it: Help (command palette over every action and account, the
// shortcut sheet, About), the keychain warning said once, empty tables that say what to do, and status-bar
// states that end.
class tst_WindowFrame : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void paletteOffersEveryActionAndAccount();
    void paletteSaysWhyAnActionIsDisabled();
    void shortcutSheetListsKeysWithoutActions();
    void aboutNamesVersionsLicenceAndFolder();
    void keychainWarningOnceAndDismissible();
    void allAccountsEntryIsOneMarkedRow();
    void emptyAccountOffersNewToken();
    void filterWithoutMatchOffersClearFilter();
    void refreshingEndsOnFailure();

private:
    std::unique_ptr<MainWindow> windowWithAccounts(const QList<Account> &accounts);
    std::unique_ptr<MainWindow> sandboxWindow(int seededTokens, QUuid *specter);
    template<typename W> W *visible() const
    {
        const QList<W *> found = m_window->findChildren<W *>();
        for (W *widget : found) {
            if (widget->isVisible())
                return widget;
        }
        return nullptr;
    }
    static Account makeAccount(const QString &name, const QString &providerId);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<SandboxServer> m_server;
    std::unique_ptr<AccountController> m_controller;
    std::unique_ptr<MainWindow> m_window;
};

Account tst_WindowFrame::makeAccount(const QString &name, const QString &providerId)
{
    Account account;
    account.id = QUuid::createUuid();
    account.name = name;
    account.providerId = providerId;
    account.baseUrl = QUrl(QStringLiteral("https://%1.example.com").arg(providerId));
    return account;
}

void tst_WindowFrame::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void tst_WindowFrame::cleanup()
{
    m_window.reset();
    m_controller.reset();
    m_server.reset();
    m_dir.reset();
}

std::unique_ptr<MainWindow> tst_WindowFrame::windowWithAccounts(const QList<Account> &accounts)
{
    AccountStore store(m_dir->path());
    if (!store.save(accounts))
        return nullptr;
    m_controller = std::make_unique<AccountController>(m_dir->path(), SecretStore::createMemoryOnly());
    m_controller->secretStore()->setParent(m_controller.get());
    m_controller->load();
    auto window = std::make_unique<MainWindow>(m_controller.get());
    window->show();
    return window;
}

std::unique_ptr<MainWindow> tst_WindowFrame::sandboxWindow(int seededTokens, QUuid *specter)
{
    m_server = std::make_unique<SandboxServer>();
    registerBuiltinEmulators(*m_server);
    if (!m_server->listen())
        return nullptr;
    if (seededTokens > 0)
        m_server->seedTokens(seededTokens);
    m_controller = std::make_unique<AccountController>(m_dir->path(), SecretStore::createMemoryOnly());
    m_controller->secretStore()->setParent(m_controller.get());
    m_controller->load();
    for (const Account &account : m_controller->addDemoAccounts(m_server->readyInfo())) {
        if (account.providerId == QLatin1String("specter"))
            *specter = account.id;
    }
    auto window = std::make_unique<MainWindow>(m_controller.get());
    window->setSandboxMode(true);
    window->show();
    return window;
}

void tst_WindowFrame::paletteOffersEveryActionAndAccount()
{
    const Account prod = makeAccount(QStringLiteral("Prod"), QStringLiteral("alpha"));
    const Account staging = makeAccount(QStringLiteral("Staging"), QStringLiteral("alpha"));
    m_window = windowWithAccounts({prod, staging});
    QVERIFY(m_window);
    m_window->selectAccount(prod.id);

    m_window->findChild<QAction *>(QStringLiteral("actionCommandPalette"))->trigger();
    auto *palette = visible<CommandPalette>();
    QVERIFY(palette);
    const QStringList texts = palette->visibleTexts();
    // Every action of every menu, by its plain name, and one entry per account.
    for (QMenu *menu : m_window->windowActions()->menus()) {
        for (QAction *action : menu->actions()) {
            if (action->isSeparator() || !action->isVisible())
                continue;
            QVERIFY2(texts.contains(CommandPalette::plainText(action->text())), qPrintable(action->text()));
        }
    }
    QVERIFY(texts.contains(QStringLiteral("Prod")));
    QVERIFY(texts.contains(QStringLiteral("Staging")));

    // Choosing an account selects it.
    QTest::keyClicks(palette->searchField(), QStringLiteral("staging"));
    QCOMPARE(palette->visibleTexts(), QStringList {QStringLiteral("Staging")});
    palette->runSelected();
    QTRY_COMPARE(m_window->currentAccountId(), staging.id); // it runs once the palette has closed
}

void tst_WindowFrame::paletteSaysWhyAnActionIsDisabled()
{
    // A service this build does not have: New Token is disabled, and the palette (like the tooltip) says why.
    const Account prod = makeAccount(QStringLiteral("Prod"), QStringLiteral("alpha"));
    m_window = windowWithAccounts({prod});
    QVERIFY(m_window);
    m_window->selectAccount(prod.id);
    QAction *newToken = m_window->findChild<QAction *>(QStringLiteral("actionNewToken"));
    QVERIFY(!newToken->isEnabled());
    QVERIFY(!newToken->toolTip().startsWith(QLatin1String("New Token")));
    QSignalSpy triggered(newToken, &QAction::triggered);

    m_window->findChild<QAction *>(QStringLiteral("actionCommandPalette"))->trigger();
    auto *palette = visible<CommandPalette>();
    QVERIFY(palette);
    QTest::keyClicks(palette->searchField(), QStringLiteral("new token"));
    QCOMPARE(palette->visibleTexts().value(0), QStringLiteral("New Token"));
    palette->runSelected();
    QTest::qWait(20);
    QCOMPARE(triggered.count(), 0);
    auto *reason = palette->findChild<QLabel *>(QStringLiteral("paletteReason"));
    QVERIFY(reason->isVisible());
    QCOMPARE(reason->text().contains(newToken->toolTip()), true);
}

void tst_WindowFrame::shortcutSheetListsKeysWithoutActions()
{
    m_window = windowWithAccounts({makeAccount(QStringLiteral("Prod"), QStringLiteral("alpha"))});
    QVERIFY(m_window);
    m_window->findChild<QAction *>(QStringLiteral("actionKeyboardShortcuts"))->trigger();
    auto *sheet = visible<ShortcutsDialog>();
    QVERIFY(sheet);
    const QList<QStringList> rows = sheet->rows();
    const auto has = [&rows](const QString &what, const QKeySequence &key) {
        for (const QStringList &row : rows) {
            if (row.value(1) == what && row.value(2).contains(key.toString(QKeySequence::NativeText)))
                return true;
        }
        return false;
    };
    QVERIFY(has(HelpCommands::tr("Open the selected token's details"), QKeySequence(Qt::Key_Return)));
    QVERIFY(has(HelpCommands::tr("Clear the filter"), QKeySequence(Qt::Key_Escape)));
    QVERIFY(has(QStringLiteral("Command Palette"), QKeySequence(Qt::CTRL | Qt::Key_K)));
    QVERIFY(has(QStringLiteral("Refresh"), QKeySequence(Qt::Key_F5)));
}

void tst_WindowFrame::aboutNamesVersionsLicenceAndFolder()
{
    m_window = windowWithAccounts({makeAccount(QStringLiteral("Prod"), QStringLiteral("alpha"))});
    QVERIFY(m_window);
    m_window->findChild<QAction *>(QStringLiteral("actionAbout"))->trigger();
    auto *about = visible<AboutDialog>();
    QVERIFY(about);
    const QString facts = about->factsText();
    QVERIFY2(facts.contains(QString::fromLatin1(qVersion())), qPrintable(facts)); // the Qt it runs on
    QVERIFY2(facts.contains(QStringLiteral("QtKeychain")), qPrintable(facts));
    QVERIFY2(facts.contains(QStringLiteral("MIT")), qPrintable(facts));
    QVERIFY2(facts.contains(QDir::toNativeSeparators(m_dir->path())), qPrintable(facts));
    QVERIFY2(facts.contains(QStringLiteral(TOKENDESK_VERSION)), qPrintable(facts));
}

void tst_WindowFrame::keychainWarningOnceAndDismissible()
{
    const Account prod = makeAccount(QStringLiteral("Prod"), QStringLiteral("alpha"));
    m_window = windowWithAccounts({prod, makeAccount(QStringLiteral("Staging"), QStringLiteral("alpha"))});
    QVERIFY(m_window);
    QCOMPARE(m_controller->secretStore()->state(), SecretStore::State::MemoryOnly);
    KeychainBar *bar = m_window->keychainBar();
    QVERIFY(bar->isVisible());
    // Not repeated on every account of the sidebar.
    for (const Account &account : m_controller->accounts()) {
        const QString status =
            m_controller->accountModel()->indexOf(account.id).data(AccountListModel::StatusTextRole).toString();
        QVERIFY2(!status.contains(QLatin1String("keychain"), Qt::CaseInsensitive), qPrintable(status));
    }
    bar->findChild<QToolButton *>(QStringLiteral("keychainBarDismiss"))->click();
    QVERIFY(!bar->isVisible());
    m_window->selectAccount(prod.id);
    QVERIFY(!bar->isVisible()); // dismissed stays dismissed
}

void tst_WindowFrame::allAccountsEntryIsOneMarkedRow()
{
    const Account prod = makeAccount(QStringLiteral("Prod"), QStringLiteral("alpha"));
    m_window = windowWithAccounts({prod});
    QVERIFY(m_window);
    auto *entry = m_window->findChild<QListWidget *>(QStringLiteral("allAccountsEntry"));
    QVERIFY(entry);
    QCOMPARE(entry->frameShape(), QFrame::NoFrame); // a row of the sidebar, not a box of its own
    m_window->showAllAccounts();
    QVERIFY(m_window->isAllAccountsShown());
    QVERIFY(m_window->currentAccountId().isNull());
    QVERIFY(!m_window->accountView()->selectionModel()->hasSelection());
    m_window->selectAccount(prod.id);
    QVERIFY(!m_window->isAllAccountsShown());
    QVERIFY(entry->selectedItems().isEmpty()); // never both marked
}

void tst_WindowFrame::emptyAccountOffersNewToken()
{
    QUuid specter;
    m_window = sandboxWindow(0, &specter);
    QVERIFY(m_window);
    if (specter.isNull())
        QSKIP("the Specter provider or emulator is not in this build");
    QSignalSpy refreshed(m_window.get(), &MainWindow::refreshed);
    m_window->selectAccount(specter);
    QTRY_VERIFY_WITH_TIMEOUT(!refreshed.isEmpty() && refreshed.last().at(0).toUuid() == specter, 15000);
    if (m_window->tokenModel()->rowCount() > 0)
        QSKIP("the Specter emulator lists tokens of its own without seeding");
    EmptyStateOverlay *empty = m_window->emptyState();
    QTRY_VERIFY(!empty->shownText().isEmpty());
    QVERIFY2(empty->shownText().contains(EmptyStates::tr("No tokens yet.")), qPrintable(empty->shownText()));
    QVERIFY2(empty->shownText().contains(QStringLiteral("New Token…")), qPrintable(empty->shownText()));
    QVERIFY(empty->isVisible());
}

void tst_WindowFrame::filterWithoutMatchOffersClearFilter()
{
    QUuid specter;
    m_window = sandboxWindow(3, &specter);
    QVERIFY(m_window);
    if (specter.isNull())
        QSKIP("the Specter provider or emulator is not in this build");
    QSignalSpy refreshed(m_window.get(), &MainWindow::refreshed);
    m_window->selectAccount(specter);
    QTRY_VERIFY_WITH_TIMEOUT(m_window->tokenModel()->rowCount() >= 3, 15000);
    // A finished refresh leaves its result in the status bar, not "Refreshing…".
    QTRY_VERIFY(m_window->errorPresenter()->currentStatus() != QStringLiteral("Refreshing…"));
    EmptyStateOverlay *empty = m_window->emptyState();
    QVERIFY(empty->shownText().isEmpty());

    m_window->filterEdit()->setText(QStringLiteral("zz-no-such-token"));
    QTRY_COMPARE(m_window->filterModel()->rowCount(), 0);
    QTRY_VERIFY(!empty->shownText().isEmpty());
    QVERIFY2(empty->shownText().contains(QStringLiteral("“zz-no-such-token”")), qPrintable(empty->shownText()));
    QVERIFY2(empty->shownText().contains(EmptyStates::tr("Clear filter")), qPrintable(empty->shownText()));
    empty->activate();
    QVERIFY(m_window->filterEdit()->text().isEmpty());
    QTRY_VERIFY(m_window->filterModel()->rowCount() >= 3);
    QTRY_VERIFY(empty->shownText().isEmpty());
    QVERIFY(!empty->isVisible());
}

void tst_WindowFrame::refreshingEndsOnFailure()
{
    // Nothing listens on this port: the refresh fails, and "Refreshing…" does not stay behind.
    Account dead = makeAccount(QStringLiteral("Dead"), QStringLiteral("specter"));
    if (!ProviderRegistry::instance().find(dead.providerId))
        QSKIP("the Specter provider is not in this build");
    dead.baseUrl = QUrl(QStringLiteral("https://127.0.0.1:1"));
    dead.options.insert(QStringLiteral("username"), QStringLiteral("admin"));
    m_window = windowWithAccounts({dead});
    QVERIFY(m_window);
    QSignalSpy refreshed(m_window.get(), &MainWindow::refreshed);
    m_window->selectAccount(dead.id);
    m_window->refresh();
    QTRY_VERIFY_WITH_TIMEOUT(!refreshed.isEmpty(), 15000);
    QVERIFY(!refreshed.last().at(1).toBool());
    QVERIFY(m_window->errorPresenter()->currentStatus() != QStringLiteral("Refreshing…"));
}

QTEST_MAIN(tst_WindowFrame)
#include "tst_windowframe.moc"
