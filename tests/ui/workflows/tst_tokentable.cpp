#include "AccountController.h"
#include "AllAccountsView.h"
#include "ExpiryBanner.h"
#include "MainWindow.h"
#include "TokenFilterBar.h"
#include "tokens/TokenTableView.h"
#include "window/AccountSidebar.h"

#include "AwaitFuture.h"
#include "WindowFixture.h"
#include "WindowTestSteps.h"

#include "core/Clock.h"
#include "core/UtcTime.h"
#include "items/TokenFilterModel.h"
#include "items/TokenListModel.h"
#include "providers/AccountSession.h"
#include "store/Ledger.h"
#include "store/SecretStore.h"
#include "workflows/AccountTokens.h"

#include <QAction>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

#include <memory>

// The token table: one-line rows, the columns an administrator needs in view on a narrow window, a header menu
// whose choices outlive the view, Created from the ledger, Session where tokens have one, live rows before
// expired ones, and the keyboard (Enter, Escape, Tab).
class TestTokenTable : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void rowsAreOneLine();
    void headerMenuChoicesPersist();
    void accountColumnOnlyForSeveralAccounts();
    void sessionsMakeRowsDistinct();
    void liveRowsBeforeExpiredOnes();
    void escapeClearsTheFilter();
    void enterOpensTheRow();
    void windowAt1024();
    void createdFromTheLedger();
    void tabReachesTheTableFirst();

private:
    Token token(const QString &name, qint64 secondsLeft) const;
    void startApp();
    bool refreshAccount(const QUuid &id);
    Token createSpecterToken(const QString &description, const QString &lifetime);
    TokenTableView *pageTable() const;

    std::unique_ptr<WindowFixture> m_fx;
    TestClock m_clock {UtcTime::dateTime(QDate(2026, 11, 23), QTime(9, 0))};
};

void TestTokenTable::init()
{
    m_fx = std::make_unique<WindowFixture>();
    QVERIFY(m_fx->isValid());
    m_clock.setNow(UtcTime::dateTime(QDate(2026, 11, 23), QTime(9, 0)));
}

void TestTokenTable::cleanup()
{
    m_fx.reset();
}

Token TestTokenTable::token(const QString &name, qint64 secondsLeft) const
{
    Token t;
    t.id = name;
    t.label = name;
    t.kind = QStringLiteral("token");
    t.created = m_clock.now().addDays(-30);
    t.expires = m_clock.now().addSecs(secondsLeft);
    return t;
}

void TestTokenTable::startApp()
{
    QVERIFY(m_fx->startSandbox(0, {.magicbellJwtRoutes = true}, &m_clock));
    QVERIFY(m_fx->openController(&m_clock));
    m_fx->addDemoAccounts();
}

bool TestTokenTable::refreshAccount(const QUuid &id)
{
    return WindowTestSteps::refreshAccount(m_fx->window(), id);
}

Token TestTokenTable::createSpecterToken(const QString &description, const QString &lifetime)
{
    return WindowTestSteps::createSpecterToken(
        m_fx->controller(), m_fx->demoAccount(QStringLiteral("specter")), description, lifetime);
}

TokenTableView *TestTokenTable::pageTable() const
{
    return m_fx->window()->findChild<TokenTableView *>(QStringLiteral("tokenView"));
}

void TestTokenTable::rowsAreOneLine()
{
    TokenTableView view(&m_clock);
    Token longOne = token(QStringLiteral("a name long enough to wrap in any column of any width that is sane"), 3600);
    longOne.subject = QStringLiteral("someone@example.com on behalf of a rather long list of other people");
    view.tokenModel()->setTokens({longOne, token(QStringLiteral("short"), 7200)});
    view.resize(700, 300);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));

    QVERIFY(!view.wordWrap());
    const int line = view.fontMetrics().height() + 2 * TokenTableView::RowPadding;
    QCOMPARE(view.rowHeight(0), line);
    QCOMPARE(view.rowHeight(1), line);
    QCOMPARE(view.verticalHeader()->sectionResizeMode(0), QHeaderView::Fixed);
    // The elided text is whole in the tooltip.
    const QModelIndex subject = view.tokenModel()->index(0, TokenListModel::Subject);
    QCOMPARE(subject.data(Qt::ToolTipRole).toString(), longOne.subject);
    QVERIFY(view.tokenModel()->index(0, TokenListModel::Name).data(Qt::ToolTipRole).toString().contains(longOne.label));
}

