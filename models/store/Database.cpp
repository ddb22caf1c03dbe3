#include "Database.h"

#include <QAtomicInteger>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QSqlError>
#include <QSqlQuery>

namespace {
Q_LOGGING_CATEGORY(lcDatabase, "tokendesk.store.database")

struct Migration
{
    int version;
    QList<const char *> statements;
};

// Append only: a migration that shipped is never edited; a change is a new migration.
const QList<Migration> &migrations()
{
    static const QList<Migration> list = {
        {1,
            {
                "CREATE TABLE ledger ("
                " id INTEGER PRIMARY KEY AUTOINCREMENT,"
                " account_id TEXT NOT NULL,"
                " provider_id TEXT NOT NULL DEFAULT '',"
                " kind TEXT NOT NULL DEFAULT '',"
                " token_id TEXT NOT NULL DEFAULT '',"
                " label TEXT NOT NULL DEFAULT '',"
                " subject TEXT NOT NULL DEFAULT '',"
                " app_id TEXT NOT NULL DEFAULT '',"
                " session_id TEXT NOT NULL DEFAULT '',"
                " created TEXT NOT NULL,"
                " expires TEXT,"
                " revoked TEXT,"
                " revoked_reason TEXT NOT NULL DEFAULT '',"
                " created_by TEXT NOT NULL DEFAULT '',"
                " extra TEXT NOT NULL DEFAULT '{}')",
                "CREATE INDEX ledger_account_token ON ledger (account_id, token_id)",
                "CREATE TABLE audit ("
                " id INTEGER PRIMARY KEY AUTOINCREMENT,"
                " time TEXT NOT NULL,"
                " account_id TEXT NOT NULL DEFAULT '',"
                " account_name TEXT NOT NULL DEFAULT '',"
                " provider_id TEXT NOT NULL DEFAULT '',"
                " action TEXT NOT NULL,"
                " target TEXT NOT NULL DEFAULT '',"
                " outcome TEXT NOT NULL DEFAULT '',"
                " detail TEXT NOT NULL DEFAULT '',"
                " group_id TEXT NOT NULL DEFAULT '')",
                "CREATE INDEX audit_time ON audit (time)",
                "CREATE INDEX audit_account ON audit (account_id, time)",
                "CREATE TABLE notifications ("
                " account_id TEXT NOT NULL,"
                " token_id TEXT NOT NULL,"
                " threshold TEXT NOT NULL,"
                " notified_at TEXT NOT NULL,"
                " PRIMARY KEY (account_id, token_id, threshold))",
            }},
        {2,
            {
                // Token notes: owner and "where is this used", local only, never a secret.
                "CREATE TABLE token_notes ("
                " account_id TEXT NOT NULL,"
                " token_id TEXT NOT NULL,"
                " owner TEXT NOT NULL DEFAULT '',"
                " used_in TEXT NOT NULL DEFAULT '',"
                " updated TEXT NOT NULL,"
                " PRIMARY KEY (account_id, token_id))",
            }},
        {3,
            {
                // Keyed fingerprints of created token values (identify, leak scan): an HMAC under a keychain key,
                // the first and last 4 characters and a JWT's own id and expiry. Never the value.
                "CREATE TABLE fingerprints ("
                " id INTEGER PRIMARY KEY AUTOINCREMENT,"
                " account_id TEXT NOT NULL,"
                " provider_id TEXT NOT NULL DEFAULT '',"
                " token_id TEXT NOT NULL DEFAULT '',"
                " kind TEXT NOT NULL DEFAULT '',"
                " label TEXT NOT NULL DEFAULT '',"
                " subject TEXT NOT NULL DEFAULT '',"
                " mac TEXT NOT NULL,"
                " head TEXT NOT NULL DEFAULT '',"
                " tail TEXT NOT NULL DEFAULT '',"
                " jwt_id TEXT NOT NULL DEFAULT '',"
                " created TEXT NOT NULL,"
                " expires TEXT)",
                "CREATE INDEX fingerprints_mac ON fingerprints (mac)",
                "CREATE INDEX fingerprints_jwt_id ON fingerprints (jwt_id)",
            }},
        {4,
            {
                // Rotations in progress: the old token (metadata only, never a value), the new token's id, when the
                // old one is revoked and the step reached, so a restart during the grace period resumes them.
                "CREATE TABLE rotations ("
                " id INTEGER PRIMARY KEY AUTOINCREMENT,"
                " group_id TEXT NOT NULL,"
                " account_id TEXT NOT NULL,"
                " provider_id TEXT NOT NULL DEFAULT '',"
                " old_token TEXT NOT NULL DEFAULT '{}',"
                " old_token_id TEXT NOT NULL DEFAULT '',"
                " new_token_id TEXT NOT NULL DEFAULT '',"
                " step TEXT NOT NULL,"
                " started TEXT NOT NULL,"
                " due TEXT NOT NULL,"
                " finished TEXT,"
                " detail TEXT NOT NULL DEFAULT '')",
                "CREATE INDEX rotations_pending ON rotations (finished, due)",
            }},
        {5,
            {
                // The token's name as it was when the entry was written: ids alone do not say what was revoked.
                "ALTER TABLE audit ADD COLUMN target_name TEXT NOT NULL DEFAULT ''",
            }},
    };
    return list;
}

QString nextConnectionName()
{
    static QAtomicInteger<quint64> counter;
    return QStringLiteral("tokendesk-db-%1").arg(counter.fetchAndAddRelaxed(1) + 1);
}
} // namespace

