#include "AccountController.h"
#include "Confirmer.h"
#include "CreateTokenDialog.h"
#include "FieldForm.h"
#include "MainWindow.h"
#include "MainWindowTestSupport.h"
#include "RevealDialog.h"

#include "WindowFixture.h"
#include "magicbell/MagicBellEmulator.h"

#include "items/AccountListModel.h"
#include "items/TokenFilterModel.h"
#include "items/TokenListModel.h"
#include "providers/AccountSession.h"
#include "store/AuditLog.h"
#include "store/SecretStore.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

#include <memory>

// The MagicBell account in the main window, on the in-process sandbox: project and user tokens in the table,
// the "Tokens of a User…" flow, creating both kinds through the create dialog, discarding from the table, a
// server without the JWT routes, and the page-cap warning in the status bar.
class tst_MainWindowMagicBell : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void listsProjectTokens();
    void userTokensOfAUser();
    void createProjectAndUserTokens();
    void discardFromTheTable();
    void serverWithoutJwtRoutes();
    void pageCapWarningInStatusBar();
    void signedUserTokenCannotBeRevoked();

private:
    bool startWindow(int seed);
    bool refreshAndWait(const std::function<void()> &trigger, bool expectOk = true);
    int rowOfLabel(const QString &label) const;
    QAction *action(const QString &name) const { return m_fx->window()->findChild<QAction *>(name); }

    std::unique_ptr<WindowFixture> m_fx;
    MagicBellEmulator *m_emulator = nullptr;
    QUuid m_account;
};

void tst_MainWindowMagicBell::init()
{
    m_fx = std::make_unique<WindowFixture>();
    QVERIFY(m_fx->isValid());
}

void tst_MainWindowMagicBell::cleanup()
{
    m_emulator = nullptr;
    m_fx.reset();
}

bool tst_MainWindowMagicBell::startWindow(int seed)
{
    if (!m_fx->startSandbox(seed, {.magicbellJwtRoutes = true}))
        return false;
    m_emulator = dynamic_cast<MagicBellEmulator *>(m_fx->server()->emulator(QStringLiteral("magicbell")));
    if (!m_emulator)
        return false;

    m_fx->openController();
    // The window first, so that the refresh it starts when the accounts arrive is seen.
    m_fx->createWindow(true);
    return refreshAndWait([this] {
        m_account = WindowFixture::accountOf(m_fx->addDemoAccounts(), QStringLiteral("magicbell"));
        m_fx->window()->selectAccount(m_account); // refreshes unless it was selected (and refreshed) already
    });
}

bool tst_MainWindowMagicBell::refreshAndWait(const std::function<void()> &trigger, bool expectOk)
{
    QSignalSpy refreshed(m_fx->window(), &MainWindow::refreshed);
    trigger();
    const bool arrived = QTest::qWaitFor(
        [&refreshed, this] {
            for (const QList<QVariant> &signal : std::as_const(refreshed)) {
                if (signal.at(0).toUuid() == m_account)
                    return true;
            }
            return false;
        },
        15000);
    if (!arrived)
        return false;
    for (const QList<QVariant> &signal : std::as_const(refreshed)) {
        if (signal.at(0).toUuid() == m_account)
            return signal.at(1).toBool() == expectOk;
    }
    return false;
}

int tst_MainWindowMagicBell::rowOfLabel(const QString &label) const
{
    TokenListModel *model = m_fx->window()->tokenModel();
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->tokenAt(row).label == label)
            return row;
    }
    return -1;
}

void tst_MainWindowMagicBell::listsProjectTokens()
{
    QVERIFY(startWindow(5));
    QCOMPARE(m_fx->window()->tokenModel()->rowCount(), 5);
    const QModelIndex kind = m_fx->window()->tokenModel()->index(0, TokenListModel::Kind);
    QCOMPARE(kind.data().toString(), QStringLiteral("project"));
    // The page cap was not hit: no warning.
    QVERIFY(m_fx->window()->lastWarning().isEmpty());
    QVERIFY(!m_fx->window()->findChild<QLabel *>(QStringLiteral("lastWarningLabel"))->isVisibleTo(m_fx->window()));
    QVERIFY(action(QStringLiteral("actionListBySubject"))->isEnabled());
    QVERIFY(action(QStringLiteral("actionNewToken"))->isEnabled());
}

