// Async::then (models/core/Async.h): a continuation runs while its context lives and is skipped once the context
// is gone; what the caller then gets must still finish, also through QFuture::unwrap().
#include "core/Async.h"
#include "core/Result.h"

#include <QObject>
#include <QPromise>
#include <QTest>

#include <memory>

class tst_Async : public QObject
{
    Q_OBJECT

private slots:
    void runsWhileContextLives();
    void skippedAfterContextDies();
    void unwrappedChainFinishesWithCancelled();
};

void tst_Async::runsWhileContextLives()
{
    QObject context;
    QPromise<Result<int>> promise;
    promise.start();
    QFuture<Result<int>> doubled = Async::then(
        promise.future(), &context, [](const Result<int> &r) -> Result<int> { return r.ok() ? r.value() * 2 : 0; });
    promise.addResult(Result<int>(21));
    promise.finish();
    QVERIFY(doubled.isFinished());
    QVERIFY(doubled.result().ok());
    QCOMPARE(doubled.result().value(), 42);
}

void tst_Async::skippedAfterContextDies()
{
    auto context = std::make_unique<QObject>();
    bool ran = false;
    QPromise<Result<int>> promise;
    promise.start();
    QFuture<Result<int>> next = Async::then(promise.future(), context.get(), [&ran](const Result<int> &r) {
        ran = true;
        return r;
    });
    context.reset();
    promise.addResult(Result<int>(1));
    promise.finish();
    QVERIFY(next.isFinished());
    QVERIFY(!ran);
    QVERIFY(!next.isCanceled());
    QCOMPARE(next.result().error().kind(), ApiError::Kind::Cancelled);
}

// The shape of NetSapiens' sign-out and Specter's verify: a continuation returning another future, unwrapped.
// With the context gone, the unwrapped future must finish with a Cancelled error, not be cancelled: the
// caller's own continuation has to run (a dialog leaves "Asking…", a CLI exits).
void tst_Async::unwrappedChainFinishesWithCancelled()
{
    auto context = std::make_unique<QObject>();
    QPromise<Result<int>> promise;
    promise.start();
    QFuture<Result<int>> chained =
        Async::then(promise.future(), context.get(), [](const Result<int> &r) -> QFuture<Result<int>> {
            return readyResult(r);
        }).unwrap();
    QObject caller;
    bool callerRan = false;
    ApiError::Kind seen = ApiError::Kind::None;
    Async::then(chained, &caller, [&](const Result<int> &r) {
        callerRan = true;
        seen = r.ok() ? ApiError::Kind::None : r.error().kind();
    });
    context.reset();
    promise.addResult(Result<int>(7));
    promise.finish();
    QTRY_VERIFY(chained.isFinished());
    QVERIFY(!chained.isCanceled());
    QVERIFY(callerRan);
    QCOMPARE(seen, ApiError::Kind::Cancelled);
}

QTEST_GUILESS_MAIN(tst_Async)
#include "tst_async.moc"
