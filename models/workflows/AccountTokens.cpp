#include "workflows/AccountTokens.h"

#include "core/Async.h"
#include "core/TokenExtra.h"
#include "providers/AccountSession.h"
#include "store/RotationStore.h"

#include <QLoggingCategory>
#include <QPromise>
#include <QTimer>

#include <algorithm>

Q_LOGGING_CATEGORY(lcAccountTokens, "tokendesk.workflows.tokens")

namespace {

bool isWholeList(const ListRequest &request)
{
    return request.subject.isEmpty() && request.appId.isEmpty();
}

// Two reports of one token: the same id, or the same JWT id where one report addresses it otherwise.
bool sameToken(const Token &a, const Token &b)
{
    if (!a.id.isEmpty() && a.id == b.id)
        return true;
    const QString jtiA = a.extra.value(TokenExtra::JwtId).toString();
    const QString jtiB = b.extra.value(TokenExtra::JwtId).toString();
    return !jtiA.isEmpty() && (jtiA == jtiB || jtiA == b.id);
}

} // namespace

AccountTokens::AccountTokens(SessionLookup sessions, QObject *parent)
    : QObject(parent)
    , m_sessions(std::move(sessions))
{ }

AccountTokens::~AccountTokens()
{
    // Callers still waiting learn that no list is coming (their continuations run, not hang).
    for (const std::shared_ptr<Waiters> &call : std::as_const(m_inFlight))
        finishWaiters(*call, Result<QList<Token>>(ApiError(ApiError::Kind::Cancelled)));
}

bool AccountTokens::needsSignIn(const QUuid &accountId) const
{
    AccountSession *session = m_sessions(accountId);
    TokenProvider *provider = session ? session->provider() : nullptr;
    return provider && provider->can(TokenProvider::Capability::SignIn) && !provider->isSignedIn();
}

QList<Token> AccountTokens::watchedTokens(const QUuid &accountId) const
{
    AccountSession *session = m_sessions(accountId);
    return withCredential(tokens(accountId), session ? session->provider() : nullptr, accountId);
}

QList<Token> AccountTokens::withCredential(QList<Token> tokens, const TokenProvider *provider, const QUuid &accountId)
{
    std::optional<Token> own = provider ? provider->credentialToken() : std::nullopt;
    if (!own)
        return tokens;
    own->accountId = accountId;
    const bool listed =
        std::any_of(tokens.cbegin(), tokens.cend(), [&own](const Token &token) { return sameToken(token, *own); });
    if (!listed)
        tokens.append(*own);
    return tokens;
}

QFuture<Result<QList<Token>>> AccountTokens::refresh(const QUuid &accountId, const ListRequest &request)
{
    if (!isWholeList(request))
        return list(accountId, request);
    // Each caller gets a future of its own: a QFuture runs only the last continuation attached to it, so handing
    // one shared future to two callers would leave the first one waiting forever.
    auto waiter = std::make_shared<QPromise<Result<QList<Token>>>>();
    waiter->start();
    const QFuture<Result<QList<Token>>> future = waiter->future();
    if (const auto running = m_inFlight.constFind(accountId); running != m_inFlight.cend()) {
        (*running)->append(waiter);
        return future;
    }
    auto call = std::make_shared<Waiters>(Waiters {waiter});
    m_inFlight.insert(accountId, call);
    const quint64 generation = m_forgottenAt.value(accountId);
    Async::then(list(accountId, request), this, [this, accountId, generation, call](Result<QList<Token>> result) {
        if (m_inFlight.value(accountId) == call)
            m_inFlight.remove(accountId);
        // Forgotten while in flight (removed, signed out): the list belongs to nobody now.
        if (result.ok() && m_forgottenAt.value(accountId) == generation)
            store(accountId, result.value());
        finishWaiters(*call, result);
    });
    return future;
}

