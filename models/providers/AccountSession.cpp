#include "AccountSession.h"

#include "core/Async.h"
#include "core/Jwt.h"
#include "core/TokenFingerprint.h"
#include "providers/ProviderDescriptor.h"
#include "providers/ProviderRegistry.h"
#include "store/AuditLog.h"
#include "store/FingerprintKey.h"
#include "store/Ledger.h"
#include "store/SecretStore.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcSession, "tokendesk.session")

namespace {

// Collects the outcome of several keychain operations started at once and finishes one promise when the
// last of them is done, with the first error seen.
QString sessionText(const char *text)
{
    return QCoreApplication::translate("AccountSession", text);
}

ApiError noProvider(const Account &account)
{
    return ApiError(ApiError::Kind::NotSupported,
        sessionText("No provider named \"%1\" is built into this TokenDesk.").arg(account.providerId));
}

} // namespace

AccountSession::AccountSession(
    const Account &account, const ProviderContext &context, SecretStore *secrets, AuditLog *audit, QObject *parent)
    : QObject(parent)
    , m_account(account)
    , m_secrets(secrets)
    , m_audit(audit)
    , m_expiries(account.id, account.providerId, context.ledger)
{
    m_provider = ProviderRegistry::instance().create(account, context, this);
    if (!m_provider) {
        qCWarning(lcSession) << "unknown provider" << account.providerId;
        return;
    }
    connect(m_provider, &TokenProvider::secretChanged, this,
        [this](const QString &field, const QString &value) { persistSecret(field, value); });
}

AccountSession::~AccountSession()
{
    // Anyone still waiting for writes learns that they will not be reported.
    for (const auto &waiter : std::as_const(m_settleWaiters)) {
        waiter->addResult(Result<Done>(ApiError(ApiError::Kind::Cancelled)));
        waiter->finish();
    }
}

const Account &AccountSession::account() const
{
    return m_account;
}

QFuture<Result<Done>> AccountSession::loadSecrets()
{
    if (!m_provider)
        return readyResult(Result<Done>(noProvider(m_account)));
    const ProviderDescriptor *descriptor = ProviderRegistry::instance().find(m_account.providerId);
    const QStringList fields = descriptor ? descriptor->keychainFields() : QStringList();
    if (fields.isEmpty() || !m_secrets)
        return readyResult(Result<Done>(Done {}));

    QList<QFuture<Result<Done>>> reads;
    for (const QString &field : fields) {
        reads.append(
            Async::then(m_secrets->read(m_account.secretKey(field)), this, [this, field](Result<QString> result) {
                if (result.ok()) {
                    m_provider->setSecret(field, result.value());
                    return Result<Done>(Done {});
                }
                // A field never stored is not an error: the caller may ask for it.
                if (result.error().kind() == ApiError::Kind::NotFound)
                    return Result<Done>(Done {});
                return Result<Done>(result.error());
            }));
    }
    return Async::all(reads);
}

QFuture<Result<Done>> AccountSession::storeSecrets(const QHash<QString, QString> &values)
{
    if (values.isEmpty())
        return readyResult(Result<Done>(Done {}));
    if (!m_secrets)
        return readyResult(
            Result<Done>(ApiError(ApiError::Kind::Keychain, sessionText("No secret store is available."))));

    QList<QFuture<Result<Done>>> writes;
    for (auto it = values.cbegin(); it != values.cend(); ++it) {
        const QString field = it.key();
        const QString value = it.value();
        QFuture<Result<Done>> write = value.isEmpty() ? m_secrets->remove(m_account.secretKey(field))
                                                      : m_secrets->write(m_account.secretKey(field), value);
        writes.append(Async::then(write, this, [this, field, value](Result<Done> result) {
            if (result.ok() && m_provider)
                m_provider->setSecret(field, value);
            return result;
        }));
    }
    return Async::all(writes);
}

void AccountSession::persistSecret(const QString &field, const QString &value)
{
    if (!m_secrets)
        return;
    ++m_pendingWrites;
    QFuture<Result<Done>> write = value.isEmpty() ? m_secrets->remove(m_account.secretKey(field))
                                                  : m_secrets->write(m_account.secretKey(field), value);
    Async::then(write, this, [this, field](Result<Done> result) {
        if (!result.ok())
            qCWarning(lcSession) << "could not persist secret field" << field << "of account" << m_account.id
                                 << ApiError::kindName(result.error().kind());
        finishWrite(result.ok() ? ApiError() : result.error());
    });
}

void AccountSession::finishWrite(const ApiError &error)
{
    if (!error.isNone() && m_writeError.isNone())
        m_writeError = error;
    if (--m_pendingWrites > 0)
        return;
    m_pendingWrites = 0;
    const Result<Done> result = m_writeError.isNone() ? Result<Done>(Done {}) : Result<Done>(m_writeError);
    m_writeError = ApiError();
    const auto waiters = std::exchange(m_settleWaiters, {});
    for (const auto &waiter : waiters) {
        waiter->addResult(result);
        waiter->finish();
    }
}

