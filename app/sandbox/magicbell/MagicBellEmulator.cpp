#include "MagicBellEmulator.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMessageAuthenticationCode>
#include <QRandomGenerator>
#include <QUrlQuery>
#include <QUuid>

#include <cmath>

namespace {

const QString Project = QStringLiteral("project");
const QString User = QStringLiteral("user");

QByteArray base64Url(const QByteArray &data)
{
    return data.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QString queryValue(const QUrlQuery &query, const QString &name, const QString &olderName)
{
    if (query.hasQueryItem(name))
        return query.queryItemValue(name, QUrl::FullyDecoded);
    return query.queryItemValue(olderName, QUrl::FullyDecoded);
}

} // namespace

MagicBellEmulator::MagicBellEmulator(bool jwtRoutes)
    : m_jwtRoutes(jwtRoutes)
{
    m_secret.resize(32);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(m_secret.data()), 8);
    QByteArray projectKey(32, '\0');
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(projectKey.data()), 8);
    m_projectSecretKey = QString::fromLatin1(projectKey.toHex());
    m_demoTokenId = nextId();
}

std::unique_ptr<MagicBellEmulator> MagicBellEmulator::legacyInstance()
{
    auto emulator = std::make_unique<MagicBellEmulator>(true);
    emulator->m_id = QStringLiteral("magicbell-legacy");
    emulator->m_prefix = QStringLiteral("/magicbell-legacy/v2");
    return emulator;
}

SandboxResponse MagicBellEmulator::notFound(const QString &code, const QString &message) const
{
    if (m_bareNotFound)
        return SandboxResponse::text(404, "Not Found");
    return error(404, code, message);
}

QString MagicBellEmulator::nextId()
{
    static const QUuid ns(QStringLiteral("{5c1e8f2a-7d3b-4e6a-9b0c-2f4d6e8a1b3c}"));
    return QUuid::createUuidV5(ns, QStringLiteral("magicbell-sandbox-%1").arg(++m_counter))
        .toString(QUuid::WithoutBraces);
}

QString MagicBellEmulator::iso(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODate);
}

SandboxResponse MagicBellEmulator::error(int status, const QString &code, const QString &message)
{
    const QJsonObject entry {{QStringLiteral("code"), code}, {QStringLiteral("message"), message}};
    return SandboxResponse::json(status, {{QStringLiteral("errors"), QJsonArray {entry}}});
}

QString MagicBellEmulator::signJwt(const QJsonObject &claims) const
{
    const QJsonObject header {
        {QStringLiteral("alg"), QStringLiteral("HS256")}, {QStringLiteral("typ"), QStringLiteral("JWT")}};
    const QByteArray signingInput = base64Url(QJsonDocument(header).toJson(QJsonDocument::Compact)) + '.'
        + base64Url(QJsonDocument(claims).toJson(QJsonDocument::Compact));
    const QByteArray signature = QMessageAuthenticationCode::hash(signingInput, m_secret, QCryptographicHash::Sha256);
    return QString::fromLatin1(signingInput + '.' + base64Url(signature));
}

QString MagicBellEmulator::demoToken() const
{
    if (m_demoToken.isEmpty()) {
        const QDateTime issued = now();
        m_demoToken = signJwt(
            {{QStringLiteral("iss"), QStringLiteral("magicbell-sandbox")}, {QStringLiteral("jti"), m_demoTokenId},
                {QStringLiteral("type"), Project}, {QStringLiteral("project_id"), QString::fromLatin1(ProjectId)},
                {QStringLiteral("iat"), issued.toSecsSinceEpoch()},
                {QStringLiteral("exp"), issued.addDays(365).toSecsSinceEpoch()}});
    }
    return m_demoToken;
}

QJsonObject MagicBellEmulator::readyInfo(const QUrl &serverUrl) const
{
    QUrl base = serverUrl;
    base.setPath(prefix());
    return {{QStringLiteral("base_url"), base.toString()}, {QStringLiteral("token"), demoToken()},
        {QStringLiteral("provider"), QStringLiteral("magicbell")}, {QStringLiteral("legacy"), m_jwtRoutes},
        {QStringLiteral("secret_key"), m_projectSecretKey},
        {QStringLiteral("project_api_key"), QString::fromLatin1(DemoApiKey)},
        {QStringLiteral("user_email"), QString::fromLatin1(DemoUserEmail)},
        {QStringLiteral("user_external_id"), QString::fromLatin1(DemoUserExternalId)},
        {QStringLiteral("user_id"), QString::fromLatin1(DemoUserId)}};
}

