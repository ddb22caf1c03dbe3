// MainWindow against the in-process sandbox: NetSapiens sign-in with MFA, the session in the sidebar and the
// table, "keep me signed in", delegated tokens (create, reveal once, ledger, revoke by jti, revoke all of a user),
// the current JWT in the inspector, and "401 -> sign-in dialog again, with the reason" (NetSapiens and Specter).

#include "AccountController.h"
#include "AccountDialog.h"
#include "Confirmer.h"
#include "CreateTokenDialog.h"
#include "FieldForm.h"
#include "JwtInspectorDialog.h"
#include "MainWindow.h"
#include "MfaDialog.h"
#include "RevealDialog.h"
#include "RevokePlanDialog.h"
#include "SignInDialog.h"
#include "StatusColors.h"
#include "signin/SignInPanel.h"
#include "window/ErrorPresenter.h"

#include "Emulator.h"
#include "WindowFixture.h"

#include "AwaitFuture.h"
#include "WindowTestSteps.h"
#include "core/Totp.h"

#include "core/Token.h"
#include "items/AccountListModel.h"
#include "items/TokenFilterModel.h"
#include "items/TokenListModel.h"
#include "providers/AccountSession.h"
#include "providers/ProviderRegistry.h"
#include "store/Ledger.h"
#include "store/SecretStore.h"
#include "workflows/RevokePlan.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QInputDialog>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <functional>
#include <memory>

namespace {

using WindowTestSteps::findVisible;
using WindowTestSteps::okButton;

constexpr int NetworkTimeoutMs = 15000;

// Answers the dialogs the window runs with exec() (QInputDialog::getText, the confirmation box): every 20 ms the
// active modal widget is handed to `handler`, which returns true once it dealt with it.
class ModalAnswerer : public QObject
{
public:
    explicit ModalAnswerer(std::function<bool(QWidget *)> handler)
        : m_handler(std::move(handler))
    {
        connect(&m_timer, &QTimer::timeout, this, [this] {
            QWidget *modal = QApplication::activeModalWidget();
            if (modal && modal != m_last && m_handler(modal)) {
                m_last = modal;
                ++m_handled;
            }
        });
        m_timer.start(20);
    }
    int handled() const { return m_handled; }

private:
    std::function<bool(QWidget *)> m_handler;
    QTimer m_timer;
    QPointer<QWidget> m_last;
    int m_handled = 0;
};

} // namespace

class tst_MainWindowNetSapiens : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void mfaSignInThroughTheDialogs();
    void keepSignedInReloadsTheSession();
    void delegatedTokenCreateRevealRevoke();
    void revokeAllOfAUserNamesTheUser();
    void inspectCurrentShowsServerClaims();
    void unauthorizedSessionAsksToSignInAgain_data();
    void unauthorizedSessionAsksToSignInAgain();
    void explicitSignInOpensTheDialogNamingTheUser();
    void wrongPasswordInThePanelShowsInTheErrorColour();
    void cancelledMfaEndsSigningIn();
    void newAccountSignsInWithThePasswordJustGiven();

private:
    bool showSignInPanel(const QUuid &id);
    QJsonObject serviceInfo(const QString &id) const;
    QUuid addMfaAccount(bool keepSignedIn, const QString &name = QStringLiteral("NetSapiens MFA"));
    bool signInDirectly(const QUuid &id);
    bool selectAndWaitForRefresh(const QUuid &id);
    int rowOf(const QString &kind, const QString &subject = {}) const;
    QAction *action(const QString &name) const;
    QString currentTotp() const;
    SignInDialog *visibleSignInDialog(const QUuid &id) const;
    SignInDialog *waitForSignInDialog(const QUuid &id);

    // Its keychain outlives each controller, so a second window finds what the first stored.
    std::unique_ptr<WindowFixture> m_fx;
};

void tst_MainWindowNetSapiens::init()
{
    m_fx = std::make_unique<WindowFixture>();
    QVERIFY(m_fx->isValid());
    QVERIFY(m_fx->startSandbox(2));
    if (!m_fx->server()->emulator(QStringLiteral("netsapiens"))
        || !ProviderRegistry::instance().find(QStringLiteral("netsapiens")))
        QSKIP("the NetSapiens provider or emulator is not in this build");
    QVERIFY(m_fx->openController());
    m_fx->addDemoAccounts();
    // The demo accounts' secrets are written asynchronously; let them land.
    for (const Account &account : m_fx->demoAccounts())
        QVERIFY(awaitFuture(m_fx->controller()->prepare(account.id)).has_value());
}

void tst_MainWindowNetSapiens::cleanup()
{
    m_fx.reset();
}

// A new window, shown, on account `id`, which is not signed in: true once the sign-in panel takes the table's place.
bool tst_MainWindowNetSapiens::showSignInPanel(const QUuid &id)
{
    m_fx->createWindow(true);
    m_fx->window()->show();
    if (!QTest::qWaitForWindowExposed(m_fx->window()))
        return false;
    m_fx->window()->selectAccount(id);
    return QTest::qWaitFor([this] { return m_fx->window()->isSignInPanelShown(); }, NetworkTimeoutMs);
}

