#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QString>
#include <QStringList>

// The words people read for the audit log's machine values, in one place: the dialog, the CSV export's label
// column and the CLI's table all use them, while the log and --json keep the stable machine words.
class AuditWords
{
    Q_DECLARE_TR_FUNCTIONS(AuditWords)

public:
    // Every action TokenDesk writes, in the order a filter lists them.
    static QStringList knownActions();
    // "Signed in with MFA", "Revoked (bulk)": `inGroup` for a step of a grouped action (bulk revoke, break-glass).
    // An unknown action is returned as it is.
    static QString action(const QString &action, bool inGroup = false);
    // The grouped action an entry belongs to: "Bulk revoke of 3 tokens, 12:04". `steps` counts the group's steps,
    // `time` is the group's entry time, shown in local time.
    static QString group(const QString &groupAction, int steps, const QDateTime &time);
    // "Succeeded", "Failed"; an unknown outcome as it is.
    static QString outcome(const QString &outcome);
};
