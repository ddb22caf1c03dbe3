#pragma once

#include "core/ApiError.h"
#include "core/Result.h"
#include "core/Token.h"
#include "providers/TokenProvider.h"

#include <QFuture>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPromise>
#include <QSet>
#include <QUuid>

#include <functional>
#include <memory>

class AccountSession;
class RotationStore;

// The one place that holds what TokenDesk knows of each account's tokens: the last full list. Every view reads it (the
// account's table, All accounts, the expiry alerts and banner, break-glass), and every listing goes through refresh(),
// so a create, revoke, expire-all or logout done anywhere shows everywhere: the session's tokensChanged re-lists the
// account once and changed() tells every reader.
//
// A refresh prepares the account (its secrets), refuses an account that has to sign in first without asking, and
// keeps the last good list when a later one fails. Two refreshes of one account at once share one call.
class AccountTokens : public QObject
{
    Q_OBJECT
public:
    using SessionLookup = std::function<AccountSession *(const QUuid &accountId)>;
    // Loads an account's secrets before its first refresh (the GUI passes AccountController::prepare).
    using Prepare = std::function<QFuture<Result<Done>>(const QUuid &accountId)>;

    explicit AccountTokens(SessionLookup sessions, QObject *parent = nullptr);
    ~AccountTokens() override;

    void setPrepare(Prepare prepare) { m_prepare = std::move(prepare); }
    AccountSession *session(const QUuid &accountId) const { return m_sessions(accountId); }

    // Lists the account. A `request` that narrows the list (one subject, one application) is answered but not
    // kept: the kept list is always the account's whole list.
    QFuture<Result<QList<Token>>> refresh(const QUuid &accountId, const ListRequest &request = {});

    QList<Token> tokens(const QUuid &accountId) const { return m_lists.value(accountId); }
    bool hasList(const QUuid &accountId) const { return m_lists.contains(accountId); }
    // The account's tokens plus the credential it signs in with (a session JWT, a project JWT) when the list does
    // not already hold that credential: what expiry alerts watch, each token once.
    QList<Token> watchedTokens(const QUuid &accountId) const;
    // `tokens` plus `provider`'s own credential when `tokens` does not already hold it (the same id or JWT id).
    static QList<Token> withCredential(QList<Token> tokens, const TokenProvider *provider, const QUuid &accountId);
    // Where pending rotations are kept: each listed token being rotated gets its Token::rotationDue from it.
    void setRotationStore(RotationStore *rotations);
    // Sets (or clears) Token::rotationDue of `tokens` from the account's pending rotations; the CLI's lists too.
    static void markRotations(QList<Token> &tokens, const RotationStore *rotations, const QUuid &accountId);
    // Whether the account's provider signs in and has no session now: a refresh would fail without asking.
    bool needsSignIn(const QUuid &accountId) const;

    // Re-lists the account after each change its session reports (create, revoke, expire-all, logout), when a
    // list of it is kept.
    void watch(const QUuid &accountId, AccountSession *session);
    // Forgets an account (removed from the configuration, or its list no longer valid after signing out).
    void forget(const QUuid &accountId);

signals:
    // The kept list of this account changed (a refresh succeeded, or the account was forgotten).
    void changed(const QUuid &accountId);

private:
    void store(const QUuid &accountId, QList<Token> tokens);
    QFuture<Result<QList<Token>>> list(const QUuid &accountId, const ListRequest &request);

    SessionLookup m_sessions;
    Prepare m_prepare;
    RotationStore *m_rotations = nullptr;
    QHash<QUuid, QList<Token>> m_lists;
    // The callers waiting for a whole-list refresh in flight, per account; each has its own promise.
    using Waiters = QList<std::shared_ptr<QPromise<Result<QList<Token>>>>>;
    static void finishWaiters(Waiters &waiters, const Result<QList<Token>> &result);
    QHash<QUuid, std::shared_ptr<Waiters>> m_inFlight;
    QSet<QUuid> m_relistScheduled;
    QSet<AccountSession *> m_watched;
    quint64 m_generation = 0; // bumped by forget(): a list in flight for a forgotten account is not kept
    QHash<QUuid, quint64> m_forgottenAt;
};
