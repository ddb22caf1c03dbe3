#include "SpecterEmulator.h"

#include "SpecterTimeParse.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QMessageAuthenticationCode>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QUuid>

#include <cmath>
#include <iterator>

namespace {

const QString TokenRoute = QStringLiteral("/api/v1alpha/token/");
const QString UnauthorizedMessage = QStringLiteral(
    "The server could not verify that you are authorized to access the URL requested. You either supplied the "
    "wrong credentials (e.g. a bad password), or your browser doesn't understand how to supply the credentials "
    "required.");
const QString GenericMessage = QStringLiteral("Can't tell you the reason of the issue. Please check the logs");

QJsonObject message(const QString &text)
{
    return {{QStringLiteral("message"), text}};
}

QByteArray base64Url(const QByteArray &data)
{
    return data.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

// Python's str() of a JSON scalar, as Flask-RESTful's reqparse `type=str` produces it.
std::optional<QString> pythonStr(const QJsonValue &value)
{
    if (value.isString())
        return value.toString();
    if (value.isBool())
        return value.toBool() ? QStringLiteral("True") : QStringLiteral("False");
    if (value.isDouble()) {
        const double number = value.toDouble();
        if (std::floor(number) == number && std::abs(number) < 1e15)
            return QString::number(qint64(number));
        return QString::number(number, 'g', QLocale::FloatingPointShortest);
    }
    return std::nullopt;
}

} // namespace

SpecterEmulator::SpecterEmulator()
{
    m_secret.resize(32);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(m_secret.data()), 32 / sizeof(quint32));
    addUser(QString::fromLatin1(DemoUser), QString::fromLatin1(DemoPassword), true);
}

QString SpecterEmulator::storedId(const QString &name)
{
    return name.toLower().replace(QLatin1Char(' '), QLatin1Char('_'));
}

void SpecterEmulator::addUser(const QString &name, const QString &password, bool isAdmin)
{
    // Specter keeps user ids lower-case with "_" for spaces; the login name is matched against that id.
    User &user = m_users[storedId(name)];
    user.name = storedId(name);
    user.password = password;
    user.isAdmin = isAdmin;
}

int SpecterEmulator::tokenCount(const QString &user) const
{
    const auto it = m_users.constFind(storedId(user));
    return it == m_users.constEnd() ? 0 : int(it->tokens.size());
}

QJsonObject SpecterEmulator::readyInfo(const QUrl &serverUrl) const
{
    QUrl base = serverUrl;
    base.setPath(prefix());
    return {{QStringLiteral("base_url"), base.toString()}, {QStringLiteral("username"), QString::fromLatin1(DemoUser)},
        {QStringLiteral("password"), QString::fromLatin1(DemoPassword)}};
}

void SpecterEmulator::seedTokens(int count)
{
    static const double lifetimes[] = {21600, 3600, -300, 600, 86400, 604800, 0, 1800, 172800, 90};
    User &user = m_users[QString::fromLatin1(DemoUser)];
    const int start = int(user.tokens.size());
    for (int i = 0; i < count; ++i) {
        const double life = lifetimes[i % int(std::size(lifetimes))];
        addToken(QString::fromLatin1(DemoUser), user, QStringLiteral("Seed token %1").arg(start + i + 1), life, false);
    }
}

void SpecterEmulator::seedDemoTokens()
{
    struct Demo
    {
        const char *description;
        double life; // seconds from now; negative: already expired
    };
    static const Demo demo[] = {{"Backup script on the NAS", 30 * 86400.0}, {"Grafana dashboard", 7 * 86400.0},
        {"Home Assistant", 6 * 3600.0}, {"CI release job", 20 * 60.0}, {"Old laptop", -300.0}};
    User &user = m_users[QString::fromLatin1(DemoUser)];
    for (const Demo &token : demo)
        addToken(QString::fromLatin1(DemoUser), user, QString::fromLatin1(token.description), token.life, false);
}

double SpecterEmulator::nowSeconds() const
{
    return double(now().toMSecsSinceEpoch()) / 1000.0;
}

SandboxResponse SpecterEmulator::unauthorized()
{
    return SandboxResponse::json(401, message(UnauthorizedMessage));
}

SandboxResponse SpecterEmulator::genericError()
{
    return SandboxResponse::json(500, message(GenericMessage));
}

