#pragma once

#include "CliRunner.h"
#include "MagicBellEmulator.h"
#include "NetSapiensEmulator.h"
#include "SandboxServer.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

// The set-up of CLI tests that need to reach into the emulators (hooks, issued tokens, the request log): a
// sandbox with the MagicBell and NetSapiens emulators in the test's own process, a fresh config folder with the
// accounts "mb" and "ns" (no "keep me signed in"), and their secrets for --secrets-stdin. Every run of the CLI
// fails the test at once if a known secret reaches its stdout or stderr.
class InProcessCliSandbox
{
protected:
    using Run = CliRun;

    // Call from init(); `seedTokens` MagicBell project tokens are made before the accounts are added.
    void startSandbox(int seedTokens = 0)
    {
        m_config = std::make_unique<QTemporaryDir>();
        QVERIFY(m_config->isValid());
        m_sandbox = std::make_unique<SandboxServer>();
        auto magicBell = std::make_unique<MagicBellEmulator>(true); // the legacy /jwt routes
        m_magicBell = magicBell.get();
        m_sandbox->addEmulator(std::move(magicBell));
        auto netSapiens = std::make_unique<NetSapiensEmulator>();
        m_netSapiens = netSapiens.get();
        m_sandbox->addEmulator(std::move(netSapiens));
        QVERIFY(m_sandbox->listen());
        if (seedTokens > 0)
            m_sandbox->seedTokens(seedTokens);

        const QJsonObject mbInfo = m_magicBell->readyInfo(m_sandbox->url());
        const QByteArray mbToken = mbInfo.value(QLatin1String("token")).toString().toUtf8();
        m_mbSecrets = "token=" + mbToken + '\n';
        m_mbUrl = mbInfo.value(QLatin1String("base_url")).toString();
        m_nsInfo = m_netSapiens->readyInfo(m_sandbox->url());
        const QByteArray password = m_nsInfo.value(QLatin1String("password")).toString().toUtf8();
        const QByteArray clientSecret = m_nsInfo.value(QLatin1String("client_secret")).toString().toUtf8();
        m_nsSecrets = "password=" + password + "\nclient_secret=" + clientSecret + '\n';
        m_nsUrl = m_nsInfo.value(QLatin1String("base_url")).toString();
        // The API key is not given to the account by default (tests that need it append it to m_nsSecrets), but it
        // must never be printed either.
        const QByteArray apiKey = m_nsInfo.value(QLatin1String("api_key")).toString().toUtf8();
        m_secrets = {mbToken, password, clientSecret, apiKey};

        addAccount(QStringLiteral("magicbell"), QStringLiteral("mb"), m_mbUrl);
        // No "keep me signed in": a session the CLI obtains must not outlive the process.
        addAccount(QStringLiteral("netsapiens"), QStringLiteral("ns"), m_nsUrl, nsAccountOptions());
    }

    // Call from cleanup().
    void stopSandbox()
    {
        m_sandbox.reset();
        m_magicBell = nullptr;
        m_netSapiens = nullptr;
        m_config.reset();
    }

    Run cli(const QStringList &arguments, const QByteArray &stdinData = {},
        const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment())
    {
        CliRunner runner(m_config->path());
        runner.setSandboxInProcess(true);
        runner.setEnvironment(environment);
        const Run run = runner.run(arguments, stdinData, m_cliTimeoutMs);
        for (const QByteArray &secret : std::as_const(m_secrets)) {
            if (!secret.isEmpty() && (run.out.contains(secret) || run.err.contains(secret)))
                qFatal("a secret reached the CLI's output");
        }
        return run;
    }
    Run mb(const QStringList &arguments)
    {
        return cli(QStringList {QStringLiteral("--secrets-stdin")} + arguments, m_mbSecrets);
    }
    Run ns(const QStringList &arguments)
    {
        return cli(QStringList {QStringLiteral("--secrets-stdin")} + arguments, m_nsSecrets);
    }

    void addAccount(const QString &provider, const QString &name, const QString &url, const QStringList &options = {})
    {
        QStringList arguments {QStringLiteral("account"), QStringLiteral("add"), QStringLiteral("--provider"), provider,
            QStringLiteral("--name"), name, QStringLiteral("--url"), url};
        for (const QString &option : options)
            arguments << QStringLiteral("--option") << option;
        const Run added = cli(arguments);
        QVERIFY2(added.exitCode == 0, added.err.constData());
    }
    // The NetSapiens account's user name and client id, as --option values.
    QStringList nsAccountOptions() const
    {
        return {QStringLiteral("username=") + m_nsInfo.value(QLatin1String("username")).toString(),
            QStringLiteral("client_id=") + m_nsInfo.value(QLatin1String("client_id")).toString()};
    }

    std::unique_ptr<QTemporaryDir> m_config;
    std::unique_ptr<SandboxServer> m_sandbox;
    MagicBellEmulator *m_magicBell = nullptr;
    NetSapiensEmulator *m_netSapiens = nullptr;
    QJsonObject m_nsInfo; // the NetSapiens emulator's ready info (user, client id, secrets, URL)
    QByteArray m_mbSecrets;
    QByteArray m_nsSecrets;
    QString m_mbUrl;
    QString m_nsUrl;
    QList<QByteArray> m_secrets; // never printed by any run
    int m_cliTimeoutMs = 60'000; // a run still going then is killed and fails
};
