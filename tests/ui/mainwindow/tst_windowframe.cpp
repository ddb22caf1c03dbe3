#include "AccountController.h"
#include "MainWindow.h"

#include "WindowFixture.h"
#include "WindowTestSteps.h"

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
    bool windowWithAccounts(const QList<Account> &accounts);
    bool sandboxWindow(int seededTokens, QUuid *specter);
    template<typename W> W *visible() const { return WindowTestSteps::findVisible<W>(m_fx->window()); }

    std::unique_ptr<WindowFixture> m_fx;
};

void tst_WindowFrame::init()
{
    m_fx = std::make_unique<WindowFixture>();
    QVERIFY(m_fx->isValid());
}

void tst_WindowFrame::cleanup()
{
    m_fx.reset();
}

bool tst_WindowFrame::windowWithAccounts(const QList<Account> &accounts)
{
    if (!m_fx->saveAccounts(accounts))
        return false;
    m_fx->openController();
    m_fx->createWindow();
    m_fx->window()->show();
    return true;
}

bool tst_WindowFrame::sandboxWindow(int seededTokens, QUuid *specter)
{
    QList<Account> demo;
    if (!m_fx->sandboxWindow(seededTokens, &demo))
        return false;
    *specter = WindowFixture::accountOf(demo, QStringLiteral("specter"));
    return true;
}

