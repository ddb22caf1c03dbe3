#pragma once

#include "Emulator.h"
#include "FaultInjector.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QUrl>

#include <memory>
#include <vector>

class HttpServerAdapter;

// One request the sandbox received (no bodies, no headers: they may carry secrets).
struct SandboxLogEntry
{
    QByteArray method;
    QString path; // full request path, e.g. "/specter/api/v1alpha/token/"
    QDateTime time; // UTC, from the sandbox clock
};

// The sandbox HTTP server on 127.0.0.1: mounts emulators under their path prefixes (longest prefix wins),
// answers GET /health, and 404 JSON for everything else.
class SandboxServer : public QObject
{
    Q_OBJECT
public:
    explicit SandboxServer(QObject *parent = nullptr);
    ~SandboxServer() override;

    // Takes ownership. The emulator gets the server's clock.
    void addEmulator(std::unique_ptr<Emulator> emulator);
    Emulator *emulator(const QString &id) const;
    QStringList emulatorIds() const;

    // Serve https from the next listen() on, with this PEM certificate and unencrypted PEM key (RSA or EC).
    // False with *error set when they cannot be read or Qt has no TLS backend. See SandboxTls.h for making
    // a pair.
    bool setTls(const QString &certificatePath, const QString &keyPath, QString *error = nullptr);
    bool usesTls() const;
    bool listen(quint16 port = 0);
    bool isListening() const { return m_port != 0; }
    quint16 port() const { return m_port; }
    QUrl url() const; // "http://127.0.0.1:<port>" ("https://..." with setTls)

    // {"port": N, "services": {"<id>": emulator->readyInfo(url())}}, plus with setTls
    // "tls": {"certificate": "<path>", "subject": "...", "sha256": "AB:CD:..."} (what a client must trust).
    QJsonObject readyInfo() const;
    void seedTokens(int count);
    void seedDemoTokens(); // every emulator's Emulator::seedDemoTokens()
    void setClock(SandboxClock clock);

    QList<SandboxLogEntry> requestLog() const { return m_log; }
    void clearRequestLog() { m_log.clear(); }

    // Handles one request as if it came over HTTP, with response-level faults applied (socket-level faults such
    // as hang and reset only exist over HTTP: see reply()).
    SandboxResponse dispatch(const SandboxRequest &request);
    // What the HTTP adapter calls: the response plus what to do with the connection (delay, hang, reset).
    SandboxReply reply(const SandboxRequest &request);

    // Fault mode (FaultInjector.h for the syntax). setFaults adds to the active faults; false on a bad spec.
    // Also reachable over HTTP: POST /_sandbox/faults {"fault": "...", "path": "/prefix", "count": N},
    // GET lists them, DELETE clears them.
    bool setFaults(const QString &spec, QString *error = nullptr);
    void addFault(const SandboxFault &fault) { m_faults.add(fault); }
    void clearFaults() { m_faults.clear(); }
    QList<SandboxFault> faults() const { return m_faults.faults(); }

private:
    QDateTime now() const;
    SandboxResponse route(const SandboxRequest &request);
    SandboxResponse controlRoute(const SandboxRequest &request);

    HttpServerAdapter *m_http = nullptr;
    std::vector<std::unique_ptr<Emulator>> m_emulators;
    SandboxClock m_clock;
    QList<SandboxLogEntry> m_log;
    FaultInjector m_faults;
    quint16 m_port = 0;
    QString m_tlsCertificatePath;
    QString m_tlsSubject;
    QString m_tlsFingerprint;
};
