#include "CliCommands.h"

#include "CliApplication.h"
#include "CliBreakGlass.h"
#include "core/Async.h"
#include "core/ProcessHardening.h"

#include "core/Clock.h"
#include "core/Duration.h"
#include "core/Jwt.h"
#include "core/TimeText.h"
#include "net/ApiClient.h"
#include "net/ProxyPolicy.h"
#include "providers/AccountSession.h"
#include "providers/ProviderRegistry.h"
#include "providers/svix/SvixProvider.h"
#include "store/AuditLog.h"
#include "store/SecretStore.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QUrl>
#include <QUuid>

#include <cstdio>
#include <cstring>
#include <memory>

namespace {

using Arity = CliArguments::Arity;
using CliFuture::Completion;

QString tr_(const char *text)
{
    return QCoreApplication::translate("CliCommands", text);
}

QString flagOf(const FieldSpec &field)
{
    return field.cliFlag.isEmpty() ? field.key : field.cliFlag;
}

QString remainingText(const Token &token, const Clock &clock)
{
    const std::optional<qint64> ms = token.remainingMs(clock);
    if (!ms)
        return QStringLiteral("-");
    return Duration::formatShort(*ms / 1000);
}

QString expiryText(const Token &token, const Clock &clock)
{
    if (token.expiryUnreported)
        return TimeText::unreportedExpiry();
    const std::optional<QDateTime> expiry = token.effectiveExpiry(clock);
    return expiry ? CliOutput::isoText(expiry) : tr_("never");
}

QJsonValue textOrNull(const QString &text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

QString jsonText(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Indented)).trimmed();
}

} // namespace

CliCommands::CliCommands(CliApplication *app)
    : QObject(app)
    , m_app(app)
{ }

int CliCommands::fail(const ApiError &error)
{
    if (error.exitCode() == 3 && !m_signInHint.isEmpty())
        return m_app->out().fail(
            3, tr_("%1; sign in with `tokendesk-cli login %2`").arg(error.fullMessage(), m_signInHint));
    return m_app->out().fail(error.exitCode(), error.fullMessage());
}

int CliCommands::fail(int code, const QString &message)
{
    return m_app->out().fail(code, message);
}

bool CliCommands::parse(const QStringList &words, const CliArguments::Spec &spec, CliArguments *out,
    qsizetype minPositionals, qsizetype maxPositionals, const QString &synopsis)
{
    QString error;
    if (!CliArguments::parse(words, spec, out, &error)) {
        fail(2, error);
        return false;
    }
    if (out->positionals.size() < minPositionals || (maxPositionals >= 0 && out->positionals.size() > maxPositionals)) {
        fail(2, tr_("usage: tokendesk-cli %1").arg(synopsis));
        return false;
    }
    return true;
}

QFuture<int> CliCommands::dispatch(const QStringList &words)
{
    const QString command = words.first();
    const QStringList rest = words.mid(1);
    if (command == QLatin1String("account")) {
        const QString sub = rest.value(0);
        if (sub == QLatin1String("add"))
            return accountAdd(rest.mid(1));
        if (sub == QLatin1String("list"))
            return accountList(rest.mid(1));
        if (sub == QLatin1String("remove"))
            return accountRemove(rest.mid(1));
        return CliFuture::ready(fail(2, tr_("usage: tokendesk-cli account add|list|remove ... (see --help)")));
    }
    if (command == QLatin1String("decode"))
        return decode(rest);
    if (command == QLatin1String("tokens"))
        return tokens(rest);
    if (command == QLatin1String("create"))
        return create(rest);
    if (command == QLatin1String("show"))
        return show(rest);
    if (command == QLatin1String("revoke"))
        return revoke(rest);
    if (command == QLatin1String("login"))
        return login(rest);
    if (command == QLatin1String("logout"))
        return logout(rest);
    if (command == QLatin1String("verify"))
        return verify(rest);
    if (command == QLatin1String("revoke-all"))
        return revokeAll(rest);
    if (command == QLatin1String("audit"))
        return audit(rest);
    if (command == QLatin1String("svix"))
        return svix(rest);
    if (command == QLatin1String("break-glass"))
        return (new CliBreakGlass(m_app, this))->run(rest);
    if (command.startsWith(QLatin1String("--")))
        return CliFuture::ready(fail(2, tr_("unknown option %1 (see --help)").arg(command)));
    return CliFuture::ready(fail(2, tr_("unknown command \"%1\" (see --help)").arg(command)));
}

QJsonObject CliCommands::tokenJson(const Token &token, const Clock &clock)
{
    QJsonObject object;
    object.insert(QStringLiteral("id"), token.id);
    object.insert(QStringLiteral("name"), textOrNull(token.label));
    object.insert(QStringLiteral("kind"), textOrNull(token.kind));
    object.insert(QStringLiteral("subject"), textOrNull(token.subject));
    object.insert(QStringLiteral("created_at"), CliOutput::isoOrNull(token.created));
    object.insert(QStringLiteral("expires_at"), CliOutput::isoOrNull(token.effectiveExpiry(clock)));
    const std::optional<qint64> ms = token.remainingMs(clock);
    object.insert(QStringLiteral("remaining_seconds"), ms ? QJsonValue(qint64(*ms / 1000)) : QJsonValue());
    object.insert(QStringLiteral("status"), Token::statusName(token.status(clock)));
    return object;
}

namespace {

template<qsizetype N> char *writeLiteral(char *p, const char (&text)[N])
{
    std::memcpy(p, text, size_t(N - 1));
    return p + (N - 1);
}

char *writeTextOrNull(char *p, const QString &text)
{
    return text.isEmpty() ? writeLiteral(p, "null") : CliOutput::writeJsonString(p, text);
}

} // namespace

void CliCommands::appendTokenJson(QByteArray &out, const Token &token, const Clock &clock)
{
    const std::optional<QDateTime> expiry = token.effectiveExpiry(clock);
    const std::optional<qint64> ms = token.remainingMs(clock);
    const QString status = Token::statusName(token.status(clock));
    // Written in place: room for the worst case (keys and indentation take 190 bytes), then cut back.
    const qsizetype room = 256 + 2 * CliOutput::IsoRoom + CliOutput::IntegerRoom
        + CliOutput::jsonStringRoom(
            token.id.size() + token.kind.size() + token.label.size() + status.size() + token.subject.size());
    const qsizetype start = out.size();
    out.resize(start + room);
    char *const begin = out.data();
    char *p = begin + start;
    // Keys in QJsonObject's sorted order, indented as inside toJson(Indented)'s top-level array.
    p = writeLiteral(p, "    {\n        \"created_at\": ");
    p = CliOutput::writeJsonIsoOrNull(p, token.created);
    p = writeLiteral(p, ",\n        \"expires_at\": ");
    p = CliOutput::writeJsonIsoOrNull(p, expiry);
    p = writeLiteral(p, ",\n        \"id\": ");
    p = CliOutput::writeJsonString(p, token.id);
    p = writeLiteral(p, ",\n        \"kind\": ");
    p = writeTextOrNull(p, token.kind);
    p = writeLiteral(p, ",\n        \"name\": ");
    p = writeTextOrNull(p, token.label);
    p = writeLiteral(p, ",\n        \"remaining_seconds\": ");
    p = ms ? CliOutput::writeJsonInteger(p, qint64(*ms / 1000)) : writeLiteral(p, "null");
    p = writeLiteral(p, ",\n        \"status\": ");
    p = CliOutput::writeJsonString(p, status);
    p = writeLiteral(p, ",\n        \"subject\": ");
    p = writeTextOrNull(p, token.subject);
    p = writeLiteral(p, "\n    }");
    out.resize(p - begin);
}

namespace {

// One reading of the system clock for a whole listing: every token is judged at the same instant, and the
// clock (a local-time QDateTime and a monotonic read) is not asked three times per token.
class FrozenClock final : public Clock
{
public:
    explicit FrozenClock(const Clock &source)
        : m_now(source.now())
        , m_monotonicMs(source.monotonicMs())
    { }
    QDateTime now() const override { return m_now; }
    qint64 monotonicMs() const override { return m_monotonicMs; }

private:
    QDateTime m_now;
    qint64 m_monotonicMs;
};

} // namespace

