#include "CliRunner.h"
#include "SandboxProcess.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

// `tokendesk-cli break-glass` end to end against a tokendesk-sandbox process (Specter emulator) with two
// accounts, one of them failing: the dry run prints every call and sends none (the CLI's request log shows no
// DELETE, the tokens are still listed), the failing account is reported as not checked (exit 1), the real run
// revokes every token of the subject with verification, and the audit log holds one grouped summary entry.
class TestCliBreakGlass : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void usageErrors();
    void dryRunMakesNoCalls();
    void failingAccountIsNotChecked();
    void realRunRevokesAndAuditsOneGroup();
    void cleanupTestCase();

private:
    QString createToken(const QString &name);
    QSet<QString> listedIds(const QString &account);
    int requestCount(const QByteArray &method) const;

    SandboxProcess m_sandbox;
    QTemporaryDir m_dir;
    CliRunner m_cli;
    SpecterUser m_user;
    QStringList m_created;
    QList<QByteArray> m_tokenValues;
};

void TestCliBreakGlass::initTestCase()
{
    TOKENDESK_START_CLI_SPECTER(m_sandbox, m_dir, m_cli, m_user, QStringLiteral("Lab"));
    // An account that cannot sign in: the same user with a wrong password.
    const CliRun broken = m_user.addAccount(m_cli, QStringLiteral("Broken"), m_user.wrongPassword);
    QVERIFY2(broken.exitCode == 0, broken.err.constData());
    for (int i = 0; i < 3; ++i) {
        const QString id = createToken(QStringLiteral("glass-%1").arg(i));
        QVERIFY(!id.isEmpty());
        m_created << id;
    }
}

QString TestCliBreakGlass::createToken(const QString &name)
{
    const CliRun run = m_cli.run({QStringLiteral("create"), QStringLiteral("Lab"), QStringLiteral("--name"), name,
        QStringLiteral("--expiry"), QStringLiteral("2 days"), QStringLiteral("--json")});
    if (run.exitCode != 0) {
        qWarning("create failed: %s", run.err.constData());
        return {};
    }
    const QJsonObject created = QJsonDocument::fromJson(run.out).object();
    m_tokenValues << created.value(QStringLiteral("token")).toString().toUtf8();
    return created.value(QStringLiteral("id")).toString();
}

QSet<QString> TestCliBreakGlass::listedIds(const QString &account)
{
    QSet<QString> ids;
    const CliRun run = m_cli.run({QStringLiteral("tokens"), account, QStringLiteral("--json")});
    if (run.exitCode != 0)
        qWarning("tokens failed: %s", run.err.constData());
    for (const QJsonValue &entry : QJsonDocument::fromJson(run.out).array())
        ids.insert(entry.toObject().value(QStringLiteral("id")).toString());
    return ids;
}

int TestCliBreakGlass::requestCount(const QByteArray &method) const
{
    QFile file(QDir(m_dir.path()).filePath(QStringLiteral("requests.log")));
    if (!file.open(QIODevice::ReadOnly))
        return 0;
    int count = 0;
    const QByteArray needle = "\"method\":\"" + method + '"';
    for (const QByteArray &line : file.readAll().split('\n'))
        count += line.contains(needle) ? 1 : 0;
    return count;
}

void TestCliBreakGlass::usageErrors()
{
    QCOMPARE(m_cli.run({QStringLiteral("break-glass")}).exitCode, 2);
    QCOMPARE(m_cli.run({QStringLiteral("break-glass"), QStringLiteral("a"), QStringLiteral("b")}).exitCode, 2);
    QCOMPARE(m_cli.run({QStringLiteral("break-glass"), QStringLiteral("a"), QStringLiteral("--bogus")}).exitCode, 2);
    const CliRun missing = m_cli.run(
        {QStringLiteral("break-glass"), m_user.username, QStringLiteral("--account"), QStringLiteral("Nope")});
    QCOMPARE(missing.exitCode, 4);
    QVERIFY(missing.err.contains("Nope"));
}

void TestCliBreakGlass::dryRunMakesNoCalls()
{
    const int getsBefore = requestCount("GET");
    const int deletesBefore = requestCount("DELETE");
    QVERIFY(requestCount("POST") >= m_created.size()); // the log is written at all: the creates are in it
    const CliRun run = m_cli.run({QStringLiteral("break-glass"), m_user.username, QStringLiteral("--dry-run"),
        QStringLiteral("--account"), QStringLiteral("Lab"), QStringLiteral("--json")});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const QJsonObject result = QJsonDocument::fromJson(run.out).object();
    QCOMPARE(result.value(QStringLiteral("dry_run")).toBool(), true);
    QCOMPARE(result.value(QStringLiteral("subject")).toString(), m_user.username);
    QVERIFY(result.value(QStringLiteral("not_checked")).toArray().isEmpty());
    QSet<QString> planned;
    for (const QJsonValue &value : result.value(QStringLiteral("steps")).toArray()) {
        const QJsonObject step = value.toObject();
        QCOMPARE(step.value(QStringLiteral("account")).toString(), QStringLiteral("Lab"));
        const QString call = step.value(QStringLiteral("call")).toString();
        QVERIFY2(call.startsWith(QStringLiteral("DELETE ") + m_user.baseUrl), qPrintable(call));
        planned.insert(step.value(QStringLiteral("target")).toString());
        QVERIFY(call.contains(step.value(QStringLiteral("target")).toString()));
    }
    for (const QString &id : std::as_const(m_created))
        QVERIFY2(planned.contains(id), qPrintable(id));
    // Listing was needed to plan (one GET), but no revoke call was sent.
    QVERIFY(requestCount("GET") > getsBefore);
    QCOMPARE(requestCount("DELETE"), deletesBefore);
    const QSet<QString> still = listedIds(QStringLiteral("Lab"));
    for (const QString &id : std::as_const(m_created))
        QVERIFY(still.contains(id));

    // The human dry run prints every call too.
    const CliRun human = m_cli.run({QStringLiteral("break-glass"), m_user.username, QStringLiteral("--dry-run"),
        QStringLiteral("--account"), QStringLiteral("Lab")});
    QVERIFY2(human.exitCode == 0, human.err.constData());
    QVERIFY(human.out.contains("Dry run"));
    for (const QString &id : std::as_const(m_created))
        QVERIFY(human.out.contains(("/api/v1alpha/token/" + id).toUtf8()));
    QCOMPARE(requestCount("DELETE"), deletesBefore);
}