QJsonObject tst_MainWindowNetSapiens::serviceInfo(const QString &id) const
{
    return m_fx->server()->readyInfo().value(QLatin1String("services")).toObject().value(id).toObject();
}

QUuid tst_MainWindowNetSapiens::addMfaAccount(bool keepSignedIn, const QString &name)
{
    const QJsonObject info = serviceInfo(QStringLiteral("netsapiens"));
    Account account;
    account.id = QUuid::createUuid();
    account.providerId = QStringLiteral("netsapiens");
    account.name = name;
    account.baseUrl = QUrl(info.value(QLatin1String("base_url")).toString());
    account.options.insert(QStringLiteral("username"), info.value(QLatin1String("mfa_username")).toString());
    account.options.insert(QStringLiteral("client_id"), info.value(QLatin1String("client_id")).toString());
    account.options.insert(QStringLiteral("keep_signed_in"), keepSignedIn);
    const QHash<QString, QString> secrets {
        {QStringLiteral("password"), info.value(QLatin1String("mfa_password")).toString()},
        {QStringLiteral("client_secret"), info.value(QLatin1String("client_secret")).toString()}};
    const std::optional<Result<Done>> added = awaitFuture(m_fx->controller()->addAccount(account, secrets));
    if (!added || !added->ok())
        return {};
    return account.id;
}

bool tst_MainWindowNetSapiens::signInDirectly(const QUuid &id)
{
    AccountSession *session = m_fx->controller()->session(id);
    if (!session || !awaitFuture(m_fx->controller()->prepare(id)))
        return false;
    const std::optional<Result<SignInResult>> result = awaitFuture(session->signIn());
    return result && result->ok() && !result->value().mfaRequired && session->provider()->isSignedIn();
}

bool tst_MainWindowNetSapiens::selectAndWaitForRefresh(const QUuid &id)
{
    QSignalSpy refreshed(m_fx->window(), &MainWindow::refreshed);
    m_fx->window()->selectAccount(id);
    m_fx->window()->refresh();
    auto done = [&refreshed, id] {
        for (const QList<QVariant> &args : std::as_const(refreshed)) {
            if (args.at(0).toUuid() == id && args.at(1).toBool())
                return true;
        }
        return false;
    };
    for (int waited = 0; !done() && waited < NetworkTimeoutMs; waited += 50)
        QTest::qWait(50);
    return done();
}

int tst_MainWindowNetSapiens::rowOf(const QString &kind, const QString &subject) const
{
    TokenListModel *model = m_fx->window()->tokenModel();
    for (int row = 0; row < model->rowCount(); ++row) {
        const Token &token = model->tokenAt(row);
        if (token.kind == kind && (subject.isEmpty() || token.subject == subject))
            return row;
    }
    return -1;
}

QAction *tst_MainWindowNetSapiens::action(const QString &name) const
{
    return m_fx->window()->findChild<QAction *>(name);
}

QString tst_MainWindowNetSapiens::currentTotp() const
{
    return Totp::codeFromBase32(
        serviceInfo(QStringLiteral("netsapiens")).value(QLatin1String("totp_secret")).toString(),
        QDateTime::currentDateTimeUtc());
}

SignInDialog *tst_MainWindowNetSapiens::visibleSignInDialog(const QUuid &id) const
{
    // The window may select another account on its own; only this account's dialog counts.
    const QString title = SignInDialog::tr("Sign in to %1").arg(m_fx->controller()->account(id)->name);
    const QList<SignInDialog *> dialogs = m_fx->window()->findChildren<SignInDialog *>();
    for (SignInDialog *dialog : dialogs) {
        if (dialog->isVisible() && dialog->windowTitle() == title)
            return dialog;
    }
    return nullptr;
}

SignInDialog *tst_MainWindowNetSapiens::waitForSignInDialog(const QUuid &id)
{
    for (int waited = 0; waited < NetworkTimeoutMs; waited += 50) {
        if (SignInDialog *dialog = visibleSignInDialog(id))
            return dialog;
        QTest::qWait(50);
    }
    return nullptr;
}

