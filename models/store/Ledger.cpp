#include "Ledger.h"

#include "Database.h"
#include "core/Token.h"
#include "core/TokenExtra.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QSqlError>
#include <QSqlQuery>

namespace {
Q_LOGGING_CATEGORY(lcLedger, "tokendesk.store.ledger")

// Empty, never NULL: the text columns are NOT NULL, and a null QString binds as NULL.
QString textValue(const QString &text)
{
    return text.isNull() ? QString(QLatin1String("")) : text;
}

QString idText(const QUuid &id)
{
    return id.toString(QUuid::WithoutBraces);
}

// UTC ISO 8601 with milliseconds: sorts as text in time order.
QString timeText(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

QVariant optionalTimeValue(const std::optional<QDateTime> &time)
{
    if (!time || !time->isValid())
        return QVariant(QMetaType::fromType<QString>());
    return timeText(*time);
}

std::optional<QDateTime> parseOptionalTime(const QVariant &value)
{
    if (value.isNull())
        return std::nullopt;
    QDateTime time = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
    if (!time.isValid())
        return std::nullopt;
    return time.toUTC();
}

QString extraText(const QVariantMap &extra)
{
    return QString::fromUtf8(QJsonDocument(QJsonObject::fromVariantMap(extra)).toJson(QJsonDocument::Compact));
}

QVariantMap parseExtra(const QString &text)
{
    const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8());
    return doc.isObject() ? doc.object().toVariantMap() : QVariantMap();
}

const char kColumns[] = "id, account_id, provider_id, kind, token_id, label, subject, app_id, session_id, created, "
                        "expires, revoked, revoked_reason, created_by, extra";

LedgerEntry entryFromQuery(const QSqlQuery &query)
{
    LedgerEntry entry;
    entry.rowId = query.value(0).toLongLong();
    entry.accountId = QUuid::fromString(query.value(1).toString());
    entry.providerId = query.value(2).toString();
    entry.kind = query.value(3).toString();
    entry.tokenId = query.value(4).toString();
    entry.label = query.value(5).toString();
    entry.subject = query.value(6).toString();
    entry.appId = query.value(7).toString();
    entry.sessionId = query.value(8).toString();
    entry.created = parseOptionalTime(query.value(9)).value_or(QDateTime());
    entry.expires = parseOptionalTime(query.value(10));
    entry.revoked = parseOptionalTime(query.value(11));
    entry.revokedReason = query.value(12).toString();
    entry.createdBy = query.value(13).toString();
    entry.extra = parseExtra(query.value(14).toString());
    return entry;
}
const char kFingerprintColumns[] =
    "id, account_id, provider_id, token_id, kind, label, subject, mac, head, tail, jwt_id, created, expires";

FingerprintRecord fingerprintFromQuery(const QSqlQuery &query)
{
    FingerprintRecord record;
    record.rowId = query.value(0).toLongLong();
    record.accountId = QUuid::fromString(query.value(1).toString());
    record.providerId = query.value(2).toString();
    record.tokenId = query.value(3).toString();
    record.kind = query.value(4).toString();
    record.label = query.value(5).toString();
    record.subject = query.value(6).toString();
    record.mac = query.value(7).toString();
    record.head = query.value(8).toString();
    record.tail = query.value(9).toString();
    record.jwtId = query.value(10).toString();
    record.created = parseOptionalTime(query.value(11)).value_or(QDateTime());
    record.expires = parseOptionalTime(query.value(12));
    return record;
}
} // namespace

Token LedgerEntry::toToken() const
{
    Token token;
    token.id = tokenId;
    token.kind = kind;
    token.label = label;
    token.subject = subject;
    token.accountId = accountId;
    if (created.isValid())
        token.created = created;
    token.expires = expires;
    token.revoked = revoked;
    token.extra = extra;
    if (!appId.isEmpty())
        token.extra.insert(TokenExtra::AppId, appId);
    if (!sessionId.isEmpty())
        token.extra.insert(TokenExtra::SessionId, sessionId);
    if (!createdBy.isEmpty())
        token.extra.insert(TokenExtra::CreatedBy, createdBy);
    if (!revokedReason.isEmpty())
        token.extra.insert(TokenExtra::RevokedReason, revokedReason);
    token.extra.insert(TokenExtra::Source, TokenExtra::FromLedger);
    token.extra.insert(TokenExtra::LedgerRowId, rowId);
    if (created.isValid() && expires && expires->isValid() && *expires > created)
        token.lifetimeSeconds = created.msecsTo(*expires) / 1000.0;
    return token;
}

