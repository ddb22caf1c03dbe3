#include "AccountStore.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QSaveFile>
#include <QSettings>
#include <QStandardPaths>

#include <algorithm>
#include <limits>

namespace {
Q_LOGGING_CATEGORY(lcAccounts, "tokendesk.store.accounts")

constexpr int kFormatVersion = 1;

// Option names that would hold a secret: they never reach the file (secrets belong in the keychain).
bool isSecretOptionName(const QString &name)
{
    static const char *const names[] = {"password", "passcode", "api_key", "apikey", "secret", "client_secret",
        "access_token", "refresh_token", "token_value"};
    const QString lower = name.toLower();
    for (const char *n : names) {
        if (lower == QLatin1String(n))
            return true;
    }
    return false;
}

QString uuidText(const QUuid &id)
{
    return id.toString(QUuid::WithoutBraces);
}

QUuid parseUuid(const QString &text)
{
    QUuid id = QUuid::fromString(text.trimmed());
    return id;
}
} // namespace

AccountStore::AccountStore(const QString &configDir)
    : m_dir(configDir)
{ }

QString AccountStore::filePath() const
{
    return QDir(m_dir).filePath(QStringLiteral("accounts.ini"));
}

QList<Account> AccountStore::load()
{
    m_lastError.clear();
    QList<Account> accounts;
    const QString path = filePath();
    if (!QFileInfo::exists(path))
        return accounts;

    QSettings settings(path, QSettings::IniFormat);
    if (settings.status() != QSettings::NoError) {
        m_lastError = QCoreApplication::translate(
            "AccountStore", "The accounts file %1 is malformed; only the readable accounts were loaded.")
                          .arg(QDir::toNativeSeparators(path));
        qCWarning(lcAccounts) << "accounts file is malformed:" << path;
    }

    QList<std::pair<int, Account>> ordered;
    int skipped = 0;
    const QStringList groups = settings.childGroups();
    for (const QString &group : groups) {
        const QUuid id = parseUuid(group);
        settings.beginGroup(group);
        Account account;
        account.id = id;
        account.name = settings.value(QStringLiteral("name")).toString();
        account.providerId = settings.value(QStringLiteral("provider")).toString();
        account.baseUrl = QUrl(settings.value(QStringLiteral("base_url")).toString());
        const QVariant options = settings.value(QStringLiteral("options"));
        if (options.canConvert<QVariantMap>())
            account.options = options.toMap();
        bool orderOk = false;
        int order = settings.value(QStringLiteral("order")).toInt(&orderOk);
        if (!orderOk)
            order = std::numeric_limits<int>::max();
        settings.endGroup();
        if (!account.isValid()) {
            ++skipped;
            continue;
        }
        ordered.append({order, account});
    }
    std::stable_sort(ordered.begin(), ordered.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
    for (const auto &entry : std::as_const(ordered))
        accounts.append(entry.second);

    if (skipped > 0) {
        qCWarning(lcAccounts) << "skipped" << skipped << "unreadable account entries in" << path;
        if (m_lastError.isEmpty()) {
            m_lastError = QCoreApplication::translate(
                "AccountStore", "%n account entries in %1 could not be read and were skipped.", nullptr, skipped)
                              .arg(QDir::toNativeSeparators(path));
        }
    }
    return accounts;
}

bool AccountStore::save(const QList<Account> &accounts)
{
    m_lastError.clear();
    if (!QDir().mkpath(m_dir)) {
        m_lastError = QCoreApplication::translate("AccountStore", "Cannot create the configuration folder %1.")
                          .arg(QDir::toNativeSeparators(m_dir));
        return false;
    }
    const QString path = filePath();
    const QString tmpPath = path + QStringLiteral(".tmp");
    // A .tmp left by an interrupted save is garbage: start from scratch. So is QSettings' lock file of it: a
    // process killed while creating it leaves it empty, and QSettings would then wait for it to go stale (30 s)
    // before writing (found by tst_store_crashsafety).
    QFile::remove(tmpPath);
    QFile::remove(tmpPath + QStringLiteral(".lock"));
    {
        QSettings settings(tmpPath, QSettings::IniFormat);
        settings.clear();
        settings.setValue(QStringLiteral("format_version"), kFormatVersion);
        int order = 0;
        for (const Account &account : accounts) {
            if (!account.isValid())
                continue;
            QVariantMap options;
            for (auto it = account.options.constBegin(); it != account.options.constEnd(); ++it) {
                if (isSecretOptionName(it.key())) {
                    qCWarning(lcAccounts)
                        << "not saving secret-like option" << it.key() << "of account" << uuidText(account.id);
                    continue;
                }
                options.insert(it.key(), it.value());
            }
            settings.beginGroup(uuidText(account.id));
            settings.setValue(QStringLiteral("order"), order++);
            settings.setValue(QStringLiteral("name"), account.name);
            settings.setValue(QStringLiteral("provider"), account.providerId);
            settings.setValue(QStringLiteral("base_url"), account.baseUrl.toString());
            settings.setValue(QStringLiteral("options"), options);
            settings.endGroup();
        }
        settings.sync();
        if (settings.status() != QSettings::NoError) {
            m_lastError = QCoreApplication::translate("AccountStore", "Cannot write the accounts file %1.")
                              .arg(QDir::toNativeSeparators(tmpPath));
            QFile::remove(tmpPath);
            return false;
        }
    }

    // Copy the finished temporary file over the real one with QSaveFile, which writes a temporary file in
    // the same folder and renames it over the target atomically (rename on POSIX, ReplaceFile on Windows).
    QFile tmp(tmpPath);
    if (!tmp.open(QIODevice::ReadOnly)) {
        m_lastError = QCoreApplication::translate("AccountStore", "Cannot read back the accounts file %1.")
                          .arg(QDir::toNativeSeparators(tmpPath));
        return false;
    }
    const QByteArray bytes = tmp.readAll();
    tmp.close();
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly) || out.write(bytes) != bytes.size() || !out.commit()) {
        m_lastError = QCoreApplication::translate("AccountStore", "Cannot save the accounts file %1: %2")
                          .arg(QDir::toNativeSeparators(path), out.errorString());
        QFile::remove(tmpPath);
        return false;
    }
    QFile::remove(tmpPath);
    // No secrets in here, but account names and user names are nobody else's business.
    QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
    return true;
}

