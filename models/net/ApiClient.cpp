#include "ApiClient.h"

#include "AccountProxyFactory.h"
#include "NetworkCompat.h"
#include "RequestLog.h"
#include "core/ApiError.h"
#include "core/Clock.h"
#include "core/ProcessHardening.h"
#include "core/UntrustedText.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QPromise>
#include <QRegularExpression>
#include <QTimer>

#if QT_CONFIG(ssl)
#include <QSslConfiguration>
#include <QSslError>
#endif

#include <algorithm>
#include <climits>

#ifndef TOKENDESK_VERSION
#define TOKENDESK_VERSION "0.0.0"
#endif

namespace {

Q_LOGGING_CATEGORY(lcApi, "tokendesk.api")

constexpr qsizetype MaxErrorBodyBytes = 64 * 1024;
constexpr qsizetype MaxServerMessageChars = 300;

bool isIdempotentMethod(const QByteArray &method)
{
    const QByteArray upper = method.toUpper();
    return upper == "GET" || upper == "DELETE" || upper == "HEAD";
}

QString jsonString(const QJsonValue &value)
{
    return value.isString() ? value.toString().trimmed() : QString();
}

// The server's own message from the usual JSON error shapes, else the body as capped plain text.
QString extractServerMessage(const QByteArray &body)
{
    if (body.trimmed().isEmpty())
        return {};
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error == QJsonParseError::NoError && document.isObject()) {
        const QJsonObject object = document.object();
        if (const QString message = jsonString(object.value(QLatin1String("message"))); !message.isEmpty())
            return message.left(MaxServerMessageChars);
        const QJsonValue detail = object.value(QLatin1String("detail"));
        if (const QString message = jsonString(detail); !message.isEmpty())
            return message.left(MaxServerMessageChars);
        if (detail.isArray()) { // FastAPI-style validation: [{"loc": [...], "msg": "..."}]
            QStringList parts;
            for (const QJsonValue &item : detail.toArray()) {
                const QJsonObject entry = item.toObject();
                QString message = jsonString(entry.value(QLatin1String("msg")));
                if (message.isEmpty())
                    message = jsonString(entry.value(QLatin1String("message")));
                if (!message.isEmpty())
                    parts.append(message);
            }
            if (!parts.isEmpty())
                return parts.join(QLatin1String("; ")).left(MaxServerMessageChars);
        }
        const QJsonValue error = object.value(QLatin1String("error"));
        if (const QString message = jsonString(error); !message.isEmpty()) {
            const QString description = jsonString(object.value(QLatin1String("error_description")));
            return (description.isEmpty() ? message : description).left(MaxServerMessageChars);
        }
        if (error.isObject()) {
            const QJsonObject errorObject = error.toObject();
            QString message = jsonString(errorObject.value(QLatin1String("message")));
            if (message.isEmpty())
                message = jsonString(errorObject.value(QLatin1String("detail")));
            if (!message.isEmpty())
                return message.left(MaxServerMessageChars);
        }
        const QJsonValue errors = object.value(QLatin1String("errors"));
        if (errors.isArray()) {
            QStringList parts;
            for (const QJsonValue &item : errors.toArray()) {
                QString message = jsonString(item);
                if (message.isEmpty())
                    message = jsonString(item.toObject().value(QLatin1String("message")));
                if (!message.isEmpty())
                    parts.append(message);
            }
            if (!parts.isEmpty())
                return parts.join(QLatin1String("; ")).left(MaxServerMessageChars);
        }
        if (const QString message = jsonString(object.value(QLatin1String("title"))); !message.isEmpty())
            return message.left(MaxServerMessageChars);
        return {};
    }
    if (parseError.error == QJsonParseError::NoError)
        return {};
    // JSON that does not parse (a body cut off mid-way) says nothing a person can use: show no server message
    // rather than a fragment of markup; the kind's own sentence stands.
    const QByteArray trimmed = body.trimmed();
    if (trimmed.startsWith('{') || trimmed.startsWith('['))
        return {};
    // Plain text or an HTML error page: strip the tags crudely and cap.
    QString text = QString::fromUtf8(body.left(MaxErrorBodyBytes));
    static const QRegularExpression scripts(QStringLiteral("<(script|style)[^>]*>.*?</\\1>"),
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression tags(QStringLiteral("<[^>]*>"));
    text.replace(scripts, QStringLiteral(" "));
    text.replace(tags, QStringLiteral(" "));
    text = text.simplified();
    return UntrustedText::elided(text, MaxServerMessageChars);
}

QByteArray headerValue(const QList<RawHeader> &headers, const QByteArray &name)
{
    for (const RawHeader &header : headers) {
        if (header.first.compare(name, Qt::CaseInsensitive) == 0)
            return header.second;
    }
    return {};
}

// Retry-After as delta-seconds or an HTTP-date (relative to the server's Date header when there is one).
std::optional<int> parseRetryAfter(const QList<RawHeader> &headers, const Clock *clock)
{
    const QByteArray value = headerValue(headers, "Retry-After").trimmed();
    if (value.isEmpty())
        return std::nullopt;
    bool ok = false;
    const qlonglong seconds = value.toLongLong(&ok);
    if (ok)
        return int(std::clamp<qlonglong>(seconds, 0, INT_MAX));
    const QDateTime now = clock ? clock->now() : QDateTime::currentDateTimeUtc();
    const std::optional<qint64> untilMs = Clock::skewFromHttpDate(value, now);
    if (!untilMs)
        return std::nullopt;
    qint64 deltaMs = *untilMs;
    if (const std::optional<qint64> dateSkew = Clock::skewFromHttpDate(headerValue(headers, "Date"), now))
        deltaMs -= *dateSkew;
    if (deltaMs <= 0)
        return 0;
    return int(qMin<qint64>((deltaMs + 999) / 1000, INT_MAX));
}

QString redactedErrorString(QNetworkReply *reply)
{
    QString text = reply->errorString();
    const QString url = reply->url().toString();
    if (!url.isEmpty())
        text.replace(url, RequestLog::redactUrl(url));
    const QString requestUrl = reply->request().url().toString();
    if (!requestUrl.isEmpty())
        text.replace(requestUrl, RequestLog::redactUrl(requestUrl));
    return text;
}

} // namespace