Database::Database(const QString &path)
    : m_path(path)
    , m_connectionName(nextConnectionName())
{ }

Database::~Database()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        if (db.isValid())
            db.close();
    }
    if (QSqlDatabase::contains(m_connectionName))
        QSqlDatabase::removeDatabase(m_connectionName);
}

bool Database::open()
{
    m_lastError.clear();
    if (isOpen())
        return true;
    const QFileInfo info(m_path);
    if (!QDir().mkpath(info.absolutePath())) {
        m_lastError = QCoreApplication::translate("Database", "Cannot create the folder %1.")
                          .arg(QDir::toNativeSeparators(info.absolutePath()));
        return false;
    }
    if (!info.exists()) {
        // Created empty (a valid SQLite file) and private first: SQLite gives its -wal and -shm files the
        // database file's permissions.
        QFile file(m_path);
        if (file.open(QIODevice::WriteOnly))
            file.close();
        QFile::setPermissions(m_path, QFile::ReadOwner | QFile::WriteOwner);
    }
    QSqlDatabase db = QSqlDatabase::contains(m_connectionName)
        ? QSqlDatabase::database(m_connectionName, false)
        : QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    if (!db.isValid()) {
        m_lastError = QCoreApplication::translate("Database", "The SQLite driver for Qt is not available.");
        return false;
    }
    db.setDatabaseName(m_path);
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    if (!db.open()) {
        m_lastError = QCoreApplication::translate("Database", "Cannot open the database %1: %2")
                          .arg(QDir::toNativeSeparators(m_path), db.lastError().text());
        return false;
    }

    QSqlQuery query(db);
    const char *const pragmas[] = {
        "PRAGMA journal_mode=WAL",
        "PRAGMA synchronous=FULL",
        "PRAGMA foreign_keys=ON",
    };
    for (const char *pragma : pragmas) {
        if (!query.exec(QString::fromLatin1(pragma))) {
            m_lastError = QCoreApplication::translate("Database", "Cannot configure the database %1: %2")
                              .arg(QDir::toNativeSeparators(m_path), query.lastError().text());
            db.close();
            return false;
        }
    }
    query.finish();

    if (!migrate()) {
        db.close();
        return false;
    }
    return true;
}

bool Database::isOpen() const
{
    if (!QSqlDatabase::contains(m_connectionName))
        return false;
    return QSqlDatabase::database(m_connectionName, false).isOpen();
}

int Database::schemaVersion() const
{
    if (!isOpen())
        return 0;
    QSqlQuery query(connection());
    if (!query.exec(QStringLiteral("PRAGMA user_version")) || !query.next())
        return 0;
    return query.value(0).toInt();
}

int Database::latestSchemaVersion()
{
    return migrations().isEmpty() ? 0 : migrations().constLast().version;
}

QSqlDatabase Database::connection() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

bool Database::migrate()
{
    QSqlDatabase db = connection();
    const int current = schemaVersion();
    if (current > latestSchemaVersion()) {
        m_lastError = QCoreApplication::translate("Database",
            "The database %1 was written by a newer version of TokenDesk (schema %2, this version "
            "knows %3).")
                          .arg(QDir::toNativeSeparators(m_path))
                          .arg(current)
                          .arg(latestSchemaVersion());
        return false;
    }
    for (const Migration &migration : migrations()) {
        if (migration.version <= current)
            continue;
        if (!db.transaction()) {
            m_lastError =
                QCoreApplication::translate("Database", "Cannot start a transaction: %1").arg(db.lastError().text());
            return false;
        }
        QSqlQuery query(db);
        bool ok = true;
        for (const char *statement : migration.statements) {
            if (!query.exec(QString::fromLatin1(statement))) {
                ok = false;
                break;
            }
        }
        if (ok)
            ok = query.exec(QStringLiteral("PRAGMA user_version = %1").arg(migration.version));
        if (!ok) {
            m_lastError = QCoreApplication::translate("Database", "Cannot update the database to schema %1: %2")
                              .arg(migration.version)
                              .arg(query.lastError().text());
            query.finish();
            db.rollback();
            return false;
        }
        query.finish();
        if (!db.commit()) {
            m_lastError = QCoreApplication::translate("Database", "Cannot update the database to schema %1: %2")
                              .arg(migration.version)
                              .arg(db.lastError().text());
            db.rollback();
            return false;
        }
        qCDebug(lcDatabase) << "database migrated to schema" << migration.version;
    }
    return true;
}