void TestCliBreakGlass::failingAccountIsNotChecked()
{
    const int deletesBefore = requestCount("DELETE");
    const CliRun run = m_cli.run(
        {QStringLiteral("break-glass"), m_user.username, QStringLiteral("--dry-run"), QStringLiteral("--json")});
    QCOMPARE(run.exitCode, 1);
    QCOMPARE(run.errLines().size(), 1);
    const QJsonObject result = QJsonDocument::fromJson(run.out).object();
    const QJsonArray notChecked = result.value(QStringLiteral("not_checked")).toArray();
    QCOMPARE(notChecked.size(), 1);
    QCOMPARE(notChecked.first().toObject().value(QStringLiteral("account")).toString(), QStringLiteral("Broken"));
    QVERIFY(!notChecked.first().toObject().value(QStringLiteral("reason")).toString().isEmpty());
    QVERIFY(!result.value(QStringLiteral("steps")).toArray().isEmpty()); // Lab was still checked
    QCOMPARE(requestCount("DELETE"), deletesBefore);
}

void TestCliBreakGlass::realRunRevokesAndAuditsOneGroup()
{
    const CliRun run = m_cli.run({QStringLiteral("break-glass"), m_user.username, QStringLiteral("--account"),
        QStringLiteral("Lab"), QStringLiteral("--json")});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const QJsonObject result = QJsonDocument::fromJson(run.out).object();
    QCOMPARE(result.value(QStringLiteral("dry_run")).toBool(), false);
    QCOMPARE(result.value(QStringLiteral("ok")).toBool(), true);
    const QString group = result.value(QStringLiteral("group")).toString();
    QVERIFY(!group.isEmpty());
    int steps = 0;
    for (const QJsonValue &value : result.value(QStringLiteral("steps")).toArray()) {
        const QJsonObject step = value.toObject();
        QCOMPARE(step.value(QStringLiteral("outcome")).toString(), QStringLiteral("succeeded"));
        QVERIFY(step.value(QStringLiteral("verification")).toString().contains(QStringLiteral("rejected")));
        ++steps;
    }
    QVERIFY(steps >= m_created.size());
    QVERIFY(requestCount("DELETE") >= steps);

    const QSet<QString> left = listedIds(QStringLiteral("Lab"));
    for (const QString &id : std::as_const(m_created))
        QVERIFY(!left.contains(id));

    // A second run finds nothing left and exits 0.
    const CliRun again =
        m_cli.run({QStringLiteral("break-glass"), m_user.username, QStringLiteral("--account"), QStringLiteral("Lab")});
    QVERIFY2(again.exitCode == 0, again.err.constData());

    // Audit: one break-glass summary naming the subject, and one entry per revoked token in the same group.
    const CliRun audit = m_cli.run({QStringLiteral("audit"), QStringLiteral("--json")});
    QVERIFY2(audit.exitCode == 0, audit.err.constData());
    int summaries = 0;
    int grouped = 0;
    for (const QJsonValue &value : QJsonDocument::fromJson(audit.out).array()) {
        const QJsonObject entry = value.toObject();
        if (entry.value(QStringLiteral("action")).toString() == QStringLiteral("break-glass")) {
            ++summaries;
            QCOMPARE(entry.value(QStringLiteral("group")).toString(), group);
            QCOMPARE(entry.value(QStringLiteral("target")).toString(), m_user.username);
            QCOMPARE(entry.value(QStringLiteral("outcome")).toString(), QStringLiteral("success"));
        }
        if (entry.value(QStringLiteral("group")).toString() == group)
            ++grouped;
    }
    QCOMPARE(summaries, 1);
    QCOMPARE(grouped, steps + 1);
}

void TestCliBreakGlass::cleanupTestCase()
{
    m_sandbox.stop();
    QVERIFY(!m_user.passwordPrinted(m_cli));
    for (const QByteArray &value : std::as_const(m_tokenValues))
        QCOMPARE(m_cli.printedCount(value), 1);
}

QTEST_GUILESS_MAIN(TestCliBreakGlass)
#include "tst_cli_breakglass.moc"