QFuture<Result<Done>> AccountSession::settle()
{
    if (m_pendingWrites == 0) {
        const Result<Done> result = m_writeError.isNone() ? Result<Done>(Done {}) : Result<Done>(m_writeError);
        m_writeError = ApiError();
        return readyResult(result);
    }
    auto waiter = std::make_shared<QPromise<Result<Done>>>();
    waiter->start();
    m_settleWaiters.append(waiter);
    return waiter->future();
}

template<typename T> QFuture<Result<T>> AccountSession::withKnownExpiries(QFuture<Result<T>> future)
{
    return Async::then(future, this, [this](Result<T> result) {
        if (result.ok())
            m_expiries.apply(result.value());
        return result;
    });
}

QFuture<Result<QList<Token>>> AccountSession::refresh(const ListRequest &request)
{
    if (!m_provider)
        return readyResult(Result<QList<Token>>(noProvider(m_account)));
    return withKnownExpiries(m_provider->listTokens(request));
}

QFuture<Result<Token>> AccountSession::details(const Token &token)
{
    if (!m_provider)
        return readyResult(Result<Token>(noProvider(m_account)));
    return withKnownExpiries(m_provider->tokenDetails(token));
}

QFuture<Result<CreatedToken>> AccountSession::create(const CreateRequest &request, const QString &groupId)
{
    if (!m_provider)
        return readyResult(Result<CreatedToken>(noProvider(m_account)));
    return Async::then(m_provider->createToken(request), this,
        [this, request, groupId](Result<CreatedToken> result) -> QFuture<Result<CreatedToken>> {
            // The target is the new token's id; the value is never written anywhere.
            audit(QStringLiteral("create"), result.ok() ? result->token.id : request.kind,
                result.ok() ? ApiError() : result.error(), groupId, result.ok() ? result->token.label : QString());
            if (!result.ok())
                return readyResult(result);
            m_expiries.learnCreated(result->token, m_provider->can(TokenProvider::Capability::LedgerBacked));
            emit tokensChanged();
            return recordFingerprints(std::move(result));
        })
        .unwrap();
}

QFuture<Result<CreatedToken>> AccountSession::recordFingerprints(Result<CreatedToken> result)
{
    Ledger *ledger = m_provider->context().ledger;
    FingerprintKey *key = FingerprintKey::of(m_secrets);
    if (!ledger || !key)
        return readyResult(result);
    // The created token is finished only once its fingerprint is stored: the CLI exits right after.
    return Async::then(key->key(FingerprintKey::Mode::CreateIfMissing), this,
        [this, ledger, result = std::move(result)](Result<QByteArray> keyResult) mutable {
            CreatedToken &created = result.value();
            bool stored = keyResult.ok();
            if (stored) {
                stored = recordFingerprint(ledger, keyResult.value(), created.token, created.value);
                if (!created.refreshValue.isEmpty()) {
                    Token refresh = created.token;
                    refresh.id = created.refreshId;
                    refresh.kind = created.token.kind + QStringLiteral("-refresh");
                    refresh.expires = created.refreshExpires;
                    stored = recordFingerprint(ledger, keyResult.value(), refresh, created.refreshValue) && stored;
                }
            } else {
                qCWarning(lcSession) << "no fingerprint key:" << ApiError::kindName(keyResult.error().kind());
            }
            if (!stored)
                created.notes.append(sessionText("TokenDesk could not store this token's fingerprint, so Identify "
                                                 "and the leak scan will not recognise it."));
            return result;
        });
}

bool AccountSession::recordFingerprint(
    Ledger *ledger, const QByteArray &key, const Token &token, const QString &value) const
{
    const TokenFingerprint fingerprint = TokenFingerprint::of(key, value);
    if (!fingerprint.isValid())
        return false;
    FingerprintRecord record;
    record.accountId = m_account.id;
    record.providerId = m_account.providerId;
    record.tokenId = token.id;
    record.kind = token.kind;
    record.label = token.label;
    record.subject = token.subject;
    record.mac = fingerprint.mac;
    record.head = fingerprint.head;
    record.tail = fingerprint.tail;
    record.jwtId = fingerprint.jwtId;
    record.created = token.created.value_or(QDateTime::currentDateTimeUtc());
    record.expires = fingerprint.expires ? fingerprint.expires : token.expires;
    if (ledger->recordFingerprint(record) != 0)
        return true;
    qCWarning(lcSession) << "could not store a fingerprint:" << ledger->lastError();
    return false;
}

QFuture<Result<Done>> AccountSession::revoke(const Token &token, const QString &groupId)
{
    if (!m_provider)
        return readyResult(Result<Done>(noProvider(m_account)));
    return Async::then(
        m_provider->revokeToken(token), this, [this, id = token.id, name = token.label, groupId](Result<Done> result) {
            audit(QStringLiteral("revoke"), id, result.ok() ? ApiError() : result.error(), groupId, name);
            // A grouped run (bulk revoke, break-glass) refreshes once when it ends, not once per call.
            if (result.ok() && groupId.isEmpty())
                emit tokensChanged();
            return result;
        });
}

