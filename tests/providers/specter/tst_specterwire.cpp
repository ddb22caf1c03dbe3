#include "providers/specter/SpecterWire.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

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

QTEST_GUILESS_MAIN(TestSpecterWire)
#include "tst_specterwire.moc"
