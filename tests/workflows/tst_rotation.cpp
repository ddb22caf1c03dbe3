#include "AwaitFuture.h"
#include "CreateRequests.h"
#include "SandboxAccounts.h"

#include "store/RotationStore.h"
#include "workflows/AccountTokens.h"
#include "workflows/RotationFinisher.h"
#include "workflows/TokenRotation.h"

#include <QFile>
#include <QJsonArray>
#include <QTest>

// Rotation end to end against the in-process sandbox: create the successor, verify it, the grace period kept in the
// ledger (a restart resumes it), revoke the old token, check it is gone; a successor that fails verification is
// revoked and the old token left alone.
class TestRotation : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void specterRotationRevokesTheOldToken();
    void failedVerificationRollsBack();
    void restartDuringGraceResumes();
    void svixRotationExpiresTheOldSession();
    void netsapiensRotationRevokesByJti();
    void unrevocableTokensAreRefused();

private:
    Token createSpecter(AccountSession *session, const QString &description, QString *value = nullptr);
    QList<Token> list(AccountSession *session);
    static bool listed(const QList<Token> &tokens, const QString &id);
    static const RotationStep *findStep(const RotationReport &report, RotationStep::Kind kind);

    SandboxAccounts m_fixture;
    std::unique_ptr<RotationStore> m_store;
};

void TestRotation::initTestCase()
{
    QVERIFY(m_fixture.listen());
}

void TestRotation::init()
{
    QString error;
    QVERIFY2(m_fixture.openStore(&error), qPrintable(error));
    m_store = std::make_unique<RotationStore>(m_fixture.database());
}

void TestRotation::cleanup()
{
    m_fixture.sandbox().clearFaults();
    m_fixture.sandbox().setClock({});
    m_store.reset();
    m_fixture.closeStore();
}

Token TestRotation::createSpecter(AccountSession *session, const QString &description, QString *value)
{
    CreateRequest request = CreateRequests::specterToken(description);
    const auto created = awaitFuture(session->create(request));
    if (!created || !created->ok())
        return {};
    if (value)
        *value = created->value().value;
    // The list is what a user picks the token from: with its lifetime as Specter reports it.
    for (const Token &token : list(session))
        if (token.id == created->value().token.id)
            return token;
    return {};
}

QList<Token> TestRotation::list(AccountSession *session)
{
    const auto tokens = awaitFuture(session->refresh());
    return tokens && tokens->ok() ? tokens->value() : QList<Token>();
}

bool TestRotation::listed(const QList<Token> &tokens, const QString &id)
{
    return std::any_of(tokens.cbegin(), tokens.cend(), [&id](const Token &t) { return t.id == id && !t.revoked; });
}

const RotationStep *TestRotation::findStep(const RotationReport &report, RotationStep::Kind kind)
{
    for (const RotationStep &step : report.steps)
        if (step.kind == kind)
            return &step;
    return nullptr;
}

void TestRotation::specterRotationRevokesTheOldToken()
{
    AccountSession *lab = m_fixture.addSpecter(QStringLiteral("lab"));
    QVERIFY(lab);
    QString oldValue;
    const Token old = createSpecter(lab, QStringLiteral("deploy bot"), &oldValue);
    QVERIFY(!old.id.isEmpty());

    TokenRotation rotation(lab, m_store.get(), m_fixture.audit(), Clock::system());
    const auto report = awaitFuture(rotation.begin(old, 0));
    QVERIFY(report);
    QCOMPARE(RotationReport::outcomeName(report->outcome), QStringLiteral("completed"));
    const CreatedToken created = rotation.takeCreated();
    QVERIFY(!created.value.isEmpty());
    QVERIFY(rotation.takeCreated().value.isEmpty()); // shown once
    QVERIFY(created.token.label.startsWith(QLatin1String("deploy bot (rotated ")));
    QCOMPARE(qRound64(*created.token.lifetimeSeconds), qint64(7200)); // the old token's lifetime

    const QStringList expected {QStringLiteral("copy-settings"), QStringLiteral("create"), QStringLiteral("verify-new"),
        QStringLiteral("grace"), QStringLiteral("revoke-old"), QStringLiteral("verify-old")};
    QStringList kinds;
    for (const RotationStep &step : report->steps)
        kinds.append(RotationStep::kindName(step.kind));
    QCOMPARE(kinds, expected);
    QCOMPARE(findStep(*report, RotationStep::Kind::VerifyNew)->state, RotationStep::State::Succeeded);
    QCOMPARE(findStep(*report, RotationStep::Kind::VerifyOld)->state, RotationStep::State::Succeeded);

    const QList<Token> after = list(lab);
    QVERIFY(!listed(after, old.id));
    QVERIFY(listed(after, created.token.id));
    const auto oldCheck = awaitFuture(lab->provider()->checkTokenValue(oldValue));
    QVERIFY(oldCheck && oldCheck->ok());
    QCOMPARE(oldCheck->value().verdict, TokenValueCheck::Verdict::Rejected);

    // One grouped action: create, verify, revoke, verify and the summary share the group id; no value anywhere.
    const QList<AuditEntry> group = [&] {
        QList<AuditEntry> entries;
        for (const AuditEntry &entry : m_fixture.audit()->query())
            if (entry.groupId == report->groupId)
                entries.append(entry);
        return entries;
    }();
    QStringList actions;
    for (const AuditEntry &entry : group)
        actions.append(entry.action);
    QVERIFY2(actions.contains(QStringLiteral("create")) && actions.contains(QStringLiteral("revoke"))
            && actions.contains(QStringLiteral("rotate-verify-new"))
            && actions.contains(QStringLiteral("rotate-verify-old")) && actions.contains(QStringLiteral("rotate")),
        qPrintable(actions.join(QLatin1Char(','))));
    QVERIFY(m_store->pending().isEmpty());
    QCOMPARE(m_store->byGroup(report->groupId)->step, PendingRotation::Step::Done);
    QFile file(m_fixture.database()->path());
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray database = file.readAll();
    QVERIFY(!database.contains(created.value.toUtf8()));
    QVERIFY(!database.contains(oldValue.toUtf8()));
}

