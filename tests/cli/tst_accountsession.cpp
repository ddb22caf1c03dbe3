#include "AwaitFuture.h"
#include "BuiltinEmulators.h"
#include "SandboxServer.h"

#include "core/Clock.h"
#include "providers/AccountSession.h"
#include "store/AuditLog.h"
#include "store/Database.h"
#include "store/SecretStore.h"

#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

// AccountSession against the in-process sandbox (Specter) with a memory-only secret store: secrets loaded
// and stored, operations audited without secrets, tokensChanged, rotated secrets persisted.
class TestAccountSession : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void missingSecretsAreNotAnError();
    void storeThenLoad();
    void createAndRevokeAreAudited();
    void secretChangedIsPersisted();
    void unknownProvider();

private:
    AccountSession *newSession(const Account &account);

    QTemporaryDir m_dir;
    SandboxServer m_sandbox;
    QNetworkAccessManager m_network;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<AuditLog> m_audit;
    SecretStore *m_secrets = nullptr;
    Account m_account;
    QString m_password;
};

void TestAccountSession::initTestCase()
{
    QVERIFY(m_dir.isValid());
    registerBuiltinEmulators(m_sandbox);
    if (!m_sandbox.emulator(QStringLiteral("specter")))
        QSKIP("the sandbox has no Specter emulator in this build");
    QVERIFY(m_sandbox.listen());
    const QJsonObject info =
        m_sandbox.readyInfo().value(QStringLiteral("services")).toObject().value(QStringLiteral("specter")).toObject();
    m_account.id = QUuid::createUuid();
    m_account.name = QStringLiteral("Sandbox");
    m_account.providerId = QStringLiteral("specter");
    m_account.baseUrl = QUrl(info.value(QStringLiteral("base_url")).toString());
    m_account.options.insert(QStringLiteral("username"), info.value(QStringLiteral("username")).toString());
    m_password = info.value(QStringLiteral("password")).toString();
    QVERIFY(!m_password.isEmpty());
}

void TestAccountSession::init()
{
    m_database = std::make_unique<Database>(m_dir.filePath(QUuid::createUuid().toString(QUuid::Id128) + ".sqlite"));
    QVERIFY2(m_database->open(), qPrintable(m_database->lastError()));
    m_audit = std::make_unique<AuditLog>(m_database.get());
    m_secrets = SecretStore::createMemoryOnly(this);
}

void TestAccountSession::cleanup()
{
    delete m_secrets;
    m_secrets = nullptr;
    m_audit.reset();
    m_database.reset();
}

AccountSession *TestAccountSession::newSession(const Account &account)
{
    ProviderContext context;
    context.network = &m_network;
    context.clock = Clock::system();
    return new AccountSession(account, context, m_secrets, m_audit.get(), m_secrets);
}

void TestAccountSession::missingSecretsAreNotAnError()
{
    AccountSession *session = newSession(m_account);
    QVERIFY(session->isValid());
    const Result<Done> loaded = awaitResult(session->loadSecrets());
    QVERIFY2(loaded.ok(), qPrintable(loaded.error().fullMessage()));
    QVERIFY(!session->provider()->hasSecret(QStringLiteral("password")));

    // Without the password the service refuses: Unauthorized, and the failure is audited.
    const Result<QList<Token>> listed = awaitResult(session->refresh());
    QVERIFY(!listed.ok());
    QCOMPARE(listed.error().kind(), ApiError::Kind::Unauthorized);
}

void TestAccountSession::storeThenLoad()
{
    AccountSession *first = newSession(m_account);
    const Result<Done> stored = awaitResult(first->storeSecrets({{QStringLiteral("password"), m_password}}));
    QVERIFY2(stored.ok(), qPrintable(stored.error().fullMessage()));
    QVERIFY(first->provider()->secret(QStringLiteral("password")) == m_password);
    const Result<QString> raw = awaitResult(m_secrets->read(m_account.secretKey(QStringLiteral("password"))));
    QVERIFY(raw.ok() && raw.value() == m_password);

    AccountSession *second = newSession(m_account);
    QVERIFY(awaitResult(second->loadSecrets()).ok());
    QVERIFY(second->provider()->secret(QStringLiteral("password")) == m_password);
    const Result<QList<Token>> listed = awaitResult(second->refresh());
    QVERIFY2(listed.ok(), qPrintable(listed.error().fullMessage()));
}

