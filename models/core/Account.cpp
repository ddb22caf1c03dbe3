#include "Account.h"

QString Account::secretKey(const QString &field) const
{
    return secretKey(id, field);
}

QString Account::secretKey(const QUuid &accountId, const QString &field)
{
    return QStringLiteral("TokenDesk/") + accountId.toString(QUuid::WithoutBraces) + QLatin1Char('/') + field;
}
