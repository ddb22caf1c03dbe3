// A first-time administrator's first hour, as one walk through the window on `tokendesk --sandbox` (SandboxDemo) at
// 1024×700: tokens in every account, sign-in to the MFA demo user with the code the window shows, create, reveal,
// copy and revoke a token, revoke three at once, and find the first one in the audit log by its name. Each step
// checks what the user is told, that no message is clipped and that nothing is left saying it is still busy.
#include "AccountController.h"
#include "AppTranslators.h"
#include "AuditLogDialog.h"
#include "Confirmer.h"
#include "CreateTokenDialog.h"
#include "FieldForm.h"
#include "MainWindow.h"
#include "MfaDialog.h"
#include "RevealDialog.h"
#include "RevokePlanDialog.h"
#include "SandboxDemo.h"
#include "signin/SignInPanel.h"
#include "window/ErrorPresenter.h"

#include "AwaitFuture.h"
#include "LabelFits.h"
#include "WindowTestSteps.h"

#include "items/TokenListModel.h"
#include "store/AuditLog.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTableView>
#include <QTest>
#include <QTreeView>

#include <memory>

namespace {

using WindowTestSteps::findVisible;
using WindowTestSteps::okButton;

constexpr int NetworkTimeoutMs = 20000;

// Every visible label of `widget` shows all of its text; empty when so, else the first that does not.
QString clippedLabel(const QWidget *widget)
{
    const QList<QLabel *> labels = widget->findChildren<QLabel *>();
    for (const QLabel *label : labels) {
        if (!label->isVisibleTo(widget) || label->text().isEmpty() || label->wordWrap() == false)
            continue;
        if (const QString overflow = labelOverflow(label); !overflow.isEmpty())
            return overflow + QStringLiteral(": ") + label->text();
    }
    return {};
}

} // namespace

class tst_FirstHour : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void everyAccountShowsTokens();
    void signInToTheMfaDemoUser();
    void createRevealCopyRevoke();
    void revokeThreeAtOnce();
    void findTheTokenInTheAuditLogByName();

private:
    QUuid accountOf(const QString &provider, bool mfa = false) const;
    bool showAccount(const QUuid &id);
    int rowNamed(const QString &name) const;
    // Revoked: shown as such, or no longer listed (Specter deletes a revoked token).
    bool isGone(const QString &name) const;
    bool selectRows(const QList<int> &rows); // false when the window does not have exactly these selected
    void verifyNotBusy();

    std::unique_ptr<SandboxDemo> m_demo;
    std::unique_ptr<MainWindow> m_window;
    QString m_createdName;
};

