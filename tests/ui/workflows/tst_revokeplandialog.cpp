#include "AccountController.h"
#include "AppTranslators.h"
#include "Confirmer.h"
#include "CreateRequests.h"
#include "DestructiveButton.h"
#include "MainWindow.h"
#include "RevokePlanDialog.h"
#include "TypedConfirmation.h"

#include "AwaitFuture.h"
#include "WindowFixture.h"

#include "core/Clock.h"
#include "items/TokenFilterModel.h"
#include "items/TokenListModel.h"
#include "providers/AccountSession.h"
#include "store/AuditLog.h"
#include "store/SecretStore.h"
#include "workflows/RevokePlan.h"
#include "workflows/RevokeRunner.h"

#include <QAction>
#include <QClipboard>
#include <QFile>
#include <QGuiApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

// The RevokePlanDialog over plans on the in-process sandbox with several accounts, one failing: the
// dry run lists every call and sends none, declining the confirmation sends nothing, the run shows one result
// row per step with the verification, the export writes the runner's CSV, Cancel stops what was not started.
// Through MainWindow: a multi-selection goes through the dialog, break-glass lists every account (the failing
// one as not checked) before planning; a single token goes through the same runner without the dialog.
class TestRevokePlanDialog : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void previewIsTheDryRun();
    void runShowsResultsAndExports();
    void cancelStopsTheRest();
    void mainWindowBulkRevokeUsesTheDialog();
    void mainWindowSingleRevokeRunsAPlan();
    void mainWindowBreakGlass();
    void enterDoesNotRevoke();
    void breakGlassOverSeveralAccountsIsTyped();

private:
    QUuid addBrokenSpecter();
    QList<Token> createSpecterTokens(int count, const QString &prefix);
    RevokePlan::AccountTokens accountTokens(const QUuid &id, const QList<Token> &tokens) const;
    std::unique_ptr<RevokePlanDialog> makeDialog(const RevokePlan &plan);
    int sandboxCalls() const { return int(m_fx->server()->requestLog().size()); }

    std::unique_ptr<WindowFixture> m_fx;
};

void TestRevokePlanDialog::initTestCase()
{
    // The English plural forms ("Revoke 3 Tokens"), as the application loads them.
    QVERIFY(AppTranslators::install(*qApp, QLocale(QLocale::English, QLocale::UnitedStates)));
}

void TestRevokePlanDialog::init()
{
    m_fx = std::make_unique<WindowFixture>();
    QVERIFY(m_fx->isValid());
    QVERIFY(m_fx->startSandbox());
    m_fx->openController();
    m_fx->addDemoAccounts();
    if (m_fx->demoAccount(QStringLiteral("specter")).isNull())
        QSKIP("the Specter provider is not in this build");
}

void TestRevokePlanDialog::cleanup()
{
    m_fx.reset();
}

QUuid TestRevokePlanDialog::addBrokenSpecter()
{
    const std::optional<Account> good = m_fx->controller()->account(m_fx->demoAccount(QStringLiteral("specter")));
    if (!good)
        return {};
    Account broken = *good;
    broken.id = QUuid::createUuid();
    broken.name = QStringLiteral("Broken Specter");
    const auto added =
        awaitFuture(m_fx->controller()->addAccount(broken, {{QStringLiteral("password"), QStringLiteral("wrong")}}));
    if (!added || !added->ok())
        return {};
    return broken.id;
}

QList<Token> TestRevokePlanDialog::createSpecterTokens(int count, const QString &prefix)
{
    const QUuid id = m_fx->demoAccount(QStringLiteral("specter"));
    const auto prepared = awaitFuture(m_fx->controller()->prepare(id));
    if (!prepared || !prepared->ok())
        return {};
    QList<Token> tokens;
    for (int i = 0; i < count; ++i) {
        CreateRequest request = CreateRequests::specterToken(QString(prefix + QString::number(i)));
        const auto created = awaitFuture(m_fx->controller()->session(id)->create(request));
        if (!created || !created->ok())
            return {};
        tokens.append(created->value().token);
    }
    return tokens;
}

