#include "CliRunner.h"
#include "SandboxProcess.h"

#include <QDateTime>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

// tokendesk-cli end to end against a tokendesk-sandbox process (Specter emulator): create, list, show,
// revoke, a bad lifetime and a wrong password, with every output checked for secrets.
class TestCliSpecter : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void createListShowRevoke();
    void humanOutput();
    void badLifetime();
    void monthsBecomeDays();
    void wrongPassword();
    void loginAndUnsupportedOperations();
    void auditRecordsActions();
    void cleanupTestCase();

private:
    QJsonArray tokensJson(const QString &account);

    SandboxProcess m_sandbox;
    QTemporaryDir m_dir;
    CliRunner m_cli;
    SpecterUser m_user;
    QList<QByteArray> m_tokenValues;
};

void TestCliSpecter::initTestCase()
{
    TOKENDESK_START_CLI_SPECTER(m_sandbox, m_dir, m_cli, m_user, QStringLiteral("Specter"));
    // An account that cannot sign in: the same user with a wrong password.
    const CliRun broken = m_user.addAccount(m_cli, QStringLiteral("Wrong"), m_user.wrongPassword);
    QVERIFY2(broken.exitCode == 0, broken.err.constData());
}

QJsonArray TestCliSpecter::tokensJson(const QString &account)
{
    const CliRun run = m_cli.run({QStringLiteral("tokens"), account, QStringLiteral("--json")});
    if (run.exitCode != 0)
        qWarning("tokens failed: %s", run.err.constData());
    return QJsonDocument::fromJson(run.out).array();
}

void TestCliSpecter::createListShowRevoke()
{
    // Long enough to be "active" (under 24 h left counts as "expiring").
    constexpr qint64 Lifetime = 2 * 24 * 3600;
    const QString name = QStringLiteral("ci ") + QUuid::createUuid().toString(QUuid::WithoutBraces).left(8);
    CliRun run = m_cli.run({QStringLiteral("create"), QStringLiteral("Specter"), QStringLiteral("--name"), name,
        QStringLiteral("--expiry"), QStringLiteral("2 days"), QStringLiteral("--json")});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const QJsonObject created = QJsonDocument::fromJson(run.out).object();
    const QString id = created.value(QStringLiteral("id")).toString();
    const QByteArray value = created.value(QStringLiteral("token")).toString().toUtf8();
    QVERIFY(!id.isEmpty());
    QCOMPARE(value.count('.'), 2); // a JWT
    m_tokenValues << value;
    QCOMPARE(created.value(QStringLiteral("name")).toString(), name);
    const QDateTime expires =
        QDateTime::fromString(created.value(QStringLiteral("expires_at")).toString(), Qt::ISODate);
    QVERIFY(expires.isValid());
    QVERIFY(qAbs(QDateTime::currentDateTimeUtc().secsTo(expires) - Lifetime) < 120);
    QCOMPARE(m_cli.printedCount(value), 1); // only in create's output

    QJsonObject listed;
    for (const QJsonValue &entry : tokensJson(QStringLiteral("Specter"))) {
        if (entry.toObject().value(QStringLiteral("id")).toString() == id)
            listed = entry.toObject();
    }
    QVERIFY(!listed.isEmpty());
    QCOMPARE(listed.value(QStringLiteral("name")).toString(), name);
    QCOMPARE(listed.value(QStringLiteral("status")).toString(), QStringLiteral("active"));
    const qint64 remaining = listed.value(QStringLiteral("remaining_seconds")).toInteger();
    QVERIFY2(remaining > Lifetime - 120 && remaining <= Lifetime, QByteArray::number(remaining).constData());
    for (const char *key : {"id", "name", "kind", "subject", "created_at", "expires_at", "remaining_seconds", "status"})
        QVERIFY2(listed.contains(QLatin1String(key)), key);

    run = m_cli.run({QStringLiteral("show"), QStringLiteral("Specter"), id, QStringLiteral("--json")});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const QJsonObject shown = QJsonDocument::fromJson(run.out).object();
    QCOMPARE(shown.value(QStringLiteral("id")).toString(), id);
    QCOMPARE(shown.value(QStringLiteral("status")).toString(), QStringLiteral("active"));

    run = m_cli.run({QStringLiteral("revoke"), QStringLiteral("Specter"), id, QStringLiteral("--json")});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const QJsonArray revoked = QJsonDocument::fromJson(run.out).array();
    QCOMPARE(revoked.size(), 1);
    QCOMPARE(revoked.first().toObject().value(QStringLiteral("id")).toString(), id);
    QCOMPARE(revoked.first().toObject().value(QStringLiteral("ok")).toBool(), true);
    QVERIFY(revoked.first().toObject().value(QStringLiteral("error")).isNull());

    for (const QJsonValue &entry : tokensJson(QStringLiteral("Specter")))
        QVERIFY(entry.toObject().value(QStringLiteral("id")).toString() != id);

    // Revoking it again: not found, exit 4, one stderr line, JSON still reports it.
    run = m_cli.run({QStringLiteral("revoke"), QStringLiteral("Specter"), id, QStringLiteral("--json")});
    QCOMPARE(run.exitCode, 4);
    QCOMPARE(run.errLines().size(), 1);
    const QJsonArray again = QJsonDocument::fromJson(run.out).array();
    QCOMPARE(again.size(), 1);
    QCOMPARE(again.first().toObject().value(QStringLiteral("ok")).toBool(), false);
    QVERIFY(again.first().toObject().value(QStringLiteral("error")).isString());
}

