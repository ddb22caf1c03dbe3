#pragma once

#include "core/Account.h"
#include "core/Result.h"
#include "providers/TokenProvider.h"

#include <QFuture>
#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QSet>
#include <QString>
#include <QUuid>

#include <memory>
#include <optional>

class AccountListModel;
class AccountLifecycle;
class AccountSession;
class AccountTokens;
class AccountStore;
class AuditLog;
class Clock;
class Database;
class Ledger;
class Preferences;
class QNetworkAccessManager;
class RequestLog;
class RotationFinisher;
class RotationStore;
class SecretStore;
class TokenNotes;

// The non-widget glue of the GUI: the accounts of one config directory (AccountStore), the model the sidebar
// shows, and one AccountSession per account sharing one QNetworkAccessManager, the clock, the ledger, the audit
// log and the request log. Secrets go through the SecretStore only.
class AccountController : public QObject
{
    Q_OBJECT
public:
    // `secrets` may be null: then the controller creates a SecretStore over the OS keychain.
    AccountController(const QString &configDir, SecretStore *secrets = nullptr, QObject *parent = nullptr);
    ~AccountController() override;

    QString configDir() const { return m_configDir; }
    SecretStore *secretStore() const { return m_secrets; }
    AccountListModel *accountModel() const { return m_model; }
    const Clock *clock() const { return m_clock; }
    void setClock(const Clock *clock) { m_clock = clock; } // before the first session() call
    Ledger *ledger() const { return m_ledger.get(); }
    AuditLog *auditLog() const { return m_audit.get(); }
    TokenNotes *tokenNotes() const { return m_notes.get(); } // owner / where used, per token
    RequestLog *requestLog() const { return m_requestLog.get(); }
    // The user's preferences (preferences.ini in configDir()), one instance shared by the whole GUI.
    Preferences *preferences() const { return m_preferences; }
    QNetworkAccessManager *network() const { return m_network; }
    // What is known of every account's tokens: every view reads it, every listing goes through it.
    AccountTokens *accountTokens() const { return m_accountTokens; }
    // Rotations in progress (kept in the database) and what finishes them when their grace period is over; load()
    // starts it, so rotations pending from an earlier run resume.
    RotationStore *rotations() const { return m_rotations.get(); }
    RotationFinisher *rotationFinisher();

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
    QList<Account> addDemoAccounts(const QJsonObject &readyInfo);

signals:
    void accountsChanged();
    void sessionCreated(const QUuid &id, AccountSession *session);

private:
    QString m_configDir;
    std::unique_ptr<AccountStore> m_store;
    SecretStore *m_secrets = nullptr;
    AccountListModel *m_model = nullptr;
    const Clock *m_clock = nullptr;
    QNetworkAccessManager *m_network = nullptr;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<Ledger> m_ledger;
    std::unique_ptr<AuditLog> m_audit;
    std::unique_ptr<TokenNotes> m_notes;
    std::unique_ptr<RotationStore> m_rotations;
    RotationFinisher *m_rotationFinisher = nullptr;
    std::unique_ptr<RequestLog> m_requestLog;
    Preferences *m_preferences = nullptr;
    AccountTokens *m_accountTokens = nullptr;
    AccountLifecycle *m_lifecycle = nullptr;
    QHash<QUuid, AccountSession *> m_sessions;
    QSet<QUuid> m_prepared;
    QSet<QUuid> m_unsupported; // accounts whose provider is not built in
    QString m_lastError;
};
