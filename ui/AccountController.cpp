#include "AccountController.h"

#include "core/Async.h"
#include "core/Clock.h"
#include "items/AccountListModel.h"
#include "net/RequestLog.h"
#include "providers/AccountSession.h"
#include "providers/ProviderRegistry.h"
#include "store/AccountStore.h"
#include "store/AuditLog.h"
#include "store/Database.h"
#include "store/Ledger.h"
#include "store/Preferences.h"
#include "store/RotationStore.h"
#include "store/SecretStore.h"
#include "store/TokenNotes.h"
#include "workflows/AccountLifecycle.h"
#include "workflows/AccountTokens.h"
#include "workflows/RotationFinisher.h"

#include <QCoreApplication>
#include <QDir>
#include <QJsonArray>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QPromise>

Q_LOGGING_CATEGORY(lcController, "tokendesk.ui")

namespace {
QHash<QString, QString> nonEmpty(const QHash<QString, QString> &values)
{
    QHash<QString, QString> result;
    for (auto it = values.cbegin(); it != values.cend(); ++it) {
        if (!it.value().isEmpty())
            result.insert(it.key(), it.value());
    }
    return result;
}

QVariant jsonToOption(const QJsonValue &value)
{
    if (value.isArray()) {
        QStringList list;
        for (const QJsonValue &item : value.toArray())
            list.append(item.toVariant().toString());
        return list;
    }
    return value.toVariant();
}
} // namespace

AccountController::AccountController(const QString &configDir, SecretStore *secrets, QObject *parent)
    : QObject(parent)
    , m_configDir(configDir)
    , m_store(std::make_unique<AccountStore>(configDir))
    , m_secrets(secrets ? secrets : new SecretStore(this))
    , m_model(new AccountListModel(this))
    , m_clock(Clock::system())
    , m_network(new QNetworkAccessManager(this))
    , m_requestLog(std::make_unique<RequestLog>())
{
    QDir().mkpath(configDir);
    m_preferences = new Preferences(configDir, this);
    m_accountTokens = new AccountTokens([this](const QUuid &id) { return session(id); }, this);
    m_accountTokens->setPrepare([this](const QUuid &id) { return prepare(id); });
    connect(this, &AccountController::sessionCreated, m_accountTokens, &AccountTokens::watch);
    m_database = std::make_unique<Database>(QDir(configDir).filePath(QStringLiteral("tokendesk.sqlite")));
    if (!m_database->open())
        qCWarning(lcController) << "database not available:" << m_database->lastError();
    m_ledger = std::make_unique<Ledger>(m_database.get());
    m_audit = std::make_unique<AuditLog>(m_database.get());
    m_notes = std::make_unique<TokenNotes>(m_database.get());
    m_rotations = std::make_unique<RotationStore>(m_database.get());
    m_accountTokens->setRotationStore(m_rotations.get());
    m_lifecycle = new AccountLifecycle(m_store.get(), m_secrets, m_notes.get(), m_audit.get(), this);
}

AccountController::~AccountController()
{
    // Sessions are children of this object; delete them before the ledger and audit log they point to.
    qDeleteAll(m_sessions);
    m_sessions.clear();
}

RotationFinisher *AccountController::rotationFinisher()
{
    if (!m_rotationFinisher) {
        m_rotationFinisher = new RotationFinisher(
            [this](const QUuid &id) { return session(id); }, m_rotations.get(), m_audit.get(), m_clock, this);
        m_rotationFinisher->setPrepare([this](const QUuid &id) { return prepare(id); });
    }
    return m_rotationFinisher;
}

bool AccountController::load()
{
    const QList<Account> accounts = m_store->load();
    m_lastError = m_store->lastError();
    m_model->setAccounts(accounts);
    emit accountsChanged();
    // Rotations left pending by an earlier run finish when due (at once when overdue).
    if (!m_rotations->pending().isEmpty())
        rotationFinisher()->watch();
    return m_lastError.isEmpty();
}

QList<Account> AccountController::accounts() const
{
    return m_model->accounts();
}

std::optional<Account> AccountController::account(const QUuid &id) const
{
    return m_model->account(id);
}

AccountSession *AccountController::session(const QUuid &id)
{
    if (AccountSession *existing = m_sessions.value(id))
        return existing;
    if (m_unsupported.contains(id))
        return nullptr;
    const std::optional<Account> acc = account(id);
    if (!acc)
        return nullptr;
    ProviderContext context;
    context.network = m_network;
    context.clock = m_clock;
    context.ledger = m_ledger.get();
    context.requestLog = m_requestLog.get();
    auto *created = new AccountSession(*acc, context, m_secrets, m_audit.get(), this);
    if (!created->isValid()) {
        delete created;
        m_unsupported.insert(id); // ask the registry once, not on every repaint
        return nullptr;
    }
    m_sessions.insert(id, created);
    emit sessionCreated(id, created);
    return created;
}

TokenProvider *AccountController::provider(const QUuid &id)
{
    AccountSession *s = session(id);
    return s ? s->provider() : nullptr;
}

