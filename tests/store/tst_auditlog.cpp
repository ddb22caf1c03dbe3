// AuditLog: append, query filters (account, action, outcome, since/until, limit), newest first, and the
// exact bytes of the RFC 4180 CSV export.

#include "OldSchemas.h"
#include "core/UtcTime.h"
#include "store/AuditLog.h"
#include "store/AuditWords.h"
#include "store/Database.h"

#include <QBuffer>
#include <QLocale>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QUuid>
#include <QtTest>

#include <memory>

namespace {

const QDateTime kT0 = UtcTime::dateTime(QDate(2026, 5, 4), QTime(8, 0, 0, 5));

AuditEntry makeEntry(const QUuid &account, const QString &action, const QString &outcome, const QDateTime &time)
{
    AuditEntry entry;
    entry.time = time;
    entry.accountId = account;
    entry.accountName = QStringLiteral("Account ") + account.toString(QUuid::WithoutBraces).left(4);
    entry.providerId = QStringLiteral("specter");
    entry.action = action;
    entry.target = QStringLiteral("token-1");
    entry.outcome = outcome;
    entry.detail = QStringLiteral("done");
    return entry;
}

QStringList actionsOf(const QList<AuditEntry> &entries)
{
    QStringList actions;
    for (const AuditEntry &entry : entries)
        actions.append(entry.action);
    return actions;
}

} // namespace

class TestAuditLog : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void appendAndQuery();
    void appendSetsTimeWhenEmpty();
    void filters();
    void findsByWords();
    void persistsAcrossReopen();
    void csvQuotingExactBytes();
    void csvEmpty();
    void writeCsvToDevice();
    void targetNameKept();
    void entryForAccount();
    void schema3DatabaseKeepsEveryRow();
    void wordsForActionsOutcomesAndGroups();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
};

void TestAuditLog::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_db = std::make_unique<Database>(m_dir->filePath(QStringLiteral("tokendesk.sqlite")));
    QVERIFY2(m_db->open(), qPrintable(m_db->lastError()));
}

void TestAuditLog::cleanup()
{
    m_db.reset();
    m_dir.reset();
}

void TestAuditLog::appendAndQuery()
{
    AuditLog log(m_db.get());
    const QUuid account = QUuid::createUuid();
    AuditEntry entry = makeEntry(account, QStringLiteral("create"), QStringLiteral("success"), kT0);
    entry.groupId = QStringLiteral("g-1");
    entry.detail = QStringLiteral("Created \u201ccli\u201d");
    QVERIFY2(log.append(entry), qPrintable(log.lastError()));
    QVERIFY(log.append(makeEntry(account, QStringLiteral("revoke"), QStringLiteral("failure"), kT0.addSecs(5))));
    // Without an account (e.g. a failed sign-in before the account exists).
    AuditEntry anonymous = makeEntry(QUuid(), QStringLiteral("login"), QStringLiteral("failure"), kT0.addSecs(1));
    anonymous.accountName.clear();
    QVERIFY(log.append(anonymous));

    const QList<AuditEntry> all = log.query();
    QCOMPARE(all.size(), 3);
    QCOMPARE(
        actionsOf(all), (QStringList {QStringLiteral("revoke"), QStringLiteral("login"), QStringLiteral("create")}));
    const AuditEntry &created = all.at(2);
    QVERIFY(created.id > 0);
    QCOMPARE(created.time, kT0);
    QCOMPARE(created.time.timeSpec(), Qt::UTC);
    QCOMPARE(created.accountId, account);
    QCOMPARE(created.accountName, entry.accountName);
    QCOMPARE(created.providerId, QStringLiteral("specter"));
    QCOMPARE(created.target, QStringLiteral("token-1"));
    QCOMPARE(created.outcome, QStringLiteral("success"));
    QCOMPARE(created.detail, entry.detail);
    QCOMPARE(created.groupId, QStringLiteral("g-1"));
    QVERIFY(all.at(1).accountId.isNull());

    QSqlQuery query(m_db->connection());
    QVERIFY(query.exec(QStringLiteral("SELECT time FROM audit WHERE id = %1").arg(created.id)));
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toString(), QStringLiteral("2026-05-04T08:00:00.005Z"));
}