void tst_WindowFrame::paletteOffersEveryActionAndAccount()
{
    const Account prod = WindowFixture::makeAccount(QStringLiteral("Prod"), QStringLiteral("alpha"));
    const Account staging = WindowFixture::makeAccount(QStringLiteral("Staging"), QStringLiteral("alpha"));
    QVERIFY(windowWithAccounts({prod, staging}));
    m_fx->window()->selectAccount(prod.id);

    m_fx->window()->findChild<QAction *>(QStringLiteral("actionCommandPalette"))->trigger();
    auto *palette = visible<CommandPalette>();
    QVERIFY(palette);
    const QStringList texts = palette->visibleTexts();
    // Every action of every menu, by its plain name, and one entry per account.
    for (QMenu *menu : m_fx->window()->windowActions()->menus()) {
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
    QTRY_COMPARE(m_fx->window()->currentAccountId(), staging.id); // it runs once the palette has closed
}

void tst_WindowFrame::paletteSaysWhyAnActionIsDisabled()
{
    // A service this build does not have: New Token is disabled, and the palette (like the tooltip) says why.
    const Account prod = WindowFixture::makeAccount(QStringLiteral("Prod"), QStringLiteral("alpha"));
    QVERIFY(windowWithAccounts({prod}));
    m_fx->window()->selectAccount(prod.id);
    QAction *newToken = m_fx->window()->findChild<QAction *>(QStringLiteral("actionNewToken"));
    QVERIFY(!newToken->isEnabled());
    QVERIFY(!newToken->toolTip().startsWith(QLatin1String("New Token")));
    QSignalSpy triggered(newToken, &QAction::triggered);

    m_fx->window()->findChild<QAction *>(QStringLiteral("actionCommandPalette"))->trigger();
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
    QVERIFY(windowWithAccounts({WindowFixture::makeAccount(QStringLiteral("Prod"), QStringLiteral("alpha"))}));
    m_fx->window()->findChild<QAction *>(QStringLiteral("actionKeyboardShortcuts"))->trigger();
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
    QVERIFY(windowWithAccounts({WindowFixture::makeAccount(QStringLiteral("Prod"), QStringLiteral("alpha"))}));
    m_fx->window()->findChild<QAction *>(QStringLiteral("actionAbout"))->trigger();
    auto *about = visible<AboutDialog>();
    QVERIFY(about);
    const QString facts = about->factsText();
    QVERIFY2(facts.contains(QString::fromLatin1(qVersion())), qPrintable(facts)); // the Qt it runs on
    QVERIFY2(facts.contains(QStringLiteral("QtKeychain")), qPrintable(facts));
    QVERIFY2(facts.contains(QStringLiteral("MIT")), qPrintable(facts));
    QVERIFY2(facts.contains(QDir::toNativeSeparators(m_fx->path())), qPrintable(facts));
    QVERIFY2(facts.contains(QStringLiteral(TOKENDESK_VERSION)), qPrintable(facts));
}

void tst_WindowFrame::keychainWarningOnceAndDismissible()
{
    const Account prod = WindowFixture::makeAccount(QStringLiteral("Prod"), QStringLiteral("alpha"));
    QVERIFY(windowWithAccounts({prod, WindowFixture::makeAccount(QStringLiteral("Staging"), QStringLiteral("alpha"))}));
    QCOMPARE(m_fx->controller()->secretStore()->state(), SecretStore::State::MemoryOnly);
    KeychainBar *bar = m_fx->window()->keychainBar();
    QVERIFY(bar->isVisible());
    // Not repeated on every account of the sidebar.
    for (const Account &account : m_fx->controller()->accounts()) {
        const QString status =
            m_fx->controller()->accountModel()->indexOf(account.id).data(AccountListModel::StatusTextRole).toString();
        QVERIFY2(!status.contains(QLatin1String("keychain"), Qt::CaseInsensitive), qPrintable(status));
    }
    bar->findChild<QToolButton *>(QStringLiteral("keychainBarDismiss"))->click();
    QVERIFY(!bar->isVisible());
    m_fx->window()->selectAccount(prod.id);
    QVERIFY(!bar->isVisible()); // dismissed stays dismissed
}

void tst_WindowFrame::allAccountsEntryIsOneMarkedRow()
{
    const Account prod = WindowFixture::makeAccount(QStringLiteral("Prod"), QStringLiteral("alpha"));
    QVERIFY(windowWithAccounts({prod}));
    auto *entry = m_fx->window()->findChild<QListWidget *>(QStringLiteral("allAccountsEntry"));
    QVERIFY(entry);
    QCOMPARE(entry->frameShape(), QFrame::NoFrame); // a row of the sidebar, not a box of its own
    m_fx->window()->showAllAccounts();
    QVERIFY(m_fx->window()->isAllAccountsShown());
    QVERIFY(m_fx->window()->currentAccountId().isNull());
    QVERIFY(!m_fx->window()->accountView()->selectionModel()->hasSelection());
    m_fx->window()->selectAccount(prod.id);
    QVERIFY(!m_fx->window()->isAllAccountsShown());
    QVERIFY(entry->selectedItems().isEmpty()); // never both marked
}

void tst_WindowFrame::emptyAccountOffersNewToken()
{
    QUuid specter;
    QVERIFY(sandboxWindow(0, &specter));
    if (specter.isNull())
        QSKIP("the Specter provider or emulator is not in this build");
    QSignalSpy refreshed(m_fx->window(), &MainWindow::refreshed);
    m_fx->window()->selectAccount(specter);
    QTRY_VERIFY_WITH_TIMEOUT(!refreshed.isEmpty() && refreshed.last().at(0).toUuid() == specter, 15000);
    if (m_fx->window()->tokenModel()->rowCount() > 0)
        QSKIP("the Specter emulator lists tokens of its own without seeding");
    EmptyStateOverlay *empty = m_fx->window()->emptyState();
    QTRY_VERIFY(!empty->shownText().isEmpty());
    QVERIFY2(empty->shownText().contains(EmptyStates::tr("No tokens yet.")), qPrintable(empty->shownText()));
    QVERIFY2(empty->shownText().contains(QStringLiteral("New Token…")), qPrintable(empty->shownText()));
    QVERIFY(empty->isVisible());
}

void tst_WindowFrame::filterWithoutMatchOffersClearFilter()
{
    QUuid specter;
    QVERIFY(sandboxWindow(3, &specter));
    if (specter.isNull())
        QSKIP("the Specter provider or emulator is not in this build");
    QSignalSpy refreshed(m_fx->window(), &MainWindow::refreshed);
    m_fx->window()->selectAccount(specter);
    QTRY_VERIFY_WITH_TIMEOUT(m_fx->window()->tokenModel()->rowCount() >= 3, 15000);
    // A finished refresh leaves its result in the status bar, not "Refreshing…".
    QTRY_VERIFY(m_fx->window()->errorPresenter()->currentStatus() != QStringLiteral("Refreshing…"));
    EmptyStateOverlay *empty = m_fx->window()->emptyState();
    QVERIFY(empty->shownText().isEmpty());

    m_fx->window()->filterEdit()->setText(QStringLiteral("zz-no-such-token"));
    QTRY_COMPARE(m_fx->window()->filterModel()->rowCount(), 0);
    QTRY_VERIFY(!empty->shownText().isEmpty());
    QVERIFY2(empty->shownText().contains(QStringLiteral("“zz-no-such-token”")), qPrintable(empty->shownText()));
    QVERIFY2(empty->shownText().contains(EmptyStates::tr("Clear filter")), qPrintable(empty->shownText()));
    empty->activate();
    QVERIFY(m_fx->window()->filterEdit()->text().isEmpty());
    QTRY_VERIFY(m_fx->window()->filterModel()->rowCount() >= 3);
    QTRY_VERIFY(empty->shownText().isEmpty());
    QVERIFY(!empty->isVisible());
}

void tst_WindowFrame::refreshingEndsOnFailure()
{
    // Nothing listens on this port: the refresh fails, and "Refreshing…" does not stay behind.
    Account dead = WindowFixture::makeAccount(QStringLiteral("Dead"), QStringLiteral("specter"));
    if (!ProviderRegistry::instance().find(dead.providerId))
        QSKIP("the Specter provider is not in this build");
    dead.baseUrl = QUrl(QStringLiteral("https://127.0.0.1:1"));
    dead.options.insert(QStringLiteral("username"), QStringLiteral("admin"));
    QVERIFY(windowWithAccounts({dead}));
    QSignalSpy refreshed(m_fx->window(), &MainWindow::refreshed);
    m_fx->window()->selectAccount(dead.id);
    m_fx->window()->refresh();
    QTRY_VERIFY_WITH_TIMEOUT(!refreshed.isEmpty(), 15000);
    QVERIFY(!refreshed.last().at(1).toBool());
    QVERIFY(m_fx->window()->errorPresenter()->currentStatus() != QStringLiteral("Refreshing…"));
}

QTEST_MAIN(tst_WindowFrame)
#include "tst_windowframe.moc"