void TestTokenTable::headerMenuChoicesPersist()
{
    const QString path = m_fx->filePath(QStringLiteral("window.ini"));
    {
        TokenTableView view(&m_clock);
        view.setSettings(path, QStringLiteral("test"));
        QVERIFY(!view.isColumnHidden(TokenListModel::Kind));
        std::unique_ptr<QMenu> menu(view.createColumnMenu(nullptr));
        QAction *kind = menu->findChild<QAction *>(QStringLiteral("columnKind"));
        QVERIFY(kind);
        QVERIFY(kind->isChecked());
        QVERIFY(!menu->findChild<QAction *>(QStringLiteral("columnName"))); // Name always shows
        kind->trigger();
        QVERIFY(view.isColumnHidden(TokenListModel::Kind));
        view.horizontalHeader()->resizeSection(TokenListModel::Subject, 222);
    }
    TokenTableView again(&m_clock);
    again.setSettings(path, QStringLiteral("test"));
    QVERIFY(again.isColumnHidden(TokenListModel::Kind));
    QCOMPARE(again.columnWidth(TokenListModel::Subject), 222);
    std::unique_ptr<QMenu> menu(again.createColumnMenu(nullptr));
    QAction *kind = menu->findChild<QAction *>(QStringLiteral("columnKind"));
    QVERIFY(kind && !kind->isChecked());
    kind->trigger();
    QVERIFY(!again.isColumnHidden(TokenListModel::Kind));

    // Another view's key has its own layout.
    TokenTableView other(&m_clock);
    other.setSettings(path, QStringLiteral("other"));
    QVERIFY(!other.isColumnHidden(TokenListModel::Kind));
    QVERIFY(other.columnWidth(TokenListModel::Subject) != 222);
}

void TestTokenTable::accountColumnOnlyForSeveralAccounts()
{
    TokenTableView view(&m_clock);
    QVERIFY(view.isColumnHidden(TokenListModel::Account));
    std::unique_ptr<QMenu> menu(view.createColumnMenu(nullptr));
    QVERIFY(!menu->findChild<QAction *>(QStringLiteral("columnAccount")));
    view.setShowsSeveralAccounts(true);
    QVERIFY(!view.isColumnHidden(TokenListModel::Account));
    menu.reset(view.createColumnMenu(nullptr));
    QVERIFY(menu->findChild<QAction *>(QStringLiteral("columnAccount")));
    // Remaining right after Name, Status after it.
    const QHeaderView *header = view.horizontalHeader();
    QCOMPARE(header->visualIndex(TokenListModel::Name), 0);
    QCOMPARE(header->visualIndex(TokenListModel::RemainingLife), 1);
    QCOMPARE(header->visualIndex(TokenListModel::Status), 2);
}

void TestTokenTable::sessionsMakeRowsDistinct()
{
    // Two Svix portal tokens of one application, as the ledger lists them: only the session tells them apart.
    QList<Token> tokens;
    for (const QString &session : {QStringLiteral("sess-alice"), QStringLiteral("sess-bob")}) {
        LedgerEntry entry;
        entry.accountId = QUuid::createUuid();
        entry.providerId = QStringLiteral("svix");
        entry.kind = QStringLiteral("portal");
        entry.tokenId = QStringLiteral("local-") + session;
        entry.label = QStringLiteral("Portal");
        entry.subject = QStringLiteral("app_1");
        entry.appId = QStringLiteral("app_1");
        entry.sessionId = session;
        entry.created = m_clock.now();
        entry.expires = m_clock.now().addDays(7);
        tokens.append(entry.toToken());
    }
    TokenTableView view(&m_clock);
    QVERIFY(view.isColumnHidden(TokenListModel::Session)); // no token, no session column
    view.tokenModel()->setTokens(tokens);
    QVERIFY(!view.isColumnHidden(TokenListModel::Session));
    const auto rowText = [&view](int row) {
        QStringList cells;
        for (int column = 0; column < TokenListModel::ColumnCount; ++column) {
            if (!view.isColumnHidden(column))
                cells.append(view.model()->index(row, column).data().toString());
        }
        return cells;
    };
    QVERIFY(rowText(0) != rowText(1));
    QStringList sessions {view.model()->index(0, TokenListModel::Session).data().toString(),
        view.model()->index(1, TokenListModel::Session).data().toString()};
    sessions.sort();
    QCOMPARE(sessions, (QStringList {QStringLiteral("sess-alice"), QStringLiteral("sess-bob")}));

    // Tokens without sessions: the column goes again.
    view.tokenModel()->setTokens({token(QStringLiteral("plain"), 3600)});
    QVERIFY(view.isColumnHidden(TokenListModel::Session));
}

