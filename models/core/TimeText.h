#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QString>

// How TokenDesk writes a point in time for people, following the time-display preference: the token
// tables and the audit log share it.
class TimeText
{
    Q_DECLARE_TR_FUNCTIONS(TimeText)

public:
    enum class Display { Absolute, Relative };

    // "in 3d 4h", "5m ago", "just now", "in under a minute": minute resolution, so the text changes at most once
    // a minute.
    static QString relative(const QDateTime &when, const QDateTime &now);
    // The locale's short date and time in local time, or "… UTC"; `withSeconds` for logs (ISO-like
    // "2026-11-23 16:02:17", where seconds matter).
    static QString absolute(const QDateTime &when, Qt::TimeSpec zone, bool withSeconds = false);
    // relative() or absolute() after `display`; empty for an invalid time.
    static QString format(
        const QDateTime &when, const QDateTime &now, Display display, Qt::TimeSpec zone, bool withSeconds = false);
    // The expiry of a token the service reports as expired without saying when (Token::expiryUnreported), in
    // every view and in the CLI's table.
    static QString unreportedExpiry();
};
