#include "FaultMatrix.h"
#include "FaultMatrixSandbox.h"

#include "providers/netsapiens/NetSapiensProvider.h"

#include "BuiltinEmulators.h"
#include "NetSapiensEmulator.h"
#include "SandboxServer.h"

#include "core/Clock.h"
#include "net/ApiClient.h"
#include "store/Database.h"
#include "store/Ledger.h"

#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <memory>

// The sandbox's fault mode against the NetSapiens client: every operation (sign-in, MFA submit, refresh, inspect
// current, delegated create, revoke by jti / uid / current) x every fault (FaultMatrix.h), on one in-process
// SandboxServer. Each row starts from a fresh session and checks that the call finishes with the expected kind
// and a readable message, that a failed call leaves the session and the ledger as they were (a refused session
// ends, by design), and that no POST (none of them is idempotent) is ever sent twice.
namespace {

using namespace FaultMatrix;

const QString Prefix = QStringLiteral("/netsapiens");
const QString DelegateUser = QStringLiteral("1001");
const QString DelegateUid = QStringLiteral("1001@sandbox");

bool isPostOperation(const QString &operation)
{
    return operation == QLatin1String("sign-in") || operation == QLatin1String("mfa")
        || operation == QLatin1String("refresh") || operation == QLatin1String("create");
}

bool isRevoke(const QString &operation)
{
    return operation.startsWith(QLatin1String("revoke-"));
}

// Operations made with the session JWT: a 401 ends the session (and a refused refresh does too).
bool sessionMayEnd(const QString &operation, Kind kind)
{
    if (operation == QLatin1String("refresh"))
        return kind == Kind::Unauthorized || kind == Kind::BadRequest || kind == Kind::Forbidden;
    if (operation == QLatin1String("inspect") || isRevoke(operation))
        return kind == Kind::Unauthorized;
    return false;
}

QSet<Kind> expectedKinds(const QString &operation, const QString &fault)
{
    if (fault == QLatin1String("reset")) {
        // The retry's token is revoked by the cut-off first try (401). Or no error at all: the 202's status line
        // and headers arrived and the connection's end looked like the end of a close-delimited body (a FIN, not
        // an RST, when the client had read everything before the server closed; seen under ASan's slower
        // timing). Revoking the current session reads no body, so that is a success, and the session is gone.
        if (operation == QLatin1String("revoke-current"))
            return {Kind::Network, Kind::MalformedResponse, Kind::Unauthorized, Kind::None};
        if (isRevoke(operation)) // the retry revokes again, which the server accepts
            return {Kind::Network, Kind::MalformedResponse, Kind::None};
        return {Kind::Network, Kind::MalformedResponse};
    }
    if (const std::optional<QSet<Kind>> common = commonKinds(fault, isRevoke(operation)))
        return *common;
    return {ApiError::kindForStatus(statusOf(fault))};
}

} // namespace

class TestFaultMatrixNetSapiens : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void faultsReachEveryRoute();
    void retryAfterHonouredForIdempotentCalls();
    void retryAfterNotRetriedForCreate();
    void matrix_data();
    void matrix();
    void cleanup();
    void cleanupTestCase();

private:
    NetSapiensProvider *makeProvider(bool mfaUser);
    bool signIn(NetSapiensProvider *provider);
    std::optional<Token> createDelegated();
    int requestCount(const QByteArray &method) const;

    FaultMatrixSandbox m_sandbox;
    NetSapiensEmulator *m_emulator = nullptr;
    QJsonObject m_info;
    std::unique_ptr<NetSapiensProvider> m_user;
    std::unique_ptr<NetSapiensProvider> m_mfaUser;
    int m_rows = 0;
    int m_operations = 0;
};

void TestFaultMatrixNetSapiens::initTestCase()
{
    QString error;
    QVERIFY2(m_sandbox.start(&error), qPrintable(error));
    m_emulator = static_cast<NetSapiensEmulator *>(m_sandbox.server()->emulator(QStringLiteral("netsapiens")));
    QVERIFY(m_emulator);
    m_info = m_sandbox.service(QStringLiteral("netsapiens"));
    m_user.reset(makeProvider(false));
    m_mfaUser.reset(makeProvider(true));

    // The client works without faults.
    QVERIFY(signIn(m_user.get()));
    QVERIFY(createDelegated().has_value());
}

