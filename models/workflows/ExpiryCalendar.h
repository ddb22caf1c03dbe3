#pragma once

#include "workflows/ExpiringQuery.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>

// The token expiries as an iCalendar file (RFC 5545) for a calendar application: one VEVENT per token at its
// expiry, with one VALARM per alert threshold (Preferences: "7 days, 24 hours" before). The text names the token
// and its account, never a value. Lines end in CRLF and are folded at 75 octets (never inside a UTF-8
// sequence), text is escaped (\\ \; \, \n), times are UTC ("Z"), and each event's UID is derived from the
// account and token ids, so importing a newer export updates the events instead of duplicating them.
class ExpiryCalendar
{
    Q_DECLARE_TR_FUNCTIONS(ExpiryCalendar)

public:
    // `now` becomes every event's DTSTAMP.
    static QByteArray toIcs(
        const QList<ExpiringToken> &tokens, const QList<qint64> &alarmSecondsBefore, const QDateTime &now);

    // The pieces, public for tests.
    static QString escapeText(const QString &text);
    static QByteArray foldLine(const QByteArray &line); // with the CRLF
    static QString utcStamp(const QDateTime &time); // 20260501T120000Z
    static QString duration(qint64 seconds); // RFC 5545 dur-value: P7D, PT24H... negative: "-P7D"
    static QString uid(const ExpiringToken &token);
};
