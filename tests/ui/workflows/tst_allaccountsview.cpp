#include "AccountController.h"
#include "AllAccountsView.h"
#include "AppTranslators.h"
#include "MainWindow.h"
#include "ProviderIconDelegate.h"

#include "WindowFixture.h"

#include "workflows/AccountTokens.h"

#include "AwaitFuture.h"
#include "items/TokenFilterModel.h"
#include "items/TokenListModel.h"
#include "store/SecretStore.h"
#include "workflows/AccountsRefresher.h"

#include <QAction>
#include <QItemSelectionModel>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QSet>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

#include <memory>

// The "All accounts" view in the main window, on the in-process sandbox with several accounts at
// once: a Specter account with a wrong password fails and is reported with its reason, the other accounts'
// rows arrive with their account names, the selection spans accounts, F5 refreshes every account.
class tst_AllAccountsView : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void showsEveryAccountOneFailing();
    void selectionSpansAccounts();
    void refreshAndFilter();
    void selectingAnAccountLeavesTheView();

private:
    bool startWindow();
    bool refreshAllAndWait(const std::function<void()> &trigger);
    QSet<QUuid> accountsOfRows() const;
    AllAccountsView *view() const { return m_fx->window()->allAccountsView(); }

    std::unique_ptr<WindowFixture> m_fx;
    QUuid m_specter, m_magicbell, m_broken;
    QString m_specterName, m_magicbellName;
};

void tst_AllAccountsView::initTestCase()
{
    // The English plurals the app installs ("its tokens" / "their tokens").
    QVERIFY(AppTranslators::install(*qApp, QLocale(QLocale::English, QLocale::UnitedStates)));
}

void tst_AllAccountsView::init()
{
    m_fx = std::make_unique<WindowFixture>();
    QVERIFY(m_fx->isValid());
    QVERIFY(startWindow());
}

void tst_AllAccountsView::cleanup()
{
    m_fx.reset();
}

bool tst_AllAccountsView::startWindow()
{
    if (!m_fx->startSandbox(3, {.magicbellJwtRoutes = true}))
        return false;
    m_fx->openController();
    m_fx->createWindow(true);
    for (const Account &account : m_fx->addDemoAccounts()) {
        if (account.providerId == QLatin1String("specter")) {
            m_specter = account.id;
            m_specterName = account.name;
        } else if (account.providerId == QLatin1String("magicbell")) {
            m_magicbell = account.id;
            m_magicbellName = account.name;
        }
    }
    if (m_specter.isNull() || m_magicbell.isNull())
        return false;
    // The failing one: the same Specter with a wrong password.
    Account broken = *m_fx->controller()->account(m_specter);
    broken.id = QUuid::createUuid();
    broken.name = QStringLiteral("Broken Specter");
    const auto added =
        awaitFuture(m_fx->controller()->addAccount(broken, {{QStringLiteral("password"), QStringLiteral("wrong")}}));
    if (!added || !added->ok())
        return false;
    m_broken = broken.id;
    m_fx->window()->show();
    return QTest::qWaitForWindowExposed(m_fx->window())
        && refreshAllAndWait([this] { m_fx->window()->showAllAccounts(); });
}

bool tst_AllAccountsView::refreshAllAndWait(const std::function<void()> &trigger)
{
    QSignalSpy done(view(), &AllAccountsView::allRefreshed);
    trigger();
    return done.wait(20000) || !done.isEmpty();
}

QSet<QUuid> tst_AllAccountsView::accountsOfRows() const
{
    QSet<QUuid> ids;
    const QAbstractItemModel *model = view()->tokenView()->model();
    for (int row = 0; row < model->rowCount(); ++row)
        ids.insert(model->index(row, 0).data(TokenListModel::AccountIdRole).toUuid());
    return ids;
}

void tst_AllAccountsView::showsEveryAccountOneFailing()
{
    QVERIFY(m_fx->window()->isAllAccountsShown());
    QVERIFY(m_fx->window()->currentAccountId().isNull());
    const QSet<QUuid> accounts = accountsOfRows();
    QVERIFY(accounts.contains(m_specter));
    QVERIFY(accounts.contains(m_magicbell));
    QVERIFY(!accounts.contains(m_broken));

    // Each row names its account in the Account column, with the provider's icon drawn by the delegate.
    const QAbstractItemModel *model = view()->tokenView()->model();
    QSet<QString> names;
    for (int row = 0; row < model->rowCount(); ++row)
        names.insert(model->index(row, TokenListModel::Account).data().toString());
    QVERIFY(names.contains(m_specterName));
    QVERIFY(names.contains(m_magicbellName));
    QCOMPARE(view()->tokenView()->itemDelegateForColumn(TokenListModel::Account), view()->iconDelegate());
    QVERIFY(!view()->iconDelegate()->iconFor(QStringLiteral("specter")).isNull());

    // The failure is reported with the account's name and the reason; the others are not listed as failing.
    const QHash<QUuid, QString> failed = view()->failedAccounts();
    QVERIFY(failed.contains(m_broken));
    QVERIFY(!failed.value(m_broken).isEmpty());
    QVERIFY(!failed.contains(m_specter));
    QVERIFY(!failed.contains(m_magicbell));
    QVERIFY(view()->loadingAccounts().isEmpty());
    QLabel *strip = view()->statusStrip();
    QVERIFY(strip->isVisible());
    QVERIFY(strip->text().contains(QStringLiteral("Broken Specter")));
    QVERIFY(strip->text().contains(failed.value(m_broken)));
    QVERIFY(!strip->text().contains(m_magicbellName + QStringLiteral(" failed")));

    // An account that waits for its user to sign in is said to be so, on a line of its own, not as a failure.
    QStringList signedOut;
    for (const Account &account : m_fx->controller()->accounts()) {
        if (m_fx->controller()->accountTokens()->needsSignIn(account.id))
            signedOut.append(account.name);
    }
    QVERIFY(!signedOut.isEmpty()); // the NetSapiens demo accounts, which nobody signed in to here
    const QStringList lines = strip->text().split(QLatin1Char('\n'));
    QCOMPARE(lines.first(),
        QStringLiteral("Not signed in: %1. Sign in to see %2 tokens.")
            .arg(signedOut.join(QStringLiteral(", ")),
                signedOut.size() == 1 ? QStringLiteral("its") : QStringLiteral("their")));
    for (const QString &name : std::as_const(signedOut))
        QVERIFY2(!strip->text().contains(name + QStringLiteral(" failed")), qPrintable(strip->text()));
}

