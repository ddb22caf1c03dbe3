#include "HttpServerAdapter.h"

#include <QHostAddress>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
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

// Faults that need the connection itself: a reset writes half of the body by hand (as HTTP/1.1) and aborts.
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

#if QT_VERSION < QT_VERSION_CHECK(6, 5, 0)
// Qt 6.4 hands us the socket, so the fault mode can answer late (a timer on the socket), never (hang), or write
// half of the body and abort the connection (reset).
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
// Qt 6.5+ hands a QHttpServerResponder instead of the socket. QtHttpServer reads a connection's next request only
// once the responder of the current one is destroyed, so moving it out of handleRequest() holds the connection
// open without blocking the event loop: answered by a timer (delay), or kept until the client gives up (hang). The
// socket for a reset is the server's child (through its connection handler) whose peer port is the request's.
QTcpSocket *HttpServerAdapter::socketOf(const QHttpServerRequest &request) const
{
    const auto sockets = findChildren<QTcpSocket *>();
    for (QTcpSocket *socket : sockets) {
        if (socket->state() == QAbstractSocket::ConnectedState && socket->peerPort() == request.remotePort())
            return socket;
    }
    return nullptr;
}

quint64 HttpServerAdapter::keepUnanswered(QHttpServerResponder &&responder, QTcpSocket *socket)
{
    const quint64 id = ++m_nextUnansweredId;
    m_unanswered.emplace(id, std::make_unique<QHttpServerResponder>(std::move(responder)));
    // A client that gives up closes the connection: let QtHttpServer clean it up.
    if (socket)
        connect(socket, &QTcpSocket::disconnected, this, [this, id] { m_unanswered.erase(id); });
    return id;
}

void HttpServerAdapter::answerKept(quint64 id, const SandboxResponse &response)
{
    const auto it = m_unanswered.find(id);
    if (it == m_unanswered.end())
        return; // the client has gone
    // Its destruction after the write lets the connection read its next request.
    std::unique_ptr<QHttpServerResponder> responder = std::move(it->second);
    m_unanswered.erase(it);
    writeResponse(*responder, response);
}

bool HttpServerAdapter::handleRequest(const QHttpServerRequest &request, QHttpServerResponder &responder)
{
    const SandboxReply reply = m_handler(toSandboxRequest(request));
    switch (reply.action) {
    case SandboxReply::Action::Respond:
        writeResponse(responder, reply.response);
        break;
    case SandboxReply::Action::Delay: {
        const quint64 id = keepUnanswered(std::move(responder), socketOf(request));
        QTimer::singleShot(reply.delayMs, this, [this, id, response = reply.response] { answerKept(id, response); });
        break;
    }
    case SandboxReply::Action::Hang:
        keepUnanswered(std::move(responder), socketOf(request)); // never answered; the client times out
        break;
    case SandboxReply::Action::Reset:
        if (QTcpSocket *socket = socketOf(request)) {
            writeRaw(socket, reply.response, true);
        } else { // no socket to cut: the nearest answer is a body cut in half
            SandboxResponse response = reply.response;
            response.body.truncate(response.body.size() / 2);
            writeResponse(responder, response);
        }
        break;
    }
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
