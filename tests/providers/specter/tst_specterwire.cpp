#include "providers/specter/SpecterWire.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QtTest>

#include <cmath>

// Specter's JSON shapes: good bodies, ints and floats, and malformed input mapped to MalformedResponse.
class TestSpecterWire : public QObject
{
    Q_OBJECT

private slots:
    void parseListIntsAndFloats();
    void parseListMalformed_data();
    void parseListMalformed();
    void parseDetails();
    void parseDetailsMalformed_data();
    void parseDetailsMalformed();
    void parseCreated();
    void parseCreatedMalformed_data();
    void parseCreatedMalformed();
    void buildCreateBody();
    void emptyListAndApiOffBodies();
    void fastListTakesTheServersShape();
    void fastListEqualsGeneric_data();
    void fastListEqualsGeneric();
    void fastListNumbersEqualQt();
};

void TestSpecterWire::parseListIntsAndFloats()
{
    const QByteArray body = R"({"message":"Tokens exists","jwt_tokens":{
        "b56929f3-1":{"jwt_token_description":"Token specter","jwt_token_life":21600,"jwt_token_remaining_life":5395.147431612015},
        "c0ffee00-2":{"jwt_token_description":"old","jwt_token_life":1.5,"jwt_token_remaining_life":0}}})";
    const auto result = SpecterWire::parseList(body);
    QVERIFY(result.ok());
    QCOMPARE(result.value().size(), 2);
    const auto byId = [&](const QString &id) {
        for (const auto &token : result.value()) {
            if (token.id == id)
                return token;
        }
        return SpecterWire::ListedToken();
    };
    const auto first = byId(QStringLiteral("b56929f3-1"));
    QCOMPARE(first.description, QStringLiteral("Token specter"));
    QCOMPARE(first.lifeSeconds, 21600.0);
    QCOMPARE(first.remainingSeconds, 5395.147431612015);
    const auto second = byId(QStringLiteral("c0ffee00-2"));
    QCOMPARE(second.lifeSeconds, 1.5);
    QCOMPARE(second.remainingSeconds, 0.0);

    const auto empty = SpecterWire::parseList(R"({"message":"Tokens exist","jwt_tokens":{}})");
    QVERIFY(empty.ok());
    QVERIFY(empty.value().isEmpty());
}

void TestSpecterWire::parseListMalformed_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("not json") << QByteArray("<html>404</html>");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("array") << QByteArray("[]");
    QTest::newRow("no jwt_tokens") << QByteArray(R"({"message":"Tokens exist"})");
    QTest::newRow("jwt_tokens array") << QByteArray(R"({"jwt_tokens":[]})");
    QTest::newRow("entry not object") << QByteArray(R"({"jwt_tokens":{"a":5}})");
    QTest::newRow("life string") << QByteArray(
        R"({"jwt_tokens":{"a":{"jwt_token_description":"d","jwt_token_life":"6 hours","jwt_token_remaining_life":1}}})");
    QTest::newRow("remaining missing") << QByteArray(
        R"({"jwt_tokens":{"a":{"jwt_token_description":"d","jwt_token_life":60}}})");
    QTest::newRow("remaining null") << QByteArray(
        R"({"jwt_tokens":{"a":{"jwt_token_description":"d","jwt_token_life":60,"jwt_token_remaining_life":null}}})");
    QTest::newRow("description number") << QByteArray(
        R"({"jwt_tokens":{"a":{"jwt_token_description":5,"jwt_token_life":60,"jwt_token_remaining_life":1}}})");
    QTest::newRow("details key instead of list key") << QByteArray(
        R"({"jwt_tokens":{"a":{"jwt_token_description":"d","jwt_token_life":60,"jwt_token_life_remaining":1}}})");
}

void TestSpecterWire::parseListMalformed()
{
    QFETCH(QByteArray, body);
    const auto result = SpecterWire::parseList(body);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind(), ApiError::Kind::MalformedResponse);
    QVERIFY(!result.error().details().isEmpty());
}

void TestSpecterWire::parseDetails()
{
    auto result = SpecterWire::parseDetails(
        R"({"message":"Token exists","jwt_token_description":"Token specter","jwt_token_life":21600,"jwt_token_life_remaining":21596.9,"expiry_status":"Valid"})");
    QVERIFY(result.ok());
    QCOMPARE(result.value().description, QStringLiteral("Token specter"));
    QCOMPARE(result.value().lifeSeconds, 21600.0);
    QCOMPARE(result.value().remainingSeconds, 21596.9);
    QVERIFY(!result.value().expired);

    result = SpecterWire::parseDetails(
        R"({"jwt_token_description":"x","jwt_token_life":60,"jwt_token_life_remaining":0,"expiry_status":"Expired"})");
    QVERIFY(result.ok());
    QVERIFY(result.value().expired);
    QCOMPARE(result.value().remainingSeconds, 0.0);
}

