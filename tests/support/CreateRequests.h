#pragma once

#include "providers/TokenProvider.h"

#include <QString>

// The create requests tests send, filled as the New Token dialog fills them.
namespace CreateRequests {

inline CreateRequest specterToken(const QString &description, const QString &lifetime = QStringLiteral("2 hours"))
{
    CreateRequest request;
    request.kind = QStringLiteral("token");
    request.values.insert(QStringLiteral("description"), description);
    request.values.insert(QStringLiteral("lifetime"), lifetime);
    return request;
}

// An app-portal session of Svix application `app`.
inline CreateRequest svixPortal(const QString &app, const QString &sessionId)
{
    CreateRequest request;
    request.kind = QStringLiteral("portal");
    request.values.insert(QStringLiteral("app_id"), app);
    request.values.insert(QStringLiteral("session_id"), sessionId);
    return request;
}

} // namespace CreateRequests
