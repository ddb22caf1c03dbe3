#include "AwaitFuture.h"
#include "CliRunner.h"

#include "store/AccountStore.h"
#include "store/AuditLog.h"
#include "store/Database.h"
#include "store/SecretStore.h"
#include "store/TokenNotes.h"
#include "workflows/AccountLifecycle.h"

#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

// `tokendesk-cli account remove` and the window's Remove Account leave the same state behind: no keychain entry of
// any field the account held (also the session a provider stored by itself), no notes, an audit entry; the window
// goes through AccountLifecycle::remove (AccountController::removeAccount), which the second half runs directly.
// Runs in the test session's real Secret Service.
class TestCliAccountRemoval : public QObject
{
    Q_OBJECT
private slots:
    void cliAndWindowRemoveTheSame();

private:
    struct State
    {
        QStringList keychainFieldsLeft;
        int notesLeft = 0;
        QStringList auditActions;
        bool inAccountsFile = false;
    };
    // Adds what a working account accumulates beyond its own secrets: a stored session, notes.
    void accumulate(const QString &configDir, const Account &account, SecretStore *secrets);
    State stateOf(const QString &configDir, const Account &account, SecretStore *secrets);
};

void TestCliAccountRemoval::accumulate(const QString &configDir, const Account &account, SecretStore *secrets)
{
    QVERIFY(awaitFuture(secrets->write(account.secretKey(QStringLiteral("session")), QStringLiteral("s-jwt")))->ok());
    Database db(QDir(configDir).filePath(QStringLiteral("tokendesk.sqlite")));
    QVERIFY(db.open());
    TokenNotes notes(&db);
    TokenNote note;
    note.owner = QStringLiteral("ops team");
    QVERIFY(notes.setNote(account.id, QStringLiteral("jti-1"), note));
}

TestCliAccountRemoval::State TestCliAccountRemoval::stateOf(
    const QString &configDir, const Account &account, SecretStore *secrets)
{
    State state;
    for (const QString &field : AccountLifecycle::keychainFields(account.providerId)) {
        const auto read = awaitFuture(secrets->read(account.secretKey(field)));
        if (read && read->ok())
            state.keychainFieldsLeft.append(field);
    }
    Database db(QDir(configDir).filePath(QStringLiteral("tokendesk.sqlite")));
    if (db.open()) {
        state.notesLeft = int(TokenNotes(&db).all(account.id).size());
        AuditFilter filter;
        filter.accountId = account.id;
        for (const AuditEntry &entry : AuditLog(&db).query(filter))
            state.auditActions.prepend(entry.action);
    }
    state.inAccountsFile = AccountStore(configDir).find(account.id.toString(QUuid::WithoutBraces)).has_value();
    return state;
}

void TestCliAccountRemoval::cliAndWindowRemoveTheSame()
{
    QTemporaryDir cliDir;
    QTemporaryDir windowDir;
    QVERIFY(cliDir.isValid() && windowDir.isValid());
    SecretStore secrets;
    const QByteArray stdinSecrets = "password=pw-1\nclient_secret=cs-1\n";

    // The CLI's account.
    CliRunner cli(cliDir.path());
    CliRun run = cli.run(
        {QStringLiteral("--json"), QStringLiteral("--secrets-stdin"), QStringLiteral("account"), QStringLiteral("add"),
            QStringLiteral("--provider"), QStringLiteral("netsapiens"), QStringLiteral("--name"), QStringLiteral("pbx"),
            QStringLiteral("--url"), QStringLiteral("https://pbx.example.net"), QStringLiteral("--option"),
            QStringLiteral("username=1001@example"), QStringLiteral("--option"), QStringLiteral("client_id=client")},
        stdinSecrets);
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const std::optional<Account> cliAccount = AccountStore(cliDir.path()).find(QStringLiteral("pbx"));
    QVERIFY(cliAccount);
    accumulate(cliDir.path(), *cliAccount, &secrets);
    QVERIFY(stateOf(cliDir.path(), *cliAccount, &secrets).keychainFieldsLeft.contains(QStringLiteral("session")));

    // The window's account: the same account added and removed the way AccountController does.
    Account windowAccount = *cliAccount;
    windowAccount.id = QUuid::createUuid();
    AccountStore windowStore(windowDir.path());
    Database windowDb(QDir(windowDir.path()).filePath(QStringLiteral("tokendesk.sqlite")));
    QVERIFY(windowDb.open());
    AuditLog windowAudit(&windowDb);
    TokenNotes windowNotes(&windowDb);
    AccountLifecycle window(&windowStore, &secrets, &windowNotes, &windowAudit);
    QVERIFY(awaitFuture(window.add(windowAccount,
                            {{QStringLiteral("password"), QStringLiteral("pw-1")},
                                {QStringLiteral("client_secret"), QStringLiteral("cs-1")}}))
                ->ok());
    accumulate(windowDir.path(), windowAccount, &secrets);

    run = cli.run({QStringLiteral("account"), QStringLiteral("remove"), QStringLiteral("pbx")});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QVERIFY(run.out.contains("Removed account"));
    const auto removed = awaitFuture(window.remove(windowAccount));
    QVERIFY(removed && removed->ok());

    const State byCli = stateOf(cliDir.path(), *cliAccount, &secrets);
    const State byWindow = stateOf(windowDir.path(), windowAccount, &secrets);
    QCOMPARE(byCli.keychainFieldsLeft, QStringList());
    QCOMPARE(byCli.notesLeft, 0);
    QVERIFY(!byCli.inAccountsFile);
    QCOMPARE(byCli.auditActions, QStringList({QStringLiteral("account-add"), QStringLiteral("account-remove")}));
    QCOMPARE(byWindow.keychainFieldsLeft, byCli.keychainFieldsLeft);
    QCOMPARE(byWindow.notesLeft, byCli.notesLeft);
    QCOMPARE(byWindow.inAccountsFile, byCli.inAccountsFile);
    QCOMPARE(byWindow.auditActions, byCli.auditActions);
}

QTEST_GUILESS_MAIN(TestCliAccountRemoval)
#include "tst_cli_accountremoval.moc"