RevokePlan::AccountTokens TestRevokePlanDialog::accountTokens(const QUuid &id, const QList<Token> &tokens) const
{
    return {*m_fx->controller()->account(id), m_fx->controller()->provider(id), tokens};
}

std::unique_ptr<RevokePlanDialog> TestRevokePlanDialog::makeDialog(const RevokePlan &plan)
{
    AccountController *controller = m_fx->controller();
    return std::make_unique<RevokePlanDialog>(
        plan, [controller](const QUuid &id) { return controller->session(id); }, controller->auditLog(),
        QStringLiteral("bulk-revoke"));
}

void TestRevokePlanDialog::previewIsTheDryRun()
{
    const QUuid specter = m_fx->demoAccount(QStringLiteral("specter"));
    const QUuid broken = addBrokenSpecter();
    QVERIFY(!broken.isNull());
    const QList<Token> tokens = createSpecterTokens(2, QStringLiteral("dry-"));
    QCOMPARE(tokens.size(), 2);
    Token gone = tokens.first();
    gone.id = QStringLiteral("already-gone");
    gone.revoked = QDateTime::currentDateTimeUtc();
    const RevokePlan plan = RevokePlan::forSelection(
        {accountTokens(specter, tokens + QList<Token> {gone}), accountTokens(broken, {tokens.first()})});
    QCOMPARE(plan.runnableCount(), 3);

    const int before = sandboxCalls();
    auto dialog = makeDialog(plan);
    dialog->setNotChecked({{QStringLiteral("Offline PBX"), QStringLiteral("connection refused")}});
    dialog->show();
    QVERIFY(QTest::qWaitForWindowExposed(dialog.get()));
    const QString preview = dialog->previewText();
    for (const QString &line : plan.preview())
        QVERIFY2(preview.contains(line), qPrintable(line));
    for (const Token &token : tokens)
        QVERIFY(preview.contains(QStringLiteral("/api/v1alpha/token/") + token.id));
    QVERIFY(preview.contains(QStringLiteral("already revoked")));
    QVERIFY(preview.contains(QStringLiteral("not checked: account Offline PBX: connection refused")));
    auto *summary = dialog->findChild<QLabel *>(QStringLiteral("summaryLabel"));
    QVERIFY(summary && summary->text().contains(QStringLiteral("Nothing has been sent")));
    QVERIFY(dialog->revokeButton()->isEnabled());
    QVERIFY(dialog->revokeButton()->text().contains(QLatin1Char('3')));
    QVERIFY(!dialog->accessibleName().isEmpty());
    QVERIFY(!dialog->findChild<QPlainTextEdit *>(QStringLiteral("dryRunText"))->accessibleName().isEmpty());

    // Copying the dry run puts exactly the preview on the clipboard.
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("copyButton")), Qt::LeftButton);
    QCOMPARE(QGuiApplication::clipboard()->text(), preview);

    // Declining the confirmation sends nothing; the question names the count and the accounts.
    Confirmer::setNextAnswerForTest(false);
    QTest::mouseClick(dialog->revokeButton(), Qt::LeftButton);
    const QString question = Confirmer::lastQuestionForTest();
    QVERIFY2(question.contains(QStringLiteral("3 token")), qPrintable(question));
    QVERIFY(question.contains(m_fx->controller()->account(specter)->name));
    QVERIFY(question.contains(QStringLiteral("Broken Specter")));
    QVERIFY(!dialog->hasRun());
    QVERIFY(!dialog->isRunning());
    QCOMPARE(sandboxCalls(), before); // showing, copying and declining made no call
    QVERIFY(dialog->isVisible());
}

