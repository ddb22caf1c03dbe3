#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QUrl>

// Blocking raw HTTP for tests that check a server byte by byte (emulators, the sandbox): no redirects are
// followed, no Accept header is added, and nothing is logged (bodies may hold secrets).
namespace RawHttp {

struct Reply
{
    int status = 0; // 0 = no HTTP answer (connection refused, timeout)
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;

    QByteArray header(const QByteArray &name) const; // case-insensitive; empty when absent
    bool hasHeader(const QByteArray &name) const;
    QJsonObject json() const; // empty when the body is not a JSON object
};

using Headers = QList<QPair<QByteArray, QByteArray>>;

Reply send(const QByteArray &method, const QUrl &url, const Headers &headers = {}, const QByteArray &body = {},
    int timeoutMs = 10'000);
Reply get(const QUrl &url, const Headers &headers = {});

QPair<QByteArray, QByteArray> basicAuth(const QString &user, const QString &password);
QPair<QByteArray, QByteArray> jsonContentType();

} // namespace RawHttp
