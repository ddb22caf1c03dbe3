#pragma once

#include "core/ApiError.h"
#include "core/Result.h"

#include <QEventLoop>
#include <QFuture>
#include <QFutureWatcher>
#include <QObject>
#include <QTimer>

#include <optional>

// The one way tests wait for a QFuture: the event loop runs (so replies, timers and queued calls proceed)
// until the future finishes or the timeout passes. Pick by what the test needs to tell apart:
//   awaitFuture  - std::optional: nullopt when the future hung, was cancelled or finished without a result;
//   awaitResult  - Result<T> directly: a future that did not deliver becomes an ApiError of kind Timeout, so
//                  `QVERIFY(awaitResult(f).ok())` fails with a readable reason instead of crashing on result().
constexpr int AwaitFutureDefaultMs = 20000;

template<typename T> std::optional<T> awaitFuture(QFuture<T> future, int timeoutMs = AwaitFutureDefaultMs)
{
    if (!future.isFinished()) {
        QEventLoop loop;
        QFutureWatcher<T> watcher;
        QObject::connect(&watcher, &QFutureWatcherBase::finished, &loop, &QEventLoop::quit);
        QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
        watcher.setFuture(future);
        if (!future.isFinished())
            loop.exec();
    }
    if (!future.isFinished() || future.isCanceled() || future.resultCount() == 0)
        return std::nullopt;
    return future.result();
}

template<typename T> Result<T> awaitResult(QFuture<Result<T>> future, int timeoutMs = AwaitFutureDefaultMs)
{
    std::optional<Result<T>> result = awaitFuture(std::move(future), timeoutMs);
    if (!result)
        return Result<T>(ApiError(ApiError::Kind::Timeout, QStringLiteral("test timed out waiting for the future")));
    return std::move(*result);
}
