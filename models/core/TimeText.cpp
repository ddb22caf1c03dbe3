#include "TimeText.h"

#include "Duration.h"

#include <QLocale>

QString TimeText::relative(const QDateTime &when, const QDateTime &now)
{
    const qint64 seconds = now.secsTo(when);
    const qint64 magnitude = seconds < 0 ? -seconds : seconds;
    if (magnitude < 60)
        return seconds <= 0 ? tr("just now") : tr("in under a minute");
    const QString span = Duration::formatShort(magnitude / 60 * 60);
    return seconds < 0 ? tr("%1 ago").arg(span) : tr("in %1").arg(span);
}

QString TimeText::absolute(const QDateTime &when, Qt::TimeSpec zone, bool withSeconds)
{
    const bool utc = zone == Qt::UTC;
    const QDateTime shown = utc ? when.toUTC() : when.toLocalTime();
    const QString text = withSeconds ? shown.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))
                                     : QLocale().toString(shown, QLocale::ShortFormat);
    return utc ? tr("%1 UTC").arg(text) : text;
}

QString TimeText::format(
    const QDateTime &when, const QDateTime &now, Display display, Qt::TimeSpec zone, bool withSeconds)
{
    if (!when.isValid())
        return {};
    return display == Display::Relative ? relative(when, now) : absolute(when, zone, withSeconds);
}

QString TimeText::unreportedExpiry()
{
    return tr("expired (time not reported by the service)");
}
