#include "AwaitFuture.h"
#include "TestHttpServer.h"
#include "core/Clock.h"
#include "core/UtcTime.h"
#include "net/ApiClient.h"
#include "net/RequestLog.h"

#include <QCryptographicHash>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslSocket>
#include <QTest>

using Kind = ApiError::Kind;

namespace {

// Counts the requests that reach the network layer, to prove a refused request was never sent.
class CountingNetworkAccessManager : public QNetworkAccessManager
{
public:
    using QNetworkAccessManager::QNetworkAccessManager;
    int created = 0;

protected:
    QNetworkReply *createRequest(Operation op, const QNetworkRequest &request, QIODevice *data) override
    {
        ++created;
        return QNetworkAccessManager::createRequest(op, request, data);
    }
};

QString kindName(const Result<HttpResponse> &result)
{
    return result.ok() ? QStringLiteral("ok") : ApiError::kindName(result.error().kind());
}

QByteArray readTestData(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QByteArray httpDate(const QDateTime &time)
{
    return QLocale::c().toString(time.toUTC(), QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'")).toLatin1();
}

} // namespace

class TestApiClient : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<CountingNetworkAccessManager> m_network;
    std::unique_ptr<TestClock> m_clock;
    std::unique_ptr<ApiClient> m_client;
    std::unique_ptr<TestHttpServer> m_server;

private slots:
    void serverMessageFromBody_data();
    void serverMessageFromBody();
    void init()
    {
        m_network = std::make_unique<CountingNetworkAccessManager>();
        m_clock = std::make_unique<TestClock>();
        m_client = std::make_unique<ApiClient>(m_network.get(), m_clock.get());
        m_client->setRetryBaseDelayMs(10);
        m_client->setTransferTimeoutMs(5000);
        m_server = std::make_unique<TestHttpServer>();
        QVERIFY(m_server->listen());
    }

    void cleanup()
    {
        m_client.reset();
        m_server.reset();
        m_network.reset();
        m_clock.reset();
    }

    void staticHelpers()
    {
        QCOMPARE(ApiClient::userAgent(), QByteArray("TokenDesk/" TOKENDESK_VERSION));
        QVERIFY(ApiClient::isLoopbackHost(QStringLiteral("localhost")));
        QVERIFY(ApiClient::isLoopbackHost(QStringLiteral("127.0.0.1")));
        QVERIFY(ApiClient::isLoopbackHost(QStringLiteral("127.8.9.10")));
        QVERIFY(ApiClient::isLoopbackHost(QStringLiteral("::1")));
        QVERIFY(!ApiClient::isLoopbackHost(QStringLiteral("example.com")));
        QVERIFY(!ApiClient::isLoopbackHost(QStringLiteral("10.0.0.1")));
        QVERIFY(!ApiClient::isLoopbackHost(QStringLiteral("localhost.example.com")));
        QVERIFY(!ApiClient::isLoopbackHost(QStringLiteral("127.0.0.1.nip.io")));
    }

    void successJsonAndSkew()
    {
        const QDateTime serverNow = m_clock->now().addSecs(90);
        m_server->setRoute(QStringLiteral("/api/items"),
            TestHttpServer::json(200, R"({"items":[1,2]})").withHeader("Date", httpDate(serverNow)));
        const auto result =
            awaitResult(m_client->send(ApiRequest::get(m_server->url(QStringLiteral("/api/items?x=1")))));
        QVERIFY2(result.ok(), qPrintable(result.error().fullMessage()));
        QCOMPARE(result->status, 200);
        QCOMPARE(result->serverSkewMs, 90'000);
        QCOMPARE(result->url.path(), QStringLiteral("/api/items"));
        QCOMPARE(result->header("content-type"), QByteArray("application/json"));
        const auto json = result->json();
        QVERIFY(json.has_value());
        QCOMPARE(json->object().value(QLatin1String("items")).toArray().size(), 2);

        const TestHttpServer::Request request = m_server->lastRequest();
        QCOMPARE(request.method, QByteArray("GET"));
        QCOMPARE(request.target, QByteArray("/api/items?x=1"));
        QCOMPARE(request.header("User-Agent"), ApiClient::userAgent());
        QCOMPARE(request.header("Accept"), QByteArray("application/json"));
        QVERIFY(!request.hasHeader("Content-Type"));
        QCOMPARE(m_client->pendingCount(), 0);
    }

    void postSendsBodyAndHeaders()
    {
        m_server->setRoute(QStringLiteral("POST /api/create"), TestHttpServer::json(201, R"({"id":"t1"})"));
        ApiRequest request = ApiRequest::post(m_server->url(QStringLiteral("/api/create")), R"({"name":"ci"})");
        request.withBearer(QStringLiteral("abc")).withHeader("Idempotency-Key", "idem-7");
        const auto result = awaitResult(m_client->send(request));
        QVERIFY(result.ok());
        QCOMPARE(result->status, 201);
        QCOMPARE(result->serverSkewMs, 0);
        const TestHttpServer::Request received = m_server->lastRequest();
        QCOMPARE(received.method, QByteArray("POST"));
        QCOMPARE(received.body, QByteArray(R"({"name":"ci"})"));
        QCOMPARE(received.header("Content-Type"), QByteArray("application/json"));
        QCOMPARE(received.header("Idempotency-Key"), QByteArray("idem-7"));
        QVERIFY(received.header("Authorization") == "Bearer abc");
    }

    void basicAuthHeader()
    {
        m_server->setRoute(QStringLiteral("/x"), TestHttpServer::json(200, "{}"));
        const auto result =
            awaitResult(m_client->send(ApiRequest::get(m_server->url(QStringLiteral("/x")))
                                           .withBasicAuth(QStringLiteral("admin"), QStringLiteral("pw"))));
        QVERIFY(result.ok());
        QVERIFY(m_server->lastRequest().header("Authorization") == "Basic " + QByteArray("admin:pw").toBase64());
    }

    void errorStatuses_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("serverMessage");
        QTest::newRow("400 message") << 400 << QByteArray(R"({"message":"bad life"})") << int(Kind::BadRequest)
                                     << QStringLiteral("bad life");
        QTest::newRow("401 detail") << 401 << QByteArray(R"({"detail":"Invalid token"})") << int(Kind::Unauthorized)
                                    << QStringLiteral("Invalid token");
        QTest::newRow("403 error string") << 403 << QByteArray(R"({"error":"forbidden scope"})") << int(Kind::Forbidden)
                                          << QStringLiteral("forbidden scope");
        QTest::newRow("404 error object") << 404 << QByteArray(R"({"error":{"code":"x","message":"no such token"}})")
                                          << int(Kind::NotFound) << QStringLiteral("no such token");
        QTest::newRow("405 plain") << 405 << QByteArray("Method Not Allowed") << int(Kind::MethodNotAllowed)
                                   << QStringLiteral("Method Not Allowed");
        QTest::newRow("409 errors array")
            << 409 << QByteArray(R"({"errors":[{"message":"exists"},{"message":"again"}]})") << int(Kind::Conflict)
            << QStringLiteral("exists; again");
        QTest::newRow("422 detail array")
            << 422 << QByteArray(R"({"detail":[{"loc":["body","name"],"msg":"field required"}]})")
            << int(Kind::Validation) << QStringLiteral("field required");
        QTest::newRow("500 html") << 500
                                  << QByteArray("<html><head><title>x</title></head><body><h1>Oops</h1> it broke"
                                                "</body></html>")
                                  << int(Kind::Server) << QStringLiteral("x Oops it broke");
        QTest::newRow("500 empty") << 500 << QByteArray() << int(Kind::Server) << QString();
        QTest::newRow("400 unknown json") << 400 << QByteArray(R"({"foo":1})") << int(Kind::BadRequest) << QString();
    }

    void errorStatuses()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(int, kind);
        QFETCH(QString, serverMessage);
        m_client->setMaxRetries(0);
        m_server->setRoute(QStringLiteral("/e"), TestHttpServer::json(status, body));
        const auto result = awaitResult(m_client->send(ApiRequest::get(m_server->url(QStringLiteral("/e")))));
        QVERIFY(!result.ok());
        QCOMPARE(kindName(result), ApiError::kindName(Kind(kind)));
        QCOMPARE(result.error().httpStatus(), status);
        QCOMPARE(result.error().serverMessage(), serverMessage);
        QCOMPARE(result.error().body(), body);
        QVERIFY(!result.error().userMessage().isEmpty());
    }

