// Concurrency: 50 revokes in flight at once against the sandbox (Specter, every answer delayed so they
// overlap), cancelled half-way with ApiClient::abortAll() (the cancel path: TokenProvider::api()->abortAll();
// every pending future then finishes with Kind::Cancelled). Checks: exactly 50 results (done, failed or
// cancelled), none twice; no QNetworkReply left once the event loop drains; a QTimer keeps ticking while the
// requests are in flight (the event loop is never blocked); the server and the client agree afterwards.
#include "AwaitFuture.h"
#include "BuiltinEmulators.h"
#include "SandboxServer.h"
#include "SpecterEmulator.h"
#include "core/Async.h"
#include "core/Clock.h"
#include "net/ApiClient.h"
#include "providers/ProviderRegistry.h"
#include "providers/TokenProvider.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSet>
#include <QTimer>
#include <QtTest>

class TestConcurrentRevoke : public QObject
{
    Q_OBJECT
private slots:
    void fiftyRevokesCancelledHalfWay();
};

void TestConcurrentRevoke::fiftyRevokesCancelledHalfWay()
{
    constexpr int Count = 50;
    QNetworkAccessManager network;
    TestClock clock;
    SandboxServer server;
    registerBuiltinEmulators(server);
    server.seedTokens(Count);
    QVERIFY(server.listen());

    Account account;
    account.id = QUuid::createUuid();
    account.name = QStringLiteral("Concurrent Specter");
    account.providerId = QStringLiteral("specter");
    account.baseUrl = server.url().resolved(QUrl(QStringLiteral("/specter")));
    account.options.insert(QStringLiteral("username"), QString::fromLatin1(SpecterEmulator::DemoUser));
    ProviderContext context;
    context.network = &network;
    context.clock = &clock;
    std::unique_ptr<TokenProvider> provider(ProviderRegistry::instance().create(account, context, nullptr));
    QVERIFY(provider);
    provider->setSecret(QStringLiteral("password"), QString::fromLatin1(SpecterEmulator::DemoPassword));

    const auto listed = awaitResult(provider->listTokens());
    QVERIFY2(listed.ok(), qPrintable(listed.error().fullMessage()));
    const QList<Token> tokens = listed.value();
    QCOMPARE(tokens.size(), Count);

    // Every answer 150 ms late: with Qt's 6 connections per host the 50 calls overlap for about 1.3 s.
    QString faultError;
    QVERIFY2(server.setFaults(QStringLiteral("delay=150ms@/specter"), &faultError), qPrintable(faultError));

    int ticks = 0;
    int ticksWhileInFlight = 0;
    QTimer ticker;
    ticker.setInterval(10);
    connect(&ticker, &QTimer::timeout, this, [&] {
        ++ticks;
        if (provider->api()->pendingCount() > 0)
            ++ticksWhileInFlight;
    });
    ticker.start();

    enum class Outcome { Done, Failed, Cancelled };
    QHash<QString, Outcome> outcomes;
    int duplicateResults = 0;
    int finishedBeforeCancel = 0;
    bool cancelled = false;
    QList<QFuture<void>> watchers;
    for (const Token &token : tokens) {
        const QString id = token.id;
        watchers.append(Async::then(provider->revokeToken(token), this, [&, id](Result<Done> result) {
            if (outcomes.contains(id))
                ++duplicateResults;
            if (result.ok())
                outcomes.insert(id, Outcome::Done);
            else if (result.error().kind() == ApiError::Kind::Cancelled)
                outcomes.insert(id, Outcome::Cancelled);
            else
                outcomes.insert(id, Outcome::Failed);
            if (!cancelled)
                ++finishedBeforeCancel;
        }));
    }
    QCOMPARE(provider->api()->pendingCount(), Count); // all 50 in flight at once

    // Cancel half-way: once a quarter have finished (so some are done, and many are still queued or waiting).
    QTRY_VERIFY_WITH_TIMEOUT(outcomes.size() >= Count / 4, 20'000);
    cancelled = true;
    provider->api()->abortAll();
    QCOMPARE(provider->api()->pendingCount(), 0);

    // Every future finishes, exactly once each.
    for (const QFuture<void> &watcher : std::as_const(watchers))
        QTRY_VERIFY_WITH_TIMEOUT(watcher.isFinished(), 5'000);
    QCOMPARE(outcomes.size(), Count);
    QCOMPARE(duplicateResults, 0);
    const int done = int(std::count(outcomes.cbegin(), outcomes.cend(), Outcome::Done));
    const int failed = int(std::count(outcomes.cbegin(), outcomes.cend(), Outcome::Failed));
    const int cancelledCount = int(std::count(outcomes.cbegin(), outcomes.cend(), Outcome::Cancelled));
    qInfo("50 revokes: %d done, %d failed, %d cancelled (%d finished before the cancel)", done, failed, cancelledCount,
        finishedBeforeCancel);
    QCOMPARE(done + failed + cancelledCount, Count);
    QCOMPARE(done + failed, finishedBeforeCancel); // nothing but Cancelled after abortAll()
    QVERIFY(done >= Count / 4);
    QVERIFY(cancelledCount > 0);
    QCOMPARE(failed, 0); // the sandbox answered every revoke that was not cancelled

    // No dangling replies: every QNetworkReply (children of the manager) is gone once deferred deletes ran.
    QTRY_COMPARE_WITH_TIMEOUT(network.findChildren<QNetworkReply *>().size(), qsizetype(0), 5'000);

    // The event loop stayed responsive: the 10 ms timer ticked while the requests were in flight.
    ticker.stop();
    QVERIFY2(ticksWhileInFlight >= 5, qPrintable(QStringLiteral("%1 ticks in flight").arg(ticksWhileInFlight)));
    QVERIFY(ticks >= ticksWhileInFlight);

    // Client and server agree: every revoke reported done is gone on the server; a cancelled one may or may
    // not have reached it (the request may already have been sent), but nothing else was touched.
    server.clearFaults();
    const auto after = awaitResult(provider->listTokens());
    QVERIFY2(after.ok(), qPrintable(after.error().fullMessage()));
    QSet<QString> remaining;
    for (const Token &token : after.value())
        remaining.insert(token.id);
    for (auto it = outcomes.cbegin(); it != outcomes.cend(); ++it) {
        if (it.value() == Outcome::Done)
            QVERIFY2(!remaining.contains(it.key()), qPrintable(it.key()));
    }
    QVERIFY(remaining.size() >= Count - done - cancelledCount);
    QVERIFY(remaining.size() <= Count - done);
    QTRY_COMPARE_WITH_TIMEOUT(network.findChildren<QNetworkReply *>().size(), qsizetype(0), 5'000);
}

QTEST_GUILESS_MAIN(TestConcurrentRevoke)
#include "tst_concurrentrevoke.moc"
