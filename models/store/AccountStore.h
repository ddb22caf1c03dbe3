#pragma once

#include "core/Account.h"

#include <QList>
#include <QString>

// Accounts (no secrets) in an INI file under the config directory, written atomically: a save interrupted
// half-way leaves the previous file intact (QSaveFile semantics, then QSettings reads it).
class AccountStore
{
public:
    // `configDir` is the directory chosen by --config / TOKENDESK_CONFIG_DIR, or the platform default.
    explicit AccountStore(const QString &configDir);

    QString filePath() const;
    // Reads the file; on a malformed file, keeps what can be read and sets lastError().
    QList<Account> load();
    bool save(const QList<Account> &accounts);
    QString lastError() const { return m_lastError; }

    // Convenience: load, change, save.
    bool add(const Account &account);
    bool update(const Account &account);
    bool remove(const QUuid &id);
    // Finds an account by name (case-insensitive) or by uuid text.
    std::optional<Account> find(const QString &nameOrId);

    // The platform default config directory (QStandardPaths::AppConfigLocation).
    static QString defaultConfigDir();
    // --config value, else TOKENDESK_CONFIG_DIR, else defaultConfigDir().
    static QString resolveConfigDir(const QString &commandLineValue);

private:
    QString m_dir;
    QString m_lastError;
};
