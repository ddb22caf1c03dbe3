#include "AwaitFuture.h"
#include "BuiltinEmulators.h"
#include "SandboxAccounts.h"
#include "SandboxServer.h"

#include "core/Clock.h"
#include "providers/AccountSession.h"
#include "store/AuditLog.h"
#include "store/Database.h"
#include "store/Ledger.h"
#include "store/Preferences.h"
#include "store/SecretStore.h"
#include "workflows/AccountTokens.h"
#include "workflows/AccountsRefresher.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace std::chrono_literals;

// The all-accounts refresh against the in-process sandbox: three accounts at once, one failing with a
// wrong password; per-account progress and errors, the in-flight cap, no overlapping runs, the interval timer
// driven by the preferences.
class TestAccountsRefresher : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void refreshesEveryAccountOneFailing();
    void capsCallsInFlight();
    void noOverlappingRuns();
    void reportsAccountsThatCannotRefresh();
    void intervalFollowsPreferences();
    void intervalReRuns();

private:
    void addThreeAccounts();
    std::unique_ptr<AccountsRefresher> makeRefresher();

    QTemporaryDir m_dir;
    std::unique_ptr<AccountTokens> m_tokens;
    SandboxAccounts m_fixture;
    QUuid m_lab, m_backup, m_broken;
};

void TestAccountsRefresher::initTestCase()
{
    QVERIFY(m_fixture.listen());
    m_fixture.sandbox().seedTokens(3);
}

void TestAccountsRefresher::init()
{
    QString error;
    QVERIFY2(m_fixture.openStore(&error), qPrintable(error));
}

void TestAccountsRefresher::cleanup()
{
    m_tokens.reset();
    m_fixture.closeStore();
}

void TestAccountsRefresher::addThreeAccounts()
{
    const QJsonObject info = m_fixture.service(QStringLiteral("specter"));
    const QVariantMap options {{QStringLiteral("username"), info.value(QStringLiteral("username")).toString()}};
    const QString password = info.value(QStringLiteral("password")).toString();
    AccountSession *lab = m_fixture.addAccount(
        QStringLiteral("specter"), QStringLiteral("lab"), {{QStringLiteral("password"), password}}, options);
    AccountSession *broken = m_fixture.addAccount(QStringLiteral("specter"), QStringLiteral("broken"),
        {{QStringLiteral("password"), QStringLiteral("wrong")}}, options);
    AccountSession *backup = m_fixture.addAccount(
        QStringLiteral("specter"), QStringLiteral("backup"), {{QStringLiteral("password"), password}}, options);
    QVERIFY(lab && broken && backup);
    m_lab = lab->account().id;
    m_broken = broken->account().id;
    m_backup = backup->account().id;
}

std::unique_ptr<AccountsRefresher> TestAccountsRefresher::makeRefresher()
{
    m_tokens = std::make_unique<AccountTokens>([this](const QUuid &id) { return m_fixture.session(id); });
    return std::make_unique<AccountsRefresher>([this] { return m_fixture.order(); }, m_tokens.get());
}

void TestAccountsRefresher::refreshesEveryAccountOneFailing()
{
    addThreeAccounts();
    auto refresher = makeRefresher();
    int prepared = 0;
    m_tokens->setPrepare([this, &prepared](const QUuid &id) {
        ++prepared;
        return m_fixture.session(id)->loadSecrets();
    });
    QSignalSpy started(refresher.get(), &AccountsRefresher::accountStarted);
    QSignalSpy finished(refresher.get(), &AccountsRefresher::accountFinished);
    QSignalSpy all(refresher.get(), &AccountsRefresher::allFinished);

    QVERIFY(refresher->refreshAll());
    QVERIFY(refresher->isRunning());
    QCOMPARE(refresher->pendingAccounts().size(), 3);
    QTRY_COMPARE_WITH_TIMEOUT(all.size(), 1, 15000);
    QVERIFY(!refresher->isRunning());
    QVERIFY(refresher->pendingAccounts().isEmpty());
    QCOMPARE(started.size(), 3);
    QCOMPARE(finished.size(), 3);
    QCOMPARE(prepared, 3);

    QHash<QUuid, bool> outcome;
    QHash<QUuid, QString> messages;
    for (const QList<QVariant> &signal : std::as_const(finished)) {
        outcome.insert(signal.at(0).toUuid(), signal.at(1).toBool());
        messages.insert(signal.at(0).toUuid(), signal.at(2).toString());
    }
    QCOMPARE(outcome.value(m_lab), true);
    QCOMPARE(outcome.value(m_backup), true);
    QCOMPARE(outcome.value(m_broken), false);
    QVERIFY(messages.value(m_lab).isEmpty());
    QVERIFY(!messages.value(m_broken).isEmpty());
    QCOMPARE(refresher->errors().keys(), QList<QUuid> {m_broken});
    QCOMPARE(refresher->errors().value(m_broken), messages.value(m_broken));

    // The good accounts' lists arrived in full, each row tagged with its account; the broken one has none.
    QCOMPARE(m_tokens->tokens(m_lab).size(), 3);
    QCOMPARE(m_tokens->tokens(m_backup).size(), 3);
    for (const Token &token : m_tokens->tokens(m_lab))
        QCOMPARE(token.accountId, m_lab);
    for (const Token &token : m_tokens->tokens(m_backup))
        QCOMPARE(token.accountId, m_backup);
    QVERIFY(!m_tokens->hasList(m_broken));
}

