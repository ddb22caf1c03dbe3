#pragma once

#include "core/Account.h"
#include "core/Token.h"
#include "workflows/RevokePlan.h"

#include <QDateTime>
#include <QList>

class Clock;

// A live token and when it expires (skew-corrected, UTC).
struct ExpiringToken
{
    Account account;
    Token token;
    QDateTime expires;
    qint64 remainingSeconds = 0;
};

// "What expires soon?" over the accounts' current lists: the live tokens (not revoked, not expired yet)
// whose expiry falls within a window from now, soonest first. For `tokendesk-cli expiring` (cron, CI) and the
// calendar export. Tokens that never expire, or whose expiry is not known, are not in it.
class ExpiringQuery
{
public:
    // `withinSeconds` < 0 means no limit (every live token with a known expiry).
    static QList<ExpiringToken> select(
        const QList<RevokePlan::AccountTokens> &listed, const Clock &clock, qint64 withinSeconds);
};