void TestRotation::failedVerificationRollsBack()
{
    AccountSession *lab = m_fixture.addSpecter(QStringLiteral("lab"));
    QVERIFY(lab);
    QString oldValue;
    const Token old = createSpecter(lab, QStringLiteral("billing"), &oldValue);
    QVERIFY(!old.id.isEmpty());
    // Specter refuses the new value when it is checked.
    QVERIFY(m_fixture.sandbox().setFaults(QStringLiteral("status=401:once@/specter/api/v1alpha/wallets")));

    TokenRotation rotation(lab, m_store.get(), m_fixture.audit(), Clock::system());
    const auto report = awaitFuture(rotation.begin(old, 3600));
    QVERIFY(report);
    QCOMPARE(report->outcome, RotationReport::Outcome::RolledBack);
    QCOMPARE(report->exitCode(), 1);
    QCOMPARE(findStep(*report, RotationStep::Kind::VerifyNew)->state, RotationStep::State::Failed);
    QCOMPARE(findStep(*report, RotationStep::Kind::Rollback)->state, RotationStep::State::Succeeded);
    QVERIFY(!findStep(*report, RotationStep::Kind::RevokeOld));
    QVERIFY(rotation.takeCreated().value.isEmpty()); // a rolled-back value is not handed out

    // The old token is untouched and still works; the new one is gone; nothing is pending.
    const QList<Token> after = list(lab);
    QVERIFY(listed(after, old.id));
    QVERIFY(!listed(after, report->newToken.id));
    const auto oldCheck = awaitFuture(lab->provider()->checkTokenValue(oldValue));
    QVERIFY(oldCheck && oldCheck->ok());
    QCOMPARE(oldCheck->value().verdict, TokenValueCheck::Verdict::Accepted);
    QVERIFY(m_store->pending().isEmpty());
    AuditFilter filter;
    filter.action = QStringLiteral("rotate");
    const QList<AuditEntry> summary = m_fixture.audit()->query(filter);
    QCOMPARE(summary.size(), 1);
    QCOMPARE(summary.first().outcome, QStringLiteral("failure"));
}