void TestAuditLog::appendSetsTimeWhenEmpty()
{
    AuditLog log(m_db.get());
    const QDateTime before = QDateTime::currentDateTimeUtc().addSecs(-1);
    QVERIFY(log.append(makeEntry(QUuid::createUuid(), QStringLiteral("logout"), QStringLiteral("success"), {})));
    const QList<AuditEntry> all = log.query();
    QCOMPARE(all.size(), 1);
    QVERIFY(all.first().time.isValid());
    QVERIFY(all.first().time >= before);
}

void TestAuditLog::findsByWords()
{
    AuditLog log(m_db.get());
    const QUuid a = QUuid::createUuid();
    AuditEntry named = makeEntry(a, QStringLiteral("create"), QStringLiteral("success"), kT0);
    named.target = QStringLiteral("9f1c-77");
    named.targetName = QStringLiteral("CI release job");
    QVERIFY(log.append(named));
    AuditEntry other = makeEntry(a, QStringLiteral("revoke"), QStringLiteral("success"), kT0.addSecs(60));
    other.targetName = QStringLiteral("Backup_script 100%");
    other.detail = QStringLiteral("verified gone");
    QVERIFY(log.append(other));

    const auto found = [&log](const QString &text) {
        AuditFilter filter;
        filter.text = text;
        return actionsOf(log.query(filter));
    };
    QCOMPARE(found(QStringLiteral("release")), QStringList {QStringLiteral("create")}); // the name as it was
    QCOMPARE(found(QStringLiteral("RELEASE ci")), QStringList {QStringLiteral("create")}); // any case, every word
    QCOMPARE(found(QStringLiteral("9f1c")), QStringList {QStringLiteral("create")}); // the id
    QCOMPARE(found(QStringLiteral("gone")), QStringList {QStringLiteral("revoke")}); // the detail
    QCOMPARE(found(QStringLiteral("release gone")), QStringList()); // every word must match
    QCOMPARE(found(QStringLiteral("Account")).size(), 2); // the account's name
    // LIKE's wildcards are looked for as typed.
    QCOMPARE(found(QStringLiteral("_script")), QStringList {QStringLiteral("revoke")});
    QCOMPARE(found(QStringLiteral("x_script")), QStringList());
    QCOMPARE(found(QStringLiteral("100%")), QStringList {QStringLiteral("revoke")});
    QCOMPARE(found(QStringLiteral("%")), QStringList {QStringLiteral("revoke")});
    QCOMPARE(found(QStringLiteral("  ")).size(), 2); // nothing to look for
}

