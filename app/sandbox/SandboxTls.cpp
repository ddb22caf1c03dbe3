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
    QFile::setPermissions(keyPath, QFile::ReadOwner | QFile::WriteOwner);
    if (files)
        *files = Files {certificatePath, keyPath};
    return true;
}

} // namespace SandboxTls