void TestAccountsRefresher::capsCallsInFlight()
{
    addThreeAccounts();
    auto refresher = makeRefresher();
    refresher->setMaxInFlight(2);
    int inFlight = 0;
    int maxSeen = 0;
    connect(refresher.get(), &AccountsRefresher::accountStarted, this, [&] { maxSeen = qMax(maxSeen, ++inFlight); });
    connect(refresher.get(), &AccountsRefresher::accountFinished, this, [&] { --inFlight; });
    QSignalSpy all(refresher.get(), &AccountsRefresher::allFinished);
    QVERIFY(refresher->refreshAll());
    QCOMPARE(inFlight, 2); // the third waits for a slot
    QCOMPARE(refresher->pendingAccounts().size(), 3);
    QTRY_COMPARE_WITH_TIMEOUT(all.size(), 1, 15000);
    QCOMPARE(maxSeen, 2);
    QCOMPARE(inFlight, 0);
}

void TestAccountsRefresher::noOverlappingRuns()
{
    addThreeAccounts();
    auto refresher = makeRefresher();
    QSignalSpy started(refresher.get(), &AccountsRefresher::accountStarted);
    QSignalSpy all(refresher.get(), &AccountsRefresher::allFinished);
    QVERIFY(refresher->refreshAll());
    // Asked again while running: not a second parallel run, one more run after this one.
    QVERIFY(!refresher->refreshAll());
    QVERIFY(!refresher->refreshAll());
    QCOMPARE(started.size(), 3);
    QTRY_COMPARE_WITH_TIMEOUT(all.size(), 2, 15000);
    QCOMPARE(started.size(), 6);
    QCOMPARE(refresher->runCount(), 2);
    QVERIFY(!refresher->isRunning());
}

void TestAccountsRefresher::reportsAccountsThatCannotRefresh()
{
    addThreeAccounts();
    // A NetSapiens account not signed in and an account without a session are reported, not dropped.
    AccountSession *ns =
        m_fixture.addNetSapiens(QStringLiteral("pbx"), {QStringLiteral("password"), QStringLiteral("client_secret")});
    QVERIFY(ns);
    const QUuid unknown = QUuid::createUuid(); // an account whose session cannot be made
    m_fixture.order().append(unknown);
    auto refresher = makeRefresher();
    QSignalSpy all(refresher.get(), &AccountsRefresher::allFinished);
    QVERIFY(refresher->refreshAll());
    QTRY_COMPARE_WITH_TIMEOUT(all.size(), 1, 15000);
    const QHash<QUuid, QString> errors = refresher->errors();
    QCOMPARE(errors.size(), 3);
    QVERIFY(errors.contains(m_broken));
    QVERIFY(errors.contains(unknown));
    QVERIFY(ns->provider()->can(TokenProvider::Capability::SignIn));
    QVERIFY(errors.value(ns->account().id).contains(QStringLiteral("signed in")));
    QVERIFY(m_tokens->hasList(m_lab));
}

void TestAccountsRefresher::intervalFollowsPreferences()
{
    auto refresher = makeRefresher();
    QCOMPARE(refresher->interval(), 0ms);
    QVERIFY(!refresher->isIntervalActive());
    Preferences preferences(m_dir.filePath(QStringLiteral("prefs-") + QUuid::createUuid().toString(QUuid::Id128)));
    Preferences::Values values = preferences.values();
    values.refreshIntervalMinutes = 7;
    QVERIFY(preferences.save(values));
    refresher->setPreferences(&preferences);
    QVERIFY(refresher->isIntervalActive());
    QCOMPARE(refresher->interval(), std::chrono::milliseconds(7min));
    values.refreshIntervalMinutes = 0;
    QVERIFY(preferences.save(values));
    QVERIFY(!refresher->isIntervalActive());
    values.refreshIntervalMinutes = 2;
    QVERIFY(preferences.save(values));
    QCOMPARE(refresher->interval(), std::chrono::milliseconds(2min));
    refresher->setPreferences(nullptr);
    values.refreshIntervalMinutes = 9;
    QVERIFY(preferences.save(values));
    QCOMPARE(refresher->interval(), std::chrono::milliseconds(2min)); // no longer followed
}

void TestAccountsRefresher::intervalReRuns()
{
    addThreeAccounts();
    auto refresher = makeRefresher();
    QSignalSpy all(refresher.get(), &AccountsRefresher::allFinished);
    refresher->setInterval(20ms);
    // Each tick starts a run unless one is going; the runs never overlap.
    bool overlapped = false;
    connect(refresher.get(), &AccountsRefresher::started, this, [&] {
        if (refresher->runCount() != int(all.size()) + 1)
            overlapped = true;
    });
    QTRY_VERIFY_WITH_TIMEOUT(all.size() >= 2, 15000);
    QVERIFY(!overlapped);
    refresher->setInterval(0ms);
    QVERIFY(!refresher->isIntervalActive());
}

QTEST_GUILESS_MAIN(TestAccountsRefresher)
#include "tst_accountsrefresher.moc"