void TestAuditLog::filters()
{
    AuditLog log(m_db.get());
    const QUuid a = QUuid::createUuid();
    const QUuid b = QUuid::createUuid();
    QVERIFY(log.append(makeEntry(a, QStringLiteral("create"), QStringLiteral("success"), kT0)));
    QVERIFY(log.append(makeEntry(a, QStringLiteral("revoke"), QStringLiteral("failure"), kT0.addSecs(60))));
    QVERIFY(log.append(makeEntry(b, QStringLiteral("create"), QStringLiteral("failure"), kT0.addSecs(120))));
    QVERIFY(log.append(makeEntry(a, QStringLiteral("create"), QStringLiteral("success"), kT0.addSecs(180))));
    // Another time zone, same instant as kT0 + 240 s.
    QVERIFY(log.append(
        makeEntry(b, QStringLiteral("login"), QStringLiteral("success"), kT0.addSecs(240).toOffsetFromUtc(-5 * 3600))));

    AuditFilter byAccount;
    byAccount.accountId = a;
    QCOMPARE(log.query(byAccount).size(), 3);

    AuditFilter byAction;
    byAction.action = QStringLiteral("create");
    QCOMPARE(log.query(byAction).size(), 3);

    AuditFilter byOutcome;
    byOutcome.outcome = QStringLiteral("failure");
    QCOMPARE(actionsOf(log.query(byOutcome)), (QStringList {QStringLiteral("create"), QStringLiteral("revoke")}));

    AuditFilter since;
    since.since = kT0.addSecs(120); // inclusive
    QCOMPARE(actionsOf(log.query(since)),
        (QStringList {QStringLiteral("login"), QStringLiteral("create"), QStringLiteral("create")}));
    since.since = kT0.addSecs(120).addMSecs(1);
    QCOMPARE(log.query(since).size(), 2);
    // since in another time zone: compared as instants.
    since.since = kT0.addSecs(180).toOffsetFromUtc(3600);
    QCOMPARE(log.query(since).size(), 2);

    AuditFilter until;
    until.until = kT0.addSecs(60);
    QCOMPARE(actionsOf(log.query(until)), (QStringList {QStringLiteral("revoke"), QStringLiteral("create")}));

    AuditFilter combined;
    combined.accountId = a;
    combined.action = QStringLiteral("create");
    combined.outcome = QStringLiteral("success");
    combined.since = kT0.addSecs(1);
    const QList<AuditEntry> one = log.query(combined);
    QCOMPARE(one.size(), 1);
    QCOMPARE(one.first().time, kT0.addSecs(180));

    AuditFilter limited;
    limited.limit = 2;
    const QList<AuditEntry> newest = log.query(limited);
    QCOMPARE(newest.size(), 2);
    QCOMPARE(newest.at(0).action, QStringLiteral("login"));
    QCOMPARE(newest.at(0).time, kT0.addSecs(240));

    AuditFilter none;
    none.accountId = QUuid::createUuid();
    QVERIFY(log.query(none).isEmpty());
    QVERIFY(log.lastError().isEmpty());
}

void TestAuditLog::persistsAcrossReopen()
{
    const QString path = m_db->path();
    {
        AuditLog log(m_db.get());
        QVERIFY(
            log.append(makeEntry(QUuid::createUuid(), QStringLiteral("expire-all"), QStringLiteral("success"), kT0)));
    }
    m_db.reset();
    Database reopened(path);
    QVERIFY(reopened.open());
    const QList<AuditEntry> all = AuditLog(&reopened).query();
    QCOMPARE(all.size(), 1);
    QCOMPARE(all.first().action, QStringLiteral("expire-all"));
}

void TestAuditLog::csvQuotingExactBytes()
{
    AuditEntry plain;
    plain.time = kT0;
    plain.accountName = QStringLiteral("Prod");
    plain.providerId = QStringLiteral("svix");
    plain.action = QStringLiteral("create");
    plain.target = QStringLiteral("app_1");
    plain.outcome = QStringLiteral("success");
    plain.detail = QStringLiteral("ok");
    plain.groupId = QStringLiteral("g1");

    AuditEntry tricky;
    tricky.time = kT0.addMSecs(999);
    tricky.accountName = QStringLiteral("Caf\u00e9, \"main\"");
    tricky.providerId = QStringLiteral("netsapiens");
    tricky.action = QStringLiteral("revoke");
    tricky.target = QStringLiteral("line1\nline2");
    tricky.targetName = QStringLiteral("CI, \"prod\"");
    tricky.outcome = QStringLiteral("failure");
    tricky.detail = QStringLiteral("cr\rhere; \"quoted\"");
    tricky.groupId = QString();

    AuditEntry noName;
    noName.time = kT0;
    noName.accountId = QUuid(QStringLiteral("{6f1c2d3e-0000-4000-8000-000000000001}"));
    noName.action = QStringLiteral("login");
    noName.outcome = QStringLiteral("success");

    const QByteArray expected =
        "time,account,provider,action,action_label,target,target_name,outcome,detail,group\r\n"
        "2026-05-04T08:00:00.005Z,Prod,svix,create,Created token,app_1,,success,ok,g1\r\n"
        "2026-05-04T08:00:01.004Z,\"Caf\xc3\xa9, \"\"main\"\"\",netsapiens,revoke,Revoked token,"
        "\"line1\nline2\",\"CI, \"\"prod\"\"\",failure,\"cr\rhere; \"\"quoted\"\"\",\r\n"
        "2026-05-04T08:00:00.005Z,6f1c2d3e-0000-4000-8000-000000000001,,login,Signed in,,,success,,\r\n";
    const QByteArray csv = AuditLog::toCsv({plain, tricky, noName});
    QCOMPARE(csv, expected);
}