void CliCommands::printTokens(const QList<Token> &list)
{
    const FrozenClock clock(*Clock::system());
    if (m_app->jsonOutput()) {
        // Each token is written straight into a buffer flushed in chunks, byte for byte what
        // QJsonDocument::toJson(Indented) makes of tokenJson()'s objects (tst_cli_output compares the two).
        constexpr qsizetype chunk = 64 * 1024;
        QByteArray buffer;
        buffer.reserve(chunk + 4096);
        buffer += "[\n";
        for (qsizetype i = 0; i < list.size(); ++i) {
            appendTokenJson(buffer, list.at(i), clock);
            buffer += i + 1 < list.size() ? ",\n" : "\n";
            if (buffer.size() >= chunk) {
                m_app->out().raw(buffer);
                buffer.resize(0); // keeps the capacity
            }
        }
        buffer += "]\n";
        m_app->out().raw(buffer);
        return;
    }
    if (list.isEmpty()) {
        m_app->out().line(tr_("No tokens."));
        return;
    }
    QList<QStringList> rows;
    for (const Token &token : list) {
        rows.append({token.id, token.label, token.kind, token.subject.isEmpty() ? QStringLiteral("-") : token.subject,
            expiryText(token, clock), remainingText(token, clock), Token::statusName(token.status(clock))});
    }
    m_app->out().table(
        {tr_("ID"), tr_("NAME"), tr_("KIND"), tr_("SUBJECT"), tr_("EXPIRES"), tr_("REMAINING"), tr_("STATUS")}, rows);
}

// ---- account ---------------------------------------------------------------------------------------------

QFuture<int> CliCommands::accountAdd(const QStringList &words)
{
    CliArguments args;
    const CliArguments::Spec spec = {{QStringLiteral("provider"), Arity::Value}, {QStringLiteral("name"), Arity::Value},
        {QStringLiteral("url"), Arity::Value}, {QStringLiteral("option"), Arity::Repeated}};
    const QString synopsis =
        QStringLiteral("account add --provider ID --name NAME [--url URL] [--option key=value ...] [--secrets-stdin]");
    if (!parse(words, spec, &args, 0, 0, synopsis))
        return CliFuture::ready(2);
    if (!args.has(QStringLiteral("provider")) || args.value(QStringLiteral("name")).trimmed().isEmpty())
        return CliFuture::ready(fail(2, tr_("usage: tokendesk-cli %1").arg(synopsis)));

    const ProviderDescriptor *descriptor = ProviderRegistry::instance().find(args.value(QStringLiteral("provider")));
    if (!descriptor) {
        return CliFuture::ready(fail(2,
            tr_("unknown provider \"%1\" (known: %2)")
                .arg(args.value(QStringLiteral("provider")),
                    ProviderRegistry::instance().ids().join(QStringLiteral(", ")))));
    }
    QString badKey;
    if (!m_app->checkSecretKeys(descriptor->id, &badKey))
        return CliFuture::ready(fail(2, tr_("--secrets-stdin: unknown secret key \"%1\"").arg(badKey)));

    if (!args.has(QStringLiteral("url")) && descriptor->needsBaseUrl()) {
        return CliFuture::ready(fail(2,
            tr_("--url is required for %1: there is no default server, every operator has its own address")
                .arg(descriptor->displayName)));
    }
    Account account;
    account.id = QUuid::createUuid();
    account.name = args.value(QStringLiteral("name")).trimmed();
    account.providerId = descriptor->id;
    // Without --url a service that derives its host from the credentials (Svix: the key's region) stores none.
    account.baseUrl = args.has(QStringLiteral("url")) ? QUrl(args.value(QStringLiteral("url")), QUrl::StrictMode)
                                                      : descriptor->defaultBaseUrl;
    if (args.has(QStringLiteral("url")) && (!account.baseUrl.isValid() || account.baseUrl.scheme().isEmpty()))
        return CliFuture::ready(fail(2, tr_("--url is not a valid URL")));
    for (const QString &option : args.values(QStringLiteral("option"))) {
        const qsizetype eq = option.indexOf(QLatin1Char('='));
        if (eq <= 0)
            return CliFuture::ready(fail(2, tr_("--option needs key=value")));
        const QString key = option.left(eq);
        if (descriptor->secretFields().contains(key) || CliApplication::isSecretOptionName(key)) {
            return CliFuture::ready(fail(2,
                tr_("\"%1\" is a secret: pass it as %1=<value> on stdin with --secrets-stdin, never as an argument")
                    .arg(key)));
        }
        account.options.insert(key, option.mid(eq + 1));
    }
    // allow_http names the one host plain http may go to; "yes" means the --url's own host.
    const QString allowHttp = account.options.value(QLatin1String(TokenProvider::AllowHttpOption)).toString();
    if (allowHttp == QLatin1String("yes") || allowHttp == QLatin1String("true") || allowHttp == QLatin1String("1"))
        account.options.insert(QLatin1String(TokenProvider::AllowHttpOption), account.baseUrl.host());
    if (QString problem;
        !ProxyPolicy::parse(account.options.value(QLatin1String(TokenProvider::ProxyOption)).toString(), &problem))
        return CliFuture::ready(fail(2, tr_("--option proxy: %1").arg(problem)));
    // Defaults of options the user did not give.
    for (const FieldSpec &field : descriptor->accountFields) {
        if (field.type != FieldSpec::Type::Secret && !account.options.contains(field.key)
            && field.defaultValue.isValid())
            account.options.insert(field.key, field.defaultValue);
    }
    if (descriptor->validateAccount) {
        const QList<FieldError> errors = descriptor->validateAccount(account);
        if (!errors.isEmpty()) {
            QStringList parts;
            for (const FieldError &error : errors)
                parts.append(
                    error.field.isEmpty() ? error.message : error.field + QStringLiteral(": ") + error.message);
            return CliFuture::ready(fail(2, parts.join(QStringLiteral("; "))));
        }
    }

    AccountStore &store = m_app->accounts();
    for (const Account &existing : store.load()) {
        if (existing.name.compare(account.name, Qt::CaseInsensitive) == 0)
            return CliFuture::ready(fail(1, tr_("an account named \"%1\" already exists").arg(account.name)));
    }
    if (!store.add(account))
        return CliFuture::ready(fail(1, tr_("cannot save the account: %1").arg(store.lastError())));
    AccountSession::auditConnectionChange(m_app->auditLog(), std::nullopt, account);
    if (account.baseUrl.scheme() == QLatin1String("http") && !ApiClient::isLoopbackHost(account.baseUrl.host()))
        m_app->out().note(tr_("plain http to %1 is allowed for this account: nothing sent to it, the password and "
                              "the tokens included, is encrypted")
                              .arg(account.baseUrl.host()));

    auto finishAdded = [this, account]() {
        if (m_app->jsonOutput()) {
            QJsonObject object;
            object.insert(QStringLiteral("id"), account.id.toString(QUuid::WithoutBraces));
            object.insert(QStringLiteral("name"), account.name);
            object.insert(QStringLiteral("provider"), account.providerId);
            object.insert(QStringLiteral("url"), account.baseUrl.toString());
            m_app->out().json(object);
        } else {
            m_app->out().line(tr_("Added account \"%1\" (%2, %3).")
                                  .arg(account.name, account.providerId, account.id.toString(QUuid::WithoutBraces)));
        }
        return 0;
    };
    const QHash<QString, QString> secrets = m_app->stdinSecrets();
    if (secrets.isEmpty())
        return CliFuture::ready(finishAdded());

    Completion done;
    SecretStore *store_ = m_app->secrets();
    auto remaining = std::make_shared<int>(int(secrets.size()));
    auto firstError = std::make_shared<ApiError>();
    for (auto it = secrets.cbegin(); it != secrets.cend(); ++it) {
        Async::then(store_->write(account.secretKey(it.key()), it.value()), this,
            [this, done, remaining, firstError, account, store_, finishAdded](Result<Done> result) {
                if (!result.ok() && firstError->isNone())
                    *firstError = result.error();
                if (--*remaining > 0)
                    return;
                if (firstError->isNone() && store_->state() == SecretStore::State::MemoryOnly) {
                    *firstError = ApiError(ApiError::Kind::Keychain,
                        tr_("no OS keychain (Secret Service) is available and TokenDesk never writes secrets in plain "
                            "text, so the account was not added. Either add it without secrets and give them for each "
                            "run, on stdin with --secrets-stdin or in TOKENDESK_SECRET_<FIELD> environment variables "
                            "(such as TOKENDESK_SECRET_API_KEY), or start a keychain and add it again"));
                }
                if (!firstError->isNone()) {
                    m_app->accounts().remove(account.id);
                    done.finish(fail(*firstError));
                    return;
                }
                done.finish(finishAdded());
            });
    }
    return done.future();
}

