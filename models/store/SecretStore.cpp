#include "SecretStore.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QPromise>
#include <QTimer>

#include <qt6keychain/keychain.h>

#include <memory>

namespace {
Q_LOGGING_CATEGORY(lcSecrets, "tokendesk.store.secrets")

// The watchdog only finishes the caller's future; the job itself is never deleted early (QtKeychain crashes
// when a running job is deleted) and deletes itself when it finishes. Generous, because the Secret Service
// may show an unlock prompt that the user has to answer.
constexpr int kJobWatchdogMs = 30000;

// True when the error means "there is no usable keychain on this system" (as opposed to "the keychain
// refused this request"): then the store falls back to memory for the session.
bool meansNoBackend(QKeychain::Error error, const QString &errorString)
{
    if (error == QKeychain::NoBackendAvailable || error == QKeychain::NotImplemented)
        return true;
    if (error != QKeychain::OtherError)
        return false;
    static const char *const markers[] = {
        "secret service",
        "secretservice",
        "org.freedesktop.secrets",
        "d-bus",
        "dbus",
        "no keychain service",
        "not available",
        "unavailable",
        "could not connect",
        "cannot autolaunch",
        "failed to connect",
        "serviceunknown",
        "no such file",
        "connection refused",
        "disconnected",
    };
    const QString lower = errorString.toLower();
    for (const char *marker : markers) {
        if (lower.contains(QLatin1String(marker)))
            return true;
    }
    return false;
}

ApiError keychainError(QKeychain::Error error, const QString &errorString)
{
    QString message;
    switch (error) {
    case QKeychain::AccessDeniedByUser:
        message = QCoreApplication::translate("SecretStore", "Access to the keychain was denied.");
        break;
    case QKeychain::AccessDenied:
        message = QCoreApplication::translate("SecretStore", "The keychain refused access to the secret.");
        break;
    case QKeychain::CouldNotDeleteEntry:
        message = QCoreApplication::translate("SecretStore", "The secret could not be deleted from the keychain.");
        break;
    default:
        message = QCoreApplication::translate("SecretStore", "The keychain reported an error.");
        break;
    }
    ApiError apiError(ApiError::Kind::Keychain, message);
    // QtKeychain's error strings describe the backend failure, never the secret.
    apiError.setDetails(errorString);
    return apiError;
}

ApiError watchdogError()
{
    return ApiError(ApiError::Kind::Keychain,
        QCoreApplication::translate(
            "SecretStore", "The keychain did not answer in time. It may be locked and waiting for its password."));
}

// A promise shared by the job's finished handler and the watchdog: whichever comes first finishes it.
template<typename T> struct Pending
{
    QPromise<Result<T>> promise;
    bool done = false;

    void finish(Result<T> result)
    {
        if (done)
            return;
        done = true;
        promise.addResult(std::move(result));
        promise.finish();
    }
};

template<typename T> std::shared_ptr<Pending<T>> startPending()
{
    auto pending = std::make_shared<Pending<T>>();
    pending->promise.start();
    return pending;
}

// If the store goes away while the job runs, the job's handler (context: the store) never runs: finish the
// caller's future with Kind::Cancelled instead of leaving it pending until the job dies.
template<typename T>
void finishOnStoreDestroyed(QObject *store, QKeychain::Job *job, const std::shared_ptr<Pending<T>> &pending)
{
    QObject::connect(store, &QObject::destroyed, job, [pending] {
        pending->finish(ApiError(ApiError::Kind::Cancelled,
            QCoreApplication::translate("SecretStore", "The keychain operation was cancelled.")));
    });
}

template<typename T> void armWatchdog(QObject *context, const std::shared_ptr<Pending<T>> &pending)
{
    QTimer::singleShot(kJobWatchdogMs, context, [pending] {
        if (!pending->done) {
            qCWarning(lcSecrets) << "keychain job did not finish within" << kJobWatchdogMs << "ms";
            pending->finish(watchdogError());
        }
    });
}

// Starts `job` for `key` with the settings every keychain call uses, and finishes the returned future with what
// `answer` makes of the finished job, or with the watchdog's or the store's destruction error if those come first.
template<typename T, typename Answer>
QFuture<Result<T>> runJob(QObject *store, QKeychain::Job *job, const QString &key, Answer answer)
{
    auto pending = startPending<T>();
    auto future = pending->promise.future();
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(key);
    QObject::connect(job, &QKeychain::Job::finished, store,
        [pending, answer = std::move(answer)](QKeychain::Job *finishedJob) { pending->finish(answer(finishedJob)); });
    armWatchdog(store, pending);
    finishOnStoreDestroyed(store, job, pending);
    job->start();
    return future;
}

ApiError notStoredError()
{
    return ApiError(
        ApiError::Kind::NotFound, QCoreApplication::translate("SecretStore", "No secret is stored for this key."));
}
} // namespace

