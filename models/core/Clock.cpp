#include "Clock.h"
#include "UtcTime.h"

#include <QLocale>
#include <QStringList>

Clock::~Clock() = default;

const Clock *Clock::system()
{
    static const SystemClock clock;
    return &clock;
}

namespace {

// RFC 7231 section 7.1.1.1: IMF-fixdate, plus the obsolete RFC 850 and asctime forms.
std::optional<QDateTime> parseHttpDate(const QByteArray &header)
{
    const QString text = QString::fromLatin1(header).simplified();
    if (text.isEmpty())
        return std::nullopt;
    const QLocale c = QLocale::c();
    static const QStringList formats = {
        QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"), // Sun, 06 Nov 1994 08:49:37 GMT
        QStringLiteral("dddd, dd-MMM-yy HH:mm:ss 'GMT'"), // Sunday, 06-Nov-94 08:49:37 GMT
        QStringLiteral("ddd MMM d HH:mm:ss yyyy"), // Sun Nov  6 08:49:37 1994 (simplified spaces)
    };
    for (const QString &format : formats) {
        QDateTime parsed = c.toDateTime(text, format);
        if (parsed.isValid()) {
            if (parsed.date().year() < 1970)
                parsed = parsed.addYears(100); // two-digit years of the RFC 850 form
            UtcTime::markUtc(parsed);
            return parsed;
        }
    }
    return std::nullopt;
}

} // namespace

std::optional<qint64> Clock::skewFromHttpDate(const QByteArray &dateHeader, const QDateTime &localNow)
{
    const auto serverTime = parseHttpDate(dateHeader);
    if (!serverTime || !localNow.isValid())
        return std::nullopt;
    // The Date header has one-second resolution: compare against local time truncated to the second, and
    // ignore differences under a second, which are only rounding.
    const qint64 localSeconds = localNow.toSecsSinceEpoch();
    const qint64 skewSeconds = serverTime->toSecsSinceEpoch() - localSeconds;
    return skewSeconds * 1000;
}

SystemClock::SystemClock()
{
    m_timer.start();
}

QDateTime SystemClock::now() const
{
    return QDateTime::currentDateTimeUtc();
}

qint64 SystemClock::monotonicMs() const
{
    return m_timer.elapsed();
}

TestClock::TestClock(const QDateTime &start)
    : m_now(start.toUTC())
{ }

QDateTime TestClock::now() const
{
    return m_now;
}

qint64 TestClock::monotonicMs() const
{
    return m_monotonic;
}

void TestClock::advance(qint64 ms)
{
    m_now = m_now.addMSecs(ms);
    m_monotonic += ms;
}

void TestClock::setNow(const QDateTime &now)
{
    m_now = now.toUTC();
}