void TestRotation::restartDuringGraceResumes()
{
    AccountSession *lab = m_fixture.addSpecter(QStringLiteral("lab"));
    QVERIFY(lab);
    const Token old = createSpecter(lab, QStringLiteral("nightly"));
    QVERIFY(!old.id.isEmpty());
    TestClock clock(QDateTime::currentDateTimeUtc());

    QString groupId;
    {
        TokenRotation rotation(lab, m_store.get(), m_fixture.audit(), &clock);
        const auto report = awaitFuture(rotation.begin(old, 2 * 3600));
        QVERIFY(report);
        QCOMPARE(report->outcome, RotationReport::Outcome::Scheduled);
        QCOMPARE(*report->due, clock.now().addSecs(2 * 3600));
        groupId = report->groupId;
        // Refused while one is pending: the same token is not rotated twice.
        QVERIFY(!TokenRotation::refusal(lab->provider(), m_store.get(), old, 0, clock.now()).isEmpty());
    } // the process ends during the grace period

    // A new process: the same database, new objects. The row state comes from the ledger.
    RotationStore store(m_fixture.database());
    AccountTokens tokens([lab](const QUuid &) { return lab; });
    tokens.setRotationStore(&store);
    const auto refreshed = awaitFuture(tokens.refresh(lab->account().id));
    QVERIFY(refreshed && refreshed->ok());
    const auto oldRow = std::find_if(
        refreshed->value().cbegin(), refreshed->value().cend(), [&old](const Token &t) { return t.id == old.id; });
    QVERIFY(oldRow != refreshed->value().cend());
    QCOMPARE(oldRow->rotationDue, clock.now().addSecs(2 * 3600));

    RotationFinisher finisher([lab](const QUuid &) { return lab; }, &store, m_fixture.audit(), &clock);
    const auto early = awaitFuture(finisher.finishDue());
    QVERIFY(early && early->isEmpty()); // not due yet
    QVERIFY(listed(list(lab), old.id));

    clock.advanceSeconds(2 * 3600 + 1);
    const auto due = awaitFuture(finisher.finishDue());
    QVERIFY(due);
    QCOMPARE(due->size(), 1);
    QCOMPARE(due->first().outcome, RotationReport::Outcome::Completed);
    QCOMPARE(due->first().groupId, groupId);
    QVERIFY(!listed(list(lab), old.id));
    QVERIFY(store.pending().isEmpty());
    const auto again = awaitFuture(tokens.refresh(lab->account().id));
    QVERIFY(again && again->ok());
    for (const Token &token : again->value())
        QVERIFY(!token.rotationDue);
}

void TestRotation::svixRotationExpiresTheOldSession()
{
    QString app;
    AccountSession *svix = m_fixture.addSvix(QStringLiteral("hooks"), &app);
    QVERIFY(svix);
    CreateRequest request = CreateRequests::svixPortal(app, QStringLiteral("ops"));
    request.values.insert(QStringLiteral("expiry"), QStringLiteral("1 day"));
    const auto created = awaitFuture(svix->create(request));
    QVERIFY(created && created->ok());
    const QString oldValue = created->value().value;
    const Token old = list(svix).first();

    // Svix's own grace is at most 3 days: a longer one is refused before anything is created.
    TestClock clock(QDateTime::currentDateTimeUtc());
    QVERIFY(TokenRotation::refusal(svix->provider(), m_store.get(), old, 4 * 86400, clock.now())
                .contains(QLatin1String("grace period of this length")));
    QVERIFY(TokenRotation::refusal(svix->provider(), m_store.get(), old, 3 * 86400, clock.now()).isEmpty());

    // Svix cannot be asked about a value: without a confirmation the rotation waits, and the old session is kept.
    TokenRotation waiting(svix, m_store.get(), m_fixture.audit(), &clock);
    const auto unconfirmed = awaitFuture(waiting.begin(old, 60));
    QVERIFY(unconfirmed);
    QCOMPARE(unconfirmed->outcome, RotationReport::Outcome::AwaitingConfirmation);
    const auto abandoned = awaitFuture(waiting.abandon());
    QVERIFY(abandoned);
    QCOMPARE(abandoned->outcome, RotationReport::Outcome::RolledBack);

    TokenRotation rotation(svix, m_store.get(), m_fixture.audit(), &clock);
    auto begun = awaitFuture(rotation.begin(old, 60));
    QVERIFY(begun);
    QCOMPARE(begun->outcome, RotationReport::Outcome::AwaitingConfirmation);
    const CreatedToken successor = rotation.takeCreated();
    const auto report = awaitFuture(rotation.confirm());
    QVERIFY(report);
    QCOMPARE(report->outcome, RotationReport::Outcome::Scheduled);
    QCOMPARE(findStep(*report, RotationStep::Kind::ExpireOld)->state, RotationStep::State::Succeeded);
    // A new session id, so that the old session's expiry leaves the successor alone.
    const QString newSession = successor.token.extra.value(QStringLiteral("sessionId")).toString();
    QVERIFY(newSession.startsWith(QLatin1String("ops-r")));
    QCOMPARE(successor.token.scopes, old.scopes);

    // Svix's own grace: after 60 s the old session's token is refused, the new one still works.
    m_fixture.sandbox().setClock([] { return QDateTime::currentDateTimeUtc().addSecs(61); });
    const auto oldLogout = awaitFuture(svix->logoutToken(oldValue));
    QVERIFY(oldLogout && !oldLogout->ok());
    QCOMPARE(oldLogout->error().kind(), ApiError::Kind::Unauthorized);

    clock.advanceSeconds(61);
    RotationFinisher finisher([svix](const QUuid &) { return svix; }, m_store.get(), m_fixture.audit(), &clock);
    const auto due = awaitFuture(finisher.finishDue());
    QVERIFY(due);
    QCOMPARE(due->size(), 1);
    QCOMPARE(due->first().outcome, RotationReport::Outcome::Completed);
    const auto newLogout = awaitFuture(svix->logoutToken(successor.value));
    QVERIFY2(newLogout && newLogout->ok(), newLogout ? qPrintable(newLogout->error().fullMessage()) : "timeout");
}

