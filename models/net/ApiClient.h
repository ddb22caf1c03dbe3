#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QDeadlineTimer>
#include <QFuture>
#include <QJsonDocument>
#include <QList>
#include <QObject>
#include <QPair>
#include <QSslCertificate>
#include <QUrl>

#include <memory>
#include <optional>

class QNetworkAccessManager;
class QNetworkRequest;
class Clock;
class ProxyPolicy;
class RequestLog;

using RawHeader = QPair<QByteArray, QByteArray>;

struct ApiRequest
{
    QByteArray method = "GET";
    QUrl url;
    QList<RawHeader> headers; // Authorization and friends; redacted in the request log
    QByteArray body;
    QByteArray contentType = "application/json"; // sent only when body is not empty
    // GET/DELETE are retried with backoff on network errors, 429 and 502/503/504; POST never is unless this
    // is set (only for calls that carry an idempotency key).
    bool retryable = false;
    // Overrides the client's transfer timeout for this call (ms); 0 = the client's default.
    int timeoutMs = 0;
    // Short label for the request log ("specter.list"); never contains secrets.
    QString operation;

    static ApiRequest get(const QUrl &url);
    static ApiRequest del(const QUrl &url);
    static ApiRequest post(const QUrl &url, const QByteArray &jsonBody);
    ApiRequest &withHeader(const QByteArray &name, const QByteArray &value);
    ApiRequest &withBearer(const QString &token);
    ApiRequest &withBasicAuth(const QString &user, const QString &password);
};

struct HttpResponse
{
    int status = 0;
    QByteArray body;
    QList<RawHeader> headers;
    QUrl url;
    qint64 serverSkewMs = 0; // from the Date header; 0 when absent

    QByteArray header(const QByteArray &name) const; // case-insensitive
    // Parsed JSON; nullopt (and *error set) when the body is not JSON.
    std::optional<QJsonDocument> json(QString *error = nullptr) const;
};

// Builds and sends every HTTP request TokenDesk makes (DESIGN.md, "ApiClient"): transfer timeout, response
// size cap, same-origin redirects only, User-Agent, https required off loopback, TLS errors reported with
// certificate details (never ignored), one mapping of failures to ApiError, Retry-After, retry with backoff
// for idempotent calls, and a request log with secrets redacted.
//
// A non-2xx status yields an ApiError whose kind follows the status, whose serverMessage is taken from the
// usual JSON error shapes ({"message"}, {"detail"}, {"error"}, {"errors":[{"message"}]}, else capped text)
// and whose body() holds the raw body for provider-specific parsing.
class ApiClient : public QObject
{
    Q_OBJECT
public:
    explicit ApiClient(QNetworkAccessManager *network, const Clock *clock, QObject *parent = nullptr);
    ~ApiClient() override;

    static constexpr int DefaultTimeoutMs = 30'000;
    static constexpr qint64 DefaultMaxResponseBytes = 8 * 1024 * 1024;

    void setTransferTimeoutMs(int ms);
    int transferTimeoutMs() const { return m_timeoutMs; }
    void setMaxResponseBytes(qint64 bytes);
    void setMaxRetries(int retries); // for retryable requests; default 2
    void setRetryBaseDelayMs(int ms); // first backoff delay, doubled each time; default 500 ms
    void setMaxRetryAfterSeconds(int seconds); // longest Retry-After honoured before giving up; default 60
    // One deadline for everything sent from now on, across attempts and retries: each attempt gets at most the
    // time left, no retry starts (or waits) past it, and a request still open at the deadline is aborted as a
    // Kind::Timeout naming the URL. A CLI command sets it once so a hanging server cannot hold it for
    // attempts x transfer timeout. Default: forever (only the per-attempt transfer timeout applies).
    void setDeadline(const QDeadlineTimer &deadline);
    QDeadlineTimer deadline() const { return m_deadline; }
    void setRequestLog(RequestLog *log);
    // Extra CA certificates trusted for this client, added to (not replacing) the system ones.
    void setExtraCaCertificates(const QList<QSslCertificate> &certificates);
    // Plain http is refused off loopback, except to this one host (an account's "allow plain http to this host").
    void setPlainHttpHost(const QString &host);
    bool allowsPlainHttp(const QUrl &url) const;
    // The proxy of this client's requests (default: the system's, see ProxyPolicy).
    void setProxyPolicy(const ProxyPolicy &policy);
    // The manager requests go through: the shared one, or this client's own when it has a proxy of its own.
    QNetworkAccessManager *network() const;

    QFuture<Result<HttpResponse>> send(const ApiRequest &request);

    // Aborts every request in flight; their futures finish with Kind::Cancelled.
    void abortAll();
    int pendingCount() const;

    static QByteArray userAgent(); // "TokenDesk/<version>"
    // The server's message from an error body: the usual JSON shapes, else the text with HTML stripped, capped.
    static QString serverMessageFromBody(const QByteArray &body);
    // http is allowed only for loopback hosts (127.0.0.0/8, ::1, localhost).
    static bool isLoopbackHost(const QString &host);

private:
    struct Pending;
    void start(const std::shared_ptr<Pending> &pending);
    void finishReply(const std::shared_ptr<Pending> &pending);
    void complete(const std::shared_ptr<Pending> &pending, Result<HttpResponse> result);
    void logAttempt(const Pending &pending, int status, const ApiError &error);
    ApiError deadlineError(const Pending &pending) const;
    QNetworkRequest buildRequest(const ApiRequest &request, int transferTimeoutMs) const;

    QNetworkAccessManager *m_network;
    const Clock *m_clock;
    RequestLog *m_log = nullptr;
    int m_timeoutMs = DefaultTimeoutMs;
    qint64 m_maxResponseBytes = DefaultMaxResponseBytes;
    int m_maxRetries = 2;
    int m_retryBaseDelayMs = 500;
    int m_maxRetryAfterSeconds = 60;
    QDeadlineTimer m_deadline {QDeadlineTimer::Forever};
    QList<QSslCertificate> m_extraCaCertificates;
    QString m_plainHttpHost;
    QNetworkAccessManager *m_ownNetwork = nullptr;
    QList<std::shared_ptr<Pending>> m_pending;
};
