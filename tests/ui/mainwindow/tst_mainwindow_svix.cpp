#include "AccountController.h"
#include "AllAccountsView.h"
#include "Confirmer.h"
#include "CreateTokenDialog.h"
#include "ExpireAllDialog.h"
#include "FieldForm.h"
#include "MainWindow.h"
#include "MainWindowTestSupport.h"
#include "RevealDialog.h"
#include "TypedConfirmation.h"
#include "workflows/AccountTokens.h"
#include "workflows/AccountsRefresher.h"

#include "SvixEmulator.h"
#include "WindowFixture.h"

#include "core/Clock.h"
#include "items/AccountListModel.h"
#include "items/TokenListModel.h"
#include "providers/AccountSession.h"
#include "providers/svix/SvixProvider.h"
#include "store/AuditLog.h"
#include "store/SecretStore.h"

#include <QAction>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QIcon>
#include <QImage>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStyleOptionViewItem>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

#include <memory>

// The Svix account in the main window, on the in-process sandbox with a TestClock shared by the window and
// the sandbox: portal access and message tokens minted through the create dialog appear as ledger rows
// counting down; "Log Out a Token…" marks the pasted token's row revoked; "Expire All…" ends the rest after
// the grace period; everything is in the audit log.
class tst_MainWindowSvix : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void providerIconInTheSidebar();
    void mintLogoutAndExpireAll();
    void dashboardAccessAndOneTimeFromMenu();
    void openSourceServerShownAsItIs();
    void expireAllReachesAllAccountsAtOnce();

private:
    bool startWindow();
    bool waitForRefresh(QSignalSpy &spy, bool expectOk = true);
    int rowOfKind(const QString &kind) const;

    std::unique_ptr<WindowFixture> m_fx;
    std::unique_ptr<TestClock> m_clock;
    QUuid m_account;
};

void tst_MainWindowSvix::init()
{
    m_fx = std::make_unique<WindowFixture>();
    QVERIFY(m_fx->isValid());
    // Near the real time, so certificates and HTTP dates look sane; from then on it moves only when told.
    m_clock = std::make_unique<TestClock>(QDateTime::currentDateTimeUtc());
}

void tst_MainWindowSvix::cleanup()
{
    m_fx.reset(); // before the clock its window, controller and sandbox read
    m_clock.reset();
}

bool tst_MainWindowSvix::startWindow()
{
    if (!m_fx->startSandbox(0, {}, m_clock.get()))
        return false;

    m_fx->openController(m_clock.get());
    // The window first, so that the refresh it starts when the accounts arrive is seen.
    m_fx->createWindow(true);
    QSignalSpy refreshed(m_fx->window(), &MainWindow::refreshed);
    m_account = WindowFixture::accountOf(m_fx->addDemoAccounts(), QStringLiteral("svix"));
    if (m_account.isNull())
        return false;
    m_fx->window()->selectAccount(m_account);
    return waitForRefresh(refreshed);
}

bool tst_MainWindowSvix::waitForRefresh(QSignalSpy &spy, bool expectOk)
{
    auto find = [&spy, this]() -> const QList<QVariant> * {
        for (const QList<QVariant> &signal : std::as_const(spy)) {
            if (signal.at(0).toUuid() == m_account)
                return &signal;
        }
        return nullptr;
    };
    if (!QTest::qWaitFor([&find] { return find() != nullptr; }, 15000))
        return false;
    const bool ok = find()->at(1).toBool() == expectOk;
    spy.clear();
    return ok;
}

int tst_MainWindowSvix::rowOfKind(const QString &kind) const
{
    TokenListModel *model = m_fx->window()->tokenModel();
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->tokenAt(row).kind == kind)
            return row;
    }
    return -1;
}

