#pragma once

#include "core/Account.h"
#include "core/Result.h"

#include <QFuture>
#include <QObject>
#include <QStringList>

class AccountStore;
class AuditLog;
class SecretStore;
class TokenNotes;

// Adding and removing an account, the same for the window and the CLI: what is written and what is deleted.
// Removing takes the account out of the accounts file, deletes every keychain entry an account of its service can
// hold (its secret fields, what its provider stores itself such as a session token, and the generic keys
// --secrets-stdin accepts), deletes its notes and writes an audit entry. The ledger keeps its rows: they are the
// history of what TokenDesk minted, and the tokens themselves live on at the service until they expire.
class AccountLifecycle : public QObject
{
    Q_OBJECT
public:
    // `notes` and `audit` may be null (a CLI without its database): then that part is skipped.
    AccountLifecycle(
        AccountStore *store, SecretStore *secrets, TokenNotes *notes, AuditLog *audit, QObject *parent = nullptr);

    // Keys accepted for any provider from --secrets-stdin and the account dialog.
    static QStringList genericSecretKeys();
    // Every keychain field an account of `providerId` may hold.
    static QStringList keychainFields(const QString &providerId);

    // Adds the account to the accounts file and stores its non-empty secrets in the keychain.
    QFuture<Result<Done>> add(const Account &account, const QHash<QString, QString> &secrets);
    // Finishes with the first failure: Storage when the accounts file could not be written (nothing else is
    // touched then), Keychain when an entry could not be deleted (the account is removed anyway).
    QFuture<Result<Done>> remove(const Account &account);

private:
    void audit(const Account &account, const QString &action, const ApiError &error);

    AccountStore *m_store;
    SecretStore *m_secrets;
    TokenNotes *m_notes;
    AuditLog *m_audit;
};