void tst_MainWindowNetSapiens::mfaSignInThroughTheDialogs()
{
    const QUuid id = addMfaAccount(false);
    QVERIFY(!id.isNull());
    // Selecting the account that is not signed in shows the sign-in panel in the table area (no modal) naming
    // the user; signing in there leads to the MFA step.
    QVERIFY(showSignInPanel(id));
    QVERIFY(!visibleSignInDialog(id));
    SignInPanel *panel = m_fx->window()->signInPanel();
    QCOMPARE(panel->accountId(), id);
    const QString mfaUser = serviceInfo(QStringLiteral("netsapiens")).value(QLatin1String("mfa_username")).toString();
    const QString title = panel->findChild<QLabel *>(QStringLiteral("signInTitle"))->text();
    QVERIFY2(title.contains(mfaUser), qPrintable(title));
    panel->findChild<FieldForm *>(QStringLiteral("signInForm"))
        ->setValue(
            QStringLiteral("password"), serviceInfo(QStringLiteral("netsapiens")).value(QLatin1String("mfa_password")));
    auto *signInButton = panel->findChild<QPushButton *>(QStringLiteral("signInButton"));
    QVERIFY(signInButton->isEnabled());
    signInButton->click();

    MfaDialog *mfa = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((mfa = findVisible<MfaDialog>(m_fx->window())) != nullptr, NetworkTimeoutMs);
    QPointer<MfaDialog> mfaGuard(mfa);
    // Vendor and type come from the challenge token's claims (google / authenticator).
    QVERIFY(
        mfa->findChild<QLabel *>(QStringLiteral("introLabel"))->text().contains(QLatin1String("Google Authenticator")));
    const QString countdown = mfa->findChild<QLabel *>(QStringLiteral("countdownLabel"))->text();
    QVERIFY2(countdown.contains(QLatin1String("30 s")), qPrintable(countdown));
    QVERIFY(mfa->secondsLeftInWindow() >= 1 && mfa->secondsLeftInWindow() <= 30);
    QVERIFY(!m_fx->controller()->provider(id)->isSignedIn());

    // A wrong passcode keeps the dialog open with the server's message.
    const QString secret = serviceInfo(QStringLiteral("netsapiens")).value(QLatin1String("totp_secret")).toString();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QStringList valid;
    for (int step = -2; step <= 2; ++step)
        valid.append(Totp::codeFromBase32(secret, now.addSecs(step * 30)));
    QString wrong = QStringLiteral("000000");
    for (int n = 1; valid.contains(wrong); ++n)
        wrong = QStringLiteral("%1").arg(n * 111111 % 1000000, 6, 10, QLatin1Char('0'));
    auto *code = mfa->findChild<QLineEdit *>(QStringLiteral("passcode"));
    auto *error = mfa->findChild<QLabel *>(QStringLiteral("errorLabel"));
    code->setText(wrong);
    QVERIFY(okButton(mfa)->isEnabled());
    okButton(mfa)->click();
    QTRY_VERIFY_WITH_TIMEOUT(error->isVisible(), NetworkTimeoutMs);
    QVERIFY2(error->text().contains(QLatin1String("Invalid passcode")), qPrintable(error->text()));
    QVERIFY(mfaGuard && mfa->isVisible());
    QVERIFY(code->text().isEmpty());
    QVERIFY(!m_fx->controller()->provider(id)->isSignedIn());
    QVERIFY(!visibleSignInDialog(id)); // it did not start over from the password

    // The right passcode signs in, closes the dialog and shows the session.
    QSignalSpy refreshed(m_fx->window(), &MainWindow::refreshed);
    code->setText(currentTotp());
    okButton(mfa)->click();
    QTRY_VERIFY_WITH_TIMEOUT(!mfaGuard || !mfa->isVisible(), NetworkTimeoutMs);
    QVERIFY(m_fx->controller()->provider(id)->isSignedIn());
    QTRY_VERIFY_WITH_TIMEOUT(!refreshed.isEmpty() && refreshed.last().at(1).toBool(), NetworkTimeoutMs);

    const int row = rowOf(QStringLiteral("session"));
    QVERIFY(row >= 0);
    const Token &session = m_fx->window()->tokenModel()->tokenAt(row);
    QCOMPARE(
        session.subject, serviceInfo(QStringLiteral("netsapiens")).value(QLatin1String("mfa_username")).toString());
    QVERIFY(!session.id.isEmpty());
    const QModelIndex life = m_fx->window()->tokenModel()->index(row, TokenListModel::RemainingLife);
    QVERIFY(life.data(TokenListModel::RemainingMsRole).toLongLong() > 0);

    const QString status =
        m_fx->controller()->accountModel()->indexOf(id).data(AccountListModel::StatusTextRole).toString();
    QVERIFY2(status.contains(QLatin1String("signed in")), qPrintable(status));
    QVERIFY2(status.contains(QLatin1String("session expires in")), qPrintable(status));
    QVERIFY(!visibleSignInDialog(id));
    QVERIFY(!m_fx->window()->isSignInPanelShown()); // the table is back
    QVERIFY(m_fx->window()->errorPresenter()->currentStatus() != MainWindow::tr("Signing in…"));
}