QFuture<int> CliCommands::accountList(const QStringList &words)
{
    CliArguments args;
    if (!parse(words, {}, &args, 0, 0, QStringLiteral("account list [--json]")))
        return CliFuture::ready(2);
    AccountStore &store = m_app->accounts();
    const QList<Account> accounts = store.load();
    if (!store.lastError().isEmpty() && accounts.isEmpty())
        return CliFuture::ready(fail(1, tr_("cannot read the accounts: %1").arg(store.lastError())));

    // An account without a base URL whose service derives the host from its secrets (Svix: the API key's
    // region) needs them read to say where its requests go; they are used for that only, never printed.
    auto secrets = std::make_shared<QHash<QUuid, QHash<QString, QString>>>();
    auto remaining = std::make_shared<int>(1);
    Completion done;
    auto print = [this, accounts, secrets, done]() {
        auto effective = [secrets](const Account &account) {
            const ProviderDescriptor *descriptor = ProviderRegistry::instance().find(account.providerId);
            return descriptor ? descriptor->effectiveBaseUrl(account, secrets->value(account.id)) : account.baseUrl;
        };
        if (m_app->jsonOutput()) {
            QJsonArray array;
            for (const Account &account : accounts) {
                QJsonObject object;
                object.insert(QStringLiteral("id"), account.id.toString(QUuid::WithoutBraces));
                object.insert(QStringLiteral("name"), account.name);
                object.insert(QStringLiteral("provider"), account.providerId);
                object.insert(QStringLiteral("url"), account.baseUrl.toString());
                object.insert(QStringLiteral("effective_url"), effective(account).toString());
                object.insert(QStringLiteral("options"), QJsonObject::fromVariantMap(account.options));
                array.append(object);
            }
            m_app->out().json(array);
        } else if (accounts.isEmpty()) {
            m_app->out().line(tr_("No accounts. Add one with: tokendesk-cli account add --provider ID --name NAME"));
        } else {
            QList<QStringList> rows;
            for (const Account &account : accounts) {
                const QString url = effective(account).toString();
                rows.append({account.name, account.providerId,
                    account.baseUrl.isEmpty() && !url.isEmpty() ? tr_("%1 (from the credentials)").arg(url) : url,
                    account.id.toString(QUuid::WithoutBraces)});
            }
            m_app->out().table({tr_("NAME"), tr_("PROVIDER"), tr_("URL"), tr_("ID")}, rows);
        }
        done.finish(0);
    };
    for (const Account &account : accounts) {
        const ProviderDescriptor *descriptor = ProviderRegistry::instance().find(account.providerId);
        if (!account.baseUrl.isEmpty() || !descriptor || !descriptor->baseUrlFromSecrets)
            continue;
        for (const QString &field : descriptor->secretFields()) {
            ++*remaining;
            const QUuid id = account.id;
            Async::then(m_app->secrets()->read(account.secretKey(field)), this,
                [secrets, remaining, print, id, field](Result<QString> value) {
                    // An unreadable key leaves the service's fallback host.
                    if (value.ok())
                        (*secrets)[id].insert(field, value.value());
                    if (--*remaining == 0)
                        print();
                });
        }
    }
    if (--*remaining == 0)
        print();
    return done.future();
}

QFuture<int> CliCommands::accountRemove(const QStringList &words)
{
    CliArguments args;
    if (!parse(words, {}, &args, 1, 1, QStringLiteral("account remove NAME|UUID")))
        return CliFuture::ready(2);
    AccountStore &store = m_app->accounts();
    const std::optional<Account> account = store.find(args.positionals.first());
    if (!account)
        return CliFuture::ready(fail(4, tr_("no account named \"%1\"").arg(args.positionals.first())));
    if (!store.remove(account->id))
        return CliFuture::ready(fail(1, tr_("cannot save the accounts: %1").arg(store.lastError())));

    // Its keychain entries go too: every secret field the provider declares, plus the generic keys.
    QStringList fields = {QStringLiteral("password"), QStringLiteral("api_key"), QStringLiteral("token"),
        QStringLiteral("client_secret")};
    if (const ProviderDescriptor *descriptor = ProviderRegistry::instance().find(account->providerId)) {
        for (const QString &field : descriptor->keychainFields()) {
            if (!fields.contains(field))
                fields.append(field);
        }
    }
    Completion done;
    auto remaining = std::make_shared<int>(int(fields.size()));
    auto firstError = std::make_shared<ApiError>();
    const Account removed = *account;
    for (const QString &field : std::as_const(fields)) {
        Async::then(m_app->secrets()->remove(removed.secretKey(field)), this,
            [this, done, remaining, firstError, removed](Result<Done> result) {
                if (!result.ok() && firstError->isNone())
                    *firstError = result.error();
                if (--*remaining > 0)
                    return;
                if (!firstError->isNone()) {
                    done.finish(fail(firstError->exitCode(),
                        tr_("the account was removed, but its keychain entries could not be deleted: %1")
                            .arg(firstError->fullMessage())));
                    return;
                }
                if (!m_app->jsonOutput())
                    m_app->out().line(tr_("Removed account \"%1\".").arg(removed.name));
                done.finish(0);
            });
    }
    return done.future();
}

// ---- decode ----------------------------------------------------------------------------------------------

QFuture<int> CliCommands::decode(const QStringList &words)
{
    CliArguments args;
    if (!parse(words, {}, &args, 0, 1, QStringLiteral("decode [JWT|-]")))
        return CliFuture::ready(2);
    QString text;
    if (args.positionals.isEmpty() || args.positionals.first() == QLatin1String("-")) {
        if (m_app->hasStdinSecrets())
            return CliFuture::ready(
                fail(2, tr_("decode reads the JWT from stdin, which --secrets-stdin already used")));
        if (args.positionals.isEmpty() && CliApplication::stdinIsTerminal())
            return CliFuture::ready(fail(2, tr_("usage: tokendesk-cli decode JWT (or pipe the JWT on stdin)")));
        QByteArray data;
        if (!CliApplication::readStdin(&data, Jwt::MaxInputBytes + 2))
            return CliFuture::ready(fail(1, tr_("the input is too large for a JWT")));
        text = QString::fromUtf8(data).trimmed();
    } else {
        text = args.positionals.first().trimmed();
    }
    const Jwt jwt = Jwt::decode(text);
    if (!jwt.isValid())
        return CliFuture::ready(fail(1, tr_("not a readable JWT: %1").arg(jwt.error())));

    const QDateTime now = Clock::system()->now();
    const std::optional<QDateTime> expires = jwt.expiresAt();
    const QStringList warnings = jwt.warnings(now);
    if (m_app->jsonOutput()) {
        QJsonObject object;
        object.insert(QStringLiteral("header"), jwt.header());
        object.insert(QStringLiteral("claims"), jwt.claims());
        object.insert(QStringLiteral("algorithm"), textOrNull(jwt.algorithm()));
        object.insert(QStringLiteral("issued_at"), CliOutput::isoOrNull(jwt.issuedAt()));
        object.insert(QStringLiteral("not_before"), CliOutput::isoOrNull(jwt.notBefore()));
        object.insert(QStringLiteral("expires_at"), CliOutput::isoOrNull(expires));
        object.insert(QStringLiteral("remaining_seconds"),
            expires ? QJsonValue(qMax<qint64>(0, now.secsTo(*expires))) : QJsonValue(QJsonValue::Null));
        object.insert(QStringLiteral("warnings"), QJsonArray::fromStringList(warnings));
        m_app->out().json(object);
        return CliFuture::ready(0);
    }
    CliOutput &out = m_app->out();
    out.line(tr_("Header:"));
    out.lines(jsonText(jwt.header()));
    out.line(tr_("Claims:"));
    out.lines(jsonText(jwt.claims()));
    QString expiryText = tr_("never (no exp claim)");
    if (expires) {
        const qint64 left = now.secsTo(*expires);
        expiryText = CliOutput::isoText(expires) + QStringLiteral(" (")
            + (left > 0 ? tr_("in %1").arg(Duration::format(left)) : tr_("expired %1 ago").arg(Duration::format(-left)))
            + QLatin1Char(')');
    }
    out.fields({{tr_("Algorithm"), jwt.algorithm().isEmpty() ? QStringLiteral("-") : jwt.algorithm()},
        {tr_("Issued"), CliOutput::isoText(jwt.issuedAt())}, {tr_("Expires"), expiryText}});
    if (!warnings.isEmpty()) {
        out.line(tr_("Warnings:"));
        for (const QString &warning : warnings)
            out.line(QStringLiteral("  - ") + warning);
    }
    return CliFuture::ready(0);
}

// ---- sessions --------------------------------------------------------------------------------------------