void AccountTokens::finishWaiters(Waiters &waiters, const Result<QList<Token>> &result)
{
    const Waiters taken = std::exchange(waiters, {});
    for (const auto &waiter : taken) {
        waiter->addResult(result);
        waiter->finish();
    }
}

QFuture<Result<QList<Token>>> AccountTokens::list(const QUuid &accountId, const ListRequest &request)
{
    const auto unsupported = [] {
        return readyResult(Result<QList<Token>>(
            ApiError(ApiError::Kind::NotSupported, tr("This account's service is not supported by this build."))));
    };
    AccountSession *session = m_sessions(accountId);
    if (!session || !session->isValid())
        return unsupported();
    watch(accountId, session);
    QFuture<Result<Done>> prepared = m_prepare ? m_prepare(accountId) : readyResult(Result<Done>(Done {}));
    return Async::then(prepared, this, [this, accountId, request, unsupported](Result<Done> ready) {
        if (!ready.ok()) {
            ApiError error = ready.error();
            error.setUserMessage(tr("Reading credentials failed: %1").arg(error.userMessage()));
            return readyResult(Result<QList<Token>>(error));
        }
        AccountSession *current = m_sessions(accountId);
        if (!current || !current->isValid())
            return unsupported();
        if (needsSignIn(accountId)) {
            return readyResult(Result<QList<Token>>(ApiError(
                ApiError::Kind::Unauthorized, tr("Not signed in: sign in to this account to see its tokens."))));
        }
        return Async::then(current->refresh(request), this, [this, accountId](Result<QList<Token>> result) {
            if (!result.ok()) {
                qCInfo(lcAccountTokens) << "listing an account failed:" << ApiError::kindName(result.error().kind())
                                        << result.error().httpStatus();
                return result;
            }
            QList<Token> tokens = result.value();
            for (Token &token : tokens) {
                if (token.accountId.isNull())
                    token.accountId = accountId;
            }
            markRotations(tokens, m_rotations, accountId);
            return Result<QList<Token>>(tokens);
        });
    }).unwrap();
}

void AccountTokens::markRotations(QList<Token> &tokens, const RotationStore *rotations, const QUuid &accountId)
{
    if (!rotations)
        return;
    const QList<PendingRotation> pending = rotations->pending(accountId);
    for (Token &token : tokens) {
        token.rotationDue.reset();
        for (const PendingRotation &rotation : pending) {
            if (!token.id.isEmpty() && rotation.oldToken.id == token.id) {
                token.rotationDue = rotation.due;
                break;
            }
        }
    }
}

void AccountTokens::setRotationStore(RotationStore *rotations)
{
    m_rotations = rotations;
    // What is shown already learns of the rotations too.
    for (auto it = m_lists.begin(); it != m_lists.end(); ++it) {
        markRotations(it.value(), m_rotations, it.key());
        emit changed(it.key());
    }
}

void AccountTokens::store(const QUuid &accountId, QList<Token> tokens)
{
    m_lists.insert(accountId, std::move(tokens));
    emit changed(accountId);
}

void AccountTokens::watch(const QUuid &accountId, AccountSession *session)
{
    if (!session || m_watched.contains(session))
        return;
    m_watched.insert(session);
    connect(session, &QObject::destroyed, this, [this, session] { m_watched.remove(session); });
    connect(session, &AccountSession::tokensChanged, this, [this, accountId] {
        // Nobody has read this account's list yet: nothing shown is out of date, nothing to ask the service.
        // An action's own follow-up refresh and this one arrive together: one list, not two.
        if (!m_lists.contains(accountId) || m_relistScheduled.contains(accountId))
            return;
        m_relistScheduled.insert(accountId);
        QTimer::singleShot(0, this, [this, accountId] {
            m_relistScheduled.remove(accountId);
            refresh(accountId);
        });
    });
}

void AccountTokens::forget(const QUuid &accountId)
{
    m_forgottenAt[accountId] = ++m_generation;
    m_inFlight.remove(accountId);
    if (m_lists.remove(accountId))
        emit changed(accountId);
}