SandboxResponse SpecterEmulator::notFoundPage(const SandboxRequest &request) const
{
    // Specter's generic 404 handler: an HTML page, or a bare dict (status 200) for exactly this Accept header.
    if (request.header("accept") == "application/json") {
        return SandboxResponse::json(200,
            {{QStringLiteral("error"),
                QString(QStringLiteral("Could not find Resource (404): ") + request.url.toString())}});
    }
    return SandboxResponse::text(404,
        "<!DOCTYPE html><html><head><title>Specter - Page not found</title></head><body><h1>404</h1>"
        "<p>The page you were looking for does not exist.</p></body></html>",
        "text/html; charset=utf-8");
}

SpecterEmulator::User *SpecterEmulator::basicAuthUser(const SandboxRequest &request, QString *typedName)
{
    const QByteArray header = request.header("authorization").trimmed();
    const qsizetype space = header.indexOf(' ');
    if (space < 0 || header.left(space).toLower() != "basic")
        return nullptr;
    const auto decoded = QByteArray::fromBase64Encoding(header.mid(space + 1).trimmed());
    if (!decoded)
        return nullptr;
    const qsizetype colon = decoded.decoded.indexOf(':');
    if (colon <= 0)
        return nullptr;
    const QString name = QString::fromUtf8(decoded.decoded.left(colon));
    const QString password = QString::fromUtf8(decoded.decoded.mid(colon + 1));
    auto it = m_users.find(storedId(name));
    if (it == m_users.end() || password.isEmpty() || it->password != password)
        return nullptr;
    *typedName = name;
    return &*it;
}

SandboxResponse SpecterEmulator::handle(const SandboxRequest &request)
{
    const QString &path = request.path;
    if (!path.startsWith(QLatin1String("/api/")) || !m_apiActive)
        return notFoundPage(request);

    if (path == QLatin1String("/api/healthz/liveness") || path == QLatin1String("/api/healthz/readyness")) {
        if (request.method != "GET" && request.method != "HEAD")
            return SandboxResponse::json(
                405, message(QStringLiteral("The method is not allowed for the requested URL.")));
        return SandboxResponse::json(200,
            message(path.endsWith(QLatin1String("liveness")) ? QStringLiteral("i am alive")
                                                             : QStringLiteral("i am ready")));
    }

    static const QRegularExpression byId(QStringLiteral("^/api/v1alpha/token/([^/]+)(/?)$"));
    const QRegularExpressionMatch idMatch = byId.match(path);
    const bool isCollection = path == TokenRoute;
    if (path == QLatin1String("/api/v1alpha/token") || (idMatch.hasMatch() && idMatch.captured(2).isEmpty())) {
        // Werkzeug's strict-slash redirect (before authentication, for every method).
        QUrl location = request.url;
        location.setPath(location.path() + QLatin1Char('/'));
        return SandboxResponse::redirect(308, location.toString());
    }
    if (path == QLatin1String("/api/v1alpha/specter"))
        return specterInfo(request);
    static const QRegularExpression walletRoute(QStringLiteral("^/api/v1alpha/wallets/[^/]+/$"));
    if (walletRoute.match(path).hasMatch())
        return wallet(request);
    if (!isCollection && !idMatch.hasMatch())
        return notFoundPage(request);

    QString typedName;
    User *user = basicAuthUser(request, &typedName);
    if (!user)
        return unauthorized();
    // Past authentication every token route looks the user up by the name as typed (get_user(current_user())),
    // which misses a user whose name is not stored as typed: None.<method> raises, error_handling answers 500.
    if (typedName != user->name)
        return genericError();
    if (isCollection) {
        if (request.method == "GET")
            return list(*user);
        if (request.method == "POST")
            return create(*user, request);
        return genericError(); // BaseResource's abort(405) inside error_handling
    }
    const QString tokenId = idMatch.captured(1);
    if (request.method == "GET")
        return details(*user, tokenId);
    if (request.method == "DELETE")
        return remove(*user, tokenId);
    return genericError();
}

QJsonValue SpecterEmulator::remainingLife(const StoredToken &token) const
{
    const double remaining = double(token.exp) - nowSeconds();
    if (remaining <= 0)
        return QJsonValue(0);
    return QJsonValue(remaining);
}

static QJsonValue lifeValue(double life, bool isFloat)
{
    return isFloat ? QJsonValue(life) : QJsonValue(qint64(life));
}

