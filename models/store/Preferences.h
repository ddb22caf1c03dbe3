#pragma once

#include <QList>
#include <QObject>
#include <QString>

#include <chrono>

// The user's preferences, kept in preferences.ini in the configuration folder. No secrets here.
// Values are validated on the way in and on the way out: a hand-edited file with nonsense falls back to the
// defaults for the bad keys only. Emits changed() after save() when anything differs.
class Preferences : public QObject
{
    Q_OBJECT
public:
    enum class TimeDisplay { Relative, Absolute };
    Q_ENUM(TimeDisplay)
    enum class TimeZone { Local, Utc };
    Q_ENUM(TimeZone)

    struct Values
    {
        int clipboardClearSeconds = 30; // 5 .. 600
        // Alert when a token's remaining life drops below each threshold (seconds, descending, 1 min .. 90 d).
        QList<qint64> alertThresholdsSeconds = {7 * 24 * 3600, 24 * 3600};
        bool alertOnExpiry = true;
        int refreshIntervalMinutes = 5; // 0 = off, else 1 .. 1440
        TimeDisplay timeDisplay = TimeDisplay::Relative;
        TimeZone timeZone = TimeZone::Local;
        bool startMinimizedToTray = false;
        // Closing the window hides it to the tray (alerts keep coming); Quit ends the application. Only when
        // the platform has a tray.
        bool closeToTray = false;
        bool notificationsEnabled = true;

        bool operator==(const Values &other) const = default;
    };

    // `configDir` holds preferences.ini; the file is read at once.
    explicit Preferences(const QString &configDir, QObject *parent = nullptr);
    ~Preferences() override;

    QString filePath() const { return m_path; }
    const Values &values() const { return m_values; }

    // Clamps/normalises `values`, writes the file and emits changed() when something differs. False when the
    // file could not be written (lastError() says why); the values in memory are updated anyway.
    bool save(const Values &values);
    void reload();
    QString lastError() const { return m_lastError; }

    static Values defaults() { return {}; }
    static Values normalized(Values values);

    // Convenience accessors.
    int clipboardClearSeconds() const { return m_values.clipboardClearSeconds; }
    QList<qint64> alertThresholdsSeconds() const { return m_values.alertThresholdsSeconds; }
    int refreshIntervalMinutes() const { return m_values.refreshIntervalMinutes; }

signals:
    void changed();

private:
    QString m_path;
    Values m_values;
    QString m_lastError;
};