    void unauthorizedWithChallenge()
    {
        // Qt's own authentication handling must not swallow the 401 (Specter answers Basic challenges).
        m_server->setRoute(QStringLiteral("/auth"),
            TestHttpServer::json(401, R"({"message":"bad credentials"})")
                .withHeader("WWW-Authenticate", R"(Basic realm="specter")"));
        const auto result =
            awaitResult(m_client->send(ApiRequest::get(m_server->url(QStringLiteral("/auth")))
                                           .withBasicAuth(QStringLiteral("admin"), QStringLiteral("x"))));
        QCOMPARE(kindName(result), QStringLiteral("unauthorized"));
        QCOMPARE(result.error().serverMessage(), QStringLiteral("bad credentials"));
        QCOMPARE(result.error().exitCode(), 3);
    }

    void longPlainTextIsCapped()
    {
        m_server->setRoute(QStringLiteral("/e"), TestHttpServer::text(400, QByteArray(2000, 'a')));
        const auto result = awaitResult(m_client->send(ApiRequest::get(m_server->url(QStringLiteral("/e")))));
        QCOMPARE(kindName(result), QStringLiteral("bad_request"));
        QVERIFY(result.error().serverMessage().size() <= 300);
        QVERIFY(result.error().serverMessage().size() >= 250);
    }