void tst_MainWindowMagicBell::userTokensOfAUser()
{
    QVERIFY(startWindow(4));
    QCOMPARE(m_fx->window()->tokenModel()->rowCount(), 4);

    // "Tokens of a User…" asks for the user, then lists that user's tokens with their kind and subject.
    const QString user = QString::fromLatin1(MagicBellEmulator::DemoUserExternalId);
    answerNextDialog<QInputDialog>([user](QInputDialog *dialog) {
        dialog->setTextValue(user);
        dialog->accept();
    });
    QVERIFY(refreshAndWait([this] { action(QStringLiteral("actionListBySubject"))->trigger(); }));
    TokenListModel *model = m_fx->window()->tokenModel();
    QCOMPARE(model->rowCount(), 3); // the emulator's three demo user tokens
    for (int row = 0; row < model->rowCount(); ++row) {
        QCOMPARE(model->index(row, TokenListModel::Kind).data().toString(), QStringLiteral("user"));
        QCOMPARE(model->index(row, TokenListModel::Subject).data().toString(), user);
    }
    QVERIFY(rowOfLabel(QStringLiteral("Hana's phone")) >= 0);

    // Cancelling the question changes nothing.
    answerNextDialog<QInputDialog>([](QInputDialog *dialog) { dialog->reject(); });
    QSignalSpy refreshed(m_fx->window(), &MainWindow::refreshed);
    action(QStringLiteral("actionListBySubject"))->trigger();
    QCOMPARE(refreshed.size(), 0);
    QCOMPARE(model->rowCount(), 3);
}

void tst_MainWindowMagicBell::createProjectAndUserTokens()
{
    QVERIFY(startWindow(2));
    QCOMPARE(m_fx->window()->tokenModel()->rowCount(), 2);

    // A project token: the reveal dialog shows the value once (masked), the table gains the row.
    QSignalSpy refreshed(m_fx->window(), &MainWindow::refreshed);
    RevealDialog *reveal = createThroughDialog(m_fx->window(), QStringLiteral("project"),
        {{QStringLiteral("name"), QStringLiteral("From the GUI")},
            {QStringLiteral("expiry"), QStringLiteral("1 day")}});
    QVERIFY(reveal);
    auto *value = reveal->findChild<QLineEdit *>(QStringLiteral("tokenValue"));
    QVERIFY(value);
    QVERIFY(!value->text().isEmpty());
    QCOMPARE(value->echoMode(), QLineEdit::Password);
    QVERIFY(!reveal->isValueShown());
    QTRY_VERIFY_WITH_TIMEOUT(!refreshed.isEmpty(), 15000);
    QTRY_VERIFY(rowOfLabel(QStringLiteral("From the GUI")) >= 0);
    QCOMPARE(m_fx->window()->tokenModel()->rowCount(), 3);
    QCOMPARE(m_emulator->tokenCount(QStringLiteral("project")), 3);
    const Token created = m_fx->window()->tokenModel()->tokenAt(rowOfLabel(QStringLiteral("From the GUI")));
    QCOMPARE(created.kind, QStringLiteral("project"));
    QVERIFY(created.expires.has_value());
    reveal->reject();
    // The value is wiped from the dialog and never reaches the table model.
    QTRY_VERIFY(!findVisible<RevealDialog>(m_fx->window()));
    for (const Token &token : m_fx->window()->tokenModel()->tokens())
        QVERIFY(!token.extra.contains(QStringLiteral("token")));

    // A user token for the demo user: listed under that user.
    const int usersBefore = m_emulator->tokenCount(QStringLiteral("user"));
    refreshed.clear();
    reveal = createThroughDialog(m_fx->window(), QStringLiteral("user"),
        {{QStringLiteral("email"), QString::fromLatin1(MagicBellEmulator::DemoUserEmail)},
            {QStringLiteral("name"), QStringLiteral("GUI user token")},
            {QStringLiteral("expiry"), QStringLiteral("1 hour")}});
    QVERIFY(reveal);
    QVERIFY(!reveal->findChild<QLineEdit *>(QStringLiteral("tokenValue"))->text().isEmpty());
    reveal->reject();
    QCOMPARE(m_emulator->tokenCount(QStringLiteral("user")), usersBefore + 1);
    QTRY_VERIFY_WITH_TIMEOUT(!refreshed.isEmpty(), 15000); // the refresh after the create
    answerNextDialog<QInputDialog>([](QInputDialog *dialog) {
        dialog->setTextValue(QString::fromLatin1(MagicBellEmulator::DemoUserEmail));
        dialog->accept();
    });
    QVERIFY(refreshAndWait([this] { action(QStringLiteral("actionListBySubject"))->trigger(); }));
    const int userRow = rowOfLabel(QStringLiteral("GUI user token"));
    QVERIFY(userRow >= 0);
    QCOMPARE(m_fx->window()->tokenModel()->tokenAt(userRow).kind, QStringLiteral("user"));

    // Both creates are in the audit log (without the value).
    AuditFilter filter;
    filter.accountId = m_account;
    filter.action = QStringLiteral("create");
    const QList<AuditEntry> entries = m_fx->controller()->auditLog()->query(filter);
    QCOMPARE(entries.size(), 2);
    for (const AuditEntry &entry : entries)
        QCOMPARE(entry.outcome, QStringLiteral("success"));
}

