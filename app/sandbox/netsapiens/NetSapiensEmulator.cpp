#include "NetSapiensEmulator.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QMessageAuthenticationCode>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QtEndian>

namespace {

const QString JwtPath = QStringLiteral("/jwt");

QByteArray base64Url(const QByteArray &data)
{
    return data.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QByteArray base32Decode(const QString &text)
{
    static const QByteArray alphabet("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567");
    QByteArray out;
    quint32 buffer = 0;
    int bits = 0;
    for (const QChar c : text) {
        if (c == QLatin1Char('=') || c.isSpace())
            continue;
        const qsizetype value = alphabet.indexOf(char(c.toUpper().toLatin1()));
        if (value < 0)
            return {};
        buffer = (buffer << 5) | quint32(value);
        bits += 5;
        if (bits >= 8) {
            bits -= 8;
            out.append(char((buffer >> bits) & 0xff));
        }
    }
    return out;
}

QString randomHex(int bytes)
{
    QByteArray data(bytes, Qt::Uninitialized);
    for (int i = 0; i < bytes; ++i)
        data[i] = char(QRandomGenerator::global()->bounded(256));
    return QString::fromLatin1(data.toHex());
}

QString str(const QJsonObject &object, const char *key)
{
    const QJsonValue value = object.value(QLatin1String(key));
    return value.isString() ? value.toString() : QString();
}

} // namespace

NetSapiensEmulator::NetSapiensEmulator()
{
    m_secret.resize(32);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(m_secret.data()), 32 / sizeof(quint32));
    m_users.insert(QString::fromLatin1(DemoUser),
        {QString::fromLatin1(DemoUser), QString::fromLatin1(DemoPassword), QStringLiteral("Demo Admin"), false});
    m_users.insert(QString::fromLatin1(MfaUser),
        {QString::fromLatin1(MfaUser), QString::fromLatin1(MfaPassword), QStringLiteral("MFA Demo"), true});
}

QJsonObject NetSapiensEmulator::readyInfo(const QUrl &serverUrl) const
{
    QUrl base = serverUrl;
    base.setPath(prefix());
    return {{QStringLiteral("base_url"), base.toString()}, {QStringLiteral("username"), QString::fromLatin1(DemoUser)},
        {QStringLiteral("password"), QString::fromLatin1(DemoPassword)},
        {QStringLiteral("client_id"), QString::fromLatin1(ClientId)},
        {QStringLiteral("client_secret"), QString::fromLatin1(ClientSecret)},
        {QStringLiteral("api_key"), QString::fromLatin1(ApiKey)},
        {QStringLiteral("mfa_username"), QString::fromLatin1(MfaUser)},
        {QStringLiteral("mfa_password"), QString::fromLatin1(MfaPassword)},
        {QStringLiteral("totp_secret"), QString::fromLatin1(TotpSecret)},
        {QStringLiteral("domain"), QString::fromLatin1(Domain)},
        {QStringLiteral("version"), m_version == Version::V45 ? QStringLiteral("v45") : QStringLiteral("v2")}};
}

QString NetSapiensEmulator::totp(const QString &base32Secret, const QDateTime &time, int digits)
{
    const QByteArray key = base32Decode(base32Secret);
    const qint64 counter = time.toSecsSinceEpoch() / 30;
    QByteArray message(8, '\0');
    qToBigEndian(quint64(counter), message.data());
    const QByteArray mac = QMessageAuthenticationCode::hash(message, key, QCryptographicHash::Sha1);
    const int offset = mac.at(mac.size() - 1) & 0x0f;
    const quint32 binary = (quint32(quint8(mac.at(offset)) & 0x7f) << 24) | (quint32(quint8(mac.at(offset + 1))) << 16)
        | (quint32(quint8(mac.at(offset + 2))) << 8) | quint32(quint8(mac.at(offset + 3)));
    quint32 modulo = 1;
    for (int i = 0; i < digits; ++i)
        modulo *= 10;
    return QStringLiteral("%1").arg(binary % modulo, digits, 10, QLatin1Char('0'));
}

int NetSapiensEmulator::activeTokenCount() const
{
    int count = 0;
    for (const Issued &issued : m_issued)
        count += issued.revoked ? 0 : 1;
    return count;
}