int MagicBellEmulator::tokenCount(const QString &kind) const
{
    int count = 0;
    for (const StoredToken &token : m_tokens)
        count += token.kind == kind ? 1 : 0;
    return count;
}

bool MagicBellEmulator::isLive(const QString &tokenId) const
{
    for (const StoredToken &token : m_tokens) {
        if (token.id == tokenId)
            return !token.discarded;
    }
    return false;
}

QStringList MagicBellEmulator::projectTokenIds() const
{
    QStringList ids;
    for (const StoredToken &token : m_tokens) {
        if (token.kind == Project)
            ids.append(token.id);
    }
    return ids;
}

MagicBellEmulator::StoredToken &MagicBellEmulator::addToken(
    const QString &kind, const QString &name, const QDateTime &created, std::optional<qint64> expirySeconds)
{
    StoredToken token;
    token.id = nextId();
    token.kind = kind;
    token.name = name;
    token.created = created.toUTC();
    if (expirySeconds)
        token.expires = token.created.addSecs(*expirySeconds);
    m_tokens.append(token);
    return m_tokens.last();
}

void MagicBellEmulator::seedTokens(int count)
{
    static const qint64 lifetimes[] = {0, 3600, 30 * 86400, 600, 7 * 86400, 0, 90 * 86400, 86400};
    const QDateTime base = now();
    const int start = tokenCount(Project);
    for (int i = 0; i < count; ++i) {
        const qint64 life = lifetimes[i % int(std::size(lifetimes))];
        const QDateTime created = base.addSecs(-qint64(count - i) * 3600);
        StoredToken &token = addToken(Project, QStringLiteral("Seed token %1").arg(start + i + 1), created,
            life > 0 ? std::optional<qint64>(life) : std::nullopt);
        if (i % 10 == 9)
            token.discarded = created.addSecs(1800);
    }
    const QString names[] = {QStringLiteral("Hana's web app"), QStringLiteral("Hana's phone"), QString()};
    for (int i = 0; i < 3; ++i) {
        StoredToken &token = addToken(
            User, names[i], base.addSecs(-(3 - i) * 600), i == 1 ? std::optional<qint64>(86400) : std::nullopt);
        token.email = QString::fromLatin1(DemoUserEmail);
        token.externalId = QString::fromLatin1(DemoUserExternalId);
    }
}

void MagicBellEmulator::seedDemoTokens()
{
    const QDateTime base = now();
    addToken(Project, QStringLiteral("Production web app"), base.addDays(-20), 90 * 86400);
    addToken(Project, QStringLiteral("Staging"), base.addDays(-2), 7 * 86400);
    addToken(Project, QStringLiteral("Support dashboard"), base.addDays(-40), std::nullopt);
    StoredToken &old = addToken(Project, QStringLiteral("Old integration"), base.addDays(-60), 30 * 86400);
    old.discarded = base.addDays(-45);
    const QString names[] = {QStringLiteral("Hana's web app"), QStringLiteral("Hana's phone")};
    const qint64 lives[] = {30 * 86400, 3600};
    for (int i = 0; i < 2; ++i) {
        StoredToken &token = addToken(User, names[i], base.addSecs(-600), lives[i]);
        token.email = QString::fromLatin1(DemoUserEmail);
        token.externalId = QString::fromLatin1(DemoUserExternalId);
    }
}

QJsonObject MagicBellEmulator::tokenJson(const StoredToken &token)
{
    QJsonObject object {{QStringLiteral("id"), token.id},
        {QStringLiteral("name"), token.name.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(token.name)},
        {QStringLiteral("created_at"), iso(token.created)},
        {QStringLiteral("discarded_at"),
            token.discarded ? QJsonValue(iso(*token.discarded)) : QJsonValue(QJsonValue::Null)}};
    if (token.expires) // omitted when the token never expires
        object.insert(QStringLiteral("expires_at"), iso(*token.expires));
    return object;
}

