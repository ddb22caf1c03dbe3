#pragma once

#include "Result.h"

#include <QFuture>
#include <QList>
#include <QObject>
#include <QPointer>

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

// Fan-in: one future that finishes when every one of `futures` has finished, with the first error among them in
// the order given (Done when all succeeded, or when there are none). A future cancelled on its way counts as
// a Cancelled error, like a Result's default.
inline QFuture<Result<Done>> all(const QList<QFuture<Result<Done>>> &futures)
{
    if (futures.isEmpty())
        return readyResult(Result<Done>(Done {}));
    // Qt 6.4's whenAll calls then() through the iterator, which a const_iterator's const future cannot take.
    QList<QFuture<Result<Done>>> pending = futures;
    return QtFuture::whenAll(pending.begin(), pending.end())
        .then(QtFuture::Launch::Sync, [](const QList<QFuture<Result<Done>>> &finished) {
            for (const QFuture<Result<Done>> &future : finished) {
                const Result<Done> result =
                    future.isValid() && future.resultCount() > 0 ? future.result() : Result<Done> {};
                if (!result.ok())
                    return result;
            }
            return Result<Done>(Done {});
        });
}

} // namespace Async
