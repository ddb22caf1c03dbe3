#include "TokenNotes.h"

#include "Database.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QSqlError>
#include <QSqlQuery>

namespace {
Q_LOGGING_CATEGORY(lcNotes, "tokendesk.store.notes")

QString idText(const QUuid &id)
{
    return id.toString(QUuid::WithoutBraces);
}

// Empty, never NULL: the text columns are NOT NULL, and a null QString binds as NULL.
QString textValue(const QString &text)
{
    return text.isNull() ? QString(QLatin1String("")) : text;
}

TokenNote noteFrom(const QSqlQuery &query, int first)
{
    TokenNote note;
    note.owner = query.value(first).toString();
    note.usedIn = query.value(first + 1).toString();
    note.updated = QDateTime::fromString(query.value(first + 2).toString(), Qt::ISODateWithMs);
    return note;
}
} // namespace

QString TokenNote::displayText() const
{
    QStringList parts;
    if (!owner.trimmed().isEmpty())
        parts.append(QCoreApplication::translate("TokenNotes", "Owner: %1").arg(owner.trimmed()));
    if (!usedIn.trimmed().isEmpty())
        parts.append(QCoreApplication::translate("TokenNotes", "used in: %1").arg(usedIn.trimmed()));
    return parts.join(QStringLiteral("; "));
}

TokenNotes::TokenNotes(Database *database)
    : m_db(database)
{ }

std::optional<TokenNote> TokenNotes::note(const QUuid &accountId, const QString &tokenId) const
{
    m_lastError.clear();
    QSqlQuery query(m_db->connection());
    query.prepare(
        QStringLiteral("SELECT owner, used_in, updated FROM token_notes WHERE account_id = ? AND token_id = ?"));
    query.addBindValue(idText(accountId));
    query.addBindValue(textValue(tokenId));
    if (!query.exec()) {
        m_lastError =
            QCoreApplication::translate("TokenNotes", "Cannot read the token notes: %1").arg(query.lastError().text());
        return std::nullopt;
    }
    if (!query.next())
        return std::nullopt;
    return noteFrom(query, 0);
}

bool TokenNotes::setNote(const QUuid &accountId, const QString &tokenId, const TokenNote &note)
{
    if (note.isEmpty())
        return remove(accountId, tokenId);
    m_lastError.clear();
    QSqlQuery query(m_db->connection());
    query.prepare(QStringLiteral("INSERT INTO token_notes (account_id, token_id, owner, used_in, updated) "
                                 "VALUES (?, ?, ?, ?, ?) ON CONFLICT (account_id, token_id) DO UPDATE SET "
                                 "owner = excluded.owner, used_in = excluded.used_in, updated = excluded.updated"));
    query.addBindValue(idText(accountId));
    query.addBindValue(textValue(tokenId));
    query.addBindValue(textValue(note.owner.trimmed()));
    query.addBindValue(textValue(note.usedIn.trimmed()));
    query.addBindValue(QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    if (!query.exec()) {
        m_lastError =
            QCoreApplication::translate("TokenNotes", "Cannot save the token note: %1").arg(query.lastError().text());
        qCWarning(lcNotes) << "token note insert failed:" << query.lastError().text();
        return false;
    }
    return true;
}

bool TokenNotes::remove(const QUuid &accountId, const QString &tokenId)
{
    m_lastError.clear();
    QSqlQuery query(m_db->connection());
    query.prepare(QStringLiteral("DELETE FROM token_notes WHERE account_id = ? AND token_id = ?"));
    query.addBindValue(idText(accountId));
    query.addBindValue(textValue(tokenId));
    if (!query.exec()) {
        m_lastError =
            QCoreApplication::translate("TokenNotes", "Cannot remove the token note: %1").arg(query.lastError().text());
        return false;
    }
    return true;
}

bool TokenNotes::removeAccount(const QUuid &accountId)
{
    m_lastError.clear();
    QSqlQuery query(m_db->connection());
    query.prepare(QStringLiteral("DELETE FROM token_notes WHERE account_id = ?"));
    query.addBindValue(idText(accountId));
    if (!query.exec()) {
        m_lastError = QCoreApplication::translate("TokenNotes", "Cannot remove the token notes: %1")
                          .arg(query.lastError().text());
        return false;
    }
    return true;
}

QList<TokenNoteEntry> TokenNotes::all(const std::optional<QUuid> &accountId) const
{
    m_lastError.clear();
    QList<TokenNoteEntry> result;
    QSqlQuery query(m_db->connection());
    QString sql = QStringLiteral("SELECT account_id, token_id, owner, used_in, updated FROM token_notes");
    if (accountId)
        sql += QStringLiteral(" WHERE account_id = ?");
    sql += QStringLiteral(" ORDER BY account_id, token_id");
    query.prepare(sql);
    if (accountId)
        query.addBindValue(idText(*accountId));
    if (!query.exec()) {
        m_lastError =
            QCoreApplication::translate("TokenNotes", "Cannot read the token notes: %1").arg(query.lastError().text());
        return result;
    }
    while (query.next())
        result.append({QUuid::fromString(query.value(0).toString()), query.value(1).toString(), noteFrom(query, 2)});
    return result;
}