void tst_MainWindowNetSapiens::keepSignedInReloadsTheSession()
{
    const QUuid id = addMfaAccount(true);
    QVERIFY(!id.isNull());
    AccountSession *session = m_fx->controller()->session(id);
    QVERIFY(awaitFuture(m_fx->controller()->prepare(id)));
    const std::optional<Result<SignInResult>> challenge = awaitFuture(session->signIn());
    QVERIFY(challenge && challenge->ok() && challenge->value().mfaRequired);
    const std::optional<Result<SignInResult>> signedIn =
        awaitFuture(session->submitMfa(challenge->value().challenge, currentTotp()));
    QVERIFY(signedIn && signedIn->ok() && !signedIn->value().mfaRequired);
    QVERIFY(awaitFuture(session->settle()).value_or(Result<Done>(ApiError(ApiError::Kind::Cancelled))).ok());
    const QString sessionJti = session->provider()->credentialToken()->id;

    // The session is in the keychain under the account's key.
    const Account account = *m_fx->controller()->account(id);
    const std::optional<Result<QString>> stored =
        awaitFuture(m_fx->secrets()->read(account.secretKey(QStringLiteral("session"))));
    QVERIFY(stored && stored->ok() && !stored->value().isEmpty());

    // A new controller and window on the same configuration and keychain: signed in, no dialog.
    QVERIFY(m_fx->openController());
    m_fx->createWindow(true);
    QVERIFY(selectAndWaitForRefresh(id));
    QVERIFY(m_fx->controller()->provider(id)->isSignedIn());
    const int row = rowOf(QStringLiteral("session"));
    QVERIFY(row >= 0);
    QCOMPARE(m_fx->window()->tokenModel()->tokenAt(row).id, sessionJti);
    QVERIFY(!visibleSignInDialog(id));
    QVERIFY(!findVisible<MfaDialog>(m_fx->window()));
    const QString status =
        m_fx->controller()->accountModel()->indexOf(id).data(AccountListModel::StatusTextRole).toString();
    QVERIFY2(status.contains(QLatin1String("session expires in")), qPrintable(status));

    // Without "keep me signed in" nothing of the session reaches the keychain.
    const QUuid other = addMfaAccount(false, QStringLiteral("NetSapiens MFA, not kept"));
    QVERIFY(!other.isNull());
    AccountSession *otherSession = m_fx->controller()->session(other);
    QVERIFY(otherSession);
    const std::optional<Result<SignInResult>> otherChallenge = awaitFuture(otherSession->signIn());
    QVERIFY(otherChallenge && otherChallenge->ok() && otherChallenge->value().mfaRequired);
    const std::optional<Result<SignInResult>> otherSignedIn =
        awaitFuture(otherSession->submitMfa(otherChallenge->value().challenge, currentTotp()));
    QVERIFY(otherSignedIn && otherSignedIn->ok());
    QVERIFY(otherSession->provider()->isSignedIn());
    const std::optional<Result<QString>> notStored =
        awaitFuture(m_fx->secrets()->read(m_fx->controller()->account(other)->secretKey(QStringLiteral("session"))));
    QVERIFY(notStored && (!notStored->ok() || notStored->value().isEmpty()));
}

