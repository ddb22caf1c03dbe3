#include "RotationStore.h"

#include "Database.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>

namespace {

QString timeText(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

std::optional<QDateTime> parseTime(const QVariant &value)
{
    if (value.isNull())
        return std::nullopt;
    const QDateTime time = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
    return time.isValid() ? std::optional<QDateTime>(time.toUTC()) : std::nullopt;
}

QJsonValue optionalTime(const std::optional<QDateTime> &time)
{
    return time && time->isValid() ? QJsonValue(timeText(*time)) : QJsonValue();
}

// The old token as JSON: what a later revoke and the row state need. Token::extra holds no secret by contract.
QString tokenText(const Token &token)
{
    QJsonObject object;
    object.insert(QStringLiteral("id"), token.id);
    object.insert(QStringLiteral("kind"), token.kind);
    object.insert(QStringLiteral("label"), token.label);
    object.insert(QStringLiteral("subject"), token.subject);
    object.insert(QStringLiteral("created"), optionalTime(token.created));
    object.insert(QStringLiteral("expires"), optionalTime(token.expires));
    if (token.lifetimeSeconds)
        object.insert(QStringLiteral("lifetime"), *token.lifetimeSeconds);
    object.insert(QStringLiteral("scopes"), QJsonArray::fromStringList(token.scopes));
    object.insert(QStringLiteral("extra"), QJsonObject::fromVariantMap(token.extra));
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

Token parseToken(const QString &text, const QUuid &accountId)
{
    const QJsonObject object = QJsonDocument::fromJson(text.toUtf8()).object();
    Token token;
    token.id = object.value(QLatin1String("id")).toString();
    token.kind = object.value(QLatin1String("kind")).toString();
    token.label = object.value(QLatin1String("label")).toString();
    token.subject = object.value(QLatin1String("subject")).toString();
    token.accountId = accountId;
    token.created = parseTime(object.value(QLatin1String("created")).toVariant());
    token.expires = parseTime(object.value(QLatin1String("expires")).toVariant());
    if (object.value(QLatin1String("lifetime")).isDouble())
        token.lifetimeSeconds = object.value(QLatin1String("lifetime")).toDouble();
    for (const QJsonValue &scope : object.value(QLatin1String("scopes")).toArray())
        token.scopes.append(scope.toString());
    token.extra = object.value(QLatin1String("extra")).toObject().toVariantMap();
    return token;
}

const char kColumns[] = "id, group_id, account_id, provider_id, old_token, old_token_id, new_token_id, step, started, "
                        "due, finished, detail";

} // namespace

QString PendingRotation::stepName(Step step)
{
    switch (step) {
    case Step::Grace:
        return QStringLiteral("grace");
    case Step::Expiring:
        return QStringLiteral("expiring");
    case Step::Done:
        return QStringLiteral("done");
    case Step::Failed:
        return QStringLiteral("failed");
    }
    return {};
}

std::optional<PendingRotation::Step> PendingRotation::stepFromName(const QString &name)
{
    for (Step step : {Step::Grace, Step::Expiring, Step::Done, Step::Failed})
        if (stepName(step) == name)
            return step;
    return std::nullopt;
}

RotationStore::RotationStore(Database *database)
    : m_db(database)
{ }

qint64 RotationStore::add(const PendingRotation &rotation)
{
    QSqlQuery query(m_db->connection());
    query.prepare(QStringLiteral(
        "INSERT INTO rotations (group_id, account_id, provider_id, old_token, old_token_id, new_token_id, step, "
        "started, due, finished, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    query.addBindValue(rotation.groupId);
    query.addBindValue(rotation.accountId.toString(QUuid::WithoutBraces));
    query.addBindValue(rotation.providerId.isNull() ? QStringLiteral("") : rotation.providerId);
    query.addBindValue(tokenText(rotation.oldToken));
    query.addBindValue(rotation.oldToken.id.isNull() ? QStringLiteral("") : rotation.oldToken.id);
    query.addBindValue(rotation.newTokenId.isNull() ? QStringLiteral("") : rotation.newTokenId);
    query.addBindValue(PendingRotation::stepName(rotation.step));
    query.addBindValue(timeText(rotation.started));
    query.addBindValue(timeText(rotation.due));
    query.addBindValue(
        rotation.finished ? QVariant(timeText(*rotation.finished)) : QVariant(QMetaType::fromType<QString>()));
    query.addBindValue(rotation.detail.isNull() ? QStringLiteral("") : rotation.detail);
    if (!query.exec()) {
        m_lastError = query.lastError().text();
        return 0;
    }
    return query.lastInsertId().toLongLong();
}

bool RotationStore::update(const PendingRotation &rotation)
{
    QSqlQuery query(m_db->connection());
    query.prepare(QStringLiteral("UPDATE rotations SET step = ?, due = ?, finished = ?, detail = ? WHERE id = ?"));
    query.addBindValue(PendingRotation::stepName(rotation.step));
    query.addBindValue(timeText(rotation.due));
    query.addBindValue(
        rotation.finished ? QVariant(timeText(*rotation.finished)) : QVariant(QMetaType::fromType<QString>()));
    query.addBindValue(rotation.detail.isNull() ? QStringLiteral("") : rotation.detail);
    query.addBindValue(rotation.rowId);
    if (!query.exec()) {
        m_lastError = query.lastError().text();
        return false;
    }
    return query.numRowsAffected() == 1;
}

QList<PendingRotation> RotationStore::select(const QString &where, const QStringList &values) const
{
    QList<PendingRotation> rotations;
    QSqlQuery query(m_db->connection());
    query.prepare(
        QStringLiteral("SELECT %1 FROM rotations WHERE %2 ORDER BY due, id").arg(QLatin1String(kColumns), where));
    for (const QString &value : values)
        query.addBindValue(value);
    if (!query.exec()) {
        m_lastError = query.lastError().text();
        return rotations;
    }
    while (query.next()) {
        PendingRotation rotation;
        rotation.rowId = query.value(0).toLongLong();
        rotation.groupId = query.value(1).toString();
        rotation.accountId = QUuid::fromString(query.value(2).toString());
        rotation.providerId = query.value(3).toString();
        rotation.oldToken = parseToken(query.value(4).toString(), rotation.accountId);
        rotation.newTokenId = query.value(6).toString();
        rotation.step =
            PendingRotation::stepFromName(query.value(7).toString()).value_or(PendingRotation::Step::Failed);
        rotation.started = parseTime(query.value(8)).value_or(QDateTime());
        rotation.due = parseTime(query.value(9)).value_or(QDateTime());
        rotation.finished = parseTime(query.value(10));
        rotation.detail = query.value(11).toString();
        rotations.append(rotation);
    }
    return rotations;
}

QList<PendingRotation> RotationStore::pending(const QUuid &accountId) const
{
    if (accountId.isNull())
        return select(QStringLiteral("finished IS NULL"), {});
    return select(QStringLiteral("finished IS NULL AND account_id = ?"), {accountId.toString(QUuid::WithoutBraces)});
}

std::optional<PendingRotation> RotationStore::pendingFor(const QUuid &accountId, const QString &oldTokenId) const
{
    const QList<PendingRotation> found =
        select(QStringLiteral("finished IS NULL AND account_id = ? AND old_token_id = ?"),
            {accountId.toString(QUuid::WithoutBraces), oldTokenId});
    return found.isEmpty() ? std::nullopt : std::optional<PendingRotation>(found.first());
}

std::optional<PendingRotation> RotationStore::byGroup(const QString &groupId) const
{
    const QList<PendingRotation> found = select(QStringLiteral("group_id = ?"), {groupId});
    return found.isEmpty() ? std::nullopt : std::optional<PendingRotation>(found.first());
}
