// `tokendesk-cli audit` end to end: --since takes durations ("24h", "7 days") and ISO dates/times, --until,
// --account (name or id, also of an account removed since), --action and --outcome narrow the entries,
// --csv prints the RFC 4180 export with its header, bad values are usage errors (exit 2).

#include "CliRunner.h"

#include "store/AuditLog.h"
#include "store/Database.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QUuid>
#include <QtTest>

class TestCliAudit : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void sinceDurationsAndDates();
    void accountActionOutcome();
    void csvExport();
    void usageErrors();

private:
    QStringList actions(const QStringList &arguments);

    QTemporaryDir m_dir;
    CliRunner m_cli;
    QUuid m_alpha = QUuid::createUuid();
    QUuid m_bravo = QUuid::createUuid();
    QDateTime m_now;
};

void TestCliAudit::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_cli.setConfigDir(m_dir.path());
    m_now = QDateTime::currentDateTimeUtc();
    Database db(m_dir.filePath(QStringLiteral("tokendesk.sqlite")));
    QVERIFY2(db.open(), qPrintable(db.lastError()));
    AuditLog log(&db);
    const auto add = [&](const QUuid &account, const QString &name, const QString &action, const QString &outcome,
                         qint64 secondsAgo) {
        AuditEntry entry;
        entry.time = m_now.addSecs(-secondsAgo);
        entry.accountId = account;
        entry.accountName = name;
        entry.providerId = QStringLiteral("specter");
        entry.action = action;
        entry.target = action + QStringLiteral("-target");
        entry.outcome = outcome;
        entry.detail = QStringLiteral("detail, with \"quotes\"");
        return log.append(entry);
    };
    QVERIFY(add(m_alpha, QStringLiteral("Alpha"), QStringLiteral("a-2h"), QStringLiteral("success"), 2 * 3600));
    QVERIFY(add(m_bravo, QStringLiteral("Bravo"), QStringLiteral("b-30h"), QStringLiteral("failure"), 30 * 3600));
    QVERIFY(add(m_alpha, QStringLiteral("Alpha"), QStringLiteral("a-3d"), QStringLiteral("failure"), 3 * 86400));
    QVERIFY(add(m_bravo, QStringLiteral("Bravo"), QStringLiteral("b-10d"), QStringLiteral("success"), 10 * 86400));
}

QStringList TestCliAudit::actions(const QStringList &arguments)
{
    const CliRun run = m_cli.run(QStringList {QStringLiteral("audit"), QStringLiteral("--json")} + arguments);
    if (!run.finished || run.exitCode != 0) {
        qWarning() << "audit" << arguments << "exit" << run.exitCode << run.err;
        return {QStringLiteral("<failed>")};
    }
    QStringList result;
    for (const QJsonValue &value : QJsonDocument::fromJson(run.out).array())
        result.append(value.toObject().value(QStringLiteral("action")).toString());
    return result;
}

void TestCliAudit::sinceDurationsAndDates()
{
    // Newest first.
    QCOMPARE(actions({}), (QStringList {"a-2h", "b-30h", "a-3d", "b-10d"}));
    QCOMPARE(actions({"--since", "24h"}), QStringList {"a-2h"});
    QCOMPARE(actions({"--since", "7 days"}), (QStringList {"a-2h", "b-30h", "a-3d"}));
    QCOMPARE(actions({"--since=2 days"}), (QStringList {"a-2h", "b-30h"}));
    // ISO time (UTC) and ISO date.
    const QString fourDaysAgo = m_now.addDays(-4).toString(Qt::ISODate);
    QCOMPARE(actions({"--since", fourDaysAgo}), (QStringList {"a-2h", "b-30h", "a-3d"}));
    const QString date = m_now.addDays(-20).date().toString(Qt::ISODate);
    QCOMPARE(actions({"--since", date}).size(), 4);
    // --until, alone and with --since.
    QCOMPARE(actions({"--until", "24h"}), (QStringList {"b-30h", "a-3d", "b-10d"}));
    QCOMPARE(actions({"--since", "7 days", "--until", "24h"}), (QStringList {"b-30h", "a-3d"}));
}

void TestCliAudit::accountActionOutcome()
{
    QCOMPARE(actions({"--account", "Alpha"}), (QStringList {"a-2h", "a-3d"})); // name in the log (no account file)
    QCOMPARE(actions({"--account", "bravo"}), (QStringList {"b-30h", "b-10d"}));
    QCOMPARE(actions({"--account", m_bravo.toString(QUuid::WithoutBraces)}), (QStringList {"b-30h", "b-10d"}));
    QCOMPARE(actions({"--account", "Nobody"}), QStringList());
    QCOMPARE(actions({"--action", "a-3d"}), QStringList {"a-3d"});
    QCOMPARE(actions({"--outcome", "failure"}), (QStringList {"b-30h", "a-3d"}));
    QCOMPARE(actions({"--outcome", "success", "--account", "Alpha"}), QStringList {"a-2h"});
    QCOMPARE(actions({"--outcome", "success", "--since", "7 days"}), QStringList {"a-2h"});
}

void TestCliAudit::csvExport()
{
    const CliRun run = m_cli.run({"audit", "--csv", "--account", "Bravo"});
    QVERIFY(run.finished);
    QCOMPARE(run.exitCode, 0);
    const QList<QByteArray> lines = run.out.split('\n');
    QVERIFY(lines.size() >= 3);
    QVERIFY(
        lines.at(0).startsWith("time,account,provider,action,action_label,target,target_name,outcome,detail,group"));
    QVERIFY(lines.at(1).contains(",Bravo,specter,b-30h,b-30h,b-30h-target,,failure,\"detail, with \"\"quotes\"\"\","));
    QVERIFY(lines.at(2).contains(",b-10d,"));
    QVERIFY(!run.out.contains("Alpha"));

    // The human table too.
    const CliRun table = m_cli.run({"audit", "--outcome", "failure"});
    QCOMPARE(table.exitCode, 0);
    QVERIFY(table.out.contains("b-30h"));
    QVERIFY(table.out.contains("a-3d"));
    QVERIFY(!table.out.contains("a-2h"));
}

void TestCliAudit::usageErrors()
{
    for (const QStringList &arguments :
        {QStringList {"audit", "--since", "yesterday-ish"}, QStringList {"audit", "--until", "3 fortnights"},
            QStringList {"audit", "--outcome", "maybe"}, QStringList {"audit", "--bogus"}}) {
        const CliRun run = m_cli.run(arguments);
        QVERIFY(run.finished);
        QCOMPARE(run.exitCode, 2);
        QVERIFY(!run.err.isEmpty());
    }
}

QTEST_GUILESS_MAIN(TestCliAudit)
#include "tst_cli_audit.moc"
