#pragma once

#include "core/Result.h"

#include <QFuture>
#include <QHash>
#include <QObject>
#include <QString>

namespace QKeychain {
class Job;
}

// Asynchronous access to the OS keychain through QtKeychain (Secret Service, macOS Keychain, Windows
// Credential Manager). Keys are "TokenDesk/<account-uuid>/<field>" (see Account::secretKey); QtKeychain's
// insecure plaintext fallback is always off.
//
// When no keychain backend works (no Secret Service on the bus, locked or refused), the store switches to
// MemoryOnly: secrets are kept in memory for this session only and state() says so, so the UI can warn.
class SecretStore : public QObject
{
    Q_OBJECT
public:
    enum class State {
        Unknown, // nothing tried yet
        Keychain, // the OS keychain answers
        MemoryOnly, // no keychain: secrets live in memory until the process exits
    };
    Q_ENUM(State)

    explicit SecretStore(QObject *parent = nullptr);
    // A store that never touches the OS keychain (tests of other layers, --sandbox demo data).
    static SecretStore *createMemoryOnly(QObject *parent = nullptr);

    State state() const { return m_state; }
    QString stateDescription() const; // a sentence for the status bar / diagnostics
    QString serviceName() const { return m_service; }

    // Value for the key; Kind::NotFound when there is none, Kind::Keychain on a keychain failure.
    QFuture<Result<QString>> read(const QString &key);
    QFuture<Result<Done>> write(const QString &key, const QString &value);
    // Removing a missing key succeeds.
    QFuture<Result<Done>> remove(const QString &key);

signals:
    void stateChanged(SecretStore::State state);

private:
    void setState(State state);
    // When the finished job says there is no usable keychain: switches to MemoryOnly and returns true.
    bool fellBackToMemory(QKeychain::Job *job);
    Result<QString> readMemory(const QString &key) const;

    QString m_service = QStringLiteral("TokenDesk");
    State m_state = State::Unknown;
    bool m_memoryOnly = false;
    QHash<QString, QString> m_memory;
};
