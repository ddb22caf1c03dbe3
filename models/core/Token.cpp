#include "Token.h"

#include "Clock.h"

#include <algorithm>
#include <cmath>

void Token::setRemainingLife(double remainingSeconds, const Clock &clock)
{
    const qint64 remaining = qint64(std::llround(std::max(0.0, remainingSeconds) * 1000.0));
    serverSkewMs = 0;
    if (remaining <= 0) {
        // "0 s left" says the token has expired, not when: the time of this answer is no expiry time.
        expiresAtMonotonicMs = clock.monotonicMs();
        expires.reset();
        expiryUnreported = true;
        return;
    }
    expiresAtMonotonicMs = clock.monotonicMs() + remaining;
    // Also keep an absolute expiry for display and sorting, in local terms at receipt.
    expires = clock.now().addMSecs(remaining);
    expiryUnreported = false;
}

void Token::setKnownExpiry(const QDateTime &expiry)
{
    expires = expiry;
    expiresAtMonotonicMs.reset();
    serverSkewMs = 0;
    expiryUnreported = false;
}

std::optional<qint64> Token::remainingMs(const Clock &clock) const
{
    if (expiresAtMonotonicMs)
        return std::max<qint64>(0, *expiresAtMonotonicMs - clock.monotonicMs());
    if (expires && expires->isValid()) {
        const qint64 serverNow = clock.now().toMSecsSinceEpoch() + serverSkewMs;
        return std::max<qint64>(0, expires->toMSecsSinceEpoch() - serverNow);
    }
    return std::nullopt;
}

std::optional<double> Token::lifeFraction(const Clock &clock) const
{
    const auto remaining = remainingMs(clock);
    if (!remaining)
        return std::nullopt;
    double total = 0;
    if (lifetimeSeconds && *lifetimeSeconds > 0)
        total = *lifetimeSeconds * 1000.0;
    else if (created && expires && created->isValid() && expires->isValid())
        total = double(created->msecsTo(*expires));
    if (total <= 0)
        return *remaining > 0 ? std::optional<double>() : std::optional<double>(0.0);
    return std::clamp(double(*remaining) / total, 0.0, 1.0);
}

std::optional<QDateTime> Token::effectiveExpiry(const Clock &clock) const
{
    if (expiryUnreported)
        return std::nullopt;
    if (expiresAtMonotonicMs)
        return clock.now().addMSecs(*expiresAtMonotonicMs - clock.monotonicMs());
    if (expires && expires->isValid())
        return expires->addMSecs(-serverSkewMs);
    return std::nullopt;
}

Token::Status Token::status(const Clock &clock, qint64 soonSeconds) const
{
    if (revoked)
        return Status::Revoked;
    const auto remaining = remainingMs(clock);
    if (!remaining)
        return Status::Active;
    if (*remaining <= 0)
        return Status::Expired;
    if (*remaining < soonSeconds * 1000)
        return Status::Expiring;
    if (const auto fraction = lifeFraction(clock); fraction && *fraction < 0.25)
        return Status::Expiring;
    return Status::Active;
}

QString Token::statusName(Status status)
{
    switch (status) {
    case Status::Active:
        return QStringLiteral("active");
    case Status::Expiring:
        return QStringLiteral("expiring");
    case Status::Expired:
        return QStringLiteral("expired");
    case Status::Revoked:
        return QStringLiteral("revoked");
    }
    return QStringLiteral("active");
}
