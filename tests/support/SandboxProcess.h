#pragma once

#include <QJsonObject>
#include <QProcess>
#include <QString>
#include <QStringList>

// A tokendesk-sandbox child process for end-to-end tests: start() runs it with "--port <port>" plus extra
// arguments and waits for its one-line JSON ready info; services()/service(id) expose the per-service part
// of it (base_url, credentials...). The destructor stops the process (terminate, then kill).
class SandboxProcess
{
public:
    SandboxProcess();
    ~SandboxProcess();
    SandboxProcess(const SandboxProcess &) = delete;
    SandboxProcess &operator=(const SandboxProcess &) = delete;

    // false (and errorString()) when the process did not start, printed no line in time, or the line is
    // not a JSON object with services.
    // Why an end-to-end test cannot run in this build (tokendesk-sandbox not built, or providerId, when given,
    // not registered); empty when it can. For QSKIP.
    static QString skipReason(const QString &providerId = {});

    bool start(const QStringList &extraArguments = {}, quint16 port = 0);
    void stop();
    bool isRunning() const;

    QString errorString() const { return m_error; }
    QJsonObject readyInfo() const { return m_ready; }
    QJsonObject services() const;
    QJsonObject service(const QString &id) const;
    quint16 port() const;
    QProcess &process() { return m_process; }

private:
    QProcess m_process;
    QJsonObject m_ready;
    QString m_error;
};
