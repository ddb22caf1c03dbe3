#include "core/Totp.h"
#include "core/UtcTime.h"
#include "providers/netsapiens/NetSapiensWire.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

namespace {

QByteArray b64(const QByteArray &data)
{
    return data.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QString makeJwt(const QJsonObject &claims)
{
    return QString::fromLatin1(b64(R"({"typ":"JWT","alg":"HS256"})") + '.'
        + b64(QJsonDocument(claims).toJson(QJsonDocument::Compact)) + '.' + b64("signature"));
}

QJsonObject object(const QByteArray &json)
{
    return QJsonDocument::fromJson(json).object();
}

} // namespace

class TestNetSapiensWire : public QObject
{
    Q_OBJECT

private slots:
    void passwordGrantBody();
    void mfaGrantBody();
    void refreshAndDelegateBodies();
    void jwtSuccessV2AndV45();
    void jwtSuccessMalformed_data();
    void jwtSuccessMalformed();
    void claims();
    void mfaHint();
    void tokenFromJwt();
    void errorMessages();
    void domains_data();
    void domains();
    void pathSegments();
    void totpRfc6238Vectors_data();
    void totpRfc6238Vectors();
};

void TestNetSapiensWire::passwordGrantBody()
{
    const QJsonObject body = object(NetSapiensWire::passwordGrant("cid", "csecret", "1000@example", "pw"));
    QCOMPARE(body.size(), 5);
    QCOMPARE(body.value("grant_type").toString(), QStringLiteral("password"));
    QCOMPARE(body.value("client_id").toString(), QStringLiteral("cid"));
    QCOMPARE(body.value("username").toString(), QStringLiteral("1000@example"));
    QVERIFY(body.value("client_secret").toString() == QLatin1String("csecret"));
    QVERIFY(body.value("password").toString() == QLatin1String("pw"));
}

void TestNetSapiensWire::mfaGrantBody()
{
    const QJsonObject body = object(
        NetSapiensWire::mfaGrant("cid", "cs", "1002@portal", "pw", "authenticator", "google", "371706", "challenge"));
    QCOMPARE(body.value("grant_type").toString(), QStringLiteral("mfa"));
    QCOMPARE(body.value("mfa_type").toString(), QStringLiteral("authenticator"));
    QCOMPARE(body.value("mfa_vendor").toString(), QStringLiteral("google"));
    QCOMPARE(body.value("ns_id_type").toString(), QStringLiteral("subscriber"));
    QCOMPARE(body.value("username").toString(), QStringLiteral("1002@portal"));
    QVERIFY(body.value("passcode").toString() == QLatin1String("371706"));
    QVERIFY(body.value("access_token").toString() == QLatin1String("challenge"));
    QVERIFY(body.contains("client_id") && body.contains("client_secret") && body.contains("password"));
}

void TestNetSapiensWire::refreshAndDelegateBodies()
{
    const QJsonObject refresh = object(NetSapiensWire::refreshGrant("r.t.x"));
    QCOMPARE(refresh.keys(), QStringList {QStringLiteral("refresh")});
    const QJsonObject delegate = object(NetSapiensWire::delegateRequest("1000", "example"));
    QCOMPARE(delegate.size(), 2);
    QCOMPARE(delegate.value("user").toString(), QStringLiteral("1000"));
    QCOMPARE(delegate.value("domain").toString(), QStringLiteral("example"));
}

void TestNetSapiensWire::jwtSuccessV2AndV45()
{
    const auto v2 = NetSapiensWire::parseJwtSuccess(R"({"token":"a.b.c"})");
    QVERIFY(v2.ok());
    QVERIFY(v2->token == QLatin1String("a.b.c"));
    QVERIFY(v2->refresh.isEmpty());
    const auto v45 = NetSapiensWire::parseJwtSuccess(R"({"token":"a.b.c","refresh":"d.e.f","extra":1})");
    QVERIFY(v45.ok());
    QVERIFY(v45->refresh == QLatin1String("d.e.f"));
}

void TestNetSapiensWire::jwtSuccessMalformed_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("not json") << QByteArray("<html>");
    QTest::newRow("array") << QByteArray("[]");
    QTest::newRow("no token") << QByteArray(R"({"refresh":"x"})");
    QTest::newRow("token not string") << QByteArray(R"({"token":5})");
    QTest::newRow("oauth shape") << QByteArray(R"({"access_token":"x","token_type":"Bearer"})");
}

void TestNetSapiensWire::jwtSuccessMalformed()
{
    QFETCH(QByteArray, body);
    const auto result = NetSapiensWire::parseJwtSuccess(body);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind(), ApiError::Kind::MalformedResponse);
}

void TestNetSapiensWire::claims()
{
    const auto claims = NetSapiensWire::parseClaims(
        R"({"aud":"ns","exp":1699291919,"time_out":86400000,"user_email":null,"displayName":"John Doe","x":1})");
    QVERIFY(claims.ok());
    QCOMPARE(claims->value("exp").toLongLong(), 1699291919LL);
    QCOMPARE(claims->value("displayName").toString(), QStringLiteral("John Doe"));
    QVERIFY(claims->contains("user_email"));
    QVERIFY(claims->contains("x"));
    QVERIFY(!NetSapiensWire::parseClaims("nope").ok());
}

