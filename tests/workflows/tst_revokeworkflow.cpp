#include "AwaitFuture.h"
#include "BuiltinEmulators.h"
#include "CreateRequests.h"
#include "SandboxAccounts.h"
#include "SandboxServer.h"

#include "core/Clock.h"
#include "providers/AccountSession.h"
#include "store/AuditLog.h"
#include "store/Database.h"
#include "store/Ledger.h"
#include "store/SecretStore.h"
#include "workflows/RevokePlan.h"
#include "workflows/RevokeRunner.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

// Bulk revoke and break-glass against the in-process sandbox with several accounts at once, one of
// them failing: the plan (dry run) makes no call, every call it lists is made, per-token outcomes, grouped
// audit entries, verification after revoke, cancellation, CSV export.
class TestRevokeWorkflow : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void selectionPlanSkipsWhatCannotBeRevoked();
    void accountPlanKeepsWhatWasNamed();
    void dryRunMakesNoCalls();
    void bulkRevokeAcrossAccountsWithOneFailing();
    void cancelHalfWayAccountsForEveryStep();
    void breakGlassNetSapiensUsesOneUidCall();
    void breakGlassSvixExpiresTheApplication();
    void subjectMatching();
    void csvExportHasNoSecrets();

private:
    QList<Token> createSpecterTokens(AccountSession *session, int count, const QString &prefix);
    RevokePlan::AccountTokens accountTokens(AccountSession *session, const QList<Token> &tokens) const;
    int sandboxCalls() const;

    SandboxAccounts m_fixture;
};

void TestRevokeWorkflow::initTestCase()
{
    QVERIFY(m_fixture.listen());
}

void TestRevokeWorkflow::init()
{
    QString error;
    QVERIFY2(m_fixture.openStore(&error), qPrintable(error));
}

void TestRevokeWorkflow::cleanup()
{
    m_fixture.closeStore();
}

int TestRevokeWorkflow::sandboxCalls() const
{
    return int(m_fixture.sandbox().requestLog().size());
}

QList<Token> TestRevokeWorkflow::createSpecterTokens(AccountSession *session, int count, const QString &prefix)
{
    QList<Token> tokens;
    for (int i = 0; i < count; ++i) {
        CreateRequest request = CreateRequests::specterToken(QString(prefix + QString::number(i)));
        const auto created = awaitFuture(session->create(request));
        if (!created || !created->ok())
            return {};
        tokens.append(created->value().token);
    }
    return tokens;
}

RevokePlan::AccountTokens TestRevokeWorkflow::accountTokens(AccountSession *session, const QList<Token> &tokens) const
{
    return {session->account(), session->provider(), tokens};
}

void TestRevokeWorkflow::selectionPlanSkipsWhatCannotBeRevoked()
{
    AccountSession *specter = m_fixture.addSpecter(QStringLiteral("lab"));
    AccountSession *svix = m_fixture.addSvix(QStringLiteral("hooks"));
    QVERIFY(specter && svix);
    Token active;
    active.id = QStringLiteral("11111111-2222-3333-4444-555555555555");
    active.label = QStringLiteral("ci");
    Token revoked = active;
    revoked.id = QStringLiteral("gone");
    revoked.revoked = QDateTime::currentDateTimeUtc();
    Token portal;
    portal.kind = QStringLiteral("portal");
    portal.label = QStringLiteral("portal");
    const RevokePlan plan =
        RevokePlan::forSelection({accountTokens(specter, {active, revoked}), accountTokens(svix, {portal})});
    QCOMPARE(plan.steps().size(), 3);
    QCOMPARE(plan.runnableCount(), 1);
    const RevokeStep step = plan.runnableSteps().constFirst(); // a copy: runnableSteps() returns a temporary
    QCOMPARE(step.accountName, QStringLiteral("lab"));
    QVERIFY2(step.call.startsWith(QStringLiteral("DELETE http://127.0.0.1:")), qPrintable(step.call));
    QVERIFY(step.call.contains(QStringLiteral("/api/v1alpha/token/") + active.id));
    QCOMPARE(plan.steps()[1].skipReason, QStringLiteral("already revoked"));
    QCOMPARE(plan.steps()[2].skipReason, QStringLiteral("this service cannot revoke single tokens"));
    const QStringList preview = plan.preview();
    QVERIFY(preview.first().contains(QStringLiteral("revoke token ci")));
    QVERIFY(preview.last().contains(QStringLiteral("skip")));
}