QFuture<Result<Done>> AccountSession::revokeAllForSubject(const QString &subject, const QString &groupId)
{
    if (!m_provider)
        return readyResult(Result<Done>(noProvider(m_account)));
    return Async::then(m_provider->revokeAllForSubject(subject), this, [this, subject, groupId](Result<Done> result) {
        audit(QStringLiteral("revoke-all"), subject, result.ok() ? ApiError() : result.error(), groupId);
        // A grouped run (bulk revoke, break-glass) refreshes once when it ends, not once per call.
        if (result.ok() && groupId.isEmpty())
            emit tokensChanged();
        return result;
    });
}

QFuture<Result<Done>> AccountSession::expireAll(const ExpireAllRequest &request, const QString &groupId)
{
    if (!m_provider)
        return readyResult(Result<Done>(noProvider(m_account)));
    return Async::then(
        m_provider->expireAll(request), this, [this, appId = request.appId, groupId](Result<Done> result) {
            audit(QStringLiteral("expire-all"), appId, result.ok() ? ApiError() : result.error(), groupId);
            // A grouped run (break-glass) refreshes once when it ends, not once per call.
            if (result.ok() && groupId.isEmpty())
                emit tokensChanged();
            return result;
        });
}

QFuture<Result<SignInResult>> AccountSession::signIn()
{
    if (!m_provider)
        return readyResult(Result<SignInResult>(noProvider(m_account)));
    return Async::then(m_provider->signIn(), this, [this](Result<SignInResult> result) {
        // A pending MFA challenge is not an outcome yet: submitMfa writes the entry.
        if (!result.ok() || !result->mfaRequired)
            audit(QStringLiteral("login"), m_account.name, result.ok() ? ApiError() : result.error());
        return result;
    });
}

QFuture<Result<SignInResult>> AccountSession::submitMfa(const MfaChallenge &challenge, const QString &passcode)
{
    if (!m_provider)
        return readyResult(Result<SignInResult>(noProvider(m_account)));
    return Async::then(m_provider->submitMfa(challenge, passcode), this, [this](Result<SignInResult> result) {
        ApiError error = result.ok() ? ApiError() : result.error();
        if (result.ok() && result->mfaRequired)
            error = ApiError(ApiError::Kind::MfaRequired, result->challenge.message);
        audit(QStringLiteral("login-mfa"), m_account.name, error);
        return result;
    });
}

QFuture<Result<Done>> AccountSession::signOut()
{
    if (!m_provider)
        return readyResult(Result<Done>(noProvider(m_account)));
    return Async::then(m_provider->signOut(), this, [this](Result<Done> result) {
        audit(QStringLiteral("logout"), m_account.name, result.ok() ? ApiError() : result.error());
        return result;
    });
}

QFuture<Result<Done>> AccountSession::logoutToken(const QString &tokenValue)
{
    if (!m_provider)
        return readyResult(Result<Done>(noProvider(m_account)));
    // The target is the token's jti when it is a readable JWT; the value itself is never recorded.
    const Jwt jwt = Jwt::decode(tokenValue);
    const QString target = jwt.isValid() ? jwt.id() : QString();
    return Async::then(m_provider->logoutToken(tokenValue), this, [this, target](Result<Done> result) {
        audit(QStringLiteral("logout-token"), target, result.ok() ? ApiError() : result.error());
        return result;
    });
}

void AccountSession::auditConnectionChange(AuditLog *audit, const std::optional<Account> &before, const Account &after)
{
    if (!audit)
        return;
    const auto allowedHost = [](const Account &account) {
        return account.options.value(QLatin1String(TokenProvider::AllowHttpOption)).toString();
    };
    const QString was = before ? allowedHost(*before) : QString();
    const QString now = allowedHost(after);
    if (was == now)
        return;
    AuditEntry entry = AuditEntry::of(after,
        now.isEmpty() ? QStringLiteral("disallow-http") : QStringLiteral("allow-http"), now.isEmpty() ? was : now);
    entry.detail = now.isEmpty() ? sessionText("Plain http to %1 is no longer allowed.").arg(was)
                                 : sessionText("Plain http to %1 allowed: nothing sent to it is encrypted.").arg(now);
    if (!audit->append(entry))
        qCWarning(lcSession) << "could not write the audit log:" << audit->lastError();
}

void AccountSession::audit(const QString &action, const QString &target, const ApiError &error, const QString &groupId,
    const QString &targetName)
{
    if (!m_audit)
        return;
    AuditEntry entry = AuditEntry::of(m_account, action, target, error, groupId);
    entry.targetName = targetName;
    if (!m_audit->append(entry))
        qCWarning(lcSession) << "could not write the audit log:" << m_audit->lastError();
}