QList<NetSapiensEmulator::IssuedToken> NetSapiensEmulator::issuedTokens() const
{
    QList<IssuedToken> tokens;
    for (const Issued &issued : m_issued)
        tokens.append({issued.jti, issued.sub, issued.value, issued.use == Use::Refresh, issued.revoked});
    return tokens;
}

qint64 NetSapiensEmulator::nowSeconds() const
{
    return now().toSecsSinceEpoch();
}

SandboxResponse NetSapiensEmulator::error(int code, const QString &message)
{
    return SandboxResponse::json(code, {{QStringLiteral("code"), code}, {QStringLiteral("message"), message}});
}

QByteArray NetSapiensEmulator::sign(const QJsonObject &claims) const
{
    const QJsonObject header {
        {QStringLiteral("typ"), QStringLiteral("JWT")}, {QStringLiteral("alg"), QStringLiteral("HS256")}};
    const QByteArray signingInput = base64Url(QJsonDocument(header).toJson(QJsonDocument::Compact)) + '.'
        + base64Url(QJsonDocument(claims).toJson(QJsonDocument::Compact));
    return signingInput + '.'
        + base64Url(QMessageAuthenticationCode::hash(signingInput, m_secret, QCryptographicHash::Sha256));
}

QString NetSapiensEmulator::issue(const QString &uid, Use use, qint64 lifetimeSeconds, const QJsonObject &extraClaims)
{
    const qsizetype at = uid.indexOf(QLatin1Char('@'));
    const QString user = at < 0 ? uid : uid.left(at);
    const QString domain = at < 0 ? QString::fromLatin1(Domain) : uid.mid(at + 1);
    const auto known = m_users.constFind(uid);
    Issued issued;
    issued.jti = randomHex(20);
    issued.sub = uid;
    issued.use = use;
    const qint64 iat = nowSeconds();
    issued.exp = iat + lifetimeSeconds;
    QJsonObject claims {{QStringLiteral("aud"), QStringLiteral("ns")}, {QStringLiteral("exp"), issued.exp},
        {QStringLiteral("iat"), iat}, {QStringLiteral("iss"), QStringLiteral("sandbox.tokendesk.invalid")},
        {QStringLiteral("jti"), issued.jti}, {QStringLiteral("sub"), uid},
        {QStringLiteral("time_out"), lifetimeSeconds * 1000}, {QStringLiteral("domain"), domain},
        {QStringLiteral("territory"), QStringLiteral("Sandbox")}, {QStringLiteral("user"), user},
        {QStringLiteral("user_email"), QJsonValue(user + QStringLiteral("@example.invalid"))},
        {QStringLiteral("user_scope"),
            use == Use::MfaRequired
                ? QStringLiteral("mfa_required")
                : (uid == QLatin1String(DemoUser) ? QStringLiteral("Office Manager") : QStringLiteral("Basic User"))},
        {QStringLiteral("displayName"),
            known != m_users.constEnd() ? known->displayName : QStringLiteral("User %1").arg(user)}};
    if (use == Use::Refresh)
        claims.insert(QStringLiteral("token_use"), QStringLiteral("refresh"));
    for (auto it = extraClaims.begin(); it != extraClaims.end(); ++it)
        claims.insert(it.key(), it.value());
    issued.value = QString::fromLatin1(sign(claims));
    m_issued.insert(issued.jti, issued);
    return issued.value;
}

QJsonObject NetSapiensEmulator::issueAccess(const QString &uid, bool withRefresh)
{
    QJsonObject reply {{QStringLiteral("token"), issue(uid, Use::Access, m_lifetime)}};
    if (withRefresh && m_version == Version::V45)
        reply.insert(QStringLiteral("refresh"), issue(uid, Use::Refresh, 30 * 86400));
    return reply;
}

