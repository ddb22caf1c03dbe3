#include "NetSapiensEmulator.h"
#include "RawHttp.h"
#include "SandboxServer.h"
#include "core/Totp.h"
#include "core/UtcTime.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

// NetSapiens /jwt routes as the emulator serves them, over raw HTTP (shared/contracts/netsapiens.md).
class TestNetSapiensEmulator : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void readyInfo();
    void totpMatchesRfc6238();
    void passwordGrantV45();
    void passwordGrantV2HasNoRefresh();
    void wrongCredentials_data();
    void wrongCredentials();
    void mfaWrongThenRightPasscode();
    void mfaTokenIsNotASession();
    void mfaPasscodeWindow();
    void refreshIsSingleUse();
    void delegatedNeedsApiKey();
    void deletesAre202AndRevokedRejected();
    void deleteAllForUid();
    void expiredTokenRejected();

private:
    QUrl url(const QString &path = QStringLiteral("/jwt")) const;
    RawHttp::Reply post(const QJsonObject &body, const QByteArray &bearer = {});
    RawHttp::Reply withBearer(const QByteArray &method, const QString &token, const QString &path = "/jwt");
    QJsonObject passwordBody(const QString &user, const QString &password) const;
    static QJsonObject claimsOf(const QString &jwt);

    SandboxServer *m_server = nullptr;
    NetSapiensEmulator *m_ns = nullptr;
    QDateTime m_now;
};

void TestNetSapiensEmulator::init()
{
    m_now = UtcTime::dateTime(QDate(2026, 3, 1), QTime(10, 0));
    m_server = new SandboxServer(this);
    auto emulator = std::make_unique<NetSapiensEmulator>();
    m_ns = emulator.get();
    m_server->addEmulator(std::move(emulator));
    m_server->setClock([this] { return m_now; });
    QVERIFY(m_server->listen());
}

void TestNetSapiensEmulator::cleanup()
{
    delete m_server;
    m_server = nullptr;
}

QUrl TestNetSapiensEmulator::url(const QString &path) const
{
    QUrl result = m_server->url();
    result.setPath(QStringLiteral("/netsapiens/ns-api/v2") + path);
    return result;
}

RawHttp::Reply TestNetSapiensEmulator::post(const QJsonObject &body, const QByteArray &bearer)
{
    RawHttp::Headers headers {RawHttp::jsonContentType()};
    if (!bearer.isEmpty())
        headers.append({"Authorization", "Bearer " + bearer});
    return RawHttp::send("POST", url(), headers, QJsonDocument(body).toJson(QJsonDocument::Compact));
}

RawHttp::Reply TestNetSapiensEmulator::withBearer(const QByteArray &method, const QString &token, const QString &path)
{
    return RawHttp::send(method, url(path), {{"Authorization", "Bearer " + token.toLatin1()}});
}

QJsonObject TestNetSapiensEmulator::passwordBody(const QString &user, const QString &password) const
{
    return {{"grant_type", "password"}, {"client_id", NetSapiensEmulator::ClientId},
        {"client_secret", NetSapiensEmulator::ClientSecret}, {"username", user}, {"password", password}};
}

QJsonObject TestNetSapiensEmulator::claimsOf(const QString &jwt)
{
    const QStringList parts = jwt.split(QLatin1Char('.'));
    if (parts.size() != 3)
        return {};
    return QJsonDocument::fromJson(QByteArray::fromBase64(parts.at(1).toLatin1(), QByteArray::Base64UrlEncoding))
        .object();
}

void TestNetSapiensEmulator::readyInfo()
{
    const QJsonObject info = m_server->readyInfo().value("services").toObject().value("netsapiens").toObject();
    QCOMPARE(info.value("base_url").toString(), url(QString()).toString());
    for (const char *key : {"username", "password", "client_id", "client_secret", "api_key", "mfa_username",
             "mfa_password", "totp_secret", "domain"})
        QVERIFY2(!info.value(QLatin1String(key)).toString().isEmpty(), key);
    QCOMPARE(info.value("version").toString(), QStringLiteral("v45"));
    m_ns->setVersion(NetSapiensEmulator::Version::V2);
    QCOMPARE(m_server->readyInfo().value("services").toObject().value("netsapiens").toObject().value("version"),
        QJsonValue("v2"));
    QCOMPARE(info.value("api_key").toString().size(), 60);
}

