#pragma once

#include <QFuture>
#include <QPromise>

#include <memory>

// The exit code of a command, delivered when its asynchronous work is done.
namespace CliFuture {

inline QFuture<int> ready(int code)
{
    QPromise<int> promise;
    promise.start();
    promise.addResult(code);
    promise.finish();
    return promise.future();
}

// A promise of an exit code that may be copied into continuations; finish() takes effect once.
class Completion
{
public:
    Completion()
        : m_promise(std::make_shared<QPromise<int>>())
    {
        m_promise->start();
    }
    QFuture<int> future() const { return m_promise->future(); }
    void finish(int code) const
    {
        if (m_promise->future().isFinished())
            return;
        m_promise->addResult(code);
        m_promise->finish();
    }

private:
    std::shared_ptr<QPromise<int>> m_promise;
};

} // namespace CliFuture