// ---------------------------------------------------------------------------------------------------------------
// ApiRequest / HttpResponse

ApiRequest ApiRequest::get(const QUrl &url)
{
    ApiRequest request;
    request.method = "GET";
    request.url = url;
    return request;
}

ApiRequest ApiRequest::del(const QUrl &url)
{
    ApiRequest request;
    request.method = "DELETE";
    request.url = url;
    return request;
}

ApiRequest ApiRequest::post(const QUrl &url, const QByteArray &jsonBody)
{
    ApiRequest request;
    request.method = "POST";
    request.url = url;
    request.body = jsonBody;
    return request;
}

ApiRequest &ApiRequest::withHeader(const QByteArray &name, const QByteArray &value)
{
    for (RawHeader &header : headers) {
        if (header.first.compare(name, Qt::CaseInsensitive) == 0) {
            header.second = value;
            return *this;
        }
    }
    headers.append({name, value});
    return *this;
}

ApiRequest &ApiRequest::withBearer(const QString &token)
{
    return withHeader("Authorization", "Bearer " + token.toUtf8());
}

ApiRequest &ApiRequest::withBasicAuth(const QString &user, const QString &password)
{
    QByteArray credentials = user.toUtf8() + ':' + password.toUtf8();
    withHeader("Authorization", "Basic " + credentials.toBase64());
    ProcessHardening::wipe(credentials);
    return *this;
}

QByteArray HttpResponse::header(const QByteArray &name) const
{
    return headerValue(headers, name);
}

