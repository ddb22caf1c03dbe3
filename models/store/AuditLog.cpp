#include "AuditLog.h"

#include "AuditWords.h"
#include "Database.h"
#include "core/Csv.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QSqlError>
#include <QSqlQuery>

namespace {
Q_LOGGING_CATEGORY(lcAudit, "tokendesk.store.audit")

QString timeText(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

// Empty, never NULL: the text columns are NOT NULL, and a null QString binds as NULL.
QString textValue(const QString &text)
{
    return text.isNull() ? QString(QLatin1String("")) : text;
}

QString idText(const QUuid &id)
{
    return id.isNull() ? QString() : id.toString(QUuid::WithoutBraces);
}

} // namespace

AuditEntry AuditEntry::of(
    const Account &account, const QString &action, const QString &target, const ApiError &error, const QString &groupId)
{
    AuditEntry entry;
    entry.time = QDateTime::currentDateTimeUtc();
    entry.accountId = account.id;
    entry.accountName = account.name;
    entry.providerId = account.providerId;
    entry.action = action;
    entry.target = target;
    entry.outcome = outcomeOf(error);
    entry.detail = error.isNone() ? QString() : error.userMessage();
    entry.groupId = groupId;
    return entry;
}

QString AuditEntry::outcomeOf(const ApiError &error)
{
    return error.isNone() ? QStringLiteral("success") : QStringLiteral("failure");
}

AuditLog::AuditLog(Database *database)
    : m_db(database)
{ }

bool AuditLog::append(AuditEntry entry)
{
    m_lastError.clear();
    if (!entry.time.isValid())
        entry.time = QDateTime::currentDateTimeUtc();
    QSqlQuery query(m_db->connection());
    query.prepare(QStringLiteral("INSERT INTO audit (time, account_id, account_name, provider_id, action, target, "
                                 "target_name, outcome, detail, group_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    query.addBindValue(timeText(entry.time));
    query.addBindValue(textValue(idText(entry.accountId)));
    query.addBindValue(textValue(entry.accountName));
    query.addBindValue(textValue(entry.providerId));
    query.addBindValue(textValue(entry.action));
    query.addBindValue(textValue(entry.target));
    query.addBindValue(textValue(entry.targetName));
    query.addBindValue(textValue(entry.outcome));
    query.addBindValue(textValue(entry.detail));
    query.addBindValue(textValue(entry.groupId));
    if (!query.exec()) {
        m_lastError =
            QCoreApplication::translate("AuditLog", "Cannot write the audit log: %1").arg(query.lastError().text());
        qCWarning(lcAudit) << "audit insert failed:" << query.lastError().text();
        return false;
    }
    return true;
}

QList<AuditEntry> AuditLog::query(const AuditFilter &filter) const
{
    m_lastError.clear();
    QStringList conditions;
    QVariantList values;
    if (filter.accountId) {
        conditions.append(QStringLiteral("account_id = ?"));
        values.append(idText(*filter.accountId));
    }
    if (!filter.action.isEmpty()) {
        conditions.append(QStringLiteral("action = ?"));
        values.append(filter.action);
    }
    if (!filter.outcome.isEmpty()) {
        conditions.append(QStringLiteral("outcome = ?"));
        values.append(filter.outcome);
    }
    if (filter.since && filter.since->isValid()) {
        conditions.append(QStringLiteral("time >= ?"));
        values.append(timeText(*filter.since));
    }
    if (filter.until && filter.until->isValid()) {
        conditions.append(QStringLiteral("time <= ?"));
        values.append(timeText(*filter.until));
    }
    const QStringList words = filter.text.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (const QString &word : words) {
        // LIKE with its wildcards escaped: a "%" or "_" the user types is looked for as such. (SQLite's LIKE
        // ignores the case of ASCII letters only.)
        QString pattern = word;
        pattern.replace(QLatin1Char('\\'), QStringLiteral("\\\\"))
            .replace(QLatin1Char('%'), QStringLiteral("\\%"))
            .replace(QLatin1Char('_'), QStringLiteral("\\_"));
        pattern = QLatin1Char('%') + pattern + QLatin1Char('%');
        conditions.append(QStringLiteral("(target_name LIKE ? ESCAPE '\\' OR target LIKE ? ESCAPE '\\' "
                                         "OR account_name LIKE ? ESCAPE '\\' OR detail LIKE ? ESCAPE '\\')"));
        for (int i = 0; i < 4; ++i)
            values.append(pattern);
    }
    QString sql = QStringLiteral("SELECT id, time, account_id, account_name, provider_id, action, target, outcome, "
                                 "detail, group_id, target_name FROM audit");
    if (!conditions.isEmpty())
        sql += QStringLiteral(" WHERE ") + conditions.join(QStringLiteral(" AND "));
    sql += QStringLiteral(" ORDER BY time DESC, id DESC");
    if (filter.limit > 0)
        sql += QStringLiteral(" LIMIT %1").arg(filter.limit);

    QList<AuditEntry> result;
    QSqlQuery query(m_db->connection());
    query.prepare(sql);
    for (const QVariant &value : std::as_const(values))
        query.addBindValue(value);
    if (!query.exec()) {
        m_lastError =
            QCoreApplication::translate("AuditLog", "Cannot read the audit log: %1").arg(query.lastError().text());
        return result;
    }
    while (query.next()) {
        AuditEntry entry;
        entry.id = query.value(0).toLongLong();
        entry.time = QDateTime::fromString(query.value(1).toString(), Qt::ISODateWithMs).toUTC();
        entry.accountId = QUuid::fromString(query.value(2).toString());
        entry.accountName = query.value(3).toString();
        entry.providerId = query.value(4).toString();
        entry.action = query.value(5).toString();
        entry.target = query.value(6).toString();
        entry.outcome = query.value(7).toString();
        entry.detail = query.value(8).toString();
        entry.groupId = query.value(9).toString();
        entry.targetName = query.value(10).toString();
        result.append(entry);
    }
    return result;
}

QByteArray AuditLog::toCsv(const QList<AuditEntry> &entries)
{
    // `action` stays the stable machine word scripts filter on; `action_label` is the words the dialog shows.
    QByteArray out = Csv::row({QStringLiteral("time"), QStringLiteral("account"), QStringLiteral("provider"),
        QStringLiteral("action"), QStringLiteral("action_label"), QStringLiteral("target"),
        QStringLiteral("target_name"), QStringLiteral("outcome"), QStringLiteral("detail"), QStringLiteral("group")});
    for (const AuditEntry &entry : entries) {
        out += Csv::row({entry.time.isValid() ? timeText(entry.time) : QString(),
            entry.accountName.isEmpty() ? idText(entry.accountId) : entry.accountName, entry.providerId, entry.action,
            AuditWords::action(entry.action, !entry.groupId.isEmpty() && !entry.accountId.isNull()), entry.target,
            entry.targetName, entry.outcome, entry.detail, entry.groupId});
    }
    return out;
}

bool AuditLog::writeCsv(const QList<AuditEntry> &entries, QIODevice *device)
{
    if (!device || !device->isWritable())
        return false;
    const QByteArray bytes = toCsv(entries);
    return device->write(bytes) == bytes.size();
}
