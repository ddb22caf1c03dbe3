#include "AuditCommand.h"

#include "CliApplication.h"
#include "CliFuture.h"

#include "core/Clock.h"
#include "core/Duration.h"
#include "store/AuditLog.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QUuid>

using Arity = CliArguments::Arity;

namespace {

// An ISO 8601 time or date ("2026-05-04T08:00:00Z", "2026-05-04"; local time without an offset), or a duration
// back from now ("24h", "7 days", "1h30m").
std::optional<QDateTime> timeOf(const QString &text)
{
    QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!time.isValid())
        time = QDateTime::fromString(text, Qt::ISODate);
    if (!time.isValid()) {
        const QDate date = QDate::fromString(text, Qt::ISODate);
        if (date.isValid())
            time = date.startOfDay();
    }
    if (!time.isValid()) {
        const std::optional<double> seconds = Duration::parseSeconds(text);
        if (!seconds)
            return std::nullopt;
        time = Clock::system()->now().addMSecs(-qint64(*seconds * 1000));
    }
    return time.toUTC();
}

// The token's name as it was then, with its id; the id alone for entries that have no name.
QString targetText(const AuditEntry &entry)
{
    if (entry.target.isEmpty())
        return entry.targetName.isEmpty() ? QStringLiteral("-") : entry.targetName;
    return entry.targetName.isEmpty() ? entry.target : QStringLiteral("%1 (%2)").arg(entry.targetName, entry.target);
}

} // namespace

AuditCommand::AuditCommand(CliApplication *app)
    : CliCommand(spec(), app)
{ }

CliCommandSpec AuditCommand::spec()
{
    return {.name = QStringLiteral("audit"),
        .summary = tr("what TokenDesk did: every create, revoke and sign-in, filtered"),
        .options = {{QStringLiteral("since"), Arity::Value, QStringLiteral("TIME|DURATION"),
                        tr("entries from this time on (2026-05-04, 2026-05-04T08:00:00Z) or this long ago (24h, "
                           "\"7 days\")")},
            {QStringLiteral("until"), Arity::Value, QStringLiteral("TIME|DURATION"), tr("entries up to this time")},
            {QStringLiteral("account"), Arity::Value, QStringLiteral("NAME|ID"),
                tr("one account, also one removed since (by the name the entries were written with)")},
            {QStringLiteral("action"), Arity::Value, QStringLiteral("ACTION"), tr("one action (create, revoke, ...)")},
            {QStringLiteral("outcome"), Arity::Value, QStringLiteral("success|failure"), tr("one outcome")},
            {QStringLiteral("csv"), Arity::Flag, {}, tr("write CSV")}}};
}

QFuture<int> AuditCommand::run(const QStringList &words)
{
    CliArguments args;
    if (!parse(words, &args))
        return CliFuture::ready(2);
    AuditFilter filter;
    for (const QString &bound : {QStringLiteral("since"), QStringLiteral("until")}) {
        if (!args.has(bound))
            continue;
        const std::optional<QDateTime> time = timeOf(args.value(bound));
        if (!time)
            return CliFuture::ready(
                fail(2, tr("--%1 needs an ISO 8601 time or date, or a duration like 24h or \"7 days\"").arg(bound)));
        (bound == QLatin1String("since") ? filter.since : filter.until) = *time;
    }
    filter.action = args.value(QStringLiteral("action")).trimmed();
    filter.outcome = args.value(QStringLiteral("outcome")).trimmed().toLower();
    if (!filter.outcome.isEmpty() && filter.outcome != QLatin1String("success")
        && filter.outcome != QLatin1String("failure"))
        return CliFuture::ready(fail(2, tr("--outcome must be success or failure")));
    // --account: a configured account (name or id), a bare id, or the name an entry was written with (accounts
    // removed since keep their entries).
    QString accountName;
    if (args.has(QStringLiteral("account"))) {
        const QString text = args.value(QStringLiteral("account"));
        if (const std::optional<Account> account = m_app->accounts().find(text))
            filter.accountId = account->id;
        else if (const QUuid id = QUuid::fromString(text); !id.isNull())
            filter.accountId = id;
        else
            accountName = text;
    }
    QString error;
    if (!m_app->openDatabase(&error))
        return CliFuture::ready(fail(1, error));
    QList<AuditEntry> entries = m_app->auditLog()->query(filter);
    if (!m_app->auditLog()->lastError().isEmpty())
        return CliFuture::ready(fail(1, tr("cannot read the audit log: %1").arg(m_app->auditLog()->lastError())));
    if (!accountName.isEmpty()) {
        entries.removeIf(
            [&](const AuditEntry &entry) { return entry.accountName.compare(accountName, Qt::CaseInsensitive) != 0; });
    }
    if (args.has(QStringLiteral("csv"))) {
        out().raw(AuditLog::toCsv(entries));
        return CliFuture::ready(0);
    }
    if (jsonOutput()) {
        QJsonArray array;
        for (const AuditEntry &entry : entries) {
            QJsonObject object;
            object.insert(QStringLiteral("time"), CliOutput::isoOrNull(entry.time));
            object.insert(QStringLiteral("account_id"), entry.accountId.toString(QUuid::WithoutBraces));
            object.insert(QStringLiteral("account"), entry.accountName);
            object.insert(QStringLiteral("provider"), entry.providerId);
            object.insert(QStringLiteral("action"), entry.action);
            object.insert(QStringLiteral("target"), CliOutput::textOrNull(entry.target));
            object.insert(QStringLiteral("target_name"), CliOutput::textOrNull(entry.targetName));
            object.insert(QStringLiteral("outcome"), entry.outcome);
            object.insert(QStringLiteral("detail"), CliOutput::textOrNull(entry.detail));
            object.insert(QStringLiteral("group"), CliOutput::textOrNull(entry.groupId));
            array.append(object);
        }
        out().json(array);
        return CliFuture::ready(0);
    }
    if (entries.isEmpty()) {
        out().line(tr("No audit entries."));
        return CliFuture::ready(0);
    }
    QList<QStringList> rows;
    for (const AuditEntry &entry : entries)
        rows.append({CliOutput::isoText(entry.time), entry.accountName, entry.action, targetText(entry), entry.outcome,
            entry.detail});
    out().table({tr("TIME"), tr("ACCOUNT"), tr("ACTION"), tr("TARGET"), tr("OUTCOME"), tr("DETAIL")}, rows);
    return CliFuture::ready(0);
}
