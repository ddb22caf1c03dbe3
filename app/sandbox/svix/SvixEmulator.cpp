#include "SvixEmulator.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>

namespace {

const QString ApiPrefix = QStringLiteral("/api/v1/auth/");

bool isSessionId(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("^[a-zA-Z0-9@_-]{1,64}$"));
    return pattern.match(text).hasMatch();
}

bool isFlag(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("^[a-zA-Z0-9\\-_.]{1,256}$"));
    return pattern.match(text).hasMatch();
}

bool isInteger(const QJsonValue &value)
{
    return value.isDouble() && std::floor(value.toDouble()) == value.toDouble();
}

const QStringList &capabilityNames()
{
    static const QStringList names = {QStringLiteral("ViewBase"), QStringLiteral("ViewEndpointSecret"),
        QStringLiteral("ManageEndpointSecret"), QStringLiteral("ManageTransformations"),
        QStringLiteral("CreateAttempts"), QStringLiteral("ManageEndpoint")};
    return names;
}

} // namespace

SvixEmulator::SvixEmulator(bool legacyRoutes, bool openSource)
    : m_apps {QStringLiteral("app_demo"), QStringLiteral("app_staging"), QStringLiteral("app_billing")}
    , m_legacyRoutes(legacyRoutes)
    , m_openSource(openSource)
{ }

QJsonObject SvixEmulator::readyInfo(const QUrl &serverUrl) const
{
    QUrl base = serverUrl;
    base.setPath(prefix());
    QJsonArray apps;
    for (const QString &app : m_apps)
        apps.append(app);
    return {{QStringLiteral("base_url"), base.toString()}, {QStringLiteral("api_key"), QString::fromLatin1(DemoApiKey)},
        {QStringLiteral("app_ids"), apps}};
}