void tst_MainWindowSvix::providerIconInTheSidebar()
{
    QVERIFY(startWindow());
    // The icon is compiled in (resources/icons/providers/svix.svg through ui/CMakeLists.txt's glob) and
    // renders; the sidebar's group row of the Svix account uses it, not the generic one.
    QVERIFY(QFile::exists(QStringLiteral(":/icons/providers/svix.svg")));
    QVERIFY(!QIcon(QStringLiteral(":/icons/providers/svix.svg")).pixmap(32, 32).isNull());
    QAbstractItemModel *model = m_fx->window()->accountView()->model();
    bool found = false;
    for (int group = 0; group < model->rowCount(); ++group) {
        const QModelIndex index = model->index(group, 0);
        if (index.data(AccountListModel::ProviderIdRole).toString() != QLatin1String("svix"))
            continue;
        found = true;
        QStyleOptionViewItem option;
        option.initFrom(m_fx->window()->accountView());
        auto *delegate = m_fx->window()->accountView()->itemDelegateForIndex(index);
        QVERIFY(delegate);
        QImage image(64, 24, QImage::Format_ARGB32);
        image.fill(Qt::white);
        QPainter painter(&image);
        option.rect = image.rect();
        delegate->paint(&painter, option, index);
        painter.end();
        // Something was drawn (the icon at least): not a blank row.
        bool drawn = false;
        for (int x = 0; x < 24 && !drawn; ++x) {
            for (int y = 0; y < 24 && !drawn; ++y)
                drawn = image.pixel(x, y) != QColor(Qt::white).rgb();
        }
        QVERIFY(drawn);
    }
    QVERIFY(found);
}

