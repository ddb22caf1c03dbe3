#include "AwaitFuture.h"

#include "core/Account.h"
#include "store/AccountStore.h"
#include "store/AuditLog.h"
#include "store/Database.h"
#include "store/SecretStore.h"
#include "store/TokenNotes.h"
#include "workflows/AccountLifecycle.h"
#include "workspace/Workspace.h"

#include <QTemporaryDir>
#include <QTest>

// AccountLifecycle, the one way the window and the CLI add and remove an account: what adding writes and what
// removing deletes (every keychain entry the account's service may hold, including the session a provider stored
// itself; its notes), what it keeps (the ledger's history is not its business), and the audit trail.
class TestAccountLifecycle : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void addWritesFileAndKeychain();
    void removeDeletesEveryKeychainFieldAndNotes();
    void removeOfUnknownAccountTouchesNothing();

private:
    Account netSapiensAccount() const;
    std::optional<QString> secret(const Account &account, const QString &field);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<SecretStore> m_secrets;
    // The lifecycle as the window and the CLI get it: from the workspace, over its stores.
    std::unique_ptr<Workspace> m_workspace;
    AccountLifecycle *m_lifecycle = nullptr;
    AuditLog *m_audit = nullptr;
    TokenNotes *m_notes = nullptr;
};

void TestAccountLifecycle::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_secrets.reset(SecretStore::createMemoryOnly(nullptr));
    m_workspace = std::make_unique<Workspace>(m_dir->path(), m_secrets.get());
    QString error;
    QVERIFY2(m_workspace->openDatabase(&error), qPrintable(error));
    m_lifecycle = m_workspace->lifecycle();
    m_audit = m_workspace->auditLog();
    m_notes = m_workspace->tokenNotes();
}

void TestAccountLifecycle::cleanup()
{
    m_lifecycle = nullptr;
    m_audit = nullptr;
    m_notes = nullptr;
    m_workspace.reset();
    m_secrets.reset();
    m_dir.reset();
}

Account TestAccountLifecycle::netSapiensAccount() const
{
    Account account;
    account.id = QUuid::createUuid();
    account.name = QStringLiteral("pbx");
    account.providerId = QStringLiteral("netsapiens");
    account.baseUrl = QUrl(QStringLiteral("https://pbx.example.net"));
    account.options.insert(QStringLiteral("username"), QStringLiteral("1001@example"));
    account.options.insert(QStringLiteral("client_id"), QStringLiteral("client"));
    return account;
}

std::optional<QString> TestAccountLifecycle::secret(const Account &account, const QString &field)
{
    const auto read = awaitFuture(m_secrets->read(account.secretKey(field)));
    if (!read || !read->ok())
        return std::nullopt;
    return read->value();
}

void TestAccountLifecycle::addWritesFileAndKeychain()
{
    const Account account = netSapiensAccount();
    const auto added = awaitFuture(m_lifecycle->add(
        account, {{QStringLiteral("password"), QStringLiteral("pw-1")}, {QStringLiteral("client_secret"), QString()}}));
    QVERIFY(added && added->ok());
    QVERIFY(AccountStore(m_dir->path()).find(QStringLiteral("pbx")));
    QCOMPARE(secret(account, QStringLiteral("password")), std::optional<QString>(QStringLiteral("pw-1")));
    QVERIFY(!secret(account, QStringLiteral("client_secret"))); // empty values are not stored
    const QList<AuditEntry> entries = m_audit->query();
    QCOMPARE(entries.size(), 1);
    QCOMPARE(entries.first().action, QStringLiteral("account-add"));
    QCOMPARE(entries.first().outcome, QStringLiteral("success"));
    QVERIFY(!entries.first().detail.contains(QStringLiteral("pw-1")));
}

void TestAccountLifecycle::removeDeletesEveryKeychainFieldAndNotes()
{
    const Account account = netSapiensAccount();
    const auto added = awaitFuture(m_lifecycle->add(account,
        {{QStringLiteral("password"), QStringLiteral("pw-1")},
            {QStringLiteral("client_secret"), QStringLiteral("cs-1")}}));
    QVERIFY(added && added->ok());
    // What the provider stores by itself while it works: a kept session and a v45 refresh JWT; and a generic key
    // a --secrets-stdin run may have stored.
    for (const QString &field : {QStringLiteral("session"), QStringLiteral("refresh"), QStringLiteral("token")})
        QVERIFY(awaitFuture(m_secrets->write(account.secretKey(field), QStringLiteral("v-") + field))->ok());
    TokenNote note;
    note.owner = QStringLiteral("ops");
    QVERIFY(m_notes->setNote(account.id, QStringLiteral("jti-1"), note));
    // Another account's entries stay.
    Account other = netSapiensAccount();
    other.name = QStringLiteral("other");
    QVERIFY(awaitFuture(m_lifecycle->add(other, {{QStringLiteral("password"), QStringLiteral("pw-2")}}))->ok());
    QVERIFY(m_notes->setNote(other.id, QStringLiteral("jti-2"), note));

    const auto removed = awaitFuture(m_lifecycle->remove(account));
    QVERIFY(removed && removed->ok());
    QVERIFY(!AccountStore(m_dir->path()).find(QStringLiteral("pbx")));
    for (const QString &field : AccountLifecycle::keychainFields(account.providerId))
        QVERIFY2(!secret(account, field), qPrintable(field));
    QVERIFY(AccountLifecycle::keychainFields(account.providerId).contains(QStringLiteral("session")));
    QVERIFY(!m_notes->note(account.id, QStringLiteral("jti-1")));
    QCOMPARE(secret(other, QStringLiteral("password")), std::optional<QString>(QStringLiteral("pw-2")));
    QVERIFY(m_notes->note(other.id, QStringLiteral("jti-2")));
    QCOMPARE(m_audit->query().first().action, QStringLiteral("account-remove"));
}

void TestAccountLifecycle::removeOfUnknownAccountTouchesNothing()
{
    const Account account = netSapiensAccount();
    QVERIFY(awaitFuture(m_lifecycle->add(account, {{QStringLiteral("password"), QStringLiteral("pw-1")}}))->ok());
    Account stranger = netSapiensAccount(); // never added: the file has no such account
    const auto removed = awaitFuture(m_lifecycle->remove(stranger));
    QVERIFY(removed);
    QVERIFY(!removed->ok());
    QCOMPARE(removed->error().kind(), ApiError::Kind::Storage);
    QCOMPARE(secret(account, QStringLiteral("password")), std::optional<QString>(QStringLiteral("pw-1")));
}

QTEST_GUILESS_MAIN(TestAccountLifecycle)
#include "tst_accountlifecycle.moc"
