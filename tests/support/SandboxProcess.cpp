#include "SandboxProcess.h"

#include "ChildProcess.h"

#include "TestPaths.h"

#include "providers/ProviderRegistry.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QTest>

SandboxProcess::SandboxProcess() = default;

SandboxProcess::~SandboxProcess()
{
    stop();
}

QString SandboxProcess::skipReason(const QString &providerId)
{
    if (!providerId.isEmpty() && !ProviderRegistry::instance().find(providerId))
        return QStringLiteral("the %1 provider is not registered in this build yet").arg(providerId);
    if (!QFile::exists(TestPaths::sandboxExecutable()))
        return QStringLiteral("tokendesk-sandbox is not built yet");
    return {};
}

bool SandboxProcess::start(const QStringList &extraArguments, quint16 port)
{
    stop();
    m_ready = {};
    m_error.clear();
    m_process.setProgram(TestPaths::sandboxExecutable());
    m_process.setArguments(QStringList {QStringLiteral("--port"), QString::number(port)} + extraArguments);
    m_process.setProcessChannelMode(QProcess::SeparateChannels);
    m_process.start();
    if (!m_process.waitForStarted(10'000)) {
        m_error = QStringLiteral("tokendesk-sandbox did not start: ") + m_process.errorString();
        return false;
    }
    if (!QTest::qWaitFor([this] { return m_process.canReadLine(); }, 20'000)) {
        m_error = QStringLiteral("tokendesk-sandbox printed no ready line");
        return false;
    }
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(m_process.readLine(), &error);
    if (error.error != QJsonParseError::NoError || !document.isObject()) {
        m_error = QStringLiteral("bad ready line: ") + error.errorString();
        return false;
    }
    m_ready = document.object();
    if (services().isEmpty()) {
        m_error = QStringLiteral("the ready line lists no services");
        return false;
    }
    return true;
}

void SandboxProcess::stop()
{
    ChildProcess::stop(m_process);
}

bool SandboxProcess::isRunning() const
{
    return m_process.state() != QProcess::NotRunning;
}

QJsonObject SandboxProcess::services() const
{
    return m_ready.value(QLatin1String("services")).toObject();
}

QJsonObject SandboxProcess::service(const QString &id) const
{
    return services().value(id).toObject();
}

quint16 SandboxProcess::port() const
{
    return quint16(m_ready.value(QLatin1String("port")).toInt());
}