QFuture<int> CliCommands::withSession(const QString &nameOrId, const SessionBody &body)
{
    const std::optional<Account> account = m_app->accounts().find(nameOrId);
    if (!account)
        return CliFuture::ready(fail(4, tr_("no account named \"%1\"").arg(nameOrId)));
    QString badKey;
    if (m_app->hasStdinSecrets() && !m_app->checkSecretKeys(account->providerId, &badKey))
        return CliFuture::ready(fail(2, tr_("--secrets-stdin: unknown secret key \"%1\"").arg(badKey)));
    QString error;
    if (!m_app->openDatabase(&error))
        return CliFuture::ready(fail(1, error));
    auto *session = new AccountSession(*account, m_app->providerContext(), m_app->secrets(), m_app->auditLog(), this);
    if (!session->isValid()) {
        session->deleteLater();
        return CliFuture::ready(fail(4,
            tr_("the account \"%1\" uses provider \"%2\", which this build does not include")
                .arg(account->name, account->providerId)));
    }

    Completion inner;
    Completion done;
    Async::then(session->loadSecrets(), this, [this, session, inner, body](Result<Done> result) {
        if (!result.ok()) {
            inner.finish(fail(result.error()));
            return;
        }
        // Secrets given in the environment or on stdin (which wins) apply to this run only; `account add` is what
        // stores stdin ones. Environment variables meant for another provider's fields are left alone.
        const ProviderDescriptor *descriptor = ProviderRegistry::instance().find(session->account().providerId);
        const QStringList fields = descriptor ? descriptor->secretFields() : QStringList();
        const QHash<QString, QString> &fromEnvironment = m_app->environmentSecrets();
        for (auto it = fromEnvironment.cbegin(); it != fromEnvironment.cend(); ++it) {
            if (fields.contains(it.key()))
                session->provider()->setSecret(it.key(), it.value());
        }
        const QHash<QString, QString> &secrets = m_app->stdinSecrets();
        for (auto it = secrets.cbegin(); it != secrets.cend(); ++it)
            session->provider()->setSecret(it.key(), it.value());
        const TokenProvider *provider = session->provider();
        const QString name = session->account().name;
        m_signInHint.clear();
        if (provider->can(TokenProvider::Capability::SignIn) && !provider->isSignedIn())
            m_signInHint = name.contains(QLatin1Char(' ')) ? QLatin1Char('"') + name + QLatin1Char('"') : name;
        body(session, inner);
    });
    Async::then(inner.future(), this, [this, session, done](int code) {
        Async::then(session->settle(), this, [this, session, done, code](Result<Done> result) {
            int exitCode = code;
            if (!result.ok() && exitCode == 0)
                exitCode = fail(result.error());
            session->deleteLater();
            done.finish(exitCode);
        });
    });
    return done.future();
}

QFuture<int> CliCommands::tokens(const QStringList &words)
{
    CliArguments args;
    const CliArguments::Spec spec = {{QStringLiteral("user"), Arity::Value}, {QStringLiteral("app"), Arity::Value}};
    if (!parse(words, spec, &args, 1, 1, QStringLiteral("tokens ACCOUNT [--user USER_ID] [--app APP_ID] [--json]")))
        return CliFuture::ready(2);
    ListRequest request;
    request.subject = args.value(QStringLiteral("user"));
    request.appId = args.value(QStringLiteral("app"));
    return withSession(args.positionals.first(), [this, request](AccountSession *session, const Completion &done) {
        // Without its session a signed-in listing would only show the ledger and look complete: say so instead.
        if (!m_signInHint.isEmpty()) {
            done.finish(fail(ApiError(ApiError::Kind::Unauthorized,
                tr_("the account \"%1\" is not signed in").arg(session->account().name))));
            return;
        }
        // Non-fatal notices (a list cut short at the page cap) go to stderr; the list still prints.
        auto warnings = std::make_shared<QStringList>();
        const QMetaObject::Connection connection = connect(session->provider(), &TokenProvider::warning, this,
            [warnings](const QString &message) { warnings->append(message); });
        Async::then(session->refresh(request), this, [this, done, warnings, connection](Result<QList<Token>> result) {
            disconnect(connection);
            for (const QString &message : std::as_const(*warnings))
                m_app->out().note(tr_("tokendesk-cli: warning: %1").arg(message) + QLatin1Char('\n'));
            if (!result.ok()) {
                done.finish(fail(result.error()));
                return;
            }
            printTokens(result.value());
            done.finish(0);
        });
    });
}

QFuture<int> CliCommands::create(const QStringList &words)
{
    const CliArguments loose = CliArguments::parseLoose(words);
    if (loose.positionals.isEmpty())
        return CliFuture::ready(fail(2, tr_("usage: tokendesk-cli create ACCOUNT [--kind K] [--<field> VALUE ...]")));
    const QString accountName = loose.positionals.first();
    const QString kindName = loose.value(QStringLiteral("kind"));
    return withSession(accountName, [this, words, kindName](AccountSession *session, const Completion &done) {
        TokenProvider *provider = session->provider();
        const QList<TokenKindSpec> kinds = provider->createKinds();
        if (!provider->can(TokenProvider::Capability::Create) || kinds.isEmpty()) {
            done.finish(fail(ApiError(ApiError::Kind::NotSupported, tr_("this account cannot create tokens"))));
            return;
        }
        const TokenKindSpec *kind = &kinds.first();
        if (!kindName.isEmpty()) {
            kind = nullptr;
            QStringList names;
            for (const TokenKindSpec &candidate : kinds) {
                names.append(candidate.kind);
                if (candidate.kind == kindName)
                    kind = &candidate;
            }
            if (!kind) {
                done.finish(fail(2,
                    tr_("unknown kind \"%1\" (this account creates: %2)")
                        .arg(kindName, names.join(QStringLiteral(", ")))));
                return;
            }
        }

        // Options come from the kind's fields; --name and --expiry are aliases of the first Text and
        // Duration fields when no field is called that.
        CliArguments::Spec spec = {{QStringLiteral("kind"), Arity::Value}};
        QHash<QString, const FieldSpec *> byFlag;
        const FieldSpec *firstText = nullptr;
        const FieldSpec *firstDuration = nullptr;
        for (const FieldSpec &field : kind->fields) {
            const QString flag = flagOf(field);
            Arity arity = Arity::Value;
            if (field.type == FieldSpec::Type::Boolean)
                arity = Arity::Flag;
            else if (field.type == FieldSpec::Type::MultiChoice || field.type == FieldSpec::Type::TextList)
                arity = Arity::Repeated;
            spec.insert(flag, arity);
            byFlag.insert(flag, &field);
            if (!firstText && field.type == FieldSpec::Type::Text)
                firstText = &field;
            if (!firstDuration && field.type == FieldSpec::Type::Duration)
                firstDuration = &field;
        }
        if (firstText && !spec.contains(QStringLiteral("name"))) {
            spec.insert(QStringLiteral("name"), Arity::Value);
            byFlag.insert(QStringLiteral("name"), firstText);
        }
        if (firstDuration && !spec.contains(QStringLiteral("expiry"))) {
            spec.insert(QStringLiteral("expiry"), Arity::Value);
            byFlag.insert(QStringLiteral("expiry"), firstDuration);
        }
        CliArguments args;
        if (!parse(words, spec, &args, 1, 1, QStringLiteral("create ACCOUNT [--kind K] [--<field> VALUE ...]"))) {
            done.finish(2);
            return;
        }

        CreateRequest request;
        request.kind = kind->kind;
        QHash<QString, QString> usedFlag; // field key -> the flag the user typed (an alias or its own)
        for (const QString &flag : args.names()) {
            const FieldSpec *field = byFlag.value(flag);
            if (!field)
                continue;
            usedFlag.insert(field->key, flag);
            switch (field->type) {
            case FieldSpec::Type::Boolean:
                request.values.insert(field->key, true);
                break;
            case FieldSpec::Type::MultiChoice:
            case FieldSpec::Type::TextList:
                request.values.insert(field->key, args.values(flag));
                break;
            case FieldSpec::Type::Integer: {
                bool ok = false;
                const qint64 number = args.value(flag).toLongLong(&ok);
                if (!ok) {
                    done.finish(fail(2, tr_("--%1 needs a whole number").arg(flag)));
                    return;
                }
                request.values.insert(field->key, number);
                break;
            }
            default:
                request.values.insert(field->key, args.value(flag));
                break;
            }
        }
        for (const FieldSpec &field : kind->fields) {
            if (!request.values.contains(field.key) && field.defaultValue.isValid())
                request.values.insert(field.key, field.defaultValue);
        }
        // Field errors (local checks and a server's 422) name the option the user typed.
        QHash<QString, QString> flagForField; // field key -> flag
        for (const FieldSpec &field : kind->fields)
            flagForField.insert(field.key, usedFlag.value(field.key, flagOf(field)));
        auto describeFieldErrors = [flagForField](const QList<FieldError> &errors) {
            QStringList parts;
            for (const FieldError &error : errors) {
                const QString flag = flagForField.value(error.field);
                if (!flag.isEmpty())
                    parts.append(QStringLiteral("--%1: %2").arg(flag, error.message));
                else if (!error.field.isEmpty())
                    parts.append(QStringLiteral("--%1: %2").arg(error.field, error.message));
                else
                    parts.append(error.message);
            }
            return parts.join(QStringLiteral("; "));
        };
        const QList<FieldError> errors = provider->validateCreate(request);
        if (!errors.isEmpty()) {
            // A value refused before anything is sent is a usage error (2), like every other command's flags.
            done.finish(fail(2, describeFieldErrors(errors)));
            return;
        }
        Async::then(session->create(request), this, [this, done, describeFieldErrors](Result<CreatedToken> result) {
            if (!result.ok()) {
                const ApiError &error = result.error();
                if (error.kind() == ApiError::Kind::Validation && !error.fieldErrors().isEmpty()) {
                    done.finish(fail(error.exitCode(),
                        tr_("the server refused the values: %1").arg(describeFieldErrors(error.fieldErrors()))));
                    return;
                }
                done.finish(fail(error));
                return;
            }
            const CreatedToken &created = result.value();
            const std::optional<QDateTime> expires =
                created.token.expires ? created.token.expires : created.token.effectiveExpiry(*Clock::system());
            // The only place a token value is printed.
            if (m_app->jsonOutput()) {
                QJsonObject object;
                object.insert(QStringLiteral("id"), created.token.id);
                object.insert(QStringLiteral("name"), textOrNull(created.token.label));
                object.insert(QStringLiteral("token"), created.value);
                object.insert(QStringLiteral("expires_at"), CliOutput::isoOrNull(expires));
                if (!created.link.isEmpty())
                    object.insert(QStringLiteral("link"), created.link);
                if (!created.notes.isEmpty())
                    object.insert(QStringLiteral("notes"), QJsonArray::fromStringList(created.notes));
                if (!created.refreshValue.isEmpty()) {
                    object.insert(QStringLiteral("refresh"),
                        QJsonObject {{QStringLiteral("id"), created.refreshId},
                            {QStringLiteral("token"), created.refreshValue},
                            {QStringLiteral("expires_at"), CliOutput::isoOrNull(created.refreshExpires)}});
                }
                m_app->out().json(object);
            } else {
                CliOutput &out = m_app->out();
                out.line(tr_("Created token \"%1\" (id %2), expires %3. The value is shown once:")
                             .arg(created.token.label, created.token.id,
                                 expires ? CliOutput::isoText(expires) : tr_("never")));
                out.line(created.value);
                if (!created.link.isEmpty())
                    out.line(tr_("Link: %1").arg(created.link));
                if (!created.refreshValue.isEmpty()) {
                    out.line(
                        tr_("With it, a refresh token (id %1), expires %2. It can mint new tokens; shown once:")
                            .arg(created.refreshId,
                                created.refreshExpires ? CliOutput::isoText(created.refreshExpires) : tr_("never")));
                    out.line(created.refreshValue);
                }
                for (const QString &note : created.notes)
                    out.line(tr_("Note: %1").arg(note));
            }
            done.finish(0);
        });
    });
}