SandboxResponse SpecterEmulator::list(User &user)
{
    if (user.tokens.isEmpty())
        return SandboxResponse::json(404, message(QStringLiteral("Tokens does not exist")));
    // The body is written entry by entry: inserting 100k keys into one QJsonObject is quadratic (it keeps its
    // keys sorted), which made a --seed-tokens 100000 list take seconds on the server alone.
    QByteArray body = R"({"message":"Tokens exist","jwt_tokens":{)";
    body.reserve(qsizetype(user.tokens.size()) * 160 + 64);
    bool first = true;
    for (const StoredToken &token : std::as_const(user.tokens)) {
        if (!first)
            body += ',';
        first = false;
        const QByteArray key = QJsonDocument(QJsonArray {token.id}).toJson(QJsonDocument::Compact); // ["<id>"]
        body.append(key.constData() + 1, key.size() - 2);
        body += ':';
        body += QJsonDocument(QJsonObject {{QStringLiteral("jwt_token_description"), token.description},
                                  {QStringLiteral("jwt_token_life"), lifeValue(token.life, token.lifeIsFloat)},
                                  {QStringLiteral("jwt_token_remaining_life"), remainingLife(token)}})
                    .toJson(QJsonDocument::Compact);
    }
    body += "}}";
    return SandboxResponse::text(200, body, "application/json");
}