void TestFaultMatrixNetSapiens::cleanup()
{
    m_sandbox.server()->clearFaults();
}

void TestFaultMatrixNetSapiens::cleanupTestCase()
{
    m_user.reset();
    m_mfaUser.reset();
    qInfo("netsapiens fault matrix: %d operations x %d faults = %d rows; %d rows ran to the end", m_operations,
        int(allFaults().size()), m_operations * int(allFaults().size()), m_rows);
}

NetSapiensProvider *TestFaultMatrixNetSapiens::makeProvider(bool mfaUser)
{
    Account account;
    account.id = QUuid::createUuid();
    account.name = mfaUser ? QStringLiteral("Faulty NetSapiens MFA") : QStringLiteral("Faulty NetSapiens");
    account.providerId = QStringLiteral("netsapiens");
    account.baseUrl = QUrl(m_info.value(QLatin1String("base_url")).toString());
    account.options.insert(
        QStringLiteral("username"), m_info.value(QLatin1String(mfaUser ? "mfa_username" : "username")).toString());
    account.options.insert(QStringLiteral("client_id"), m_info.value(QLatin1String("client_id")).toString());
    const ProviderContext context = m_sandbox.context();
    auto *provider = new NetSapiensProvider(account, context);
    provider->setSecret(
        QStringLiteral("password"), m_info.value(QLatin1String(mfaUser ? "mfa_password" : "password")).toString());
    provider->setSecret(QStringLiteral("client_secret"), m_info.value(QLatin1String("client_secret")).toString());
    provider->setSecret(QStringLiteral("api_key"), m_info.value(QLatin1String("api_key")).toString());
    tuneClient(provider->api());
    return provider;
}