void TestAccountSession::createAndRevokeAreAudited()
{
    AccountSession *session = newSession(m_account);
    QVERIFY(awaitResult(session->storeSecrets({{QStringLiteral("password"), m_password}})).ok());
    QSignalSpy changed(session, &AccountSession::tokensChanged);

    CreateRequest request;
    request.kind = QStringLiteral("token");
    request.values.insert(
        QStringLiteral("description"), QString(QStringLiteral("audited ") + QUuid::createUuid().toString()));
    request.values.insert(QStringLiteral("lifetime"), QStringLiteral("1 hour"));
    const Result<CreatedToken> created = awaitResult(session->create(request));
    QVERIFY2(created.ok(), qPrintable(created.error().fullMessage()));
    QCOMPARE(changed.size(), 1);
    const QString id = created->token.id;
    const QString value = created->value;
    QVERIFY(!value.isEmpty());

    QVERIFY(awaitResult(session->revoke(created->token)).ok());
    QCOMPARE(changed.size(), 2);
    const Result<Done> again = awaitResult(session->revoke(created->token));
    QVERIFY(!again.ok());
    QCOMPARE(changed.size(), 2); // a failed revoke changes nothing

    const QList<AuditEntry> entries = m_audit->query(); // newest first
    QCOMPARE(entries.size(), 3);
    QCOMPARE(entries.at(2).action, QStringLiteral("create"));
    QCOMPARE(entries.at(2).target, id);
    QCOMPARE(entries.at(2).outcome, QStringLiteral("success"));
    QCOMPARE(entries.at(1).action, QStringLiteral("revoke"));
    QCOMPARE(entries.at(1).outcome, QStringLiteral("success"));
    QCOMPARE(entries.at(0).action, QStringLiteral("revoke"));
    QCOMPARE(entries.at(0).target, id);
    QCOMPARE(entries.at(0).outcome, QStringLiteral("failure"));
    QVERIFY(!entries.at(0).detail.isEmpty());
    for (const AuditEntry &entry : entries) {
        QCOMPARE(entry.accountId, m_account.id);
        QCOMPARE(entry.accountName, m_account.name);
        QCOMPARE(entry.providerId, m_account.providerId);
        for (const QString &field : {entry.target, entry.detail, entry.action, entry.groupId}) {
            QVERIFY(!field.contains(value));
            QVERIFY(!field.contains(m_password));
        }
    }
}

void TestAccountSession::secretChangedIsPersisted()
{
    AccountSession *session = newSession(m_account);
    const QString key = m_account.secretKey(QStringLiteral("session_token"));
    emit session->provider()->secretChanged(QStringLiteral("session_token"), QStringLiteral("rotated-value"));
    const QFuture<Result<Done>> settled = session->settle();
    QVERIFY(awaitResult(settled).ok());
    Result<QString> read = awaitResult(m_secrets->read(key));
    QVERIFY(read.ok() && read.value() == QStringLiteral("rotated-value"));

    emit session->provider()->secretChanged(QStringLiteral("session_token"), QString());
    QVERIFY(awaitResult(session->settle()).ok());
    read = awaitResult(m_secrets->read(key));
    QVERIFY(!read.ok());
    QCOMPARE(read.error().kind(), ApiError::Kind::NotFound);

    // Nothing pending: settle() is ready at once.
    QVERIFY(session->settle().isFinished());
}

void TestAccountSession::unknownProvider()
{
    Account account = m_account;
    account.providerId = QStringLiteral("nosuch");
    AccountSession *session = newSession(account);
    QVERIFY(!session->isValid());
    QVERIFY(session->provider() == nullptr);
    const Result<Done> loaded = awaitResult(session->loadSecrets());
    QVERIFY(!loaded.ok());
    QCOMPARE(loaded.error().kind(), ApiError::Kind::NotSupported);
    QVERIFY(!awaitResult(session->create(CreateRequest())).ok());
    QVERIFY(!awaitResult(session->revoke(Token())).ok());
    QVERIFY(!awaitResult(session->signIn()).ok());
}

QTEST_GUILESS_MAIN(TestAccountSession)
#include "tst_accountsession.moc"