void TestAuditLog::csvEmpty()
{
    QCOMPARE(AuditLog::toCsv({}),
        QByteArray("time,account,provider,action,action_label,target,target_name,outcome,detail,group\r\n"));
}

void TestAuditLog::writeCsvToDevice()
{
    AuditLog log(m_db.get());
    QVERIFY(log.append(makeEntry(QUuid::createUuid(), QStringLiteral("create"), QStringLiteral("success"), kT0)));
    const QList<AuditEntry> entries = log.query();
    QBuffer buffer;
    QVERIFY(buffer.open(QIODevice::WriteOnly));
    QVERIFY(AuditLog::writeCsv(entries, &buffer));
    QCOMPARE(buffer.data(), AuditLog::toCsv(entries));
    QCOMPARE(buffer.data().count("\r\n"), 2);

    QBuffer readOnly;
    QVERIFY(readOnly.open(QIODevice::ReadOnly));
    QVERIFY(!AuditLog::writeCsv(entries, &readOnly));
    QVERIFY(!AuditLog::writeCsv(entries, nullptr));
}

void TestAuditLog::targetNameKept()
{
    AuditLog log(m_db.get());
    AuditEntry entry = makeEntry(QUuid::createUuid(), QStringLiteral("revoke"), QStringLiteral("success"), kT0);
    entry.targetName = QStringLiteral("CI deploy token");
    QVERIFY(log.append(entry));
    QVERIFY(log.append(makeEntry(QUuid::createUuid(), QStringLiteral("login"), QStringLiteral("success"), kT0)));
    const QList<AuditEntry> all = log.query();
    QCOMPARE(all.size(), 2);
    QStringList names {all.at(0).targetName, all.at(1).targetName};
    names.sort();
    QCOMPARE(names, (QStringList {QString(), QStringLiteral("CI deploy token")}));
}

void TestAuditLog::entryForAccount()
{
    Account account;
    account.id = QUuid::createUuid();
    account.name = QStringLiteral("Prod");
    account.providerId = QStringLiteral("svix");
    const QDateTime before = QDateTime::currentDateTimeUtc();
    const AuditEntry ok =
        AuditEntry::of(account, QStringLiteral("revoke"), QStringLiteral("t1"), {}, QStringLiteral("g"));
    QCOMPARE(ok.accountId, account.id);
    QCOMPARE(ok.accountName, QStringLiteral("Prod"));
    QCOMPARE(ok.providerId, QStringLiteral("svix"));
    QCOMPARE(ok.action, QStringLiteral("revoke"));
    QCOMPARE(ok.target, QStringLiteral("t1"));
    QCOMPARE(ok.outcome, QStringLiteral("success"));
    QVERIFY(ok.detail.isEmpty());
    QCOMPARE(ok.groupId, QStringLiteral("g"));
    QVERIFY(ok.time >= before);
    const AuditEntry failed = AuditEntry::of(
        account, QStringLiteral("login"), QString(), ApiError(ApiError::Kind::Unauthorized, QStringLiteral("nope")));
    QCOMPARE(failed.outcome, QStringLiteral("failure"));
    QVERIFY(!failed.detail.isEmpty());
}

