#include "store/Preferences.h"

#include <QDir>
#include <QLoggingCategory>
#include <QMetaEnum>
#include <QSettings>

#include <algorithm>

Q_LOGGING_CATEGORY(lcPreferences, "tokendesk.store.preferences")

namespace {

constexpr int kClipboardMin = 5;
constexpr int kClipboardMax = 600;
constexpr qint64 kThresholdMin = 60;
constexpr qint64 kThresholdMax = 90LL * 24 * 3600;
constexpr int kRefreshMax = 1440;
constexpr int kMaxThresholds = 8;

const QString kClipboard = QStringLiteral("clipboard/clearSeconds");
const QString kThresholds = QStringLiteral("alerts/thresholdsSeconds");
const QString kOnExpiry = QStringLiteral("alerts/onExpiry");
const QString kNotifications = QStringLiteral("alerts/notifications");
const QString kRefresh = QStringLiteral("refresh/intervalMinutes");
const QString kTimeDisplay = QStringLiteral("display/time");
const QString kTimeZone = QStringLiteral("display/timeZone");
const QString kStartMinimized = QStringLiteral("startup/minimizedToTray");
const QString kCloseToTray = QStringLiteral("window/closeToTray");

template<typename E> QString enumKey(E value)
{
    return QString::fromLatin1(QMetaEnum::fromType<E>().valueToKey(int(value)));
}

template<typename E> E enumValue(const QVariant &stored, E fallback)
{
    bool ok = false;
    const int v = QMetaEnum::fromType<E>().keyToValue(stored.toString().toLatin1().constData(), &ok);
    return ok ? E(v) : fallback;
}

int readInt(const QSettings &settings, const QString &key, int fallback)
{
    bool ok = false;
    const int v = settings.value(key).toInt(&ok);
    return ok ? v : fallback;
}

bool readBool(const QSettings &settings, const QString &key, bool fallback)
{
    const QString v = settings.value(key).toString().trimmed().toLower();
    if (v == QLatin1String("true") || v == QLatin1String("1"))
        return true;
    if (v == QLatin1String("false") || v == QLatin1String("0"))
        return false;
    return fallback;
}

} // namespace

Preferences::Preferences(const QString &configDir, QObject *parent)
    : QObject(parent)
    , m_path(QDir(configDir).filePath(QStringLiteral("preferences.ini")))
{
    reload();
}

Preferences::~Preferences() = default;

Preferences::Values Preferences::normalized(Values v)
{
    v.clipboardClearSeconds = std::clamp(v.clipboardClearSeconds, kClipboardMin, kClipboardMax);
    QList<qint64> thresholds;
    for (qint64 t : std::as_const(v.alertThresholdsSeconds)) {
        if (t < kThresholdMin || t > kThresholdMax || thresholds.contains(t))
            continue;
        thresholds.append(t);
    }
    std::sort(thresholds.begin(), thresholds.end(), std::greater<>());
    if (thresholds.size() > kMaxThresholds)
        thresholds.resize(kMaxThresholds);
    v.alertThresholdsSeconds = thresholds;
    v.refreshIntervalMinutes = std::clamp(v.refreshIntervalMinutes, 0, kRefreshMax);
    return v;
}

void Preferences::reload()
{
    const QSettings settings(m_path, QSettings::IniFormat);
    const Values d;
    Values v;
    v.clipboardClearSeconds = readInt(settings, kClipboard, d.clipboardClearSeconds);
    if (settings.contains(kThresholds)) {
        v.alertThresholdsSeconds.clear();
        const QStringList parts = settings.value(kThresholds).toString().split(QLatin1Char(','), Qt::SkipEmptyParts);
        for (const QString &part : parts) {
            bool ok = false;
            const qint64 t = part.trimmed().toLongLong(&ok);
            if (ok)
                v.alertThresholdsSeconds.append(t);
        }
    }
    v.alertOnExpiry = readBool(settings, kOnExpiry, d.alertOnExpiry);
    v.notificationsEnabled = readBool(settings, kNotifications, d.notificationsEnabled);
    v.refreshIntervalMinutes = readInt(settings, kRefresh, d.refreshIntervalMinutes);
    v.timeDisplay = enumValue(settings.value(kTimeDisplay), d.timeDisplay);
    v.timeZone = enumValue(settings.value(kTimeZone), d.timeZone);
    v.startMinimizedToTray = readBool(settings, kStartMinimized, d.startMinimizedToTray);
    v.closeToTray = readBool(settings, kCloseToTray, d.closeToTray);
    m_values = normalized(v);
}

bool Preferences::save(const Values &values)
{
    const Values v = normalized(values);
    const bool differs = !(v == m_values);
    m_values = v;
    m_lastError.clear();

    QSettings settings(m_path, QSettings::IniFormat);
    settings.setValue(kClipboard, v.clipboardClearSeconds);
    QStringList thresholds;
    for (qint64 t : v.alertThresholdsSeconds)
        thresholds.append(QString::number(t));
    settings.setValue(kThresholds, thresholds.join(QLatin1Char(',')));
    settings.setValue(kOnExpiry, v.alertOnExpiry);
    settings.setValue(kNotifications, v.notificationsEnabled);
    settings.setValue(kRefresh, v.refreshIntervalMinutes);
    settings.setValue(kTimeDisplay, enumKey(v.timeDisplay));
    settings.setValue(kTimeZone, enumKey(v.timeZone));
    settings.setValue(kStartMinimized, v.startMinimizedToTray);
    settings.setValue(kCloseToTray, v.closeToTray);
    settings.sync();
    if (settings.status() != QSettings::NoError) {
        m_lastError = tr("Could not write the preferences file %1.").arg(QDir::toNativeSeparators(m_path));
        qCWarning(lcPreferences) << "cannot write" << m_path;
    }
    if (differs)
        emit changed();
    return m_lastError.isEmpty();
}