void TestTokenTable::liveRowsBeforeExpiredOnes()
{
    TokenTableView view(&m_clock);
    Token revoked = token(QStringLiteral("revoked"), 3 * 3600);
    revoked.revoked = m_clock.now().addSecs(-60);
    Token never = token(QStringLiteral("never"), 0);
    never.expires.reset();
    view.tokenModel()->setTokens({token(QStringLiteral("expired-long-ago"), -7200),
        token(QStringLiteral("week"), 7 * 86400), revoked, token(QStringLiteral("expired"), -60), never,
        token(QStringLiteral("hour"), 3600), token(QStringLiteral("minute"), 60)});
    const auto order = [&view] {
        QStringList names;
        for (int row = 0; row < view.model()->rowCount(); ++row)
            names.append(view.model()->index(row, TokenListModel::Name).data().toString());
        return names;
    };
    QCOMPARE(view.filterModel()->sortColumn(), int(TokenListModel::RemainingLife));
    QCOMPARE(order(),
        (QStringList {QStringLiteral("minute"), QStringLiteral("hour"), QStringLiteral("week"), QStringLiteral("never"),
            QStringLiteral("expired-long-ago"), QStringLiteral("expired"), QStringLiteral("revoked")}));

    // Two minutes on, "minute" has expired: it joins the expired rows.
    m_clock.advanceSeconds(120);
    view.tokenModel()->tick();
    QCOMPARE(order(),
        (QStringList {QStringLiteral("hour"), QStringLiteral("week"), QStringLiteral("never"),
            QStringLiteral("expired-long-ago"), QStringLiteral("expired"), QStringLiteral("minute"),
            QStringLiteral("revoked")}));
}

void TestTokenTable::escapeClearsTheFilter()
{
    QWidget window;
    auto *view = new TokenTableView(&m_clock, &window);
    auto *bar = new TokenFilterBar(view->filterModel(), &window);
    bar->clearOnEscapeIn(view);
    view->tokenModel()->setTokens({token(QStringLiteral("alpha"), 3600), token(QStringLiteral("beta"), 3600)});
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    bar->filterEdit()->setFocus();
    QTest::keyClicks(bar->filterEdit(), QStringLiteral("alp"));
    QCOMPARE(view->model()->rowCount(), 1);
    QTest::keyClick(bar->filterEdit(), Qt::Key_Escape);
    QCOMPARE(bar->filterEdit()->text(), QString());
    QCOMPARE(view->model()->rowCount(), 2);

    bar->filterEdit()->setText(QStringLiteral("bet"));
    view->setFocus();
    QVERIFY(QTest::qWaitFor([view] { return view->hasFocus(); }));
    QTest::keyClick(view, Qt::Key_Escape);
    QCOMPARE(bar->filterEdit()->text(), QString());
    QCOMPARE(view->model()->rowCount(), 2);
}

void TestTokenTable::enterOpensTheRow()
{
    TokenTableView view(&m_clock);
    view.tokenModel()->setTokens({token(QStringLiteral("alpha"), 3600)});
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QSignalSpy opened(&view, &QAbstractItemView::doubleClicked);
    view.setCurrentIndex({});
    QTest::keyClick(&view, Qt::Key_Return); // no current row: nothing to open
    QCOMPARE(opened.count(), 0);
    view.setCurrentIndex(view.model()->index(0, 0));
    QTest::keyClick(&view, Qt::Key_Return);
    QCOMPARE(opened.count(), 1);
    QCOMPARE(opened.first().at(0).toModelIndex().row(), 0);
}

void TestTokenTable::windowAt1024()
{
    startApp();
    const QUuid specter = m_fx->demoAccount(QStringLiteral("specter"));
    if (specter.isNull())
        QSKIP("the Specter provider is not in this build");
    QVERIFY(!createSpecterToken(
        QStringLiteral("a token with a name of a fair length for a table"), QStringLiteral("3 days"))
                 .id.isEmpty());
    m_fx->createWindow();
    m_fx->window()->resize(1024, 700);
    m_fx->window()->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_fx->window()));
    QVERIFY(refreshAccount(specter));
    TokenTableView *table = pageTable();
    QVERIFY(table && table->isVisible());
    QVERIFY(table->model()->rowCount() > 0);
    QVERIFY(table->isColumnHidden(TokenListModel::Account)); // one account's tokens
    QCOMPARE(table->horizontalScrollBar()->value(), 0);
    for (const int column : {TokenListModel::Name, TokenListModel::RemainingLife, TokenListModel::Status}) {
        QVERIFY(!table->isColumnHidden(column));
        const int left = table->columnViewportPosition(column);
        QVERIFY2(left >= 0 && left + table->columnWidth(column) <= table->viewport()->width(),
            qPrintable(QStringLiteral("column %1 ends at %2 of %3")
                           .arg(column)
                           .arg(left + table->columnWidth(column))
                           .arg(table->viewport()->width())));
    }
    QVERIFY(table->columnWidth(TokenListModel::Name) >= TokenTableView::MinNameWidth);
    // Wider window: Name takes the room.
    const int nameBefore = table->columnWidth(TokenListModel::Name);
    m_fx->window()->resize(1400, 900);
    QVERIFY(QTest::qWaitFor([&] { return table->columnWidth(TokenListModel::Name) > nameBefore; }));
}