void tst_MainWindowSvix::mintLogoutAndExpireAll()
{
    QVERIFY(startWindow());
    QSignalSpy refreshed(m_fx->window(), &MainWindow::refreshed);
    QCOMPARE(m_fx->window()->tokenModel()->rowCount(), 0); // an empty ledger
    auto *provider = qobject_cast<SvixProvider *>(m_fx->controller()->provider(m_account));
    QVERIFY(provider);
    QVERIFY(!provider->appIds().isEmpty());
    const QString app = provider->appIds().first();
    for (const char *name : {"actionNewToken", "actionExpireAll", "actionLogoutToken", "actionRefresh"})
        QVERIFY2(m_fx->window()->findChild<QAction *>(QLatin1String(name))->isEnabled(), name);

    // Portal access: magic link and token in the reveal dialog; a ledger row counting down.
    RevealDialog *reveal = createThroughDialog(m_fx->window(), QStringLiteral("portal"),
        {{QStringLiteral("app_id"), app}, {QStringLiteral("expiry"), QStringLiteral("1 day")}});
    QVERIFY(reveal);
    QVERIFY(reveal->findChild<QLineEdit *>(QStringLiteral("linkValue")));
    const QString portalToken = reveal->findChild<QLineEdit *>(QStringLiteral("tokenValue"))->text();
    QVERIFY(!portalToken.isEmpty());
    reveal->reject();
    QVERIFY(waitForRefresh(refreshed));

    // A message token.
    reveal = createThroughDialog(m_fx->window(), QStringLiteral("message"),
        {{QStringLiteral("app_id"), app}, {QStringLiteral("name"), QStringLiteral("GUI message token")},
            {QStringLiteral("expiry"), QStringLiteral("1 hour")}});
    QVERIFY(reveal);
    QVERIFY(!reveal->findChild<QLineEdit *>(QStringLiteral("tokenValue"))->text().isEmpty());
    reveal->reject();
    QVERIFY(waitForRefresh(refreshed));

    TokenListModel *model = m_fx->window()->tokenModel();
    QCOMPARE(model->rowCount(), 2);
    const int portalRow = rowOfKind(QStringLiteral("portal"));
    const int messageRow = rowOfKind(QStringLiteral("message"));
    QVERIFY(portalRow >= 0 && messageRow >= 0);
    const qint64 portalLeft = model->index(portalRow, 0).data(TokenListModel::RemainingMsRole).toLongLong();
    const qint64 messageLeft = model->index(messageRow, 0).data(TokenListModel::RemainingMsRole).toLongLong();
    QVERIFY2(portalLeft > 86000 * 1000LL && portalLeft <= 86400 * 1000LL, qPrintable(QString::number(portalLeft)));
    QVERIFY2(messageLeft > 3500 * 1000LL && messageLeft <= 3600 * 1000LL, qPrintable(QString::number(messageLeft)));
    // Counting down with the clock.
    m_clock->advanceSeconds(60);
    QCOMPARE(model->index(portalRow, 0).data(TokenListModel::RemainingMsRole).toLongLong(), portalLeft - 60000);
    QCOMPARE(model->index(messageRow, 0).data(TokenListModel::RemainingMsRole).toLongLong(), messageLeft - 60000);

    const QString portalId = model->tokenAt(portalRow).id;
    const QString messageId = model->tokenAt(messageRow).id;

    // Log out the pasted portal token: its row is revoked, the message token is untouched.
    answerNextDialog<QInputDialog>([portalToken](QInputDialog *dialog) {
        QCOMPARE(dialog->textEchoMode(), QLineEdit::Password);
        dialog->setTextValue(portalToken);
        dialog->accept();
    });
    m_fx->window()->findChild<QAction *>(QStringLiteral("actionLogoutToken"))->trigger();
    QVERIFY(waitForRefresh(refreshed));
    const Clock &clock = *m_fx->controller()->clock();
    QCOMPARE(model->tokenAt(model->rowOf(m_account, portalId)).status(clock), Token::Status::Revoked);
    QVERIFY(model->tokenAt(model->rowOf(m_account, messageId)).status(clock) != Token::Status::Revoked);

    // Expire all with a grace period of 2 minutes: the confirmation names the app, the grace and the sessions.
    answerNextDialog<ExpireAllDialog>([app](ExpireAllDialog *dialog) {
        auto *apps = dialog->findChild<QComboBox *>(QStringLiteral("appCombo"));
        QVERIFY(apps->findText(app) >= 0); // the account's applications are offered
        apps->setCurrentText(app);
        dialog->findChild<QSpinBox *>(QStringLiteral("graceValue"))->setValue(2);
        auto *unit = dialog->findChild<QComboBox *>(QStringLiteral("graceUnit"));
        for (int i = 0; i < unit->count(); ++i) {
            if (unit->itemText(i).contains(QLatin1String("min"), Qt::CaseInsensitive))
                unit->setCurrentIndex(i);
        }
        QCOMPARE(dialog->request().graceSeconds, 120);
        // The dialog is the only confirmation: its summary names the app, the grace and the sessions, and its
        // button needs the application id typed.
        const QString summary = dialog->findChild<QLabel *>(QStringLiteral("summaryLabel"))->text();
        QVERIFY2(summary.contains(app), qPrintable(summary));
        QVERIFY2(summary.contains(QLatin1String("2 minutes")), qPrintable(summary));
        QVERIFY2(summary.contains(QLatin1String("all sessions")), qPrintable(summary));
        QVERIFY(!dialog->expireButton()->isEnabled());
        dialog->confirmation()->lineEdit()->setText(app);
        QVERIFY(dialog->expireButton()->isEnabled());
        dialog->expireButton()->click();
    });
    const int confirmations = Confirmer::questionCountForTest();
    m_fx->window()->findChild<QAction *>(QStringLiteral("actionExpireAll"))->trigger();
    QVERIFY(waitForRefresh(refreshed));
    QCOMPARE(Confirmer::questionCountForTest(), confirmations); // not asked twice

    // Within the grace period the message token still works; after it, it is expired. The logged-out portal
    // token stays revoked.
    int row = model->rowOf(m_account, messageId);
    QVERIFY(row >= 0);
    QVERIFY(model->tokenAt(row).status(clock) != Token::Status::Expired);
    m_clock->advanceSeconds(121);
    model->tick();
    QCOMPARE(model->tokenAt(row).status(clock), Token::Status::Expired);
    QCOMPARE(model->index(row, 0).data(TokenListModel::StatusRole).toInt(), int(Token::Status::Expired));
    QCOMPARE(model->tokenAt(model->rowOf(m_account, portalId)).status(clock), Token::Status::Revoked);
    // A later refresh from the ledger agrees.
    m_fx->window()->refresh();
    QVERIFY(waitForRefresh(refreshed));
    row = model->rowOf(m_account, messageId);
    QCOMPARE(model->tokenAt(row).status(clock), Token::Status::Expired);
    QCOMPARE(model->tokenAt(model->rowOf(m_account, portalId)).status(clock), Token::Status::Revoked);

    // The audit log has both creates, the logout and the expire-all, and never the token value.
    AuditFilter filter;
    filter.accountId = m_account;
    const QList<AuditEntry> entries = m_fx->controller()->auditLog()->query(filter);
    QStringList actions;
    for (const AuditEntry &entry : entries) {
        actions.append(entry.action);
        QVERIFY(!entry.detail.contains(portalToken));
        QVERIFY(!entry.target.contains(portalToken));
    }
    QCOMPARE(actions.count(QStringLiteral("create")), 2);
    QCOMPARE(actions.count(QStringLiteral("logout-token")), 1);
    QCOMPARE(actions.count(QStringLiteral("expire-all")), 1);
}

