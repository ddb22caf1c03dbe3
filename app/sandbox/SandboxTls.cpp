#include "SandboxTls.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>

namespace SandboxTls {

bool generateSelfSigned(const QString &directory, Files *files, QString *error)
{
    const QString openssl = QStandardPaths::findExecutable(QStringLiteral("openssl"));
    if (openssl.isEmpty()) {
        if (error)
            *error = QStringLiteral("the openssl command is not on PATH; pass --tls-cert FILE --tls-key FILE instead");
        return false;
    }
    const QDir dir(directory);
    const QString certificatePath = dir.filePath(QStringLiteral("sandbox.crt"));
    const QString keyPath = dir.filePath(QStringLiteral("sandbox.key"));
    // The key file exists, owner-only, before openssl writes into it: never readable by others, not even for
    // a moment (openssl truncates an existing file and keeps its permissions).
    {
        QFile key(keyPath);
        if (!key.open(QIODevice::WriteOnly | QIODevice::Truncate, QFileDevice::ReadOwner | QFileDevice::WriteOwner)
            || !key.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner)) {
            if (error)
                *error = QStringLiteral("cannot create %1: %2").arg(keyPath, key.errorString());
            return false;
        }
    }
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(openssl,
        {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("rsa:2048"),
            QStringLiteral("-nodes"), QStringLiteral("-days"), QStringLiteral("30"), QStringLiteral("-subj"),
            QStringLiteral("/CN=TokenDesk Sandbox"), QStringLiteral("-addext"),
            QStringLiteral("subjectAltName=IP:127.0.0.1,DNS:localhost"), QStringLiteral("-keyout"), keyPath,
            QStringLiteral("-out"), certificatePath});
    const bool finished = process.waitForFinished(60'000);
    if (!finished || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0
        || !QFile::exists(certificatePath) || !QFile::exists(keyPath)) {
        if (error) {
            *error = QStringLiteral("openssl req failed: %1")
                         .arg(QString::fromLocal8Bit(process.readAll()).trimmed().left(500));
        }
        if (!finished)
            process.kill();
        return false;
    }
    if (files)
        *files = Files {certificatePath, keyPath};
    return true;
}

} // namespace SandboxTls
