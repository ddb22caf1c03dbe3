#include "FaultMatrix.h"
#include "SandboxProcess.h"
#include "TestPaths.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <vector>

// The fault matrix through the CLI: for every fault (FaultMatrix.h), a tokendesk-sandbox process started with
// --faults FAULT@/<service> for all four services, and one tokendesk-cli operation per provider against it
// (Specter tokens, MagicBell tokens, NetSapiens login, Svix create of a message token). Each run must end
// normally (no crash, no hang), with the exit code the error kind means, and a failure must print one readable
// line on stderr: no markup, no stack trace, no secret. The four providers run side by side to keep the test fast;
// their accounts use a 1 s transfer timeout (account option timeout_seconds) so that "hang" ends quickly.
namespace {

using namespace FaultMatrix;

struct ProviderCase
{
    QString provider;
    QStringList addArguments; // after "account add"
    QStringList operation; // after "--secrets-stdin"
    QByteArray secrets; // key=value lines for --secrets-stdin
};

// The exit codes an operation of `provider` may end with under `fault` (ApiError::exitCode of the expected kinds).
QSet<int> expectedExitCodes(const QString &provider, const QString &fault)
{
    const int status = statusOf(fault);
    if (provider == QLatin1String("specter") && status == 404)
        return {0, 4}; // contract: Specter's 404 is the empty list
    if (provider == QLatin1String("magicbell") && (status == 404 || status == 405))
        return {0}; // the /jwt routes are gone: the list is the locally signed tokens, with a warning
    if (status != 0)
        return {ApiError(ApiError::kindForStatus(status)).exitCode()};
    if (fault.startsWith(QLatin1String("delay=")))
        return {0};
    return {1}; // timeout, network, malformed, too large, server, redirect refused, rate limited
}

QString stderrProblem(const QByteArray &err, const QList<QByteArray> &secrets)
{
    for (const QByteArray &secret : secrets) {
        if (!secret.isEmpty() && err.contains(secret))
            return QStringLiteral("a secret on stderr");
    }
    const QString text = QString::fromUtf8(err);
    for (const char *noise : {"{", "}", "<", ">", "DOCTYPE", "terminate called", "Segmentation", "Aborted", "ASSERT",
             "what():", "#0 ", "0x"}) {
        if (text.contains(QLatin1String(noise)))
            return QStringLiteral("noise on stderr: ") + text;
    }
    return {};
}

} // namespace

class TestFaultMatrixCli : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void matrix_data();
    void matrix();
    void cleanupTestCase();

private:
    bool startSandbox(SandboxProcess &sandbox, const QString &fault);
    QList<ProviderCase> cases(const QJsonObject &services) const;

    QTemporaryDir m_dir;
    int m_runs = 0;
    quint16 m_port = 0;
    bool m_accountsAdded = false;
    int m_rows = 0;
};

void TestFaultMatrixCli::initTestCase()
{
    if (!QFile::exists(TestPaths::sandboxExecutable()))
        QSKIP("tokendesk-sandbox is not built");
    QVERIFY2(QFile::exists(TestPaths::cliExecutable()), qPrintable(TestPaths::cliExecutable()));
    QVERIFY(m_dir.isValid());
}

void TestFaultMatrixCli::cleanupTestCase()
{
    qInfo("cli fault matrix: 4 providers x %d faults = %d cases; %d CLI operations ran, %d faults ran to the end",
        int(allFaults().size()), 4 * int(allFaults().size()), m_runs, m_rows);
}

bool TestFaultMatrixCli::startSandbox(SandboxProcess &sandbox, const QString &fault)
{
    QStringList spec;
    for (const char *prefix : {"/specter", "/magicbell", "/netsapiens", "/svix"})
        spec.append(fault + QLatin1Char('@') + QLatin1String(prefix));
    // Seeded tokens, so that wrong-types has list items to spoil.
    // The first sandbox picks a free port; the next ones reuse it, so the accounts added once stay valid.
    if (!sandbox.start({QStringLiteral("--seed-tokens"), QStringLiteral("3"), QStringLiteral("--magicbell-jwt-routes"),
                           QStringLiteral("--faults"), spec.join(u',')},
            m_port))
        return false;
    if (m_port != 0 && sandbox.port() != m_port)
        return false;
    m_port = sandbox.port();
    return true;
}