void TestRevokePlanDialog::runShowsResultsAndExports()
{
    const QUuid specter = m_fx->demoAccount(QStringLiteral("specter"));
    const QUuid broken = addBrokenSpecter();
    QVERIFY(!broken.isNull());
    QVERIFY(awaitFuture(m_fx->controller()->prepare(broken)));
    const QList<Token> tokens = createSpecterTokens(3, QStringLiteral("run-"));
    QCOMPARE(tokens.size(), 3);
    const RevokePlan plan =
        RevokePlan::forSelection({accountTokens(specter, tokens), accountTokens(broken, {tokens.first()})});
    auto dialog = makeDialog(plan);
    dialog->show();
    QSignalSpy finished(dialog.get(), &RevokePlanDialog::runFinished);
    QVERIFY(!dialog->exportButton()->isEnabled());
    QVERIFY(!dialog->cancelButton()->isEnabled());
    Confirmer::setNextAnswerForTest(true);
    QTest::mouseClick(dialog->revokeButton(), Qt::LeftButton);
    QVERIFY(dialog->isRunning());
    QVERIFY(!dialog->revokeButton()->isEnabled());
    QVERIFY(dialog->cancelButton()->isEnabled());
    QVERIFY(finished.wait(20'000));
    QVERIFY(dialog->hasRun());
    QVERIFY(!dialog->cancelButton()->isEnabled());
    QCOMPARE(dialog->progressBar()->value(), 4);
    QCOMPARE(dialog->progressBar()->maximum(), 4);

    QTableWidget *table = dialog->resultTable();
    QVERIFY(table->isVisible());
    QCOMPARE(table->rowCount(), 4);
    const QString brokenName = QStringLiteral("Broken Specter");
    int succeeded = 0;
    for (int row = 0; row < table->rowCount(); ++row) {
        const QString account = table->item(row, 0)->text();
        const QString outcome = table->item(row, 2)->text();
        if (account == brokenName) {
            QCOMPARE(outcome, QStringLiteral("failed"));
            QVERIFY(!table->item(row, 3)->text().isEmpty());
        } else {
            QCOMPARE(outcome, QStringLiteral("succeeded"));
            QCOMPARE(table->item(row, 4)->text(), QStringLiteral("rejected by the server ✓"));
            ++succeeded;
        }
    }
    QCOMPARE(succeeded, 3);
    // The server agrees: none of the three is listed any more.
    const auto listed = awaitFuture(m_fx->controller()->session(specter)->refresh());
    QVERIFY(listed && listed->ok());
    for (const Token &t : listed->value())
        QVERIFY(!t.label.startsWith(QStringLiteral("run-")));
    // One summary entry for the grouped action.
    AuditFilter filter;
    filter.action = QStringLiteral("bulk-revoke");
    const QList<AuditEntry> summary = m_fx->controller()->auditLog()->query(filter);
    QCOMPARE(summary.size(), 1);
    QCOMPARE(summary.first().groupId, dialog->runner()->groupId());

    // Export: the runner's CSV, written whole.
    QVERIFY(dialog->exportButton()->isEnabled());
    const QString path = m_fx->filePath(QStringLiteral("results.csv"));
    QString error;
    QVERIFY2(dialog->exportTo(path, &error), qPrintable(error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray csv = file.readAll();
    QCOMPARE(csv, RevokeRunner::toCsv(dialog->outcomes()));
    QVERIFY(csv.startsWith("account,provider,kind,target,name,call,outcome,message,verification\r\n"));
    QCOMPARE(csv.count("succeeded"), 3);
    QCOMPARE(csv.count("failed"), 1);
    QVERIFY(csv.contains(brokenName.toUtf8()));
    for (const Token &token : tokens)
        QVERIFY(csv.contains(token.id.toUtf8()));
    // A second click does not run the plan again.
    QTest::mouseClick(dialog->revokeButton(), Qt::LeftButton);
    QVERIFY(!dialog->isRunning());
    QVERIFY(!dialog->exportTo(m_fx->filePath(QStringLiteral("missing-dir/results.csv"))));
}

void TestRevokePlanDialog::cancelStopsTheRest()
{
    const QUuid specter = m_fx->demoAccount(QStringLiteral("specter"));
    const QList<Token> tokens = createSpecterTokens(5, QStringLiteral("cancel-"));
    QCOMPARE(tokens.size(), 5);
    auto dialog = makeDialog(RevokePlan::forSelection({accountTokens(specter, tokens)}));
    dialog->runner()->setMaxInFlight(1);
    dialog->runner()->setVerify(false);
    dialog->show();
    // Closing while running cancels instead of closing; the first finished step triggers it here.
    connect(dialog->runner(), &RevokeRunner::stepFinished, dialog.get(), [&dialog] { dialog->reject(); });
    QSignalSpy finished(dialog.get(), &RevokePlanDialog::runFinished);
    Confirmer::setNextAnswerForTest(true);
    dialog->startRevoke();
    QVERIFY(finished.wait(20'000));
    QVERIFY(dialog->isVisible());
    int done = 0;
    int cancelled = 0;
    QTableWidget *table = dialog->resultTable();
    QCOMPARE(table->rowCount(), 5);
    for (int row = 0; row < table->rowCount(); ++row) {
        done += table->item(row, 2)->text() == QStringLiteral("succeeded") ? 1 : 0;
        cancelled += table->item(row, 2)->text() == QStringLiteral("cancelled") ? 1 : 0;
    }
    QCOMPARE(done, 1);
    QCOMPARE(cancelled, 4);
    const auto listed = awaitFuture(m_fx->controller()->session(specter)->refresh());
    QVERIFY(listed && listed->ok());
    int left = 0;
    for (const Token &t : listed->value())
        left += t.label.startsWith(QStringLiteral("cancel-")) ? 1 : 0;
    QCOMPARE(left, 4);
    dialog->reject(); // not running any more: closes
    QVERIFY(!dialog->isVisible());
}

void TestRevokePlanDialog::mainWindowBulkRevokeUsesTheDialog()
{
    const QUuid specter = m_fx->demoAccount(QStringLiteral("specter"));
    const QList<Token> tokens = createSpecterTokens(2, QStringLiteral("multi-"));
    QCOMPARE(tokens.size(), 2);
    MainWindow window(m_fx->controller());
    window.selectAccount(specter);
    window.refresh();
    QTRY_VERIFY_WITH_TIMEOUT(window.tokenModel()->rowOf(specter, tokens.last().id) >= 0, 20'000);
    QItemSelectionModel *selection = window.tokenView()->selectionModel();
    for (const Token &token : tokens) {
        const int row = window.tokenModel()->rowOf(specter, token.id);
        QVERIFY(row >= 0);
        const QModelIndex proxy = window.filterModel()->mapFromSource(window.tokenModel()->index(row, 0));
        selection->select(proxy, QItemSelectionModel::Select | QItemSelectionModel::Rows);
    }
    QCOMPARE(window.selectedTokens().size(), 2);
    const int before = sandboxCalls();
    window.revokeSelected();
    auto *dialog = window.findChild<RevokePlanDialog *>();
    QVERIFY(dialog);
    QCOMPARE(dialog->plan().runnableCount(), 2);
    QCOMPARE(sandboxCalls(), before); // only the plan so far
    QSignalSpy finished(dialog, &RevokePlanDialog::runFinished);
    Confirmer::setNextAnswerForTest(true);
    dialog->startRevoke();
    QVERIFY(finished.wait(20'000));
    for (const RevokeOutcome &outcome : dialog->outcomes())
        QCOMPARE(outcome.state, RevokeOutcome::State::Succeeded);
}

void TestRevokePlanDialog::mainWindowSingleRevokeRunsAPlan()
{
    const QUuid specter = m_fx->demoAccount(QStringLiteral("specter"));
    const QList<Token> tokens = createSpecterTokens(1, QStringLiteral("single-"));
    QCOMPARE(tokens.size(), 1);
    MainWindow window(m_fx->controller());
    window.selectAccount(specter);
    window.refresh();
    QTRY_VERIFY_WITH_TIMEOUT(window.tokenModel()->rowOf(specter, tokens.first().id) >= 0, 20'000);
    const int row = window.tokenModel()->rowOf(specter, tokens.first().id);
    const QModelIndex proxy = window.filterModel()->mapFromSource(window.tokenModel()->index(row, 0));
    window.tokenView()->selectionModel()->select(
        proxy, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    QCOMPARE(window.selectedTokens().size(), 1);

    Confirmer::setNextAnswerForTest(true);
    window.revokeSelected();
    QVERIFY(!window.findChild<RevokePlanDialog *>()); // one token: the quick confirmation, no plan dialog
    AuditFilter summaries;
    summaries.action = QStringLiteral("bulk-revoke");
    QTRY_VERIFY_WITH_TIMEOUT(m_fx->controller()->auditLog()->query(summaries).size() == 1, 20'000);
    // The same audit entries as a bulk revoke: the call with the run's group id, then the run's summary.
    const AuditEntry summary = m_fx->controller()->auditLog()->query(summaries).constFirst();
    QCOMPARE(summary.outcome, QStringLiteral("success"));
    QVERIFY(!summary.groupId.isEmpty());
    AuditFilter calls;
    calls.accountId = specter;
    calls.action = QStringLiteral("revoke");
    const QList<AuditEntry> revoked = m_fx->controller()->auditLog()->query(calls);
    QCOMPARE(revoked.size(), 1);
    QCOMPARE(revoked.first().target, tokens.first().id);
    QCOMPARE(revoked.first().groupId, summary.groupId);
    // The table marks it revoked at once; Specter then lists it no more.
    const auto goneOrRevoked = [&window, specter, id = tokens.first().id] {
        const int at = window.tokenModel()->rowOf(specter, id);
        return at < 0
            || window.tokenModel()->index(at, 0).data(TokenListModel::StatusRole).toInt()
            == int(Token::Status::Revoked);
    };
    QTRY_VERIFY_WITH_TIMEOUT(goneOrRevoked(), 20'000);
}

void TestRevokePlanDialog::mainWindowBreakGlass()
{
    const QUuid specter = m_fx->demoAccount(QStringLiteral("specter"));
    const QUuid broken = addBrokenSpecter();
    QVERIFY(!broken.isNull());
    const QList<Token> tokens = createSpecterTokens(2, QStringLiteral("glass-"));
    QCOMPARE(tokens.size(), 2);
    MainWindow window(m_fx->controller());
    QAction *action = window.findChild<QAction *>(QStringLiteral("actionRevokeAllForSubject"));
    QVERIFY(action && action->isEnabled());
    QVERIFY(!action->shortcut().isEmpty());
    QVERIFY(action->text().contains(QLatin1Char('&')));

    const QString subject = tokens.first().subject; // the Specter user: every token of theirs
    QVERIFY(!subject.isEmpty());
    window.openBreakGlass(subject);
    QTRY_VERIFY_WITH_TIMEOUT(window.findChild<RevokePlanDialog *>() != nullptr, 20'000);
    auto *dialog = window.findChild<RevokePlanDialog *>();
    QCOMPARE(dialog->plan().subject(), subject);
    const QString preview = dialog->previewText();
    for (const Token &token : tokens)
        QVERIFY2(preview.contains(QStringLiteral("/api/v1alpha/token/") + token.id), qPrintable(preview));
    QVERIFY2(preview.contains(QStringLiteral("not checked: account Broken Specter")), qPrintable(preview));
    for (const RevokeStep &step : dialog->plan().runnableSteps())
        QCOMPARE(step.accountId, specter);

    QSignalSpy finished(dialog, &RevokePlanDialog::runFinished);
    Confirmer::setNextAnswerForTest(true);
    dialog->startRevoke();
    QVERIFY(finished.wait(20'000));
    AuditFilter filter;
    filter.action = QStringLiteral("break-glass");
    const QList<AuditEntry> summary = m_fx->controller()->auditLog()->query(filter);
    QCOMPARE(summary.size(), 1);
    QCOMPARE(summary.first().target, subject);
    const auto listed = awaitFuture(m_fx->controller()->session(specter)->refresh());
    QVERIFY(listed && listed->ok());
    for (const Token &t : listed->value())
        QVERIFY(!t.label.startsWith(QStringLiteral("glass-")) || t.revoked.has_value());
}

// Revoke is destructive-styled, names the count and is never the default: Enter closes the dialog unsent.
void TestRevokePlanDialog::enterDoesNotRevoke()
{
    const QUuid specter = m_fx->demoAccount(QStringLiteral("specter"));
    const QList<Token> tokens = createSpecterTokens(3, QStringLiteral("enter-"));
    QCOMPARE(tokens.size(), 3);
    auto dialog = makeDialog(RevokePlan::forSelection({accountTokens(specter, tokens)}));
    dialog->show();
    QVERIFY(QTest::qWaitForWindowExposed(dialog.get()));
    QCOMPARE(dialog->revokeButton()->text().remove(QLatin1Char('&')), QStringLiteral("Revoke 3 Tokens"));
    QVERIFY(DestructiveButton::isStyled(dialog->revokeButton()));
    QVERIFY(!dialog->revokeButton()->isDefault());
    QVERIFY(dialog->findChild<QPushButton *>(QStringLiteral("closeButton"))->isDefault());
    QVERIFY(dialog->confirmation()->isHidden()); // a bulk revoke of one account asks the usual question

    const int before = sandboxCalls();
    Confirmer::setNextAnswerForTest(true); // even a "yes" waiting must not be reached by Enter
    QTest::keyClick(dialog.get(), Qt::Key_Return);
    QVERIFY(!dialog->hasRun());
    QVERIFY(!dialog->isRunning());
    QVERIFY(!dialog->isVisible());
    QCOMPARE(sandboxCalls(), before);
    QVERIFY(Confirmer::confirm(nullptr, QStringLiteral("x"), QStringLiteral("x"))); // the preset was not used
}

// Break-glass over two accounts: the subject has to be typed before Revoke is enabled; then no second question.
void TestRevokePlanDialog::breakGlassOverSeveralAccountsIsTyped()
{
    const QUuid specter = m_fx->demoAccount(QStringLiteral("specter"));
    const QUuid broken = addBrokenSpecter();
    QVERIFY(!broken.isNull());
    const QList<Token> tokens = createSpecterTokens(1, QStringLiteral("typed-"));
    QCOMPARE(tokens.size(), 1);
    const QString subject = tokens.first().subject;
    const RevokePlan plan =
        RevokePlan::forSubject(subject, {accountTokens(specter, tokens), accountTokens(broken, tokens)});
    AccountController *controller = m_fx->controller();
    RevokePlanDialog dialog(
        plan, [controller](const QUuid &id) { return controller->session(id); }, controller->auditLog(),
        QStringLiteral("break-glass"));
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QVERIFY(dialog.needsTypedConfirmation());
    QVERIFY(!dialog.confirmation()->isHidden());
    QVERIFY(!dialog.revokeButton()->isEnabled());
    QLineEdit *typed = dialog.confirmation()->lineEdit();
    QTest::keyClicks(typed, subject + QStringLiteral("x"));
    QVERIFY(!dialog.revokeButton()->isEnabled());
    QTest::keyClick(typed, Qt::Key_Backspace);
    QVERIFY(dialog.revokeButton()->isEnabled());
    // Enter in the confirmation box neither revokes nor closes.
    const int before = sandboxCalls();
    QTest::keyClick(typed, Qt::Key_Return);
    QVERIFY(dialog.isVisible());
    QVERIFY(!dialog.hasRun());
    QCOMPARE(sandboxCalls(), before);
    typed->clear();
    QVERIFY(!dialog.revokeButton()->isEnabled());

    // The same subject in one account only: the usual question, no typing.
    RevokePlanDialog single(
        RevokePlan::forSubject(subject, {accountTokens(specter, tokens)}),
        [controller](const QUuid &id) { return controller->session(id); }, controller->auditLog(),
        QStringLiteral("break-glass"));
    QVERIFY(!single.needsTypedConfirmation());
    QVERIFY(single.revokeButton()->isEnabled());
}

QTEST_MAIN(TestRevokePlanDialog)
#include "tst_revokeplandialog.moc"
