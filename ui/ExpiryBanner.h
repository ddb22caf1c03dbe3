#pragma once

#include "workflows/ExpiryAlertMonitor.h"

#include <QFrame>
#include <QList>
#include <QUuid>

class AlertCenter;
class QLabel;

// The in-app banner above the token table: how many tokens expire in the next 24 h and in the next
// 7 days, with the first few names as links (keyboard-reachable) that select the token or its account. Hidden
// when nothing is due. Follows AlertCenter::upcomingChanged().
class ExpiryBanner : public QFrame
{
    Q_OBJECT
public:
    static constexpr int MaxNames = 3;

    explicit ExpiryBanner(AlertCenter *center, QWidget *parent = nullptr);

    // Re-reads the center's upcoming expiries.
    void reload();

    QList<UpcomingExpiry> withinDay() const { return m_day; }
    // Expiring in the next 7 days but not in the next 24 h.
    QList<UpcomingExpiry> withinWeek() const { return m_week; }
    QLabel *label() const { return m_label; }
    QString text() const;

    // Activates the link of `entry` (what a click on its name does).
    void activate(const UpcomingExpiry &entry);

signals:
    // A name was clicked: select this token (tokenKey as ExpiryAlertMonitor::tokenKey) in this account.
    void tokenActivated(const QUuid &accountId, const QString &tokenKey);

private:
    QString linksFor(const QList<UpcomingExpiry> &entries, int offset) const;
    void onLink(const QString &link);

    AlertCenter *m_center;
    QLabel *m_label;
    QList<UpcomingExpiry> m_day;
    QList<UpcomingExpiry> m_week;
};