SecretStore::SecretStore(QObject *parent)
    : QObject(parent)
{ }

SecretStore *SecretStore::createMemoryOnly(QObject *parent)
{
    auto *store = new SecretStore(parent);
    store->m_memoryOnly = true;
    store->m_state = State::MemoryOnly;
    return store;
}

QString SecretStore::stateDescription() const
{
    switch (m_state) {
    case State::Unknown:
        return QCoreApplication::translate("SecretStore", "The keychain has not been used yet.");
    case State::Keychain:
        return QCoreApplication::translate("SecretStore", "Secrets are kept in the system keychain.");
    case State::MemoryOnly:
        return QCoreApplication::translate(
            "SecretStore", "No keychain is available: secrets are kept in memory until TokenDesk quits.");
    }
    return {};
}

void SecretStore::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    if (state == State::MemoryOnly)
        m_memoryOnly = true;
    qCInfo(lcSecrets) << "secret store state:" << state;
    emit stateChanged(state);
}

bool SecretStore::fellBackToMemory(QKeychain::Job *job)
{
    if (!meansNoBackend(job->error(), job->errorString()))
        return false;
    qCWarning(lcSecrets) << "no keychain backend:" << job->errorString();
    setState(State::MemoryOnly);
    return true;
}

Result<QString> SecretStore::readMemory(const QString &key) const
{
    const auto it = m_memory.constFind(key);
    if (it == m_memory.constEnd())
        return notStoredError();
    return *it;
}

QFuture<Result<QString>> SecretStore::read(const QString &key)
{
    if (m_memoryOnly)
        return readyResult(readMemory(key));

    return runJob<QString>(
        this, new QKeychain::ReadPasswordJob(m_service), key, [this, key](QKeychain::Job *job) -> Result<QString> {
            const auto error = job->error();
            if (error == QKeychain::NoError) {
                setState(State::Keychain);
                return static_cast<QKeychain::ReadPasswordJob *>(job)->textData();
            }
            if (error == QKeychain::EntryNotFound) {
                setState(State::Keychain);
                return notStoredError();
            }
            if (fellBackToMemory(job))
                return readMemory(key);
            qCWarning(lcSecrets) << "keychain read failed:" << error << job->errorString();
            return keychainError(error, job->errorString());
        });
}

QFuture<Result<Done>> SecretStore::write(const QString &key, const QString &value)
{
    if (m_memoryOnly) {
        m_memory.insert(key, value);
        return readyResult<Done>(Done {});
    }

    auto *job = new QKeychain::WritePasswordJob(m_service);
    job->setTextData(value);
    return runJob<Done>(this, job, key, [this, key, value](QKeychain::Job *finishedJob) -> Result<Done> {
        const auto error = finishedJob->error();
        if (error == QKeychain::NoError) {
            setState(State::Keychain);
            return Done {};
        }
        if (fellBackToMemory(finishedJob)) {
            m_memory.insert(key, value);
            return Done {};
        }
        qCWarning(lcSecrets) << "keychain write failed:" << error << finishedJob->errorString();
        return keychainError(error, finishedJob->errorString());
    });
}

QFuture<Result<Done>> SecretStore::remove(const QString &key)
{
    if (m_memoryOnly) {
        m_memory.remove(key);
        return readyResult<Done>(Done {});
    }

    return runJob<Done>(
        this, new QKeychain::DeletePasswordJob(m_service), key, [this, key](QKeychain::Job *job) -> Result<Done> {
            const auto error = job->error();
            if (error == QKeychain::NoError || error == QKeychain::EntryNotFound) {
                setState(State::Keychain);
                return Done {};
            }
            if (fellBackToMemory(job)) {
                m_memory.remove(key);
                return Done {};
            }
            qCWarning(lcSecrets) << "keychain delete failed:" << error << job->errorString();
            return keychainError(error, job->errorString());
        });
}
