#pragma once

// Helpers shared by the provider parser fuzz targets: the bytes as a QByteArray, a fixed clock, and the checks
// that hold for every parse function (a failure carries an error, a success none).
#include "core/Clock.h"
#include "core/Result.h"
#include "core/Token.h"
#include "core/UtcTime.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <cstdint>
#include <cstdlib>

namespace FuzzSupport {

inline QByteArray bytes(const uint8_t *data, size_t size)
{
    return QByteArray(reinterpret_cast<const char *>(data), qsizetype(size));
}

// One clock for every target, so a run is reproducible: 2026-01-01T12:00:00Z, monotonic 10^6 ms.
inline const Clock &clock()
{
    static const TestClock testClock(UtcTime::fromSecs(1767268800));
    return testClock;
}

// A failed parse says what went wrong.
template<typename T> bool consistent(const Result<T> &result)
{
    return result.ok() || !result.error().userMessage().isEmpty();
}

// What the models do with a token every second: remaining life, fraction, expiry, status.
inline void exerciseToken(const Token &token)
{
    const Clock &c = clock();
    const auto remaining = token.remainingMs(c);
    if (remaining && *remaining < 0)
        std::abort(); // remaining life is never negative
    if (const auto fraction = token.lifeFraction(c); fraction && (*fraction < 0.0 || *fraction > 1.0))
        std::abort();
    (void)token.effectiveExpiry(c);
    (void)Token::statusName(token.status(c));
}

} // namespace FuzzSupport