QList<ProviderCase> TestFaultMatrixCli::cases(const QJsonObject &services) const
{
    auto info = [&services](const char *provider, const char *key) {
        return services.value(QLatin1String(provider)).toObject().value(QLatin1String(key)).toString();
    };
    auto urlOf = [&info](const char *provider) { return info(provider, "base_url"); };
    const QString timeout = QStringLiteral("timeout_seconds=1");
    QList<ProviderCase> list;
    list.append({QStringLiteral("specter"),
        {QStringLiteral("--provider"), QStringLiteral("specter"), QStringLiteral("--name"), QStringLiteral("acct"),
            QStringLiteral("--url"), urlOf("specter"), QStringLiteral("--option"),
            QStringLiteral("username=") + info("specter", "username"), QStringLiteral("--option"), timeout},
        {QStringLiteral("tokens"), QStringLiteral("acct")}, "password=" + info("specter", "password").toUtf8() + '\n'});
    list.append({QStringLiteral("magicbell"),
        {QStringLiteral("--provider"), QStringLiteral("magicbell"), QStringLiteral("--name"), QStringLiteral("acct"),
            QStringLiteral("--url"), urlOf("magicbell"), QStringLiteral("--option"), timeout},
        {QStringLiteral("tokens"), QStringLiteral("acct")}, "token=" + info("magicbell", "token").toUtf8() + '\n'});
    list.append({QStringLiteral("netsapiens"),
        {QStringLiteral("--provider"), QStringLiteral("netsapiens"), QStringLiteral("--name"), QStringLiteral("acct"),
            QStringLiteral("--url"), urlOf("netsapiens"), QStringLiteral("--option"),
            QStringLiteral("username=") + info("netsapiens", "username"), QStringLiteral("--option"),
            QStringLiteral("client_id=") + info("netsapiens", "client_id"), QStringLiteral("--option"), timeout},
        {QStringLiteral("login"), QStringLiteral("acct")},
        "password=" + info("netsapiens", "password").toUtf8()
            + "\nclient_secret=" + info("netsapiens", "client_secret").toUtf8() + '\n'});
    const QString app = services.value(QLatin1String("svix"))
                            .toObject()
                            .value(QLatin1String("app_ids"))
                            .toArray()
                            .at(0)
                            .toString(QStringLiteral("app_demo"));
    list.append({QStringLiteral("svix"),
        {QStringLiteral("--provider"), QStringLiteral("svix"), QStringLiteral("--name"), QStringLiteral("acct"),
            QStringLiteral("--url"), urlOf("svix"), QStringLiteral("--option"), timeout},
        {QStringLiteral("create"), QStringLiteral("acct"), QStringLiteral("--kind"), QStringLiteral("message"),
            QStringLiteral("--app"), app, QStringLiteral("--name"), QStringLiteral("fault check"),
            QStringLiteral("--expiry"), QStringLiteral("1 hour")},
        "api_key=" + info("svix", "api_key").toUtf8() + '\n'});
    return list;
}

void TestFaultMatrixCli::matrix_data()
{
    QTest::addColumn<QString>("fault");
    for (const QString &fault : allFaults())
        QTest::newRow(qPrintable(fault)) << fault;
}