// Tokens > Svix: Dashboard Access… asks for the application and shows the token and magic link once; the
// link's one-time key pasted into Svix: Exchange a One-Time Token… gives the same portal token, shown once.
void tst_MainWindowSvix::dashboardAccessAndOneTimeFromMenu()
{
    QVERIFY(startWindow());
    auto *dashboardAction = m_fx->window()->findChild<QAction *>(QStringLiteral("actionSvixDashboardAccess"));
    auto *exchangeAction = m_fx->window()->findChild<QAction *>(QStringLiteral("actionSvixExchangeOneTimeToken"));
    QVERIFY(dashboardAction && exchangeAction);
    QVERIFY(dashboardAction->isEnabled() && exchangeAction->isEnabled());
    auto *provider = qobject_cast<SvixProvider *>(m_fx->controller()->provider(m_account));
    QVERIFY(provider);
    const QString app = provider->appIds().first();

    answerNextDialog<QInputDialog>([app](QInputDialog *dialog) {
        dialog->setTextValue(app);
        dialog->accept();
    });
    dashboardAction->trigger();
    QVERIFY(QTest::qWaitFor([this] { return findVisible<RevealDialog>(m_fx->window()) != nullptr; }, 15000));
    RevealDialog *reveal = findVisible<RevealDialog>(m_fx->window());
    const QString token = reveal->findChild<QLineEdit *>(QStringLiteral("tokenValue"))->text();
    const QString link = reveal->findChild<QLineEdit *>(QStringLiteral("linkValue"))->text();
    QVERIFY(token.startsWith(QLatin1String("appsk_")));
    const qsizetype key = link.indexOf(QLatin1String("#key="));
    QVERIFY2(key > 0, qPrintable(link));
    const QString oneTime = link.mid(key + 5);
    reveal->reject();
    QVERIFY(QTest::qWaitFor([this] { return findVisible<RevealDialog>(m_fx->window()) == nullptr; }, 5000));

    answerNextDialog<QInputDialog>([oneTime](QInputDialog *dialog) {
        QCOMPARE(dialog->textEchoMode(), QLineEdit::Password);
        dialog->setTextValue(oneTime);
        dialog->accept();
    });
    exchangeAction->trigger();
    QVERIFY(QTest::qWaitFor([this] { return findVisible<RevealDialog>(m_fx->window()) != nullptr; }, 15000));
    reveal = findVisible<RevealDialog>(m_fx->window());
    QCOMPARE(reveal->findChild<QLineEdit *>(QStringLiteral("tokenValue"))->text(), token);
    reveal->reject();

    AuditFilter filter;
    filter.accountId = m_account;
    QStringList actions;
    for (const AuditEntry &entry : m_fx->controller()->auditLog()->query(filter)) {
        actions.append(entry.action);
        QVERIFY(!entry.detail.contains(token) && !entry.target.contains(token));
    }
    QCOMPARE(actions.count(QStringLiteral("dashboard-access")), 1);
    QCOMPARE(actions.count(QStringLiteral("exchange-one-time-token")), 1);
}

// A self-hosted (open-source) server: the portal token's reveal dialog says it lives 28 days with full access,
// its row counts down from 28 days, and expire-all and the one-time exchange are no longer offered.
void tst_MainWindowSvix::openSourceServerShownAsItIs()
{
    QVERIFY(startWindow());
    auto *emulator = dynamic_cast<SvixEmulator *>(m_fx->server()->emulator(QStringLiteral("svix")));
    QVERIFY(emulator);
    emulator->setOpenSource(true);
    auto *provider = qobject_cast<SvixProvider *>(m_fx->controller()->provider(m_account));
    QVERIFY(provider);
    QSignalSpy refreshed(m_fx->window(), &MainWindow::refreshed);
    RevealDialog *reveal = createThroughDialog(m_fx->window(), QStringLiteral("portal"),
        {{QStringLiteral("app_id"), provider->appIds().first()}, {QStringLiteral("expiry"), QStringLiteral("1 hour")},
            {QStringLiteral("read_only"), true}});
    QVERIFY(reveal);
    const QString notes = reveal->findChild<QLabel *>(QStringLiteral("notesLabel"))->text();
    QVERIFY2(
        notes.contains(QLatin1String("28 days")) && notes.contains(QLatin1String("full access")), qPrintable(notes));
    reveal->reject();
    QVERIFY(waitForRefresh(refreshed));
    TokenListModel *model = m_fx->window()->tokenModel();
    const int row = rowOfKind(QStringLiteral("portal"));
    QVERIFY(row >= 0);
    const qint64 left = model->index(row, 0).data(TokenListModel::RemainingMsRole).toLongLong();
    QVERIFY2(left > 27 * 86400 * 1000LL, qPrintable(QString::number(left)));
    m_fx->window()->selectAccount(m_account);
    QVERIFY(!m_fx->window()->findChild<QAction *>(QStringLiteral("actionExpireAll"))->isEnabled());
    QVERIFY(!m_fx->window()->findChild<QAction *>(QStringLiteral("actionSvixExchangeOneTimeToken"))->isEnabled());
    QVERIFY(m_fx->window()->findChild<QAction *>(QStringLiteral("actionSvixDashboardAccess"))->isEnabled());
}

