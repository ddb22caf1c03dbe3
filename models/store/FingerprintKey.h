#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QFuture>
#include <QList>
#include <QObject>
#include <QPromise>

#include <memory>

class SecretStore;

// The key of TokenDesk's token fingerprints (TokenFingerprint): 32 random bytes kept in the keychain under
// "TokenDesk/fingerprint/hmac-key", made on first use. One per secret store (of()), cached after the first
// read so a leak scan does not ask the keychain once per file. Without a keychain the store keeps it in memory:
// fingerprints written in such a session cannot be matched after a restart.
class FingerprintKey : public QObject
{
    Q_OBJECT
public:
    enum class Mode {
        CreateIfMissing, // recording a new token: make the key when there is none yet
        ReadOnly, // identify / scan: no key yet means no fingerprint can match; NotFound then
    };

    // The instance attached to `store` (made on the first call, a child of the store).
    static FingerprintKey *of(SecretStore *store);

    QFuture<Result<QByteArray>> key(Mode mode);
    static QString keychainKey();

private:
    explicit FingerprintKey(SecretStore *store);
    void finish(const Result<QByteArray> &result);
    void create();

    SecretStore *m_store;
    QByteArray m_key;
    bool m_busy = false;
    Mode m_busyMode = Mode::ReadOnly;
    QList<std::shared_ptr<QPromise<Result<QByteArray>>>> m_waiters;
    QList<std::shared_ptr<QPromise<Result<QByteArray>>>> m_createWaiters; // queued while a ReadOnly read runs
};