Ledger::Ledger(Database *database)
    : m_db(database)
{ }

qint64 Ledger::record(const LedgerEntry &entry)
{
    m_lastError.clear();
    if (entry.accountId.isNull()) {
        m_lastError = QCoreApplication::translate("Ledger", "A ledger entry needs an account.");
        return 0;
    }
    QSqlQuery query(m_db->connection());
    query.prepare(QStringLiteral(
        "INSERT INTO ledger (account_id, provider_id, kind, token_id, label, subject, app_id, session_id, created, "
        "expires, revoked, revoked_reason, created_by, extra) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    query.addBindValue(idText(entry.accountId));
    query.addBindValue(textValue(entry.providerId));
    query.addBindValue(textValue(entry.kind));
    query.addBindValue(textValue(entry.tokenId));
    query.addBindValue(textValue(entry.label));
    query.addBindValue(textValue(entry.subject));
    query.addBindValue(textValue(entry.appId));
    query.addBindValue(textValue(entry.sessionId));
    query.addBindValue(timeText(entry.created.isValid() ? entry.created : QDateTime::currentDateTimeUtc()));
    query.addBindValue(optionalTimeValue(entry.expires));
    query.addBindValue(optionalTimeValue(entry.revoked));
    query.addBindValue(textValue(entry.revokedReason));
    query.addBindValue(textValue(entry.createdBy));
    query.addBindValue(extraText(entry.extra));
    if (!query.exec()) {
        m_lastError = QCoreApplication::translate("Ledger", "Cannot record the token in the ledger: %1")
                          .arg(query.lastError().text());
        qCWarning(lcLedger) << "ledger insert failed:" << query.lastError().text();
        return 0;
    }
    return query.lastInsertId().toLongLong();
}

QList<LedgerEntry> Ledger::entries(const QUuid &accountId) const
{
    m_lastError.clear();
    QList<LedgerEntry> result;
    QSqlQuery query(m_db->connection());
    query.prepare(
        QStringLiteral("SELECT %1 FROM ledger WHERE account_id = ? ORDER BY created, id").arg(QLatin1String(kColumns)));
    query.addBindValue(idText(accountId));
    if (!query.exec()) {
        m_lastError = QCoreApplication::translate("Ledger", "Cannot read the ledger: %1").arg(query.lastError().text());
        return result;
    }
    while (query.next())
        result.append(entryFromQuery(query));
    return result;
}

std::optional<LedgerEntry> Ledger::find(const QUuid &accountId, const QString &tokenId) const
{
    m_lastError.clear();
    if (tokenId.isEmpty())
        return std::nullopt;
    QSqlQuery query(m_db->connection());
    query.prepare(QStringLiteral("SELECT %1 FROM ledger WHERE account_id = ? AND token_id = ? ORDER BY id DESC LIMIT 1")
                      .arg(QLatin1String(kColumns)));
    query.addBindValue(idText(accountId));
    query.addBindValue(textValue(tokenId));
    if (!query.exec()) {
        m_lastError = QCoreApplication::translate("Ledger", "Cannot read the ledger: %1").arg(query.lastError().text());
        return std::nullopt;
    }
    if (!query.next())
        return std::nullopt;
    return entryFromQuery(query);
}

bool Ledger::markRevoked(const QUuid &accountId, const QString &tokenId, const QDateTime &when, const QString &reason)
{
    m_lastError.clear();
    QSqlQuery query(m_db->connection());
    query.prepare(QStringLiteral("UPDATE ledger SET revoked = ?, revoked_reason = ? "
                                 "WHERE account_id = ? AND token_id = ? AND revoked IS NULL"));
    query.addBindValue(timeText(when.isValid() ? when : QDateTime::currentDateTimeUtc()));
    query.addBindValue(textValue(reason));
    query.addBindValue(idText(accountId));
    query.addBindValue(textValue(tokenId));
    if (!query.exec()) {
        m_lastError =
            QCoreApplication::translate("Ledger", "Cannot update the ledger: %1").arg(query.lastError().text());
        return false;
    }
    if (query.numRowsAffected() <= 0) {
        m_lastError = QCoreApplication::translate("Ledger", "The ledger has no unrevoked token with this id.");
        return false;
    }
    return true;
}

int Ledger::markRevokedWhere(const QUuid &accountId, const QString &appId, const QStringList &sessionIds,
    const QDateTime &when, const QString &reason)
{
    m_lastError.clear();
    QString sql = QStringLiteral("UPDATE ledger SET revoked = ?, revoked_reason = ? "
                                 "WHERE account_id = ? AND revoked IS NULL");
    if (!appId.isEmpty())
        sql += QStringLiteral(" AND app_id = ?");
    if (!sessionIds.isEmpty()) {
        QStringList marks;
        for (qsizetype i = 0; i < sessionIds.size(); ++i)
            marks.append(QStringLiteral("?"));
        sql += QStringLiteral(" AND session_id IN (") + marks.join(QLatin1Char(',')) + QLatin1Char(')');
    }
    QSqlQuery query(m_db->connection());
    query.prepare(sql);
    query.addBindValue(timeText(when.isValid() ? when : QDateTime::currentDateTimeUtc()));
    query.addBindValue(textValue(reason));
    query.addBindValue(idText(accountId));
    if (!appId.isEmpty())
        query.addBindValue(textValue(appId));
    for (const QString &sessionId : sessionIds)
        query.addBindValue(textValue(sessionId));
    if (!query.exec()) {
        m_lastError =
            QCoreApplication::translate("Ledger", "Cannot update the ledger: %1").arg(query.lastError().text());
        return 0;
    }
    return query.numRowsAffected();
}

int Ledger::markRevokedForSubject(
    const QUuid &accountId, const QString &subject, const QDateTime &when, const QString &reason)
{
    m_lastError.clear();
    QSqlQuery query(m_db->connection());
    query.prepare(QStringLiteral("UPDATE ledger SET revoked = ?, revoked_reason = ? "
                                 "WHERE account_id = ? AND subject = ? AND revoked IS NULL"));
    query.addBindValue(timeText(when.isValid() ? when : QDateTime::currentDateTimeUtc()));
    query.addBindValue(textValue(reason));
    query.addBindValue(idText(accountId));
    query.addBindValue(textValue(subject));
    if (!query.exec()) {
        m_lastError =
            QCoreApplication::translate("Ledger", "Cannot update the ledger: %1").arg(query.lastError().text());
        return 0;
    }
    return query.numRowsAffected();
}

bool Ledger::removeAccount(const QUuid &accountId)
{
    m_lastError.clear();
    QSqlDatabase db = m_db->connection();
    if (!db.transaction()) {
        m_lastError = QCoreApplication::translate("Ledger", "Cannot update the ledger: %1").arg(db.lastError().text());
        return false;
    }
    QSqlQuery query(db);
    bool ok = true;
    for (const auto &sql : {QStringLiteral("DELETE FROM ledger WHERE account_id = ?"),
             QStringLiteral("DELETE FROM notifications WHERE account_id = ?"),
             QStringLiteral("DELETE FROM fingerprints WHERE account_id = ?")}) {
        query.prepare(sql);
        query.addBindValue(idText(accountId));
        if (!query.exec()) {
            ok = false;
            break;
        }
    }
    if (!ok) {
        m_lastError =
            QCoreApplication::translate("Ledger", "Cannot update the ledger: %1").arg(query.lastError().text());
        query.finish();
        db.rollback();
        return false;
    }
    query.finish();
    if (!db.commit()) {
        m_lastError = QCoreApplication::translate("Ledger", "Cannot update the ledger: %1").arg(db.lastError().text());
        db.rollback();
        return false;
    }
    return true;
}

bool Ledger::markNotified(const QUuid &accountId, const QString &tokenId, const QString &threshold)
{
    m_lastError.clear();
    QSqlQuery query(m_db->connection());
    query.prepare(QStringLiteral("INSERT OR IGNORE INTO notifications (account_id, token_id, threshold, notified_at) "
                                 "VALUES (?, ?, ?, ?)"));
    query.addBindValue(idText(accountId));
    query.addBindValue(textValue(tokenId));
    query.addBindValue(textValue(threshold));
    query.addBindValue(timeText(QDateTime::currentDateTimeUtc()));
    if (!query.exec()) {
        m_lastError =
            QCoreApplication::translate("Ledger", "Cannot record the notification: %1").arg(query.lastError().text());
        return false;
    }
    return true;
}

bool Ledger::wasNotified(const QUuid &accountId, const QString &tokenId, const QString &threshold) const
{
    m_lastError.clear();
    QSqlQuery query(m_db->connection());
    query.prepare(
        QStringLiteral("SELECT 1 FROM notifications WHERE account_id = ? AND token_id = ? AND threshold = ? LIMIT 1"));
    query.addBindValue(idText(accountId));
    query.addBindValue(textValue(tokenId));
    query.addBindValue(textValue(threshold));
    if (!query.exec()) {
        m_lastError =
            QCoreApplication::translate("Ledger", "Cannot read the notifications: %1").arg(query.lastError().text());
        return false;
    }
    return query.next();
}

qint64 Ledger::recordFingerprint(const FingerprintRecord &record)
{
    m_lastError.clear();
    if (record.accountId.isNull() || record.mac.isEmpty()) {
        m_lastError = QCoreApplication::translate("Ledger", "A fingerprint needs an account and a value.");
        return 0;
    }
    QSqlQuery query(m_db->connection());
    query.prepare(
        QStringLiteral("INSERT INTO fingerprints (account_id, provider_id, token_id, kind, label, subject, "
                       "mac, head, tail, jwt_id, created, expires) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    query.addBindValue(idText(record.accountId));
    query.addBindValue(textValue(record.providerId));
    query.addBindValue(textValue(record.tokenId));
    query.addBindValue(textValue(record.kind));
    query.addBindValue(textValue(record.label));
    query.addBindValue(textValue(record.subject));
    query.addBindValue(textValue(record.mac));
    query.addBindValue(textValue(record.head));
    query.addBindValue(textValue(record.tail));
    query.addBindValue(textValue(record.jwtId));
    query.addBindValue(timeText(record.created.isValid() ? record.created : QDateTime::currentDateTimeUtc()));
    query.addBindValue(optionalTimeValue(record.expires));
    if (!query.exec()) {
        m_lastError = QCoreApplication::translate("Ledger", "Cannot record the token in the ledger: %1")
                          .arg(query.lastError().text());
        qCWarning(lcLedger) << "fingerprint insert failed:" << query.lastError().text();
        return 0;
    }
    return query.lastInsertId().toLongLong();
}

QList<FingerprintRecord> Ledger::selectFingerprints(const QString &where, const QString &value) const
{
    m_lastError.clear();
    QList<FingerprintRecord> result;
    QSqlQuery query(m_db->connection());
    query.setForwardOnly(true);
    query.prepare(
        QStringLiteral("SELECT %1 FROM fingerprints%2 ORDER BY id").arg(QLatin1String(kFingerprintColumns), where));
    if (!where.isEmpty())
        query.addBindValue(textValue(value));
    if (!query.exec()) {
        m_lastError = QCoreApplication::translate("Ledger", "Cannot read the ledger: %1").arg(query.lastError().text());
        return result;
    }
    while (query.next())
        result.append(fingerprintFromQuery(query));
    return result;
}

QList<FingerprintRecord> Ledger::fingerprintsByMac(const QString &mac) const
{
    if (mac.isEmpty())
        return {};
    return selectFingerprints(QStringLiteral(" WHERE mac = ?"), mac);
}

QList<FingerprintRecord> Ledger::fingerprintsByJwtId(const QString &jwtId) const
{
    if (jwtId.isEmpty())
        return {};
    return selectFingerprints(QStringLiteral(" WHERE jwt_id = ?"), jwtId);
}

QList<FingerprintRecord> Ledger::allFingerprints() const
{
    return selectFingerprints(QString(), QString());
}
