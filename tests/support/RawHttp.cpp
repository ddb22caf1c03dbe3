#include "RawHttp.h"

#include <QBuffer>
#include <QEventLoop>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>

namespace RawHttp {

QByteArray Reply::header(const QByteArray &name) const
{
    for (const auto &header : headers) {
        if (header.first.compare(name, Qt::CaseInsensitive) == 0)
            return header.second;
    }
    return {};
}

bool Reply::hasHeader(const QByteArray &name) const
{
    for (const auto &header : headers) {
        if (header.first.compare(name, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

QJsonObject Reply::json() const
{
    return QJsonDocument::fromJson(body).object();
}

Reply send(const QByteArray &method, const QUrl &url, const Headers &headers, const QByteArray &body, int timeoutMs)
{
    QNetworkAccessManager network;
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    for (const auto &header : headers)
        request.setRawHeader(header.first, header.second);
    QBuffer buffer;
    buffer.setData(body);
    buffer.open(QIODevice::ReadOnly);
    QNetworkReply *reply = network.sendCustomRequest(request, method, &buffer);

    QEventLoop loop;
    QTimer timer;
    timer.setSingleShot(true);
    QObject::connect(&timer, &QTimer::timeout, &loop, &QEventLoop::quit);
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    timer.start(timeoutMs);
    if (!reply->isFinished())
        loop.exec();

    Reply result;
    if (reply->isFinished()) {
        result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        result.headers = reply->rawHeaderPairs();
        result.body = reply->readAll();
    } else {
        reply->abort();
    }
    delete reply;
    return result;
}

Reply get(const QUrl &url, const Headers &headers)
{
    return send("GET", url, headers);
}

QPair<QByteArray, QByteArray> basicAuth(const QString &user, const QString &password)
{
    const QByteArray credentials = user.toUtf8() + ':' + password.toUtf8();
    return {"Authorization", "Basic " + credentials.toBase64()};
}

QPair<QByteArray, QByteArray> jsonContentType()
{
    return {"Content-Type", "application/json"};
}

} // namespace RawHttp
