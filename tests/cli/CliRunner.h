#pragma once

#include "SandboxProcess.h"
#include "TestPaths.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QProcess>
#include <QProcessEnvironment>
#include <QSet>
#include <QSignalSpy>
#include <QString>
#include <QStringList>
#include <QTest>
#include <QUuid>

// Runs the built tokendesk-cli as a separate process with a test config directory, and keeps every byte it
// printed so a test can check at the end that no secret ever reached stdout or stderr.
struct CliRun
{
    int exitCode = -1; // -1 unless the CLI exited normally in time
    bool finished = false;
    qint64 elapsedMs = 0;
    QByteArray out;
    QByteArray err;

    QList<QByteArray> errLines() const
    {
        QList<QByteArray> lines = err.split('\n');
        while (!lines.isEmpty() && lines.constLast().isEmpty())
            lines.removeLast();
        return lines;
    }
};

class CliRunner
{
public:
    explicit CliRunner(const QString &configDir = {})
        : m_configDir(configDir)
    { }

    void setConfigDir(const QString &dir) { m_configDir = dir; }
    // For a sandbox in the test's own process: it answers from this thread, so the event loop must keep running
    // while the CLI works (waitForFinished() would block it).
    void setSandboxInProcess(bool inProcess) { m_sandboxInProcess = inProcess; }
    void setEnvironment(const QProcessEnvironment &environment) { m_environment = environment; }