bool TestFaultMatrixNetSapiens::signIn(NetSapiensProvider *provider)
{
    const auto result = awaitFuture(provider->signIn(), 20'000);
    return result && result->ok() && !result->value().mfaRequired && provider->isSignedIn();
}

std::optional<Token> TestFaultMatrixNetSapiens::createDelegated()
{
    CreateRequest request;
    request.kind = QStringLiteral("delegated");
    request.values.insert(QStringLiteral("user"), DelegateUser);
    request.values.insert(QStringLiteral("domain"), m_info.value(QLatin1String("domain")).toString());
    const auto created = awaitFuture(m_user->createToken(request), 20'000);
    if (!created || !created->ok() || created->value().token.id.isEmpty())
        return std::nullopt;
    return created->value().token;
}

int TestFaultMatrixNetSapiens::requestCount(const QByteArray &method) const
{
    int count = 0;
    for (const SandboxLogEntry &entry : m_sandbox.server()->requestLog())
        count += entry.method == method && entry.path.startsWith(Prefix) ? 1 : 0;
    return count;
}

void TestFaultMatrixNetSapiens::faultsReachEveryRoute()
{
    // A fault scoped to the NetSapiens prefix hits each of its routes (POST, GET and DELETE /jwt[/x]) and nothing
    // of the other services.
    QString error;
    for (const QByteArray &method : {QByteArray("POST"), QByteArray("GET"), QByteArray("DELETE")}) {
        for (const QString &path : {QStringLiteral("/netsapiens/ns-api/v2/jwt"),
                 QStringLiteral("/netsapiens/ns-api/v2/jwt/abc"), QStringLiteral("/netsapiens/ns-api/v2/jwt/1000@x")}) {
            QVERIFY2(m_sandbox.server()->setFaults(QStringLiteral("status=409:once@/netsapiens"), &error),
                qPrintable(error));
            SandboxRequest request;
            request.method = method;
            request.path = path;
            QCOMPARE(m_sandbox.server()->dispatch(request).status, 409);
            QVERIFY(m_sandbox.server()->faults().isEmpty());
        }
    }
    QVERIFY(m_sandbox.server()->setFaults(QStringLiteral("status=409@/netsapiens"), &error));
    SandboxRequest svix;
    svix.method = "POST";
    svix.path = QStringLiteral("/svix/api/v1/auth/logout");
    QVERIFY(m_sandbox.server()->dispatch(svix).status != 409);
    m_sandbox.server()->clearFaults();
}

void TestFaultMatrixNetSapiens::retryAfterHonouredForIdempotentCalls()
{
    QVERIFY(signIn(m_user.get()));
    m_sandbox.server()->clearRequestLog();
    QString error;
    QVERIFY2(
        m_sandbox.server()->setFaults(QStringLiteral("retry-after=1:once@/netsapiens"), &error), qPrintable(error));
    const Outcome outcome = outcomeOf(m_user->inspectCurrent());
    QVERIFY(outcome.finished);
    QVERIFY2(outcome.error.isNone(), qPrintable(describe(outcome.error)));
    const QList<SandboxLogEntry> log = m_sandbox.server()->requestLog();
    QCOMPARE(log.size(), 2); // the 429, then the retry
    // The retry waited for Retry-After (a lower bound: it can only be later, never earlier).
    QVERIFY2(log.at(0).time.msecsTo(log.at(1).time) >= 1000,
        qPrintable(QString::number(log.at(0).time.msecsTo(log.at(1).time))));
}

void TestFaultMatrixNetSapiens::retryAfterNotRetriedForCreate()
{
    QVERIFY(signIn(m_user.get()));
    const QStringList ledgerBefore = ledgerSnapshot(*m_sandbox.ledger(), m_user->account().id);
    const int postsBefore = requestCount("POST");
    QString error;
    QVERIFY2(
        m_sandbox.server()->setFaults(QStringLiteral("retry-after=1:once@/netsapiens"), &error), qPrintable(error));
    CreateRequest request;
    request.kind = QStringLiteral("delegated");
    request.values.insert(QStringLiteral("user"), DelegateUser);
    request.values.insert(QStringLiteral("domain"), m_info.value(QLatin1String("domain")).toString());
    const Outcome outcome = outcomeOf(m_user->createToken(request));
    QVERIFY(outcome.finished);
    QCOMPARE(outcome.error.kind(), Kind::RateLimited);
    QCOMPARE(outcome.error.retryAfterSeconds().value_or(-1), 1);
    QCOMPARE(requestCount("POST") - postsBefore, 1); // a create without idempotency key is never resent
    QCOMPARE(ledgerSnapshot(*m_sandbox.ledger(), m_user->account().id), ledgerBefore);
}

void TestFaultMatrixNetSapiens::matrix_data()
{
    QTest::addColumn<QString>("operation");
    QTest::addColumn<QString>("fault");
    const QStringList operations = {QStringLiteral("sign-in"), QStringLiteral("mfa"), QStringLiteral("refresh"),
        QStringLiteral("inspect"), QStringLiteral("create"), QStringLiteral("revoke-jti"), QStringLiteral("revoke-uid"),
        QStringLiteral("revoke-current")};
    m_operations = int(operations.size());
    for (const QString &operation : operations) {
        for (const QString &fault : allFaults()) {
            const QString name = QStringLiteral("netsapiens ") + operation + QLatin1Char(' ') + fault;
            QTest::newRow(qPrintable(name)) << operation << fault;
        }
    }
}

void TestFaultMatrixNetSapiens::matrix()
{
    QFETCH(QString, operation);
    QFETCH(QString, fault);

    // A fresh session for every row (a refused call may have ended the previous one), made before the fault
    // (no fault: a roomy timeout under load).
    m_user->api()->setTransferTimeoutMs(10'000);
    m_mfaUser->api()->setTransferTimeoutMs(10'000);
    QVERIFY(signIn(m_user.get()));
    NetSapiensProvider *client = m_user.get();
    MfaChallenge challenge;
    QString passcode;
    Token target;
    if (operation == QLatin1String("mfa")) {
        client = m_mfaUser.get();
        const auto started = awaitFuture(client->signIn(), 20'000);
        QVERIFY(started && started->ok() && started->value().mfaRequired);
        challenge = started->value().challenge;
        passcode = m_emulator->currentTotp();
    } else if (operation == QLatin1String("revoke-jti") || operation == QLatin1String("revoke-uid")) {
        const std::optional<Token> created = createDelegated();
        QVERIFY(created.has_value());
        target = *created;
    } else if (operation == QLatin1String("revoke-current")) {
        const std::optional<Token> session = client->credentialToken();
        QVERIFY(session.has_value());
        target = *session;
    }

    const QString sessionBefore = client->secret(QStringLiteral("session"));
    const QString refreshBefore = client->secret(QStringLiteral("refresh"));
    const QStringList ledgerBefore = ledgerSnapshot(*m_sandbox.ledger(), client->account().id);
    const int postsBefore = requestCount("POST");
    const int othersBefore = requestCount("GET") + requestCount("DELETE");

    // The in-process sandbox builds a 50 MiB body on the client's own thread, which can stall the client's 1 s
    // transfer timer under load; the size cap, not the timeout, must end that call.
    client->api()->setTransferTimeoutMs(fault == QLatin1String("huge-body") ? 10'000 : 1000);
    QString error;
    QVERIFY2(m_sandbox.server()->setFaults(fault + QLatin1Char('@') + Prefix, &error), qPrintable(error));
    Outcome outcome;
    if (operation == QLatin1String("sign-in")) {
        outcome = outcomeOf(client->signIn());
    } else if (operation == QLatin1String("mfa")) {
        outcome = outcomeOf(client->submitMfa(challenge, passcode));
    } else if (operation == QLatin1String("refresh")) {
        outcome = outcomeOf(client->refreshNow());
    } else if (operation == QLatin1String("inspect")) {
        outcome = outcomeOf(client->inspectCurrent());
    } else if (operation == QLatin1String("create")) {
        CreateRequest request;
        request.kind = QStringLiteral("delegated");
        request.values.insert(QStringLiteral("user"), DelegateUser);
        request.values.insert(QStringLiteral("domain"), m_info.value(QLatin1String("domain")).toString());
        outcome = outcomeOf(client->createToken(request));
    } else if (operation == QLatin1String("revoke-uid")) {
        outcome = outcomeOf(client->revokeAllForSubject(DelegateUid));
    } else {
        outcome = outcomeOf(client->revokeToken(target));
    }
    m_sandbox.server()->clearFaults();

    const QString problem = outcomeProblem(outcome, expectedKinds(operation, fault), fault);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    const Kind kind = outcome.error.kind();

    // A failed call changes nothing: not the ledger, not the session (unless the server refused the session).
    if (kind != Kind::None) {
        QCOMPARE(ledgerSnapshot(*m_sandbox.ledger(), client->account().id), ledgerBefore);
        if (sessionMayEnd(operation, kind)) {
            QVERIFY(!client->isSignedIn());
        } else {
            QVERIFY(client->secret(QStringLiteral("session")) == sessionBefore);
            QVERIFY(client->secret(QStringLiteral("refresh")) == refreshBefore);
        }
    } else if (operation == QLatin1String("create")) {
        // The delegated token and, from a v45 server (the sandbox's default), its refresh JWT.
        QCOMPARE(ledgerSnapshot(*m_sandbox.ledger(), client->account().id).size(), ledgerBefore.size() + 2);
    } else if (operation == QLatin1String("mfa") || operation == QLatin1String("refresh")) {
        QVERIFY(client->isSignedIn());
        QVERIFY(client->secret(QStringLiteral("session")) != sessionBefore);
    } else if (operation == QLatin1String("revoke-current")) {
        QVERIFY(!client->isSignedIn());
    } else if (operation == QLatin1String("revoke-jti")) {
        const std::optional<LedgerEntry> entry = m_sandbox.ledger()->find(client->account().id, target.id);
        QVERIFY(entry && entry->revoked);
    }

    const int posts = requestCount("POST") - postsBefore;
    const int others = requestCount("GET") + requestCount("DELETE") - othersBefore;
    if (isPostOperation(operation)) {
        QCOMPARE(posts, 1); // sent exactly once: no NetSapiens POST is idempotent
        QCOMPARE(others, 0);
    } else {
        QCOMPARE(posts, 0);
        // At most one retry by ApiClient. With the reset fault, Qt's HTTP stack may also resend an idempotent
        // GET/DELETE by itself when the connection drops before the answer (seen once in CI: 3 DELETEs), so the
        // server may see one more; a DELETE/GET arriving twice is harmless, a POST twice is not (checked above).
        const int allowed = fault == QLatin1String("reset") ? 3 : 2;
        QVERIFY2(others >= 1 && others <= allowed, qPrintable(QString::number(others)));
    }

    ++m_rows;
}

QTEST_GUILESS_MAIN(TestFaultMatrixNetSapiens)
#include "tst_faultmatrix_netsapiens.moc"
