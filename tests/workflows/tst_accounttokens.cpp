#include "AwaitFuture.h"
#include "CreateRequests.h"
#include "SandboxAccounts.h"

#include "core/Async.h"
#include "providers/AccountSession.h"
#include "providers/TokenProvider.h"
#include "workflows/AccountTokens.h"

#include <QSignalSpy>
#include <QTest>

#include <algorithm>

// AccountTokens, the one place that holds each account's last list, against the in-process sandbox: two
// refreshes of one account share one call; a change made through the session re-lists the account once and tells
// every reader; a list arriving for an account forgotten meanwhile is not kept; the credential an account signs
// in with is watched once even when the service lists it too.
class TestAccountTokens : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void concurrentRefreshesShareOneCall();
    void everyCallerOfASharedRefreshIsAnswered();
    void sessionChangeRelistsOnce();
    void forgottenWhileInFlightIsNotKept();
    void signedInSessionWatchedOnce();
    void notSignedInIsReportedNotAsked();

private:
    int sandboxCalls() const { return int(m_fixture.sandbox().requestLog().size()); }

    SandboxAccounts m_fixture;
    std::unique_ptr<AccountTokens> m_tokens;
};

void TestAccountTokens::initTestCase()
{
    QVERIFY(m_fixture.listen());
    m_fixture.sandbox().seedTokens(2);
}

void TestAccountTokens::init()
{
    QString error;
    QVERIFY2(m_fixture.openStore(&error), qPrintable(error));
    m_tokens = std::make_unique<AccountTokens>([this](const QUuid &id) { return m_fixture.session(id); });
}

void TestAccountTokens::cleanup()
{
    m_tokens.reset();
    m_fixture.closeStore();
}

void TestAccountTokens::concurrentRefreshesShareOneCall()
{
    AccountSession *lab = m_fixture.addSpecter(QStringLiteral("lab"));
    QVERIFY(lab);
    const QUuid id = lab->account().id;
    QVERIFY(awaitResult(m_tokens->refresh(id)).ok()); // signs in once
    QSignalSpy changed(m_tokens.get(), &AccountTokens::changed);
    const int before = sandboxCalls();
    QFuture<Result<QList<Token>>> first = m_tokens->refresh(id);
    QFuture<Result<QList<Token>>> second = m_tokens->refresh(id);
    const Result<QList<Token>> a = awaitResult(first);
    const Result<QList<Token>> b = awaitResult(second);
    QVERIFY(a.ok() && b.ok());
    QCOMPARE(a.value().size(), b.value().size());
    QCOMPARE(sandboxCalls() - before, 1);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.first().first().toUuid(), id);
    QCOMPARE(m_tokens->tokens(id).size(), a.value().size());
    for (const Token &token : m_tokens->tokens(id))
        QCOMPARE(token.accountId, id);
}

void TestAccountTokens::everyCallerOfASharedRefreshIsAnswered()
{
    // Callers that each attach their own continuation (the window's refresh and a dialog's AccountListCollector)
    // must all be answered: a QFuture runs only the last continuation attached to it.
    AccountSession *lab = m_fixture.addSpecter(QStringLiteral("lab"));
    QVERIFY(lab);
    const QUuid id = lab->account().id;
    QVERIFY(awaitResult(m_tokens->refresh(id)).ok());
    const int before = sandboxCalls();
    int answered = 0;
    QObject context;
    for (int i = 0; i < 3; ++i)
        Async::then(
            m_tokens->refresh(id), &context, [&answered](Result<QList<Token>> result) { answered += result.ok(); });
    QTRY_COMPARE_WITH_TIMEOUT(answered, 3, 10000);
    QCOMPARE(sandboxCalls() - before, 1);
}

