#pragma once

#include "CliOutput.h"

#include "core/Account.h"
#include "providers/TokenProvider.h"
#include "store/AccountStore.h"

#include <QDeadlineTimer>
#include <QFuture>
#include <QHash>
#include <QObject>
#include <QString>
#include <QStringList>

#include <memory>

class AccountSession;
class AuditLog;
class Ledger;
class TokenNotes;
class Workspace;
class AccountLifecycle;
class RotationStore;
class SecretStore;

// tokendesk-cli without main(): global options, the environment every command shares (config directory,
// account store, keychain, database, network) and the dispatch through CliCommandTable. Tests may link it.
class CliApplication : public QObject
{
    Q_OBJECT
public:
    explicit CliApplication(QObject *parent = nullptr);
    ~CliApplication() override;

    // Runs one command line (without the program name). The future finishes with the process exit code.
    QFuture<int> run(const QStringList &arguments);

    static QString usage();
    static constexpr int DefaultTimeoutSeconds = 30;
    // The whole --timeout again from now, for the requests made after a person was waited for (a passcode
    // typed at the prompt): their typing is not the server's slowness.
    QDeadlineTimer restartDeadline();
    static constexpr int MaxTimeoutSeconds = 86'400;
    // Option names that would carry a secret on argv; they are refused (exit 2).
    static bool isSecretOptionName(const QString &name);

    CliOutput &out() { return m_out; }
    bool jsonOutput() const { return m_json; }
    QString configDir() const { return m_configDir; }
    // The stores, network and sessions of the configuration folder (made once --config is read).
    Workspace *workspace() const { return m_workspace; }
    AccountStore &accounts();
    SecretStore *secrets();
    // Opens <configDir>/tokendesk.sqlite (ledger and audit log) once; false with *error set on failure.
    bool openDatabase(QString *error);
    // Null while the database is not open.
    Ledger *ledger() const;
    AuditLog *auditLog() const;
    TokenNotes *tokenNotes() const;
    RotationStore *rotations() const; // pending rotations; null while the database is not open
    // Adding and removing accounts as the window does. Opens the database for the audit entry and the notes;
    // without a database those parts are skipped (the accounts file and the keychain are what matter).
    AccountLifecycle *lifecycle();
    ProviderContext providerContext();

    // Secrets read from stdin with --secrets-stdin (key -> value); empty without the option.
    bool hasStdinSecrets() const { return m_secretsFromStdin; }
    const QHash<QString, QString> &stdinSecrets() const { return m_stdinSecrets; }
    // Secrets from TOKENDESK_SECRET_<FIELD> environment variables (field lower-cased: TOKENDESK_SECRET_API_KEY ->
    // api_key), for this run only like the stdin ones (which win): headless use without a keychain. Never stored.
    const QHash<QString, QString> &environmentSecrets() const { return m_envSecrets; }
    static constexpr const char *SecretEnvironmentPrefix = "TOKENDESK_SECRET_";
    // Checks the stdin secret keys against the provider: generic keys and the provider's Secret fields.
    bool checkSecretKeys(const QString &providerId, QString *badKey) const;
    // Reads stdin to the end (capped); false when more than `maxBytes` arrived.
    static bool readStdin(QByteArray *data, qsizetype maxBytes = 1024 * 1024);
    static bool stdinIsTerminal();

private:
    CliOutput m_out;
    bool m_json = false;
    bool m_secretsFromStdin = false;
    QString m_configDir;
    // Set once per command (--timeout): every request of every provider the command uses shares it.
    QDeadlineTimer m_deadline {QDeadlineTimer::Forever};
    int m_timeoutSeconds = DefaultTimeoutSeconds;
    QHash<QString, QString> m_stdinSecrets;
    QHash<QString, QString> m_envSecrets;
    Workspace *m_workspace = nullptr;
    bool m_lifecycleChecked = false;
};
