#include "TokenProvider.h"

#include "core/Clock.h"
#include "net/ApiClient.h"
#include "net/ProxyPolicy.h"

#include <QLoggingCategory>
#include <QSslCertificate>

#include <algorithm>

Q_LOGGING_CATEGORY(lcProvider, "tokendesk.provider")

TokenProvider::TokenProvider(const Account &account, const ProviderContext &context, QObject *parent)
    : QObject(parent)
    , m_account(account)
    , m_context(context)
    , m_api(new ApiClient(context.network, context.clock ? context.clock : Clock::system(), this))
{
    if (context.requestLog)
        m_api->setRequestLog(context.requestLog);
    m_api->setDeadline(context.deadline);
    applyAccountConnection();
    // Optional account option "timeout_seconds": the transfer timeout for a slow (or a test's faulty) server.
    bool ok = false;
    const int timeoutSeconds = account.options.value(QStringLiteral("timeout_seconds")).toInt(&ok);
    if (ok && timeoutSeconds > 0 && timeoutSeconds <= 600)
        m_api->setTransferTimeoutMs(timeoutSeconds * 1000);
}

void TokenProvider::setAccount(const Account &account)
{
    const auto connectionOf = [](const Account &a) {
        return QVariantList {a.options.value(QLatin1String(CaFileOption)),
            a.options.value(QLatin1String(AllowHttpOption)), a.options.value(QLatin1String(ProxyOption))};
    };
    const bool connectionChanged = connectionOf(account) != connectionOf(m_account);
    m_account = account;
    if (connectionChanged)
        applyAccountConnection();
}

void TokenProvider::applyAccountConnection()
{
    const QString caFile = m_account.options.value(QLatin1String(CaFileOption)).toString().trimmed();
    QList<QSslCertificate> certificates;
    if (!caFile.isEmpty()) {
        certificates = QSslCertificate::fromPath(caFile, QSsl::Pem, QSslCertificate::PatternSyntax::FixedString);
        if (certificates.isEmpty())
            qCWarning(lcProvider) << "no PEM certificate read from the CA file" << caFile << "of account"
                                  << m_account.name;
    }
    m_api->setExtraCaCertificates(certificates);
    m_api->setPlainHttpHost(m_account.options.value(QLatin1String(AllowHttpOption)).toString());
    QString problem;
    const std::optional<ProxyPolicy> proxy =
        ProxyPolicy::parse(m_account.options.value(QLatin1String(ProxyOption)).toString(), &problem);
    if (!proxy)
        qCWarning(lcProvider) << "account" << m_account.name << "has an unreadable proxy option; using the system's";
    m_api->setProxyPolicy(proxy.value_or(ProxyPolicy()));
}

TokenProvider::~TokenProvider()
{
    clearSecrets();
}

void TokenProvider::setSecret(const QString &field, const QString &value)
{
    if (value.isEmpty())
        m_secrets.remove(field);
    else
        m_secrets.insert(field, value);
}

QString TokenProvider::secret(const QString &field) const
{
    return m_secrets.value(field);
}

bool TokenProvider::hasSecret(const QString &field) const
{
    return !m_secrets.value(field).isEmpty();
}

void TokenProvider::clearSecrets()
{
    // Overwrite the characters before releasing them; QString shares data, so detach first.
    for (auto it = m_secrets.begin(); it != m_secrets.end(); ++it) {
        it.value().detach();
        it.value().fill(QLatin1Char('\0'));
    }
    m_secrets.clear();
}

bool TokenProvider::isSignedIn() const
{
    return true;
}

QFuture<Result<SignInResult>> TokenProvider::signIn()
{
    return notSupported<SignInResult>();
}

QFuture<Result<SignInResult>> TokenProvider::submitMfa(const MfaChallenge &, const QString &)
{
    return notSupported<SignInResult>();
}

QFuture<Result<Done>> TokenProvider::signOut()
{
    return notSupported<Done>();
}

std::optional<Token> TokenProvider::credentialToken() const
{
    return std::nullopt;
}

QFuture<Result<TokenInspection>> TokenProvider::inspectCurrent()
{
    return notSupported<TokenInspection>();
}

QFuture<Result<QList<Token>>> TokenProvider::listTokens(const ListRequest &)
{
    return notSupported<QList<Token>>();
}

QList<TokenKindSpec> TokenProvider::createKinds() const
{
    return {};
}

