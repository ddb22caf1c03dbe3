#pragma once

#include "core/ApiError.h"

#include <QFuture>
#include <QPromise>

#include <optional>
#include <utility>

// The value of an operation that succeeded without producing data.
struct Done
{
};

// Result<T> carries either a T or the ApiError that explains why there is none. Every asynchronous
// operation in TokenDesk yields one, wrapped in a QFuture (see DESIGN.md, "One async pattern").
template<typename T> class Result
{
public:
    Result()
        : m_error(ApiError(ApiError::Kind::Cancelled))
    { }
    Result(T value)
        : m_value(std::move(value))
    { }
    Result(ApiError error)
        : m_error(std::move(error))
    { }

    bool ok() const { return m_value.has_value(); }
    explicit operator bool() const { return ok(); }

    const T &value() const { return *m_value; }
    T &value() { return *m_value; }
    T takeValue() { return std::move(*m_value); }
    const T *operator->() const { return &*m_value; }

    const ApiError &error() const { return m_error; }

private:
    std::optional<T> m_value;
    ApiError m_error;
};

// A QFuture that is already finished with the given result: used for validation failures and for
// operations a provider does not support, so callers never special-case them.
template<typename T> QFuture<Result<T>> readyResult(Result<T> result)
{
    QPromise<Result<T>> promise;
    promise.start();
    promise.addResult(std::move(result));
    promise.finish();
    return promise.future();
}
