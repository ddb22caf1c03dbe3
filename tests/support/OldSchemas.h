#pragma once

#include <QStringList>

// The SQL of the database schemas earlier TokenDesk versions wrote, frozen here (never derived from today's
// Database code), so the migration tests open a file exactly as a user upgrading would have it.
namespace OldSchemas {

// The statements that create schema `version` (1 to 3) in an empty SQLite database, user_version included.
inline QStringList statements(int version)
{
    QStringList sql {
        QStringLiteral("CREATE TABLE ledger (id INTEGER PRIMARY KEY AUTOINCREMENT, account_id TEXT NOT NULL,"
                       " provider_id TEXT NOT NULL DEFAULT '', kind TEXT NOT NULL DEFAULT '',"
                       " token_id TEXT NOT NULL DEFAULT '', label TEXT NOT NULL DEFAULT '',"
                       " subject TEXT NOT NULL DEFAULT '', app_id TEXT NOT NULL DEFAULT '',"
                       " session_id TEXT NOT NULL DEFAULT '', created TEXT NOT NULL, expires TEXT, revoked TEXT,"
                       " revoked_reason TEXT NOT NULL DEFAULT '', created_by TEXT NOT NULL DEFAULT '',"
                       " extra TEXT NOT NULL DEFAULT '{}')"),
        QStringLiteral("CREATE TABLE audit (id INTEGER PRIMARY KEY AUTOINCREMENT, time TEXT NOT NULL,"
                       " account_id TEXT NOT NULL DEFAULT '', account_name TEXT NOT NULL DEFAULT '',"
                       " provider_id TEXT NOT NULL DEFAULT '', action TEXT NOT NULL, target TEXT NOT NULL DEFAULT '',"
                       " outcome TEXT NOT NULL DEFAULT '', detail TEXT NOT NULL DEFAULT '',"
                       " group_id TEXT NOT NULL DEFAULT '')"),
        QStringLiteral("CREATE TABLE notifications (account_id TEXT NOT NULL, token_id TEXT NOT NULL,"
                       " threshold TEXT NOT NULL, notified_at TEXT NOT NULL,"
                       " PRIMARY KEY (account_id, token_id, threshold))"),
    };
    if (version >= 2) {
        sql << QStringLiteral("CREATE INDEX ledger_account_token ON ledger (account_id, token_id)")
            << QStringLiteral("CREATE INDEX audit_time ON audit (time)")
            << QStringLiteral("CREATE INDEX audit_account ON audit (account_id, time)")
            << QStringLiteral("CREATE TABLE token_notes (account_id TEXT NOT NULL, token_id TEXT NOT NULL,"
                              " owner TEXT NOT NULL DEFAULT '', used_in TEXT NOT NULL DEFAULT '',"
                              " updated TEXT NOT NULL, PRIMARY KEY (account_id, token_id))");
    }
    if (version >= 3) {
        sql << QStringLiteral("CREATE TABLE fingerprints (id INTEGER PRIMARY KEY AUTOINCREMENT,"
                              " account_id TEXT NOT NULL, provider_id TEXT NOT NULL DEFAULT '',"
                              " token_id TEXT NOT NULL DEFAULT '', kind TEXT NOT NULL DEFAULT '',"
                              " label TEXT NOT NULL DEFAULT '', subject TEXT NOT NULL DEFAULT '', mac TEXT NOT NULL,"
                              " head TEXT NOT NULL DEFAULT '', tail TEXT NOT NULL DEFAULT '',"
                              " jwt_id TEXT NOT NULL DEFAULT '', created TEXT NOT NULL, expires TEXT)")
            << QStringLiteral("CREATE INDEX fingerprints_mac ON fingerprints (mac)")
            << QStringLiteral("CREATE INDEX fingerprints_jwt_id ON fingerprints (jwt_id)");
    }
    sql << QStringLiteral("PRAGMA user_version = %1").arg(version);
    return sql;
}

} // namespace OldSchemas