void tst_MainWindowMagicBell::discardFromTheTable()
{
    QVERIFY(startWindow(3));
    const int row = rowOfLabel(QStringLiteral("Seed token 2"));
    QVERIFY(row >= 0);
    const QString id = m_fx->window()->tokenModel()->tokenAt(row).id;
    QVERIFY(m_fx->window()->tokenModel()->tokenAt(row).status(*m_fx->controller()->clock()) != Token::Status::Revoked);

    const QModelIndex proxy = m_fx->window()->filterModel()->mapFromSource(m_fx->window()->tokenModel()->index(row, 0));
    m_fx->window()->tokenView()->selectionModel()->select(
        proxy, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    QVERIFY(action(QStringLiteral("actionRevoke"))->isEnabled());

    // Declining the confirmation discards nothing.
    Confirmer::setNextAnswerForTest(false);
    m_fx->window()->revokeSelected();
    QVERIFY(Confirmer::lastQuestionForTest().contains(id));

    Confirmer::setNextAnswerForTest(true);
    QVERIFY(refreshAndWait([this] { m_fx->window()->revokeSelected(); }));
    // MagicBell keeps discarded tokens with discarded_at: the row stays, marked revoked.
    const int after = m_fx->window()->tokenModel()->rowOf(m_account, id);
    QVERIFY(after >= 0);
    QCOMPARE(m_fx->window()->tokenModel()->tokenAt(after).status(*m_fx->controller()->clock()), Token::Status::Revoked);
    QCOMPARE(m_fx->window()->tokenModel()->index(after, 0).data(TokenListModel::StatusRole).toInt(),
        int(Token::Status::Revoked));

    AuditFilter filter;
    filter.accountId = m_account;
    filter.action = QStringLiteral("revoke");
    const QList<AuditEntry> entries = m_fx->controller()->auditLog()->query(filter);
    QCOMPARE(entries.size(), 1);
    QCOMPARE(entries.first().target, id);
    QCOMPARE(entries.first().outcome, QStringLiteral("success"));
}

void tst_MainWindowMagicBell::serverWithoutJwtRoutes()
{
    QVERIFY(startWindow(3));
    QCOMPARE(m_fx->window()->tokenModel()->rowCount(), 3);

    // Today's MagicBell: the /jwt routes answer 404. The list (of the user tokens signed here) still works and
    // the status bar says why the project tokens are missing.
    m_emulator->setJwtRoutesEnabled(false);
    QVERIFY(refreshAndWait([this] { m_fx->window()->refresh(); }));
    QCOMPARE(m_fx->window()->tokenModel()->rowCount(), 0);
    QVERIFY2(m_fx->window()->lastWarning().contains(QLatin1String("does not offer this")),
        qPrintable(m_fx->window()->lastWarning()));
    auto noErrorBox = [this] {
        const QList<QMessageBox *> boxes = m_fx->window()->findChildren<QMessageBox *>();
        for (QMessageBox *box : boxes) {
            if (box->isVisible())
                return false;
        }
        return true;
    };
    QVERIFY(noErrorBox());
    const QModelIndex index = m_fx->controller()->accountModel()->indexOf(m_account);

    // Creating says the same, still without a box, and closes the create dialog.
    m_fx->window()->newToken();
    auto *dialog = findVisible<CreateTokenDialog>(m_fx->window());
    QVERIFY(dialog);
    dialog->setCurrentKind(QStringLiteral("project"));
    dialog->currentForm()->setValue(QStringLiteral("name"), QStringLiteral("Nope"));
    m_fx->window()->findChild<QLabel *>(QStringLiteral("lastErrorLabel"))->clear();
    dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
    QTRY_VERIFY_WITH_TIMEOUT(!findVisible<CreateTokenDialog>(m_fx->window()), 15000);
    QVERIFY(m_fx->window()->lastError().contains(QLatin1String("not available on this server")));
    QVERIFY(noErrorBox());
    QVERIFY(!findVisible<RevealDialog>(m_fx->window()));

    // The account stays usable: its actions are enabled, and it works again once the routes are back.
    QVERIFY(action(QStringLiteral("actionRefresh"))->isEnabled());
    QVERIFY(action(QStringLiteral("actionNewToken"))->isEnabled());
    QVERIFY(action(QStringLiteral("actionListBySubject"))->isEnabled());
    m_emulator->setJwtRoutesEnabled(true);
    QVERIFY(refreshAndWait([this] { m_fx->window()->refresh(); }));
    QCOMPARE(m_fx->window()->tokenModel()->rowCount(), 3);
    QVERIFY(!index.data(AccountListModel::StatusTextRole).toString().contains(QLatin1String("not available")));
}

void tst_MainWindowMagicBell::signedUserTokenCannotBeRevoked()
{
    QVERIFY(startWindow(1));
    m_emulator->setJwtRoutesEnabled(false); // today's MagicBell; the demo account has its secret and API keys
    AccountSession *session = m_fx->controller()->session(m_account);
    QVERIFY(session);
    CreateRequest request;
    request.kind = QStringLiteral("signed-user");
    request.values.insert(QStringLiteral("email"), QStringLiteral("hana@example.com"));
    request.values.insert(QStringLiteral("expiry"), QStringLiteral("7 days"));
    QFuture<Result<CreatedToken>> created = session->create(request);
    QTRY_VERIFY_WITH_TIMEOUT(created.isFinished(), 15000);
    QVERIFY2(created.result().ok(), qPrintable(created.result().error().fullMessage()));
    QVERIFY(refreshAndWait([this] { m_fx->window()->refresh(); }));
    const int row = m_fx->window()->tokenModel()->rowOf(m_account, created.result().value().token.id);
    QVERIFY(row >= 0);
    // Listed with its expiry and counting down.
    QVERIFY(m_fx->window()->tokenModel()->tokenAt(row).remainingMs(*m_fx->controller()->clock()).value_or(0)
        > 6 * 86400 * 1000LL);

    const QModelIndex proxy = m_fx->window()->filterModel()->mapFromSource(m_fx->window()->tokenModel()->index(row, 0));
    m_fx->window()->tokenView()->selectionModel()->select(
        proxy, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    QAction *revoke = action(QStringLiteral("actionRevoke"));
    QVERIFY(!revoke->isEnabled());
    QVERIFY2(revoke->toolTip().contains(QLatin1String("cannot revoke")), qPrintable(revoke->toolTip()));
    QVERIFY(revoke->toolTip().contains(QLatin1String("secret key")));
    // Nothing selected: Revoke's own tooltip is back.
    m_fx->window()->tokenView()->selectionModel()->clearSelection();
    QVERIFY(!revoke->toolTip().contains(QLatin1String("cannot revoke")));
}

void tst_MainWindowMagicBell::pageCapWarningInStatusBar()
{
    // 25 tokens are two pages of the emulator's default 20; a cap of one page cuts the list short.
    QVERIFY(startWindow(25));
    QCOMPARE(m_fx->window()->tokenModel()->rowCount(), 25);
    QVERIFY(m_fx->window()->lastWarning().isEmpty());
    TokenProvider *provider = m_fx->controller()->provider(m_account);
    QVERIFY(provider);
    Account capped = provider->account();
    capped.options.insert(QStringLiteral("max_pages"), 1);
    provider->setAccount(capped);

    QVERIFY(refreshAndWait([this] { m_fx->window()->refresh(); }));
    QCOMPARE(m_fx->window()->tokenModel()->rowCount(), 20);
    const QString warning = m_fx->window()->lastWarning();
    QVERIFY(!warning.isEmpty());
    QVERIFY2(warning.contains(QLatin1String("20")), qPrintable(warning));
    auto *label = m_fx->window()->findChild<QLabel *>(QStringLiteral("lastWarningLabel"));
    QVERIFY(label);
    QVERIFY(label->isVisibleTo(m_fx->window()));
    QCOMPARE(label->text(), warning);
    QVERIFY(m_fx->window()->lastError().isEmpty()); // a warning, not an error

    // Without the cap the next refresh is complete and the warning goes away.
    capped.options.remove(QStringLiteral("max_pages"));
    provider->setAccount(capped);
    QVERIFY(refreshAndWait([this] { m_fx->window()->refresh(); }));
    QCOMPARE(m_fx->window()->tokenModel()->rowCount(), 25);
    QVERIFY(m_fx->window()->lastWarning().isEmpty());
    QVERIFY(!label->isVisibleTo(m_fx->window()));
}

QTEST_MAIN(tst_MainWindowMagicBell)
#include "tst_mainwindow_magicbell.moc"
