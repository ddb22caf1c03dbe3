#pragma once

#include "core/Account.h"
#include "core/Result.h"
#include "providers/TokenProvider.h"

#include <QFuture>
#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QString>
#include <QUuid>

#include <optional>

class AccountListModel;
class AccountSession;
class AccountTokens;
class AuditLog;
class Clock;
class Ledger;
class Preferences;
struct ProviderDescriptor;
class QNetworkAccessManager;
class RequestLog;
class RotationFinisher;
class RotationStore;
class SecretStore;
class TokenNotes;
class Workspace;

// The GUI's side of the Workspace (the composition root that owns the stores, the network and the sessions):
// the model the sidebar shows, the preferences, and the add/update/remove of accounts with what the window needs
// around them. The database is opened on the first call that needs it (ledger(), auditLog(), tokenNotes(),
// accountTokens(), session()), not in the constructor, so the window can paint first.
class AccountController : public QObject
{
    Q_OBJECT
public:
    // `secrets` may be null: then the controller creates a SecretStore over the OS keychain.
    AccountController(const QString &configDir, SecretStore *secrets = nullptr, QObject *parent = nullptr);
    ~AccountController() override;

    Workspace *workspace() const { return m_workspace; }
    QString configDir() const;
    SecretStore *secretStore() const;
    AccountListModel *accountModel() const { return m_model; }
    const Clock *clock() const;
    void setClock(const Clock *clock); // before the first session() call
    Ledger *ledger() const;
    AuditLog *auditLog() const;
    TokenNotes *tokenNotes() const; // owner / where used, per token
    RequestLog *requestLog() const;
    // The user's preferences (preferences.ini in configDir()), one instance shared by the whole GUI.
    Preferences *preferences() const { return m_preferences; }
    QNetworkAccessManager *network() const;
    // What is known of every account's tokens: every view reads it, every listing goes through it.
    AccountTokens *accountTokens() const;
    // Rotations in progress (kept in the database) and what finishes them when their grace period is over.
    RotationStore *rotations() const;
    RotationFinisher *rotationFinisher();
    // Rotations left pending by an earlier run finish when due (at once when overdue). It opens the database:
    // the window asks for it once it has painted (MainWindow::start).
    void resumeRotations();

    // Reads the accounts file into the model. False (with lastError()) when the file was malformed.
    bool load();
    QList<Account> accounts() const;
    std::optional<Account> account(const QUuid &id) const;
    QString lastError() const { return m_lastError; }

    // The session of an account, created on first use; nullptr when the account or its provider is unknown.
    AccountSession *session(const QUuid &id);
    TokenProvider *provider(const QUuid &id);
    // Loads the account's secrets from the keychain into its provider, once per session.
    QFuture<Result<Done>> prepare(const QUuid &id);

    // Saves the account (no secrets) and stores its secrets in the keychain. Empty secret values are skipped.
    QFuture<Result<Done>> addAccount(const Account &account, const QHash<QString, QString> &secrets);
    QFuture<Result<Done>> updateAccount(const Account &account, const QHash<QString, QString> &secrets);
    // Removes the account and its session, and through AccountLifecycle what the CLI removes too (keychain
    // entries, notes). A Storage error (finished at once, lastError() set) means nothing was removed.
    QFuture<Result<Done>> removeAccount(const QUuid &id);

    // Creates one account per service of a sandbox ready line ({"services": {"<id>": {"base_url": ...,
    // <credential keys>...}}}) whose provider is registered. Credentials are mapped onto the descriptor's
    // account fields by key. Returns the accounts created.
    // A service with an MFA demo user ("mfa_username", ...) gets a second account for it.
    QList<Account> addDemoAccounts(const QJsonObject &readyInfo);
    // The credentials a sandbox demo account was made with (field key -> value), to prefill its sign-in dialog;
    // empty for every other account. Demo credentials only: they are printed in the sandbox's ready line.
    QHash<QString, QString> demoSecrets(const QUuid &id) const;
    // The base32 TOTP seed of a sandbox demo account's MFA user, so its MFA dialog can show the current code;
    // empty for every other account (never for a real one).
    QString demoTotpSecret(const QUuid &id) const;

signals:
    void accountsChanged();
    void sessionCreated(const QUuid &id, AccountSession *session);

private:
    // Opens the database the first time anything needs it (a failure is logged once; the stores stay usable and
    // empty, as the window has always run without its database).
    Workspace *opened() const;

    struct DemoCredentials
    {
        QHash<QString, QString> secrets;
        QString totpSecret;
    };
    // `variant` prefixes the ready-info keys that override the service's ("mfa_" for the MFA demo user).
    Account addDemoAccount(
        const ProviderDescriptor &descriptor, const QString &name, const QJsonObject &info, const QString &variant);

    Workspace *m_workspace = nullptr;
    AccountListModel *m_model = nullptr;
    RotationFinisher *m_rotationFinisher = nullptr;
    Preferences *m_preferences = nullptr;
    AccountTokens *m_accountTokens = nullptr;
    QHash<QUuid, DemoCredentials> m_demo; // sandbox demo accounts only
    QString m_lastError;
};