QString SvixEmulator::iso(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

SandboxResponse SvixEmulator::error(int status, const QString &code, const QString &detail)
{
    return SandboxResponse::json(status, {{QStringLiteral("code"), code}, {QStringLiteral("detail"), detail}});
}

SandboxResponse SvixEmulator::validation(const QStringList &loc, const QString &msg, const QString &type)
{
    QJsonArray locArray;
    for (const QString &part : loc)
        locArray.append(part);
    const QJsonObject item {
        {QStringLiteral("loc"), locArray}, {QStringLiteral("msg"), msg}, {QStringLiteral("type"), type}};
    return SandboxResponse::json(422, {{QStringLiteral("detail"), QJsonArray {item}}});
}

QString SvixEmulator::randomString(int length)
{
    static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    QString out;
    out.reserve(length);
    for (int i = 0; i < length; ++i)
        out.append(QLatin1Char(alphabet[QRandomGenerator::global()->bounded(62)]));
    ++m_counter;
    return out;
}

bool SvixEmulator::authorized(const SandboxRequest &request) const
{
    return request.header("authorization") == QByteArray("Bearer ") + DemoApiKey;
}

SandboxResponse SvixEmulator::handle(const SandboxRequest &request)
{
    const QByteArray key = request.header("idempotency-key");
    if (request.method != "POST" || key.isEmpty())
        return route(request);

    // Cache key as in the OSS server: (Authorization, Idempotency-Key, full URI); the body is not part of it.
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(request.header("authorization"));
    hash.addData("\n");
    hash.addData(key);
    hash.addData("\n");
    hash.addData(request.url.toString(QUrl::FullyEncoded).toUtf8());
    const QByteArray cacheKey = hash.result();
    const QDateTime now = this->now();
    auto cached = m_idempotency.constFind(cacheKey);
    if (cached != m_idempotency.constEnd() && cached->stored.secsTo(now) < IdempotencyLifetimeSeconds) {
        ++m_replays;
        return cached->response;
    }
    SandboxResponse response = route(request);
    if (response.status >= 200 && response.status < 300) // non-2xx answers are not cached
        m_idempotency.insert(cacheKey, {response, now});
    return response;
}

SandboxResponse SvixEmulator::route(const SandboxRequest &request)
{
    QString path = request.path;
    while (path.size() > 1 && path.endsWith(QLatin1Char('/')))
        path.chop(1);
    if (!path.startsWith(ApiPrefix))
        return error(404, QStringLiteral("not_found"), QStringLiteral("Entity not found"));
    const QStringList parts = path.mid(ApiPrefix.size()).split(QLatin1Char('/'));

    enum class Op { None, Portal, ExpireAll, Message, Logout, OneTime, Dashboard };
    Op op = Op::None;
    QString appId;
    if (parts.size() == 2 && parts[0] == QLatin1String("app-portal-access")) {
        op = Op::Portal;
        appId = parts[1];
    } else if (parts.size() == 3 && parts[0] == QLatin1String("app") && parts[2] == QLatin1String("expire-all")) {
        op = Op::ExpireAll;
        appId = parts[1];
    } else if (parts.size() == 3 && parts[0] == QLatin1String("app")
        && parts[2] == QLatin1String("create-message-token")) {
        op = Op::Message;
        appId = parts[1];
    } else if (parts.size() == 1 && parts[0] == QLatin1String("logout")) {
        op = Op::Logout;
    } else if (m_legacyRoutes && parts.size() == 1 && parts[0] == QLatin1String("one-time-token")) {
        op = Op::OneTime;
    } else if (m_legacyRoutes && parts.size() == 2 && parts[0] == QLatin1String("dashboard-access")) {
        op = Op::Dashboard;
        appId = parts[1];
    }
    if (op == Op::None)
        return error(404, QStringLiteral("not_found"), QStringLiteral("Entity not found"));
    // The open-source server does not route these at all: 404 with an empty body.
    if (m_openSource && (op == Op::ExpireAll || op == Op::Message || op == Op::OneTime))
        return SandboxResponse::empty(404);
    if (request.method != "POST")
        return error(405, QStringLiteral("method_not_allowed"), QStringLiteral("Method Not Allowed"));

    if (op == Op::Logout && m_openSource)
        return error(
            501, QStringLiteral("not_implemented"), QStringLiteral("This API endpoint is not yet implemented."));
    if (op == Op::Logout)
        return logout(request);
    if (op == Op::OneTime)
        return oneTimeToken(request);
    if (!authorized(request))
        return error(
            401, QStringLiteral("authentication_failed"), QStringLiteral("Incorrect authentication credentials."));
    switch (op) {
    case Op::Portal:
        return portalAccess(request, appId);
    case Op::ExpireAll:
        return expireAll(request, appId);
    case Op::Message:
        return messageToken(request, appId);
    case Op::Dashboard:
        return dashboardAccess(appId);
    default:
        break;
    }
    return error(404, QStringLiteral("not_found"), QStringLiteral("Entity not found"));
}

namespace {

// The request body as an object, or a 422 response.
std::optional<QJsonObject> bodyObject(const QByteArray &body, SandboxResponse *failure)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (body.trimmed().isEmpty() || parseError.error != QJsonParseError::NoError || !document.isObject()) {
        QJsonArray loc {QStringLiteral("body")};
        const QJsonObject item {{QStringLiteral("loc"), loc},
            {QStringLiteral("msg"),
                body.trimmed().isEmpty() ? QStringLiteral("field required")
                                         : QStringLiteral("value is not a valid dict")},
            {QStringLiteral("type"),
                body.trimmed().isEmpty() ? QStringLiteral("value_error.missing") : QStringLiteral("type_error.dict")}};
        *failure = SandboxResponse::json(422, {{QStringLiteral("detail"), QJsonArray {item}}});
        return std::nullopt;
    }
    return document.object();
}

bool isAbsent(const QJsonValue &value)
{
    return value.isNull() || value.isUndefined();
}

} // namespace

std::optional<SandboxResponse> SvixEmulator::checkInteger(const QJsonValue &value, const QString &name, qint64 minimum,
    std::optional<qint64> maximum, std::optional<qint64> *out)
{
    if (isAbsent(value))
        return std::nullopt;
    const QStringList loc {QStringLiteral("body"), name};
    if (!isInteger(value))
        return validation(loc, QStringLiteral("value is not a valid integer"), QStringLiteral("type_error.integer"));
    const double number = value.toDouble();
    if (number < double(minimum))
        return validation(loc, QStringLiteral("ensure this value is greater than or equal to %1").arg(minimum),
            QStringLiteral("value_error.number.not_ge"));
    if (maximum && number > double(*maximum))
        return validation(loc, QStringLiteral("ensure this value is less than or equal to %1").arg(*maximum),
            QStringLiteral("value_error.number.not_le"));
    *out = qint64(number);
    return std::nullopt;
}

SandboxResponse SvixEmulator::badSessionId(const QStringList &loc)
{
    return validation(loc, QStringLiteral("string does not match regex \"^[a-zA-Z0-9@_-]+$\" (1 to 64 characters)"),
        QStringLiteral("value_error.str.regex"));
}