// The CLI's `revoke ACCOUNT [--uid SUBJECT] ID...`: the subject-wide call first, then the ids in the order given,
// nothing matched or added; refused by the selection's rules, and a subject where the service has no such call.
void TestRevokeWorkflow::accountPlanKeepsWhatWasNamed()
{
    AccountSession *ns = m_fixture.addNetSapiens(QStringLiteral("pbx"), {QStringLiteral("api_key")});
    AccountSession *svix = m_fixture.addSvix(QStringLiteral("hooks"));
    QVERIFY(ns && svix);
    Token second;
    second.id = QStringLiteral("jti-2");
    Token first;
    first.id = QStringLiteral("jti-1");
    Token revoked;
    revoked.id = QStringLiteral("jti-0");
    revoked.revoked = QDateTime::currentDateTimeUtc();
    const int before = sandboxCalls();

    const RevokePlan plan =
        RevokePlan::forAccount(accountTokens(ns, {second, revoked, first}), QStringLiteral("1001@x"));
    QCOMPARE(plan.steps().size(), 4);
    QCOMPARE(plan.subject(), QStringLiteral("1001@x"));
    QCOMPARE(plan.steps()[0].kind, RevokeStep::Kind::Subject);
    QCOMPARE(plan.steps()[0].target(), QStringLiteral("1001@x"));
    QVERIFY(plan.steps()[0].willRun());
    QCOMPARE(plan.steps()[1].target(), QStringLiteral("jti-2"));
    QCOMPARE(plan.steps()[2].skipReason, QStringLiteral("already revoked"));
    QCOMPARE(plan.steps()[3].target(), QStringLiteral("jti-1"));
    QCOMPARE(plan.runnableCount(), 3);

    // Without a subject: only the tokens. A service without a subject-wide call refuses the subject, not the run.
    QCOMPARE(RevokePlan::forAccount(accountTokens(ns, {first})).steps().size(), 1);
    const RevokePlan onSvix = RevokePlan::forAccount(accountTokens(svix, {}), QStringLiteral("alice"));
    QCOMPARE(onSvix.steps().size(), 1);
    QCOMPARE(onSvix.runnableCount(), 0);
    QCOMPARE(onSvix.steps()[0].skipReason, QStringLiteral("this service cannot revoke every token of a subject"));
    QCOMPARE(sandboxCalls(), before); // planning sends nothing
}

void TestRevokeWorkflow::dryRunMakesNoCalls()
{
    AccountSession *ns = m_fixture.addNetSapiens(QStringLiteral("pbx"), {QStringLiteral("api_key")});
    QVERIFY(ns);
    Token delegated;
    delegated.id = QStringLiteral("jti-1");
    delegated.subject = QStringLiteral("1001");
    const int before = sandboxCalls();
    const RevokePlan bulk = RevokePlan::forSelection({accountTokens(ns, {delegated})});
    const RevokePlan glass = RevokePlan::forSubject(QStringLiteral("1001@sandbox"), {accountTokens(ns, {delegated})});
    QVERIFY(!bulk.preview().isEmpty());
    QVERIFY(!glass.preview().isEmpty());
    QCOMPARE(sandboxCalls(), before);
}