    CliRun run(const QStringList &arguments, const QByteArray &stdinData = {}, int timeoutMs = 60'000)
    {
        QProcess process;
        QStringList args;
        if (!m_configDir.isEmpty())
            args << QStringLiteral("--config") << m_configDir;
        args << arguments;
        process.setProgram(TestPaths::cliExecutable());
        process.setArguments(args);
        if (!m_environment.isEmpty())
            process.setProcessEnvironment(m_environment);
        QSignalSpy finished(&process, &QProcess::finished);
        QElapsedTimer elapsed;
        elapsed.start();
        process.start();
        CliRun run;
        if (!process.waitForStarted(10'000))
            return run;
        if (!stdinData.isEmpty())
            process.write(stdinData);
        process.closeWriteChannel();
        if (m_sandboxInProcess) {
            run.finished =
                (!finished.isEmpty() || finished.wait(timeoutMs)) && process.exitStatus() == QProcess::NormalExit;
        } else {
            run.finished = process.waitForFinished(timeoutMs) && process.exitStatus() == QProcess::NormalExit;
        }
        if (!run.finished) {
            process.kill();
            process.waitForFinished(5'000);
        }
        run.elapsedMs = elapsed.elapsed();
        run.exitCode = run.finished ? process.exitCode() : -1;
        run.out = process.readAllStandardOutput();
        run.err = process.readAllStandardError();
        m_captured << run.out << run.err;
        return run;
    }

    // True when `needle` appears in anything a run printed.
    bool printed(const QByteArray &needle) const
    {
        for (const QByteArray &chunk : m_captured) {
            if (chunk.contains(needle))
                return true;
        }
        return false;
    }
    int printedCount(const QByteArray &needle) const
    {
        int count = 0;
        for (const QByteArray &chunk : m_captured)
            count += int(chunk.count(needle));
        return count;
    }

private:
    QString m_configDir;
    bool m_sandboxInProcess = false;
    QProcessEnvironment m_environment;
    QList<QByteArray> m_captured;
};

// What `audit --json` printed, one "account/action/outcome" string an entry, for checking what was recorded.
inline QSet<QString> auditOutcomes(const QByteArray &json)
{
    QSet<QString> seen;
    for (const QJsonValue &value : QJsonDocument::fromJson(json).array()) {
        const QJsonObject entry = value.toObject();
        seen.insert(entry.value(QStringLiteral("account")).toString() + QLatin1Char('/')
            + entry.value(QStringLiteral("action")).toString() + QLatin1Char('/')
            + entry.value(QStringLiteral("outcome")).toString());
    }
    return seen;
}

// The start every CLI end-to-end test shares, in its initTestCase(): skip when `service` is not in this build,
// check that the CLI was built, point `cli` at the temporary configuration folder `dir` and start `sandbox`. A
// macro, because QSKIP and QVERIFY return from the test function itself.
#define TOKENDESK_START_CLI_SANDBOX(service, sandbox, dir, cli)                                                        \
    do {                                                                                                               \
        const QString skipReason_ = SandboxProcess::skipReason(service);                                               \
        if (!skipReason_.isEmpty())                                                                                    \
            QSKIP(qPrintable(skipReason_));                                                                            \
        QVERIFY2(QFile::exists(TestPaths::cliExecutable()), qPrintable(TestPaths::cliExecutable()));                   \
        QVERIFY((dir).isValid());                                                                                      \
        (cli).setConfigDir((dir).path());                                                                              \
        QVERIFY2((sandbox).start(), qPrintable((sandbox).errorString()));                                              \
    } while (false)

// `account add` of a `provider` account `name` at `url` (none when empty), its `secrets` lines on stdin (never argv),
// then the `extra` arguments (--option ..., --json).
inline CliRun addCliAccount(CliRunner &cli, const QString &provider, const QString &name, const QString &url,
    const QByteArray &secrets, const QStringList &extra = {})
{
    QStringList arguments {QStringLiteral("--secrets-stdin"), QStringLiteral("account"), QStringLiteral("add"),
        QStringLiteral("--provider"), provider, QStringLiteral("--name"), name};
    if (!url.isEmpty())
        arguments << QStringLiteral("--url") << url;
    return cli.run(arguments + extra, secrets);
}

// The sandbox's Specter demo user as CLI tests add it, and a made-up wrong password for a failing account (tests
// check at the end that neither password was ever printed).
struct SpecterUser
{
    QString baseUrl;
    QString username;
    QByteArray password;
    QByteArray wrongPassword = "wrong-" + QUuid::createUuid().toByteArray(QUuid::WithoutBraces);

    SpecterUser() = default;
    explicit SpecterUser(const QJsonObject &specter)
        : baseUrl(specter.value(QStringLiteral("base_url")).toString())
        , username(specter.value(QStringLiteral("username")).toString())
        , password(specter.value(QStringLiteral("password")).toString().toUtf8())
    { }

    bool isComplete() const { return !baseUrl.isEmpty() && !username.isEmpty() && !password.isEmpty(); }

    // Whether any run of `cli` printed either password (an empty one is no password: it is in every output).
    bool passwordPrinted(const CliRunner &cli) const
    {
        return (!password.isEmpty() && cli.printed(password))
            || (!wrongPassword.isEmpty() && cli.printed(wrongPassword));
    }

    // Adds the user as account `name` signing in with `accountPassword`, through --secrets-stdin (never argv).
    CliRun addAccount(CliRunner &cli, const QString &name, const QByteArray &accountPassword) const
    {
        return addCliAccount(cli, QStringLiteral("specter"), name, baseUrl, "password=" + accountPassword + "\n",
            {QStringLiteral("--option"), QStringLiteral("username=") + username});
    }
};

// TOKENDESK_START_CLI_SANDBOX for Specter; `user` becomes the sandbox's demo user, added as account `name`.
#define TOKENDESK_START_CLI_SPECTER(sandbox, dir, cli, user, name)                                                     \
    do {                                                                                                               \
        TOKENDESK_START_CLI_SANDBOX(QStringLiteral("specter"), sandbox, dir, cli);                                     \
        (user) = SpecterUser((sandbox).service(QStringLiteral("specter")));                                            \
        QVERIFY((user).isComplete());                                                                                  \
        const CliRun added_ = (user).addAccount(cli, name, (user).password);                                           \
        QVERIFY2(added_.exitCode == 0, added_.err.constData());                                                        \
    } while (false)
