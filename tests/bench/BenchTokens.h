#pragma once

#include "core/Clock.h"
#include "core/Token.h"

#include <QList>
#include <QUuid>

// Synthetic tokens shaped like the sandbox's seeds: half with a server-reported remaining life (Specter), half
// with an absolute expiry (MagicBell), some never expiring, some already expired, a few revoked.
inline QList<Token> benchTokens(int count, const Clock &clock, const QUuid &accountId = QUuid::createUuid())
{
    static const qint64 lifetimes[] = {21600, 3600, -300, 600, 86400, 604800, 0, 1800, 172800, 90};
    QList<Token> tokens;
    tokens.reserve(count);
    const QDateTime now = clock.now();
    for (int i = 0; i < count; ++i) {
        Token token;
        token.id = QUuid::fromRfc4122(QByteArray::number(i).rightJustified(16, '0')).toString(QUuid::WithoutBraces);
        token.kind = i % 2 ? QStringLiteral("token") : QStringLiteral("project");
        token.label = QStringLiteral("Seed token %1").arg(i + 1);
        token.subject = i % 3 ? QStringLiteral("admin") : QStringLiteral("hana@example.com");
        token.accountId = accountId;
        token.created = now.addSecs(-qint64(count - i) * 60);
        const qint64 life = lifetimes[i % 10];
        if (life != 0) {
            token.lifetimeSeconds = double(qAbs(life));
            if (i % 2)
                token.setRemainingLife(double(qMax<qint64>(0, life - 30)), clock);
            else
                token.expires = now.addSecs(life - 30);
        }
        if (i % 97 == 0)
            token.revoked = now.addSecs(-10);
        tokens.append(token);
    }
    return tokens;
}
