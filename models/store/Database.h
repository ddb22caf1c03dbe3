#pragma once

#include <QSqlDatabase>
#include <QString>

// The SQLite file that holds the ledger and the audit log (tokendesk.sqlite in the config directory), with
// a versioned schema: each migration runs once, in a transaction, and bumps PRAGMA user_version.
// Journal mode WAL, synchronous FULL, so a killed process loses nothing that was committed.
class Database
{
public:
    explicit Database(const QString &path);
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    bool open(); // opens and migrates; false with lastError() set on failure
    bool isOpen() const;
    QString lastError() const { return m_lastError; }
    QString path() const { return m_path; }
    int schemaVersion() const;
    static int latestSchemaVersion();

    QSqlDatabase connection() const;

private:
    bool migrate();

    QString m_path;
    QString m_connectionName;
    QString m_lastError;
};
