#pragma once

#include "core/Token.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QUuid>

#include <optional>

class Database;

// A rotation that has replaced a token but not yet finished with the old one (table `rotations`): the old token's
// metadata (never its value), the new token's id, when the old one is revoked and how far the rotation got.
struct PendingRotation
{
    // Where a rotation stands once its new token works.
    enum class Step {
        Grace, // waiting for the due time; then the old token is revoked
        Expiring, // the service was told to end the old token at the due time (Svix expire-all); then it is checked
        Done, // the old token is gone
        Failed, // a step failed; detail says which and why
    };

    qint64 rowId = 0;
    QString groupId; // the audit group of the rotation
    QUuid accountId;
    QString providerId;
    Token oldToken; // metadata only
    QString newTokenId;
    Step step = Step::Grace;
    QDateTime started; // UTC
    QDateTime due; // UTC: when the old token is (or was) revoked
    std::optional<QDateTime> finished; // UTC; set = no longer pending
    QString detail; // for people; never a value

    static QString stepName(Step step); // "grace", "expiring", "done", "failed"
    static std::optional<Step> stepFromName(const QString &name);
};

class RotationStore
{
public:
    explicit RotationStore(Database *database);

    // Inserts the rotation; returns its row id, or 0 with lastError() set.
    qint64 add(const PendingRotation &rotation);
    // Writes step, due, finished and detail of the row `rotation.rowId`.
    bool update(const PendingRotation &rotation);
    // Unfinished rotations (all accounts when `accountId` is null), the earliest due first.
    QList<PendingRotation> pending(const QUuid &accountId = {}) const;
    // The unfinished rotation replacing this token, if any.
    std::optional<PendingRotation> pendingFor(const QUuid &accountId, const QString &oldTokenId) const;
    std::optional<PendingRotation> byGroup(const QString &groupId) const;

    QString lastError() const { return m_lastError; }

private:
    QList<PendingRotation> select(const QString &where, const QStringList &values) const;

    Database *m_db;
    mutable QString m_lastError;
};