    void timeout()
    {
        m_client->setTransferTimeoutMs(300);
        m_client->setMaxRetries(0);
        m_server->setRoute(QStringLiteral("/hang"), TestHttpServer::hanging());
        const auto result = awaitResult(m_client->send(ApiRequest::get(m_server->url(QStringLiteral("/hang")))));
        QCOMPARE(kindName(result), QStringLiteral("timeout"));
        QCOMPARE(m_server->requestCount(QStringLiteral("/hang")), 1);
    }

    void timeoutPerRequestAndRetried()
    {
        m_client->setMaxRetries(1);
        m_server->setRoute(QStringLiteral("/hang"), TestHttpServer::hanging());
        ApiRequest request = ApiRequest::get(m_server->url(QStringLiteral("/hang")));
        request.timeoutMs = 200;
        const auto result = awaitResult(m_client->send(request));
        QCOMPARE(kindName(result), QStringLiteral("timeout"));
        QCOMPARE(m_server->requestCount(QStringLiteral("/hang")), 2);
    }

    // A hanging server holds a request for the deadline, not for attempts x transfer timeout, and the error
    // names the URL.
    void deadlineCapsAttemptsAndRetries()
    {
        m_client->setTransferTimeoutMs(5000);
        m_client->setMaxRetries(5);
        m_server->setRoute(QStringLiteral("/hang"), TestHttpServer::hanging());
        m_client->setDeadline(QDeadlineTimer(600));
        QElapsedTimer elapsed;
        elapsed.start();
        const auto result = awaitResult(m_client->send(ApiRequest::get(m_server->url(QStringLiteral("/hang")))));
        QCOMPARE(kindName(result), QStringLiteral("timeout"));
        QVERIFY2(elapsed.elapsed() < 3000, qPrintable(QString::number(elapsed.elapsed())));
        QCOMPARE(m_server->requestCount(QStringLiteral("/hang")), 1);
        QVERIFY2(result.error().fullMessage().contains(m_server->url(QStringLiteral("/hang")).toString()),
            qPrintable(result.error().fullMessage()));

        // Past the deadline nothing more is sent.
        const auto late = awaitResult(m_client->send(ApiRequest::get(m_server->url(QStringLiteral("/hang")))));
        QCOMPARE(kindName(late), QStringLiteral("timeout"));
        QCOMPARE(m_server->requestCount(QStringLiteral("/hang")), 1);
    }

