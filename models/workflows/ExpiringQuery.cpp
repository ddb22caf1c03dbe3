#include "ExpiringQuery.h"

#include "core/Clock.h"

#include <algorithm>

QList<ExpiringToken> ExpiringQuery::select(
    const QList<RevokePlan::AccountTokens> &listed, const Clock &clock, qint64 withinSeconds)
{
    QList<ExpiringToken> result;
    for (const RevokePlan::AccountTokens &entry : listed) {
        for (const Token &token : entry.tokens) {
            if (token.revoked)
                continue;
            const std::optional<qint64> remainingMs = token.remainingMs(clock);
            const std::optional<QDateTime> expires = token.effectiveExpiry(clock);
            if (!remainingMs || !expires || *remainingMs <= 0)
                continue;
            const qint64 remaining = *remainingMs / 1000;
            if (withinSeconds >= 0 && remaining > withinSeconds)
                continue;
            result.append({entry.account, token, expires->toUTC(), remaining});
        }
    }
    std::stable_sort(result.begin(), result.end(),
        [](const ExpiringToken &a, const ExpiringToken &b) { return a.expires < b.expires; });
    return result;
}
