// SecretStore against the real Secret Service (run under tests/env/session, which sets
// TOKENDESK_REQUIRE_KEYCHAIN=1), the memory-only store, and the fallback to memory when the D-Bus session is
// dead. Secrets never reach stdout: processes exchange SHA-256 hashes of them, and comparisons use QVERIFY.

#include "AwaitFuture.h"
#include "store/SecretStore.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QMetaEnum>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTextStream>
#include <QUuid>
#include <QtTest>

#include <optional>

#ifdef Q_OS_LINUX
#include <cstring>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>
#endif

namespace {

constexpr int kAwaitMs = 60000;

QByteArray hashOf(const QString &secret)
{
    return QCryptographicHash::hash(secret.toUtf8(), QCryptographicHash::Sha256).toHex();
}

QByteArray stateName(SecretStore::State state)
{
    return QMetaEnum::fromType<SecretStore::State>().valueToKey(int(state));
}

QString randomSecret()
{
    return QStringLiteral("s3cr3t-") + QUuid::createUuid().toString(QUuid::WithoutBraces) + QStringLiteral("-\u00e9");
}

QString testKey(const QString &field)
{
    return QStringLiteral("TokenDesk/") + QUuid::createUuid().toString(QUuid::WithoutBraces) + QLatin1Char('/') + field;
}

// Child mode --read-key KEY: reads the key with a fresh store and prints
// "STATE <state> FOUND <sha256>", "STATE <state> NOTFOUND" or "STATE <state> ERROR <kind>".
int childReadKey(const QString &key)
{
    SecretStore store;
    const auto result = awaitFuture(store.read(key), kAwaitMs);
    QTextStream out(stdout);
    out << "STATE " << stateName(store.state()) << ' ';
    if (!result)
        out << "ERROR unfinished\n";
    else if (result->ok())
        out << "FOUND " << hashOf(result->value()) << '\n';
    else if (result->error().kind() == ApiError::Kind::NotFound)
        out << "NOTFOUND\n";
    else
        out << "ERROR " << int(result->error().kind()) << '\n';
    return 0;
}

// Child mode --fallback-probe (run with a dead D-Bus session): the first write must switch the store to
// MemoryOnly and succeed; reads, overwrites and removes then work from memory. Prints "OK <details>" or
// "FAIL <step>", and the final state and the number of stateChanged signals.
int childFallbackProbe()
{
    SecretStore store;
    int stateChanges = 0;
    QObject::connect(&store, &SecretStore::stateChanged, &store, [&stateChanges] { ++stateChanges; });
    QTextStream out(stdout);
    const QString key = testKey(QStringLiteral("password"));
    const QString first = randomSecret();
    const QString second = randomSecret();
    auto fail = [&out, &store](const char *step) {
        out << "FAIL " << step << " STATE " << stateName(store.state()) << '\n';
        return 0;
    };
    const auto written = awaitFuture(store.write(key, first), kAwaitMs);
    if (!written || !written->ok())
        return fail("write");
    if (store.state() != SecretStore::State::MemoryOnly)
        return fail("state-after-write");
    const auto readBack = awaitFuture(store.read(key), kAwaitMs);
    if (!readBack || !readBack->ok() || !(readBack->value() == first))
        return fail("read");
    const auto overwritten = awaitFuture(store.write(key, second), kAwaitMs);
    if (!overwritten || !overwritten->ok())
        return fail("overwrite");
    const auto readSecond = awaitFuture(store.read(key), kAwaitMs);
    if (!readSecond || !readSecond->ok() || !(readSecond->value() == second))
        return fail("read-overwritten");
    const auto removed = awaitFuture(store.remove(key), kAwaitMs);
    if (!removed || !removed->ok())
        return fail("remove");
    const auto missing = awaitFuture(store.read(key), kAwaitMs);
    if (!missing || missing->ok() || missing->error().kind() != ApiError::Kind::NotFound)
        return fail("read-removed");
    // A store whose first call is a read falls back as well, and finds nothing.
    SecretStore readFirst;
    const auto readMissing = awaitFuture(readFirst.read(key), kAwaitMs);
    if (!readMissing || readMissing->ok() || readMissing->error().kind() != ApiError::Kind::NotFound)
        return fail("read-first");
    if (readFirst.state() != SecretStore::State::MemoryOnly)
        return fail("state-after-read-first");
    // ... and a remove as the first call succeeds.
    SecretStore removeFirst;
    const auto removedFirst = awaitFuture(removeFirst.remove(key), kAwaitMs);
    if (!removedFirst || !removedFirst->ok() || removeFirst.state() != SecretStore::State::MemoryOnly)
        return fail("remove-first");
    out << "OK STATE " << stateName(store.state()) << " CHANGES " << stateChanges << " DESC "
        << store.stateDescription() << '\n';
    return 0;
}

} // namespace

