#pragma once

#include "core/Account.h"
#include "core/Result.h"
#include "providers/TokenProvider.h"

#include <QDeadlineTimer>
#include <QFuture>
#include <QHash>
#include <QObject>
#include <QSet>
#include <QString>
#include <QUuid>

#include <memory>

class AccountLifecycle;
class AccountSession;
class AccountStore;
class AuditLog;
class Clock;
class Database;
class Ledger;
class QNetworkAccessManager;
class RequestLog;
class RotationStore;
class SecretStore;
class TokenNotes;

// The composition root below the widgets: everything one configuration folder holds and every account session
// shares — the accounts file, the keychain, the database (ledger, audit log, notes), the request log, the network
// access manager and the clock. The window and the CLI each create one; nothing else builds these stores.
//
// What is slow to open (the SQLite file, the keychain connection, the network stack) is opened on first use, so a
// window can paint before any of it is touched.
class Workspace : public QObject
{
    Q_OBJECT
public:
    // `secrets` may be null: then a SecretStore over the OS keychain is made on first use (owned by the
    // workspace). A given store stays its owner's: it may outlive the workspace (a second window over the same
    // keychain).
    explicit Workspace(const QString &configDir, SecretStore *secrets = nullptr, QObject *parent = nullptr);
    ~Workspace() override;

    QString configDir() const { return m_configDir; }
    AccountStore *accountStore() const { return m_accounts.get(); }
    SecretStore *secrets();

    const Clock *clock() const { return m_clock; }
    void setClock(const Clock *clock) { m_clock = clock; } // before the first session is made
    // One deadline for every request made from now on (the CLI's --timeout); Forever by default.
    void setDeadline(QDeadlineTimer deadline) { m_deadline = deadline; }

    // Opens <configDir>/tokendesk.sqlite once (creating the folder). False with *error set when it cannot be
    // opened; the stores below then still exist but hold nothing (ledger(), auditLog() and tokenNotes() are never
    // null after a call to openDatabase(), whatever it returned).
    bool openDatabase(QString *error = nullptr);
    bool isDatabaseOpen() const;
    Ledger *ledger() const { return m_ledger.get(); } // null before openDatabase()
    AuditLog *auditLog() const { return m_audit.get(); }
    TokenNotes *tokenNotes() const { return m_notes.get(); }
    RotationStore *rotations() const { return m_rotations.get(); } // rotations waiting for their grace period

    QNetworkAccessManager *network();
    // The request log; with `toFile` it also appends to <configDir>/requests.log (secrets redacted).
    RequestLog *requestLog();
    void setRequestLogFile(bool toFile) { m_requestLogToFile = toFile; }

    // What a provider of any account is given: the shared network, clock, ledger (if opened), request log and
    // deadline.
    ProviderContext providerContext();
    // Adding and removing accounts, the same for the window and the CLI.
    AccountLifecycle *lifecycle();

    // The one session of an account, made on first use and kept; nullptr when its provider is not built in.
    AccountSession *session(const Account &account);
    AccountSession *existingSession(const QUuid &id) const { return m_sessions.value(id); }
    // Forgets (and deletes) an account's session: after its URL, options or secrets changed, or it was removed.
    void dropSession(const QUuid &id);
    // A session of its own for one run (the CLI's commands), owned by `parent`; nullptr when the provider is not
    // built in.
    AccountSession *createSession(const Account &account, QObject *parent);

    // Loads the account's secrets from the keychain into its session's provider, once per session.
    QFuture<Result<Done>> prepare(const QUuid &id);
    void markPrepared(const QUuid &id) { m_prepared.insert(id); }

signals:
    void sessionCreated(const QUuid &id, AccountSession *session);

private:
    QString m_configDir;
    std::unique_ptr<AccountStore> m_accounts;
    SecretStore *m_secrets = nullptr;
    const Clock *m_clock = nullptr;
    QDeadlineTimer m_deadline {QDeadlineTimer::Forever};
    QNetworkAccessManager *m_network = nullptr;
    std::unique_ptr<RequestLog> m_requestLog;
    bool m_requestLogToFile = false;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<Ledger> m_ledger;
    std::unique_ptr<AuditLog> m_audit;
    std::unique_ptr<TokenNotes> m_notes;
    std::unique_ptr<RotationStore> m_rotations;
    AccountLifecycle *m_lifecycle = nullptr;
    QHash<QUuid, AccountSession *> m_sessions;
    QSet<QUuid> m_prepared;
    QSet<QUuid> m_unsupported; // accounts whose provider is not built in: asked once, not on every repaint
};