std::optional<SandboxResponse> MagicBellEmulator::checkAuth(const SandboxRequest &request) const
{
    const QByteArray authorization = request.header("authorization");
    if (!authorization.startsWith("Bearer "))
        return error(401, QStringLiteral("unauthorized"), QStringLiteral("Provide a project JWT as a Bearer token."));
    const QByteArray token = authorization.mid(7).trimmed();
    const QList<QByteArray> parts = token.split('.');
    const auto refused = error(401, QStringLiteral("unauthorized"), QStringLiteral("The token is invalid or expired."));
    if (parts.size() != 3)
        return refused;
    const QByteArray expected = base64Url(
        QMessageAuthenticationCode::hash(QByteArray(parts[0] + '.' + parts[1]), m_secret, QCryptographicHash::Sha256));
    if (expected != parts[2])
        return refused;
    const QJsonObject claims = QJsonDocument::fromJson(
        QByteArray::fromBase64(parts[1], QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals))
                                   .object();
    const QJsonValue exp = claims.value(QLatin1String("exp"));
    if (exp.isDouble() && qint64(exp.toDouble()) <= now().toSecsSinceEpoch())
        return refused;
    const QString jti = claims.value(QLatin1String("jti")).toString();
    if (claims.value(QLatin1String("type")).toString() != Project)
        return error(403, QStringLiteral("forbidden"), QStringLiteral("This route needs a project token."));
    if (jti == m_demoTokenId)
        return std::nullopt;
    for (const StoredToken &stored : m_tokens) {
        if (stored.id == jti && stored.kind == Project)
            return stored.discarded ? std::optional<SandboxResponse>(refused) : std::nullopt;
    }
    return refused;
}

SandboxResponse MagicBellEmulator::handle(const SandboxRequest &request)
{
    const QString path = request.path;
    const bool jwtRoute = path == QLatin1String("/jwt") || path.startsWith(QLatin1String("/jwt/"));
    if (!jwtRoute || !m_jwtRoutes) // what a server without the routes answers: no MagicBell error body
        return SandboxResponse::text(404, "Not Found");
    if (const auto refused = checkAuth(request))
        return *refused;

    const QByteArray &method = request.method;
    const QString projectPrefix = QStringLiteral("/jwt/project/");
    const QString userPrefix = QStringLiteral("/jwt/user/");
    if (path == QLatin1String("/jwt/project") || path == QLatin1String("/jwt/project/")) {
        if (method == "GET") {
            QList<const StoredToken *> tokens;
            for (const StoredToken &token : m_tokens) {
                if (token.kind == Project)
                    tokens.append(&token);
            }
            return list(request, tokens);
        }
        if (method == "POST")
            return create(request, Project);
    } else if (path.startsWith(projectPrefix)) {
        if (method == "DELETE")
            return discard(Project, path.mid(projectPrefix.size()));
    } else if (path == QLatin1String("/jwt/user") || path == QLatin1String("/jwt/user/")) {
        if (method == "POST")
            return create(request, User);
    } else if (path.startsWith(userPrefix)) {
        // One URL template, two meanings: a user id for GET, a token id for DELETE.
        if (method == "GET")
            return listUser(request, path.mid(userPrefix.size()));
        if (method == "DELETE")
            return discard(User, path.mid(userPrefix.size()));
    } else {
        return error(404, QStringLiteral("not_found"), QStringLiteral("No such route."));
    }
    return error(405, QStringLiteral("method_not_allowed"), QStringLiteral("Method not allowed on this route."));
}