std::optional<QJsonDocument> HttpResponse::json(QString *error) const
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError || document.isNull()) {
        if (error) {
            *error = body.isEmpty() ? QCoreApplication::translate("ApiError", "The reply is empty.")
                                    : QCoreApplication::translate("ApiError", "The reply is not JSON: %1 at offset %2.")
                                          .arg(parseError.errorString())
                                          .arg(parseError.offset);
        }
        return std::nullopt;
    }
    if (error)
        error->clear();
    return document;
}

// ---------------------------------------------------------------------------------------------------------------
// Once a request is over, its credentials (Authorization and friends) and body (a login's password) are
// overwritten where this is their last copy; QNetworkAccessManager's own copies are out of reach.
static void wipeRequestSecrets(ApiRequest &request)
{
    for (RawHeader &header : request.headers)
        ProcessHardening::wipe(header.second);
    ProcessHardening::wipe(request.body);
}

// ApiClient

struct ApiClient::Pending
{
    enum class Abort { None, User, TooLarge, Deadline };

    ApiRequest request;
    QPromise<Result<HttpResponse>> promise;
    QPointer<QNetworkReply> reply;
    QElapsedTimer elapsed;
    int attempt = 0;
    Abort abort = Abort::None;
    QStringList tlsDetails;
    bool done = false;
};