    void retriesStopAtTheDeadline()
    {
        // 503s are retried after 300, 600, 1200, ... ms; a backoff that would end past the deadline is not waited.
        m_client->setMaxRetries(10);
        m_client->setRetryBaseDelayMs(300);
        m_server->setRoute(QStringLiteral("/busy"), TestHttpServer::json(503, R"({"message":"busy"})"));
        m_client->setDeadline(QDeadlineTimer(2000));
        QElapsedTimer elapsed;
        elapsed.start();
        const auto result = awaitResult(m_client->send(ApiRequest::get(m_server->url(QStringLiteral("/busy")))));
        QCOMPARE(kindName(result), QStringLiteral("server"));
        // Sent at 0, 300 and 900 ms; the next wait (1200 ms) would pass the deadline, so the 503 is the answer.
        QCOMPARE(m_server->requestCount(QStringLiteral("/busy")), 3);
        QVERIFY2(elapsed.elapsed() < 2000, qPrintable(QString::number(elapsed.elapsed())));

        // Without a deadline the same client retries every time.
        m_client->setDeadline(QDeadlineTimer(QDeadlineTimer::Forever));
        m_client->setMaxRetries(4);
        m_client->setRetryBaseDelayMs(10);
        const auto unbounded = awaitResult(m_client->send(ApiRequest::get(m_server->url(QStringLiteral("/busy")))));
        QCOMPARE(kindName(unbounded), QStringLiteral("server"));
        QCOMPARE(m_server->requestCount(QStringLiteral("/busy")), 3 + 5);
    }

    void sizeCapFromContentLength()
    {
        m_client->setMaxResponseBytes(1000);
        m_server->setRoute(QStringLiteral("/big"), TestHttpServer::text(200, QByteArray(5000, 'x')));
        const auto result = awaitResult(m_client->send(ApiRequest::get(m_server->url(QStringLiteral("/big")))));
        QCOMPARE(kindName(result), QStringLiteral("too_large"));
    }

    void sizeCapWhileStreaming()
    {
        m_client->setMaxResponseBytes(64 * 1024);
        TestHttpServer::Response response = TestHttpServer::text(200, QByteArray(1024 * 1024, 'x'));
        response.contentLength = false; // the body ends when the connection closes
        m_server->setRoute(QStringLiteral("/stream"), response);
        const auto result = awaitResult(m_client->send(ApiRequest::get(m_server->url(QStringLiteral("/stream")))));
        QCOMPARE(kindName(result), QStringLiteral("too_large"));

        // Under the cap is fine.
        m_client->setMaxResponseBytes(2 * 1024 * 1024);
        const auto ok = awaitResult(m_client->send(ApiRequest::get(m_server->url(QStringLiteral("/stream")))));
        QVERIFY(ok.ok());
        QCOMPARE(ok->body.size(), 1024 * 1024);
    }

    void closedMidBodyIsNetworkError()
    {
        m_client->setMaxRetries(0);
        TestHttpServer::Response response = TestHttpServer::json(200, QByteArray(4000, ' '));
        response.sendBodyBytes = 100;
        response.closeAfterSend = true;
        m_server->setRoute(QStringLiteral("/cut"), response);
        const auto result = awaitResult(m_client->send(ApiRequest::get(m_server->url(QStringLiteral("/cut")))));
        QCOMPARE(kindName(result), QStringLiteral("network"));
    }

    void connectionRefusedIsNetworkError()
    {
        m_client->setMaxRetries(1);
        const QUrl url = m_server->url(QStringLiteral("/gone"));
        m_server.reset();
        const auto result = awaitResult(m_client->send(ApiRequest::get(url)));
        QCOMPARE(kindName(result), QStringLiteral("network"));
        QVERIFY(!result.error().details().isEmpty());
        QCOMPARE(m_network->created, 2); // retried once
    }

