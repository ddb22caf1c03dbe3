#include "core/Jwt.h"
#include "core/UtcTime.h"

#include <QJsonDocument>
#include <QTest>

namespace {

QString part(const QByteArray &json)
{
    return QString::fromLatin1(json.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

QString makeToken(const QByteArray &header, const QByteArray &claims, const QString &signature = QStringLiteral("c2ln"))
{
    return part(header) + u'.' + part(claims) + u'.' + signature;
}

const QByteArray Hs256 = R"({"alg":"HS256","typ":"JWT"})";

QDateTime utc(qint64 secs)
{
    return UtcTime::fromSecs(secs);
}

} // namespace

class TstJwt : public QObject
{
    Q_OBJECT
private slots:
    void validToken();
    void specterDocExample();
    void malformed_data();
    void malformed();
    void algNone();
    void missingExp();
    void expBeforeIat();
    void nbfAfterExp();
    void expired();
    void noWarningsForAGoodToken();
    void oversizedInputRefusedFast();
    void unicodeClaims();
    void numericClaimsAsStrings();
    void fractionalAndOutOfRangeDates();
};

void TstJwt::validToken()
{
    const Jwt jwt = Jwt::decode(makeToken(Hs256,
        R"({"sub":"alice","jti":"abc-123","exp":1767272400,"iat":1767268800,)"
        R"("nbf":1767268800,"scope":"read"})"));
    QVERIFY2(jwt.isValid(), qPrintable(jwt.error()));
    QCOMPARE(jwt.algorithm(), QStringLiteral("HS256"));
    QCOMPARE(jwt.header().value(QStringLiteral("typ")).toString(), QStringLiteral("JWT"));
    QCOMPARE(jwt.subject(), QStringLiteral("alice"));
    QCOMPARE(jwt.id(), QStringLiteral("abc-123"));
    QCOMPARE(jwt.stringClaim(QStringLiteral("scope")), QStringLiteral("read"));
    QCOMPARE(jwt.stringClaim(QStringLiteral("missing")), QString());
    QCOMPARE(jwt.expiresAt(), std::optional<QDateTime>(utc(1767272400)));
    QCOMPARE(jwt.issuedAt(), std::optional<QDateTime>(utc(1767268800)));
    QCOMPARE(jwt.notBefore(), std::optional<QDateTime>(utc(1767268800)));
    QCOMPARE(jwt.claims().size(), 6);
    QVERIFY(jwt.error().isEmpty());
}

void TstJwt::specterDocExample()
{
    // Claims of the example token in shared/contracts/specter.md (exp - iat = 21600).
    const Jwt jwt = Jwt::decode(makeToken(Hs256,
        R"({"username":"admin","jwt_token_id":"b56929f3","jwt_token_description":"Token specter",)"
        R"("exp":1662741735,"iat":1662720135})"));
    QVERIFY(jwt.isValid());
    QCOMPARE(jwt.issuedAt()->secsTo(*jwt.expiresAt()), qint64(21600));
    QCOMPARE(jwt.stringClaim(QStringLiteral("username")), QStringLiteral("admin"));
    QVERIFY(jwt.subject().isEmpty());
}

void TstJwt::malformed_data()
{
    QTest::addColumn<QString>("token");
    QTest::addColumn<QString>("errorContains");
    const QString header = part(Hs256);
    const QString claims = part(R"({"sub":"x"})");
    QTest::newRow("empty") << QString() << "empty";
    QTest::newRow("whitespace") << "   "
                                << "empty";
    QTest::newRow("one part") << header << "three parts";
    QTest::newRow("two parts") << header + u'.' + claims << "three parts";
    QTest::newRow("four parts") << header + u'.' + claims + QStringLiteral(".a.b") << "three parts";
    QTest::newRow("empty header") << u'.' + claims + QStringLiteral(".sig") << "header part is empty";
    QTest::newRow("empty claims") << header + QStringLiteral("..sig") << "claims part is empty";
    QTest::newRow("bad base64 char") << header + QStringLiteral(".ab$d.sig") << "base64url";
    QTest::newRow("standard base64 '+'") << header + QStringLiteral(".ab+d.sig") << "base64url";
    QTest::newRow("impossible length") << header + QStringLiteral(".abcde.sig") << "base64url";
    QTest::newRow("claims not JSON") << header + u'.' + part("not json") + QStringLiteral(".sig") << "not JSON";
    QTest::newRow("claims an array") << header + u'.' + part("[1,2]") + QStringLiteral(".sig") << "not a JSON object";
    QTest::newRow("header a string") << part("\"HS256\"") + u'.' + claims + QStringLiteral(".sig") << "header part";
    QTest::newRow("bad signature chars") << header + u'.' + claims + QStringLiteral(".s!g") << "signature";
    QTest::newRow("non-latin text") << QString::fromUtf8("\u00e9t\u00e9.\u00e9t\u00e9.x") << "base64url";
}

void TstJwt::malformed()
{
    QFETCH(QString, token);
    QFETCH(QString, errorContains);
    const Jwt jwt = Jwt::decode(token);
    QVERIFY(!jwt.isValid());
    QVERIFY2(jwt.error().contains(errorContains), qPrintable(jwt.error()));
    QVERIFY(jwt.claims().isEmpty());
    QVERIFY(jwt.header().isEmpty());
    QVERIFY(jwt.warnings().isEmpty());
}

void TstJwt::algNone()
{
    const Jwt jwt = Jwt::decode(makeToken(R"({"alg":"none"})", R"({"exp":1767272400})", QString()));
    QVERIFY2(jwt.isValid(), qPrintable(jwt.error()));
    const QStringList warnings = jwt.warnings(utc(1767268800));
    QCOMPARE(warnings.size(), 1);
    QVERIFY(warnings.first().contains(QStringLiteral("not signed")));

    const Jwt upper = Jwt::decode(makeToken(R"({"alg":"NONE"})", R"({"exp":1767272400})", QString()));
    QVERIFY(upper.warnings(utc(1767268800)).first().contains(QStringLiteral("not signed")));
}

void TstJwt::missingExp()
{
    const Jwt jwt = Jwt::decode(makeToken(Hs256, R"({"sub":"a"})"));
    QVERIFY(!jwt.expiresAt());
    const QStringList warnings = jwt.warnings(utc(1767268800));
    QCOMPARE(warnings.size(), 1);
    QVERIFY(warnings.first().contains(QStringLiteral("never expires")));

    const Jwt notANumber = Jwt::decode(makeToken(Hs256, R"({"exp":"tomorrow"})"));
    QVERIFY(!notANumber.expiresAt());
    QVERIFY(notANumber.warnings(utc(0)).first().contains(QStringLiteral("not a valid date")));
}

void TstJwt::expBeforeIat()
{
    const Jwt jwt = Jwt::decode(makeToken(Hs256, R"({"iat":1767272400,"exp":1767268800})"));
    const QStringList warnings = jwt.warnings(utc(1767260000));
    QCOMPARE(warnings.size(), 1);
    QVERIFY(warnings.first().contains(QStringLiteral("before iat")));
}

void TstJwt::nbfAfterExp()
{
    const Jwt jwt = Jwt::decode(makeToken(Hs256, R"({"nbf":1767272400,"exp":1767268800})"));
    const QStringList warnings = jwt.warnings(utc(1767260000));
    QCOMPARE(warnings.size(), 1);
    QVERIFY(warnings.first().contains(QStringLiteral("never valid")));
}

void TstJwt::expired()
{
    const Jwt jwt = Jwt::decode(makeToken(Hs256, R"({"iat":1767268800,"exp":1767272400})"));
    QVERIFY(jwt.warnings(utc(1767272399)).isEmpty());
    const QStringList warnings = jwt.warnings(utc(1767272400));
    QCOMPARE(warnings.size(), 1);
    QVERIFY(warnings.first().contains(QStringLiteral("expired")));
    QVERIFY(warnings.first().contains(QStringLiteral("2026-01-01T13:00:00Z")));
}

void TstJwt::noWarningsForAGoodToken()
{
    const Jwt jwt = Jwt::decode(makeToken(Hs256, R"({"iat":1767268800,"nbf":1767268800,"exp":1767272400})"));
    QVERIFY(jwt.warnings(utc(1767270000)).isEmpty());
}

void TstJwt::oversizedInputRefusedFast()
{
    // 1 MiB of base64url text in three parts: refused by the size cap before any decoding.
    const QString big = QString(512 * 1024, u'A') + u'.' + QString(512 * 1024 - 3, u'B') + QStringLiteral(".C");
    QCOMPARE(big.size(), qsizetype(1024 * 1024));
    const Jwt jwt = Jwt::decode(big);
    QVERIFY(!jwt.isValid());
    QVERIFY2(jwt.error().contains(QStringLiteral("too large")), qPrintable(jwt.error()));

    // Just under the cap is decoded normally.
    QByteArray padding(Jwt::MaxInputBytes / 2, 'x');
    const QString nearCap = makeToken(Hs256, R"({"pad":")" + padding + R"("})");
    QVERIFY(nearCap.size() <= Jwt::MaxInputBytes);
    QVERIFY(Jwt::decode(nearCap).isValid());
    const QString overCap = makeToken(Hs256, R"({"pad":")" + padding + padding + R"("})");
    QVERIFY(overCap.size() > Jwt::MaxInputBytes);
    QVERIFY(!Jwt::decode(overCap).isValid());
}

void TstJwt::unicodeClaims()
{
    const QString name = QString::fromUtf8("J\u00fcrgen \u65e5\u672c \u2713 \U0001F511");
    QJsonObject claims {{QStringLiteral("sub"), name}, {QStringLiteral("exp"), 1767272400}};
    const Jwt jwt = Jwt::decode(makeToken(Hs256, QJsonDocument(claims).toJson(QJsonDocument::Compact)));
    QVERIFY(jwt.isValid());
    QCOMPARE(jwt.subject(), name);
}

void TstJwt::numericClaimsAsStrings()
{
    const Jwt jwt = Jwt::decode(makeToken(Hs256, R"({"sub":12345,"jti":7})"));
    QCOMPARE(jwt.subject(), QStringLiteral("12345"));
    QCOMPARE(jwt.id(), QStringLiteral("7"));
}

void TstJwt::fractionalAndOutOfRangeDates()
{
    const Jwt jwt = Jwt::decode(makeToken(Hs256, R"({"exp":1767272400.5,"iat":1e300})"));
    QVERIFY(jwt.isValid());
    QCOMPARE(jwt.expiresAt()->toMSecsSinceEpoch(), qint64(1767272400500));
    QVERIFY(!jwt.issuedAt());
}

QTEST_GUILESS_MAIN(TstJwt)
#include "tst_jwt.moc"
