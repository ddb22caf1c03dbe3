#pragma once

#include <QByteArray>
#include <QElapsedTimer>
#include <QProcess>

// Helpers for the processes tests start (tokendesk-sandbox, Prism).
namespace ChildProcess {

// The first line `process` prints to stdout, waiting up to `timeoutMs`; empty when it printed none or ended first.
inline QByteArray readLine(QProcess &process, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (!process.canReadLine() && timer.elapsed() < timeoutMs) {
        if (!process.waitForReadyRead(200) && process.state() == QProcess::NotRunning)
            break;
    }
    return process.canReadLine() ? process.readLine() : QByteArray();
}

// Asks `process` to end and kills it when it has not within 5 s, so no test leaves a child behind.
inline void stop(QProcess &process)
{
    if (process.state() == QProcess::NotRunning)
        return;
    process.terminate();
    if (!process.waitForFinished(5'000)) {
        process.kill();
        process.waitForFinished(5'000);
    }
}

} // namespace ChildProcess