void TestNetSapiensEmulator::totpMatchesRfc6238()
{
    // RFC 6238 appendix B (SHA-1), truncated to 6 digits, checked against the independent test implementation.
    const QString secret = QStringLiteral("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
    QCOMPARE(NetSapiensEmulator::totp(secret, UtcTime::fromSecs(59), 8), QStringLiteral("94287082"));
    QCOMPARE(NetSapiensEmulator::totp(secret, UtcTime::fromSecs(1111111109)), QStringLiteral("081804"));
    const QString demo = QString::fromLatin1(NetSapiensEmulator::TotpSecret);
    // Passcodes are compared without printing them.
    QVERIFY(NetSapiensEmulator::totp(demo, m_now) == Totp::codeFromBase32(demo, m_now));
    QVERIFY(m_ns->currentTotp() == Totp::codeFromBase32(demo, m_now));
    QCOMPARE(m_ns->currentTotp().size(), 6);
}

void TestNetSapiensEmulator::passwordGrantV45()
{
    const auto reply = post(passwordBody(NetSapiensEmulator::DemoUser, NetSapiensEmulator::DemoPassword));
    QCOMPARE(reply.status, 200);
    const QString token = reply.json().value("token").toString();
    QVERIFY(!reply.json().value("refresh").toString().isEmpty());
    const QJsonObject claims = claimsOf(token);
    QCOMPARE(claims.value("sub").toString(), QString::fromLatin1(NetSapiensEmulator::DemoUser));
    QCOMPARE(claims.value("jti").toString().size(), 40);
    QCOMPARE(claims.value("time_out").toInteger(), 86400000LL);
    QCOMPARE(claims.value("exp").toInteger() - claims.value("iat").toInteger(), 86400LL);
    QCOMPARE(claims.value("iat").toInteger(), m_now.toSecsSinceEpoch());
    for (const char *key : {"aud", "iss", "domain", "territory", "user", "user_email", "user_scope", "displayName"})
        QVERIFY2(claims.contains(QLatin1String(key)), key);
    QVERIFY(claims.value("user_scope").toString() != QLatin1String("mfa_required"));

    const auto read = withBearer("GET", token);
    QCOMPARE(read.status, 200);
    QCOMPARE(read.json().value("jti").toString(), claims.value("jti").toString());
    QVERIFY(read.json().contains("apiversion"));
}

void TestNetSapiensEmulator::passwordGrantV2HasNoRefresh()
{
    m_ns->setVersion(NetSapiensEmulator::Version::V2);
    m_ns->setTokenLifetimeSeconds(600);
    const auto reply = post(passwordBody(NetSapiensEmulator::DemoUser, NetSapiensEmulator::DemoPassword));
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json().keys(), QStringList {QStringLiteral("token")});
    QCOMPARE(claimsOf(reply.json().value("token").toString()).value("time_out").toInteger(), 600000LL);
    QCOMPARE(post({{"refresh", "x.y.z"}}).status, 400);
}

void TestNetSapiensEmulator::wrongCredentials_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("value");
    QTest::addColumn<int>("status");
    QTest::newRow("password") << "password"
                              << "wrong" << 401;
    QTest::newRow("user") << "username"
                          << "9999@sandbox" << 401;
    QTest::newRow("client secret") << "client_secret"
                                   << "wrong" << 401;
    QTest::newRow("grant") << "grant_type"
                           << "magic" << 400;
    QTest::newRow("blank password") << "password"
                                    << "" << 400;
}

void TestNetSapiensEmulator::wrongCredentials()
{
    QFETCH(QString, field);
    QFETCH(QString, value);
    QFETCH(int, status);
    QJsonObject body = passwordBody(NetSapiensEmulator::DemoUser, NetSapiensEmulator::DemoPassword);
    body.insert(field, value);
    const auto reply = post(body);
    QCOMPARE(reply.status, status);
    QCOMPARE(reply.json().value("code").toInt(), status);
    QVERIFY(!reply.json().value("message").toString().isEmpty());
}