void TestTokenTable::createdFromTheLedger()
{
    startApp();
    const QUuid specter = m_fx->demoAccount(QStringLiteral("specter"));
    if (specter.isNull())
        QSKIP("the Specter provider is not in this build");
    const Token created = createSpecterToken(QStringLiteral("ledger-made"), QStringLiteral("2 days"));
    QVERIFY(!created.id.isEmpty());
    QVERIFY(created.created && created.created->isValid());

    // A restart (a new controller over the same folder and keychain): the list comes from Specter, which does not
    // say when a token was made; the ledger does.
    QVERIFY(m_fx->openController(&m_clock));
    m_fx->createWindow();
    QVERIFY(refreshAccount(specter));
    const QList<Token> listed = m_fx->controller()->accountTokens()->tokens(specter);
    const auto it = std::find_if(listed.cbegin(), listed.cend(), [&](const Token &t) { return t.id == created.id; });
    QVERIFY(it != listed.cend());
    QVERIFY(it->created);
    QCOMPARE(*it->created, *created.created);
    TokenListModel *model = pageTable()->tokenModel();
    const int row = model->rowOf(it->accountId, created.id);
    QVERIFY(row >= 0);
    QCOMPARE(model->index(row, TokenListModel::Created).data().toString(), model->timeText(created.created));
    QVERIFY(!model->index(row, TokenListModel::Created).data().toString().isEmpty());
}

void TestTokenTable::tabReachesTheTableFirst()
{
    startApp();
    const QUuid specter = m_fx->demoAccount(QStringLiteral("specter"));
    if (specter.isNull())
        QSKIP("the Specter provider is not in this build");
    QVERIFY(!createSpecterToken(QStringLiteral("soon"), QStringLiteral("2 hours")).id.isEmpty());
    QVERIFY(!createSpecterToken(QStringLiteral("this-week"), QStringLiteral("3 days")).id.isEmpty());
    m_fx->createWindow();
    m_fx->window()->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_fx->window()));
    QVERIFY(refreshAccount(specter));
    QVERIFY(QTest::qWaitFor([this] { return m_fx->window()->expiryBanner()->isVisible(); }));
    TokenTableView *table = pageTable();
    QVERIFY(table->model()->rowCount() > 0);

    // From the sidebar, Tab leaves it for the table, not for the banner's links.
    m_fx->window()->accountView()->setFocus();
    QVERIFY(QTest::qWaitFor([this] { return m_fx->window()->accountView()->hasFocus(); }));
    QWidget *sidebar = m_fx->window()->findChild<AccountSidebar *>();
    QVERIFY(sidebar);
    for (int i = 0; i < 10 && sidebar->isAncestorOf(QApplication::focusWidget()); ++i)
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget(), table);

    // Enter on the current row opens its details.
    table->setCurrentIndex(table->model()->index(0, 0));
    QTest::keyClick(table, Qt::Key_Return);
    QVERIFY(QTest::qWaitFor([this] {
        auto *box = m_fx->window()->findChild<QMessageBox *>(QStringLiteral("messageBox"));
        return box && box->isVisible() && box->windowTitle() == QStringLiteral("Token Details");
    }));
    m_fx->window()->findChild<QMessageBox *>(QStringLiteral("messageBox"))->close();
    QVERIFY(QTest::qWaitFor([this] {
        auto *box = m_fx->window()->findChild<QMessageBox *>(QStringLiteral("messageBox"));
        return !box || !box->isVisible();
    }));

    // So does Enter in All accounts, where the row's own account answers.
    m_fx->window()->showAllAccounts();
    TokenTableView *all = m_fx->window()->allAccountsView()->table();
    QVERIFY(QTest::qWaitFor([all] { return all->model()->rowCount() > 0; }));
    all->setFocus();
    all->setCurrentIndex(all->model()->index(0, 0));
    all->selectionModel()->select(all->currentIndex(), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    QVERIFY(m_fx->window()->findChild<QAction *>(QStringLiteral("actionDetails"))->isEnabled());
    QTest::keyClick(all, Qt::Key_Return);
    QVERIFY(QTest::qWaitFor([this] {
        auto *box = m_fx->window()->findChild<QMessageBox *>(QStringLiteral("messageBox"));
        return box && box->isVisible() && box->windowTitle() == QStringLiteral("Token Details");
    }));
}

QTEST_MAIN(TestTokenTable)
#include "tst_tokentable.moc"