void tst_MainWindowNetSapiens::delegatedTokenCreateRevealRevoke()
{
    const QUuid id = m_fx->demoAccount(QStringLiteral("netsapiens"));
    QVERIFY(!id.isNull());
    QVERIFY(signInDirectly(id));
    m_fx->createWindow(true);
    m_fx->window()->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_fx->window()));
    QVERIFY(selectAndWaitForRefresh(id));
    QVERIFY(action(QStringLiteral("actionNewToken"))->isEnabled());

    // Create through the dialog.
    action(QStringLiteral("actionNewToken"))->trigger();
    CreateTokenDialog *create = findVisible<CreateTokenDialog>(m_fx->window());
    QVERIFY(create);
    QPointer<CreateTokenDialog> createGuard(create);
    create->currentForm()->setValue(QStringLiteral("user"), QStringLiteral("1001"));
    create->currentForm()->setValue(QStringLiteral("domain"), QStringLiteral("sandbox"));
    QTRY_VERIFY(okButton(create)->isEnabled());
    okButton(create)->click();

    // Reveal once: masked, with the value, and the dialog that asked is gone.
    RevealDialog *reveal = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((reveal = findVisible<RevealDialog>(m_fx->window())) != nullptr, NetworkTimeoutMs);
    QVERIFY(!createGuard || !create->isVisible());
    auto *value = reveal->findChild<QLineEdit *>(QStringLiteral("tokenValue"));
    QVERIFY(value);
    QCOMPARE(value->echoMode(), QLineEdit::Password);
    QVERIFY(!reveal->isValueShown());
    const QString delegatedValue = value->text();
    QVERIFY(delegatedValue.count(QLatin1Char('.')) == 2);
    // v45: the refresh JWT of the delegated answer is shown once too, masked, beside the token.
    auto *refreshValue = reveal->findChild<QLineEdit *>(QStringLiteral("refreshValue"));
    QVERIFY(refreshValue);
    QCOMPARE(refreshValue->echoMode(), QLineEdit::Password);
    QVERIFY(refreshValue->text().count(QLatin1Char('.')) == 2 && refreshValue->text() != delegatedValue);
    reveal->accept();
    QTRY_VERIFY(!findVisible<RevealDialog>(m_fx->window()));

    // The ledger row appears with a remaining life; the ledger holds the jti, never the token.
    QTRY_VERIFY_WITH_TIMEOUT(rowOf(QStringLiteral("delegated"), QStringLiteral("1001@sandbox")) >= 0, NetworkTimeoutMs);
    int row = rowOf(QStringLiteral("delegated"), QStringLiteral("1001@sandbox"));
    const QString jti = m_fx->window()->tokenModel()->tokenAt(row).id;
    QVERIFY(!jti.isEmpty());
    QVERIFY(m_fx->window()
                ->tokenModel()
                ->index(row, TokenListModel::RemainingLife)
                .data(TokenListModel::RemainingMsRole)
                .toLongLong()
        > 0);
    const int statusBefore =
        m_fx->window()->tokenModel()->index(row, TokenListModel::Status).data(TokenListModel::StatusRole).toInt();
    // A 24 h token counts as "expiring" (under a day left); it is neither revoked nor expired.
    QVERIFY(statusBefore == int(Token::Status::Active) || statusBefore == int(Token::Status::Expiring));
    // The access token's row first, then its refresh JWT's row (kind delegated-refresh, its own jti).
    const QList<LedgerEntry> entries = m_fx->controller()->ledger()->entries(id);
    QCOMPARE(entries.size(), 2);
    QCOMPARE(entries.at(1).kind, QStringLiteral("delegated-refresh"));
    QVERIFY(entries.at(1).tokenId != jti);
    QCOMPARE(entries.first().tokenId, jti);
    QCOMPARE(entries.first().subject, QStringLiteral("1001@sandbox"));
    QVERIFY(!entries.first().revoked);
    QVERIFY(
        !entries.first().label.contains(delegatedValue) && !entries.first().extra.contains(QStringLiteral("token")));

    // The server accepts the delegated token before it is revoked.
    Emulator *emulator = m_fx->server()->emulator(QStringLiteral("netsapiens"));
    SandboxRequest check;
    check.method = "GET";
    check.path = QStringLiteral("/jwt");
    check.headers.insert("authorization", "Bearer " + delegatedValue.toLatin1());
    QCOMPARE(emulator->handle(check).status, 200);

    // Revoke it by jti from the table.
    const QModelIndex proxy = m_fx->window()->filterModel()->mapFromSource(m_fx->window()->tokenModel()->index(row, 0));
    QVERIFY(proxy.isValid());
    m_fx->window()->tokenView()->selectionModel()->select(
        proxy, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    QCOMPARE(m_fx->window()->selectedTokens().size(), 1);
    QCOMPARE(m_fx->window()->selectedTokens().first().id, jti);
    QVERIFY(action(QStringLiteral("actionRevoke"))->isEnabled());
    Confirmer::setNextAnswerForTest(true);
    action(QStringLiteral("actionRevoke"))->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(m_fx->controller()->ledger()->entries(id).value(0).revoked.has_value(), NetworkTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(rowOf(QStringLiteral("delegated"), QStringLiteral("1001@sandbox")) >= 0
            && m_fx->window()
                    ->tokenModel()
                    ->index(rowOf(QStringLiteral("delegated"), QStringLiteral("1001@sandbox")), TokenListModel::Status)
                    .data(TokenListModel::StatusRole)
                    .toInt()
                == int(Token::Status::Revoked),
        NetworkTimeoutMs);
    QCOMPARE(emulator->handle(check).status, 401);
    // The session itself was not touched.
    QVERIFY(m_fx->controller()->provider(id)->isSignedIn());
    QVERIFY(m_fx->window()->lastError().isEmpty());
}

void tst_MainWindowNetSapiens::revokeAllOfAUserNamesTheUser()
{
    const QUuid id = m_fx->demoAccount(QStringLiteral("netsapiens"));
    QVERIFY(!id.isNull());
    QVERIFY(signInDirectly(id));
    AccountSession *session = m_fx->controller()->session(id);
    for (int i = 0; i < 2; ++i) {
        CreateRequest request;
        request.kind = QStringLiteral("delegated");
        request.values.insert(QStringLiteral("user"), QStringLiteral("1003"));
        request.values.insert(QStringLiteral("domain"), QStringLiteral("sandbox"));
        const std::optional<Result<CreatedToken>> created = awaitFuture(session->create(request));
        QVERIFY(created && created->ok());
    }
    m_fx->createWindow(true);
    m_fx->window()->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_fx->window()));
    QVERIFY(selectAndWaitForRefresh(id));
    QCOMPARE(m_fx->controller()->ledger()->entries(id).size(), 4); // two delegated tokens and their refresh JWTs

    // Revoke All for a Subject plans over every account; the plan names the user and uses NetSapiens' own
    // revoke-all call. Closing the plan revokes nothing.
    const auto openPlan = [this]() -> RevokePlanDialog * {
        ModalAnswerer answerer([](QWidget *modal) {
            if (auto *input = qobject_cast<QInputDialog *>(modal)) {
                input->setTextValue(QStringLiteral("1003@sandbox"));
                input->done(QDialog::Accepted);
                return true;
            }
            return false;
        });
        action(QStringLiteral("actionRevokeAllForSubject"))->trigger(); // returns once the subject was given
        if (answerer.handled() != 1)
            return nullptr;
        RevokePlanDialog *plan = nullptr;
        if (!QTest::qWaitFor(
                [&plan, this] { return (plan = findVisible<RevokePlanDialog>(m_fx->window())) != nullptr; },
                NetworkTimeoutMs))
            return nullptr;
        return plan;
    };
    RevokePlanDialog *plan = openPlan();
    QVERIFY(plan);
    QCOMPARE(plan->plan().subject(), QStringLiteral("1003@sandbox"));
    bool subjectStep = false;
    for (const RevokeStep &step : plan->plan().runnableSteps())
        subjectStep = subjectStep || (step.accountId == id && step.kind == RevokeStep::Kind::Subject);
    QVERIFY2(subjectStep, qPrintable(plan->previewText()));
    plan->reject();
    QTest::qWait(0);
    for (const LedgerEntry &entry : m_fx->controller()->ledger()->entries(id))
        QVERIFY(!entry.revoked);

    plan = openPlan();
    QVERIFY(plan);
    QSignalSpy finished(plan, &RevokePlanDialog::runFinished);
    Confirmer::setNextAnswerForTest(true);
    plan->startRevoke();
    QVERIFY(finished.wait(NetworkTimeoutMs));
    auto allRevoked = [this, id] {
        const QList<LedgerEntry> entries = m_fx->controller()->ledger()->entries(id);
        for (const LedgerEntry &entry : entries) {
            if (!entry.revoked)
                return false;
        }
        return !entries.isEmpty();
    };
    QTRY_VERIFY_WITH_TIMEOUT(allRevoked(), NetworkTimeoutMs);
    auto revokedRows = [this] {
        int count = 0;
        for (int row = 0; row < m_fx->window()->tokenModel()->rowCount(); ++row) {
            const QModelIndex index = m_fx->window()->tokenModel()->index(row, TokenListModel::Status);
            if (m_fx->window()->tokenModel()->tokenAt(row).subject == QLatin1String("1003@sandbox")
                && index.data(TokenListModel::StatusRole).toInt() == int(Token::Status::Revoked))
                ++count;
        }
        return count;
    };
    QTRY_COMPARE_WITH_TIMEOUT(revokedRows(), 4, NetworkTimeoutMs);
    QVERIFY(m_fx->controller()->provider(id)->isSignedIn()); // 1000@sandbox's own session is not affected
}

