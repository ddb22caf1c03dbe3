#include "TestHttpServer.h"

#include <QHostAddress>
#if QT_CONFIG(ssl)
#include <QSslServer>
#endif
#include <QTcpSocket>
#include <QTimer>

namespace {

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 202:
        return "Accepted";
    case 204:
        return "No Content";
    case 301:
        return "Moved Permanently";
    case 302:
        return "Found";
    case 303:
        return "See Other";
    case 307:
        return "Temporary Redirect";
    case 308:
        return "Permanent Redirect";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 409:
        return "Conflict";
    case 422:
        return "Unprocessable Entity";
    case 429:
        return "Too Many Requests";
    case 500:
        return "Internal Server Error";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    case 504:
        return "Gateway Timeout";
    default:
        return "Status";
    }
}

bool hasHeader(const QList<TestHttpServer::Header> &headers, const QByteArray &name)
{
    for (const auto &header : headers) {
        if (header.first.compare(name, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

} // namespace

TestHttpServer::Response TestHttpServer::Response::make(int code, const QByteArray &body)
{
    Response response;
    response.status = code;
    response.body = body;
    return response;
}

TestHttpServer::Response &TestHttpServer::Response::withHeader(const QByteArray &name, const QByteArray &value)
{
    headers.append(Header(name, value));
    return *this;
}

TestHttpServer::Response &TestHttpServer::Response::withDelay(int ms)
{
    delayMs = ms;
    return *this;
}

QByteArray TestHttpServer::Request::header(const QByteArray &name) const
{
    for (const auto &pair : headers) {
        if (pair.first.compare(name, Qt::CaseInsensitive) == 0)
            return pair.second;
    }
    return {};
}

bool TestHttpServer::Request::hasHeader(const QByteArray &name) const
{
    return ::hasHeader(headers, name);
}

TestHttpServer::TestHttpServer(QObject *parent)
    : QObject(parent)
    , m_fallback(json(404, R"({"message":"no route in TestHttpServer"})"))
{ }

TestHttpServer::~TestHttpServer()
{
    if (m_server)
        m_server->close();
    const QList<QTcpSocket *> sockets = m_buffers.keys();
    for (QTcpSocket *socket : sockets) {
        socket->disconnect(this);
        socket->abort();
    }
}

bool TestHttpServer::listen()
{
    m_server = std::make_unique<QTcpServer>();
    m_tls = false;
    connect(m_server.get(), &QTcpServer::newConnection, this, &TestHttpServer::onNewConnection);
    return m_server->listen(QHostAddress::LocalHost, 0);
}

bool TestHttpServer::listenTls(const QSslConfiguration &configuration)
{
#if QT_CONFIG(ssl)
    auto server = std::make_unique<QSslServer>();
    server->setSslConfiguration(configuration);
    m_tls = true;
    // QSslServer queues a connection once its handshake is done.
    connect(server.get(), &QTcpServer::pendingConnectionAvailable, this, &TestHttpServer::onNewConnection);
    m_server = std::move(server);
    return m_server->listen(QHostAddress::LocalHost, 0);
#else
    Q_UNUSED(configuration);
    return false;
#endif
}

quint16 TestHttpServer::port() const
{
    return m_server ? m_server->serverPort() : 0;
}

QUrl TestHttpServer::baseUrl() const
{
    QUrl url;
    url.setScheme(m_tls ? QStringLiteral("https") : QStringLiteral("http"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(port());
    return url;
}

QUrl TestHttpServer::url(const QString &pathAndQuery) const
{
    QString relative = pathAndQuery;
    if (!relative.startsWith(u'/'))
        relative.prepend(u'/');
    return baseUrl().resolved(QUrl(relative));
}

void TestHttpServer::setRoute(const QString &path, const Response &response)
{
    m_routes.insert(path, response);
}

void TestHttpServer::enqueue(const QString &path, const Response &response)
{
    m_queues[path].append(response);
}

void TestHttpServer::setFallback(const Response &response)
{
    m_fallback = response;
}

void TestHttpServer::clearRoutes()
{
    m_routes.clear();
    m_queues.clear();
}

TestHttpServer::Response TestHttpServer::json(int status, const QByteArray &body)
{
    Response response = Response::make(status, body);
    response.headers.append(Header("Content-Type", "application/json"));
    return response;
}

TestHttpServer::Response TestHttpServer::text(int status, const QByteArray &body, const QByteArray &contentType)
{
    Response response = Response::make(status, body);
    response.headers.append(Header("Content-Type", contentType));
    return response;
}

TestHttpServer::Response TestHttpServer::redirect(const QUrl &location, int status)
{
    Response response = Response::make(status);
    response.headers.append(Header("Location", location.toEncoded()));
    return response;
}

TestHttpServer::Response TestHttpServer::hanging()
{
    Response response;
    response.hang = true;
    return response;
}

QList<TestHttpServer::Request> TestHttpServer::requests(const QString &path) const
{
    QList<Request> result;
    for (const Request &request : m_requests) {
        if (request.path == path)
            result.append(request);
    }
    return result;
}

int TestHttpServer::requestCount(const QString &path) const
{
    return int(requests(path).size());
}

void TestHttpServer::onNewConnection()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        ++m_connectionCount;
        m_buffers.insert(socket, {});
        m_busy.insert(socket, false);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] {
            m_buffers[socket].append(socket->readAll());
            processBuffer(socket);
        });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            m_buffers.remove(socket);
            m_busy.remove(socket);
            socket->deleteLater();
        });
    }
}

