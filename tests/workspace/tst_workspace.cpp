#include "AccountController.h"

#include "core/Account.h"
#include "providers/AccountSession.h"
#include "store/AccountStore.h"
#include "store/Ledger.h"
#include "store/SecretStore.h"
#include "workflows/AccountLifecycle.h"
#include "workspace/Workspace.h"

#include <QFile>
#include <QFileInfo>
#include <QNetworkAccessManager>
#include <QPointer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

// Workspace: the one place that builds a configuration folder's stores, network and sessions, for the window
// (through AccountController) and the CLI alike. What is slow to open is opened on first use.
class TestWorkspace : public QObject
{
    Q_OBJECT
private slots:
    void databaseOpensOnFirstUse();
    void databaseFailureKeepsStoresUsable();
    void oneSessionPerAccount();
    void unknownProviderHasNoSession();
    void runSessionsShareTheContext();
    void lifecycleWritesTheWorkspacesFiles();
    void controllerDoesNotOpenTheDatabaseUntilAsked();

private:
    static Account specterAccount();
};

Account TestWorkspace::specterAccount()
{
    Account account;
    account.id = QUuid::createUuid();
    account.name = QStringLiteral("lab");
    account.providerId = QStringLiteral("specter");
    account.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:1"));
    account.options.insert(QStringLiteral("username"), QStringLiteral("admin"));
    return account;
}

void TestWorkspace::databaseOpensOnFirstUse()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    Workspace workspace(dir.path(), SecretStore::createMemoryOnly(this));
    const QString file = dir.filePath(QStringLiteral("tokendesk.sqlite"));
    QVERIFY(!QFileInfo::exists(file));
    QCOMPARE(workspace.ledger(), nullptr);
    QCOMPARE(workspace.providerContext().ledger, nullptr); // a context made before the open has no ledger

    QString error;
    QVERIFY2(workspace.openDatabase(&error), qPrintable(error));
    QVERIFY(QFileInfo::exists(file));
    QVERIFY(workspace.isDatabaseOpen());
    Ledger *ledger = workspace.ledger();
    QVERIFY(ledger);
    QVERIFY(workspace.openDatabase()); // once: the same stores
    QCOMPARE(workspace.ledger(), ledger);
    QCOMPARE(workspace.providerContext().ledger, ledger);
}

void TestWorkspace::databaseFailureKeepsStoresUsable()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    // The configuration "folder" is a file: nothing can be created below it.
    const QString blocked = dir.filePath(QStringLiteral("not-a-folder"));
    QFile file(blocked);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.close();
    Workspace workspace(blocked, SecretStore::createMemoryOnly(this));
    QString error;
    QVERIFY(!workspace.openDatabase(&error));
    QVERIFY(error.contains(QLatin1String("not-a-folder")));
    QVERIFY(!workspace.isDatabaseOpen());
    QVERIFY(workspace.ledger()); // the window keeps running on empty stores
    QVERIFY(workspace.auditLog());
    QVERIFY(workspace.tokenNotes());
    QCOMPARE(workspace.providerContext().ledger, nullptr); // providers are told there is none
}

void TestWorkspace::oneSessionPerAccount()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    Workspace workspace(dir.path(), SecretStore::createMemoryOnly(this));
    QVERIFY(workspace.openDatabase());
    QSignalSpy created(&workspace, &Workspace::sessionCreated);
    const Account account = specterAccount();
    AccountSession *first = workspace.session(account);
    QVERIFY(first);
    QCOMPARE(workspace.session(account), first);
    QCOMPARE(workspace.existingSession(account.id), first);
    QCOMPARE(created.size(), 1);

    QPointer<AccountSession> dropped(first);
    workspace.dropSession(account.id);
    QVERIFY(dropped.isNull());
    QCOMPARE(workspace.existingSession(account.id), nullptr);
    AccountSession *second = workspace.session(account);
    QVERIFY(second);
    QCOMPARE(created.size(), 2);
}

void TestWorkspace::unknownProviderHasNoSession()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    Workspace workspace(dir.path(), SecretStore::createMemoryOnly(this));
    Account account = specterAccount();
    account.providerId = QStringLiteral("no-such-service");
    QCOMPARE(workspace.session(account), nullptr);
    QCOMPARE(workspace.session(account), nullptr);
    QObject owner;
    QCOMPARE(workspace.createSession(account, &owner), nullptr);
    const QFuture<Result<Done>> prepared = workspace.prepare(account.id);
    QVERIFY(prepared.isFinished());
    QCOMPARE(prepared.result().error().kind(), ApiError::Kind::NotSupported);
}

void TestWorkspace::runSessionsShareTheContext()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    Workspace workspace(dir.path(), SecretStore::createMemoryOnly(this));
    QVERIFY(workspace.openDatabase());
    workspace.setDeadline(QDeadlineTimer(5000));
    const ProviderContext context = workspace.providerContext();
    QCOMPARE(context.network, workspace.network());
    QCOMPARE(context.clock, workspace.clock());
    QCOMPARE(context.requestLog, workspace.requestLog());
    QVERIFY(!context.deadline.isForever());

    QObject owner;
    const Account account = specterAccount();
    QPointer<AccountSession> run(workspace.createSession(account, &owner));
    QVERIFY(run);
    QVERIFY(run != workspace.session(account)); // a run's own, not the kept one
    QCOMPARE(run->parent(), &owner);
}

void TestWorkspace::lifecycleWritesTheWorkspacesFiles()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    Workspace workspace(dir.path(), SecretStore::createMemoryOnly(this));
    QVERIFY(workspace.openDatabase());
    const Account account = specterAccount();
    const QFuture<Result<Done>> added =
        workspace.lifecycle()->add(account, {{QStringLiteral("password"), QStringLiteral("pw")}});
    QTRY_VERIFY(added.isFinished());
    QVERIFY(added.result().ok());
    // The same accounts file a second workspace over the folder (the CLI next to the window) reads.
    AccountStore again(dir.path());
    const QList<Account> accounts = again.load();
    QCOMPARE(accounts.size(), 1);
    QCOMPARE(accounts.first().id, account.id);
}

void TestWorkspace::controllerDoesNotOpenTheDatabaseUntilAsked()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    AccountController controller(dir.path(), SecretStore::createMemoryOnly(this));
    QVERIFY(controller.load());
    const QString file = dir.filePath(QStringLiteral("tokendesk.sqlite"));
    QVERIFY(!QFileInfo::exists(file)); // the window can paint before SQLite is touched
    QVERIFY(controller.ledger());
    QVERIFY(QFileInfo::exists(file));
    QCOMPARE(controller.workspace()->ledger(), controller.ledger());
}

QTEST_MAIN(TestWorkspace)
#include "tst_workspace.moc"
