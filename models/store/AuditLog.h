#pragma once

#include "core/Account.h"
#include "core/ApiError.h"

#include <QDateTime>
#include <QIODevice>
#include <QList>
#include <QString>
#include <QUuid>

#include <optional>

class Database;

// One action TokenDesk performed: create, revoke, login, logout, expire-all, ... Never holds a secret.
struct AuditEntry
{
    qint64 id = 0;
    QDateTime time; // UTC
    QUuid accountId;
    QString accountName;
    QString providerId;
    QString action; // "create", "revoke", "login", "logout", "expire-all", "revoke-all", ...
    QString target; // token id, jti, uid, app id
    QString targetName; // the token's name as it was at the time (empty when unknown or not a token)
    QString outcome; // "success" or "failure"
    QString detail; // message shown to the user; no secrets
    QString groupId; // shared by the entries of one grouped action (bulk / break-glass)

    // An entry for `account` at the current time: success when `error` is none, else failure with the error's
    // user message as the detail. Every writer builds its entries here.
    static AuditEntry of(const Account &account, const QString &action, const QString &target,
        const ApiError &error = {}, const QString &groupId = {});
    // "success" or "failure" after `error`.
    static QString outcomeOf(const ApiError &error);
};

struct AuditFilter
{
    std::optional<QUuid> accountId;
    QString action;
    QString outcome;
    std::optional<QDateTime> since;
    std::optional<QDateTime> until;
    // Words that must each appear (any case) in the token's name, its id, the account's name or the detail, so an
    // entry is found by what the user remembers of it.
    QString text;
    int limit = 0; // 0 = no limit
};

class AuditLog
{
public:
    explicit AuditLog(Database *database);

    bool append(AuditEntry entry); // sets time to now when empty
    QList<AuditEntry> query(const AuditFilter &filter = {}) const; // newest first
    // RFC 4180 CSV, UTF-8, header line first.
    static bool writeCsv(const QList<AuditEntry> &entries, QIODevice *device);
    static QByteArray toCsv(const QList<AuditEntry> &entries);

    QString lastError() const { return m_lastError; }

private:
    Database *m_db;
    mutable QString m_lastError;
};