SandboxResponse MagicBellEmulator::list(const SandboxRequest &request, const QList<const StoredToken *> &tokens) const
{
    const QString limitText = queryValue(request.query, QStringLiteral("limit"), QStringLiteral("page[size]"));
    int limit = m_defaultLimit;
    if (!limitText.isEmpty()) {
        bool ok = false;
        limit = limitText.toInt(&ok);
        if (!ok || limit < 1)
            return error(422, QStringLiteral("invalid_limit"), QStringLiteral("limit must be a positive integer."));
        limit = qMin(limit, int(MaxLimit));
    }
    const QString after = queryValue(request.query, QStringLiteral("starting_after"), QStringLiteral("page[after]"));
    const QString before = queryValue(request.query, QStringLiteral("ending_before"), QStringLiteral("page[before]"));
    if (m_cursorPagesFail && (!after.isEmpty() || !before.isEmpty()))
        return SandboxResponse::text(404, "Not Found");
    auto indexOf = [&tokens](const QString &tokenId) -> qsizetype {
        for (qsizetype i = 0; i < tokens.size(); ++i) {
            if (tokens[i]->id == tokenId)
                return i;
        }
        return -1;
    };
    const qsizetype count = tokens.size();
    qsizetype start = 0;
    qsizetype end = qMin<qsizetype>(limit, count);
    if (!after.isEmpty()) {
        const qsizetype index = indexOf(after);
        if (index < 0)
            return error(422, QStringLiteral("invalid_cursor"), QStringLiteral("starting_after is not a token id."));
        start = index + 1;
        end = qMin<qsizetype>(start + limit, count);
    } else if (!before.isEmpty()) {
        const qsizetype index = indexOf(before);
        if (index < 0)
            return error(422, QStringLiteral("invalid_cursor"), QStringLiteral("ending_before is not a token id."));
        end = index;
        start = qMax<qsizetype>(0, end - limit);
    }

    QJsonArray data;
    for (qsizetype i = start; i < end; ++i)
        data.append(tokenJson(*tokens[i]));

    // Absolute links, built from the request URL's scheme, host, port and path; or, as a test hook, one of the
    // relative forms RFC 3986 allows (all schema-valid: links are plain strings).
    auto link = [this, &request, limit](const QString &cursorName, const QString &cursor) -> QString {
        QUrl url = request.url;
        QUrlQuery query;
        query.addQueryItem(QStringLiteral("limit"), QString::number(limit));
        if (!cursorName.isEmpty())
            query.addQueryItem(cursorName, cursor);
        url.setQuery(query);
        url.setFragment(QString());
        const QString queryText = QLatin1Char('?') + url.query(QUrl::FullyEncoded);
        switch (m_linkStyle) {
        case LinkStyle::AbsolutePath:
            return url.path(QUrl::FullyEncoded) + queryText;
        case LinkStyle::QueryOnly:
            return queryText;
        case LinkStyle::RelativePath: {
            const QString path = url.path(QUrl::FullyEncoded);
            return path.mid(path.lastIndexOf(QLatin1Char('/')) + 1) + queryText;
        }
        case LinkStyle::Absolute:
            break;
        }
        return url.toString(QUrl::FullyEncoded);
    };
    QJsonObject links {{QStringLiteral("first"), link(QString(), QString())}};
    links.insert(QStringLiteral("next"),
        end < count && end > start ? QJsonValue(link(QStringLiteral("starting_after"), tokens[end - 1]->id))
                                   : QJsonValue(QJsonValue::Null));
    links.insert(QStringLiteral("prev"),
        start > 0 && start < count ? QJsonValue(link(QStringLiteral("ending_before"), tokens[start]->id))
                                   : QJsonValue(QJsonValue::Null));
    return SandboxResponse::json(200, {{QStringLiteral("data"), data}, {QStringLiteral("links"), links}});
}

SandboxResponse MagicBellEmulator::listUser(const SandboxRequest &request, const QString &userId) const
{
    // Which id the route takes is not documented: the user's own id most likely (as /users/{user_id}); the
    // email and external id are accepted too, so that both readings can be tried against the sandbox.
    const bool demo = userId == QLatin1String(DemoUserId);
    bool known = demo || userId == QLatin1String(DemoUserEmail) || userId == QLatin1String(DemoUserExternalId);
    QList<const StoredToken *> tokens;
    for (const StoredToken &token : m_tokens) {
        if (token.kind == User && !userId.isEmpty()
            && (token.email == userId || token.externalId == userId
                || (demo && token.externalId == QLatin1String(DemoUserExternalId)))) {
            tokens.append(&token);
            known = true;
        }
    }
    if (!known)
        return notFound(QStringLiteral("user_not_found"), QStringLiteral("No user with this id."));
    return list(request, tokens);
}

