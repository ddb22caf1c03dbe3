#include "SandboxDemo.h"

#include "AccountController.h"

#include "BuiltinEmulators.h"
#include "SandboxServer.h"

#include "core/Async.h"
#include "providers/AccountSession.h"
#include "providers/TokenProvider.h"
#include "store/SecretStore.h"
#include "workflows/AccountTokens.h"

#include <QLoggingCategory>
#include <QTemporaryDir>

#include <memory>

Q_LOGGING_CATEGORY(lcSandboxDemo, "tokendesk.sandboxdemo")

namespace {

struct DemoCreate
{
    QString kind;
    QVariantMap values;
};

// What the demo makes in an account that lists nothing of its own: a few tokens per service with names that read
// well and different lifetimes. Keys are the create fields of each provider's createKinds().
QList<DemoCreate> demoCreates(const Account &account, int index)
{
    const QString &provider = account.providerId;
    if (provider == QLatin1String("netsapiens")) {
        // Each NetSapiens demo account delegates to a user of its own (a v45 server adds a refresh JWT to each).
        return {{QStringLiteral("delegated"),
            {{QStringLiteral("user"), index == 0 ? QStringLiteral("1001") : QStringLiteral("1005")},
                {QStringLiteral("domain"), QStringLiteral("sandbox")}}}};
    }
    if (provider == QLatin1String("svix")) {
        const QString app = QStringLiteral("app_demo");
        return {{QStringLiteral("portal"),
                    {{QStringLiteral("app_id"), app}, {QStringLiteral("expiry"), QStringLiteral("1 hour")}}},
            {QStringLiteral("portal"),
                {{QStringLiteral("app_id"), app}, {QStringLiteral("expiry"), QStringLiteral("7 days")},
                    {QStringLiteral("read_only"), true}}},
            {QStringLiteral("message"),
                {{QStringLiteral("app_id"), app}, {QStringLiteral("name"), QStringLiteral("Webhook consumer")},
                    {QStringLiteral("expiry"), QStringLiteral("1 day")}}}};
    }
    if (provider == QLatin1String("magicbell")) {
        // Today's MagicBell: user tokens signed by TokenDesk, the only kind it makes without the /jwt routes.
        return {{QStringLiteral("signed-user"),
                    {{QStringLiteral("email"), QStringLiteral("hana@magicbell.sandbox")},
                        {QStringLiteral("name"), QStringLiteral("Newsletter widget")},
                        {QStringLiteral("expiry"), QStringLiteral("365 days")}}},
            {QStringLiteral("signed-user"),
                {{QStringLiteral("external_id"), QStringLiteral("demo-user")},
                    {QStringLiteral("name"), QStringLiteral("Mobile app (beta)")},
                    {QStringLiteral("expiry"), QStringLiteral("30 days")}}}};
    }
    return {};
}

// The request with the defaults of the kind's fields filled in, as the create dialog does.
CreateRequest withDefaults(const TokenProvider &provider, const DemoCreate &create)
{
    CreateRequest request {create.kind, create.values};
    const QList<TokenKindSpec> kinds = provider.createKinds();
    for (const TokenKindSpec &kind : kinds) {
        if (kind.kind != create.kind)
            continue;
        for (const FieldSpec &field : kind.fields) {
            if (!request.values.contains(field.key) && field.defaultValue.isValid()
                && !field.defaultValue.toString().isEmpty())
                request.values.insert(field.key, field.defaultValue);
        }
    }
    return request;
}

} // namespace

SandboxDemo::SandboxDemo(QObject *parent)
    : QObject(parent)
{ }

SandboxDemo::~SandboxDemo()
{
    // Sessions talk to the server: they go first.
    m_controller.reset();
    m_server.reset();
}

bool SandboxDemo::start(QString *error)
{
    m_server = std::make_unique<SandboxServer>();
    // Today's MagicBell and, as a second demo account, one that still has the legacy /jwt routes.
    BuiltinEmulatorOptions options;
    options.magicbellLegacyInstance = true;
    registerBuiltinEmulators(*m_server, options);
    m_server->seedDemoTokens();
    if (!m_server->listen()) {
        if (error)
            *error = QStringLiteral("the sandbox cannot listen on 127.0.0.1");
        return false;
    }
    m_config = std::make_unique<QTemporaryDir>();
    if (!m_config->isValid()) {
        if (error)
            *error = QStringLiteral("cannot create a temporary directory for the sandbox");
        return false;
    }
    m_controller =
        std::make_unique<AccountController>(m_config->path(), SecretStore::createMemoryOnly(nullptr), nullptr);
    m_controller->secretStore()->setParent(m_controller.get());
    if (m_clock)
        m_controller->setClock(m_clock);
    m_controller->load();
    m_accounts = m_controller->addDemoAccounts(m_server->readyInfo());
    return true;
}