class TestSecretStore : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void memoryOnlyRoundTrip();
    void memoryOnlyStoresAreSeparate();
    void memoryOnlyDoesNotTouchKeychain();
    void fallbackToMemoryWhenBusIsDead();

    void keychainWriteReadInNewProcess();
    void keychainOverwrite();
    void keychainRemove();
    void keychainReadMissingIsNotFound();
    void keychainRemoveMissingSucceeds();
    void keychainStateSignal();
    void keychainConcurrentCalls();
    void keychainStoreDeletedWhileJobRuns();

private:
    bool requireKeychain(); // QSKIP/QFAIL helper: returns false when the test must stop
    QStringList runChild(const QStringList &arguments, const QProcessEnvironment &environment);

    SecretStore::State m_probedState = SecretStore::State::Unknown;
    QString m_probeError;
    QStringList m_keysToClean;
};

void TestSecretStore::initTestCase()
{
    SecretStore store;
    const QString key = testKey(QStringLiteral("probe"));
    const auto written = awaitFuture(store.write(key, randomSecret()), kAwaitMs);
    if (!written)
        m_probeError = QStringLiteral("the keychain did not answer");
    else if (!written->ok())
        m_probeError = written->error().userMessage() + QLatin1Char(' ') + written->error().details();
    else
        awaitFuture(store.remove(key), kAwaitMs);
    m_probedState = store.state();
    qInfo("keychain probe: state %s %s", stateName(m_probedState).constData(), qPrintable(m_probeError));
}

void TestSecretStore::cleanupTestCase()
{
    if (m_probedState != SecretStore::State::Keychain)
        return;
    SecretStore store;
    for (const QString &key : std::as_const(m_keysToClean))
        awaitFuture(store.remove(key), kAwaitMs);
}

#define REQUIRE_KEYCHAIN()                                                                                             \
    do {                                                                                                               \
        if (m_probedState != SecretStore::State::Keychain) {                                                           \
            if (qEnvironmentVariable("TOKENDESK_REQUIRE_KEYCHAIN") == QLatin1String("1"))                              \
                QFAIL(qPrintable(QStringLiteral("TOKENDESK_REQUIRE_KEYCHAIN=1 but the keychain is in state ")          \
                    + QString::fromLatin1(stateName(m_probedState)) + QLatin1Char(' ') + m_probeError));               \
            QSKIP("No Secret Service: run under tests/env/session to test the real keychain");                         \
        }                                                                                                              \
    } while (false)

QStringList TestSecretStore::runChild(const QStringList &arguments, const QProcessEnvironment &environment)
{
    QProcess child;
    child.setProcessEnvironment(environment);
    child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    child.start(QCoreApplication::applicationFilePath(), arguments);
    if (!child.waitForFinished(kAwaitMs) || child.exitStatus() != QProcess::NormalExit || child.exitCode() != 0) {
        child.kill();
        child.waitForFinished();
        return {QStringLiteral("CHILD-FAILED")};
    }
    return QString::fromUtf8(child.readAllStandardOutput()).trimmed().split(QLatin1Char(' '));
}

void TestSecretStore::memoryOnlyRoundTrip()
{
    std::unique_ptr<SecretStore> store(SecretStore::createMemoryOnly());
    QCOMPARE(store->state(), SecretStore::State::MemoryOnly);
    QVERIFY(store->stateDescription().contains(QLatin1String("in memory")));
    const QString key = testKey(QStringLiteral("password"));
    const QString first = randomSecret();
    const QString second = randomSecret();

    auto missing = store->read(key);
    QVERIFY(missing.isFinished()); // memory answers at once
    QVERIFY(!missing.result().ok());
    QCOMPARE(missing.result().error().kind(), ApiError::Kind::NotFound);

    auto written = store->write(key, first);
    QVERIFY(written.isFinished());
    QVERIFY(written.result().ok());
    auto readBack = store->read(key);
    QVERIFY(readBack.result().ok());
    QVERIFY(readBack.result().value() == first);

    QVERIFY(store->write(key, second).result().ok());
    QVERIFY(store->read(key).result().value() == second);

    QVERIFY(store->remove(key).result().ok());
    QCOMPARE(store->read(key).result().error().kind(), ApiError::Kind::NotFound);
    QVERIFY(store->remove(key).result().ok()); // removing a missing key succeeds
    QCOMPARE(store->state(), SecretStore::State::MemoryOnly);
}

