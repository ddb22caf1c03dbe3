#include "workflows/AccountLifecycle.h"

#include "core/Async.h"
#include "providers/ProviderDescriptor.h"
#include "providers/ProviderRegistry.h"
#include "store/AccountStore.h"
#include "store/AuditLog.h"
#include "store/SecretStore.h"
#include "store/TokenNotes.h"

#include <QDateTime>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcLifecycle, "tokendesk.workflows.accounts")

AccountLifecycle::AccountLifecycle(
    AccountStore *store, SecretStore *secrets, TokenNotes *notes, AuditLog *audit, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_secrets(secrets)
    , m_notes(notes)
    , m_audit(audit)
{ }

QStringList AccountLifecycle::genericSecretKeys()
{
    return {QStringLiteral("password"), QStringLiteral("api_key"), QStringLiteral("token"),
        QStringLiteral("client_secret")};
}

QStringList AccountLifecycle::keychainFields(const QString &providerId)
{
    QStringList fields = genericSecretKeys();
    if (const ProviderDescriptor *descriptor = ProviderRegistry::instance().find(providerId)) {
        for (const QString &field : descriptor->keychainFields()) {
            if (!fields.contains(field))
                fields.append(field);
        }
    }
    return fields;
}

QFuture<Result<Done>> AccountLifecycle::add(const Account &account, const QHash<QString, QString> &secrets)
{
    if (!m_store->add(account)) {
        const ApiError error(ApiError::Kind::Storage, m_store->lastError());
        audit(account, QStringLiteral("account-add"), error);
        return readyResult(Result<Done>(error));
    }
    QList<QFuture<Result<Done>>> writes;
    for (auto it = secrets.cbegin(); it != secrets.cend(); ++it) {
        if (!it.value().isEmpty())
            writes.append(m_secrets->write(account.secretKey(it.key()), it.value()));
    }
    return Async::then(Async::all(writes), this, [this, account](Result<Done> stored) {
        audit(account, QStringLiteral("account-add"), stored.ok() ? ApiError() : stored.error());
        return stored;
    });
}

QFuture<Result<Done>> AccountLifecycle::remove(const Account &account)
{
    if (!m_store->remove(account.id)) {
        const ApiError error(ApiError::Kind::Storage, m_store->lastError());
        audit(account, QStringLiteral("account-remove"), error);
        return readyResult(Result<Done>(error));
    }
    // A removed account's notes would never show again.
    if (m_notes && !m_notes->removeAccount(account.id))
        qCWarning(lcLifecycle) << "could not delete the notes of a removed account:" << m_notes->lastError();
    QList<QFuture<Result<Done>>> deletions;
    for (const QString &field : keychainFields(account.providerId))
        deletions.append(m_secrets->remove(account.secretKey(field)));
    return Async::then(Async::all(deletions), this, [this, account](Result<Done> deleted) {
        audit(account, QStringLiteral("account-remove"), deleted.ok() ? ApiError() : deleted.error());
        return deleted;
    });
}

void AccountLifecycle::audit(const Account &account, const QString &action, const ApiError &error)
{
    if (!m_audit)
        return;
    const AuditEntry entry = AuditEntry::of(account, action, account.name, error);
    if (!m_audit->append(entry))
        qCWarning(lcLifecycle) << "could not write the audit log:" << m_audit->lastError();
}