void TestNetSapiensWire::mfaHint()
{
    auto hint = NetSapiensWire::mfaHint(object(R"({"user_scope":"mfa_required"})"));
    QVERIFY(hint);
    QCOMPARE(hint->vendor, QStringLiteral("google"));
    QCOMPARE(hint->type, QStringLiteral("authenticator"));
    hint = NetSapiensWire::mfaHint(object(R"({"user_scope":"Basic User","mfa_vendor":"duo","mfa_type":"push"})"));
    QVERIFY(hint);
    QCOMPARE(hint->vendor, QStringLiteral("duo"));
    QCOMPARE(hint->type, QStringLiteral("push"));
    QVERIFY(!NetSapiensWire::mfaHint(object(R"({"user_scope":"Basic User"})")));
    QVERIFY(!NetSapiensWire::mfaHint(QJsonObject()));
}

void TestNetSapiensWire::tokenFromJwt()
{
    const QString jwt = makeJwt(object(R"({"aud":"ns","exp":1699291919,"iat":1699205519,
        "jti":"e197cb3b31898e2ffbc67bf9e274ff086a21d3bc","sub":"1000@apidog.automation","time_out":86400000,
        "domain":"apidog.automation","user":"1000","user_scope":"Basic User","displayName":"John Doe"})"));
    const Token token = NetSapiensWire::tokenFromJwt(jwt, QStringLiteral("delegated"));
    QCOMPARE(token.id, QStringLiteral("e197cb3b31898e2ffbc67bf9e274ff086a21d3bc"));
    QCOMPARE(token.kind, QStringLiteral("delegated"));
    QCOMPARE(token.subject, QStringLiteral("1000@apidog.automation"));
    QVERIFY(token.expires);
    QCOMPARE(token.expires->toSecsSinceEpoch(), 1699291919LL);
    QCOMPARE(token.created->toSecsSinceEpoch(), 1699205519LL);
    QCOMPARE(token.lifetimeSeconds.value_or(0), 86400.0);
    QCOMPARE(token.extra.value("domain").toString(), QStringLiteral("apidog.automation"));
    QCOMPARE(token.scopes, QStringList {QStringLiteral("Basic User")});

    const Token broken = NetSapiensWire::tokenFromJwt(QStringLiteral("not-a-jwt"), QStringLiteral("session"));
    QVERIFY(broken.id.isEmpty());
    QVERIFY(!broken.expires);
}

void TestNetSapiensWire::errorMessages()
{
    QCOMPARE(NetSapiensWire::parseErrorMessage(R"({"code":401,"message":"Invalid passcode"})"),
        QStringLiteral("Invalid passcode"));
    QCOMPARE(NetSapiensWire::parseErrorMessage("Service  Unavailable\n"), QStringLiteral("Service Unavailable"));
    QCOMPARE(NetSapiensWire::parseErrorMessage(""), QString());
    const QString capped = NetSapiensWire::parseErrorMessage(QByteArray(1000, 'x'));
    QCOMPARE(capped.size(), NetSapiensWire::MaxErrorTextChars);
}

void TestNetSapiensWire::domains_data()
{
    QTest::addColumn<QString>("domain");
    QTest::addColumn<bool>("valid");
    QTest::newRow("plain") << "apidog.automation" << true;
    QTest::newRow("dash underscore") << "my_domain-1" << true;
    QTest::newRow("all") << "*" << true;
    QTest::newRow("mine") << "~" << true;
    QTest::newRow("empty") << "" << false;
    QTest::newRow("space") << "my domain" << false;
    QTest::newRow("at") << "a@b" << false;
    QTest::newRow("star inside") << "a*" << false;
    QTest::newRow("64") << QString(64, QLatin1Char('a')) << true;
    QTest::newRow("65") << QString(65, QLatin1Char('a')) << false;
}

void TestNetSapiensWire::domains()
{
    QFETCH(QString, domain);
    QFETCH(bool, valid);
    QCOMPARE(NetSapiensWire::isValidDomain(domain), valid);
}

void TestNetSapiensWire::pathSegments()
{
    QCOMPARE(NetSapiensWire::encodePathSegment("1000@example.com"), QStringLiteral("1000@example.com"));
    QCOMPARE(NetSapiensWire::encodePathSegment("e197cb3b"), QStringLiteral("e197cb3b"));
    QCOMPARE(NetSapiensWire::encodePathSegment("a b/c?d#e"), QStringLiteral("a%20b%2Fc%3Fd%23e"));
}

void TestNetSapiensWire::totpRfc6238Vectors_data()
{
    // RFC 6238 appendix B, SHA-1, secret "12345678901234567890".
    QTest::addColumn<qint64>("time");
    QTest::addColumn<QString>("expected");
    QTest::newRow("59") << qint64(59) << "94287082";
    QTest::newRow("1111111109") << qint64(1111111109) << "07081804";
    QTest::newRow("1111111111") << qint64(1111111111) << "14050471";
    QTest::newRow("1234567890") << qint64(1234567890) << "89005924";
    QTest::newRow("2000000000") << qint64(2000000000) << "69279037";
    QTest::newRow("20000000000") << qint64(20000000000) << "65353130";
}

void TestNetSapiensWire::totpRfc6238Vectors()
{
    QFETCH(qint64, time);
    QFETCH(QString, expected);
    const QDateTime when = UtcTime::fromSecs(time);
    QCOMPARE(Totp::code("12345678901234567890", when, 8), expected);
    QCOMPARE(Totp::codeFromBase32("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", when, 8), expected);
    QCOMPARE(Totp::code("12345678901234567890", when, 6), expected.right(6));
}

QTEST_GUILESS_MAIN(TestNetSapiensWire)
#include "tst_netsapienswire.moc"