ApiClient::ApiClient(QNetworkAccessManager *network, const Clock *clock, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_clock(clock ? clock : Clock::system())
{ }

ApiClient::~ApiClient()
{
    abortAll();
}

void ApiClient::setTransferTimeoutMs(int ms)
{
    m_timeoutMs = ms > 0 ? ms : DefaultTimeoutMs;
}

void ApiClient::setMaxResponseBytes(qint64 bytes)
{
    m_maxResponseBytes = bytes;
}

void ApiClient::setMaxRetries(int retries)
{
    m_maxRetries = qMax(0, retries);
}

void ApiClient::setRetryBaseDelayMs(int ms)
{
    m_retryBaseDelayMs = qMax(0, ms);
}

void ApiClient::setMaxRetryAfterSeconds(int seconds)
{
    m_maxRetryAfterSeconds = qMax(0, seconds);
}

void ApiClient::setDeadline(const QDeadlineTimer &deadline)
{
    m_deadline = deadline;
}

ApiError ApiClient::deadlineError(const Pending &pending) const
{
    return ApiError(ApiError::Kind::Timeout,
        QCoreApplication::translate("ApiError", "No answer from %1 before the time allowed for this operation ran out.")
            .arg(RequestLog::redactUrl(pending.request.url.toString())));
}

void ApiClient::setRequestLog(RequestLog *log)
{
    m_log = log;
}

void ApiClient::setExtraCaCertificates(const QList<QSslCertificate> &certificates)
{
    // Clearing the shared manager's connection cache disturbs requests of other accounts in flight: only a
    // real change of the trust store does it.
    if (certificates == m_extraCaCertificates)
        return;
    m_extraCaCertificates = certificates;
    // Qt keys its connection cache by host and port, not by TLS configuration: a connection made (or refused)
    // with the old trust store would otherwise be reused.
    if (QNetworkAccessManager *manager = network())
        manager->clearConnectionCache();
}

void ApiClient::setPlainHttpHost(const QString &host)
{
    m_plainHttpHost = host.trimmed().toLower();
}

bool ApiClient::allowsPlainHttp(const QUrl &url) const
{
    return isLoopbackHost(url.host()) || (!m_plainHttpHost.isEmpty() && url.host().toLower() == m_plainHttpHost);
}

void ApiClient::setProxyPolicy(const ProxyPolicy &policy)
{
    if (policy.mode() == ProxyPolicy::Mode::System) {
        if (m_ownNetwork) {
            m_ownNetwork->deleteLater();
            m_ownNetwork = nullptr;
        }
        // The shared manager follows the system's proxy (environment variables included) for every account
        // that has no proxy of its own.
        if (m_network && !dynamic_cast<AccountProxyFactory *>(m_network->proxyFactory()))
            m_network->setProxyFactory(new AccountProxyFactory(policy));
        return;
    }
    // A proxy of this account's own (or none at all): a manager of its own, since Qt chooses proxies per manager.
    if (!m_ownNetwork)
        m_ownNetwork = new QNetworkAccessManager(this);
    m_ownNetwork->setProxyFactory(new AccountProxyFactory(policy));
    m_ownNetwork->clearConnectionCache();
}

QNetworkAccessManager *ApiClient::network() const
{
    return m_ownNetwork ? m_ownNetwork : m_network;
}

QString ApiClient::serverMessageFromBody(const QByteArray &body)
{
    return extractServerMessage(body);
}

QByteArray ApiClient::userAgent()
{
    return QByteArrayLiteral("TokenDesk/" TOKENDESK_VERSION);
}

bool ApiClient::isLoopbackHost(const QString &host)
{
    QString name = host.trimmed().toLower();
    if (name.startsWith(u'[') && name.endsWith(u']'))
        name = name.mid(1, name.size() - 2);
    if (name.endsWith(u'.'))
        name.chop(1);
    if (name == QLatin1String("localhost") || name.endsWith(QLatin1String(".localhost")))
        return true;
    const QHostAddress address(name);
    return !address.isNull() && address.isLoopback();
}

int ApiClient::pendingCount() const
{
    return int(m_pending.size());
}

QFuture<Result<HttpResponse>> ApiClient::send(const ApiRequest &request)
{
    const QUrl &url = request.url;
    const QString scheme = url.scheme().toLower();
    std::optional<ApiError> refused;
    if (!url.isValid() || url.host().isEmpty()
        || (scheme != QLatin1String("https") && scheme != QLatin1String("http"))) {
        if (url.isValid() && !url.host().isEmpty()) {
            refused = ApiError(ApiError::Kind::InsecureUrl);
        } else {
            refused = ApiError(ApiError::Kind::InvalidInput,
                QCoreApplication::translate("ApiError", "The server address is not a valid URL."));
        }
    } else if (scheme == QLatin1String("http") && !allowsPlainHttp(url)) {
        refused = ApiError(ApiError::Kind::InsecureUrl);
    }
    if (refused) {
        const QString redacted = RequestLog::redactUrl(url.toString());
        qCInfo(lcApi).noquote() << request.method << redacted << "refused:" << ApiError::kindName(refused->kind());
        if (m_log) {
            RequestLog::Entry entry;
            entry.time = m_clock->now();
            entry.operation = request.operation;
            entry.method = request.method;
            entry.url = redacted;
            entry.error = ApiError::kindName(refused->kind());
            m_log->append(std::move(entry));
        }
        return readyResult(Result<HttpResponse>(*refused));
    }

    auto pending = std::make_shared<Pending>();
    pending->request = request;
    pending->promise.start();
    QFuture<Result<HttpResponse>> future = pending->promise.future();
    m_pending.append(pending);
    start(pending);
    return future;
}

void ApiClient::abortAll()
{
    const QList<std::shared_ptr<Pending>> all = m_pending;
    m_pending.clear();
    for (const std::shared_ptr<Pending> &pending : all) {
        if (pending->done)
            continue;
        pending->done = true;
        pending->abort = Pending::Abort::User;
        int status = 0;
        if (QNetworkReply *reply = pending->reply) {
            pending->reply = nullptr;
            QObject::disconnect(reply, nullptr, this, nullptr);
            status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            reply->abort();
            reply->deleteLater();
        }
        const ApiError error(ApiError::Kind::Cancelled);
        logAttempt(*pending, status, error);
        pending->promise.addResult(Result<HttpResponse>(error));
        pending->promise.finish();
        wipeRequestSecrets(pending->request);
    }
}

QNetworkRequest ApiClient::buildRequest(const ApiRequest &request, int transferTimeoutMs) const
{
    QNetworkRequest networkRequest(request.url);
    networkRequest.setHeader(QNetworkRequest::UserAgentHeader, userAgent());
    networkRequest.setRawHeader("Accept", "application/json");
    for (const RawHeader &header : request.headers)
        networkRequest.setRawHeader(header.first, header.second);
    if (!request.body.isEmpty())
        networkRequest.setHeader(QNetworkRequest::ContentTypeHeader, request.contentType);
    NetworkCompat::setTransferTimeout(networkRequest, transferTimeoutMs);
    networkRequest.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::SameOriginRedirectPolicy);
    networkRequest.setMaximumRedirectsAllowed(10);
    networkRequest.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    networkRequest.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
#if QT_CONFIG(ssl)
    if (!m_extraCaCertificates.isEmpty()) {
        QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
        configuration.addCaCertificates(m_extraCaCertificates);
        networkRequest.setSslConfiguration(configuration);
    }
#endif
    return networkRequest;
}