    void crossOriginRedirectRefused()
    {
        TestHttpServer other;
        QVERIFY(other.listen());
        other.setRoute(QStringLiteral("/target"), TestHttpServer::json(200, "{}"));
        m_server->setRoute(QStringLiteral("/redirect"), TestHttpServer::redirect(other.url(QStringLiteral("/target"))));
        const auto result = awaitResult(m_client->send(ApiRequest::get(m_server->url(QStringLiteral("/redirect")))));
        QCOMPARE(kindName(result), QStringLiteral("redirect_refused"));
        QVERIFY(!result.error().details().isEmpty()); // Qt's InsecureRedirectError, not a raw 302
        QCOMPARE(other.requestCount(), 0);
    }

    void sameOriginRedirectFollowed()
    {
        m_server->setRoute(QStringLiteral("/old"), TestHttpServer::redirect(m_server->url(QStringLiteral("/new"))));
        m_server->setRoute(QStringLiteral("/new"), TestHttpServer::json(200, R"({"ok":true})"));
        const auto result = awaitResult(m_client->send(ApiRequest::get(m_server->url(QStringLiteral("/old")))));
        QVERIFY2(result.ok(), qPrintable(kindName(result)));
        QCOMPARE(result->url.path(), QStringLiteral("/new"));
        QCOMPARE(m_server->requestCount(QStringLiteral("/new")), 1);
    }

    void insecureUrlRefusedWithoutSending()
    {
        RequestLog log;
        m_client->setRequestLog(&log);
        const auto future = m_client->send(ApiRequest::get(QUrl(QStringLiteral("http://example.invalid/api"))));
        QVERIFY(future.isFinished());
        const auto result = future.result();
        QCOMPARE(kindName(result), QStringLiteral("insecure_url"));
        QCOMPARE(m_network->created, 0);
        QCOMPARE(m_client->pendingCount(), 0);
        QCOMPARE(log.entries().size(), 1);

        const auto ftp = awaitResult(m_client->send(ApiRequest::get(QUrl(QStringLiteral("ftp://example.com/x")))));
        QCOMPARE(kindName(ftp), QStringLiteral("insecure_url"));
        const auto invalid = awaitResult(m_client->send(ApiRequest::get(QUrl())));
        QCOMPARE(kindName(invalid), QStringLiteral("invalid_input"));
        QCOMPARE(m_network->created, 0);

        // localhost over http is fine.
        m_server->setRoute(QStringLiteral("/x"), TestHttpServer::json(200, "{}"));
        QUrl local = m_server->url(QStringLiteral("/x"));
        local.setHost(QStringLiteral("localhost"));
        const auto ok = awaitResult(m_client->send(ApiRequest::get(local)));
        QCOMPARE(kindName(ok), QStringLiteral("ok"));
    }

    void retryAfterThenSuccess()
    {
        m_server->enqueue(QStringLiteral("/limited"),
            TestHttpServer::json(429, R"({"message":"slow down"})").withHeader("Retry-After", "1"));
        m_server->setRoute(QStringLiteral("/limited"), TestHttpServer::json(200, R"({"ok":true})"));
        QElapsedTimer timer;
        timer.start();
        const auto result = awaitResult(m_client->send(ApiRequest::get(m_server->url(QStringLiteral("/limited")))));
        QVERIFY2(result.ok(), qPrintable(kindName(result)));
        QCOMPARE(m_server->requestCount(QStringLiteral("/limited")), 2);
        QVERIFY(timer.elapsed() >= 900); // waited for Retry-After, not just the 10 ms backoff
    }

    void retryAfterTooLongFails()
    {
        m_client->setMaxRetryAfterSeconds(5);
        m_server->setRoute(
            QStringLiteral("/limited"), TestHttpServer::json(429, "{}").withHeader("Retry-After", "120"));
        const auto result = awaitResult(m_client->send(ApiRequest::get(m_server->url(QStringLiteral("/limited")))));
        QCOMPARE(kindName(result), QStringLiteral("rate_limited"));
        QCOMPARE(result.error().retryAfterSeconds().value_or(-1), 120);
        QCOMPARE(m_server->requestCount(), 1);
    }

