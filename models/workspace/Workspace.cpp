#include "workspace/Workspace.h"

#include "core/Async.h"
#include "core/Clock.h"
#include "net/RequestLog.h"
#include "providers/AccountSession.h"
#include "store/AccountStore.h"
#include "store/AuditLog.h"
#include "store/Database.h"
#include "store/Ledger.h"
#include "store/RotationStore.h"
#include "store/SecretStore.h"
#include "store/TokenNotes.h"
#include "workflows/AccountLifecycle.h"

#include <QCoreApplication>
#include <QDir>
#include <QLoggingCategory>
#include <QNetworkAccessManager>

Q_LOGGING_CATEGORY(lcWorkspace, "tokendesk.workspace")

Workspace::Workspace(const QString &configDir, SecretStore *secrets, QObject *parent)
    : QObject(parent)
    , m_configDir(configDir)
    , m_accounts(std::make_unique<AccountStore>(configDir))
    , m_secrets(secrets)
    , m_clock(Clock::system())
{ }

Workspace::~Workspace()
{
    // Sessions point into the ledger and the audit log: they go first.
    qDeleteAll(m_sessions);
    m_sessions.clear();
}

SecretStore *Workspace::secrets()
{
    if (!m_secrets)
        m_secrets = new SecretStore(this);
    return m_secrets;
}

bool Workspace::openDatabase(QString *error)
{
    if (m_database && m_database->isOpen())
        return true;
    QString message;
    if (!QDir().mkpath(m_configDir)) {
        message = QCoreApplication::translate("Workspace", "cannot create the configuration folder %1")
                      .arg(QDir::toNativeSeparators(m_configDir));
    } else if (!m_database) {
        m_database = std::make_unique<Database>(QDir(m_configDir).filePath(QStringLiteral("tokendesk.sqlite")));
        if (!m_database->open())
            message = m_database->lastError();
    } else {
        message = m_database->lastError(); // tried before and failed: the same answer, no second attempt
    }
    if (!m_database)
        m_database = std::make_unique<Database>(QString());
    if (!m_ledger) {
        m_ledger = std::make_unique<Ledger>(m_database.get());
        m_audit = std::make_unique<AuditLog>(m_database.get());
        m_notes = std::make_unique<TokenNotes>(m_database.get());
        m_rotations = std::make_unique<RotationStore>(m_database.get());
    }
    if (message.isEmpty())
        return true;
    qCWarning(lcWorkspace) << "database not available:" << message;
    if (error)
        *error = message;
    return false;
}

bool Workspace::isDatabaseOpen() const
{
    return m_database && m_database->isOpen();
}

QNetworkAccessManager *Workspace::network()
{
    if (!m_network)
        m_network = new QNetworkAccessManager(this);
    return m_network;
}

RequestLog *Workspace::requestLog()
{
    if (!m_requestLog) {
        m_requestLog = std::make_unique<RequestLog>();
        if (m_requestLogToFile && QDir().mkpath(m_configDir))
            m_requestLog->setFile(QDir(m_configDir).filePath(QStringLiteral("requests.log")));
    }
    return m_requestLog.get();
}

ProviderContext Workspace::providerContext()
{
    ProviderContext context;
    context.network = network();
    context.clock = m_clock;
    context.ledger = isDatabaseOpen() ? m_ledger.get() : nullptr;
    context.requestLog = requestLog();
    context.deadline = m_deadline;
    return context;
}

AccountLifecycle *Workspace::lifecycle()
{
    if (!m_lifecycle) {
        const bool open = isDatabaseOpen();
        m_lifecycle = new AccountLifecycle(
            m_accounts.get(), secrets(), open ? m_notes.get() : nullptr, open ? m_audit.get() : nullptr, this);
    }
    return m_lifecycle;
}

AccountSession *Workspace::createSession(const Account &account, QObject *parent)
{
    auto *created =
        new AccountSession(account, providerContext(), secrets(), isDatabaseOpen() ? m_audit.get() : nullptr, parent);
    if (created->isValid())
        return created;
    delete created;
    return nullptr;
}

AccountSession *Workspace::session(const Account &account)
{
    if (AccountSession *existing = m_sessions.value(account.id))
        return existing;
    if (m_unsupported.contains(account.id))
        return nullptr;
    AccountSession *created = createSession(account, this);
    if (!created) {
        m_unsupported.insert(account.id);
        return nullptr;
    }
    m_sessions.insert(account.id, created);
    emit sessionCreated(account.id, created);
    return created;
}

void Workspace::dropSession(const QUuid &id)
{
    delete m_sessions.take(id);
    m_prepared.remove(id);
    m_unsupported.remove(id);
}

QFuture<Result<Done>> Workspace::prepare(const QUuid &id)
{
    AccountSession *s = m_sessions.value(id);
    if (!s) {
        return readyResult(Result<Done>(ApiError(ApiError::Kind::NotSupported,
            QCoreApplication::translate("Workspace", "This account's service is not supported."))));
    }
    if (m_prepared.contains(id))
        return readyResult(Result<Done>(Done {}));
    return Async::then(s->loadSecrets(), this, [this, id](Result<Done> result) {
        if (result.ok())
            m_prepared.insert(id);
        return result;
    });
}
