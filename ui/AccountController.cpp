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
#include "workspace/Workspace.h"

#include <QCoreApplication>
#include <QDir>
#include <QJsonArray>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QPromise>

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
    , m_workspace(new Workspace(configDir, secrets, this))
    , m_model(new AccountListModel(this))
{
    QDir().mkpath(configDir);
    m_preferences = new Preferences(configDir, this);
    m_accountTokens = new AccountTokens([this](const QUuid &id) { return session(id); }, this);
    m_accountTokens->setPrepare([this](const QUuid &id) { return prepare(id); });
    connect(m_workspace, &Workspace::sessionCreated, m_accountTokens, &AccountTokens::watch);
    connect(m_workspace, &Workspace::sessionCreated, this, &AccountController::sessionCreated);
}

AccountController::~AccountController()
{
    // The sessions (owned by the workspace) are watched by AccountTokens: they go before it does.
    delete m_workspace;
    m_workspace = nullptr;
}

Workspace *AccountController::opened() const
{
    if (!m_workspace->ledger()) {
        m_workspace->openDatabase();
        m_accountTokens->setRotationStore(m_workspace->rotations()); // the "rotating" row state
    }
    return m_workspace;
}

RotationStore *AccountController::rotations() const
{
    return opened()->rotations();
}

QString AccountController::configDir() const
{
    return m_workspace->configDir();
}

SecretStore *AccountController::secretStore() const
{
    return m_workspace->secrets();
}

const Clock *AccountController::clock() const
{
    return m_workspace->clock();
}

void AccountController::setClock(const Clock *clock)
{
    m_workspace->setClock(clock);
}

Ledger *AccountController::ledger() const
{
    return opened()->ledger();
}

AuditLog *AccountController::auditLog() const
{
    return opened()->auditLog();
}

TokenNotes *AccountController::tokenNotes() const
{
    return opened()->tokenNotes();
}

RequestLog *AccountController::requestLog() const
{
    return m_workspace->requestLog();
}

QNetworkAccessManager *AccountController::network() const
{
    return m_workspace->network();
}

AccountTokens *AccountController::accountTokens() const
{
    return m_accountTokens;
}

RotationFinisher *AccountController::rotationFinisher()
{
    if (!m_rotationFinisher) {
        Workspace *workspace = opened();
        m_rotationFinisher = new RotationFinisher([this](const QUuid &id) { return session(id); },
            workspace->rotations(), workspace->auditLog(), workspace->clock(), this);
        m_rotationFinisher->setPrepare([this](const QUuid &id) { return prepare(id); });
    }
    return m_rotationFinisher;
}

bool AccountController::load()
{
    const QList<Account> accounts = m_workspace->accountStore()->load();
    m_lastError = m_workspace->accountStore()->lastError();
    m_model->setAccounts(accounts);
    emit accountsChanged();
    return m_lastError.isEmpty();
}

void AccountController::resumeRotations()
{
    if (!rotations()->pending().isEmpty())
        rotationFinisher()->watch();
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
    if (AccountSession *existing = m_workspace->existingSession(id))
        return existing;
    const std::optional<Account> acc = account(id);
    if (!acc)
        return nullptr;
    return opened()->session(*acc);
}

TokenProvider *AccountController::provider(const QUuid &id)
{
    AccountSession *s = session(id);
    return s ? s->provider() : nullptr;
}

QFuture<Result<Done>> AccountController::prepare(const QUuid &id)
{
    session(id); // made here when nobody asked for it yet
    return m_workspace->prepare(id);
}