void tst_AllAccountsView::selectionSpansAccounts()
{
    QTableView *table = view()->tokenView();
    const QAbstractItemModel *model = table->model();
    int specterRow = -1;
    int magicbellRow = -1;
    for (int row = 0; row < model->rowCount(); ++row) {
        const QUuid id = model->index(row, 0).data(TokenListModel::AccountIdRole).toUuid();
        if (id == m_specter && specterRow < 0)
            specterRow = row;
        if (id == m_magicbell && magicbellRow < 0)
            magicbellRow = row;
    }
    QVERIFY(specterRow >= 0 && magicbellRow >= 0);
    table->selectionModel()->select(
        model->index(specterRow, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
    table->selectionModel()->select(
        model->index(magicbellRow, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);

    const QList<Token> selected = m_fx->window()->selectedTokens();
    QCOMPARE(selected.size(), 2);
    QSet<QUuid> accounts;
    for (const Token &token : selected)
        accounts.insert(token.accountId);
    QCOMPARE(accounts, (QSet<QUuid> {m_specter, m_magicbell}));
    auto *revoke = m_fx->window()->findChild<QAction *>(QStringLiteral("actionRevoke"));
    QVERIFY(revoke && revoke->isEnabled());
}

void tst_AllAccountsView::refreshAndFilter()
{
    AccountsRefresher *refresher = view()->refresher();
    const int runs = refresher->runCount();
    auto *refresh = m_fx->window()->findChild<QAction *>(QStringLiteral("actionRefresh"));
    QVERIFY(refresh && refresh->isEnabled());
    QVERIFY(refreshAllAndWait([this, refresh] {
        refresh->trigger();
        // While the calls are out, the strip lists the accounts still loading by name.
        QVERIFY(!view()->loadingAccounts().isEmpty());
        QVERIFY(view()->statusStrip()->text().contains(m_magicbellName));
        QVERIFY(view()->statusStrip()->text().startsWith(QStringLiteral("Loading")));
    }));
    QCOMPARE(refresher->runCount(), runs + 1);
    QVERIFY(accountsOfRows().contains(m_specter)); // rows stay and are refreshed
    QVERIFY(view()->failedAccounts().contains(m_broken));

    // Filtering works like the per-account table: here by one MagicBell token's id.
    const QAbstractItemModel *model = view()->tokenView()->model();
    const int all = model->rowCount();
    QString magicbellToken;
    for (int row = 0; row < all && magicbellToken.isEmpty(); ++row) {
        if (model->index(row, 0).data(TokenListModel::AccountIdRole).toUuid() == m_magicbell)
            magicbellToken = model->index(row, 0).data(TokenListModel::TokenIdRole).toString();
    }
    QVERIFY(!magicbellToken.isEmpty());
    view()->filterEdit()->setText(magicbellToken);
    QCOMPARE(accountsOfRows(), QSet<QUuid> {m_magicbell});
    QVERIFY(model->rowCount() < all);
    view()->filterEdit()->clear();
    QCOMPARE(view()->tokenView()->model()->rowCount(), all);
}

void tst_AllAccountsView::selectingAnAccountLeavesTheView()
{
    m_fx->window()->selectAccount(m_magicbell);
    QVERIFY(!m_fx->window()->isAllAccountsShown());
    QCOMPARE(m_fx->window()->currentAccountId(), m_magicbell);
    auto *entry = m_fx->window()->findChild<QListWidget *>(QStringLiteral("allAccountsEntry"));
    QVERIFY(entry);
    QVERIFY(!entry->accessibleName().isEmpty());
    // Back by keyboard (the action's shortcut) and by the sidebar entry.
    auto *action = m_fx->window()->findChild<QAction *>(QStringLiteral("actionAllAccounts"));
    QVERIFY(action && !action->shortcut().isEmpty());
    action->trigger();
    QVERIFY(m_fx->window()->isAllAccountsShown());
    QVERIFY(m_fx->window()->currentAccountId().isNull());
    m_fx->window()->selectAccount(m_specter);
    QVERIFY(!m_fx->window()->isAllAccountsShown());
    emit entry->itemActivated(entry->item(0));
    QVERIFY(m_fx->window()->isAllAccountsShown());
}

QTEST_MAIN(tst_AllAccountsView)
#include "tst_allaccountsview.moc"
