#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPair>
#include <QString>
#include <QTcpServer>
#include <QUrl>

#include <memory>

class QSslConfiguration;
class QTcpSocket;

// A small scripted HTTP/1.1 server on 127.0.0.1 (random port) for tests: per-path responses (status, headers,
// body, delay, hang, partial body, close mid-body, redirect) and a record of every request received.
//
//   TestHttpServer server;
//   QVERIFY(server.listen());
//   server.setRoute("/api/items", TestHttpServer::json(200, R"({"items":[]})"));
//   server.enqueue("/api/flaky", TestHttpServer::Response::make(503));   // first call only
//   ... client.get(server.url("/api/items")) ...
//   QCOMPARE(server.requestCount("/api/items"), 1);
//
// Routes match the path without the query string; a method-specific route ("POST /x") wins over an any-method
// route ("/x"); queued responses (enqueue) are used once each, before the route. Unknown paths get the fallback
// (404 with a JSON body unless setFallback was called).
class TestHttpServer : public QObject
{
    Q_OBJECT
public:
    using Header = QPair<QByteArray, QByteArray>;

    struct Response
    {
        int status = 200;
        QList<Header> headers; // sent as given; Content-Length and Connection are added unless present
        QByteArray body;
        int delayMs = 0; // wait before answering
        bool hang = false; // never answer (the connection stays open)
        qint64 sendBodyBytes = -1; // >= 0: send only this many bytes of the body (Content-Length stays full)
        bool closeAfterSend = false; // close the connection after what was sent (mid-body with sendBodyBytes)
        bool contentLength = true; // false: no Content-Length; the body ends when the connection closes

        static Response make(int status, const QByteArray &body = {});
        Response &withHeader(const QByteArray &name, const QByteArray &value);
        Response &withDelay(int ms);
    };

    struct Request
    {
        QByteArray method;
        QByteArray target; // path and query, as sent
        QString path; // decoded path without the query
        QList<Header> headers;
        QByteArray body;

        QByteArray header(const QByteArray &name) const; // case-insensitive; empty when absent
        bool hasHeader(const QByteArray &name) const;
    };

    explicit TestHttpServer(QObject *parent = nullptr);
    ~TestHttpServer() override;

    bool listen(); // on 127.0.0.1, random port
    // The same over TLS (QSslServer); configuration holds the local certificate and private key.
    bool listenTls(const QSslConfiguration &configuration);
    quint16 port() const;
    QUrl baseUrl() const; // http://127.0.0.1:<port> (https after listenTls)
    QUrl url(const QString &pathAndQuery) const; // baseUrl + "/path?query"

    // path is "/x" (any method) or "METHOD /x".
    void setRoute(const QString &path, const Response &response);
    void enqueue(const QString &path, const Response &response);
    void setFallback(const Response &response);
    void clearRoutes();

    static Response json(int status, const QByteArray &body);
    static Response text(int status, const QByteArray &body, const QByteArray &contentType = "text/plain");
    static Response redirect(const QUrl &location, int status = 302);
    static Response hanging();

    QList<Request> requests() const { return m_requests; }
    QList<Request> requests(const QString &path) const;
    int requestCount() const { return int(m_requests.size()); }
    int requestCount(const QString &path) const;
    Request lastRequest() const { return m_requests.isEmpty() ? Request() : m_requests.last(); }
    void clearRequests() { m_requests.clear(); }
    // Connections accepted so far (each keep-alive connection counts once).
    int connectionCount() const { return m_connectionCount; }

signals:
    void requestReceived(const TestHttpServer::Request &request);

private:
    void onNewConnection();
    void processBuffer(QTcpSocket *socket);
    Response responseFor(const Request &request);
    void respond(QTcpSocket *socket, const Response &response);

    std::unique_ptr<QTcpServer> m_server;
    bool m_tls = false;
    QHash<QString, Response> m_routes;
    QHash<QString, QList<Response>> m_queues;
    Response m_fallback;
    QList<Request> m_requests;
    QHash<QTcpSocket *, QByteArray> m_buffers;
    QHash<QTcpSocket *, bool> m_busy; // a response is pending on this connection
    int m_connectionCount = 0;
};