    void retryAfterHttpDate()
    {
        m_client->setMaxRetryAfterSeconds(5);
        // Relative to the server's Date header: 300 s later, whatever the local clock says.
        const QDateTime serverNow = UtcTime::dateTime(QDate(2030, 5, 1), QTime(8, 0));
        m_server->setRoute(QStringLiteral("/limited"),
            TestHttpServer::json(503, "{}")
                .withHeader("Date", httpDate(serverNow))
                .withHeader("Retry-After", httpDate(serverNow.addSecs(300))));
        const auto result = awaitResult(m_client->send(ApiRequest::get(m_server->url(QStringLiteral("/limited")))));
        QCOMPARE(kindName(result), QStringLiteral("rate_limited"));
        QCOMPARE(result.error().retryAfterSeconds().value_or(-1), 300);
    }

    void getRetriedOnServerErrors()
    {
        m_client->setMaxRetries(2);
        m_server->enqueue(QStringLiteral("/flaky"), TestHttpServer::json(502, "{}"));
        m_server->enqueue(QStringLiteral("/flaky"), TestHttpServer::json(503, "{}"));
        m_server->setRoute(QStringLiteral("/flaky"), TestHttpServer::json(200, "{}"));
        const auto result = awaitResult(m_client->send(ApiRequest::get(m_server->url(QStringLiteral("/flaky")))));
        QVERIFY(result.ok());
        QCOMPARE(m_server->requestCount(QStringLiteral("/flaky")), 3);

        // Gives up after maxRetries.
        m_server->setRoute(QStringLiteral("/down"), TestHttpServer::json(504, "{}"));
        const auto failed = awaitResult(m_client->send(ApiRequest::del(m_server->url(QStringLiteral("/down")))));
        QCOMPARE(kindName(failed), QStringLiteral("server"));
        QCOMPARE(m_server->requestCount(QStringLiteral("/down")), 3);
        QCOMPARE(m_server->lastRequest().method, QByteArray("DELETE"));

        // A 500 is not transient.
        m_server->setRoute(QStringLiteral("/broken"), TestHttpServer::json(500, "{}"));
        const auto broken = awaitResult(m_client->send(ApiRequest::get(m_server->url(QStringLiteral("/broken")))));
        QCOMPARE(kindName(broken), QStringLiteral("server"));
        QCOMPARE(m_server->requestCount(QStringLiteral("/broken")), 1);
    }

    void postNotRetried()
    {
        m_server->setRoute(QStringLiteral("/create"), TestHttpServer::json(503, "{}").withHeader("Retry-After", "0"));
        const auto result =
            awaitResult(m_client->send(ApiRequest::post(m_server->url(QStringLiteral("/create")), R"({"a":1})")));
        QCOMPARE(kindName(result), QStringLiteral("server"));
        QCOMPARE(m_server->requestCount(QStringLiteral("/create")), 1);
    }

    void retryablePostRetried()
    {
        m_server->enqueue(QStringLiteral("/create"), TestHttpServer::json(503, "{}"));
        m_server->setRoute(QStringLiteral("/create"), TestHttpServer::json(200, "{}"));
        ApiRequest request = ApiRequest::post(m_server->url(QStringLiteral("/create")), R"({"a":1})");
        request.retryable = true;
        request.withHeader("Idempotency-Key", "k-1");
        const auto result = awaitResult(m_client->send(request));
        QVERIFY(result.ok());
        QCOMPARE(m_server->requestCount(QStringLiteral("/create")), 2);
        QCOMPARE(m_server->lastRequest().header("Idempotency-Key"), QByteArray("k-1"));
        QCOMPARE(m_server->lastRequest().body, QByteArray(R"({"a":1})"));
    }

