#include "CliRunner.h"
#include "MagicBellEmulator.h"
#include "SandboxServer.h"
#include "TestPaths.h"
#include "core/UtcTime.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

// tokendesk-cli end to end against an in-process MagicBell sandbox. Secrets go on stdin, never in argv.
class TestMagicBellCli : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void listCreateAndDiscard();
    void userTokens();
    void notAvailableExitCode();
    void signedUserTokens();
    void unauthorizedExitCode();
    void pageCapWarningOnStderr();

private:
    using Run = CliRun;
    Run cli(const QStringList &arguments, const QByteArray &stdinData = {});
    QByteArray secretsLine() const { return "token=" + m_token.toUtf8() + '\n'; }

    std::unique_ptr<QTemporaryDir> m_config;
    std::unique_ptr<SandboxServer> m_sandbox;
    MagicBellEmulator *m_emulator = nullptr;
    QString m_token;
};

void TestMagicBellCli::initTestCase()
{
    if (!QFileInfo::exists(TestPaths::cliExecutable()))
        QSKIP("tokendesk-cli is not built");
}

void TestMagicBellCli::init()
{
    m_config = std::make_unique<QTemporaryDir>();
    QVERIFY(m_config->isValid());
    m_sandbox = std::make_unique<SandboxServer>();
    auto emulator = std::make_unique<MagicBellEmulator>(true); // the legacy /jwt routes
    m_emulator = emulator.get();
    m_sandbox->addEmulator(std::move(emulator));
    QVERIFY(m_sandbox->listen());
    m_sandbox->seedTokens(3);
    const QJsonObject info = m_emulator->readyInfo(m_sandbox->url());
    m_token = info.value(QLatin1String("token")).toString();
    const Run added = cli({QStringLiteral("account"), QStringLiteral("add"), QStringLiteral("--provider"),
        QStringLiteral("magicbell"), QStringLiteral("--name"), QStringLiteral("mb"), QStringLiteral("--url"),
        info.value(QLatin1String("base_url")).toString()});
    QVERIFY2(added.exitCode == 0, added.err.constData());
}

void TestMagicBellCli::cleanup()
{
    m_sandbox.reset();
    m_emulator = nullptr;
    m_config.reset();
}