QFuture<int> CliCommands::show(const QStringList &words)
{
    CliArguments args;
    if (!parse(words, {}, &args, 2, 2, QStringLiteral("show ACCOUNT ID|current [--json]")))
        return CliFuture::ready(2);
    const QString id = args.positionals.at(1);
    return withSession(args.positionals.first(), [this, id](AccountSession *session, const Completion &done) {
        TokenProvider *provider = session->provider();
        const Clock &clock = *Clock::system();
        auto printToken = [this, &clock](const Token &token) {
            if (m_app->jsonOutput()) {
                m_app->out().json(tokenJson(token, clock));
                return;
            }
            m_app->out().fields({{tr_("ID"), token.id}, {tr_("Name"), token.label}, {tr_("Kind"), token.kind},
                {tr_("Subject"), token.subject.isEmpty() ? QStringLiteral("-") : token.subject},
                {tr_("Created"), CliOutput::isoText(token.created)}, {tr_("Expires"), expiryText(token, clock)},
                {tr_("Remaining"), remainingText(token, clock)},
                {tr_("Status"), Token::statusName(token.status(clock))}});
        };
        if (id == QLatin1String("current")) {
            if (provider->can(TokenProvider::Capability::InspectCurrent)) {
                Async::then(provider->inspectCurrent(), this, [this, done](Result<TokenInspection> result) {
                    if (!result.ok()) {
                        done.finish(fail(result.error()));
                        return;
                    }
                    if (m_app->jsonOutput()) {
                        QJsonObject object;
                        object.insert(QStringLiteral("claims"), QJsonObject::fromVariantMap(result->claims));
                        object.insert(QStringLiteral("expires_at"), CliOutput::isoOrNull(result->expires));
                        m_app->out().json(object);
                    } else {
                        m_app->out().lines(jsonText(QJsonObject::fromVariantMap(result->claims)));
                        m_app->out().fields({{tr_("Expires"), CliOutput::isoText(result->expires)}});
                    }
                    done.finish(0);
                });
                return;
            }
            const std::optional<Token> current = provider->credentialToken();
            if (!current) {
                done.finish(fail(4, tr_("this account has no current credential token to show")));
                return;
            }
            printToken(*current);
            done.finish(0);
            return;
        }
        auto details = [this, session, provider, done, printToken](const Token &token) {
            if (!provider->can(TokenProvider::Capability::Details)) {
                printToken(token);
                done.finish(0);
                return;
            }
            Async::then(session->details(token), this, [this, done, printToken](Result<Token> result) {
                if (!result.ok()) {
                    done.finish(fail(result.error()));
                    return;
                }
                printToken(result.value());
                done.finish(0);
            });
        };
        if (!provider->can(TokenProvider::Capability::List)) {
            Token token;
            token.id = id;
            token.accountId = session->account().id;
            details(token);
            return;
        }
        Async::then(session->refresh(), this, [this, id, done, details](Result<QList<Token>> result) {
            if (!result.ok()) {
                done.finish(fail(result.error()));
                return;
            }
            for (const Token &token : result.value()) {
                if (token.id == id) {
                    details(token);
                    return;
                }
            }
            done.finish(fail(4, tr_("no token with id \"%1\" in this account").arg(id)));
        });
    });
}

void CliCommands::revokeNext(
    AccountSession *session, QList<Token> queue, QJsonArray results, int firstFailure, const Completion &done)
{
    if (queue.isEmpty()) {
        if (m_app->jsonOutput())
            m_app->out().json(results);
        done.finish(firstFailure);
        return;
    }
    const Token token = queue.takeFirst();
    auto record = [this, session, queue, results, firstFailure, done, id = token.id, name = token.label](
                      const ApiError &error) {
        QJsonArray all = results;
        int failure = firstFailure;
        QJsonObject object;
        object.insert(QStringLiteral("id"), id);
        object.insert(QStringLiteral("ok"), error.isNone());
        object.insert(QStringLiteral("error"), error.isNone() ? QJsonValue(QJsonValue::Null) : error.fullMessage());
        all.append(object);
        if (error.isNone()) {
            if (!m_app->jsonOutput())
                m_app->out().line(
                    name.isEmpty() ? tr_("Revoked %1").arg(id) : tr_("Revoked %1 (\"%2\")").arg(id, name));
        } else {
            const int code = m_app->out().fail(error.exitCode(), tr_("%1: %2").arg(id, error.fullMessage()));
            if (failure == 0)
                failure = code;
        }
        revokeNext(session, queue, all, failure, done);
    };
    Async::then(session->revoke(token), this,
        [record](Result<Done> result) { record(result.ok() ? ApiError() : result.error()); });
}