QString SvixEmulator::mintPortalToken(const QString &appId, const QString &sessionId, qint64 lifetimeSeconds)
{
    PortalToken token;
    token.token = QStringLiteral("appsk_") + randomString(32);
    token.appId = appId;
    token.sessionId = sessionId;
    token.expires = now().addSecs(lifetimeSeconds);
    m_portalTokens.append(token);
    ++m_minted;
    return token.token;
}

SandboxResponse SvixEmulator::portalAccess(const SandboxRequest &request, const QString &appId)
{
    SandboxResponse failure;
    const auto body = bodyObject(request.body, &failure);
    if (!body)
        return failure;

    std::optional<qint64> asked;
    const QJsonValue expiryValue = m_openSource ? QJsonValue() : body->value(QLatin1String("expiry"));
    if (const auto invalid = checkInteger(expiryValue, QStringLiteral("expiry"), 3600, 604800, &asked))
        return *invalid;
    qint64 expiry = asked.value_or(604800);
    QString sessionId;
    // The open-source server reads only featureFlags and application; the rest is ignored, not checked.
    const QJsonValue sessionValue = m_openSource ? QJsonValue() : body->value(QLatin1String("sessionId"));
    if (!isAbsent(sessionValue)) {
        sessionId = sessionValue.toString();
        if (!sessionValue.isString() || !isSessionId(sessionId))
            return badSessionId({QStringLiteral("body"), QStringLiteral("sessionId")});
    }
    const QJsonValue flags = body->value(QLatin1String("featureFlags"));
    if (!flags.isNull() && !flags.isUndefined()) {
        const QJsonArray array = flags.toArray();
        if (!flags.isArray() || array.isEmpty() || array.size() > 25)
            return validation({QStringLiteral("body"), QStringLiteral("featureFlags")},
                QStringLiteral("ensure this value has 1 to 25 items"), QStringLiteral("value_error.list.min_items"));
        for (qsizetype i = 0; i < array.size(); ++i)
            if (!array[i].isString() || !isFlag(array[i].toString()))
                return validation({QStringLiteral("body"), QStringLiteral("featureFlags"), QString::number(i)},
                    QStringLiteral("string does not match regex"), QStringLiteral("value_error.str.regex"));
    }
    const QJsonValue capabilities = m_openSource ? QJsonValue() : body->value(QLatin1String("capabilities"));
    if (!capabilities.isNull() && !capabilities.isUndefined()) {
        const QJsonArray array = capabilities.toArray();
        for (qsizetype i = 0; i < array.size(); ++i)
            if (!capabilityNames().contains(array[i].toString()))
                return validation({QStringLiteral("body"), QStringLiteral("capabilities"), QString::number(i)},
                    QStringLiteral("value is not a valid enumeration member"), QStringLiteral("type_error.enum"));
    }
    if (!m_apps.contains(appId)) {
        const QJsonObject application = body->value(QLatin1String("application")).toObject();
        if (application.value(QLatin1String("name")).toString().isEmpty())
            return error(404, QStringLiteral("not_found"), QStringLiteral("Application not found"));
        m_apps.append(appId);
    }
    if (m_openSource)
        expiry = OpenSourcePortalLifetimeSeconds;
    m_lastPortalLifetime = expiry;
    return portalAnswer(mintPortalToken(appId, sessionId, expiry));
}

SandboxResponse SvixEmulator::portalAnswer(const QString &token)
{
    if (m_openSource)
        return SandboxResponse::json(200,
            {{QStringLiteral("url"), QStringLiteral("https://docs.svix.com/app-portal/oss")},
                {QStringLiteral("token"), token}});
    const QString oneTime = QStringLiteral("otk_") + randomString(24);
    m_oneTimeTokens.insert(oneTime, token);
    m_lastOneTimeToken = oneTime;
    return SandboxResponse::json(200,
        {{QStringLiteral("url"), QString(QStringLiteral("https://app.svix.com/login#key=") + oneTime)},
            {QStringLiteral("token"), token}});
}

