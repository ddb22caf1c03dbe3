#include "core/Jwt.h"
#include "core/TokenFingerprint.h"

#include <QCryptographicHash>
#include <QTest>

// The keyed fingerprint kept of a created token: an HMAC under the keychain key (not a plain hash, different
// under another key), the ends for people, and the JWT's own id and expiry.
class TestTokenFingerprint : public QObject
{
    Q_OBJECT
private slots:
    void keyedNotPlain();
    void endsOnlyForLongValues();
    void jwtIdAndExpiry();
    void noKeyNoFingerprint();
};

namespace {
QString jwt(const QByteArray &claims)
{
    const auto part = [](const QByteArray &json) {
        return QString::fromLatin1(json.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    };
    return part(R"({"alg":"HS256","typ":"JWT"})") + QLatin1Char('.') + part(claims) + QStringLiteral(".c2ln");
}
} // namespace

void TestTokenFingerprint::keyedNotPlain()
{
    const QString value = QStringLiteral("appsk_kV3ts5tKPNJN4Dl25cMTfUNdmabxbX0O");
    const TokenFingerprint a = TokenFingerprint::of("key one", value);
    const TokenFingerprint b = TokenFingerprint::of("key two", value);
    QVERIFY(a.isValid());
    QCOMPARE(a.mac.size(), 64);
    QVERIFY(a.mac != b.mac);
    QVERIFY(a.mac != QString::fromLatin1(QCryptographicHash::hash(value.toUtf8(), QCryptographicHash::Sha256).toHex()));
    // RFC 4231 test case 2: HMAC-SHA256("Jefe", "what do ya want for nothing?").
    QCOMPARE(TokenFingerprint::macOf("Jefe", "what do ya want for nothing?"),
        QStringLiteral("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"));
    // Surrounding white space of a paste does not change it; the scanner's byte form agrees.
    QCOMPARE(TokenFingerprint::of("key one", QStringLiteral(" \n") + value + QStringLiteral("\n")).mac, a.mac);
    QCOMPARE(TokenFingerprint::macOf("key one", value.toUtf8()), a.mac);
}

void TestTokenFingerprint::endsOnlyForLongValues()
{
    const TokenFingerprint long_ = TokenFingerprint::of("k", QStringLiteral("appsk_kV3ts5tKPNJN4Dl25cMTfUNdmabxbX0O"));
    QCOMPARE(long_.head, QStringLiteral("apps"));
    QCOMPARE(long_.tail, QStringLiteral("bX0O"));
    QCOMPARE(long_.shortForm(), QStringLiteral("apps…bX0O"));
    const TokenFingerprint short_ = TokenFingerprint::of("k", QStringLiteral("short-secret"));
    QVERIFY(short_.isValid());
    QVERIFY(short_.head.isEmpty() && short_.tail.isEmpty());
    QVERIFY(short_.shortForm().isEmpty());
}

void TestTokenFingerprint::jwtIdAndExpiry()
{
    const TokenFingerprint specter =
        TokenFingerprint::of("k", jwt(R"({"username":"admin","jwt_token_id":"abc-123","exp":1900000000})"));
    QCOMPARE(specter.jwtId, QStringLiteral("abc-123"));
    QVERIFY(specter.expires.has_value());
    QCOMPARE(specter.expires->toSecsSinceEpoch(), qint64(1900000000));
    const TokenFingerprint ns = TokenFingerprint::of("k", jwt(R"({"jti":"j-9","jwt_token_id":"other"})"));
    QCOMPARE(ns.jwtId, QStringLiteral("j-9")); // jti first
    QVERIFY(!ns.expires.has_value());
    QVERIFY(TokenFingerprint::of("k", QStringLiteral("appsk_kV3ts5tKPNJN4Dl25cMTfUNdmabxbX0O")).jwtId.isEmpty());
}

void TestTokenFingerprint::noKeyNoFingerprint()
{
    QVERIFY(!TokenFingerprint::of(QByteArray(), QStringLiteral("appsk_kV3ts5tKPNJN4Dl25cMTfUNdmabxbX0O")).isValid());
    QVERIFY(!TokenFingerprint::of("k", QStringLiteral("   ")).isValid());
}

QTEST_GUILESS_MAIN(TestTokenFingerprint)
#include "tst_tokenfingerprint.moc"