void TestAccountTokens::sessionChangeRelistsOnce()
{
    AccountSession *lab = m_fixture.addSpecter(QStringLiteral("lab"));
    QVERIFY(lab);
    const QUuid id = lab->account().id;
    QVERIFY(awaitResult(m_tokens->refresh(id)).ok());
    const int listed = int(m_tokens->tokens(id).size());
    QVERIFY(listed > 0);

    // Created through the session (as the create dialog, the CLI or a rotation would): the kept list follows
    // without anyone asking, once.
    QSignalSpy changed(m_tokens.get(), &AccountTokens::changed);
    CreateRequest request = CreateRequests::specterToken(QStringLiteral("made elsewhere"));
    const Result<CreatedToken> created = awaitResult(lab->create(request));
    QVERIFY2(created.ok(), qPrintable(created.ok() ? QString() : created.error().fullMessage()));
    QVERIFY(changed.wait(10000));
    QTest::qWait(50); // a second re-list would arrive here
    QCOMPARE(changed.size(), 1);
    const QList<Token> after = m_tokens->tokens(id);
    QCOMPARE(after.size(), listed + 1);
    QVERIFY(std::any_of(
        after.cbegin(), after.cend(), [&created](const Token &token) { return token.id == created.value().token.id; }));
}

void TestAccountTokens::forgottenWhileInFlightIsNotKept()
{
    AccountSession *lab = m_fixture.addSpecter(QStringLiteral("lab"));
    QVERIFY(lab);
    const QUuid id = lab->account().id;
    QFuture<Result<QList<Token>>> inFlight = m_tokens->refresh(id);
    m_tokens->forget(id); // removed (or signed out) while the list was on its way
    QVERIFY(awaitResult(inFlight).ok());
    QVERIFY(!m_tokens->hasList(id));
    QVERIFY(m_tokens->tokens(id).isEmpty());
    // A later refresh is kept again.
    QVERIFY(awaitResult(m_tokens->refresh(id)).ok());
    QVERIFY(m_tokens->hasList(id));
}

void TestAccountTokens::signedInSessionWatchedOnce()
{
    AccountSession *pbx =
        m_fixture.addNetSapiens(QStringLiteral("pbx"), {QStringLiteral("password"), QStringLiteral("client_secret")});
    QVERIFY(pbx);
    const QUuid id = pbx->account().id;
    const Result<SignInResult> signedIn = awaitResult(pbx->signIn());
    QVERIFY2(signedIn.ok(), qPrintable(signedIn.ok() ? QString() : signedIn.error().fullMessage()));
    QVERIFY(awaitResult(m_tokens->refresh(id)).ok());
    const std::optional<Token> credential = pbx->provider()->credentialToken();
    QVERIFY(credential);
    const auto countOf = [&credential](const QList<Token> &tokens) {
        return std::count_if(
            tokens.cbegin(), tokens.cend(), [&credential](const Token &token) { return token.id == credential->id; });
    };
    // NetSapiens lists the signed-in session among its tokens; the alerts and the banner must count it once.
    QCOMPARE(countOf(m_tokens->tokens(id)), 1);
    QCOMPARE(countOf(m_tokens->watchedTokens(id)), 1);
    QCOMPARE(m_tokens->watchedTokens(id).size(), m_tokens->tokens(id).size());
    // A list without it (an account whose service does not list its own session) gets it added, once.
    QList<Token> without = m_tokens->tokens(id);
    without.removeIf([&credential](const Token &token) { return token.id == credential->id; });
    QCOMPARE(countOf(AccountTokens::withCredential(without, pbx->provider(), id)), 1);
}

void TestAccountTokens::notSignedInIsReportedNotAsked()
{
    AccountSession *pbx =
        m_fixture.addNetSapiens(QStringLiteral("pbx"), {QStringLiteral("password"), QStringLiteral("client_secret")});
    QVERIFY(pbx);
    const QUuid id = pbx->account().id;
    const int before = sandboxCalls();
    const Result<QList<Token>> result = awaitResult(m_tokens->refresh(id));
    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind(), ApiError::Kind::Unauthorized);
    QVERIFY(m_tokens->needsSignIn(id));
    QCOMPARE(sandboxCalls(), before); // no sign-in attempted in the background
    QVERIFY(!m_tokens->hasList(id));
}

QTEST_GUILESS_MAIN(TestAccountTokens)
#include "tst_accounttokens.moc"