void tst_MainWindowNetSapiens::inspectCurrentShowsServerClaims()
{
    const QUuid id = m_fx->demoAccount(QStringLiteral("netsapiens"));
    QVERIFY(!id.isNull());
    QVERIFY(signInDirectly(id));
    m_fx->createWindow(true);
    QVERIFY(selectAndWaitForRefresh(id));
    QVERIFY(action(QStringLiteral("actionInspectCurrent"))->isEnabled());
    action(QStringLiteral("actionInspectCurrent"))->trigger();
    JwtInspectorDialog *inspector = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT(
        (inspector = findVisible<JwtInspectorDialog>(m_fx->window())) != nullptr, NetworkTimeoutMs);
    const QJsonObject info = serviceInfo(QStringLiteral("netsapiens"));
    QCOMPARE(inspector->serverClaimText(QStringLiteral("sub")), info.value(QLatin1String("username")).toString());
    QCOMPARE(
        inspector->serverClaimText(QStringLiteral("jti")), m_fx->controller()->provider(id)->credentialToken()->id);
    QVERIFY(!inspector->serverClaimText(QStringLiteral("exp")).isEmpty());
    QVERIFY(!inspector->serverClaimText(QStringLiteral("time_out")).isEmpty());
    // The server's own addition proves this is the server's view, not a local decode.
    QVERIFY(inspector->serverClaimText(QStringLiteral("apiversion")).contains(QLatin1String("sandbox")));
    inspector->reject();
}

void tst_MainWindowNetSapiens::unauthorizedSessionAsksToSignInAgain_data()
{
    QTest::addColumn<QString>("providerId");
    QTest::newRow("netsapiens") << QStringLiteral("netsapiens");
    QTest::newRow("specter") << QStringLiteral("specter");
}