SandboxResponse MagicBellEmulator::create(const SandboxRequest &request, const QString &kind)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(request.body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return error(400, QStringLiteral("invalid_json"), QStringLiteral("The body must be a JSON object."));
    const QJsonObject body = document.object();

    auto optionalString = [&body](const char *key, QString *out) {
        const QJsonValue value = body.value(QLatin1String(key));
        if (value.isUndefined() || value.isNull())
            return true;
        if (!value.isString())
            return false;
        *out = value.toString();
        return true;
    };
    QString name;
    QString email;
    QString externalId;
    if (!optionalString("name", &name))
        return error(422, QStringLiteral("invalid_name"), QStringLiteral("name must be a string."));
    if (kind == Project && name.trimmed().isEmpty())
        return error(422, QStringLiteral("name_required"), QStringLiteral("name is required."));
    if (name.size() > MaxNameLength)
        return error(422, QStringLiteral("name_too_long"), QStringLiteral("name must be at most 255 characters."));
    if (kind == User) {
        if (!optionalString("email", &email) || !optionalString("external_id", &externalId))
            return error(422, QStringLiteral("invalid_user"), QStringLiteral("email and external_id must be strings."));
        if (email.size() > MaxNameLength || externalId.size() > MaxNameLength)
            return error(422, QStringLiteral("user_too_long"),
                QStringLiteral("email and external_id must be at most 255 characters."));
        if (email.isEmpty() && externalId.isEmpty())
            return error(422, QStringLiteral("user_email_not_provided"),
                QStringLiteral("Provide the user's email or external_id."));
    }
    std::optional<qint64> expiry;
    const QJsonValue expiryValue = body.value(QLatin1String("expiry"));
    if (!expiryValue.isUndefined() && !expiryValue.isNull()) {
        const double seconds = expiryValue.toDouble(-1);
        if (!expiryValue.isDouble() || seconds < 1 || std::floor(seconds) != seconds || seconds > 1e12)
            return error(422, QStringLiteral("invalid_expiry"),
                QStringLiteral("expiry must be an integer number of seconds, at least 1."));
        expiry = qint64(seconds);
    }

    StoredToken &token = addToken(kind, name, now(), expiry);
    token.email = email;
    token.externalId = externalId;
    QJsonObject claims {{QStringLiteral("iss"), QStringLiteral("magicbell-sandbox")}, {QStringLiteral("jti"), token.id},
        {QStringLiteral("type"), kind}, {QStringLiteral("project_id"), QString::fromLatin1(ProjectId)},
        {QStringLiteral("iat"), token.created.toSecsSinceEpoch()}};
    if (token.expires)
        claims.insert(QStringLiteral("exp"), token.expires->toSecsSinceEpoch());
    if (!email.isEmpty())
        claims.insert(QStringLiteral("user_email"), email);
    if (!externalId.isEmpty())
        claims.insert(QStringLiteral("user_external_id"), externalId);

    QJsonObject reply {{QStringLiteral("token"), signJwt(claims)}, {QStringLiteral("token_id"), token.id},
        {QStringLiteral("created_at"), iso(token.created)},
        {QStringLiteral("expires_at"), token.expires ? QJsonValue(iso(*token.expires)) : QJsonValue(QJsonValue::Null)}};
    return SandboxResponse::json(201, reply);
}

SandboxResponse MagicBellEmulator::discard(const QString &kind, const QString &tokenId)
{
    for (StoredToken &token : m_tokens) {
        if (token.id != tokenId || token.kind != kind)
            continue;
        if (!token.discarded)
            token.discarded = now().toUTC();
        const QString answered = m_discardAnswerTokenId.isEmpty() ? token.id : m_discardAnswerTokenId;
        return SandboxResponse::json(
            200, {{QStringLiteral("token_id"), answered}, {QStringLiteral("discarded_at"), iso(*token.discarded)}});
    }
    return notFound(QStringLiteral("token_not_found"), QStringLiteral("No token with this id."));
}