// A database as the previous version (schema 3) wrote it, frozen here: opening it migrates without losing a row,
// and the old rows, which have no token name, read back with an empty name (the dialog then shows the id).
void TestAuditLog::schema3DatabaseKeepsEveryRow()
{
    m_db.reset();
    const QString path = m_dir->filePath(QStringLiteral("schema3.sqlite"));
    {
        QSqlDatabase raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("schema3"));
        raw.setDatabaseName(path);
        QVERIFY(raw.open());
        QSqlQuery query(raw);
        for (const QString &statement : OldSchemas::statements(3))
            QVERIFY2(query.exec(statement), qPrintable(statement));
        for (int i = 0; i < 5; ++i) {
            query.prepare(QStringLiteral("INSERT INTO audit (time, account_id, account_name, provider_id, action, "
                                         "target, outcome, detail, group_id) VALUES (?, "
                                         "'8b0f3c2e-1d4a-4c5b-9e6f-7a8b9c0d1e2f', 'Lab', 'specter', 'revoke', ?, "
                                         "'success', '', '')"));
            query.addBindValue(QStringLiteral("2026-05-01T10:00:0%1.000Z").arg(i));
            query.addBindValue(QStringLiteral("local-%1").arg(i));
            QVERIFY(query.exec());
        }
        query.finish();
        raw.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("schema3"));

    Database db(path);
    QVERIFY2(db.open(), qPrintable(db.lastError()));
    QCOMPARE(db.schemaVersion(), Database::latestSchemaVersion());
    QVERIFY(Database::latestSchemaVersion() >= 5);
    AuditLog log(&db);
    const QList<AuditEntry> old = log.query();
    QCOMPARE(old.size(), 5); // every row kept
    for (int i = 0; i < 5; ++i) {
        QCOMPARE(old.at(i).target, QStringLiteral("local-%1").arg(4 - i));
        QVERIFY(old.at(i).targetName.isEmpty());
        QCOMPARE(old.at(i).accountName, QStringLiteral("Lab"));
    }
    AuditEntry fresh = makeEntry(QUuid::createUuid(), QStringLiteral("revoke"), QStringLiteral("success"), kT0);
    fresh.targetName = QStringLiteral("named");
    QVERIFY2(log.append(fresh), qPrintable(log.lastError()));
    QCOMPARE(log.query().constFirst().targetName, QStringLiteral("named"));
}

void TestAuditLog::wordsForActionsOutcomesAndGroups()
{
    QCOMPARE(AuditWords::action(QStringLiteral("login-mfa")), QStringLiteral("Signed in with MFA"));
    QCOMPARE(AuditWords::action(QStringLiteral("revoke")), QStringLiteral("Revoked token"));
    QCOMPARE(AuditWords::action(QStringLiteral("revoke"), true), QStringLiteral("Revoked (bulk)"));
    QCOMPARE(AuditWords::action(QStringLiteral("login"), true), QStringLiteral("Signed in"));
    QCOMPARE(AuditWords::action(QStringLiteral("made-up")), QStringLiteral("made-up"));
    QVERIFY(AuditWords::knownActions().contains(QStringLiteral("break-glass")));
    for (const QString &action : AuditWords::knownActions())
        QVERIFY2(AuditWords::action(action) != action, qPrintable(action));
    QCOMPARE(AuditWords::outcome(QStringLiteral("success")), QStringLiteral("Succeeded"));
    QCOMPARE(AuditWords::outcome(QStringLiteral("failure")), QStringLiteral("Failed"));
    const QDateTime at = kT0;
    const QString time = QLocale().toString(at.toLocalTime().time(), QLocale::ShortFormat);
    // No translator here: the English numerus comes from the app's plural file, not from the source text.
    QVERIFY(AuditWords::group(QStringLiteral("bulk-revoke"), 3, at).startsWith(QStringLiteral("Bulk revoke of 3 ")));
    QVERIFY(AuditWords::group(QStringLiteral("bulk-revoke"), 3, at).endsWith(time));
    QVERIFY(AuditWords::group(QStringLiteral("break-glass"), 2, at).startsWith(QStringLiteral("Revoke everything")));
}

QTEST_GUILESS_MAIN(TestAuditLog)
#include "tst_auditlog.moc"