SandboxResponse SpecterEmulator::create(User &user, const SandboxRequest &request)
{
    // Werkzeug 3 refuses request.json without a JSON content type (415), reqparse refuses missing fields (400);
    // both are raised inside error_handling and come out as the generic 500.
    const QByteArray contentType = request.header("content-type").split(';').first().trimmed().toLower();
    if (contentType != "application/json" && !(contentType.startsWith("application/") && contentType.endsWith("+json")))
        return genericError();
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(request.body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return genericError();
    const QJsonObject body = document.object();
    if (!body.contains(QStringLiteral("jwt_token_description")) || !body.contains(QStringLiteral("jwt_token_life")))
        return genericError();
    const auto description = pythonStr(body.value(QStringLiteral("jwt_token_description")));
    if (!description)
        return genericError();

    // Specter's order (JWTResource.post): the lifetime is parsed and the JWT signed before the description is
    // validated, so an unreadable lifetime is a 500 even when the description is taken or blank.
    const auto lifeText = pythonStr(body.value(QStringLiteral("jwt_token_life")));
    if (!lifeText)
        return genericError();
    const auto life = SpecterTimeParse::parse(*lifeText);
    if (!life)
        return genericError(); // timedelta(seconds=None) raises

    for (const StoredToken &token : std::as_const(user.tokens)) {
        if (token.description == *description)
            return SandboxResponse::json(400, message(QStringLiteral("Token description already exists or is blank")));
    }
    if (description->isEmpty())
        return SandboxResponse::json(400, message(QStringLiteral("Token description already exists or is blank")));

    const QString tokenId = addToken(user.name, user, *description, life->value, life->isFloat);
    const StoredToken &token = user.tokens.constLast();
    return SandboxResponse::json(201,
        {{QStringLiteral("message"), QStringLiteral("Token generated")}, {QStringLiteral("jwt_token_id"), tokenId},
            {QStringLiteral("jwt_token"), token.jwt}, {QStringLiteral("jwt_token_description"), token.description},
            {QStringLiteral("jwt_token_life"), lifeValue(token.life, token.lifeIsFloat)}});
}

SandboxResponse SpecterEmulator::details(User &user, const QString &tokenId)
{
    for (const StoredToken &token : std::as_const(user.tokens)) {
        if (token.id != tokenId)
            continue;
        const QJsonValue remaining = remainingLife(token);
        const bool expired = remaining.toDouble() <= 0;
        return SandboxResponse::json(200,
            {{QStringLiteral("message"), QStringLiteral("Token exists")},
                {QStringLiteral("jwt_token_description"), token.description},
                {QStringLiteral("jwt_token_life"), lifeValue(token.life, token.lifeIsFloat)},
                {QStringLiteral("jwt_token_life_remaining"), remaining},
                {QStringLiteral("expiry_status"), expired ? QStringLiteral("Expired") : QStringLiteral("Valid")}});
    }
    return genericError(); // the remaining-life lookup raises before the 404 branch
}

SandboxResponse SpecterEmulator::remove(User &user, const QString &tokenId)
{
    for (qsizetype i = 0; i < user.tokens.size(); ++i) {
        if (user.tokens.at(i).id == tokenId) {
            user.tokens.removeAt(i);
            return SandboxResponse::json(200, message(QStringLiteral("Token deleted")));
        }
    }
    return genericError(); // KeyError in the 404 guard
}

const SpecterEmulator::User *SpecterEmulator::bearerUser(const SandboxRequest &request) const
{
    const QByteArray header = request.header("authorization").trimmed();
    const qsizetype space = header.indexOf(' ');
    if (space < 0 || header.left(space).toLower() != "bearer")
        return nullptr;
    const QByteArray jwt = header.mid(space + 1).trimmed();
    const QList<QByteArray> parts = jwt.split('.');
    if (parts.size() != 3)
        return nullptr;
    const QByteArray expected = base64Url(
        QMessageAuthenticationCode::hash(QByteArray(parts[0] + '.' + parts[1]), m_secret, QCryptographicHash::Sha256));
    if (expected != parts[2])
        return nullptr;
    const auto headerJson = QByteArray::fromBase64Encoding(parts[0], QByteArray::Base64UrlEncoding);
    const auto payloadJson = QByteArray::fromBase64Encoding(parts[1], QByteArray::Base64UrlEncoding);
    if (!headerJson || !payloadJson)
        return nullptr;
    if (QJsonDocument::fromJson(headerJson.decoded).object().value(QStringLiteral("alg")).toString()
        != QLatin1String("HS256"))
        return nullptr;
    const QJsonObject claims = QJsonDocument::fromJson(payloadJson.decoded).object();
    const QJsonValue exp = claims.value(QStringLiteral("exp"));
    if (exp.isDouble() && exp.toDouble() <= nowSeconds())
        return nullptr;
    const QJsonValue userName = claims.value(QStringLiteral("username"));
    const QJsonValue tokenId = claims.value(QStringLiteral("jwt_token_id"));
    if (!userName.isString() || !tokenId.isString())
        return nullptr;
    auto it = m_users.constFind(userName.toString());
    if (it == m_users.constEnd())
        return nullptr;
    for (const StoredToken &token : std::as_const(it->tokens)) {
        if (token.id == tokenId.toString() && token.jwt.toUtf8() == jwt)
            return &*it;
    }
    return nullptr; // v2.1.11+: a deleted (unregistered) token is refused
}

SandboxResponse SpecterEmulator::specterInfo(const SandboxRequest &request)
{
    // AdminResource: a Bearer JWT and an admin user.
    const User *user = bearerUser(request);
    if (!user || !user->isAdmin)
        return unauthorized();
    if (request.method != "GET")
        return genericError();
    return SandboxResponse::json(200,
        {{QStringLiteral("username"), user->name}, {QStringLiteral("is_admin"), true},
            {QStringLiteral("version"), QStringLiteral("sandbox")}, {QStringLiteral("wallets_names"), QJsonArray()}});
}

SandboxResponse SpecterEmulator::wallet(const SandboxRequest &request)
{
    // SecureResource: any user with a valid Bearer JWT. The sandbox has no wallets, so past authentication every
    // alias is unknown, which Specter's error_handling answers with its generic JSON 500.
    if (!bearerUser(request))
        return unauthorized();
    return genericError();
}

QString SpecterEmulator::addToken(
    const QString &userName, User &user, const QString &description, double life, bool lifeIsFloat)
{
    const double nowS = nowSeconds();
    const qint64 iat = qint64(std::floor(nowS));
    const qint64 exp = qint64(std::floor(nowS + life));
    StoredToken token;
    token.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    token.description = description;
    token.life = life;
    token.lifeIsFloat = lifeIsFloat;
    token.exp = exp;
    token.jwt = QString::fromLatin1(signJwt({{QStringLiteral("username"), userName},
        {QStringLiteral("jwt_token_id"), token.id}, {QStringLiteral("jwt_token_description"), description},
        {QStringLiteral("exp"), exp}, {QStringLiteral("iat"), iat}}));
    user.tokens.append(token);
    return token.id;
}

QByteArray SpecterEmulator::signJwt(const QJsonObject &claims) const
{
    const QJsonObject header {
        {QStringLiteral("alg"), QStringLiteral("HS256")}, {QStringLiteral("typ"), QStringLiteral("JWT")}};
    const QByteArray signingInput = base64Url(QJsonDocument(header).toJson(QJsonDocument::Compact)) + '.'
        + base64Url(QJsonDocument(claims).toJson(QJsonDocument::Compact));
    return signingInput + '.'
        + base64Url(QMessageAuthenticationCode::hash(signingInput, m_secret, QCryptographicHash::Sha256));
}