    void abortAllCancels()
    {
        m_server->setRoute(QStringLiteral("/hang"), TestHttpServer::hanging());
        const auto first = m_client->send(ApiRequest::get(m_server->url(QStringLiteral("/hang"))));
        const auto second = m_client->send(ApiRequest::post(m_server->url(QStringLiteral("/hang")), "{}"));
        QCOMPARE(m_client->pendingCount(), 2);
        QTRY_COMPARE(m_server->requestCount(QStringLiteral("/hang")), 2);
        m_client->abortAll();
        QVERIFY(first.isFinished());
        QVERIFY(second.isFinished());
        QCOMPARE(kindName(first.result()), QStringLiteral("cancelled"));
        QCOMPARE(kindName(second.result()), QStringLiteral("cancelled"));
        QCOMPARE(m_client->pendingCount(), 0);
    }

    void abortAllDuringRetryWait()
    {
        m_client->setRetryBaseDelayMs(60'000);
        m_server->setRoute(QStringLiteral("/flaky"), TestHttpServer::json(502, "{}"));
        const auto future = m_client->send(ApiRequest::get(m_server->url(QStringLiteral("/flaky"))));
        QTRY_COMPARE(m_server->requestCount(QStringLiteral("/flaky")), 1);
        QTest::qWait(50);
        QVERIFY(!future.isFinished());
        m_client->abortAll();
        QVERIFY(future.isFinished());
        QCOMPARE(kindName(future.result()), QStringLiteral("cancelled"));
    }

    void destructionFinishesFutures()
    {
        m_server->setRoute(QStringLiteral("/hang"), TestHttpServer::hanging());
        const auto future = m_client->send(ApiRequest::get(m_server->url(QStringLiteral("/hang"))));
        QTRY_COMPARE(m_server->requestCount(QStringLiteral("/hang")), 1);
        m_client.reset();
        QVERIFY(future.isFinished());
        QCOMPARE(kindName(future.result()), QStringLiteral("cancelled"));
    }

    void continuationRunsWithContext()
    {
        m_server->setRoute(QStringLiteral("/x"), TestHttpServer::json(200, R"({"n":5})"));
        QObject context;
        int value = 0;
        auto future = m_client->send(ApiRequest::get(m_server->url(QStringLiteral("/x"))))
                          .then(&context, [&value](Result<HttpResponse> result) {
                              if (result.ok())
                                  value = result->json()->object().value(QLatin1String("n")).toInt();
                              return value;
                          });
        QTRY_COMPARE(value, 5);
    }

    void malformedJson()
    {
        m_server->setRoute(QStringLiteral("/bad"), TestHttpServer::json(200, R"({"items": [1, 2)"));
        const auto result = awaitResult(m_client->send(ApiRequest::get(m_server->url(QStringLiteral("/bad")))));
        QVERIFY(result.ok());
        QString error;
        QVERIFY(!result->json(&error).has_value());
        QVERIFY(!error.isEmpty());

        HttpResponse empty;
        QVERIFY(!empty.json(&error).has_value());
        QVERIFY(!error.isEmpty());
    }

    void tlsUntrustedCertificateReported()
    {
        const QSslCertificate certificate(readTestData(QFINDTESTDATA("data/test-server.crt")), QSsl::Pem);
        const QSslKey key(readTestData(QFINDTESTDATA("data/test-server.key")), QSsl::Rsa, QSsl::Pem);
        QVERIFY(!certificate.isNull());
        QVERIFY(!key.isNull());
        QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
        configuration.setLocalCertificate(certificate);
        configuration.setPrivateKey(key);
        configuration.setPeerVerifyMode(QSslSocket::VerifyNone);
        TestHttpServer tls;
        QVERIFY(tls.listenTls(configuration));
        QCOMPARE(tls.baseUrl().scheme(), QStringLiteral("https"));
        tls.setRoute(QStringLiteral("/x"), TestHttpServer::json(200, "{}"));
        m_client->setMaxRetries(0);

        const auto refused = awaitResult(m_client->send(ApiRequest::get(tls.url(QStringLiteral("/x")))));
        QCOMPARE(kindName(refused), QStringLiteral("tls"));
        const QString fingerprint =
            QString::fromLatin1(certificate.digest(QCryptographicHash::Sha256).toHex(':').toUpper());
        QVERIFY2(refused.error().details().contains(fingerprint), qPrintable(refused.error().details()));
        QVERIFY(refused.error().details().contains(QStringLiteral("TokenDesk Test Server")));
        QCOMPARE(tls.requestCount(), 0);

        // Trusted once the certificate is added as an extra CA.
        m_client->setExtraCaCertificates({certificate});
        const auto trusted = awaitResult(m_client->send(ApiRequest::get(tls.url(QStringLiteral("/x")))));
        QVERIFY2(trusted.ok(), qPrintable(trusted.error().details()));
        QCOMPARE(tls.requestCount(), 1);
    }

    void requestLogHasNoSecrets()
    {
        RequestLog log;
        m_client->setRequestLog(&log);
        const QByteArray token = "tok-" + QByteArray::number(QRandomGenerator::global()->generate64(), 16);
        const QByteArray password = "pw-" + QByteArray::number(QRandomGenerator::global()->generate64(), 16);
        m_server->setRoute(QStringLiteral("/login"), TestHttpServer::json(401, R"({"message":"nope"})"));
        ApiRequest request =
            ApiRequest::post(m_server->url(QStringLiteral("/login?api_key=") + QString::fromLatin1(token)),
                R"({"username":"admin","password":")" + password + R"("})");
        request.withBearer(QString::fromLatin1(token));
        request.operation = QStringLiteral("test.login");
        const auto result = awaitResult(m_client->send(request));
        QCOMPARE(kindName(result), QStringLiteral("unauthorized"));
        QCOMPARE(result.error().serverMessage(), QStringLiteral("nope"));
        // The server did get the real values.
        QVERIFY(m_server->lastRequest().header("Authorization") == "Bearer " + token);
        QVERIFY(m_server->lastRequest().body.contains(password));

        const QList<RequestLog::Entry> entries = log.entries();
        QCOMPARE(entries.size(), 1);
        const RequestLog::Entry &entry = entries.first();
        QCOMPARE(entry.operation, QStringLiteral("test.login"));
        QCOMPARE(entry.status, 401);
        QCOMPARE(entry.error, QStringLiteral("unauthorized"));
        QCOMPARE(entry.method, QByteArray("POST"));
        QVERIFY(!entry.url.toUtf8().contains(token));
        QVERIFY(!entry.requestBody.contains(password));
        QVERIFY(entry.requestBody.contains("admin"));
        bool sawAuthorization = false;
        for (const auto &header : entry.requestHeaders) {
            QVERIFY(!header.second.contains(token));
            if (header.first.compare("authorization", Qt::CaseInsensitive) == 0)
                sawAuthorization = header.second == "Bearer <redacted>";
        }
        QVERIFY(sawAuthorization);
    }
};

void TestApiClient::serverMessageFromBody_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("expected");
    QTest::newRow("json message") << QByteArray(R"({"message":"Token deleted"})") << QStringLiteral("Token deleted");
    QTest::newRow("json without message") << QByteArray(R"({"status":404})") << QString();
    QTest::newRow("json cut off") << QByteArray(R"({"message": "Can't tell you the rea)") << QString();
    QTest::newRow("array cut off") << QByteArray(R"([{"msg": "bad)") << QString();
    QTest::newRow("html") << QByteArray(
        "<html><head><title>502</title><style>b{}</style></head><body><h1>Bad Gateway</h1>"
        "</body></html>") << QStringLiteral("502 Bad Gateway");
    QTest::newRow("plain text") << QByteArray("  upstream  timed out \n") << QStringLiteral("upstream timed out");
    QTest::newRow("empty") << QByteArray() << QString();
}

void TestApiClient::serverMessageFromBody()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, expected);
    QCOMPARE(ApiClient::serverMessageFromBody(body), expected);
}

QTEST_GUILESS_MAIN(TestApiClient)
#include "tst_apiclient.moc"
