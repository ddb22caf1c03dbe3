#include "Emulator.h"

#include <QJsonDocument>

SandboxResponse SandboxResponse::json(int status, const QJsonObject &object)
{
    SandboxResponse response;
    response.status = status;
    response.headers.append(qMakePair(QByteArray("Content-Type"), QByteArray("application/json")));
    response.body = QJsonDocument(object).toJson(QJsonDocument::Compact);
    return response;
}

SandboxResponse SandboxResponse::jsonArray(int status, const QByteArray &compactJson)
{
    SandboxResponse response;
    response.status = status;
    response.headers.append(qMakePair(QByteArray("Content-Type"), QByteArray("application/json")));
    response.body = compactJson;
    return response;
}

SandboxResponse SandboxResponse::text(int status, const QByteArray &body, const QByteArray &contentType)
{
    SandboxResponse response;
    response.status = status;
    response.headers.append(qMakePair(QByteArray("Content-Type"), QByteArray(contentType)));
    response.body = body;
    return response;
}

SandboxResponse SandboxResponse::empty(int status)
{
    SandboxResponse response;
    response.status = status;
    return response;
}

SandboxResponse SandboxResponse::redirect(int status, const QString &location)
{
    SandboxResponse response;
    response.status = status;
    response.headers.append(qMakePair(QByteArray("Location"), QByteArray(location.toUtf8())));
    return response;
}
