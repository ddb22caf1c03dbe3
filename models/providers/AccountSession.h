#pragma once

#include "core/Account.h"
#include "core/Result.h"
#include "core/Token.h"
#include "providers/KnownExpiries.h"
#include "providers/TokenProvider.h"

#include <QFuture>
#include <QList>
#include <QObject>
#include <QPromise>
#include <QUuid>

#include <memory>

class AuditLog;
class Ledger;
class SecretStore;

// One account at work: its provider, its secrets read from the keychain, and the audit trail of what was
// done through it. The GUI and the CLI both go through AccountSession, so loading credentials, auditing and
// credential persistence exist once.
class AccountSession : public QObject
{
    Q_OBJECT
public:
    AccountSession(const Account &account, const ProviderContext &context, SecretStore *secrets, AuditLog *audit,
        QObject *parent = nullptr);
    ~AccountSession() override;

    const Account &account() const;
    TokenProvider *provider() const { return m_provider; }
    bool isValid() const { return m_provider != nullptr; }

    // Reads every secret field of the account from the keychain into the provider. Missing secrets are not
    // an error (the caller may ask for them); a keychain failure is.
    QFuture<Result<Done>> loadSecrets();
    // Stores secret values (from the account dialog or --secrets-stdin) in the keychain and the provider.
    QFuture<Result<Done>> storeSecrets(const QHash<QString, QString> &values);

    // Lists (and the details of one token) keep every expiry time once known (KnownExpiries).
    QFuture<Result<QList<Token>>> refresh(const ListRequest &request = {});
    QFuture<Result<Token>> details(const Token &token);
    QFuture<Result<CreatedToken>> create(
        const CreateRequest &request, const QString &groupId = {}); // audited, value never logged
    // `groupId` ties the audit entry to a grouped action (bulk revoke, break-glass).
    QFuture<Result<Done>> revoke(const Token &token, const QString &groupId = {}); // audited
    QFuture<Result<Done>> revokeAllForSubject(const QString &subject, const QString &groupId = {}); // audited
    QFuture<Result<Done>> expireAll(const ExpireAllRequest &request, const QString &groupId = {}); // audited
    QFuture<Result<SignInResult>> signIn(); // audited
    QFuture<Result<SignInResult>> submitMfa(const MfaChallenge &challenge, const QString &passcode); // audited
    QFuture<Result<Done>> signOut(); // audited
    QFuture<Result<Done>> logoutToken(const QString &tokenValue); // audited

    // Finishes when every keychain write started by the provider's secretChanged has finished (the CLI waits
    // for it before exiting, so a rotated session token is not lost). Fails with the first keychain error.
    QFuture<Result<Done>> settle();

    // Audits the connection options that weaken transport security when an account is added or changed (the GUI
    // and the CLI both call it): plain http allowed to a host ("allow-http") or taken back ("disallow-http").
    static void auditConnectionChange(AuditLog *audit, const std::optional<Account> &before, const Account &after);

    // Writes one audit entry for this account (also used for grouped actions). `targetName` is the token's name
    // as it is now, kept with the entry so the log still names it after a rename or revocation.
    void audit(const QString &action, const QString &target, const ApiError &error, const QString &groupId = {},
        const QString &targetName = {});

signals:
    void tokensChanged();

private:
    Account m_account;
    TokenProvider *m_provider = nullptr;
    SecretStore *m_secrets;
    AuditLog *m_audit;
    KnownExpiries m_expiries;
    int m_pendingWrites = 0;
    ApiError m_writeError;
    QList<std::shared_ptr<QPromise<Result<Done>>>> m_settleWaiters;

    // The list or token the future yields, with every expiry time once known kept (KnownExpiries).
    template<typename T> QFuture<Result<T>> withKnownExpiries(QFuture<Result<T>> future);
    void persistSecret(const QString &field, const QString &value);
    // Stores the keyed fingerprint of the new value (and of a refresh value) in the ledger; a failure is noted
    // on the created token, never fatal: the token exists on the service either way.
    QFuture<Result<CreatedToken>> recordFingerprints(Result<CreatedToken> result);
    bool recordFingerprint(Ledger *ledger, const QByteArray &key, const Token &token, const QString &value) const;
    void finishWrite(const ApiError &error);
};
