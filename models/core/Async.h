#pragma once

#include "Result.h"

#include <QFuture>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QPromise>

#include <type_traits>
#include <utility>

// Continuations on TokenDesk's futures. Use Async::then(future, context, f) instead of
// future.then(context, f): in Qt 6.4 a continuation whose context object was destroyed before the future
// finished asserts (debug) or silently never runs (release); later Qt versions cancel it instead. Here the
// continuation is skipped when the context is gone, and the resulting future finishes with a default value
// (a Result<T> defaults to a Cancelled error). A continuation returning QFuture<Result<U>> (to be unwrapped)
// gets a finished future holding that Cancelled error, not a cancelled future: a cancelled one would cancel the
// unwrapped chain, and the caller's own continuations would never run (a dialog left waiting, a CLI that never
// exits).
//
// All of TokenDesk's futures are finished on the main thread (network replies, keychain jobs, timers), so the
// continuation runs synchronously in that thread, like a context continuation would.
namespace Async {

namespace detail {
template<typename R> struct FutureOfResult : std::false_type
{
};
template<typename U> struct FutureOfResult<QFuture<Result<U>>> : std::true_type
{
    using Value = U;
};
} // namespace detail

template<typename T, typename Function> auto then(QFuture<T> future, QObject *context, Function &&function)
{
    using Return = std::invoke_result_t<std::decay_t<Function> &, T>;
    return future.then(QtFuture::Launch::Sync,
        [guard = QPointer<QObject>(context), function = std::forward<Function>(function)](T value) mutable -> Return {
            if (!guard) {
                if constexpr (std::is_void_v<Return>)
                    return;
                else if constexpr (detail::FutureOfResult<Return>::value)
                    return readyResult(Result<typename detail::FutureOfResult<Return>::Value> {});
                else
                    return Return {};
            }
            return function(std::move(value));
        });
}

// Fan-in: one future that finishes when every one of `futures` has finished, with each one's result in the order
// given (an empty list at once when there are none). A future cancelled on its way gives a Cancelled error, like
// a Result's default; one failing does not stop the others.
template<typename T> QFuture<QList<Result<T>>> allResults(const QList<QFuture<Result<T>>> &futures)
{
    if (futures.isEmpty()) {
        QPromise<QList<Result<T>>> promise;
        promise.start();
        promise.addResult(QList<Result<T>> {});
        promise.finish();
        return promise.future();
    }
    // Qt 6.4's whenAll calls then() through the iterator, which a const_iterator's const future cannot take.
    QList<QFuture<Result<T>>> pending = futures;
    return QtFuture::whenAll(pending.begin(), pending.end())
        .then(QtFuture::Launch::Sync, [](const QList<QFuture<Result<T>>> &finished) {
            QList<Result<T>> results;
            results.reserve(finished.size());
            for (const QFuture<Result<T>> &future : finished)
                results.append(future.isValid() && future.resultCount() > 0 ? future.result() : Result<T> {});
            return results;
        });
}

// Fan-in of steps that only succeed or fail: the first error among them in the order given (Done when all
// succeeded, or when there are none).
inline QFuture<Result<Done>> all(const QList<QFuture<Result<Done>>> &futures)
{
    return allResults(futures).then(QtFuture::Launch::Sync, [](const QList<Result<Done>> &results) {
        for (const Result<Done> &result : results) {
            if (!result.ok())
                return result;
        }
        return Result<Done>(Done {});
    });
}

} // namespace Async