void tst_MainWindowNetSapiens::unauthorizedSessionAsksToSignInAgain()
{
    QFETCH(QString, providerId);
    const QUuid id = m_fx->demoAccount(providerId);
    if (id.isNull())
        QSKIP("this provider is not in the build");
    const bool netsapiens = providerId == QLatin1String("netsapiens");
    if (netsapiens)
        QVERIFY(signInDirectly(id));
    m_fx->createWindow(true);
    m_fx->window()->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_fx->window()));
    QVERIFY(selectAndWaitForRefresh(id));
    QVERIFY(!visibleSignInDialog(id));

    TokenProvider *provider = m_fx->controller()->provider(id);
    if (netsapiens) {
        // The server revokes the session (an administrator revoked its jti); the next call gets a 401.
        SandboxRequest revoke;
        revoke.method = "DELETE";
        revoke.path = QStringLiteral("/jwt/") + provider->credentialToken()->id;
        revoke.headers.insert(
            "authorization", "Bearer " + serviceInfo(providerId).value(QLatin1String("api_key")).toString().toLatin1());
        QCOMPARE(m_fx->server()->emulator(providerId)->handle(revoke).status, 202);
        action(QStringLiteral("actionInspectCurrent"))->trigger();
    } else {
        // The password was changed on the server side: the stored one is refused with 401.
        provider->setSecret(QStringLiteral("password"), QStringLiteral("no-longer-the-password"));
        m_fx->window()->refresh();
    }

    // The panel in the table area asks, with the service's reason; no modal dialog.
    QTRY_VERIFY_WITH_TIMEOUT(m_fx->window()->isSignInPanelShown(), NetworkTimeoutMs);
    SignInPanel *panel = m_fx->window()->signInPanel();
    QCOMPARE(panel->accountId(), id);
    auto *reason = panel->findChild<QLabel *>(QStringLiteral("signInReason"));
    QVERIFY(reason);
    QVERIFY(!reason->isHidden());
    QVERIFY2(!reason->text().isEmpty(), qPrintable(reason->text()));
    if (netsapiens) {
        QVERIFY2(reason->text().contains(QLatin1String("sign in again")), qPrintable(reason->text()));
        QVERIFY(!provider->isSignedIn());
    } else {
        QVERIFY2(reason->text().contains(QLatin1String("refused")), qPrintable(reason->text()));
    }
    const QString status =
        m_fx->controller()->accountModel()->indexOf(id).data(AccountListModel::StatusTextRole).toString();
    QVERIFY2(status.contains(QLatin1String("sign-in needed")), qPrintable(status));
    QTest::qWait(50);
    QVERIFY(!visibleSignInDialog(id));

    // Signing in again from the panel (password only; other stored secrets stay) brings the tokens back.
    QSignalSpy refreshed(m_fx->window(), &MainWindow::refreshed);
    panel->findChild<FieldForm *>(QStringLiteral("signInForm"))
        ->setValue(QStringLiteral("password"), serviceInfo(providerId).value(QLatin1String("password")));
    panel->findChild<QPushButton *>(QStringLiteral("signInButton"))->click();
    QTRY_VERIFY_WITH_TIMEOUT(
        !refreshed.isEmpty() && refreshed.last().at(0).toUuid() == id && refreshed.last().at(1).toBool(),
        NetworkTimeoutMs);
    QVERIFY(!visibleSignInDialog(id));
    QVERIFY(!m_fx->window()->isSignInPanelShown());
    if (netsapiens) {
        QVERIFY(provider->isSignedIn());
        QVERIFY(rowOf(QStringLiteral("session")) >= 0);
        QVERIFY(provider->hasSecret(QStringLiteral("api_key"))); // not wiped by the panel's empty fields
        QVERIFY(provider->hasSecret(QStringLiteral("client_secret")));
    } else {
        QVERIFY(provider->secret(QStringLiteral("password"))
            == serviceInfo(providerId).value(QLatin1String("password")).toString());
        QTRY_VERIFY(m_fx->window()->tokenModel()->rowCount() >= 2); // the seeded tokens are listed again
    }
}

void tst_MainWindowNetSapiens::explicitSignInOpensTheDialogNamingTheUser()
{
    // An account whose password is not held: only Account → Sign In… opens the modal, and it names the user.
    const QJsonObject info = serviceInfo(QStringLiteral("netsapiens"));
    Account account;
    account.id = QUuid::createUuid();
    account.providerId = QStringLiteral("netsapiens");
    account.name = QStringLiteral("No password yet");
    account.baseUrl = QUrl(info.value(QLatin1String("base_url")).toString());
    account.options.insert(QStringLiteral("username"), info.value(QLatin1String("username")).toString());
    account.options.insert(QStringLiteral("client_id"), info.value(QLatin1String("client_id")).toString());
    const std::optional<Result<Done>> added = awaitFuture(m_fx->controller()->addAccount(
        account, {{QStringLiteral("client_secret"), info.value(QLatin1String("client_secret")).toString()}}));
    QVERIFY(added && added->ok());
    QVERIFY(showSignInPanel(account.id));
    QTest::qWait(50);
    QVERIFY(!visibleSignInDialog(account.id)); // selecting never pops a modal
    QVERIFY(m_fx->window()->errorPresenter()->currentStatus() != QStringLiteral("Refreshing…"));
    // The password is required here: nothing is held for it.
    auto *button = m_fx->window()->signInPanel()->findChild<QPushButton *>(QStringLiteral("signInButton"));
    QVERIFY(!button->isEnabled());

    action(QStringLiteral("actionSignIn"))->trigger();
    SignInDialog *dialog = waitForSignInDialog(account.id);
    QVERIFY(dialog);
    const QString who = dialog->findChild<QLabel *>(QStringLiteral("accountLabel"))->text();
    QVERIFY2(who.contains(info.value(QLatin1String("username")).toString()), qPrintable(who));
    // No keychain in this test (memory-only store): nothing can be remembered, and the dialog says why.
    auto *keep = dialog->findChild<QCheckBox *>(QStringLiteral("keepSignedIn"));
    QVERIFY(!keep->isChecked());
    QVERIFY(!keep->isEnabled());
    QVERIFY(!keep->toolTip().isEmpty());
    QVERIFY(!dialog->findChild<QLabel *>(QStringLiteral("keepNote"))->isHidden());
    dialog->reject();
    QVERIFY(m_fx->window()->errorPresenter()->currentStatus() != QStringLiteral("Signing in…"));
}