std::optional<NetSapiensEmulator::Verified> NetSapiensEmulator::verify(const QString &token)
{
    const QStringList parts = token.split(QLatin1Char('.'));
    if (parts.size() != 3)
        return std::nullopt;
    const QByteArray signingInput = parts.at(0).toLatin1() + '.' + parts.at(1).toLatin1();
    const QByteArray expected =
        base64Url(QMessageAuthenticationCode::hash(signingInput, m_secret, QCryptographicHash::Sha256));
    if (expected != parts.at(2).toLatin1())
        return std::nullopt;
    const auto payload = QByteArray::fromBase64Encoding(
        parts.at(1).toLatin1(), QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    if (!payload)
        return std::nullopt;
    const QJsonObject claims = QJsonDocument::fromJson(payload.decoded).object();
    auto it = m_issued.find(str(claims, "jti"));
    if (it == m_issued.end() || it->revoked || it->exp <= nowSeconds())
        return std::nullopt;
    return Verified {&*it, claims};
}

QString NetSapiensEmulator::bearer(const SandboxRequest &request) const
{
    const QByteArray header = request.header("authorization").trimmed();
    if (!header.toLower().startsWith("bearer "))
        return {};
    return QString::fromLatin1(header.mid(7).trimmed());
}

bool NetSapiensEmulator::checkClient(const QJsonObject &body) const
{
    return str(body, "client_id") == QLatin1String(ClientId)
        && str(body, "client_secret") == QLatin1String(ClientSecret);
}

const NetSapiensEmulator::User *NetSapiensEmulator::checkUser(const QJsonObject &body) const
{
    const auto it = m_users.constFind(str(body, "username"));
    if (it == m_users.constEnd() || it->password != str(body, "password") || it->password.isEmpty())
        return nullptr;
    return &*it;
}

SandboxResponse NetSapiensEmulator::handle(const SandboxRequest &request)
{
    const QString &path = request.path;
    if (path == JwtPath || path == JwtPath + QLatin1Char('/')) {
        if (request.method == "POST")
            return postJwt(request);
        if (request.method == "GET")
            return getJwt(request);
        if (request.method == "DELETE")
            return deleteJwt(request, {});
        return error(405, QStringLiteral("Method Not Allowed"));
    }
    if (path.startsWith(JwtPath + QLatin1Char('/'))) {
        // Some front ends leave "%40" encoded in the path; "@" and "%40" name the same uid.
        const QString target = QUrl::fromPercentEncoding(path.mid(JwtPath.size() + 1).toUtf8());
        if (request.method == "DELETE" && !target.isEmpty() && !target.contains(QLatin1Char('/')))
            return deleteJwt(request, target);
        return error(405, QStringLiteral("Method Not Allowed"));
    }
    return error(404, QStringLiteral("Not Found"));
}

SandboxResponse NetSapiensEmulator::postJwt(const SandboxRequest &request)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(request.body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return error(400, QStringLiteral("Invalid JSON body"));
    const QJsonObject body = document.object();
    if (body.contains(QLatin1String("refresh")))
        return refreshGrant(body);
    if (body.contains(QLatin1String("user")) && body.contains(QLatin1String("domain"))) {
        if (bearer(request) != QLatin1String(ApiKey))
            return error(401, QStringLiteral("Invalid or missing API key"));
        return delegate(body);
    }
    const QString grant = str(body, "grant_type");
    if (grant == QLatin1String("password"))
        return passwordGrant(body);
    if (grant == QLatin1String("mfa"))
        return mfaGrant(body);
    return error(400, QStringLiteral("Unsupported grant_type"));
}

SandboxResponse NetSapiensEmulator::passwordGrant(const QJsonObject &body)
{
    if (str(body, "username").isEmpty() || str(body, "password").isEmpty())
        return error(400, QStringLiteral("username and password are required"));
    if (!checkClient(body))
        return error(401, QStringLiteral("Invalid client credentials"));
    const User *user = checkUser(body);
    if (!user)
        return error(401, QStringLiteral("Invalid username or password"));
    if (user->mfa) {
        const QJsonObject extra {{QStringLiteral("mfa_vendor"), QStringLiteral("google")},
            {QStringLiteral("mfa_type"), QStringLiteral("authenticator")}, {QStringLiteral("login"), user->uid}};
        // The challenge token lives 10 minutes.
        return SandboxResponse::json(200, {{QStringLiteral("token"), issue(user->uid, Use::MfaRequired, 600, extra)}});
    }
    return SandboxResponse::json(200, issueAccess(user->uid, true));
}

SandboxResponse NetSapiensEmulator::mfaGrant(const QJsonObject &body)
{
    for (const char *field : {"username", "password", "passcode", "access_token", "mfa_type", "mfa_vendor"}) {
        if (str(body, field).isEmpty())
            return error(400, QStringLiteral("%1 is required").arg(QLatin1String(field)));
    }
    if (!checkClient(body))
        return error(401, QStringLiteral("Invalid client credentials"));
    const User *user = checkUser(body);
    if (!user || !user->mfa)
        return error(401, QStringLiteral("Invalid username or password"));
    const auto challenge = verify(str(body, "access_token"));
    if (!challenge || challenge->issued->use != Use::MfaRequired || challenge->issued->sub != user->uid)
        return error(401, QStringLiteral("Invalid or expired MFA token"));
    const QString passcode = str(body, "passcode").trimmed();
    bool matched = false;
    for (int step = -1; step <= 1; ++step) {
        if (totp(QString::fromLatin1(TotpSecret), now().addSecs(step * 30)) == passcode)
            matched = true;
    }
    if (!matched)
        return error(401, QStringLiteral("Invalid passcode")); // the challenge stays valid for a retry
    challenge->issued->revoked = true; // single use once it succeeded
    return SandboxResponse::json(200, issueAccess(user->uid, true));
}

SandboxResponse NetSapiensEmulator::refreshGrant(const QJsonObject &body)
{
    if (m_version != Version::V45)
        return error(400, QStringLiteral("Unsupported grant_type"));
    const auto refresh = verify(str(body, "refresh"));
    if (!refresh || refresh->issued->use != Use::Refresh)
        return error(401, QStringLiteral("Invalid or expired refresh token"));
    refresh->issued->revoked = true; // single use
    return SandboxResponse::json(200, issueAccess(refresh->issued->sub, true));
}

SandboxResponse NetSapiensEmulator::delegate(const QJsonObject &body)
{
    static const QRegularExpression domainPattern(QStringLiteral("^([A-Za-z0-9._-]{1,64}|\\*|~)$"));
    static const QRegularExpression userPattern(QStringLiteral("^[A-Za-z0-9._-]{1,64}$"));
    const QString user = str(body, "user");
    QString domain = str(body, "domain");
    if (!userPattern.match(user).hasMatch() || !domainPattern.match(domain).hasMatch())
        return error(400, QStringLiteral("Invalid user or domain"));
    if (domain == QLatin1String("~"))
        domain = QString::fromLatin1(Domain);
    if (domain != QLatin1String(Domain))
        return error(404, QStringLiteral("Domain not found or access denied"));
    // v45 (the default Version) answers every POST /jwt success with {token, refresh}, delegated access
    // included (JwtRequestSuccess in the v45 spec); the original v2 with the token only.
    return SandboxResponse::json(200, issueAccess(user + QLatin1Char('@') + domain, true));
}

SandboxResponse NetSapiensEmulator::getJwt(const SandboxRequest &request)
{
    const auto verified = verify(bearer(request));
    if (!verified || verified->issued->use != Use::Access)
        return error(401, QStringLiteral("Invalid or expired token"));
    QJsonObject claims = verified->claims;
    claims.insert(QStringLiteral("apiversion"), QStringLiteral("Version: 45.0.0-sandbox"));
    return SandboxResponse::json(200, claims);
}

SandboxResponse NetSapiensEmulator::deleteJwt(const SandboxRequest &request, const QString &target)
{
    const QString credential = bearer(request);
    const bool isApiKey = credential == QLatin1String(ApiKey);
    std::optional<Verified> verified;
    if (!isApiKey)
        verified = verify(credential);
    if (!isApiKey && (!verified || verified->issued->use != Use::Access))
        return error(401, QStringLiteral("Invalid or expired token"));
    const QJsonObject accepted {{QStringLiteral("code"), 202}, {QStringLiteral("message"), QStringLiteral("Accepted")}};
    if (target.isEmpty()) {
        if (isApiKey)
            return error(400, QStringLiteral("An API key cannot be revoked here"));
        verified->issued->revoked = true;
        return SandboxResponse::json(202, accepted);
    }
    if (target.contains(QLatin1Char('@'))) {
        for (Issued &issued : m_issued) {
            if (issued.sub == target)
                issued.revoked = true;
        }
        return SandboxResponse::json(202, accepted);
    }
    auto it = m_issued.find(target);
    if (it == m_issued.end())
        return error(404, QStringLiteral("Token not found"));
    it->revoked = true;
    return SandboxResponse::json(202, accepted);
}

QString NetSapiensEmulator::consoleHint() const
{
    const qint64 secondsLeft = 30 - now().toSecsSinceEpoch() % 30;
    return QStringLiteral("netsapiens: MFA code for the demo MFA user is %1 (changes in %2 s)")
        .arg(currentTotp())
        .arg(secondsLeft);
}