void ApiClient::start(const std::shared_ptr<Pending> &pendingRef)
{
    const std::shared_ptr<Pending> pending = pendingRef;
    if (pending->done)
        return;
    int transferTimeoutMs = pending->request.timeoutMs > 0 ? pending->request.timeoutMs : m_timeoutMs;
    const qint64 leftMs = m_deadline.remainingTime(); // -1: no deadline
    if (leftMs == 0) {
        complete(pending, Result<HttpResponse>(deadlineError(*pending)));
        return;
    }
    // The deadline timer below ends the attempt; the transfer timeout is kept just past it so that the
    // deadline, not a plain timeout, is what gets reported.
    if (leftMs > 0 && leftMs < transferTimeoutMs)
        transferTimeoutMs = int(leftMs) + 1000;
    ++pending->attempt;
    pending->abort = Pending::Abort::None;
    pending->tlsDetails.clear();
    pending->elapsed.start();

    const ApiRequest &request = pending->request;
    const QNetworkRequest networkRequest = buildRequest(request, transferTimeoutMs);
    const QByteArray method = request.method.toUpper();
    QNetworkReply *reply = nullptr;
    if (method == "GET" && request.body.isEmpty())
        reply = network()->get(networkRequest);
    else if (method == "HEAD")
        reply = network()->head(networkRequest);
    else if (method == "DELETE" && request.body.isEmpty())
        reply = network()->deleteResource(networkRequest);
    else if (method == "POST")
        reply = network()->post(networkRequest, request.body);
    else if (method == "PUT")
        reply = network()->put(networkRequest, request.body);
    else
        reply = network()->sendCustomRequest(networkRequest, method, request.body);
    pending->reply = reply;
    if (leftMs > 0) {
        // The transfer timeout only notices silence; a server that trickles bytes is stopped here.
        QTimer::singleShot(int(qMin<qint64>(leftMs, INT_MAX)), reply, [pending, reply] {
            if (pending->reply == reply && !pending->done) {
                pending->abort = Pending::Abort::Deadline;
                reply->abort();
            }
        });
    }

    connect(reply, &QNetworkReply::finished, this, [this, pending] { finishReply(pending); });
    connect(reply, &QNetworkReply::metaDataChanged, this, [this, pending] {
        QNetworkReply *current = pending->reply;
        if (!current || m_maxResponseBytes <= 0)
            return;
        bool ok = false;
        const qint64 length = current->header(QNetworkRequest::ContentLengthHeader).toLongLong(&ok);
        if (ok && length > m_maxResponseBytes) {
            pending->abort = Pending::Abort::TooLarge;
            current->abort();
        }
    });
    connect(reply, &QNetworkReply::downloadProgress, this, [this, pending](qint64 received, qint64 total) {
        QNetworkReply *current = pending->reply;
        if (!current || m_maxResponseBytes <= 0)
            return;
        if (received > m_maxResponseBytes || total > m_maxResponseBytes) {
            pending->abort = Pending::Abort::TooLarge;
            current->abort();
        }
    });
#if QT_CONFIG(ssl)
    connect(reply, &QNetworkReply::sslErrors, this, [pending](const QList<QSslError> &errors) {
        // Never ignored: recorded so the error can show what was presented.
        for (const QSslError &error : errors) {
            QString text = error.errorString();
            const QSslCertificate certificate = error.certificate();
            if (!certificate.isNull()) {
                text +=
                    QStringLiteral(" (subject: %1, SHA-256 fingerprint: %2)")
                        .arg(certificate.subjectDisplayName(),
                            QString::fromLatin1(certificate.digest(QCryptographicHash::Sha256).toHex(':').toUpper()));
            }
            if (!pending->tlsDetails.contains(text))
                pending->tlsDetails.append(text);
        }
    });
#endif
}