void TestHttpServer::processBuffer(QTcpSocket *socket)
{
    while (m_buffers.contains(socket) && !m_busy.value(socket)) {
        QByteArray &buffer = m_buffers[socket];
        const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
        if (headerEnd < 0)
            return;
        const QList<QByteArray> lines = buffer.left(headerEnd).split('\n');
        Request request;
        const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
        request.method = requestLine.value(0);
        request.target = requestLine.value(1);
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QByteArray line = lines.at(i).trimmed();
            const qsizetype colon = line.indexOf(':');
            if (colon > 0)
                request.headers.append({line.left(colon).trimmed(), line.mid(colon + 1).trimmed()});
        }
        bool ok = false;
        const qint64 length = request.header("Content-Length").toLongLong(&ok);
        const qint64 bodyLength = ok ? length : 0;
        if (buffer.size() < headerEnd + 4 + bodyLength)
            return; // wait for the rest of the body
        request.body = buffer.mid(headerEnd + 4, bodyLength);
        buffer.remove(0, headerEnd + 4 + bodyLength);
        const QUrl target = QUrl::fromEncoded(request.target);
        request.path = target.path();

        m_requests.append(request);
        emit requestReceived(request);

        const Response response = responseFor(request);
        m_busy[socket] = true;
        if (response.hang)
            return;
        if (response.delayMs > 0) {
            QTimer::singleShot(response.delayMs, socket, [this, socket, response] {
                respond(socket, response);
                processBuffer(socket);
            });
            return;
        }
        respond(socket, response);
    }
}

TestHttpServer::Response TestHttpServer::responseFor(const Request &request)
{
    const QString methodKey = QString::fromLatin1(request.method) + u' ' + request.path;
    for (const QString &key : {methodKey, request.path}) {
        auto queue = m_queues.find(key);
        if (queue != m_queues.end() && !queue->isEmpty())
            return queue->takeFirst();
    }
    for (const QString &key : {methodKey, request.path}) {
        auto route = m_routes.constFind(key);
        if (route != m_routes.constEnd())
            return *route;
    }
    return m_fallback;
}

void TestHttpServer::respond(QTcpSocket *socket, const Response &response)
{
    if (!m_buffers.contains(socket))
        return;
    const bool close = response.closeAfterSend || !response.contentLength;
    QByteArray data = "HTTP/1.1 " + QByteArray::number(response.status) + ' ' + reasonPhrase(response.status) + "\r\n";
    for (const auto &header : response.headers)
        data += header.first + ": " + header.second + "\r\n";
    if (response.contentLength && !hasHeader(response.headers, "Content-Length"))
        data += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n";
    if (!hasHeader(response.headers, "Connection"))
        data += close ? QByteArray("Connection: close\r\n") : QByteArray("Connection: keep-alive\r\n");
    data += "\r\n";
    if (response.sendBodyBytes >= 0)
        data += response.body.left(response.sendBodyBytes);
    else
        data += response.body;
    socket->write(data);
    if (close) {
        socket->disconnectFromHost();
        return;
    }
    if (response.sendBodyBytes >= 0 && response.sendBodyBytes < response.body.size())
        return; // partial body without closing: the client waits for the rest (stays busy)
    m_busy[socket] = false;
}