void TestSpecterWire::parseDetailsMalformed_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("not json") << QByteArray("nope");
    QTest::newRow("list key") << QByteArray(
        R"({"jwt_token_description":"x","jwt_token_life":60,"jwt_token_remaining_life":0,"expiry_status":"Valid"})");
    QTest::newRow("unknown status") << QByteArray(
        R"({"jwt_token_description":"x","jwt_token_life":60,"jwt_token_life_remaining":0,"expiry_status":"Revoked"})");
    QTest::newRow("status missing") << QByteArray(
        R"({"jwt_token_description":"x","jwt_token_life":60,"jwt_token_life_remaining":0})");
}

void TestSpecterWire::parseDetailsMalformed()
{
    QFETCH(QByteArray, body);
    const auto result = SpecterWire::parseDetails(body);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind(), ApiError::Kind::MalformedResponse);
}

void TestSpecterWire::parseCreated()
{
    const auto result = SpecterWire::parseCreated(
        R"({"message":"Token generated","jwt_token_id":"b56929f3","jwt_token":"aaa.bbb.ccc","jwt_token_description":"Token specter","jwt_token_life":21600})");
    QVERIFY(result.ok());
    QCOMPARE(result.value().id, QStringLiteral("b56929f3"));
    QVERIFY(result.value().token == QStringLiteral("aaa.bbb.ccc"));
    QCOMPARE(result.value().description, QStringLiteral("Token specter"));
    QCOMPARE(result.value().lifeSeconds, 21600.0);
}

void TestSpecterWire::parseCreatedMalformed_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("not json") << QByteArray("<html>");
    QTest::newRow("no token") << QByteArray(R"({"jwt_token_id":"x"})");
    QTest::newRow("no id") << QByteArray(R"({"jwt_token":"a.b.c"})");
    QTest::newRow("empty token") << QByteArray(R"({"jwt_token_id":"x","jwt_token":""})");
    QTest::newRow("token number") << QByteArray(R"({"jwt_token_id":"x","jwt_token":5})");
}

void TestSpecterWire::parseCreatedMalformed()
{
    QFETCH(QByteArray, body);
    const auto result = SpecterWire::parseCreated(body);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind(), ApiError::Kind::MalformedResponse);
}

void TestSpecterWire::buildCreateBody()
{
    const QByteArray body = SpecterWire::buildCreateBody(QStringLiteral("CI \"deploy\""), QStringLiteral("6 hours"));
    const QJsonObject object = QJsonDocument::fromJson(body).object();
    QCOMPARE(object.size(), 2);
    QCOMPARE(object.value(QStringLiteral("jwt_token_description")).toString(), QStringLiteral("CI \"deploy\""));
    // Always a string with a unit, never a JSON number.
    QVERIFY(object.value(QStringLiteral("jwt_token_life")).isString());
    QCOMPARE(object.value(QStringLiteral("jwt_token_life")).toString(), QStringLiteral("6 hours"));
}

void TestSpecterWire::emptyListAndApiOffBodies()
{
    const QByteArray emptyList = "{\"message\": \"Tokens does not exist\"}";
    const QByteArray otherMessage = "{\"message\": \"Token does not exist\"}";
    const QByteArray html = "<html><body>404</body></html>";
    const QByteArray apiOff = "{\"error\": \"Could not find Resource (404): http://x/api/v1alpha/token/\"}";
    const QByteArray list = "{\"message\":\"Tokens exist\",\"jwt_tokens\":{}}";
    QVERIFY(SpecterWire::isEmptyListBody(emptyList));
    QVERIFY(!SpecterWire::isEmptyListBody(otherMessage));
    QVERIFY(!SpecterWire::isEmptyListBody(html));
    QVERIFY(!SpecterWire::isEmptyListBody(QByteArray()));
    QVERIFY(SpecterWire::isApiOffBody(apiOff));
    QVERIFY(!SpecterWire::isApiOffBody(list));
    QVERIFY(!SpecterWire::isApiOffBody(html));
}