void TestFaultMatrixCli::matrix()
{
    QFETCH(QString, fault);
    // The CLI honours a Retry-After of up to 60 s (ApiClient's default): a longer one makes it give up at once,
    // which keeps the run short and checks the same mapping.
    fault.replace(QStringLiteral("retry-after=%1").arg(RetryAfterSeconds), QStringLiteral("retry-after=120"));
    SandboxProcess sandbox; // stopped when the row ends
    QVERIFY2(startSandbox(sandbox, fault), qPrintable(sandbox.errorString()));
    const QList<ProviderCase> providerCases = cases(sandbox.services());
    QList<QByteArray> secrets;
    for (const ProviderCase &each : providerCases) {
        for (const QByteArray &line : each.secrets.split('\n')) {
            const qsizetype equals = line.indexOf('=');
            if (equals > 0)
                secrets.append(line.mid(equals + 1));
        }
    }

    // One configuration folder per provider (accounts added in the first row), so that the four operations run
    // side by side.
    const QString rowDir = m_dir.filePath(QStringLiteral("accounts"));
    std::vector<std::unique_ptr<QProcess>> processes;
    auto launch = [&processes](const QString &configDir, const QStringList &arguments, const QByteArray &input) {
        auto process = std::make_unique<QProcess>();
        process->setProgram(TestPaths::cliExecutable());
        process->setArguments(QStringList {QStringLiteral("--config"), configDir} + arguments);
        process->start();
        if (process->waitForStarted(10'000)) {
            if (!input.isEmpty())
                process->write(input);
            process->closeWriteChannel();
        }
        processes.push_back(std::move(process));
    };
    for (const ProviderCase &each : providerCases) {
        if (m_accountsAdded)
            break;
        const QString configDir = rowDir + QLatin1Char('/') + each.provider;
        QVERIFY(QDir().mkpath(configDir));
        launch(configDir, QStringList {QStringLiteral("account"), QStringLiteral("add")} + each.addArguments, {});
    }
    for (qsizetype i = 0; i < qsizetype(processes.size()); ++i) {
        QProcess &add = *processes.at(size_t(i));
        QVERIFY2(add.waitForFinished(30'000) && add.exitStatus() == QProcess::NormalExit && add.exitCode() == 0,
            qPrintable(providerCases.at(i).provider + QStringLiteral(" account add: ")
                + QString::fromUtf8(add.readAllStandardError())));
    }
    processes.clear();
    m_accountsAdded = true;
    for (const ProviderCase &each : providerCases) {
        launch(rowDir + QLatin1Char('/') + each.provider,
            QStringList {QStringLiteral("--secrets-stdin")} + each.operation, each.secrets);
    }

    for (qsizetype i = 0; i < providerCases.size(); ++i) {
        const QString &provider = providerCases.at(i).provider;
        QProcess &run = *processes.at(size_t(i));
        // 1 s transfer timeout, at most 2 retries with backoff: every run ends well within this guard.
        const bool finished = run.waitForFinished(30'000);
        if (!finished)
            run.kill();
        QVERIFY2(finished, qPrintable(provider + QStringLiteral(": the CLI did not finish")));
        QVERIFY2(run.exitStatus() == QProcess::NormalExit, qPrintable(provider + QStringLiteral(": the CLI crashed")));
        ++m_runs;
        const int code = run.exitCode();
        const QByteArray err = run.readAllStandardError();
        run.readAllStandardOutput();
        const QString problem = stderrProblem(err, secrets);
        QVERIFY2(problem.isEmpty(), qPrintable(provider + QStringLiteral(": ") + problem));
        const QSet<int> expected = expectedExitCodes(provider, fault);
        QVERIFY2(expected.contains(code),
            qPrintable(
                QStringLiteral("%1: exit code %2; stderr: %3").arg(provider).arg(code).arg(QString::fromUtf8(err))));
        if (code != 0) {
            const QList<QByteArray> lines = err.trimmed().split('\n');
            QVERIFY2(!err.trimmed().isEmpty(), qPrintable(provider + QStringLiteral(": a failure without a message")));
            QVERIFY2(lines.size() == 1, qPrintable(provider + QStringLiteral(": more than one line: ") + err));
        }
    }
    ++m_rows;
}

QTEST_GUILESS_MAIN(TestFaultMatrixCli)
#include "tst_faultmatrix_cli.moc"