QFuture<Result<Done>> AccountController::prepare(const QUuid &id)
{
    AccountSession *s = session(id);
    if (!s) {
        return readyResult(Result<Done>(ApiError(ApiError::Kind::NotSupported,
            QCoreApplication::translate("AccountController", "This account's service is not supported."))));
    }
    if (m_prepared.contains(id))
        return readyResult(Result<Done>(Done {}));
    return Async::then(s->loadSecrets(), this, [this, id](Result<Done> result) {
        if (result.ok())
            m_prepared.insert(id);
        return result;
    });
}

QFuture<Result<Done>> AccountController::addAccount(const Account &account, const QHash<QString, QString> &secrets)
{
    const QHash<QString, QString> values = nonEmpty(secrets);
    QFuture<Result<Done>> stored = m_lifecycle->add(account, values);
    if (stored.isFinished() && !stored.result().ok() && stored.result().error().kind() == ApiError::Kind::Storage) {
        m_lastError = stored.result().error().userMessage();
        return stored;
    }
    AccountSession::auditConnectionChange(m_audit.get(), std::nullopt, account);
    m_model->addAccount(account);
    // The session gets its secrets before anyone hears of the account: a window that selects and refreshes
    // the new account at once must not find it without credentials (and ask to sign in).
    if (AccountSession *s = session(account.id)) {
        m_prepared.insert(account.id);
        for (auto it = values.cbegin(); it != values.cend(); ++it)
            s->provider()->setSecret(it.key(), it.value()); // usable now; the keychain write follows
    }
    emit accountsChanged();
    return stored;
}

QFuture<Result<Done>> AccountController::updateAccount(const Account &account, const QHash<QString, QString> &secrets)
{
    const std::optional<Account> before = m_model->account(account.id);
    if (!m_store->update(account)) {
        m_lastError = m_store->lastError();
        return readyResult(Result<Done>(ApiError(ApiError::Kind::Storage, m_lastError)));
    }
    AccountSession::auditConnectionChange(m_audit.get(), before, account);
    m_model->updateAccount(account);
    // A new session picks up the changed URL and options; secrets are read again from the keychain.
    delete m_sessions.take(account.id);
    m_accountTokens->forget(account.id); // listed with the old URL or credentials
    m_prepared.remove(account.id);
    m_unsupported.remove(account.id);
    emit accountsChanged();
    const QHash<QString, QString> values = nonEmpty(secrets);
    AccountSession *s = session(account.id);
    if (!s || values.isEmpty())
        return readyResult(Result<Done>(Done {}));

    auto promise = std::make_shared<QPromise<Result<Done>>>();
    promise->start();
    QFuture<Result<Done>> future = promise->future();
    const QUuid id = account.id;
    Async::then(prepare(id), this, [this, id, values, promise](Result<Done> loaded) {
        AccountSession *current = m_sessions.value(id);
        if (!current) {
            promise->addResult(Result<Done>(ApiError(ApiError::Kind::Cancelled)));
            promise->finish();
            return;
        }
        Q_UNUSED(loaded) // a keychain failure on load is reported by the store below, if it persists
        Async::then(current->storeSecrets(values), this, [promise](Result<Done> stored) {
            promise->addResult(stored);
            promise->finish();
        });
    });
    return future;
}

QFuture<Result<Done>> AccountController::removeAccount(const QUuid &id)
{
    const std::optional<Account> acc = account(id);
    if (!acc)
        return readyResult(Result<Done>(ApiError(ApiError::Kind::NotFound, tr("No such account."))));
    QFuture<Result<Done>> removed = m_lifecycle->remove(*acc);
    if (removed.isFinished() && !removed.result().ok() && removed.result().error().kind() == ApiError::Kind::Storage) {
        m_lastError = removed.result().error().userMessage();
        return removed;
    }
    delete m_sessions.take(id);
    m_accountTokens->forget(id);
    m_prepared.remove(id);
    m_unsupported.remove(id);
    m_model->removeAccount(id);
    emit accountsChanged();
    return removed;
}

QList<Account> AccountController::addDemoAccounts(const QJsonObject &readyInfo)
{
    QList<Account> created;
    const QJsonObject services = readyInfo.value(QLatin1String("services")).toObject();
    for (auto it = services.constBegin(); it != services.constEnd(); ++it) {
        const QJsonObject info = it.value().toObject();
        // A service emulated twice (today's behaviour and a legacy one) names its provider.
        const ProviderDescriptor *descriptor =
            ProviderRegistry::instance().find(info.value(QLatin1String("provider")).toString(it.key()));
        if (!descriptor)
            continue;
        Account acc;
        acc.id = QUuid::createUuid();
        acc.providerId = descriptor->id;
        acc.name = info.value(QLatin1String("legacy")).toBool()
            ? QCoreApplication::translate("AccountController", "%1, legacy API (sandbox)").arg(descriptor->displayName)
            : QCoreApplication::translate("AccountController", "%1 (sandbox)").arg(descriptor->displayName);
        acc.baseUrl = QUrl(info.value(QLatin1String("base_url")).toString());
        QHash<QString, QString> secrets;
        for (const FieldSpec &field : descriptor->accountFields) {
            if (!info.contains(field.key))
                continue;
            if (field.type == FieldSpec::Type::Secret)
                secrets.insert(field.key, info.value(field.key).toVariant().toString());
            else
                acc.options.insert(field.key, jsonToOption(info.value(field.key)));
        }
        addAccount(acc, secrets);
        created.append(acc);
    }
    return created;
}