QFuture<int> CliCommands::revoke(const QStringList &words)
{
    CliArguments args;
    const CliArguments::Spec spec = {{QStringLiteral("uid"), Arity::Value}, {QStringLiteral("user"), Arity::Value}};
    const QString synopsis = QStringLiteral("revoke ACCOUNT ID... [--uid SUBJECT] [--user USER_ID] [--json]");
    if (!parse(words, spec, &args, 1, -1, synopsis))
        return CliFuture::ready(2);
    const QStringList ids = args.positionals.mid(1);
    const QString uid = args.value(QStringLiteral("uid"));
    if (ids.isEmpty() && uid.isEmpty())
        return CliFuture::ready(fail(2, tr_("usage: tokendesk-cli %1").arg(synopsis)));
    const QString user = args.value(QStringLiteral("user"));
    return withSession(
        args.positionals.first(), [this, ids, uid, user](AccountSession *session, const Completion &done) {
            if (!uid.isEmpty()) {
                Async::then(
                    session->revokeAllForSubject(uid), this, [this, uid, ids, done, session](Result<Done> result) {
                        const ApiError error = result.ok() ? ApiError() : result.error();
                        QJsonArray results;
                        QJsonObject object;
                        object.insert(QStringLiteral("id"), uid);
                        object.insert(QStringLiteral("ok"), result.ok());
                        object.insert(
                            QStringLiteral("error"), result.ok() ? QJsonValue(QJsonValue::Null) : error.fullMessage());
                        results.append(object);
                        int code = 0;
                        if (result.ok()) {
                            if (!m_app->jsonOutput())
                                m_app->out().line(tr_("Revoked every token of %1").arg(uid));
                        } else {
                            code = m_app->out().fail(error.exitCode(), tr_("%1: %2").arg(uid, error.fullMessage()));
                        }
                        QList<Token> queue;
                        for (const QString &id : ids) {
                            Token token;
                            token.id = id;
                            token.accountId = session->account().id;
                            queue.append(token);
                        }
                        revokeNext(session, queue, results, code, done);
                    });
                return;
            }
            // The revoke sends the operation the user named, with the id given: a user token's discard when
            // --user is given, else the account's own kind of token. The listing only lends the token's name
            // (and its kind where the service tells); it is never a gate, because a list can be incomplete
            // (page cap, a next-page link to another host, a failed page) while the DELETE takes the id directly.
            auto start = [this, session, ids, user, done](const QList<Token> &known) {
                QList<Token> queue;
                for (const QString &id : ids) {
                    Token token;
                    token.id = id;
                    token.subject = user;
                    if (!user.isEmpty())
                        token.kind = QStringLiteral("user");
                    token.accountId = session->account().id;
                    for (const Token &candidate : known) {
                        if (candidate.id == id) {
                            token = candidate;
                            break;
                        }
                    }
                    queue.append(token);
                }
                revokeNext(session, queue, {}, 0, done);
            };
            if (!session->provider()->can(TokenProvider::Capability::List)) {
                start({});
                return;
            }
            ListRequest request;
            request.subject = user;
            Async::then(session->refresh(request), this,
                [start](Result<QList<Token>> result) { start(result.ok() ? result.value() : QList<Token>()); });
        });
}

QFuture<int> CliCommands::login(const QStringList &words)
{
    CliArguments args;
    if (!parse(words, {{QStringLiteral("passcode"), Arity::Value}, {QStringLiteral("passcode-stdin"), Arity::Flag}},
            &args, 1, 1, QStringLiteral("login ACCOUNT [--passcode-stdin | --passcode CODE]")))
        return CliFuture::ready(2);
    QString passcode = args.value(QStringLiteral("passcode"));
    if (args.has(QStringLiteral("passcode-stdin"))) {
        // The passcode is a secret: read it from the first line of stdin rather than argv.
        if (args.has(QStringLiteral("passcode")))
            return CliFuture::ready(fail(2, tr_("--passcode and --passcode-stdin cannot both be given")));
        if (m_app->hasStdinSecrets())
            return CliFuture::ready(
                fail(2, tr_("--passcode-stdin cannot be combined with --secrets-stdin or --password-stdin")));
        QByteArray data;
        if (!CliApplication::readStdin(&data, 4096))
            return CliFuture::ready(fail(2, tr_("--passcode-stdin: stdin could not be read or is too large")));
        passcode = QString::fromUtf8(data.split('\n').value(0)).trimmed();
        ProcessHardening::wipe(data);
        if (passcode.isEmpty())
            return CliFuture::ready(fail(2, tr_("--passcode-stdin: no passcode on stdin")));
    }
    return withSession(args.positionals.first(), [this, passcode](AccountSession *session, const Completion &done) {
        m_signInHint.clear(); // a refused login is not answered with "sign in"
        TokenProvider *provider = session->provider();
        const QString name = session->account().name;
        if (!provider->can(TokenProvider::Capability::SignIn)) {
            // Providers without sign-in authenticate every call: check the credentials with a list.
            Async::then(session->refresh(), this, [this, done, name](Result<QList<Token>> result) {
                if (!result.ok()) {
                    done.finish(fail(result.error()));
                    return;
                }
                if (!m_app->jsonOutput())
                    m_app->out().line(tr_("The credentials of \"%1\" work.").arg(name));
                done.finish(0);
            });
            return;
        }
        auto signedIn = [this, session, done, name](const SignInResult &result) {
            // A session this process obtained either outlives it in the keychain (the account keeps sessions and
            // a keychain is there) or is ended before the process exits: never left live and forgotten.
            const bool kept =
                session->provider()->keepsSession() && m_app->secrets()->state() != SecretStore::State::MemoryOnly;
            const std::optional<QDateTime> expires =
                result.session ? result.session->expires : std::optional<QDateTime>();
            if (kept) {
                if (!m_app->jsonOutput()) {
                    QString text = tr_("Signed in to \"%1\". The session is kept in the keychain").arg(name);
                    text += expires ? tr_(" and expires %1.").arg(CliOutput::isoText(expires)) : tr_(".");
                    m_app->out().line(text);
                }
                done.finish(0);
                return;
            }
            Async::then(session->signOut(), this, [this, done, name, expires](Result<Done> ended) {
                if (!ended.ok()) {
                    done.finish(fail(ended.error().exitCode() == 0 ? 1 : ended.error().exitCode(),
                        tr_("signed in to \"%1\", but the session could not be ended before exit (%2); it may stay "
                            "valid until %3")
                            .arg(name, ended.error().fullMessage(),
                                expires ? CliOutput::isoText(expires) : tr_("it expires"))));
                    return;
                }
                if (!m_app->jsonOutput())
                    m_app->out().line(tr_("Signed in to \"%1\": the credentials work. The account does not keep "
                                          "sessions, so the session was ended before exit (the server accepted its "
                                          "revocation).")
                                          .arg(name));
                done.finish(0);
            });
        };
        Async::then(session->signIn(), this, [this, session, passcode, done, signedIn](Result<SignInResult> result) {
            if (!result.ok()) {
                done.finish(fail(result.error()));
                return;
            }
            if (!result->mfaRequired) {
                signedIn(result.value());
                return;
            }
            QString code = passcode;
            if (code.isEmpty()) {
                if (!CliApplication::stdinIsTerminal() || m_app->hasStdinSecrets()) {
                    done.finish(fail(3, tr_("MFA passcode required (pipe it with --passcode-stdin)")));
                    return;
                }
                m_app->out().note(tr_("MFA passcode: "));
                char buffer[64] = {};
                if (!std::fgets(buffer, sizeof buffer, stdin)) {
                    done.finish(fail(3, tr_("MFA passcode required")));
                    return;
                }
                code = QString::fromUtf8(buffer).trimmed();
                session->provider()->api()->setDeadline(m_app->restartDeadline());
            }
            Async::then(
                session->submitMfa(result->challenge, code), this, [this, done, signedIn](Result<SignInResult> mfa) {
                    if (!mfa.ok()) {
                        done.finish(fail(mfa.error()));
                        return;
                    }
                    if (mfa->mfaRequired) {
                        const QString message = mfa->challenge.message;
                        done.finish(fail(3, message.isEmpty() ? tr_("the MFA passcode was refused") : message));
                        return;
                    }
                    signedIn(mfa.value());
                });
        });
    });
}

