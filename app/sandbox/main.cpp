// tokendesk-sandbox: every emulated service on 127.0.0.1. Prints one compact JSON line (the ready info) to
// stdout once it listens, then serves until terminated.
#include "BuiltinEmulators.h"
#include "SandboxServer.h"
#include "SandboxTls.h"
#include "SvixEmulator.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QTemporaryDir>
#include <QTimer>

#include <cstdio>
#include <memory>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("tokendesk-sandbox"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TOKENDESK_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Emulates the services TokenDesk manages on 127.0.0.1. Prints one JSON line with the port, "
                       "base URLs and demo credentials when ready."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption portOption(QStringLiteral("port"),
        QStringLiteral("Port to listen on (0 = any free port)."), QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption seedOption(QStringLiteral("seed-tokens"),
        QStringLiteral("Preload N tokens per service for the demo users."), QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption faultsOption(QStringLiteral("faults"),
        QStringLiteral("Inject faults, comma-separated: KIND[=VALUE][+retry-after=N][:once|:N][@/path], e.g. "
                       "\"status=503+retry-after=1:once@/specter\". Kinds: delay=200ms, hang, reset, malformed-json, "
                       "wrong-types, huge-body, html-error, status=NNN, retry-after=N, redirect-other-host, empty-200. "
                       "Also settable at run time: POST/DELETE /_sandbox/faults."),
        QStringLiteral("SPEC"));
    const QCommandLineOption tlsOption(QStringLiteral("tls"),
        QStringLiteral("Serve https with a self-signed certificate for 127.0.0.1/localhost made at start with the "
                       "openssl tool (deleted on exit). The ready line's \"tls\" object names the certificate file "
                       "to trust, its subject and SHA-256 fingerprint."));
    const QCommandLineOption tlsCertOption(QStringLiteral("tls-cert"),
        QStringLiteral("Serve https with this PEM certificate (needs --tls-key)."), QStringLiteral("FILE"));
    const QCommandLineOption tlsKeyOption(QStringLiteral("tls-key"),
        QStringLiteral("Unencrypted PEM private key of --tls-cert."), QStringLiteral("FILE"));
    const QCommandLineOption svixOssOption(QStringLiteral("svix-oss"),
        QStringLiteral("Let the Svix emulator behave as the self-hosted open-source server: portal tokens live 28 "
                       "days with full access whatever is asked, no expire-all, message or one-time tokens, and "
                       "logout answers 501."));
    const QCommandLineOption magicbellJwtOption(QStringLiteral("magicbell-jwt-routes"),
        QStringLiteral("Let the MagicBell emulator serve the legacy /jwt routes (project and user token lists, "
                       "create, discard). Without it, MagicBell behaves as today: those routes answer 404, and user "
                       "tokens are signed by the customer with the project's secret key."));
    parser.addOption(magicbellJwtOption);
    parser.addOption(svixOssOption);
    parser.addOption(portOption);
    parser.addOption(tlsOption);
    parser.addOption(tlsCertOption);
    parser.addOption(tlsKeyOption);
    parser.addOption(seedOption);
    parser.addOption(faultsOption);
    parser.process(app);

    bool portOk = false;
    const uint port = parser.value(portOption).toUInt(&portOk);
    if (!portOk || port > 65535) {
        std::fprintf(stderr, "tokendesk-sandbox: --port needs a number from 0 to 65535\n");
        return 2;
    }
    bool seedOk = false;
    const int seed = parser.value(seedOption).toInt(&seedOk);
    if (!seedOk || seed < 0) {
        std::fprintf(stderr, "tokendesk-sandbox: --seed-tokens needs a number >= 0\n");
        return 2;
    }

    SandboxServer server;
    BuiltinEmulatorOptions emulatorOptions;
    emulatorOptions.magicbellJwtRoutes = parser.isSet(magicbellJwtOption);
    registerBuiltinEmulators(server, emulatorOptions);
    if (parser.isSet(svixOssOption)) {
        if (auto *svix = dynamic_cast<SvixEmulator *>(server.emulator(QStringLiteral("svix"))))
            svix->setOpenSource(true);
    }
    if (seed > 0)
        server.seedTokens(seed);
    if (parser.isSet(faultsOption)) {
        QString error;
        if (!server.setFaults(parser.value(faultsOption), &error)) {
            std::fprintf(stderr, "tokendesk-sandbox: --faults: %s\n", qPrintable(error));
            return 2;
        }
    }
    // https: an explicit certificate and key, or a pair generated now in a folder removed on a normal exit (after
    // SIGTERM/SIGKILL the folder with the public certificate stays in the temporary folder).
    std::unique_ptr<QTemporaryDir> tlsDir;
    if (parser.isSet(tlsCertOption) != parser.isSet(tlsKeyOption)) {
        std::fprintf(stderr, "tokendesk-sandbox: --tls-cert and --tls-key go together\n");
        return 2;
    }
    SandboxTls::Files tlsFiles {parser.value(tlsCertOption), parser.value(tlsKeyOption)};
    if (parser.isSet(tlsOption) && !parser.isSet(tlsCertOption)) {
        QString error;
        tlsDir = std::make_unique<QTemporaryDir>();
        if (!tlsDir->isValid() || !SandboxTls::generateSelfSigned(tlsDir->path(), &tlsFiles, &error)) {
            std::fprintf(stderr, "tokendesk-sandbox: --tls: %s\n", qPrintable(error));
            return 1;
        }
    }
    if (!tlsFiles.certificatePath.isEmpty()) {
        QString error;
        if (!server.setTls(tlsFiles.certificatePath, tlsFiles.keyPath, &error)) {
            std::fprintf(stderr, "tokendesk-sandbox: TLS: %s\n", qPrintable(error));
            return 1;
        }
        // A generated key is in memory now; only the certificate (public) stays on disk for clients to trust.
        if (tlsDir)
            QFile::remove(tlsFiles.keyPath);
    }

    if (!server.listen(quint16(port))) {
        std::fprintf(stderr, "tokendesk-sandbox: cannot listen on 127.0.0.1:%u\n", port);
        return 1;
    }

    const QByteArray line = QJsonDocument(server.readyInfo()).toJson(QJsonDocument::Compact);
    std::fwrite(line.constData(), 1, size_t(line.size()), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);

    // Hints for the person at the terminal (the NetSapiens demo MFA code), on stderr so the ready line stays
    // the only thing on stdout.
    const auto printHints = [&server] {
        for (const QString &id : server.emulatorIds()) {
            const QString hint = server.emulator(id)->consoleHint();
            if (!hint.isEmpty())
                std::fprintf(stderr, "%s\n", qPrintable(hint));
        }
    };
    printHints();
    QTimer hintTimer;
    QObject::connect(&hintTimer, &QTimer::timeout, &app, printHints);
    hintTimer.start(30'000);

    return app.exec();
}
