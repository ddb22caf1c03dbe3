#include "FingerprintKey.h"

#include "SecretStore.h"
#include "core/Async.h"
#include "core/ProcessHardening.h"
#include "core/TokenFingerprint.h"

#include <QLoggingCategory>
#include <QRandomGenerator>

namespace {
Q_LOGGING_CATEGORY(lcFingerprintKey, "tokendesk.store.fingerprint")
constexpr const char *ObjectName = "tokendesk-fingerprint-key";
} // namespace

FingerprintKey::FingerprintKey(SecretStore *store)
    : QObject(store)
    , m_store(store)
{
    setObjectName(QString::fromLatin1(ObjectName));
}

FingerprintKey *FingerprintKey::of(SecretStore *store)
{
    if (!store)
        return nullptr;
    if (auto *existing =
            store->findChild<FingerprintKey *>(QString::fromLatin1(ObjectName), Qt::FindDirectChildrenOnly))
        return existing;
    return new FingerprintKey(store);
}

QString FingerprintKey::keychainKey()
{
    return QStringLiteral("TokenDesk/fingerprint/hmac-key");
}

QFuture<Result<QByteArray>> FingerprintKey::key(Mode mode)
{
    if (!m_key.isEmpty())
        return readyResult(Result<QByteArray>(m_key));
    auto promise = std::make_shared<QPromise<Result<QByteArray>>>();
    promise->start();
    const QFuture<Result<QByteArray>> future = promise->future();
    // One keychain round trip at a time: two first creates at once must not make two keys.
    if (m_busy) {
        if (mode == Mode::CreateIfMissing && m_busyMode == Mode::ReadOnly)
            m_createWaiters.append(promise);
        else
            m_waiters.append(promise);
        return future;
    }
    m_waiters.append(promise);
    m_busy = true;
    m_busyMode = mode;
    Async::then(m_store->read(keychainKey()), this, [this](Result<QString> result) {
        if (result.ok()) {
            QString text = result.value();
            const QByteArray key = QByteArray::fromBase64(text.toLatin1());
            ProcessHardening::wipe(text);
            if (key.size() >= 16) {
                finish(Result<QByteArray>(key));
                return;
            }
            qCWarning(lcFingerprintKey) << "the stored fingerprint key is malformed; a new one is made";
            create();
            return;
        }
        if (result.error().kind() == ApiError::Kind::NotFound && m_busyMode == Mode::CreateIfMissing) {
            create();
            return;
        }
        finish(Result<QByteArray>(result.error()));
    });
    return future;
}

void FingerprintKey::create()
{
    QByteArray key(TokenFingerprint::KeyBytes, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(key.data()), key.size() / int(sizeof(quint32)));
    Async::then(m_store->write(keychainKey(), QString::fromLatin1(key.toBase64())), this, [this, key](Result<Done> r) {
        if (!r.ok()) {
            finish(Result<QByteArray>(r.error()));
            return;
        }
        finish(Result<QByteArray>(key));
    });
}

void FingerprintKey::finish(const Result<QByteArray> &result)
{
    if (result.ok())
        m_key = result.value();
    m_busy = false;
    const auto waiters = std::exchange(m_waiters, {});
    for (const auto &waiter : waiters) {
        waiter->addResult(result);
        waiter->finish();
    }
    // A create that queued behind a read that found nothing starts its own round now.
    const auto creators = std::exchange(m_createWaiters, {});
    if (creators.isEmpty())
        return;
    Async::then(key(Mode::CreateIfMissing), this, [creators](Result<QByteArray> r) {
        for (const auto &waiter : creators) {
            waiter->addResult(r);
            waiter->finish();
        }
    });
}
