#pragma once

#include "AwaitFuture.h"
#include "BuiltinEmulators.h"
#include "SandboxServer.h"

#include "core/Clock.h"
#include "providers/AccountSession.h"
#include "store/AuditLog.h"
#include "store/Database.h"
#include "store/Ledger.h"
#include "store/SecretStore.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QNetworkAccessManager>
#include <QStringList>
#include <QTemporaryDir>
#include <QUrl>
#include <QUuid>
#include <QVariantMap>

#include <memory>

// Shared fixture of the workflow tests against the in-process sandbox (header-only: include it only from tests
// that link tokendesk_sandbox). listen() starts a SandboxServer with every built-in emulator; openStore() gives a
// fresh database + audit log + ledger and a memory-only secret store; addAccount() makes an AccountSession for a
// service from the sandbox's ready info and stores its secrets. closeStore() (and the destructor) delete the
// sessions (owned by the secret store) and the store.
class SandboxAccounts
{
public:
    SandboxAccounts() = default;
    ~SandboxAccounts() { closeStore(); }
    SandboxAccounts(const SandboxAccounts &) = delete;
    SandboxAccounts &operator=(const SandboxAccounts &) = delete;

    bool listen()
    {
        registerBuiltinEmulators(m_sandbox);
        return m_sandbox.listen();
    }

    bool openStore(QString *error = nullptr)
    {
        closeStore();
        m_db = std::make_unique<Database>(
            m_dir.filePath(QUuid::createUuid().toString(QUuid::Id128) + QStringLiteral(".sqlite")));
        if (!m_db->open()) {
            if (error)
                *error = m_db->lastError();
            return false;
        }
        m_audit = std::make_unique<AuditLog>(m_db.get());
        m_ledger = std::make_unique<Ledger>(m_db.get());
        m_secrets = SecretStore::createMemoryOnly(nullptr);
        return true;
    }

    void closeStore()
    {
        delete m_secrets; // owns the sessions
        m_secrets = nullptr;
        m_sessions.clear();
        m_order.clear();
        m_ledger.reset();
        m_audit.reset();
        m_db.reset();
    }

    // The service's part of the sandbox's ready info (base_url, credentials...).
    QJsonObject service(const QString &id) const
    {
        return m_sandbox.readyInfo().value(QStringLiteral("services")).toObject().value(id).toObject();
    }

    // nullptr when the secrets could not be stored.
    AccountSession *addAccount(const QString &providerId, const QString &name, const QHash<QString, QString> &secrets,
        const QVariantMap &options = {})
    {
        Account account;
        account.id = QUuid::createUuid();
        account.name = name;
        account.providerId = providerId;
        account.baseUrl = QUrl(service(providerId).value(QStringLiteral("base_url")).toString());
        account.options = options;
        ProviderContext context;
        context.network = &m_network;
        context.clock = Clock::system();
        context.ledger = m_ledger.get();
        auto *session = new AccountSession(account, context, m_secrets, m_audit.get(), m_secrets);
        const auto stored = awaitFuture(session->storeSecrets(secrets));
        if (!stored || !stored->ok())
            return nullptr;
        m_sessions.insert(account.id, session);
        m_order.append(account.id);
        return session;
    }

    // The sandbox's Specter demo user; `password` replaces its password (a wrong one makes a failing account).
    AccountSession *addSpecter(const QString &name, const QString &password = {})
    {
        const QJsonObject info = service(QStringLiteral("specter"));
        return addAccount(QStringLiteral("specter"), name,
            {{QStringLiteral("password"),
                password.isEmpty() ? info.value(QStringLiteral("password")).toString() : password}},
            {{QStringLiteral("username"), info.value(QStringLiteral("username")).toString()}});
    }

    // A Svix account with the sandbox's API key; with `app`, limited to the sandbox's first application, which
    // `app` receives.
    AccountSession *addSvix(const QString &name, QString *app = nullptr)
    {
        const QJsonObject info = service(QStringLiteral("svix"));
        const QHash<QString, QString> secrets {
            {QStringLiteral("api_key"), info.value(QStringLiteral("api_key")).toString()}};
        if (!app)
            return addAccount(QStringLiteral("svix"), name, secrets);
        *app = info.value(QStringLiteral("app_ids")).toArray().first().toString();
        return addAccount(QStringLiteral("svix"), name, secrets, {{QStringLiteral("app_ids"), QStringList {*app}}});
    }

    // The sandbox's NetSapiens user with the secrets named in `fields` (password, client_secret, api_key) as the
    // sandbox gives them.
    AccountSession *addNetSapiens(const QString &name, const QStringList &fields)
    {
        const QJsonObject info = service(QStringLiteral("netsapiens"));
        QHash<QString, QString> secrets;
        for (const QString &field : fields)
            secrets.insert(field, info.value(field).toString());
        return addAccount(QStringLiteral("netsapiens"), name, secrets,
            {{QStringLiteral("username"), info.value(QStringLiteral("username")).toString()},
                {QStringLiteral("client_id"), info.value(QStringLiteral("client_id")).toString()}});
    }

    SandboxServer &sandbox() { return m_sandbox; }
    const SandboxServer &sandbox() const { return m_sandbox; }
    QNetworkAccessManager *network() { return &m_network; }
    Database *database() const { return m_db.get(); }
    AuditLog *audit() const { return m_audit.get(); }
    Ledger *ledger() const { return m_ledger.get(); }
    SecretStore *secrets() const { return m_secrets; }
    AccountSession *session(const QUuid &id) const { return m_sessions.value(id); }
    // The added accounts' ids, in the order added (tests may append ids of their own).
    QList<QUuid> &order() { return m_order; }

private:
    QTemporaryDir m_dir;
    SandboxServer m_sandbox;
    QNetworkAccessManager m_network;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<AuditLog> m_audit;
    std::unique_ptr<Ledger> m_ledger;
    SecretStore *m_secrets = nullptr;
    QHash<QUuid, AccountSession *> m_sessions;
    QList<QUuid> m_order;
};
