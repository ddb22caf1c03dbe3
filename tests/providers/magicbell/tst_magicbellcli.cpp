#include "CliRunner.h"
#include "MagicBellEmulator.h"
#include "SandboxServer.h"
#include "TestPaths.h"

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
    auto emulator = std::make_unique<MagicBellEmulator>();
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
    const Run listed =
        cli({QStringLiteral("--secrets-stdin"), QStringLiteral("tokens"), QStringLiteral("mb")}, secretsLine());
    QCOMPARE(listed.exitCode, 4);
    QVERIFY(!listed.err.isEmpty());
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