void TestNetSapiensEmulator::mfaWrongThenRightPasscode()
{
    const auto first = post(passwordBody(NetSapiensEmulator::MfaUser, NetSapiensEmulator::MfaPassword));
    QCOMPARE(first.status, 200);
    const QString challenge = first.json().value("token").toString();
    const QJsonObject claims = claimsOf(challenge);
    QCOMPARE(claims.value("user_scope").toString(), QStringLiteral("mfa_required"));
    QCOMPARE(claims.value("mfa_vendor").toString(), QStringLiteral("google"));
    QCOMPARE(claims.value("mfa_type").toString(), QStringLiteral("authenticator"));
    QVERIFY(!first.json().contains("refresh"));

    QJsonObject mfa = passwordBody(NetSapiensEmulator::MfaUser, NetSapiensEmulator::MfaPassword);
    mfa.insert("grant_type", "mfa");
    mfa.insert("mfa_type", "authenticator");
    mfa.insert("mfa_vendor", "google");
    mfa.insert("ns_id_type", "subscriber");
    mfa.insert("access_token", challenge);
    const QString right = Totp::codeFromBase32(NetSapiensEmulator::TotpSecret, m_now);
    QString wrong = Totp::codeFromBase32(NetSapiensEmulator::TotpSecret, m_now.addSecs(3600));
    if (wrong == right)
        wrong = QStringLiteral("000000") == right ? QStringLiteral("111111") : QStringLiteral("000000");
    mfa.insert("passcode", wrong);
    const auto bad = post(mfa);
    QCOMPARE(bad.status, 401);
    QCOMPARE(bad.json(), (QJsonObject {{"code", 401}, {"message", "Invalid passcode"}}));

    mfa.insert("passcode", right); // the challenge is still valid
    const auto good = post(mfa);
    QCOMPARE(good.status, 200);
    const QString session = good.json().value("token").toString();
    QVERIFY(!good.json().value("refresh").toString().isEmpty());
    QCOMPARE(claimsOf(session).value("sub").toString(), QString::fromLatin1(NetSapiensEmulator::MfaUser));
    QVERIFY(claimsOf(session).value("user_scope").toString() != QLatin1String("mfa_required"));
    QCOMPARE(withBearer("GET", session).status, 200);
    // A used challenge cannot be used again.
    QCOMPARE(post(mfa).status, 401);
}

void TestNetSapiensEmulator::mfaTokenIsNotASession()
{
    const auto first = post(passwordBody(NetSapiensEmulator::MfaUser, NetSapiensEmulator::MfaPassword));
    QCOMPARE(withBearer("GET", first.json().value("token").toString()).status, 401);
}

void TestNetSapiensEmulator::mfaPasscodeWindow()
{
    const auto first = post(passwordBody(NetSapiensEmulator::MfaUser, NetSapiensEmulator::MfaPassword));
    QJsonObject mfa = passwordBody(NetSapiensEmulator::MfaUser, NetSapiensEmulator::MfaPassword);
    mfa.insert("grant_type", "mfa");
    mfa.insert("mfa_type", "authenticator");
    mfa.insert("mfa_vendor", "google");
    mfa.insert("ns_id_type", "subscriber");
    mfa.insert("access_token", first.json().value("token"));
    // Two steps old: refused (unless it happens to equal a code in the window).
    const QString old = Totp::codeFromBase32(NetSapiensEmulator::TotpSecret, m_now.addSecs(-60));
    bool inWindow = false;
    for (int step = -1; step <= 1; ++step)
        inWindow |= Totp::codeFromBase32(NetSapiensEmulator::TotpSecret, m_now.addSecs(step * 30)) == old;
    if (!inWindow) {
        mfa.insert("passcode", old);
        QCOMPARE(post(mfa).status, 401);
    }
    // One step old: accepted (clock drift allowance).
    mfa.insert("passcode", Totp::codeFromBase32(NetSapiensEmulator::TotpSecret, m_now.addSecs(-30)));
    QCOMPARE(post(mfa).status, 200);
}

void TestNetSapiensEmulator::refreshIsSingleUse()
{
    const auto login = post(passwordBody(NetSapiensEmulator::DemoUser, NetSapiensEmulator::DemoPassword));
    const QString refresh = login.json().value("refresh").toString();
    QCOMPARE(withBearer("GET", refresh).status, 401); // a refresh JWT is not an access token
    const auto rotated = post({{"refresh", refresh}});
    QCOMPARE(rotated.status, 200);
    const QString newRefresh = rotated.json().value("refresh").toString();
    QVERIFY(!newRefresh.isEmpty() && newRefresh != refresh);
    QCOMPARE(withBearer("GET", rotated.json().value("token").toString()).status, 200);
    const auto reused = post({{"refresh", refresh}});
    QCOMPARE(reused.status, 401);
    QCOMPARE(reused.json().value("code").toInt(), 401);
    QCOMPARE(post({{"refresh", newRefresh}}).status, 200);
}