void TestSecretStore::memoryOnlyStoresAreSeparate()
{
    std::unique_ptr<SecretStore> a(SecretStore::createMemoryOnly());
    std::unique_ptr<SecretStore> b(SecretStore::createMemoryOnly());
    const QString key = testKey(QStringLiteral("api_key"));
    QVERIFY(a->write(key, randomSecret()).result().ok());
    QCOMPARE(b->read(key).result().error().kind(), ApiError::Kind::NotFound);
}

void TestSecretStore::memoryOnlyDoesNotTouchKeychain()
{
    REQUIRE_KEYCHAIN();
    std::unique_ptr<SecretStore> memory(SecretStore::createMemoryOnly());
    const QString key = testKey(QStringLiteral("password"));
    QVERIFY(memory->write(key, randomSecret()).result().ok());
    SecretStore keychain;
    const auto result = awaitFuture(keychain.read(key), kAwaitMs);
    QVERIFY(result);
    QVERIFY(!result->ok());
    QCOMPARE(result->error().kind(), ApiError::Kind::NotFound);
    // ... and a child process does not see it either.
    const QStringList reply = runChild({QStringLiteral("--read-key"), key}, QProcessEnvironment::systemEnvironment());
    QCOMPARE(reply.value(2), QStringLiteral("NOTFOUND"));
}

void TestSecretStore::fallbackToMemoryWhenBusIsDead()
{
#ifndef Q_OS_LINUX
    QSKIP("Only the Linux keychain backends talk over D-Bus");
#else
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    // A socket file that nothing listens on (bound, never listening, closed): connecting is refused at once.
    const QByteArray socketPath = QFile::encodeName(dir.filePath(QStringLiteral("dead-bus-socket")));
    sockaddr_un address {};
    address.sun_family = AF_UNIX;
    QVERIFY(size_t(socketPath.size()) < sizeof(address.sun_path));
    memcpy(address.sun_path, socketPath.constData(), size_t(socketPath.size()));
    const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
    QVERIFY(fd >= 0);
    QCOMPARE(::bind(fd, reinterpret_cast<const sockaddr *>(&address), sizeof(address)), 0);
    ::close(fd);
    QVERIFY(QFileInfo::exists(dir.filePath(QStringLiteral("dead-bus-socket"))));
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(
        QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), QStringLiteral("unix:path=") + QFile::decodeName(socketPath));
    environment.remove(QStringLiteral("DISPLAY"));
    environment.remove(QStringLiteral("WAYLAND_DISPLAY"));
    const QStringList reply = runChild({QStringLiteral("--fallback-probe")}, environment);
    QCOMPARE(reply.value(0), QStringLiteral("OK"));
    QCOMPARE(reply.value(2), QStringLiteral("MemoryOnly"));
    QCOMPARE(reply.value(4), QStringLiteral("1")); // one stateChanged: Unknown -> MemoryOnly
    QVERIFY(reply.join(QLatin1Char(' ')).contains(QLatin1String("secrets are kept in memory")));
#endif
}

void TestSecretStore::keychainWriteReadInNewProcess()
{
    REQUIRE_KEYCHAIN();
    SecretStore store;
    const QString key = testKey(QStringLiteral("password"));
    m_keysToClean.append(key);
    const QString secret = randomSecret();
    const auto written = awaitFuture(store.write(key, secret), kAwaitMs);
    QVERIFY(written);
    QVERIFY2(written->ok(), qPrintable(written->error().userMessage()));
    QCOMPARE(store.state(), SecretStore::State::Keychain);

    const auto readBack = awaitFuture(store.read(key), kAwaitMs);
    QVERIFY(readBack && readBack->ok());
    QVERIFY(readBack->value() == secret);

    const QStringList reply = runChild({QStringLiteral("--read-key"), key}, QProcessEnvironment::systemEnvironment());
    QCOMPARE(reply.value(1), QStringLiteral("Keychain"));
    QCOMPARE(reply.value(2), QStringLiteral("FOUND"));
    QCOMPARE(reply.value(3).toLatin1(), hashOf(secret));
}

void TestSecretStore::keychainOverwrite()
{
    REQUIRE_KEYCHAIN();
    SecretStore store;
    const QString key = testKey(QStringLiteral("api_key"));
    m_keysToClean.append(key);
    const QString first = randomSecret();
    const QString second = randomSecret();
    QVERIFY(awaitFuture(store.write(key, first), kAwaitMs).value_or(Result<Done>()).ok());
    QVERIFY(awaitFuture(store.write(key, second), kAwaitMs).value_or(Result<Done>()).ok());
    const auto readBack = awaitFuture(store.read(key), kAwaitMs);
    QVERIFY(readBack && readBack->ok());
    QVERIFY(readBack->value() == second);
    const QStringList reply = runChild({QStringLiteral("--read-key"), key}, QProcessEnvironment::systemEnvironment());
    QCOMPARE(reply.value(2), QStringLiteral("FOUND"));
    QCOMPARE(reply.value(3).toLatin1(), hashOf(second));
}