void TestCliSpecter::humanOutput()
{
    const QString name = QStringLiteral("human ") + QUuid::createUuid().toString(QUuid::WithoutBraces).left(8);
    CliRun run = m_cli.run({QStringLiteral("create"), QStringLiteral("Specter"), QStringLiteral("--name"), name,
        QStringLiteral("--expiry"), QStringLiteral("30 minutes")});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const QList<QByteArray> lines = run.out.trimmed().split('\n');
    QVERIFY(lines.size() >= 2);
    const QByteArray value = lines.at(1).trimmed();
    QCOMPARE(value.count('.'), 2); // the value, once, on its own line
    m_tokenValues << value;
    QCOMPARE(m_cli.printedCount(value), 1);

    run = m_cli.run({QStringLiteral("tokens"), QStringLiteral("Specter")});
    QCOMPARE(run.exitCode, 0);
    QVERIFY(run.out.startsWith("ID"));
    QVERIFY(run.out.contains(name.toUtf8()));
    QVERIFY(!run.out.contains(value));
}

void TestCliSpecter::badLifetime()
{
    const int before = tokensJson(QStringLiteral("Specter")).size();
    const CliRun run = m_cli.run({QStringLiteral("create"), QStringLiteral("Specter"), QStringLiteral("--name"),
        QStringLiteral("bad lifetime"), QStringLiteral("--expiry"), QStringLiteral("3 fortnights")});
    QCOMPARE(run.exitCode, 2); // an invalid value found before anything is sent is a usage error
    QCOMPARE(run.errLines().size(), 1);
    QVERIFY2(run.err.contains("--expiry"), run.err.constData());
    QVERIFY(run.out.isEmpty());
    QCOMPARE(tokensJson(QStringLiteral("Specter")).size(), before);
}

// Specter does not read "3 months"; the CLI sends it as 90 days (a month counts as 30).
void TestCliSpecter::monthsBecomeDays()
{
    const QString name = QStringLiteral("months ") + QUuid::createUuid().toString(QUuid::WithoutBraces).left(8);
    const CliRun run = m_cli.run({QStringLiteral("create"), QStringLiteral("Specter"), QStringLiteral("--name"), name,
        QStringLiteral("--expiry"), QStringLiteral("3 months"), QStringLiteral("--json")});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const QJsonObject created = QJsonDocument::fromJson(run.out).object();
    m_tokenValues << created.value(QStringLiteral("token")).toString().toUtf8();
    const QDateTime expires =
        QDateTime::fromString(created.value(QStringLiteral("expires_at")).toString(), Qt::ISODate);
    QVERIFY(expires.isValid());
    QVERIFY(qAbs(QDateTime::currentDateTimeUtc().secsTo(expires) - 90 * 86400) < 120);
}

