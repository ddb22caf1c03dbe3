#pragma once

#include "UtcTime.h"

#include <QByteArray>
#include <QDateTime>
#include <QElapsedTimer>

#include <optional>

// Injectable time source. Everything that depends on "now" (remaining life, ticks, expiry alerts, refresh
// scheduling, TOTP windows) asks a Clock, so tests advance a TestClock instead of sleeping.
class Clock
{
public:
    virtual ~Clock();
    // Wall-clock time in UTC.
    virtual QDateTime now() const = 0;
    // Milliseconds on a monotonic clock: only differences are meaningful.
    virtual qint64 monotonicMs() const = 0;

    // The process-wide system clock.
    static const Clock *system();

    // Server clock minus local clock in ms, from an HTTP `Date` header (RFC 7231 IMF-fixdate, also the
    // obsolete RFC 850 and asctime forms). nullopt when the header is missing or unreadable.
    static std::optional<qint64> skewFromHttpDate(const QByteArray &dateHeader, const QDateTime &localNow);
};

class SystemClock final : public Clock
{
public:
    SystemClock();
    QDateTime now() const override;
    qint64 monotonicMs() const override;

private:
    QElapsedTimer m_timer;
};

// A clock that only moves when told to.
class TestClock final : public Clock
{
public:
    explicit TestClock(const QDateTime &start = UtcTime::dateTime(QDate(2026, 1, 1), QTime(12, 0)));
    QDateTime now() const override;
    qint64 monotonicMs() const override;
    void advance(qint64 ms);
    void advanceSeconds(qint64 seconds) { advance(seconds * 1000); }
    void setNow(const QDateTime &now);

private:
    QDateTime m_now;
    qint64 m_monotonic = 1'000'000;
};
