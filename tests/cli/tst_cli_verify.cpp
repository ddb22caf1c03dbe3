#include "CliRunner.h"
#include "SandboxProcess.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

// `tokendesk-cli verify ACCOUNT --token-stdin` end to end against a
// tokendesk-sandbox process (Specter): still accepted before the revoke (exit 1), rejected after it (exit 0),
// the value only from stdin and never printed.
class TestCliVerify : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void acceptedThenRejected();
    void valueNeverOnTheCommandLine();
    void notAJwtIsAnError();
    void unsupportedService();

private:
    SandboxProcess m_sandbox;
    QTemporaryDir m_dir;
    CliRunner m_cli;
    SpecterUser m_user;
};

void TestCliVerify::initTestCase()
{
    TOKENDESK_START_CLI_SPECTER(m_sandbox, m_dir, m_cli, m_user, QStringLiteral("lab"));
}

void TestCliVerify::acceptedThenRejected()
{
    CliRun run = m_cli.run({QStringLiteral("create"), QStringLiteral("lab"), QStringLiteral("--name"),
        QStringLiteral("verify me"), QStringLiteral("--expiry"), QStringLiteral("2 hours"), QStringLiteral("--json")});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const QJsonObject created = QJsonDocument::fromJson(run.out).object();
    const QString id = created.value(QStringLiteral("id")).toString();
    const QByteArray value = created.value(QStringLiteral("token")).toString().toUtf8();
    QCOMPARE(value.count('.'), 2);

    const QStringList verify = {QStringLiteral("verify"), QStringLiteral("lab"), QStringLiteral("--token-stdin")};
    run = m_cli.run(verify, value + "\n");
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.out.startsWith("still accepted by the server: "), run.out.constData());
    QVERIFY(run.out.contains("v2.1.11"));

    run = m_cli.run(
        {QStringLiteral("verify"), QStringLiteral("lab"), QStringLiteral("--token-stdin"), QStringLiteral("--json")},
        value + "\n");
    QCOMPARE(run.exitCode, 1);
    const QJsonObject accepted = QJsonDocument::fromJson(run.out).object();
    QCOMPARE(accepted.value(QStringLiteral("verdict")).toString(), QStringLiteral("accepted"));
    QCOMPARE(accepted.value(QStringLiteral("token_id")).toString(), id);

    run = m_cli.run({QStringLiteral("revoke"), QStringLiteral("lab"), id});
    QVERIFY2(run.exitCode == 0, run.err.constData());

    run = m_cli.run(verify, value + "\n");
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QCOMPARE(run.out.trimmed(), QByteArray("rejected by the server"));
    QVERIFY(run.err.isEmpty());

    // The value was printed once, by create, and never by verify.
    QCOMPARE(m_cli.printedCount(value), 1);
}

void TestCliVerify::valueNeverOnTheCommandLine()
{
    const QByteArray fake = "eyJhbGciOiJIUzI1NiJ9.eyJ1c2VybmFtZSI6ImFkbWluIn0.c2VjcmV0LXNpZ25hdHVyZQ";
    CliRun run = m_cli.run(
        {QStringLiteral("verify"), QStringLiteral("lab"), QStringLiteral("--token"), QString::fromLatin1(fake)});
    QCOMPARE(run.exitCode, 2);
    QCOMPARE(run.errLines().size(), 1);
    QVERIFY(!run.out.contains(fake) && !run.err.contains(fake));
    run =
        m_cli.run({QStringLiteral("verify"), QStringLiteral("lab"), QStringLiteral("--token=") + QLatin1String(fake)});
    QCOMPARE(run.exitCode, 2);
    QVERIFY(!run.out.contains(fake) && !run.err.contains(fake));
    // Without --token-stdin, or with nothing on stdin: usage errors.
    run = m_cli.run({QStringLiteral("verify"), QStringLiteral("lab")});
    QCOMPARE(run.exitCode, 2);
    QVERIFY(run.err.contains("--token-stdin"));
    run = m_cli.run({QStringLiteral("verify"), QStringLiteral("lab"), QStringLiteral("--token-stdin")});
    QCOMPARE(run.exitCode, 2);
}

void TestCliVerify::notAJwtIsAnError()
{
    const QByteArray garbage = "not-a-jwt-" + QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
    const CliRun run =
        m_cli.run({QStringLiteral("verify"), QStringLiteral("lab"), QStringLiteral("--token-stdin")}, garbage + "\n");
    QCOMPARE(run.exitCode, 2); // InvalidInput, nothing sent
    QCOMPARE(run.errLines().size(), 1);
    QVERIFY(run.err.contains("JWT"));
    QVERIFY(run.out.isEmpty());
    QVERIFY(!run.err.contains(garbage));
}

void TestCliVerify::unsupportedService()
{
    const QJsonObject svix = m_sandbox.service(QStringLiteral("svix"));
    if (svix.isEmpty())
        QSKIP("the sandbox has no Svix emulator");
    CliRun run = addCliAccount(m_cli, QStringLiteral("svix"), QStringLiteral("sv"),
        svix.value(QStringLiteral("base_url")).toString(),
        "api_key=" + svix.value(QStringLiteral("api_key")).toString().toUtf8() + "\n",
        {QStringLiteral("--option"), QStringLiteral("session_id=cli-admin")});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    run = m_cli.run({QStringLiteral("verify"), QStringLiteral("sv"), QStringLiteral("--token-stdin")}, "x.y.z\n");
    QCOMPARE(run.exitCode, 4); // NotSupported
    QVERIFY2(run.err.contains("cannot check"), run.err.constData());
}

QTEST_GUILESS_MAIN(TestCliVerify)
#include "tst_cli_verify.moc"
