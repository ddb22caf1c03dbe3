#pragma once

#include "core/Token.h"
#include "workflows/ExpiryAlertMonitor.h"

#include <QList>
#include <QObject>
#include <QSet>
#include <QString>
#include <QUuid>

class AccountController;
class Preferences;
class QTimer;

// Expiry alerts of the GUI: one ExpiryAlertMonitor fed with every account's last token list plus the
// account's own credential token (TokenProvider::credentialToken()), with thresholds and on/off switches from
// the Preferences (re-applied on changed()). Checks after each refresh and once a minute, on the controller's
// clock. The alerts of one check become one notification (notificationShown): the tray shows it, and the
// in-app banner (ExpiryBanner) follows upcomingChanged() whether or not a tray exists.
class AlertCenter : public QObject
{
    Q_OBJECT
public:
    static constexpr qint64 DaySeconds = 24 * 3600;
    static constexpr qint64 WeekSeconds = 7 * DaySeconds;
    static constexpr int CheckIntervalMs = 60 * 1000;

    // `preferences` may be null: then the center reads its own Preferences over the controller's config dir.
    AlertCenter(AccountController *controller, Preferences *preferences = nullptr, QObject *parent = nullptr);
    ~AlertCenter() override;

    ExpiryAlertMonitor *monitor() const { return m_monitor; }
    Preferences *preferences() const { return m_preferences; }
    QTimer *checkTimer() const { return m_timer; }

    // Replaces what is known of one account (its last list; its credential token is added here unless listed)
    // and checks. The center follows AccountTokens by itself; tests feed it directly.
    void setAccountTokens(const QUuid &accountId, const QList<Token> &tokens);
    // Forgets the accounts the controller no longer has.
    void syncAccounts();

    // Raises what is due now: one grouped notification for all alerts of this check (when notifications are
    // on), and upcomingChanged() in any case. Returns the alerts.
    QList<ExpiryAlert> check();

    // Active tokens expiring within `withinSeconds`, soonest first.
    QList<UpcomingExpiry> upcoming(qint64 withinSeconds) const;
    // The alerts of the last notification shown.
    QList<ExpiryAlert> lastNotified() const { return m_lastNotified; }

    // The title and body of one notification for `alerts` (several alerts → one grouped message), ready for
    // QSystemTrayIcon::showMessage: token names are service text and many notification servers read the body
    // as markup, so each part is UntrustedText::forNotification'ed (escaped, one line, shortened).
    static QString notificationTitle(const QList<ExpiryAlert> &alerts);
    static QString notificationMessage(const QList<ExpiryAlert> &alerts);

signals:
    // One per notification shown (the tray's showMessage follows it); `count` alerts are grouped in it.
    void notificationShown(const QString &title, const QString &message, int count);
    // After every check: the banner re-reads upcoming().
    void upcomingChanged();

private:
    void applyPreferences();

    AccountController *m_controller;
    Preferences *m_preferences;
    ExpiryAlertMonitor *m_monitor;
    QTimer *m_timer;
    QList<ExpiryAlert> m_lastNotified;
    QSet<QUuid> m_fed; // accounts given to the monitor
};