void TestRevokeWorkflow::bulkRevokeAcrossAccountsWithOneFailing()
{
    const QJsonObject info = m_fixture.service(QStringLiteral("specter"));
    const QVariantMap options {{QStringLiteral("username"), info.value(QStringLiteral("username")).toString()}};
    AccountSession *good = m_fixture.addAccount(QStringLiteral("specter"), QStringLiteral("lab"),
        {{QStringLiteral("password"), info.value(QStringLiteral("password")).toString()}}, options);
    AccountSession *broken = m_fixture.addAccount(QStringLiteral("specter"), QStringLiteral("broken"),
        {{QStringLiteral("password"), QStringLiteral("wrong")}}, options);
    QVERIFY(good && broken);
    const QList<Token> tokens = createSpecterTokens(good, 3, QStringLiteral("bulk-"));
    QCOMPARE(tokens.size(), 3);
    const RevokePlan plan =
        RevokePlan::forSelection({accountTokens(good, tokens), accountTokens(broken, {tokens.first()})});
    QCOMPARE(plan.runnableCount(), 4);

    RevokeRunner runner([this](const QUuid &id) { return m_fixture.session(id); }, m_fixture.audit());
    QSignalSpy progress(&runner, &RevokeRunner::progress);
    const auto outcomes = awaitFuture(runner.run(plan, QStringLiteral("bulk-revoke")));
    QVERIFY(outcomes);
    QCOMPARE(outcomes->size(), 4);
    int succeeded = 0;
    for (const RevokeOutcome &o : *outcomes) {
        if (o.step.accountId == good->account().id) {
            QCOMPARE(o.state, RevokeOutcome::State::Succeeded);
            // Specter can show a token: asked again, the server no longer knows it.
            QCOMPARE(o.verification, RevokeOutcome::Verification::Rejected);
            QVERIFY(o.verificationText().contains(QStringLiteral("rejected by the server")));
            ++succeeded;
        } else {
            QCOMPARE(o.state, RevokeOutcome::State::Failed);
            QVERIFY(!o.message.isEmpty());
        }
    }
    QCOMPARE(succeeded, 3);
    QCOMPARE(progress.constLast().at(0).toInt(), 4);

    // The server agrees: none of the three is listed any more.
    const auto listed = awaitFuture(good->refresh());
    QVERIFY(listed && listed->ok());
    for (const Token &t : listed->value())
        QVERIFY(!t.label.startsWith(QStringLiteral("bulk-")));

    // Audit: one entry per call plus one summary, all with the run's group id.
    AuditFilter filter;
    const QList<AuditEntry> entries = m_fixture.audit()->query(filter);
    int grouped = 0;
    bool summary = false;
    for (const AuditEntry &e : entries) {
        if (e.groupId != runner.groupId())
            continue;
        ++grouped;
        if (e.action == QStringLiteral("bulk-revoke")) {
            summary = true;
            QCOMPARE(e.outcome, QStringLiteral("failure"));
            QVERIFY(e.detail.contains(QStringLiteral("3 succeeded, 1 failed")));
        }
    }
    QVERIFY(summary);
    QCOMPARE(grouped, 5);
}

void TestRevokeWorkflow::cancelHalfWayAccountsForEveryStep()
{
    AccountSession *good = m_fixture.addSpecter(QStringLiteral("lab"));
    QVERIFY(good);
    const QList<Token> tokens = createSpecterTokens(good, 6, QStringLiteral("cancel-"));
    QCOMPARE(tokens.size(), 6);
    RevokeRunner runner([this](const QUuid &id) { return m_fixture.session(id); }, m_fixture.audit());
    runner.setMaxInFlight(1);
    runner.setVerify(false);
    connect(&runner, &RevokeRunner::stepFinished, &runner, [&runner] { runner.cancel(); });
    const auto outcomes =
        awaitFuture(runner.run(RevokePlan::forSelection({accountTokens(good, tokens)}), QStringLiteral("bulk-revoke")));
    QVERIFY(outcomes);
    QCOMPARE(outcomes->size(), 6);
    int done = 0;
    int cancelled = 0;
    for (const RevokeOutcome &o : *outcomes) {
        done += o.state == RevokeOutcome::State::Succeeded ? 1 : 0;
        cancelled += o.state == RevokeOutcome::State::Cancelled ? 1 : 0;
    }
    QCOMPARE(done, 1);
    QCOMPARE(cancelled, 5);
    QVERIFY(!runner.isRunning());
    // The cancelled ones are still on the server.
    const auto listed = awaitFuture(good->refresh());
    QVERIFY(listed && listed->ok());
    int left = 0;
    for (const Token &t : listed->value())
        left += t.label.startsWith(QStringLiteral("cancel-")) ? 1 : 0;
    QCOMPARE(left, 5);
}