void TestRotation::netsapiensRotationRevokesByJti()
{
    AccountSession *ns = m_fixture.addNetSapiens(QStringLiteral("pbx"), {QStringLiteral("api_key")});
    QVERIFY(ns);
    CreateRequest request;
    request.kind = QStringLiteral("delegated");
    request.values.insert(QStringLiteral("user"), QStringLiteral("1001"));
    request.values.insert(QStringLiteral("domain"), QStringLiteral("sandbox"));
    const auto created = awaitFuture(ns->create(request));
    QVERIFY2(created && created->ok(), created ? qPrintable(created->error().fullMessage()) : "timeout");
    const QString oldValue = created->value().value;
    Token old;
    for (const Token &token : list(ns))
        if (token.id == created->value().token.id)
            old = token;
    QVERIFY(!old.id.isEmpty());

    TokenRotation rotation(ns, m_store.get(), m_fixture.audit(), Clock::system());
    const auto report = awaitFuture(rotation.begin(old, 0));
    QVERIFY(report);
    QVERIFY2(report->outcome == RotationReport::Outcome::Completed, qPrintable(report->error.fullMessage()));
    QCOMPARE(findStep(*report, RotationStep::Kind::VerifyNew)->state, RotationStep::State::Succeeded);
    const CreatedToken successor = rotation.takeCreated();
    QCOMPARE(successor.token.subject, old.subject);
    QVERIFY(successor.token.id != old.id);

    const auto oldCheck = awaitFuture(ns->provider()->checkTokenValue(oldValue));
    QVERIFY(oldCheck && oldCheck->ok());
    QCOMPARE(oldCheck->value().verdict, TokenValueCheck::Verdict::Rejected);
    const auto newCheck = awaitFuture(ns->provider()->checkTokenValue(successor.value));
    QVERIFY(newCheck && newCheck->ok());
    QCOMPARE(newCheck->value().verdict, TokenValueCheck::Verdict::Accepted);
    QVERIFY(m_fixture.ledger()->find(ns->account().id, old.id)->revoked.has_value());
}

void TestRotation::unrevocableTokensAreRefused()
{
    AccountSession *mb = m_fixture.addAccount(QStringLiteral("magicbell"), QStringLiteral("bell"), {});
    QVERIFY(mb);
    Token signedUser;
    signedUser.id = QStringLiteral("local-1");
    signedUser.kind = QStringLiteral("signed-user");
    signedUser.subject = QStringLiteral("a@b.example");
    signedUser.accountId = mb->account().id;
    const QString why =
        TokenRotation::refusal(mb->provider(), m_store.get(), signedUser, 0, QDateTime::currentDateTimeUtc());
    QVERIFY(why.contains(QLatin1String("old token valid")));
    TokenRotation rotation(mb, m_store.get(), m_fixture.audit(), Clock::system());
    const auto report = awaitFuture(rotation.begin(signedUser, 0));
    QVERIFY(report);
    QCOMPARE(report->outcome, RotationReport::Outcome::Refused);
    QCOMPARE(report->exitCode(), 4);
    QVERIFY(report->steps.isEmpty()); // nothing was sent

    // A project token is rotated with its name and lifetime.
    Token project;
    project.id = QStringLiteral("p1");
    project.kind = QStringLiteral("project");
    project.label = QStringLiteral("backend");
    project.created = QDateTime::currentDateTimeUtc();
    project.expires = project.created->addDays(30);
    QString refusal;
    const auto copied = mb->provider()->rotationRequest(project, QDateTime::currentDateTimeUtc(), &refusal);
    QVERIFY2(copied, qPrintable(refusal));
    QCOMPARE(copied->kind, QStringLiteral("project"));
    QCOMPARE(copied->value(QStringLiteral("name")), QStringLiteral("backend"));
    QCOMPARE(copied->values.value(QStringLiteral("expiry")).toLongLong(), qint64(30 * 86400));
    QVERIFY(mb->provider()->validateCreate(*copied).isEmpty());
}

QTEST_GUILESS_MAIN(TestRotation)
#include "tst_rotation.moc"