void TestSecretStore::keychainRemove()
{
    REQUIRE_KEYCHAIN();
    SecretStore store;
    const QString key = testKey(QStringLiteral("password"));
    m_keysToClean.append(key);
    QVERIFY(awaitFuture(store.write(key, randomSecret()), kAwaitMs).value_or(Result<Done>()).ok());
    const auto removed = awaitFuture(store.remove(key), kAwaitMs);
    QVERIFY(removed && removed->ok());
    const auto readBack = awaitFuture(store.read(key), kAwaitMs);
    QVERIFY(readBack);
    QVERIFY(!readBack->ok());
    QCOMPARE(readBack->error().kind(), ApiError::Kind::NotFound);
    const QStringList reply = runChild({QStringLiteral("--read-key"), key}, QProcessEnvironment::systemEnvironment());
    QCOMPARE(reply.value(1), QStringLiteral("Keychain"));
    QCOMPARE(reply.value(2), QStringLiteral("NOTFOUND"));
}

void TestSecretStore::keychainReadMissingIsNotFound()
{
    REQUIRE_KEYCHAIN();
    SecretStore store;
    const auto result = awaitFuture(store.read(testKey(QStringLiteral("never-written"))), kAwaitMs);
    QVERIFY(result);
    QVERIFY(!result->ok());
    QCOMPARE(result->error().kind(), ApiError::Kind::NotFound);
    QCOMPARE(store.state(), SecretStore::State::Keychain);
}

void TestSecretStore::keychainRemoveMissingSucceeds()
{
    REQUIRE_KEYCHAIN();
    SecretStore store;
    const auto result = awaitFuture(store.remove(testKey(QStringLiteral("never-written"))), kAwaitMs);
    QVERIFY(result);
    QVERIFY2(result->ok(), qPrintable(result->error().userMessage()));
    QCOMPARE(store.state(), SecretStore::State::Keychain);
}

void TestSecretStore::keychainStateSignal()
{
    REQUIRE_KEYCHAIN();
    SecretStore store;
    QCOMPARE(store.state(), SecretStore::State::Unknown);
    QSignalSpy spy(&store, &SecretStore::stateChanged);
    QVERIFY(awaitFuture(store.read(testKey(QStringLiteral("never-written"))), kAwaitMs));
    QVERIFY(awaitFuture(store.read(testKey(QStringLiteral("never-written"))), kAwaitMs));
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).value<SecretStore::State>(), SecretStore::State::Keychain);
    QVERIFY(!store.stateDescription().isEmpty());
}

void TestSecretStore::keychainConcurrentCalls()
{
    REQUIRE_KEYCHAIN();
    SecretStore store;
    QList<QString> keys;
    QList<QString> values;
    QList<QFuture<Result<Done>>> writes;
    for (int i = 0; i < 6; ++i) {
        keys.append(testKey(QStringLiteral("field%1").arg(i)));
        values.append(randomSecret());
        m_keysToClean.append(keys.last());
        writes.append(store.write(keys.last(), values.last()));
    }
    for (const auto &write : std::as_const(writes)) {
        const auto result = awaitFuture(write, kAwaitMs);
        QVERIFY(result && result->ok());
    }
    QList<QFuture<Result<QString>>> reads;
    for (const QString &key : std::as_const(keys))
        reads.append(store.read(key));
    for (qsizetype i = 0; i < reads.size(); ++i) {
        const auto result = awaitFuture(reads.at(i), kAwaitMs);
        QVERIFY(result && result->ok());
        QVERIFY(result->value() == values.at(i));
    }
}

void TestSecretStore::keychainStoreDeletedWhileJobRuns()
{
    REQUIRE_KEYCHAIN();
    auto *store = new SecretStore;
    auto pending = store->read(testKey(QStringLiteral("never-written")));
    delete store; // the job keeps running and deletes itself; the future must not hang
    QVERIFY(pending.isFinished());
    QCOMPARE(pending.resultCount(), 1);
    QCOMPARE(pending.result().error().kind(), ApiError::Kind::Cancelled);
    // D-Bus keeps call order: once a later call has answered, the orphaned job has finished too.
    SecretStore next;
    QVERIFY(awaitFuture(next.read(testKey(QStringLiteral("never-written"))), kAwaitMs));
}

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList arguments = app.arguments();
    const qsizetype readKey = arguments.indexOf(QStringLiteral("--read-key"));
    if (readKey > 0 && readKey + 1 < arguments.size())
        return childReadKey(arguments.at(readKey + 1));
    if (arguments.contains(QStringLiteral("--fallback-probe")))
        return childFallbackProbe();
    TestSecretStore test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_secretstore.moc"