QTEST_MAIN(tst_MainWindowSvix)
#include "tst_mainwindow_svix.moc"

// One truth per token: after Expire All in the account's view, All accounts shows both tokens expired without a
// Refresh All (it read its own copy of the list before).
void tst_MainWindowSvix::expireAllReachesAllAccountsAtOnce()
{
    QVERIFY(startWindow());
    QSignalSpy refreshed(m_fx->window(), &MainWindow::refreshed);
    auto *provider = qobject_cast<SvixProvider *>(m_fx->controller()->provider(m_account));
    QVERIFY(provider && !provider->appIds().isEmpty());
    const QString app = provider->appIds().first();
    for (const QString &name : {QStringLiteral("first"), QStringLiteral("second")}) {
        RevealDialog *reveal = createThroughDialog(m_fx->window(), QStringLiteral("message"),
            {{QStringLiteral("app_id"), app}, {QStringLiteral("name"), name},
                {QStringLiteral("expiry"), QStringLiteral("7 days")}});
        QVERIFY(reveal);
        reveal->reject();
        QVERIFY(waitForRefresh(refreshed));
    }

    // All accounts lists them once...
    QSignalSpy allDone(m_fx->window()->allAccountsView(), &AllAccountsView::allRefreshed);
    m_fx->window()->showAllAccounts();
    m_fx->window()->allAccountsView()->refreshAll();
    QVERIFY(allDone.wait(20000) || !allDone.isEmpty());
    TokenListModel *all = m_fx->window()->allAccountsView()->tokenModel();
    const Clock &clock = *m_fx->controller()->clock();
    auto statusesInAllAccounts = [&] {
        QList<Token::Status> statuses;
        for (int row = 0; row < all->rowCount(); ++row) {
            const Token token = all->tokenAt(row);
            if (token.accountId == m_account && token.kind == QLatin1String("message"))
                statuses.append(token.status(clock));
        }
        return statuses;
    };
    QCOMPARE(statusesInAllAccounts(), QList<Token::Status>({Token::Status::Active, Token::Status::Active}));

    // ...then Expire All (no grace) in the account's own view.
    m_fx->window()->selectAccount(m_account);
    answerNextDialog<ExpireAllDialog>([app](ExpireAllDialog *dialog) {
        dialog->findChild<QComboBox *>(QStringLiteral("appCombo"))->setCurrentText(app);
        dialog->findChild<QSpinBox *>(QStringLiteral("graceValue"))->setValue(0);
        dialog->confirmation()->lineEdit()->setText(app);
        dialog->expireButton()->click();
    });
    refreshed.clear();
    m_fx->window()->findChild<QAction *>(QStringLiteral("actionExpireAll"))->trigger();
    QVERIFY(waitForRefresh(refreshed));

    // Back in All accounts, without Refresh All: both expired, no row missing.
    const int runs = m_fx->window()->allAccountsView()->refresher()->runCount();
    m_fx->window()->showAllAccounts();
    QCOMPARE(m_fx->window()->allAccountsView()->refresher()->runCount(), runs);
    QCOMPARE(statusesInAllAccounts(), QList<Token::Status>({Token::Status::Expired, Token::Status::Expired}));
    // The account's table, shown again without a refresh, says the same.
    m_fx->window()->selectAccount(m_account);
    TokenListModel *own = m_fx->window()->tokenModel();
    QCOMPARE(own->rowCount(), 2);
    for (int row = 0; row < own->rowCount(); ++row)
        QCOMPARE(own->tokenAt(row).status(clock), Token::Status::Expired);
}