QList<FieldError> TokenProvider::validateCreate(const CreateRequest &request) const
{
    QList<FieldError> errors;
    const auto kinds = createKinds();
    auto kind =
        std::find_if(kinds.begin(), kinds.end(), [&](const TokenKindSpec &k) { return k.kind == request.kind; });
    if (kind == kinds.end()) {
        if (kinds.size() == 1)
            kind = kinds.begin();
        else
            return {{QStringLiteral("kind"), tr("Choose what kind of token to create.")}};
    }
    for (const FieldSpec &field : kind->fields) {
        const QString value = request.value(field.key).trimmed();
        if (field.required && value.isEmpty())
            errors.append({field.key, tr("%1 is required.").arg(field.label)});
        else if (field.maxLength > 0 && value.size() > field.maxLength)
            errors.append({field.key, tr("%1 is longer than %2 characters.").arg(field.label).arg(field.maxLength)});
    }
    return errors;
}

QFuture<Result<CreatedToken>> TokenProvider::createToken(const CreateRequest &)
{
    return notSupported<CreatedToken>();
}

QFuture<Result<Token>> TokenProvider::tokenDetails(const Token &)
{
    return notSupported<Token>();
}

QFuture<Result<Done>> TokenProvider::revokeToken(const Token &)
{
    return notSupported<Done>();
}

QFuture<Result<Done>> TokenProvider::revokeAllForSubject(const QString &)
{
    return notSupported<Done>();
}

QFuture<Result<Done>> TokenProvider::expireAll(const ExpireAllRequest &)
{
    return notSupported<Done>();
}

QFuture<Result<Done>> TokenProvider::logoutToken(const QString &)
{
    return notSupported<Done>();
}

std::optional<ApiError> TokenProvider::pastedValueError(const QString &trimmedValue)
{
    for (const QChar c : trimmedValue) {
        if (c.unicode() < 0x21 || c.unicode() > 0x7E) {
            return ApiError::invalidInput({{QStringLiteral("token"),
                tr("A token value has no spaces, line breaks or characters outside plain ASCII: paste one token.")}});
        }
    }
    return std::nullopt;
}

QFuture<Result<TokenValueCheck>> TokenProvider::checkTokenValue(const QString &)
{
    return readyResult(Result<TokenValueCheck>(
        ApiError(ApiError::Kind::NotSupported, tr("This service cannot check whether it still accepts a token."))));
}

const Clock &TokenProvider::clock() const
{
    return m_context.clock ? *m_context.clock : *Clock::system();
}

QUrl TokenProvider::endpoint(const QString &path) const
{
    return endpoint(m_account.baseUrl, path);
}

QUrl TokenProvider::endpoint(const QUrl &base, const QString &path)
{
    QUrl url = base;
    QString basePath = url.path();
    while (basePath.endsWith(QLatin1Char('/')))
        basePath.chop(1);
    QString relative = path;
    if (!relative.startsWith(QLatin1Char('/')))
        relative.prepend(QLatin1Char('/'));
    url.setPath(basePath + relative);
    url.setQuery(QString());
    url.setFragment(QString());
    return url;
}

QString TokenProvider::revokeCall(const Token &) const
{
    return {};
}

QString TokenProvider::revokeRefusal(const Token &) const
{
    return {};
}

std::optional<CreateRequest> TokenProvider::rotationRequest(const Token &, const QDateTime &, QString *refusal) const
{
    if (refusal)
        *refusal = tr("TokenDesk cannot rotate this kind of token on this service.");
    return std::nullopt;
}

std::optional<ExpireAllRequest> TokenProvider::rotationExpiry(const Token &, qint64) const
{
    return std::nullopt;
}

std::optional<qint64> TokenProvider::lifetimeOf(const Token &token)
{
    if (token.lifetimeSeconds && *token.lifetimeSeconds >= 1)
        return qRound64(*token.lifetimeSeconds);
    if (token.created && token.expires && *token.expires > *token.created)
        return token.created->secsTo(*token.expires);
    return std::nullopt;
}

QString TokenProvider::subjectLabel() const
{
    return tr("User (id, external id or email)");
}

QString TokenProvider::revokeAllCall(const QString &) const
{
    return {};
}

QString TokenProvider::expireAllCall(const ExpireAllRequest &) const
{
    return {};
}

bool TokenProvider::acceptsSubject(const QString &subject) const
{
    return can(Capability::RevokeAllForSubject) && !subject.trimmed().isEmpty();
}

QString TokenProvider::describeCall(const char *method, const QUrl &url)
{
    return QString::fromLatin1(method) + QLatin1Char(' ') + url.toString(QUrl::RemoveUserInfo);
}

QStringList TokenProvider::applicationIds() const
{
    return {};
}