bool AccountStore::add(const Account &account)
{
    if (!account.isValid()) {
        m_lastError = QCoreApplication::translate("AccountStore", "The account has no id or no service.");
        return false;
    }
    QList<Account> accounts = load();
    for (const Account &existing : std::as_const(accounts)) {
        if (existing.id == account.id) {
            m_lastError = QCoreApplication::translate("AccountStore", "An account with this id already exists.");
            return false;
        }
        if (existing.name.compare(account.name, Qt::CaseInsensitive) == 0) {
            m_lastError = QCoreApplication::translate("AccountStore", "An account named \"%1\" already exists.")
                              .arg(account.name);
            return false;
        }
    }
    accounts.append(account);
    return save(accounts);
}

bool AccountStore::update(const Account &account)
{
    QList<Account> accounts = load();
    bool found = false;
    for (Account &existing : accounts) {
        if (existing.id == account.id) {
            existing = account;
            found = true;
        } else if (existing.name.compare(account.name, Qt::CaseInsensitive) == 0) {
            m_lastError = QCoreApplication::translate("AccountStore", "An account named \"%1\" already exists.")
                              .arg(account.name);
            return false;
        }
    }
    if (!found) {
        m_lastError = QCoreApplication::translate("AccountStore", "There is no such account.");
        return false;
    }
    return save(accounts);
}

bool AccountStore::remove(const QUuid &id)
{
    QList<Account> accounts = load();
    const auto removed = accounts.removeIf([&id](const Account &a) { return a.id == id; });
    if (removed == 0) {
        m_lastError = QCoreApplication::translate("AccountStore", "There is no such account.");
        return false;
    }
    return save(accounts);
}

std::optional<Account> AccountStore::find(const QString &nameOrId)
{
    const QList<Account> accounts = load();
    const QUuid id = parseUuid(nameOrId);
    if (!id.isNull()) {
        for (const Account &account : accounts) {
            if (account.id == id)
                return account;
        }
    }
    for (const Account &account : accounts) {
        if (account.name.compare(nameOrId.trimmed(), Qt::CaseInsensitive) == 0)
            return account;
    }
    return std::nullopt;
}

QString AccountStore::defaultConfigDir()
{
    // AppConfigLocation as if the application were called "TokenDesk" (the GUI and the CLI share it), without
    // changing the application name: the generic config folder, then organization and application name.
    QString dir = QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation);
    const QString organization = QCoreApplication::organizationName();
    if (!organization.isEmpty())
        dir += QLatin1Char('/') + organization;
    dir += QStringLiteral("/TokenDesk");
    return QDir::cleanPath(dir);
}

QString AccountStore::resolveConfigDir(const QString &commandLineValue)
{
    if (!commandLineValue.isEmpty())
        return QDir::cleanPath(QDir(commandLineValue).absolutePath());
    const QString fromEnv = qEnvironmentVariable("TOKENDESK_CONFIG_DIR");
    if (!fromEnv.isEmpty())
        return QDir::cleanPath(QDir(fromEnv).absolutePath());
    return defaultConfigDir();
}