SandboxResponse SvixEmulator::expireAll(const SandboxRequest &request, const QString &appId)
{
    SandboxResponse failure;
    const auto body = bodyObject(request.body, &failure);
    if (!body)
        return failure;
    std::optional<qint64> asked;
    if (const auto invalid =
            checkInteger(body->value(QLatin1String("expiry")), QStringLiteral("expiry"), 0, 259200, &asked))
        return *invalid;
    const qint64 grace = asked.value_or(0);
    QStringList sessionIds;
    const QJsonValue sessions = body->value(QLatin1String("sessionIds"));
    if (!sessions.isNull() && !sessions.isUndefined()) {
        const QJsonArray array = sessions.toArray();
        if (!sessions.isArray() || array.size() > 1000)
            return validation({QStringLiteral("body"), QStringLiteral("sessionIds")},
                QStringLiteral("ensure this value has at most 1000 items"),
                QStringLiteral("value_error.list.max_items"));
        for (qsizetype i = 0; i < array.size(); ++i) {
            if (!array[i].isString() || !isSessionId(array[i].toString()))
                return badSessionId({QStringLiteral("body"), QStringLiteral("sessionIds"), QString::number(i)});
            sessionIds.append(array[i].toString());
        }
    }
    if (!m_apps.contains(appId))
        return error(404, QStringLiteral("not_found"), QStringLiteral("Application not found"));
    const QDateTime deadline = now().addSecs(grace);
    for (PortalToken &token : m_portalTokens) {
        if (token.appId != appId)
            continue;
        if (!sessionIds.isEmpty() && !sessionIds.contains(token.sessionId))
            continue;
        token.expires = std::min(token.expires, deadline);
    }
    return SandboxResponse::empty(204);
}

SandboxResponse SvixEmulator::logout(const SandboxRequest &request)
{
    const QByteArray authorization = request.header("authorization");
    const QByteArray bearer("Bearer ");
    const QString value =
        authorization.startsWith(bearer) ? QString::fromUtf8(authorization.mid(bearer.size())) : QString();
    const QDateTime now = this->now();
    for (PortalToken &token : m_portalTokens) {
        if (token.token != value)
            continue;
        if (token.loggedOut || token.expires <= now)
            break;
        token.loggedOut = true;
        return SandboxResponse::empty(204);
    }
    // The API key, unknown tokens, expired or already logged-out ones: "trying to log out other tokens will fail".
    return error(401, QStringLiteral("authentication_failed"), QStringLiteral("Incorrect authentication credentials."));
}

SandboxResponse SvixEmulator::messageToken(const SandboxRequest &request, const QString &appId)
{
    SandboxResponse failure;
    const auto body = bodyObject(request.body, &failure);
    if (!body)
        return failure;
    const QJsonValue name = body->value(QLatin1String("name"));
    if (!name.isString())
        return validation({QStringLiteral("body"), QStringLiteral("name")}, QStringLiteral("field required"),
            QStringLiteral("value_error.missing"));
    std::optional<qint64> expiry;
    if (const auto invalid =
            checkInteger(body->value(QLatin1String("expiry")), QStringLiteral("expiry"), 0, std::nullopt, &expiry))
        return *invalid;
    if (!m_apps.contains(appId))
        return error(404, QStringLiteral("not_found"), QStringLiteral("Application not found"));
    const QDateTime created = now();
    ++m_minted;
    QJsonObject out {{QStringLiteral("id"), QString(QStringLiteral("key_") + randomString(27))},
        {QStringLiteral("token"), QString(QStringLiteral("sk_msg_") + randomString(32))},
        {QStringLiteral("name"), name}, {QStringLiteral("createdAt"), iso(created)},
        {QStringLiteral("expiresAt"), expiry ? QJsonValue(iso(created.addSecs(*expiry))) : QJsonValue()},
        {QStringLiteral("scopes"), QJsonValue()}};
    return SandboxResponse::json(200, out);
}

SandboxResponse SvixEmulator::oneTimeToken(const SandboxRequest &request)
{
    SandboxResponse failure;
    const auto body = bodyObject(request.body, &failure);
    if (!body)
        return failure;
    const QJsonValue value = body->value(QLatin1String("oneTimeToken"));
    if (!value.isString())
        return validation({QStringLiteral("body"), QStringLiteral("oneTimeToken")}, QStringLiteral("field required"),
            QStringLiteral("value_error.missing"));
    const QString token = m_oneTimeTokens.take(value.toString()); // single use
    if (token.isEmpty())
        return error(
            401, QStringLiteral("authentication_failed"), QStringLiteral("Incorrect authentication credentials."));
    QJsonArray capabilities;
    for (const QString &name : capabilityNames())
        capabilities.append(name);
    return SandboxResponse::json(
        200, {{QStringLiteral("token"), token}, {QStringLiteral("capabilities"), capabilities}});
}

SandboxResponse SvixEmulator::dashboardAccess(const QString &appId)
{
    if (!m_apps.contains(appId))
        return error(404, QStringLiteral("not_found"), QStringLiteral("Application not found"));
    return portalAnswer(
        mintPortalToken(appId, QString(), m_openSource ? OpenSourcePortalLifetimeSeconds : qint64(604800)));
}
