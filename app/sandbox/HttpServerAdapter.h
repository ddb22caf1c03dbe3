#pragma once

#include "Emulator.h"
#include "FaultInjector.h"

#include <QAbstractHttpServer>
#include <QHttpServerResponder>
#include <QtGlobal>
#include <QtNetwork/qtnetworkglobal.h>
#if QT_CONFIG(ssl)
#include <QSslConfiguration>
#endif

#include <functional>
#include <map>
#include <memory>

class QTcpServer;
class QTcpSocket;

// The one place that knows QtHttpServer's version-specific API (6.4 hands handlers a QTcpSocket *, 6.5+ a
// QHttpServerResponder, 6.8+ QHttpHeaders). Everything else in the sandbox sees SandboxRequest/SandboxResponse.
class HttpServerAdapter final : public QAbstractHttpServer
{
    Q_OBJECT
public:
    // The reply says what to do with the connection too: answer, answer late, never answer, or cut it off
    // (the sandbox's fault mode).
    using Handler = std::function<SandboxReply(const SandboxRequest &)>;

    explicit HttpServerAdapter(Handler handler, QObject *parent = nullptr);

    // Listens on 127.0.0.1:`port` (0 = any free port); returns the port, 0 on failure.
    quint16 listenLoopback(quint16 port);

#if QT_CONFIG(ssl)
    // Serve https with this configuration (local certificate and key set) from the next listenLoopback() on:
    // a QSslServer (Qt >= 6.4) is bound instead of a QTcpServer, so the handlers see the same requests.
    void setTlsConfiguration(const QSslConfiguration &configuration);
#endif
    bool usesTls() const
    {
        return m_tls;
    }

protected:
#if QT_VERSION < QT_VERSION_CHECK(6, 5, 0)
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;
#elif QT_VERSION < QT_VERSION_CHECK(6, 8, 0)
    bool handleRequest(const QHttpServerRequest &request, QHttpServerResponder &responder) override;
    void missingHandler(const QHttpServerRequest &request, QHttpServerResponder &&responder) override;
#else
    bool handleRequest(const QHttpServerRequest &request, QHttpServerResponder &responder) override;
    void missingHandler(const QHttpServerRequest &request, QHttpServerResponder &responder) override;
#endif

private:
    static SandboxRequest toSandboxRequest(const QHttpServerRequest &request);
    static void writeResponse(QHttpServerResponder &responder, const SandboxResponse &response);
    static void writeRaw(QTcpSocket *socket, const SandboxResponse &response, bool cutOff);
#if QT_VERSION >= QT_VERSION_CHECK(6, 5, 0)
    QTcpSocket *socketOf(const QHttpServerRequest &request) const;
    quint64 keepUnanswered(QHttpServerResponder &&responder, QTcpSocket *socket);
    void answerKept(quint64 id, const SandboxResponse &response);

    // Responders moved out of handleRequest() for a late answer or none at all. Declared after m_handler and
    // destroyed before QObject deletes the connections (our children), which each responder still refers to.
    std::map<quint64, std::unique_ptr<QHttpServerResponder>> m_unanswered;
    quint64 m_nextUnansweredId = 0;
#endif

    Handler m_handler;
    QTcpServer *m_tcpServer = nullptr;
    bool m_tls = false;
#if QT_CONFIG(ssl)
    QSslConfiguration m_tlsConfiguration;
#endif
};