namespace {

bool sameTokens(const QList<SpecterWire::ListedToken> &a, const QList<SpecterWire::ListedToken> &b)
{
    if (a.size() != b.size())
        return false;
    for (qsizetype i = 0; i < a.size(); ++i) {
        // Doubles compared bit for bit (a -0 against a +0 is a difference too).
        if (a[i].id != b[i].id || a[i].description != b[i].description
            || std::signbit(a[i].lifeSeconds) != std::signbit(b[i].lifeSeconds) || a[i].lifeSeconds != b[i].lifeSeconds
            || a[i].remainingSeconds != b[i].remainingSeconds
            || std::signbit(a[i].remainingSeconds) != std::signbit(b[i].remainingSeconds))
            return false;
    }
    return true;
}

QByteArray entry(
    const QByteArray &id, const QByteArray &description, const QByteArray &life, const QByteArray &remaining)
{
    return "\"" + id + "\":{\"jwt_token_description\":" + description + ",\"jwt_token_life\":" + life
        + ",\"jwt_token_remaining_life\":" + remaining + "}";
}

} // namespace

void TestSpecterWire::fastListTakesTheServersShape()
{
    // The sandbox's (and Specter's) compact body, ids out of order: the fast path must read it, or the P2
    // benchmark silently falls back to QJsonDocument.
    const QByteArray body = R"({"message":"Tokens exist","jwt_tokens":{)"
        + entry("f0e1", "\"Seed token 2\"", "3600", "3593.1234567890123") + ","
        + entry("0a1b", "\"Seed token 1\"", "21600", "0") + "," + entry("0a1", "\"short\"", "1.5", "1e0") + "}}";
    QVERIFY(!SpecterWire::parseListFast(body)); // exponent: left to QJsonDocument
    const QByteArray plainBody = QByteArray(body).replace("1e0", "1");
    const auto fast = SpecterWire::parseListFast(plainBody);
    QVERIFY(fast);
    QCOMPARE(fast->size(), 3);
    QCOMPARE(fast->at(0).id, QStringLiteral("0a1"));
    QCOMPARE(fast->at(1).id, QStringLiteral("0a1b"));
    QCOMPARE(fast->at(2).id, QStringLiteral("f0e1"));
    QCOMPARE(fast->at(2).remainingSeconds, 3593.1234567890123);
    const auto generic = SpecterWire::parseListGeneric(plainBody);
    QVERIFY(generic.ok());
    QVERIFY(sameTokens(*fast, generic.value()));
}