void TestRevokeWorkflow::breakGlassNetSapiensUsesOneUidCall()
{
    AccountSession *ns = m_fixture.addNetSapiens(QStringLiteral("pbx"),
        {QStringLiteral("password"), QStringLiteral("client_secret"), QStringLiteral("api_key")});
    QVERIFY(ns);
    const auto signedIn = awaitFuture(ns->signIn());
    QVERIFY2(signedIn && signedIn->ok(), signedIn ? qPrintable(signedIn->error().fullMessage()) : "timeout");
    const QString domain = m_fixture.service(QStringLiteral("netsapiens")).value(QStringLiteral("domain")).toString();
    CreateRequest request;
    request.kind = QStringLiteral("delegated");
    request.values.insert(QStringLiteral("user"), QStringLiteral("1001"));
    request.values.insert(QStringLiteral("domain"), domain);
    const auto created = awaitFuture(ns->create(request));
    QVERIFY2(created && created->ok(), created ? qPrintable(created->error().fullMessage()) : "timeout");
    const auto listed = awaitFuture(ns->refresh());
    QVERIFY(listed && listed->ok());

    const QString uid = QStringLiteral("1001@") + domain;
    const RevokePlan plan = RevokePlan::forSubject(uid, {accountTokens(ns, listed->value())});
    QCOMPARE(plan.runnableCount(), 1);
    const RevokeStep step = plan.runnableSteps().constFirst();
    QCOMPARE(step.kind, RevokeStep::Kind::Subject);
    QVERIFY2(step.call.startsWith(QStringLiteral("DELETE ")) && step.call.endsWith(QStringLiteral("/jwt/") + uid),
        qPrintable(step.call));
    // The delegated token and its v45 refresh JWT, not the admin's own session.
    QCOMPARE(step.covers.size(), 2);

    RevokeRunner runner([this](const QUuid &id) { return m_fixture.session(id); }, m_fixture.audit());
    const auto outcomes = awaitFuture(runner.run(plan, QStringLiteral("break-glass")));
    QVERIFY(outcomes);
    QCOMPARE(outcomes->size(), 1);
    QCOMPARE(outcomes->first().state, RevokeOutcome::State::Succeeded);
    // The ledger row of the delegated token is marked revoked.
    bool revoked = false;
    for (const LedgerEntry &e : m_fixture.ledger()->entries(ns->account().id))
        revoked = revoked || (e.subject.startsWith(QStringLiteral("1001")) && e.revoked.has_value());
    QVERIFY(revoked);
    // One grouped summary entry names the subject.
    AuditFilter filter;
    filter.action = QStringLiteral("break-glass");
    const QList<AuditEntry> summary = m_fixture.audit()->query(filter);
    QCOMPARE(summary.size(), 1);
    QCOMPARE(summary.first().target, uid);
    QCOMPARE(summary.first().outcome, QStringLiteral("success"));
}