void tst_FirstHour::initTestCase()
{
    AppTranslators::install(*qApp, QLocale(QLocale::English, QLocale::UnitedStates));
    QCOMPARE(QCoreApplication::translate("AccountPage", "%n token(s)", nullptr, 1), QStringLiteral("1 token"));
    m_demo = std::make_unique<SandboxDemo>();
    QString error;
    QVERIFY2(m_demo->start(&error), qPrintable(error));
    const std::optional<Result<Done>> seeded = awaitFuture(m_demo->seedAccounts(), 60000);
    QVERIFY(seeded && seeded->ok());
    m_window = std::make_unique<MainWindow>(m_demo->controller());
    m_window->setSandboxMode(true);
    m_window->resize(1024, 700);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void tst_FirstHour::cleanupTestCase()
{
    m_window.reset();
    m_demo.reset();
}

QUuid tst_FirstHour::accountOf(const QString &provider, bool mfa) const
{
    for (const Account &account : m_demo->accounts()) {
        const bool isMfa = !m_demo->controller()->demoTotpSecret(account.id).isEmpty();
        if (account.providerId == provider && isMfa == mfa)
            return account.id;
    }
    return {};
}

bool tst_FirstHour::showAccount(const QUuid &id)
{
    m_window->selectAccount(id);
    return QTest::qWaitFor(
        [this] { return m_window->tokenModel()->rowCount() > 0 || m_window->isSignInPanelShown(); }, NetworkTimeoutMs);
}

int tst_FirstHour::rowNamed(const QString &name) const
{
    const QAbstractItemModel *view = m_window->tokenView()->model();
    for (int row = 0; row < view->rowCount(); ++row) {
        if (view->index(row, TokenListModel::Name).data().toString() == name)
            return row;
    }
    return -1;
}

bool tst_FirstHour::isGone(const QString &name) const
{
    const int row = rowNamed(name);
    return row < 0
        || m_window->tokenView()->model()->index(row, TokenListModel::Status).data().toString()
        == TokenListModel::statusText(Token::Status::Revoked);
}

bool tst_FirstHour::selectRows(const QList<int> &rows)
{
    QTableView *view = m_window->tokenView();
    view->clearSelection();
    for (int row : rows)
        view->selectionModel()->select(
            view->model()->index(row, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
    view->selectionModel()->setCurrentIndex(view->model()->index(rows.constFirst(), 0), QItemSelectionModel::NoUpdate);
    return m_window->selectedTokens().size() == rows.size();
}

void tst_FirstHour::verifyNotBusy()
{
    // A state such as "Refreshing…" or "Signing in…" ends once the work did.
    QTRY_VERIFY_WITH_TIMEOUT(
        !m_window->errorPresenter()->currentStatus().endsWith(QStringLiteral("…")), NetworkTimeoutMs);
}

void tst_FirstHour::everyAccountShowsTokens()
{
    // Every demo account shows rows at once, except the MFA demo user, who is there to be signed in to.
    for (const Account &account : m_demo->accounts()) {
        if (!m_demo->controller()->demoTotpSecret(account.id).isEmpty())
            continue;
        QVERIFY2(showAccount(account.id), qPrintable(account.name));
        QVERIFY2(!m_window->isSignInPanelShown(), qPrintable(account.name + QStringLiteral(" asks to sign in")));
        QVERIFY2(m_window->tokenModel()->rowCount() > 0, qPrintable(account.name + QStringLiteral(" shows no token")));
        // One-line rows: no row is taller than one line of text and its padding.
        QTableView *view = m_window->tokenView();
        QVERIFY(view->rowHeight(0) < 2 * view->fontMetrics().height());
    }
    verifyNotBusy();
}

void tst_FirstHour::signInToTheMfaDemoUser()
{
    const QUuid id = accountOf(QStringLiteral("netsapiens"), true);
    QVERIFY(!id.isNull());
    // Arrowing onto the account shows the inline panel (no modal), naming the user, the demo password filled in.
    QVERIFY(showAccount(id));
    QVERIFY(m_window->isSignInPanelShown());
    SignInPanel *panel = m_window->signInPanel();
    QVERIFY(!QApplication::activeModalWidget());
    const QString title = panel->findChild<QLabel *>(QStringLiteral("signInTitle"))->text();
    QVERIFY2(title.contains(QLatin1String(" as ")), qPrintable(title));
    auto *signIn = panel->findChild<QPushButton *>(QStringLiteral("signInButton"));
    QVERIFY(signIn->isEnabled()); // nothing to type: the sandbox gave the password
    // Tab from the sidebar goes into the panel, not to a bar above it.
    m_window->accountView()->setFocus();
    QTRY_VERIFY(m_window->accountView()->hasFocus());
    for (int i = 0; i < 10 && m_window->accountView()->parentWidget()->isAncestorOf(QApplication::focusWidget()); ++i)
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QVERIFY2(panel->isAncestorOf(QApplication::focusWidget()),
        qPrintable(QApplication::focusWidget() ? QApplication::focusWidget()->objectName() : QStringLiteral("none")));
    signIn->click();

    // The MFA dialog shows the sandbox's current code; typing it signs in and the tokens show.
    MfaDialog *mfa = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((mfa = findVisible<MfaDialog>(m_window.get())) != nullptr, NetworkTimeoutMs);
    QPointer<MfaDialog> guard(mfa);
    const QString code = mfa->sandboxCode();
    QCOMPARE(code.size(), 6);
    QTRY_VERIFY2(clippedLabel(mfa).isEmpty(), qPrintable(clippedLabel(mfa)));
    mfa->findChild<QLineEdit *>(QStringLiteral("passcode"))->setText(code);
    okButton(mfa)->click();
    QTRY_VERIFY_WITH_TIMEOUT(!guard || !mfa->isVisible(), NetworkTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(
        !m_window->isSignInPanelShown() && m_window->tokenModel()->rowCount() > 0, NetworkTimeoutMs);
    verifyNotBusy();
}

void tst_FirstHour::createRevealCopyRevoke()
{
    const QUuid id = accountOf(QStringLiteral("specter"));
    QVERIFY(showAccount(id));
    const int before = m_window->tokenModel()->rowCount();

    // New Token…: a name and the preset lifetime are enough.
    QAction *newToken = m_window->findChild<QAction *>(QStringLiteral("actionNewToken"));
    QVERIFY(newToken->isEnabled());
    newToken->trigger();
    CreateTokenDialog *create = nullptr;
    QTRY_VERIFY((create = findVisible<CreateTokenDialog>(m_window.get())) != nullptr);
    QPointer<CreateTokenDialog> createGuard(create);
    m_createdName = QStringLiteral("First hour deploy key");
    create->currentForm()->setValue(QStringLiteral("description"), m_createdName);
    QTRY_VERIFY(okButton(create)->isEnabled());
    QTRY_VERIFY2(clippedLabel(create).isEmpty(), qPrintable(clippedLabel(create)));
    okButton(create)->click();

    // Reveal once, masked; Copy puts the value on the clipboard; closing after the copy asks nothing.
    RevealDialog *reveal = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((reveal = findVisible<RevealDialog>(m_window.get())) != nullptr, NetworkTimeoutMs);
    QPointer<RevealDialog> revealGuard(reveal);
    auto *value = reveal->findChild<QLineEdit *>(QStringLiteral("tokenValue"));
    QCOMPARE(value->echoMode(), QLineEdit::Password);
    reveal->findChild<QPushButton *>(QStringLiteral("copyButton"))->click();
    QVERIFY(QApplication::clipboard()->text() == value->text()); // not QCOMPARE: it would print the value
    QTRY_VERIFY2(clippedLabel(reveal).isEmpty(), qPrintable(clippedLabel(reveal)));
    const int questions = Confirmer::questionCountForTest();
    reveal->requestClose();
    QTRY_VERIFY(!revealGuard || !reveal->isVisible());
    QCOMPARE(Confirmer::questionCountForTest(), questions);

    // The new row is in the table with its name, and TokenDesk knows when it was created.
    QTRY_VERIFY_WITH_TIMEOUT(rowNamed(m_createdName) >= 0, NetworkTimeoutMs);
    QCOMPARE(m_window->tokenModel()->rowCount(), before + 1);
    const int row = rowNamed(m_createdName);
    QVERIFY(!m_window->tokenView()->model()->index(row, TokenListModel::Created).data().toString().isEmpty());

    // Revoke it: one question, then a status line (no box to close) and the row revoked.
    QVERIFY(selectRows({row}));
    QAction *revoke = m_window->findChild<QAction *>(QStringLiteral("actionRevoke"));
    QVERIFY(revoke->isEnabled());
    QSignalSpy said(m_window->statusBar(), &QStatusBar::messageChanged);
    const int asked = Confirmer::questionCountForTest();
    Confirmer::setNextAnswerForTest(true);
    revoke->trigger();
    QCOMPARE(Confirmer::questionCountForTest(), asked + 1);
    const auto saidRevoked = [&said] {
        for (const QList<QVariant> &args : std::as_const(said)) {
            if (args.constFirst().toString().contains(QLatin1String("1 token revoked.")))
                return true;
        }
        return false;
    };
    QTRY_VERIFY_WITH_TIMEOUT(saidRevoked(), NetworkTimeoutMs);
    const auto *box = m_window->findChild<QMessageBox *>(QStringLiteral("messageBox"));
    QVERIFY(!box || !box->isVisible()); // the success is a status line, no box to close
    QTRY_VERIFY_WITH_TIMEOUT(isGone(m_createdName), NetworkTimeoutMs);
}

void tst_FirstHour::revokeThreeAtOnce()
{
    const QUuid id = accountOf(QStringLiteral("specter"));
    QVERIFY(showAccount(id));
    QList<int> live;
    const QAbstractItemModel *view = m_window->tokenView()->model();
    for (int row = 0; row < view->rowCount() && live.size() < 3; ++row) {
        const QString status = view->index(row, TokenListModel::Status).data().toString();
        if (status == TokenListModel::statusText(Token::Status::Active)
            || status == TokenListModel::statusText(Token::Status::Expiring))
            live.append(row);
    }
    QCOMPARE(live.size(), 3);
    QStringList names;
    for (int row : std::as_const(live))
        names.append(view->index(row, TokenListModel::Name).data().toString());
    QVERIFY(selectRows(live));

    // Several tokens open the plan: a dry run first, Cancel as the default, the count on the destructive button.
    m_window->findChild<QAction *>(QStringLiteral("actionRevoke"))->trigger();
    RevokePlanDialog *plan = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((plan = findVisible<RevokePlanDialog>(m_window.get())) != nullptr, NetworkTimeoutMs);
    QCOMPARE(plan->plan().runnableSteps().size(), 3);
    const QPushButton *defaultButton = nullptr;
    for (const QPushButton *button : plan->findChildren<QPushButton *>()) {
        if (button->isDefault())
            defaultButton = button;
    }
    QVERIFY(defaultButton);
    QVERIFY2(!defaultButton->text().contains(QLatin1String("Revoke")), qPrintable(defaultButton->text()));
    QSignalSpy finished(plan, &RevokePlanDialog::runFinished);
    Confirmer::setNextAnswerForTest(true);
    plan->startRevoke();
    QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), NetworkTimeoutMs);
    plan->close();

    for (const QString &name : std::as_const(names))
        QTRY_VERIFY_WITH_TIMEOUT(isGone(name), NetworkTimeoutMs);
}

void tst_FirstHour::findTheTokenInTheAuditLogByName()
{
    m_window->findChild<QAction *>(QStringLiteral("actionAuditLog"))->trigger();
    AuditLogDialog *log = nullptr;
    QTRY_VERIFY((log = findVisible<AuditLogDialog>(m_window.get())) != nullptr);
    auto *find = log->findChild<QLineEdit *>(QStringLiteral("auditFind"));
    QVERIFY(find);
    QTest::keyClicks(find, QStringLiteral("first hour"));
    // Its creation and its revoke, under its name and in words, not internal action names.
    QStringList actions;
    const QAbstractItemModel *rows = log->table()->model();
    for (int row = 0; row < rows->rowCount(); ++row) {
        QCOMPARE(rows->index(row, AuditLogDialog::Target).data().toString(), m_createdName);
        actions.append(rows->index(row, AuditLogDialog::Action).data().toString());
    }
    QCOMPARE(actions.size(), 2);
    for (const QString &action : std::as_const(actions))
        QVERIFY2(!action.contains(QLatin1Char('-')) && action.at(0).isUpper(), qPrintable(action));
    log->close();
}

QTEST_MAIN(tst_FirstHour)
#include "tst_firsthour.moc"