void TestCliSpecter::wrongPassword()
{
    CliRun run = m_cli.run({QStringLiteral("tokens"), QStringLiteral("Wrong")});
    QCOMPARE(run.exitCode, 3);
    QCOMPARE(run.errLines().size(), 1);
    QVERIFY(run.out.isEmpty());

    run = m_cli.run({QStringLiteral("create"), QStringLiteral("Wrong"), QStringLiteral("--name"), QStringLiteral("x"),
        QStringLiteral("--expiry"), QStringLiteral("1 hour"), QStringLiteral("--json")});
    QCOMPARE(run.exitCode, 3);
    QCOMPARE(run.errLines().size(), 1);

    // The right password given on stdin for this run only works, and is not stored.
    run = m_cli.run({QStringLiteral("--secrets-stdin"), QStringLiteral("tokens"), QStringLiteral("Wrong")},
        "password=" + m_user.password + "\n");
    QVERIFY2(run.exitCode == 0, run.err.constData());
    run = m_cli.run({QStringLiteral("--password-stdin"), QStringLiteral("tokens"), QStringLiteral("Wrong")},
        m_user.password + "\n");
    QVERIFY2(run.exitCode == 0, run.err.constData());
    run = m_cli.run({QStringLiteral("tokens"), QStringLiteral("Wrong")});
    QCOMPARE(run.exitCode, 3);
}

void TestCliSpecter::loginAndUnsupportedOperations()
{
    // Specter has no sign-in: login checks the credentials.
    CliRun run = m_cli.run({QStringLiteral("login"), QStringLiteral("Specter")});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    run = m_cli.run({QStringLiteral("login"), QStringLiteral("Wrong")});
    QCOMPARE(run.exitCode, 3);
    QCOMPARE(run.errLines().size(), 1);

    // Operations Specter does not offer: one stderr line, exit 4 (not available).
    const QList<QStringList> unsupported = {{QStringLiteral("logout"), QStringLiteral("Specter")},
        {QStringLiteral("revoke-all"), QStringLiteral("Specter"), QStringLiteral("--app"), QStringLiteral("app_1")},
        {QStringLiteral("show"), QStringLiteral("Specter"), QStringLiteral("current")}};
    for (const QStringList &arguments : unsupported) {
        run = m_cli.run(arguments);
        QVERIFY2(run.exitCode == 4, qPrintable(arguments.join(QLatin1Char(' '))));
        QCOMPARE(run.errLines().size(), 1);
        QVERIFY(run.out.isEmpty());
    }
}

void TestCliSpecter::auditRecordsActions()
{
    const CliRun run = m_cli.run({QStringLiteral("audit"), QStringLiteral("--json")});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const QJsonArray entries = QJsonDocument::fromJson(run.out).array();
    const QSet<QString> seen = auditOutcomes(run.out);
    QVERIFY(seen.contains(QStringLiteral("Specter/create/success")));
    QVERIFY(seen.contains(QStringLiteral("Specter/revoke/success")));
    QVERIFY(seen.contains(QStringLiteral("Specter/revoke/failure")));
    QVERIFY(seen.contains(QStringLiteral("Wrong/create/failure")));

    // A revoke writes what the window's revoke writes: each call under one group id, then the group's summary.
    QHash<QString, QString> summaries; // group id -> outcome of its "bulk-revoke" entry
    QStringList revokeGroups;
    for (const QJsonValue &value : entries) {
        const QJsonObject entry = value.toObject();
        const QString action = entry.value(QStringLiteral("action")).toString();
        const QString group = entry.value(QStringLiteral("group")).toString();
        if (action == QLatin1String("bulk-revoke"))
            summaries.insert(group, entry.value(QStringLiteral("outcome")).toString());
        else if (action == QLatin1String("revoke"))
            revokeGroups.append(group);
    }
    QVERIFY(!revokeGroups.isEmpty());
    for (const QString &group : std::as_const(revokeGroups)) {
        QVERIFY2(!group.isEmpty(), "a revoke without its group");
        QVERIFY2(summaries.contains(group), qPrintable(group));
    }
    QVERIFY(summaries.values().contains(QStringLiteral("success")));
    QVERIFY(summaries.values().contains(QStringLiteral("failure")));

    const CliRun csv = m_cli.run({QStringLiteral("audit"), QStringLiteral("--csv"), QStringLiteral("--since"),
        QDateTime::currentDateTimeUtc().addSecs(-3600).toString(Qt::ISODate)});
    QCOMPARE(csv.exitCode, 0);
    QVERIFY(csv.out.split('\n').size() > 4);
}

void TestCliSpecter::cleanupTestCase()
{
    m_sandbox.stop();
    // No run printed a password; each created token value appeared exactly once (in create's output).
    QVERIFY(!m_user.passwordPrinted(m_cli));
    for (const QByteArray &value : std::as_const(m_tokenValues))
        QCOMPARE(m_cli.printedCount(value), 1);
}

QTEST_GUILESS_MAIN(TestCliSpecter)
#include "tst_cli_specter.moc"