void ApiClient::finishReply(const std::shared_ptr<Pending> &pendingRef)
{
    const std::shared_ptr<Pending> pending = pendingRef;
    QNetworkReply *reply = pending->reply;
    if (!reply || pending->done)
        return;
    pending->reply = nullptr;
    QObject::disconnect(reply, nullptr, this, nullptr);
    reply->deleteLater();

    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QNetworkReply::NetworkError networkError = reply->error();
    const QList<RawHeader> headers = reply->rawHeaderPairs();

    std::optional<ApiError> error;
    QByteArray body;
    if (pending->abort == Pending::Abort::User) {
        error = ApiError(ApiError::Kind::Cancelled);
    } else if (pending->abort == Pending::Abort::Deadline) {
        error = deadlineError(*pending);
    } else if (pending->abort == Pending::Abort::TooLarge) {
        error = ApiError(ApiError::Kind::TooLarge, {}, status);
    } else if (networkError == QNetworkReply::InsecureRedirectError) {
        error = ApiError(ApiError::Kind::RedirectRefused, {}, status);
        error->setDetails(redactedErrorString(reply));
    } else if (networkError == QNetworkReply::TooManyRedirectsError) {
        error = ApiError(ApiError::Kind::RedirectRefused,
            QCoreApplication::translate("ApiError", "The server redirected the request too many times."), status);
    } else if (networkError != QNetworkReply::NoError
        && (status == 0 || networkError < QNetworkReply::ContentAccessDenied
            || networkError == QNetworkReply::ProtocolFailure)) {
        // Transport failures, also after the status line arrived (connection closed mid-body, timeout).
        switch (networkError) {
        case QNetworkReply::TimeoutError:
        case QNetworkReply::OperationCanceledError: // Qt 6.4 reports its transfer timeout as a cancellation
        case QNetworkReply::ProxyTimeoutError:
            error = ApiError(ApiError::Kind::Timeout);
            break;
        case QNetworkReply::SslHandshakeFailedError:
            error = ApiError(ApiError::Kind::Tls);
            break;
        default:
            error = ApiError(ApiError::Kind::Network);
            break;
        }
        QStringList details = pending->tlsDetails;
        if (details.isEmpty() || error->kind() != ApiError::Kind::Tls)
            details.prepend(redactedErrorString(reply));
#if QT_CONFIG(ssl)
        if (error->kind() == ApiError::Kind::Tls && pending->tlsDetails.isEmpty()) {
            const QList<QSslCertificate> chain = reply->sslConfiguration().peerCertificateChain();
            if (!chain.isEmpty()) {
                details.append(QStringLiteral("subject: %1, SHA-256 fingerprint: %2")
                                   .arg(chain.first().subjectDisplayName(),
                                       QString::fromLatin1(
                                           chain.first().digest(QCryptographicHash::Sha256).toHex(':').toUpper())));
            }
        }
#endif
        error->setDetails(details.join(QLatin1String("; ")));
    } else {
        body = reply->readAll();
        if (status >= 200 && status <= 299) {
            if (m_maxResponseBytes > 0 && body.size() > m_maxResponseBytes)
                error = ApiError(ApiError::Kind::TooLarge, {}, status);
        } else {
            error = ApiError(ApiError::kindForStatus(status), {}, status);
            error->setServerMessage(extractServerMessage(body));
            error->setBody(body.left(MaxErrorBodyBytes));
            error->setRetryAfterSeconds(parseRetryAfter(headers, m_clock));
        }
    }

    if (!error) {
        logAttempt(*pending, status, ApiError());
        HttpResponse response;
        response.status = status;
        response.body = std::move(body);
        response.headers = headers;
        response.url = reply->url();
        if (const auto skew = Clock::skewFromHttpDate(response.header("Date"), m_clock->now()))
            response.serverSkewMs = *skew;
        complete(pending, Result<HttpResponse>(std::move(response)));
        return;
    }

    logAttempt(*pending, status, *error);

    const bool mayRetry = pending->request.retryable || isIdempotentMethod(pending->request.method);
    const bool transient = error->kind() == ApiError::Kind::Network || error->kind() == ApiError::Kind::Timeout
        || status == 429 || status == 502 || status == 503 || status == 504;
    const std::optional<int> retryAfter = error->retryAfterSeconds();
    const bool honoursRetryAfter = retryAfter.has_value() && (status == 429 || status == 503);

    if (honoursRetryAfter && *retryAfter > m_maxRetryAfterSeconds) {
        ApiError rateLimited(ApiError::Kind::RateLimited, {}, status);
        rateLimited.setServerMessage(error->serverMessage());
        rateLimited.setBody(error->body());
        rateLimited.setRetryAfterSeconds(retryAfter);
        complete(pending, Result<HttpResponse>(rateLimited));
        return;
    }

    if (error->kind() == ApiError::Kind::Timeout && m_deadline.hasExpired())
        error = deadlineError(*pending);
    if (mayRetry && transient && pending->attempt <= m_maxRetries && !m_deadline.hasExpired()) {
        int delayMs = m_retryBaseDelayMs;
        for (int i = 1; i < pending->attempt && delayMs < 60'000; ++i)
            delayMs *= 2;
        if (honoursRetryAfter)
            delayMs = qMax(delayMs, *retryAfter * 1000);
        // A retry that could only start after the deadline would be cut off at once: report this failure now.
        if (!m_deadline.isForever() && delayMs >= m_deadline.remainingTime()) {
            complete(pending, Result<HttpResponse>(*error));
            return;
        }
        qCDebug(lcApi) << "retrying in" << delayMs << "ms";
        QTimer::singleShot(delayMs, this, [this, pending] {
            if (!pending->done)
                start(pending);
        });
        return;
    }

    complete(pending, Result<HttpResponse>(*error));
}

void ApiClient::complete(const std::shared_ptr<Pending> &pendingRef, Result<HttpResponse> result)
{
    const std::shared_ptr<Pending> pending = pendingRef;
    if (pending->done)
        return;
    pending->done = true;
    m_pending.removeOne(pending);
    pending->promise.addResult(std::move(result));
    pending->promise.finish();
    wipeRequestSecrets(pending->request);
}

void ApiClient::logAttempt(const Pending &pending, int status, const ApiError &error)
{
    const ApiRequest &request = pending.request;
    const QString url = RequestLog::redactUrl(request.url.toString());
    const qint64 ms = pending.elapsed.isValid() ? pending.elapsed.elapsed() : 0;
    const QString kind = error.isNone() ? QString() : ApiError::kindName(error.kind());
    if (error.isNone()) {
        qCDebug(lcApi).noquote() << request.method << url << "->" << status << QStringLiteral("(%1 ms)").arg(ms)
                                 << "attempt" << pending.attempt;
    } else {
        qCInfo(lcApi).noquote() << request.method << url << "->" << status << kind << QStringLiteral("(%1 ms)").arg(ms)
                                << "attempt" << pending.attempt;
    }
    if (!m_log)
        return;
    RequestLog::Entry entry;
    entry.time = m_clock->now();
    entry.operation = request.operation;
    entry.method = request.method;
    entry.url = url;
    entry.status = status;
    entry.error = kind;
    entry.durationMs = ms;
    for (const RawHeader &header : request.headers)
        entry.requestHeaders.append({header.first, RequestLog::redactHeader(header.first, header.second)});
    entry.requestBody = RequestLog::redactJson(request.body);
    entry.attempt = pending.attempt;
    m_log->append(std::move(entry));
}