QFuture<Result<Done>> SandboxDemo::seedAccounts()
{
    // One account after another: the first create makes the fingerprint key, which the others then share.
    QFuture<Result<Done>> chain = readyResult(Result<Done>(Done {}));
    auto firstError = std::make_shared<Result<Done>>(Done {});
    for (const Account &account : std::as_const(m_accounts)) {
        chain = Async::then(chain, this, [this, account, firstError](Result<Done> previous) {
            if (!previous.ok() && firstError->ok())
                *firstError = previous;
            return seedAccount(account);
        }).unwrap();
    }
    return Async::then(chain, this, [firstError](Result<Done> last) { return firstError->ok() ? last : *firstError; });
}

QFuture<Result<Done>> SandboxDemo::seedAccount(const Account &account)
{
    AccountSession *session = m_controller->session(account.id);
    if (!session)
        return readyResult(Result<Done>(ApiError(ApiError::Kind::NotSupported)));
    int index = 0; // which of a service's demo accounts this is
    for (const Account &other : std::as_const(m_accounts)) {
        if (other.id == account.id)
            break;
        if (other.providerId == account.providerId)
            ++index;
    }
    const QList<DemoCreate> creates = demoCreates(account, index);
    const QUuid id = account.id;
    // A service that lists from the ledger knows only what TokenDesk made; elsewhere the emulator's own tokens
    // (Specter, legacy MagicBell) are enough, and a list that fails (today's MagicBell) counts as empty.
    QFuture<Result<bool>> needsTokens = session->provider()->can(TokenProvider::Capability::LedgerBacked)
        ? readyResult(Result<bool>(true))
        : Async::then(session->refresh(), this,
            [](Result<QList<Token>> listed) { return Result<bool>(!listed.ok() || listed->isEmpty()); });
    QFuture<Result<Done>> made =
        Async::then(needsTokens, this, [this, id, creates](Result<bool> needed) -> QFuture<Result<Done>> {
            QFuture<Result<Done>> chain = readyResult(Result<Done>(Done {}));
            if (!needed.ok() || !needed.value())
                return chain;
            for (const DemoCreate &create : creates) {
                chain = Async::then(chain, this, [this, id, create](Result<Done> previous) -> QFuture<Result<Done>> {
                    AccountSession *current = m_controller->session(id);
                    if (!previous.ok() || !current)
                        return readyResult(previous);
                    const CreateRequest request = withDefaults(*current->provider(), create);
                    return Async::then(current->create(request), this, [](Result<CreatedToken> created) {
                        // The value is dropped here: nobody asked to see a demo token.
                        if (!created.ok()) {
                            qCWarning(lcSandboxDemo) << "demo token not created:" << created.error().fullMessage();
                            return Result<Done>(created.error());
                        }
                        return Result<Done>(Done {});
                    });
                }).unwrap();
            }
            return chain;
        }).unwrap();
    return Async::then(made, this, [this, id](Result<Done> result) -> QFuture<Result<Done>> {
        AccountSession *current = m_controller->session(id);
        // The demo user without two-step verification is signed in, so its tokens show at once; the MFA demo user
        // is left for the person trying TokenDesk, who meets the MFA dialog with its code.
        const bool signIn = current && current->provider()->can(TokenProvider::Capability::SignIn)
            && !current->provider()->isSignedIn() && m_controller->demoTotpSecret(id).isEmpty();
        QFuture<Result<Done>> signedIn = !signIn ? readyResult(Result<Done>(Done {}))
                                                 : Async::then(current->signIn(), this, [](Result<SignInResult> r) {
                                                       return r.ok() ? Result<Done>(Done {}) : Result<Done>(r.error());
                                                   });
        return Async::then(signedIn, this, [this, id, result](Result<Done> login) -> QFuture<Result<Done>> {
            if (!login.ok())
                qCWarning(lcSandboxDemo) << "demo sign-in failed:" << login.error().fullMessage();
            // Keeps the list every view reads; an account that must sign in first is refused without asking.
            return Async::then(m_controller->accountTokens()->refresh(id), this,
                [result, login](Result<QList<Token>>) { return !result.ok() ? result : login; });
        }).unwrap();
    }).unwrap();
}