TestMagicBellCli::Run TestMagicBellCli::cli(const QStringList &arguments, const QByteArray &stdinData)
{
    CliRunner runner(m_config->path());
    runner.setSandboxInProcess(true);
    return runner.run(arguments, stdinData, 30'000);
}

void TestMagicBellCli::listCreateAndDiscard()
{
    const Run listed =
        cli({QStringLiteral("--secrets-stdin"), QStringLiteral("tokens"), QStringLiteral("mb")}, secretsLine());
    QVERIFY2(listed.exitCode == 0, listed.err.constData());
    QVERIFY(listed.out.contains("Seed token 1"));
    QVERIFY(listed.out.contains("Seed token 3"));

    const Run created =
        cli({QStringLiteral("--secrets-stdin"), QStringLiteral("--json"), QStringLiteral("create"),
                QStringLiteral("mb"), QStringLiteral("--kind"), QStringLiteral("project"), QStringLiteral("--name"),
                QStringLiteral("From the CLI"), QStringLiteral("--expiry"), QStringLiteral("2 hours")},
            secretsLine());
    QVERIFY2(created.exitCode == 0, created.err.constData());
    QCOMPARE(m_emulator->tokenCount(QStringLiteral("project")), 4);

    const Run again = cli(
        {QStringLiteral("--secrets-stdin"), QStringLiteral("--json"), QStringLiteral("tokens"), QStringLiteral("mb")},
        secretsLine());
    QVERIFY2(again.exitCode == 0, again.err.constData());
    QVERIFY(again.out.contains("From the CLI"));
}

void TestMagicBellCli::userTokens()
{
    const Run listed = cli({QStringLiteral("--secrets-stdin"), QStringLiteral("tokens"), QStringLiteral("mb"),
                               QStringLiteral("--user"), QString::fromLatin1(MagicBellEmulator::DemoUserExternalId)},
        secretsLine());
    QVERIFY2(listed.exitCode == 0, listed.err.constData());
    QVERIFY(listed.out.contains("Hana's web app"));

    const Run created = cli(
        {QStringLiteral("--secrets-stdin"), QStringLiteral("create"), QStringLiteral("mb"), QStringLiteral("--kind"),
            QStringLiteral("user"), QStringLiteral("--external-id"), QStringLiteral("cli-user")},
        secretsLine());
    QVERIFY2(created.exitCode == 0, created.err.constData());
    QCOMPARE(m_emulator->tokenCount(QStringLiteral("user")), 4);

    // Neither email nor external id: refused locally with a usage-style failure.
    const Run refused =
        cli({QStringLiteral("--secrets-stdin"), QStringLiteral("create"), QStringLiteral("mb"),
                QStringLiteral("--kind"), QStringLiteral("user"), QStringLiteral("--name"), QStringLiteral("nobody")},
            secretsLine());
    QVERIFY(refused.exitCode != 0);
    QCOMPARE(m_emulator->tokenCount(QStringLiteral("user")), 4);
}

void TestMagicBellCli::notAvailableExitCode()
{
    m_emulator->setJwtRoutesEnabled(false);
    // The project list is gone: the account still lists (the user tokens signed here), with a warning.
    const Run listed =
        cli({QStringLiteral("--secrets-stdin"), QStringLiteral("tokens"), QStringLiteral("mb")}, secretsLine());
    QCOMPARE(listed.exitCode, 0);
    QVERIFY2(listed.err.contains("does not offer this"), listed.err.constData());
    // What addresses the gone routes directly still fails as not available.
    const Run created =
        cli({QStringLiteral("--secrets-stdin"), QStringLiteral("create"), QStringLiteral("mb"),
                QStringLiteral("--kind"), QStringLiteral("project"), QStringLiteral("--name"), QStringLiteral("x")},
            secretsLine());
    QCOMPARE(created.exitCode, 4);
    QVERIFY(!created.err.isEmpty());
}

void TestMagicBellCli::signedUserTokens()
{
    // Today's MagicBell: no /jwt routes. The secret key comes on stdin, the API key is an account option.
    m_emulator->setJwtRoutesEnabled(false);
    const Run added = cli({QStringLiteral("account"), QStringLiteral("add"), QStringLiteral("--provider"),
        QStringLiteral("magicbell"), QStringLiteral("--name"), QStringLiteral("today"), QStringLiteral("--url"),
        m_emulator->readyInfo(m_sandbox->url()).value(QLatin1String("base_url")).toString(), QStringLiteral("--option"),
        QStringLiteral("project_api_key=") + QString::fromLatin1(MagicBellEmulator::DemoApiKey)});
    QVERIFY2(added.exitCode == 0, added.err.constData());
    const QByteArray secrets = secretsLine() + "secret_key=" + m_emulator->secretKey().toUtf8() + '\n';

    const Run created = cli(
        {QStringLiteral("--secrets-stdin"), QStringLiteral("--json"), QStringLiteral("create"), QStringLiteral("today"),
            QStringLiteral("--kind"), QStringLiteral("signed-user"), QStringLiteral("--user-email"),
            QStringLiteral("hana@example.com"), QStringLiteral("--expiry"), QStringLiteral("1 day")},
        secrets);
    QVERIFY2(created.exitCode == 0, created.err.constData());
    const QJsonObject answer = QJsonDocument::fromJson(created.out).object();
    const QString value = answer.value(QLatin1String("token")).toString();
    QCOMPARE(value.count(QLatin1Char('.')), 2);
    const QString id = answer.value(QLatin1String("id")).toString();
    QVERIFY(!id.isEmpty());
    QVERIFY(QJsonDocument(answer.value(QLatin1String("notes")).toArray()).toJson().contains("cannot revoke"));
    const QJsonObject claims = QJsonDocument::fromJson(
        QByteArray::fromBase64(value.section(QLatin1Char('.'), 1, 1).toLatin1(), QByteArray::Base64UrlEncoding))
                                   .object();
    QCOMPARE(claims.value(QLatin1String("user_email")).toString(), QStringLiteral("hana@example.com"));
    QCOMPARE(claims.value(QLatin1String("api_key")).toString(), QString::fromLatin1(MagicBellEmulator::DemoApiKey));
    QVERIFY(m_sandbox->requestLog().isEmpty()); // signed locally

    // Listed from the ledger, with its expiry, counting down.
    const Run listed = cli({QStringLiteral("--secrets-stdin"), QStringLiteral("--json"), QStringLiteral("tokens"),
                               QStringLiteral("today")},
        secrets);
    QVERIFY2(listed.exitCode == 0, listed.err.constData());
    QVERIFY(!listed.out.contains(value.toUtf8())); // never the value again
    bool found = false;
    for (const QJsonValue &entry : QJsonDocument::fromJson(listed.out).array()) {
        const QJsonObject token = entry.toObject();
        if (token.value(QLatin1String("id")).toString() != id)
            continue;
        found = true;
        QCOMPARE(token.value(QLatin1String("kind")).toString(), QStringLiteral("signed-user"));
        QCOMPARE(token.value(QLatin1String("expires_at")).toString(),
            UtcTime::fromSecs(qint64(claims.value(QLatin1String("exp")).toDouble())).toString(Qt::ISODate));
        const double remaining = token.value(QLatin1String("remaining_seconds")).toDouble();
        QVERIFY(remaining > 86300 && remaining <= 86400);
    }
    QVERIFY(found);

    // Revoke is refused with the reason: exit 4, nothing sent.
    const Run revoked =
        cli({QStringLiteral("--secrets-stdin"), QStringLiteral("revoke"), QStringLiteral("today"), id}, secrets);
    QCOMPARE(revoked.exitCode, 4);
    QVERIFY2(revoked.err.contains("cannot revoke"), revoked.err.constData());
    QVERIFY2(revoked.err.contains("secret key"), revoked.err.constData());
    for (const SandboxLogEntry &entry : m_sandbox->requestLog())
        QVERIFY(entry.method != "DELETE");
}

void TestMagicBellCli::unauthorizedExitCode()
{
    m_token = QStringLiteral("eyJhbGciOiJIUzI1NiJ9.eyJ0eXBlIjoicHJvamVjdCJ9.wrong");
    const Run listed =
        cli({QStringLiteral("--secrets-stdin"), QStringLiteral("tokens"), QStringLiteral("mb")}, secretsLine());
    QCOMPARE(listed.exitCode, 3);
}

void TestMagicBellCli::pageCapWarningOnStderr()
{
    // 25 project tokens are two pages of the emulator's default 20; the account caps the list at one page.
    m_sandbox->seedTokens(22);
    QCOMPARE(m_emulator->tokenCount(QStringLiteral("project")), 25);
    const QJsonObject info = m_emulator->readyInfo(m_sandbox->url());
    const Run added = cli({QStringLiteral("account"), QStringLiteral("add"), QStringLiteral("--provider"),
        QStringLiteral("magicbell"), QStringLiteral("--name"), QStringLiteral("capped"), QStringLiteral("--url"),
        info.value(QLatin1String("base_url")).toString(), QStringLiteral("--option"), QStringLiteral("max_pages=1")});
    QVERIFY2(added.exitCode == 0, added.err.constData());

    const Run listed = cli({QStringLiteral("--secrets-stdin"), QStringLiteral("--json"), QStringLiteral("tokens"),
                               QStringLiteral("capped")},
        secretsLine());
    // The list still succeeds with the first page; the warning goes to stderr, never into the JSON.
    QVERIFY2(listed.exitCode == 0, listed.err.constData());
    const QJsonArray tokens = QJsonDocument::fromJson(listed.out).array();
    QCOMPARE(tokens.size(), 20);
    QVERIFY2(listed.err.contains("warning:"), listed.err.constData());
    QVERIFY2(listed.err.contains("20"), listed.err.constData());
    QVERIFY(!listed.err.contains(m_token.toUtf8()));

    // Without the cap: all 25, no warning.
    const Run full = cli(
        {QStringLiteral("--secrets-stdin"), QStringLiteral("--json"), QStringLiteral("tokens"), QStringLiteral("mb")},
        secretsLine());
    QVERIFY2(full.exitCode == 0, full.err.constData());
    QCOMPARE(QJsonDocument::fromJson(full.out).array().size(), 25);
    QVERIFY(!full.err.contains("warning:"));
}

QTEST_GUILESS_MAIN(TestMagicBellCli)
#include "tst_magicbellcli.moc"
