#include "HttpServerAdapter.h"

#include <QHostAddress>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>
#include <QTimer>
#if QT_VERSION >= QT_VERSION_CHECK(6, 8, 0)
#include <QHttpHeaders>
#endif
#if QT_CONFIG(ssl)
#include <QSslServer>
#endif

HttpServerAdapter::HttpServerAdapter(Handler handler, QObject *parent)
    : QAbstractHttpServer(parent)
    , m_handler(std::move(handler))
{ }

quint16 HttpServerAdapter::listenLoopback(quint16 port)
{
    if (m_tcpServer)
        return m_tcpServer->serverPort();
    QTcpServer *server = nullptr;
#if QT_CONFIG(ssl)
    if (m_tls) {
        auto *sslServer = new QSslServer(this);
        sslServer->setSslConfiguration(m_tlsConfiguration);
        server = sslServer;
    }
#endif
    if (!server)
        server = new QTcpServer(this);
    if (!server->listen(QHostAddress::LocalHost, port)) {
        delete server;
        return 0;
    }
    bind(server);
    m_tcpServer = server;
    return server->serverPort();
}

#if QT_CONFIG(ssl)
void HttpServerAdapter::setTlsConfiguration(const QSslConfiguration &configuration)
{
    m_tlsConfiguration = configuration;
    m_tls = true;
}
#endif

static QByteArray methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get:
        return "GET";
    case QHttpServerRequest::Method::Put:
        return "PUT";
    case QHttpServerRequest::Method::Delete:
        return "DELETE";
    case QHttpServerRequest::Method::Post:
        return "POST";
    case QHttpServerRequest::Method::Head:
        return "HEAD";
    case QHttpServerRequest::Method::Options:
        return "OPTIONS";
    case QHttpServerRequest::Method::Patch:
        return "PATCH";
    case QHttpServerRequest::Method::Connect:
        return "CONNECT";
    case QHttpServerRequest::Method::Trace:
        return "TRACE";
    default:
        return "UNKNOWN";
    }
}

SandboxRequest HttpServerAdapter::toSandboxRequest(const QHttpServerRequest &request)
{
    SandboxRequest result;
    result.method = methodName(request.method());
    result.url = request.url();
    result.path = request.url().path(QUrl::FullyDecoded);
    result.query = QUrlQuery(request.url());
#if QT_VERSION >= QT_VERSION_CHECK(6, 8, 0)
    const auto headerList = request.headers().toListOfPairs();
#else
    const auto headerList = request.headers();
#endif
    for (const auto &header : headerList)
        result.headers.insert(QByteArray(header.first).toLower(), QByteArray(header.second));
    result.body = request.body();
    return result;
}

void HttpServerAdapter::writeResponse(QHttpServerResponder &responder, const SandboxResponse &response)
{
    const auto status = static_cast<QHttpServerResponder::StatusCode>(response.status);
#if QT_VERSION >= QT_VERSION_CHECK(6, 8, 0)
    QHttpHeaders headers;
    for (const auto &header : response.headers)
        headers.append(header.first, header.second);
    responder.write(response.body, headers, status);
#else
    responder.writeStatusLine(status);
    for (const auto &header : response.headers)
        responder.writeHeader(header.first, header.second);
    responder.writeHeader("Content-Length", QByteArray::number(response.body.size()));
    responder.writeBody(response.body);
#endif
}

#if QT_VERSION < QT_VERSION_CHECK(6, 5, 0)
// Qt 6.4 hands us the socket, so the fault mode can answer late (a timer on the socket), never (hang), or write
// half of the body and abort the connection (reset). Those answers are written by hand, as HTTP/1.1.
void HttpServerAdapter::writeRaw(QTcpSocket *socket, const SandboxResponse &response, bool cutOff)
{
    QByteArray head = "HTTP/1.1 " + QByteArray::number(response.status) + " Sandbox\r\n";
    for (const auto &header : response.headers)
        head += header.first + ": " + header.second + "\r\n";
    head += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n\r\n";
    socket->write(head);
    if (!cutOff) {
        socket->write(response.body);
        return;
    }
    socket->write(response.body.left(response.body.size() / 2));
    socket->flush();
    socket->abort();
}

bool HttpServerAdapter::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    const SandboxReply reply = m_handler(toSandboxRequest(request));
    switch (reply.action) {
    case SandboxReply::Action::Respond: {
        QHttpServerResponder responder = makeResponder(request, socket);
        writeResponse(responder, reply.response);
        break;
    }
    case SandboxReply::Action::Delay: {
        QPointer<QTcpSocket> guard(socket);
        QTimer::singleShot(reply.delayMs, socket, [guard, response = reply.response] {
            if (guard)
                writeRaw(guard, response, false);
        });
        break;
    }
    case SandboxReply::Action::Hang:
        break; // never answer; the client times out and closes the connection
    case SandboxReply::Action::Reset:
        writeRaw(socket, reply.response, true);
        break;
    }
    return true;
}

void HttpServerAdapter::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    QHttpServerResponder responder = makeResponder(request, socket);
    writeResponse(responder, SandboxResponse::empty(404));
}
#else
// Qt 6.5+ hides the socket behind QHttpServerResponder, so the socket faults degrade: delay blocks this thread
// (only fine for a sandbox in its own process), hang waits 60 s before answering, and reset becomes the body cut
// in half (the client sees a malformed reply instead of a reset connection).
void HttpServerAdapter::writeDegraded(QHttpServerResponder &responder, const SandboxReply &reply)
{
    SandboxResponse response = reply.response;
    switch (reply.action) {
    case SandboxReply::Action::Respond:
        break;
    case SandboxReply::Action::Delay:
        QThread::msleep(static_cast<unsigned long>(reply.delayMs));
        break;
    case SandboxReply::Action::Hang:
        QThread::msleep(60'000);
        response = SandboxResponse::empty(504);
        break;
    case SandboxReply::Action::Reset:
        response.body.truncate(response.body.size() / 2);
        break;
    }
    writeResponse(responder, response);
}

bool HttpServerAdapter::handleRequest(const QHttpServerRequest &request, QHttpServerResponder &responder)
{
    writeDegraded(responder, m_handler(toSandboxRequest(request)));
    return true;
}

#if QT_VERSION < QT_VERSION_CHECK(6, 8, 0)
void HttpServerAdapter::missingHandler(const QHttpServerRequest &, QHttpServerResponder &&responder)
#else
void HttpServerAdapter::missingHandler(const QHttpServerRequest &, QHttpServerResponder &responder)
#endif
{
    writeResponse(responder, SandboxResponse::empty(404));
}
#endif