void tst_MainWindowNetSapiens::wrongPasswordInThePanelShowsInTheErrorColour()
{
    // The sandbox's demo user: the panel comes with the demo password filled in.
    QUuid id;
    for (const Account &account : m_fx->demoAccounts()) {
        if (account.providerId == QLatin1String("netsapiens")
            && m_fx->controller()->demoTotpSecret(account.id).isEmpty())
            id = account.id;
    }
    QVERIFY(!id.isNull());
    QVERIFY(showSignInPanel(id));
    SignInPanel *panel = m_fx->window()->signInPanel();
    QCOMPARE(panel->values().value(QStringLiteral("password")), m_fx->controller()->demoSecrets(id).value("password"));
    QVERIFY(!panel->findChild<QLabel *>(QStringLiteral("signInDemoNote"))->isHidden());

    panel->findChild<FieldForm *>(QStringLiteral("signInForm"))
        ->setValue(QStringLiteral("password"), QStringLiteral("not-the-password"));
    panel->findChild<QPushButton *>(QStringLiteral("signInButton"))->click();
    auto *error = panel->findChild<QLabel *>(QStringLiteral("signInError"));
    QTRY_VERIFY_WITH_TIMEOUT(!error->isHidden(), NetworkTimeoutMs);
    QVERIFY(!error->text().isEmpty());
    QCOMPARE(error->palette().color(QPalette::WindowText),
        StatusColors::color(StatusColors::Role::Error, m_fx->window()->palette()));
    QVERIFY(m_fx->window()->isSignInPanelShown());
    QVERIFY(panel->findChild<QPushButton *>(QStringLiteral("signInButton"))->isEnabled()); // not stuck busy
    QVERIFY(!visibleSignInDialog(id));
    QVERIFY(m_fx->window()->errorPresenter()->currentStatus() != QStringLiteral("Signing in…"));
}

void tst_MainWindowNetSapiens::cancelledMfaEndsSigningIn()
{
    QUuid id;
    for (const Account &account : m_fx->demoAccounts()) {
        if (!m_fx->controller()->demoTotpSecret(account.id).isEmpty())
            id = account.id;
    }
    QVERIFY(!id.isNull());
    QVERIFY(showSignInPanel(id));
    SignInPanel *panel = m_fx->window()->signInPanel();
    auto *button = panel->findChild<QPushButton *>(QStringLiteral("signInButton"));
    QVERIFY(button->isEnabled()); // the demo password is filled in
    QSignalSpy messages(m_fx->window()->statusBar(), &QStatusBar::messageChanged);
    button->click();
    MfaDialog *mfa = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((mfa = findVisible<MfaDialog>(m_fx->window())) != nullptr, NetworkTimeoutMs);
    bool signingIn = false;
    for (const QList<QVariant> &message : std::as_const(messages))
        signingIn = signingIn || message.at(0).toString() == QStringLiteral("Signing in…");
    QVERIFY(signingIn);
    // The sandbox's MFA dialog shows the code the emulator accepts now.
    QVERIFY(!mfa->sandboxCode().isEmpty());
    mfa->reject();
    QVERIFY(m_fx->window()->errorPresenter()->currentStatus() != QStringLiteral("Signing in…"));
    QVERIFY(m_fx->window()->isSignInPanelShown());
    QVERIFY(button->isEnabled());
    QVERIFY(!m_fx->controller()->provider(id)->isSignedIn());
}

void tst_MainWindowNetSapiens::newAccountSignsInWithThePasswordJustGiven()
{
    m_fx->createWindow(true);
    m_fx->window()->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_fx->window()));
    const QJsonObject info = serviceInfo(QStringLiteral("netsapiens"));
    action(QStringLiteral("actionNewAccount"))->trigger();
    AccountDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = findVisible<AccountDialog>(m_fx->window())) != nullptr);
    dialog->setProvider(QStringLiteral("netsapiens"));
    dialog->findChild<QLineEdit *>(QStringLiteral("nameEdit"))->setText(QStringLiteral("Just added"));
    dialog->findChild<QComboBox *>(QStringLiteral("baseUrlCombo"))
        ->setEditText(info.value(QLatin1String("base_url")).toString());
    for (const char *key : {"username", "client_id", "password", "client_secret"}) {
        auto *edit = dialog->findChild<QLineEdit *>(QStringLiteral("field_") + QLatin1String(key));
        QVERIFY2(edit, key);
        edit->setText(info.value(QLatin1String(key)).toString());
    }
    const QList<FieldError> errors = dialog->validate();
    QVERIFY2(errors.isEmpty(), qPrintable(errors.isEmpty() ? QString() : errors.first().message));
    dialog->accept();

    // The password given in the account dialog signs in: no second prompt, and the tokens show.
    QUuid id;
    QTRY_VERIFY_WITH_TIMEOUT(!(id = m_fx->window()->currentAccountId()).isNull()
            && m_fx->controller()->account(id)->name == QLatin1String("Just added"),
        NetworkTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(m_fx->controller()->provider(id)->isSignedIn(), NetworkTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(!m_fx->window()->isSignInPanelShown(), NetworkTimeoutMs);
    QVERIFY(!visibleSignInDialog(id));
}

QTEST_MAIN(tst_MainWindowNetSapiens)
#include "tst_mainwindow_netsapiens.moc"