void TestNetSapiensEmulator::delegatedNeedsApiKey()
{
    const QJsonObject body {{"user", "1001"}, {"domain", NetSapiensEmulator::Domain}};
    QCOMPARE(post(body).status, 401);
    QCOMPARE(post(body, "nsd_wrong").status, 401);
    const auto reply = post(body, NetSapiensEmulator::ApiKey);
    QCOMPARE(reply.status, 200);
    const QJsonObject claims = claimsOf(reply.json().value("token").toString());
    QCOMPARE(claims.value("sub").toString(), QStringLiteral("1001@sandbox"));
    QCOMPARE(claims.value("user").toString(), QStringLiteral("1001"));
    QCOMPARE(post({{"user", "1001"}, {"domain", "bad domain"}}, NetSapiensEmulator::ApiKey).status, 400);
    QCOMPARE(post({{"user", "1001"}, {"domain", "elsewhere"}}, NetSapiensEmulator::ApiKey).status, 404);
    QCOMPARE(
        claimsOf(post({{"user", "1001"}, {"domain", "~"}}, NetSapiensEmulator::ApiKey).json().value("token").toString())
            .value("sub")
            .toString(),
        QStringLiteral("1001@sandbox"));
}

void TestNetSapiensEmulator::deletesAre202AndRevokedRejected()
{
    const QString session = post(passwordBody(NetSapiensEmulator::DemoUser, NetSapiensEmulator::DemoPassword))
                                .json()
                                .value("token")
                                .toString();
    const QString delegated =
        post({{"user", "1001"}, {"domain", "sandbox"}}, NetSapiensEmulator::ApiKey).json().value("token").toString();
    const QString jti = claimsOf(delegated).value("jti").toString();
    QCOMPARE(withBearer("GET", delegated).status, 200);

    const auto byJti = withBearer("DELETE", session, "/jwt/" + jti);
    QCOMPARE(byJti.status, 202);
    QCOMPARE(byJti.json(), (QJsonObject {{"code", 202}, {"message", "Accepted"}}));
    QCOMPARE(withBearer("GET", delegated).status, 401);
    QCOMPARE(withBearer("DELETE", session, "/jwt/0123456789012345678901234567890123456789").status, 404);

    const auto current = withBearer("DELETE", session);
    QCOMPARE(current.status, 202);
    QCOMPARE(withBearer("GET", session).status, 401);
    QCOMPARE(withBearer("DELETE", session).status, 401);
}

void TestNetSapiensEmulator::deleteAllForUid()
{
    const QString a =
        post({{"user", "1001"}, {"domain", "sandbox"}}, NetSapiensEmulator::ApiKey).json().value("token").toString();
    const QString b =
        post({{"user", "1001"}, {"domain", "sandbox"}}, NetSapiensEmulator::ApiKey).json().value("token").toString();
    const QString other =
        post({{"user", "1003"}, {"domain", "sandbox"}}, NetSapiensEmulator::ApiKey).json().value("token").toString();
    const QString session = post(passwordBody(NetSapiensEmulator::DemoUser, NetSapiensEmulator::DemoPassword))
                                .json()
                                .value("token")
                                .toString();
    QCOMPARE(withBearer("DELETE", session, "/jwt/1001@sandbox").status, 202);
    QCOMPARE(withBearer("GET", a).status, 401);
    QCOMPARE(withBearer("GET", b).status, 401);
    QCOMPARE(withBearer("GET", other).status, 200);
    QCOMPARE(withBearer("DELETE", session, "/jwt/1003%40sandbox").status, 202); // percent-encoded @ works too
    QCOMPARE(withBearer("GET", other).status, 401);
    QCOMPARE(withBearer("DELETE", "garbage", "/jwt/1003@sandbox").status, 401);
}

void TestNetSapiensEmulator::expiredTokenRejected()
{
    m_ns->setTokenLifetimeSeconds(120);
    const QString session = post(passwordBody(NetSapiensEmulator::DemoUser, NetSapiensEmulator::DemoPassword))
                                .json()
                                .value("token")
                                .toString();
    m_now = m_now.addSecs(119);
    QCOMPARE(withBearer("GET", session).status, 200);
    m_now = m_now.addSecs(1);
    QCOMPARE(withBearer("GET", session).status, 401);
    // A token signed with another key is rejected even with a known jti.
    QStringList parts = session.split('.');
    parts[2] = QStringLiteral("AAAA");
    m_now = m_now.addSecs(-60);
    QCOMPARE(withBearer("GET", parts.join('.')).status, 401);
    QCOMPARE(withBearer("GET", session).status, 200);
}

QTEST_GUILESS_MAIN(TestNetSapiensEmulator)
#include "tst_netsapiensemulator.moc"
