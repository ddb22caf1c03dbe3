#include "AuditWords.h"

#include <QLocale>

namespace {

struct ActionWords
{
    const char *action;
    const char *label;
    const char *inGroup; // nullptr: the same words inside a group
};

// The stable machine words (AuditLog, CSV `action`, --json) and what a person reads for them.
const ActionWords kActions[] = {
    {"create", QT_TRANSLATE_NOOP("AuditWords", "Created token"), nullptr},
    {"revoke", QT_TRANSLATE_NOOP("AuditWords", "Revoked token"), QT_TRANSLATE_NOOP("AuditWords", "Revoked (bulk)")},
    {"revoke-all", QT_TRANSLATE_NOOP("AuditWords", "Revoked all tokens of a subject"),
        QT_TRANSLATE_NOOP("AuditWords", "Revoked all of a subject (bulk)")},
    {"expire-all", QT_TRANSLATE_NOOP("AuditWords", "Expired all tokens of an application"),
        QT_TRANSLATE_NOOP("AuditWords", "Expired all of an application (bulk)")},
    {"login", QT_TRANSLATE_NOOP("AuditWords", "Signed in"), nullptr},
    {"login-mfa", QT_TRANSLATE_NOOP("AuditWords", "Signed in with MFA"), nullptr},
    {"logout", QT_TRANSLATE_NOOP("AuditWords", "Signed out"), nullptr},
    {"logout-token", QT_TRANSLATE_NOOP("AuditWords", "Signed out a token"), nullptr},
    {"bulk-revoke", QT_TRANSLATE_NOOP("AuditWords", "Bulk revoke"), nullptr},
    {"break-glass", QT_TRANSLATE_NOOP("AuditWords", "Revoke everything for a subject"), nullptr},
    {"dashboard-access", QT_TRANSLATE_NOOP("AuditWords", "Opened dashboard access"), nullptr},
    {"exchange-one-time-token", QT_TRANSLATE_NOOP("AuditWords", "Exchanged a one-time token"), nullptr},
    {"account-add", QT_TRANSLATE_NOOP("AuditWords", "Added account"), nullptr},
    {"account-remove", QT_TRANSLATE_NOOP("AuditWords", "Removed account"), nullptr},
    {"allow-http", QT_TRANSLATE_NOOP("AuditWords", "Allowed plain http"), nullptr},
    {"disallow-http", QT_TRANSLATE_NOOP("AuditWords", "Stopped allowing plain http"), nullptr},
};

const ActionWords *find(const QString &action)
{
    for (const ActionWords &words : kActions) {
        if (action == QLatin1String(words.action))
            return &words;
    }
    return nullptr;
}

} // namespace

QStringList AuditWords::knownActions()
{
    QStringList actions;
    for (const ActionWords &words : kActions)
        actions.append(QString::fromLatin1(words.action));
    return actions;
}

QString AuditWords::action(const QString &action, bool inGroup)
{
    const ActionWords *words = find(action);
    if (!words)
        return action;
    return tr(inGroup && words->inGroup ? words->inGroup : words->label);
}

QString AuditWords::group(const QString &groupAction, int steps, const QDateTime &time)
{
    const QString when =
        time.isValid() ? QLocale().toString(time.toLocalTime().time(), QLocale::ShortFormat) : QString();
    if (groupAction == QLatin1String("bulk-revoke"))
        return tr("Bulk revoke of %n token(s), %1", nullptr, steps).arg(when);
    if (groupAction == QLatin1String("break-glass"))
        return tr("Revoke everything for a subject, %n step(s), %1", nullptr, steps).arg(when);
    return tr("%1, %n step(s), %2", nullptr, steps).arg(action(groupAction), when);
}

QString AuditWords::outcome(const QString &outcome)
{
    if (outcome == QLatin1String("success"))
        return tr("Succeeded");
    if (outcome == QLatin1String("failure"))
        return tr("Failed");
    return outcome;
}