QFuture<int> CliCommands::logout(const QStringList &words)
{
    CliArguments args;
    if (!parse(words, {{QStringLiteral("token-stdin"), Arity::Flag}}, &args, 1, 1,
            QStringLiteral("logout ACCOUNT [--token-stdin]")))
        return CliFuture::ready(2);
    QString tokenValue;
    if (args.has(QStringLiteral("token-stdin"))) {
        if (m_app->hasStdinSecrets())
            return CliFuture::ready(fail(2, tr_("--token-stdin and --secrets-stdin cannot both read stdin")));
        QByteArray data;
        if (!CliApplication::readStdin(&data, Jwt::MaxInputBytes + 2))
            return CliFuture::ready(fail(1, tr_("the token on stdin is too large")));
        tokenValue = QString::fromUtf8(data).trimmed();
        if (tokenValue.isEmpty())
            return CliFuture::ready(fail(2, tr_("--token-stdin: no token on stdin")));
    }
    return withSession(args.positionals.first(), [this, tokenValue](AccountSession *session, const Completion &done) {
        const QString name = session->account().name;
        const TokenProvider::Capability needed =
            tokenValue.isEmpty() ? TokenProvider::Capability::SignOut : TokenProvider::Capability::Logout;
        if (!session->provider()->can(needed)) {
            done.finish(fail(ApiError(ApiError::Kind::NotSupported,
                tokenValue.isEmpty() ? tr_("this account has no session to sign out of")
                                     : tr_("this account cannot log out a token"))));
            return;
        }
        if (tokenValue.isEmpty() && !session->provider()->isSignedIn()) {
            // Nothing is sent, so nothing is claimed: exit 4 (not found), as documented.
            done.finish(fail(4, tr_("not signed in to \"%1\": there is no session to sign out of").arg(name)));
            return;
        }
        QFuture<Result<Done>> future = tokenValue.isEmpty() ? session->signOut() : session->logoutToken(tokenValue);
        Async::then(future, this, [this, done, name, byToken = !tokenValue.isEmpty()](Result<Done> result) {
            if (!result.ok()) {
                done.finish(fail(result.error()));
                return;
            }
            if (!m_app->jsonOutput())
                m_app->out().line(byToken ? tr_("The token was logged out.") : tr_("Signed out of \"%1\".").arg(name));
            done.finish(0);
        });
    });
}

// `svix ACCOUNT dashboard-access --app APP` and `svix ACCOUNT exchange-one-time-token` (the one-time token on
// stdin, never an argument): the token (and link) printed once, as create does.
QFuture<int> CliCommands::svix(const QStringList &words)
{
    const QString synopsis = QStringLiteral(
        "svix ACCOUNT dashboard-access --app APP_ID | svix ACCOUNT exchange-one-time-token (token on stdin)");
    CliArguments args;
    if (!parse(words, {{QStringLiteral("app"), Arity::Value}}, &args, 2, 2, synopsis))
        return CliFuture::ready(2);
    const QString operation = args.positionals.at(1);
    const bool dashboard = operation == QLatin1String("dashboard-access");
    if (!dashboard && operation != QLatin1String("exchange-one-time-token"))
        return CliFuture::ready(fail(2, tr_("usage: tokendesk-cli %1").arg(synopsis)));
    const QString app = args.value(QStringLiteral("app")).trimmed();
    if (dashboard && app.isEmpty())
        return CliFuture::ready(fail(2, tr_("dashboard-access needs --app APP_ID")));
    QString oneTime;
    if (!dashboard) {
        if (m_app->hasStdinSecrets())
            return CliFuture::ready(fail(2, tr_("the one-time token is read from stdin, which --secrets-stdin used")));
        QByteArray data;
        if (!CliApplication::readStdin(&data, 64 * 1024))
            return CliFuture::ready(fail(1, tr_("the token on stdin is too large")));
        oneTime = QString::fromUtf8(data).trimmed();
        if (oneTime.isEmpty())
            return CliFuture::ready(fail(2, tr_("no one-time token on stdin")));
    }
    return withSession(
        args.positionals.first(), [this, dashboard, app, oneTime](AccountSession *session, const Completion &done) {
            auto *provider = qobject_cast<SvixProvider *>(session->provider());
            if (!provider) {
                done.finish(fail(ApiError(ApiError::Kind::NotSupported, tr_("this is not a Svix account"))));
                return;
            }
            auto print = [this, done](const QString &value, const QString &link) {
                if (m_app->jsonOutput()) {
                    QJsonObject object;
                    object.insert(QStringLiteral("token"), value);
                    if (!link.isEmpty())
                        object.insert(QStringLiteral("link"), link);
                    m_app->out().json(object);
                } else {
                    m_app->out().line(tr_("The value is shown once:"));
                    m_app->out().line(value);
                    if (!link.isEmpty())
                        m_app->out().line(tr_("Link: %1").arg(link));
                }
                done.finish(0);
            };
            if (dashboard) {
                Async::then(
                    provider->dashboardAccess(app), this, [this, session, app, done, print](Result<CreatedToken> r) {
                        session->audit(QStringLiteral("dashboard-access"), app, r.ok() ? ApiError() : r.error());
                        if (!r.ok())
                            done.finish(fail(r.error()));
                        else
                            print(r.value().value, r.value().link);
                    });
                return;
            }
            Async::then(provider->exchangeOneTimeToken(oneTime), this, [this, session, done, print](Result<QString> r) {
                session->audit(QStringLiteral("exchange-one-time-token"), QString(), r.ok() ? ApiError() : r.error());
                if (!r.ok())
                    done.finish(fail(r.error()));
                else
                    print(r.value(), QString());
            });
        });
}

QFuture<int> CliCommands::verify(const QStringList &words)
{
    // Verify after revoke: does the server still accept this token value? The value comes from stdin
    // only (a --token option never gets here: CliApplication refuses secrets on the command line), is used for
    // the one call and wiped; exit 0 when the server rejects it, 1 when it accepts it or cannot tell.
    CliArguments args;
    const QString synopsis = QStringLiteral("verify ACCOUNT --token-stdin");
    if (!parse(words, {{QStringLiteral("token-stdin"), Arity::Flag}}, &args, 1, 1, synopsis))
        return CliFuture::ready(2);
    if (!args.has(QStringLiteral("token-stdin")))
        return CliFuture::ready(fail(2, tr_("verify reads the token from stdin: use --token-stdin")));
    if (m_app->hasStdinSecrets())
        return CliFuture::ready(fail(2, tr_("--token-stdin and --secrets-stdin cannot both read stdin")));
    QByteArray data;
    if (!CliApplication::readStdin(&data, Jwt::MaxInputBytes + 2)) {
        data.fill('\0');
        return CliFuture::ready(fail(1, tr_("the token on stdin is too large")));
    }
    auto tokenValue = std::make_shared<QString>(QString::fromUtf8(data).trimmed());
    data.fill('\0');
    if (tokenValue->isEmpty())
        return CliFuture::ready(fail(2, tr_("--token-stdin: no token on stdin")));
    return withSession(args.positionals.first(), [this, tokenValue](AccountSession *session, const Completion &done) {
        TokenProvider *provider = session->provider();
        if (!provider->can(TokenProvider::Capability::VerifyValue)) {
            tokenValue->fill(QLatin1Char('\0'));
            done.finish(fail(ApiError(ApiError::Kind::NotSupported,
                tr_("this account's service cannot check whether it still accepts a token"))));
            return;
        }
        QFuture<Result<TokenValueCheck>> future = provider->checkTokenValue(*tokenValue);
        tokenValue->fill(QLatin1Char('\0'));
        Async::then(future, this, [this, done](Result<TokenValueCheck> result) {
            if (!result.ok()) {
                done.finish(fail(result.error()));
                return;
            }
            const TokenValueCheck &check = result.value();
            const bool rejected = check.verdict == TokenValueCheck::Verdict::Rejected;
            if (m_app->jsonOutput()) {
                QJsonObject object;
                object.insert(QStringLiteral("verdict"),
                    rejected ? QStringLiteral("rejected")
                             : (check.verdict == TokenValueCheck::Verdict::Accepted ? QStringLiteral("accepted")
                                                                                    : QStringLiteral("unknown")));
                object.insert(QStringLiteral("token_id"), textOrNull(check.tokenId));
                object.insert(QStringLiteral("detail"), textOrNull(check.detail));
                m_app->out().json(object);
            } else if (rejected) {
                m_app->out().line(tr_("rejected by the server"));
            } else if (check.verdict == TokenValueCheck::Verdict::Accepted) {
                m_app->out().line(tr_("still accepted by the server: %1").arg(check.detail));
            } else {
                m_app->out().line(tr_("not sure: %1").arg(check.detail));
            }
            done.finish(rejected ? 0 : 1);
        });
    });
}