void TestRevokeWorkflow::breakGlassSvixExpiresTheApplication()
{
    QString app;
    AccountSession *svix = m_fixture.addSvix(QStringLiteral("hooks"), &app);
    QVERIFY(svix);
    for (const QString &session : {QStringLiteral("alice"), QStringLiteral("bob")}) {
        CreateRequest request = CreateRequests::svixPortal(app, session);
        const auto created = awaitFuture(svix->create(request));
        QVERIFY2(created && created->ok(), created ? qPrintable(created->error().fullMessage()) : "timeout");
    }
    const auto listed = awaitFuture(svix->refresh());
    QVERIFY(listed && listed->ok());
    QCOMPARE(listed->value().size(), 2);

    // By session: expire only that session of the application.
    const RevokePlan bySession =
        RevokePlan::forSubject(QStringLiteral("alice"), {accountTokens(svix, listed->value())});
    QCOMPARE(bySession.runnableCount(), 1);
    QCOMPARE(bySession.steps().first().kind, RevokeStep::Kind::ExpireAll);
    QCOMPARE(bySession.steps().first().expireAll.sessionIds, QStringList {QStringLiteral("alice")});
    QCOMPARE(bySession.steps().first().covers.size(), 1);
    QVERIFY(bySession.steps().first().call.contains(QStringLiteral("\"sessionIds\": [\"alice\"]")));

    // By application: expire everything of the app.
    const RevokePlan byApp = RevokePlan::forSubject(app, {accountTokens(svix, listed->value())});
    QCOMPARE(byApp.runnableCount(), 1);
    const RevokeStep step = byApp.steps().first();
    QCOMPARE(step.expireAll.appId, app);
    QVERIFY(step.expireAll.sessionIds.isEmpty());
    QCOMPARE(step.covers.size(), 2);
    QVERIFY(step.call.startsWith(QStringLiteral("POST ")) && step.call.contains(QStringLiteral("/expire-all")));

    RevokeRunner runner([this](const QUuid &id) { return m_fixture.session(id); }, m_fixture.audit());
    const auto outcomes = awaitFuture(runner.run(byApp, QStringLiteral("break-glass")));
    QVERIFY(outcomes && outcomes->size() == 1);
    QCOMPARE(outcomes->first().state, RevokeOutcome::State::Succeeded);
    for (const LedgerEntry &e : m_fixture.ledger()->entries(svix->account().id))
        QVERIFY(e.revoked.has_value());
}

void TestRevokeWorkflow::subjectMatching()
{
    Token t;
    t.id = QStringLiteral("tok-1");
    t.subject = QStringLiteral("Alice@Example.com");
    QVERIFY(RevokePlan::tokenMatches(t, QStringLiteral(" alice@example.com ")));
    QVERIFY(RevokePlan::tokenMatches(t, QStringLiteral("tok-1")));
    QVERIFY(!RevokePlan::tokenMatches(t, QStringLiteral("alice")));
    QVERIFY(!RevokePlan::tokenMatches(t, QString()));
    Token mb;
    mb.extra.insert(QStringLiteral("external_id"), QStringLiteral("u-42"));
    QVERIFY(RevokePlan::tokenMatches(mb, QStringLiteral("u-42")));
    Token ns;
    ns.subject = QStringLiteral("1001");
    ns.extra.insert(QStringLiteral("domain"), QStringLiteral("example"));
    QVERIFY(RevokePlan::tokenMatches(ns, QStringLiteral("1001@example")));
    QVERIFY(!RevokePlan::tokenMatches(ns, QStringLiteral("1001@other")));
}

void TestRevokeWorkflow::csvExportHasNoSecrets()
{
    RevokeOutcome ok;
    ok.step.accountName = QStringLiteral("lab, main");
    ok.step.providerId = QStringLiteral("specter");
    ok.step.token.id = QStringLiteral("id-1");
    ok.step.token.label = QStringLiteral("=HYPERLINK(\"x\")");
    ok.step.call = QStringLiteral("DELETE http://127.0.0.1/api/v1alpha/token/id-1");
    ok.state = RevokeOutcome::State::Succeeded;
    ok.verification = RevokeOutcome::Verification::Rejected;
    RevokeOutcome failed = ok;
    failed.state = RevokeOutcome::State::Failed;
    failed.message = QStringLiteral("line one\nline two");
    failed.verification = RevokeOutcome::Verification::NotChecked;
    const QByteArray csv = RevokeRunner::toCsv({ok, failed});
    const QList<QByteArray> lines = csv.split('\n');
    QCOMPARE(lines.first(), QByteArray("account,provider,kind,target,name,call,outcome,message,verification\r"));
    QVERIFY(csv.startsWith("account,"));
    QVERIFY(csv.contains("\"lab, main\",specter,token,id-1,"));
    QVERIFY(csv.contains("\"'=HYPERLINK(\"\"x\"\")\"")); // quoted, quotes doubled, formula neutralised
    QVERIFY(csv.contains("succeeded"));
    QVERIFY(csv.contains("\"line one\nline two\""));
    QVERIFY(csv.endsWith("\r\n"));
}

QTEST_GUILESS_MAIN(TestRevokeWorkflow)
#include "tst_revokeworkflow.moc"