QFuture<Result<Done>> AccountController::addAccount(const Account &account, const QHash<QString, QString> &secrets)
{
    const QHash<QString, QString> values = nonEmpty(secrets);
    QFuture<Result<Done>> stored = opened()->lifecycle()->add(account, values);
    if (stored.isFinished() && !stored.result().ok() && stored.result().error().kind() == ApiError::Kind::Storage) {
        m_lastError = stored.result().error().userMessage();
        return stored;
    }
    AccountSession::auditConnectionChange(auditLog(), std::nullopt, account);
    m_model->addAccount(account);
    // The session gets its secrets before anyone hears of the account: a window that selects and refreshes
    // the new account at once must not find it without credentials (and ask to sign in).
    if (AccountSession *s = session(account.id)) {
        m_workspace->markPrepared(account.id);
        for (auto it = values.cbegin(); it != values.cend(); ++it)
            s->provider()->setSecret(it.key(), it.value()); // usable now; the keychain write follows
    }
    emit accountsChanged();
    return stored;
}

QFuture<Result<Done>> AccountController::updateAccount(const Account &account, const QHash<QString, QString> &secrets)
{
    const std::optional<Account> before = m_model->account(account.id);
    if (!m_workspace->accountStore()->update(account)) {
        m_lastError = m_workspace->accountStore()->lastError();
        return readyResult(Result<Done>(ApiError(ApiError::Kind::Storage, m_lastError)));
    }
    AccountSession::auditConnectionChange(auditLog(), before, account);
    m_model->updateAccount(account);
    // A new session picks up the changed URL and options; secrets are read again from the keychain.
    m_workspace->dropSession(account.id);
    m_accountTokens->forget(account.id); // listed with the old URL or credentials
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
        AccountSession *current = m_workspace->existingSession(id);
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
    QFuture<Result<Done>> removed = opened()->lifecycle()->remove(*acc);
    if (removed.isFinished() && !removed.result().ok() && removed.result().error().kind() == ApiError::Kind::Storage) {
        m_lastError = removed.result().error().userMessage();
        return removed;
    }
    m_workspace->dropSession(id);
    m_accountTokens->forget(id);
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
        const QString name = info.value(QLatin1String("legacy")).toBool()
            ? QCoreApplication::translate("AccountController", "%1, legacy API (sandbox)").arg(descriptor->displayName)
            : QCoreApplication::translate("AccountController", "%1 (sandbox)").arg(descriptor->displayName);
        created.append(addDemoAccount(*descriptor, name, info, QString()));
        // A demo user behind two-step verification ("mfa_username", "mfa_password", "totp_secret"): an account
        // of its own, so that signing in to it shows the MFA dialog.
        if (info.contains(QLatin1String("mfa_username"))) {
            const QString mfaName =
                QCoreApplication::translate("AccountController", "%1, two-step verification (sandbox)")
                    .arg(descriptor->displayName);
            created.append(addDemoAccount(*descriptor, mfaName, info, QStringLiteral("mfa_")));
        }
    }
    return created;
}

Account AccountController::addDemoAccount(
    const ProviderDescriptor &descriptor, const QString &name, const QJsonObject &info, const QString &variant)
{
    Account acc;
    acc.id = QUuid::createUuid();
    acc.providerId = descriptor.id;
    acc.name = name;
    acc.baseUrl = QUrl(info.value(QLatin1String("base_url")).toString());
    QHash<QString, QString> secrets;
    for (const FieldSpec &field : descriptor.accountFields) {
        // The variant's own value ("mfa_password") wins over the service's ("password").
        const QString key = !variant.isEmpty() && info.contains(variant + field.key) ? variant + field.key : field.key;
        if (!info.contains(key))
            continue;
        if (field.type == FieldSpec::Type::Secret)
            secrets.insert(field.key, info.value(key).toVariant().toString());
        else
            acc.options.insert(field.key, jsonToOption(info.value(key)));
    }
    DemoCredentials demo;
    demo.secrets = secrets;
    if (!variant.isEmpty())
        demo.totpSecret = info.value(QLatin1String("totp_secret")).toString();
    m_demo.insert(acc.id, demo);
    addAccount(acc, secrets);
    return acc;
}

QHash<QString, QString> AccountController::demoSecrets(const QUuid &id) const
{
    return m_demo.value(id).secrets;
}

QString AccountController::demoTotpSecret(const QUuid &id) const
{
    return m_demo.value(id).totpSecret;
}