QFuture<int> CliCommands::revokeAll(const QStringList &words)
{
    CliArguments args;
    const CliArguments::Spec spec = {{QStringLiteral("app"), Arity::Value}, {QStringLiteral("grace"), Arity::Value},
        {QStringLiteral("session"), Arity::Repeated}, {QStringLiteral("dry-run"), Arity::Flag}};
    const QString synopsis =
        QStringLiteral("revoke-all ACCOUNT --app APP_ID [--grace 60s] [--session S]... [--dry-run]");
    if (!parse(words, spec, &args, 1, 1, synopsis))
        return CliFuture::ready(2);
    if (args.value(QStringLiteral("app")).isEmpty())
        return CliFuture::ready(fail(2, tr_("usage: tokendesk-cli %1").arg(synopsis)));
    ExpireAllRequest request;
    request.appId = args.value(QStringLiteral("app"));
    request.sessionIds = args.values(QStringLiteral("session"));
    if (args.has(QStringLiteral("grace"))) {
        QString error;
        const std::optional<double> seconds = Duration::parseSeconds(args.value(QStringLiteral("grace")), &error);
        if (!seconds || *seconds < 0)
            return CliFuture::ready(fail(2, tr_("--grace: %1").arg(error.isEmpty() ? tr_("not a duration") : error)));
        request.graceSeconds = qint64(*seconds);
    }
    const bool dryRun = args.has(QStringLiteral("dry-run"));
    return withSession(
        args.positionals.first(), [this, request, dryRun](AccountSession *session, const Completion &done) {
            if (!session->provider()->can(TokenProvider::Capability::ExpireAll)) {
                done.finish(fail(ApiError(ApiError::Kind::NotSupported, tr_("this account cannot expire all tokens"))));
                return;
            }
            auto describe = [this, request](bool wouldRun, bool ok) {
                if (m_app->jsonOutput()) {
                    QJsonObject object;
                    object.insert(QStringLiteral("app"), request.appId);
                    object.insert(QStringLiteral("grace_seconds"), request.graceSeconds);
                    object.insert(QStringLiteral("sessions"), QJsonArray::fromStringList(request.sessionIds));
                    object.insert(QStringLiteral("dry_run"), wouldRun);
                    object.insert(QStringLiteral("ok"), ok);
                    m_app->out().json(object);
                    return;
                }
                const QString scope = request.sessionIds.isEmpty()
                    ? tr_("every token of application %1").arg(request.appId)
                    : tr_("the tokens of sessions %1 of application %2")
                          .arg(request.sessionIds.join(QStringLiteral(", ")), request.appId);
                const QString grace = Duration::format(request.graceSeconds);
                m_app->out().line(wouldRun ? tr_("Would expire %1 after a grace period of %2.").arg(scope, grace)
                                           : tr_("Expired %1 (grace period %2).").arg(scope, grace));
            };
            if (dryRun) {
                describe(true, true);
                done.finish(0);
                return;
            }
            Async::then(session->expireAll(request), this, [this, done, describe](Result<Done> result) {
                if (!result.ok()) {
                    const ApiError &error = result.error();
                    if (error.fieldErrors().isEmpty()) {
                        done.finish(fail(error));
                        return;
                    }
                    // Field errors (local checks or a server's 422) name the option: expiry is the grace period.
                    QStringList parts;
                    for (const FieldError &field : error.fieldErrors()) {
                        QString flag = field.field;
                        if (flag == QLatin1String("expiry"))
                            flag = QStringLiteral("grace");
                        else if (flag == QLatin1String("session_ids"))
                            flag = QStringLiteral("session");
                        else if (flag == QLatin1String("app_id"))
                            flag = QStringLiteral("app");
                        parts.append(
                            flag.isEmpty() ? field.message : QStringLiteral("--%1: %2").arg(flag, field.message));
                    }
                    done.finish(fail(error.exitCode(), parts.join(QStringLiteral("; "))));
                    return;
                }
                describe(false, true);
                done.finish(0);
            });
        });
}

QFuture<int> CliCommands::audit(const QStringList &words)
{
    CliArguments args;
    const CliArguments::Spec spec = {{QStringLiteral("since"), Arity::Value}, {QStringLiteral("until"), Arity::Value},
        {QStringLiteral("account"), Arity::Value}, {QStringLiteral("action"), Arity::Value},
        {QStringLiteral("outcome"), Arity::Value}, {QStringLiteral("csv"), Arity::Flag}};
    const QString usage = QStringLiteral("audit [--since TIME|DURATION] [--until TIME|DURATION] [--account NAME|ID] "
                                         "[--action ACTION] [--outcome success|failure] [--csv]");
    if (!parse(words, spec, &args, 0, 0, usage))
        return CliFuture::ready(2);
    // An ISO 8601 time or date ("2026-05-04T08:00:00Z", "2026-05-04"; local time without an offset), or a
    // duration back from now ("24h", "7 days", "1h30m").
    const auto timeOf = [](const QString &text) -> std::optional<QDateTime> {
        QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
        if (!time.isValid())
            time = QDateTime::fromString(text, Qt::ISODate);
        if (!time.isValid()) {
            const QDate date = QDate::fromString(text, Qt::ISODate);
            if (date.isValid())
                time = date.startOfDay();
        }
        if (!time.isValid()) {
            const std::optional<double> seconds = Duration::parseSeconds(text);
            if (!seconds)
                return std::nullopt;
            time = Clock::system()->now().addMSecs(-qint64(*seconds * 1000));
        }
        return time.toUTC();
    };
    AuditFilter filter;
    for (const QString &bound : {QStringLiteral("since"), QStringLiteral("until")}) {
        if (!args.has(bound))
            continue;
        const std::optional<QDateTime> time = timeOf(args.value(bound));
        if (!time)
            return CliFuture::ready(
                fail(2, tr_("--%1 needs an ISO 8601 time or date, or a duration like 24h or \"7 days\"").arg(bound)));
        (bound == QLatin1String("since") ? filter.since : filter.until) = *time;
    }
    filter.action = args.value(QStringLiteral("action")).trimmed();
    filter.outcome = args.value(QStringLiteral("outcome")).trimmed().toLower();
    if (!filter.outcome.isEmpty() && filter.outcome != QLatin1String("success")
        && filter.outcome != QLatin1String("failure"))
        return CliFuture::ready(fail(2, tr_("--outcome must be success or failure")));
    // --account: a configured account (name or id), a bare id, or the name an entry was written with (accounts
    // removed since keep their entries).
    QString accountName;
    if (args.has(QStringLiteral("account"))) {
        const QString text = args.value(QStringLiteral("account"));
        if (const std::optional<Account> account = m_app->accounts().find(text))
            filter.accountId = account->id;
        else if (const QUuid id = QUuid::fromString(text); !id.isNull())
            filter.accountId = id;
        else
            accountName = text;
    }
    QString error;
    if (!m_app->openDatabase(&error))
        return CliFuture::ready(fail(1, error));
    QList<AuditEntry> entries = m_app->auditLog()->query(filter);
    if (!m_app->auditLog()->lastError().isEmpty())
        return CliFuture::ready(fail(1, tr_("cannot read the audit log: %1").arg(m_app->auditLog()->lastError())));
    if (!accountName.isEmpty()) {
        entries.removeIf(
            [&](const AuditEntry &entry) { return entry.accountName.compare(accountName, Qt::CaseInsensitive) != 0; });
    }
    if (args.has(QStringLiteral("csv"))) {
        m_app->out().raw(AuditLog::toCsv(entries));
        return CliFuture::ready(0);
    }
    if (m_app->jsonOutput()) {
        QJsonArray array;
        for (const AuditEntry &entry : entries) {
            QJsonObject object;
            object.insert(QStringLiteral("time"), CliOutput::isoOrNull(entry.time));
            object.insert(QStringLiteral("account_id"), entry.accountId.toString(QUuid::WithoutBraces));
            object.insert(QStringLiteral("account"), entry.accountName);
            object.insert(QStringLiteral("provider"), entry.providerId);
            object.insert(QStringLiteral("action"), entry.action);
            object.insert(QStringLiteral("target"), textOrNull(entry.target));
            object.insert(QStringLiteral("outcome"), entry.outcome);
            object.insert(QStringLiteral("detail"), textOrNull(entry.detail));
            object.insert(QStringLiteral("group"), textOrNull(entry.groupId));
            array.append(object);
        }
        m_app->out().json(array);
        return CliFuture::ready(0);
    }
    if (entries.isEmpty()) {
        m_app->out().line(tr_("No audit entries."));
        return CliFuture::ready(0);
    }
    QList<QStringList> rows;
    for (const AuditEntry &entry : entries)
        rows.append({CliOutput::isoText(entry.time), entry.accountName, entry.action,
            entry.target.isEmpty() ? QStringLiteral("-") : entry.target, entry.outcome, entry.detail});
    m_app->out().table(
        {tr_("TIME"), tr_("ACCOUNT"), tr_("ACTION"), tr_("TARGET"), tr_("OUTCOME"), tr_("DETAIL")}, rows);
    return CliFuture::ready(0);
}