void TestSpecterWire::fastListEqualsGeneric_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("fast"); // whether the fast path answers
    const QByteArray head = R"({"message":"Tokens exist","jwt_tokens":{)";
    QTest::newRow("empty list") << QByteArray(R"({"message":"Tokens exist","jwt_tokens":{}})") << true;
    QTest::newRow("whitespace everywhere")
        << QByteArray(" \r\n\t{ \"jwt_tokens\" : { \"a\" : { \"jwt_token_description\" : \"d\" , \"jwt_token_life\" : "
                      "60 , \"jwt_token_remaining_life\" : 1.25 } } , \"message\" : \"x\" } \n")
        << true;
    QTest::newRow("escapes") << head + entry("a", R"("q\" b\\ s\/ \b\f\n\r\t \u00e9\u20ac\u0000")", "1", "2") + "}}"
                             << true;
    QTest::newRow("surrogate escape") << head + entry("a", R"("\ud83d\udd11")", "1", "2") + "}}" << false;
    QTest::newRow("utf-8 description") << head + entry("a", "\"caf\xc3\xa9\"", "1", "2") + "}}" << false;
    QTest::newRow("invalid utf-8") << head + entry("a", "\"caf\xc3\"", "1", "2") + "}}" << false;
    QTest::newRow("escaped id") << head + entry("a\\u0041", "\"d\"", "1", "2") + "}}" << false;
    QTest::newRow("unknown escape") << head + entry("a", R"("\x")", "1", "2") + "}}" << false;
    QTest::newRow("duplicate id") << head + entry("a", "\"1\"", "1", "2") + "," + entry("a", "\"2\"", "3", "4") + "}}"
                                  << false;
    QTest::newRow("duplicate field, last wins") << head
            + R"("a":{"jwt_token_life":5,"jwt_token_description":"x","jwt_token_life":7,)"
              R"("jwt_token_remaining_life":1,"jwt_token_description":"y"}}})"
                                                << true;
    QTest::newRow("extra fields") << head
            + R"("a":{"extra":null,"jwt_token_description":"d","t":true,"f":false,"n":-3.5,"s":"\n",)"
              R"("jwt_token_life":1,"jwt_token_remaining_life":2}}})"
                                  << true;
    QTest::newRow("nested extra field") << head
            + R"("a":{"x":[1],"jwt_token_description":"d","jwt_token_life":1,)"
              R"("jwt_token_remaining_life":2}}})"
                                        << false;
    QTest::newRow("numbers") << head + entry("a", "\"d\"", "-0", "-0.0") + "," + entry("b", "\"d\"", "0.1", "1.0") + ","
            + entry("c", "\"d\"", "-12.5", "123456789012345678") + ","
            + entry("d", "\"d\"", "0.30000000000000004", "99999999999.999999999999") + ","
            + entry("e", "\"d\"", "5395.147431612015", "0.000000000000000000000000000001")
            + "}}" << true;
    QTest::newRow("exponent") << head + entry("a", "\"d\"", "1E3", "2") + "}}" << false;
    QTest::newRow("leading zero") << head + entry("a", "\"d\"", "01", "2") + "}}" << false;
    QTest::newRow("bare minus") << head + entry("a", "\"d\"", "-", "2") + "}}" << false;
    QTest::newRow("trailing dot") << head + entry("a", "\"d\"", "1.", "2") + "}}" << false;
    QTest::newRow("life string") << head + entry("a", "\"d\"", "\"6 hours\"", "2") + "}}" << false;
    QTest::newRow("missing field") << head + R"("a":{"jwt_token_description":"d","jwt_token_life":1}}})" << false;
    QTest::newRow("empty id") << head + entry("", "\"d\"", "1", "2") + "}}" << false;
    QTest::newRow("entry not object") << QByteArray(R"({"jwt_tokens":{"a":5}})") << false;
    QTest::newRow("no jwt_tokens") << QByteArray(R"({"message":"Tokens exist"})") << false;
    QTest::newRow("jwt_tokens twice") << QByteArray(R"({"jwt_tokens":{},"jwt_tokens":{}})") << false;
    QTest::newRow("garbage after") << QByteArray(R"({"jwt_tokens":{}} x)") << false;
    QTest::newRow("trailing comma") << head + entry("a", "\"d\"", "1", "2") + ",}}" << false;
    QTest::newRow("truncated") << head + entry("a", "\"d\"", "1", "2") << false;
    QTest::newRow("bom") << QByteArray("\xef\xbb\xbf{\"jwt_tokens\":{}}") << false;
    QTest::newRow("array") << QByteArray("[]") << false;
    QTest::newRow("empty") << QByteArray() << false;
}

void TestSpecterWire::fastListEqualsGeneric()
{
    QFETCH(QByteArray, body);
    QFETCH(bool, fast);
    const auto viaFast = SpecterWire::parseListFast(body);
    QCOMPARE(bool(viaFast), fast);
    const auto generic = SpecterWire::parseListGeneric(body);
    const auto combined = SpecterWire::parseList(body);
    QCOMPARE(combined.ok(), generic.ok());
    if (viaFast) {
        QVERIFY(generic.ok()); // the fast path never accepts what QJsonDocument refuses
        QVERIFY(sameTokens(*viaFast, generic.value()));
    }
    if (generic.ok())
        QVERIFY(sameTokens(combined.value(), generic.value()));
    else
        QCOMPARE(combined.error().details(), generic.error().details());
}

void TestSpecterWire::fastListNumbersEqualQt()
{
    // Random doubles in the formats a server writes (shortest round trip, fixed decimals, integers): the fast
    // path's value must be QJsonDocument's to the bit.
    QRandomGenerator random(4711);
    QByteArray body = R"({"jwt_tokens":{)";
    int count = 0;
    const auto add = [&body, &count](const QByteArray &number) {
        if (count)
            body += ',';
        body += entry(QByteArray::number(count).rightJustified(6, '0'), "\"d\"", number, number);
        ++count;
    };
    for (int i = 0; i < 3000; ++i) {
        const double value = random.generateDouble() * std::pow(10.0, random.bounded(-6, 12));
        add(QByteArray::number(value, 'f', QLocale::FloatingPointShortest));
        add(QByteArray::number(value, 'f', random.bounded(0, 20)));
        add(QByteArray::number(qint64(value)));
    }
    body += "}}";
    const auto fast = SpecterWire::parseListFast(body);
    QVERIFY(fast);
    const auto generic = SpecterWire::parseListGeneric(body);
    QVERIFY(generic.ok());
    QCOMPARE(fast->size(), qsizetype(count));
    QVERIFY(sameTokens(*fast, generic.value()));
}

QTEST_GUILESS_MAIN(TestSpecterWire)
#include "tst_specterwire.moc"
