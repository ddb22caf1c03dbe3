#pragma once

#include <QDate>
#include <QDateTime>
#include <QTime>
#include <QTimeZone>
#include <QtGlobal>

// The one place that knows how a UTC QDateTime is made on each Qt version. Qt 6.5 added the lightweight
// QTimeZone::UTC and Qt 6.8 deprecates the Qt::TimeSpec overloads; on Qt 6.4 QTimeZone::utc() is a zone backend
// whose times print "+00:00" instead of "Z", so there the Qt::UTC spec stays. Either way timeSpec() is Qt::UTC.
namespace UtcTime {

#if QT_VERSION >= QT_VERSION_CHECK(6, 5, 0)
inline QTimeZone zone()
{
    return QTimeZone(QTimeZone::UTC);
}
inline QDateTime dateTime(QDate date, QTime time)
{
    return QDateTime(date, time, zone());
}
inline QDateTime fromSecs(qint64 seconds)
{
    return QDateTime::fromSecsSinceEpoch(seconds, zone());
}
inline QDateTime fromMSecs(qint64 milliseconds)
{
    return QDateTime::fromMSecsSinceEpoch(milliseconds, zone());
}
// Reads the same date and time as UTC (not a conversion).
inline void markUtc(QDateTime &time)
{
    time.setTimeZone(zone());
}
#else
inline QDateTime dateTime(QDate date, QTime time)
{
    return QDateTime(date, time, Qt::UTC);
}
inline QDateTime fromSecs(qint64 seconds)
{
    return QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC);
}
inline QDateTime fromMSecs(qint64 milliseconds)
{
    return QDateTime::fromMSecsSinceEpoch(milliseconds, Qt::UTC);
}
inline void markUtc(QDateTime &time)
{
    time.setTimeSpec(Qt::UTC);
}
#endif

} // namespace UtcTime
