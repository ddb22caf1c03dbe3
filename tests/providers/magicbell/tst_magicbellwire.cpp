#include "core/UtcTime.h"
#include "providers/magicbell/MagicBellWire.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace MagicBellWire;

class TestMagicBellWire : public QObject
{
    Q_OBJECT

private slots:
    void dates_data();
    void dates();
    void currentListShape();
    void unpagedTokensShape();
    void missingData_data();
    void missingData();
    void nulls();
    void malformedList_data();
    void malformedList();
    void toTokenMapsFields();
    void createdToken();
    void createdTokenMissingFields_data();
    void createdTokenMissingFields();
    void discard();
    void errorMessages_data();
    void errorMessages();
    void longErrorTextIsCapped();
    void errorsArrayDetection();
    void projectRequestBody();
    void userRequestBody();
};

static QDateTime utc(int y, int mo, int d, int h, int mi, int s, int ms = 0)
{
    return UtcTime::dateTime(QDate(y, mo, d), QTime(h, mi, s, ms));
}

void TestMagicBellWire::dates_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QDateTime>("expected");
    QTest::newRow("Z") << "2021-01-01T00:00:00Z" << utc(2021, 1, 1, 0, 0, 0);
    QTest::newRow("fraction") << "2021-01-01T00:00:00.250Z" << utc(2021, 1, 1, 0, 0, 0, 250);
    QTest::newRow("offset") << "2021-01-01T02:30:00+02:00" << utc(2021, 1, 1, 0, 30, 0);
    QTest::newRow("negative offset") << "2020-12-31T19:00:00-05:00" << utc(2021, 1, 1, 0, 0, 0);
}

void TestMagicBellWire::dates()
{
    QFETCH(QString, text);
    QFETCH(QDateTime, expected);
    const auto parsed = parseDateTime(QJsonValue(text));
    QVERIFY(parsed);
    QCOMPARE(*parsed, expected);
    QCOMPARE(parsed->timeSpec(), Qt::UTC);
}

void TestMagicBellWire::currentListShape()
{
    const QByteArray body = R"({
      "data": [
        {"id": "00000000-0000-0000-0000-000000000001", "name": "My Token", "created_at": "2021-01-01T00:00:00Z",
         "expires_at": "2021-01-02T00:00:00Z", "discarded_at": "2021-01-01T12:00:00Z"},
        {"id": "00000000-0000-0000-0000-000000000002", "name": "Forever", "created_at": "2021-01-03T00:00:00.5Z",
         "unknown_field": 42}
      ],
      "links": {
        "first": "https://api.magicbell.com/v2/jwt/project?limit=2",
        "next": "https://api.magicbell.com/v2/jwt/project?limit=2&starting_after=00000000-0000-0000-0000-000000000002",
        "prev": null
      }
    })";
    const auto page = parseTokenPage(body);
    QVERIFY(page.ok());
    QCOMPARE(page->data.size(), 2);
    QCOMPARE(page->data[0].id, QStringLiteral("00000000-0000-0000-0000-000000000001"));
    QCOMPARE(page->data[0].name, QStringLiteral("My Token"));
    QCOMPARE(page->data[0].createdAt, std::optional<QDateTime>(utc(2021, 1, 1, 0, 0, 0)));
    QCOMPARE(page->data[0].expiresAt, std::optional<QDateTime>(utc(2021, 1, 2, 0, 0, 0)));
    QCOMPARE(page->data[0].discardedAt, std::optional<QDateTime>(utc(2021, 1, 1, 12, 0, 0)));
    QCOMPARE(page->data[1].name, QStringLiteral("Forever"));
    QVERIFY(!page->data[1].expiresAt);
    QVERIFY(!page->data[1].discardedAt);
    QCOMPARE(page->first, QStringLiteral("https://api.magicbell.com/v2/jwt/project?limit=2"));
    QVERIFY(page->next.endsWith(QLatin1String("starting_after=00000000-0000-0000-0000-000000000002")));
    QVERIFY(page->prev.isEmpty());
}

void TestMagicBellWire::unpagedTokensShape()
{
    // August 2024: {"tokens":[...]} without paging.
    const QByteArray body = R"({"tokens": [
        {"id": "a", "name": "old", "created_at": "2024-08-01T10:00:00Z", "expires_at": "2024-09-01T10:00:00Z"},
        {"id": "b", "created_at": "2024-08-02T10:00:00Z"},
        {"id": "c", "name": "third", "created_at": "2024-08-03T10:00:00Z"}]})";
    const auto page = parseTokenPage(body);
    QVERIFY(page.ok());
    QCOMPARE(page->data.size(), 3);
    QCOMPARE(page->data[0].id, QStringLiteral("a"));
    QVERIFY(page->data[1].name.isEmpty());
    QCOMPARE(page->data[2].name, QStringLiteral("third"));
    QVERIFY(page->next.isEmpty());
}

void TestMagicBellWire::missingData_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("empty object") << QByteArray("{}");
    QTest::newRow("links only") << QByteArray(R"({"links":{"first":"x","next":null,"prev":null}})");
    QTest::newRow("null data") << QByteArray(R"({"data":null})");
    QTest::newRow("empty data") << QByteArray(R"({"data":[],"links":{}})");
    QTest::newRow("next absent") << QByteArray(R"({"data":[],"links":{"first":"x"}})");
}

void TestMagicBellWire::missingData()
{
    QFETCH(QByteArray, body);
    const auto page = parseTokenPage(body);
    QVERIFY(page.ok());
    QVERIFY(page->data.isEmpty());
    QVERIFY(page->next.isEmpty());
}

void TestMagicBellWire::nulls()
{
    const QByteArray body = R"({"data":[{"id":"x","name":null,"created_at":"2025-03-01T00:00:00Z",
        "expires_at":null,"discarded_at":null}],"links":{"first":null,"next":null,"prev":null}})";
    const auto page = parseTokenPage(body);
    QVERIFY(page.ok());
    QCOMPARE(page->data.size(), 1);
    QVERIFY(page->data[0].name.isEmpty());
    QVERIFY(!page->data[0].expiresAt);
    QVERIFY(!page->data[0].discardedAt);
    QVERIFY(page->data[0].createdAt);
    QVERIFY(page->next.isEmpty());
    const Token token = toToken(page->data[0], QStringLiteral("project"));
    QVERIFY(!token.expires); // never expires
    QVERIFY(!token.revoked);
    QVERIFY(!token.lifetimeSeconds);
}

void TestMagicBellWire::malformedList_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("not json") << QByteArray("<html>oops</html>");
    QTest::newRow("array") << QByteArray("[]");
    QTest::newRow("data object") << QByteArray(R"({"data":{"id":"x"}})");
    QTest::newRow("item not object") << QByteArray(R"({"data":["x"]})");
    QTest::newRow("empty") << QByteArray();
}

void TestMagicBellWire::malformedList()
{
    QFETCH(QByteArray, body);
    const auto page = parseTokenPage(body);
    QVERIFY(!page.ok());
    QCOMPARE(page.error().kind(), ApiError::Kind::MalformedResponse);
}

void TestMagicBellWire::toTokenMapsFields()
{
    TokenInfo info;
    info.id = QStringLiteral("tok-1");
    info.name = QStringLiteral("CI");
    info.createdAt = utc(2025, 1, 1, 0, 0, 0);
    info.expiresAt = utc(2025, 1, 1, 1, 0, 0);
    info.discardedAt = utc(2025, 1, 1, 0, 30, 0);
    const Token token = toToken(info, QStringLiteral("user"), QStringLiteral("hana@example.com"));
    QCOMPARE(token.id, QStringLiteral("tok-1"));
    QCOMPARE(token.kind, QStringLiteral("user"));
    QCOMPARE(token.label, QStringLiteral("CI"));
    QCOMPARE(token.subject, QStringLiteral("hana@example.com"));
    QCOMPARE(token.created, info.createdAt);
    QCOMPARE(token.expires, info.expiresAt);
    QCOMPARE(token.revoked, info.discardedAt);
    QVERIFY(token.lifetimeSeconds);
    QCOMPARE(*token.lifetimeSeconds, 3600.0);
}

void TestMagicBellWire::createdToken()
{
    const QByteArray body = R"({"token":"eyJhbGciOi.x.y","token_id":"019b1b1e-7b1b-4b1b-8b1b-1b1b1b1b1b1b",
        "created_at":"2021-01-01T00:00:00Z","expires_at":"2021-01-01T01:00:00Z"})";
    const auto created = parseCreatedToken(body);
    QVERIFY(created.ok());
    QVERIFY(created->token == QLatin1String("eyJhbGciOi.x.y"));
    QCOMPARE(created->tokenId, QStringLiteral("019b1b1e-7b1b-4b1b-8b1b-1b1b1b1b1b1b"));
    QCOMPARE(created->createdAt, std::optional<QDateTime>(utc(2021, 1, 1, 0, 0, 0)));
    QCOMPARE(created->expiresAt, std::optional<QDateTime>(utc(2021, 1, 1, 1, 0, 0)));

    const auto never = parseCreatedToken(R"({"token":"a.b.c","token_id":"t","created_at":"2021-01-01T00:00:00Z",
        "expires_at":null})");
    QVERIFY(never.ok());
    QVERIFY(!never->expiresAt);
}

void TestMagicBellWire::createdTokenMissingFields_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("no token") << QByteArray(R"({"token_id":"t","created_at":"2021-01-01T00:00:00Z"})");
    QTest::newRow("no token_id") << QByteArray(R"({"token":"a.b.c","created_at":"2021-01-01T00:00:00Z"})");
    QTest::newRow("not json") << QByteArray("Created");
}

void TestMagicBellWire::createdTokenMissingFields()
{
    QFETCH(QByteArray, body);
    const auto created = parseCreatedToken(body);
    QVERIFY(!created.ok());
    QCOMPARE(created.error().kind(), ApiError::Kind::MalformedResponse);
}

void TestMagicBellWire::discard()
{
    const auto discarded =
        parseDiscard(R"({"discarded_at":"2021-01-01T00:00:00Z","token_id":"550e8400-e29b-41d4-a716-446655440000"})");
    QVERIFY(discarded.ok());
    QCOMPARE(discarded->tokenId, QStringLiteral("550e8400-e29b-41d4-a716-446655440000"));
    QCOMPARE(discarded->discardedAt, std::optional<QDateTime>(utc(2021, 1, 1, 0, 0, 0)));
    QVERIFY(!parseDiscard("not json").ok());
}

void TestMagicBellWire::errorMessages_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("expected");
    QTest::newRow("errors message") << QByteArray(R"({"errors":[{"code":"unauthorized","message":"Bad token"}]})")
                                    << "Bad token";
    QTest::newRow("errors code only") << QByteArray(R"({"errors":[{"code":"forbidden"}]})") << "forbidden";
    QTest::newRow("two errors") << QByteArray(R"({"errors":[{"message":"One."},{"message":"Two."}]})") << "One. Two.";
    QTest::newRow("message") << QByteArray(R"({"message":"Not allowed"})") << "Not allowed";
    QTest::newRow("error") << QByteArray(R"({"error":"Not Found"})") << "Not Found";
    QTest::newRow("errors wins") << QByteArray(R"({"message":"m","errors":[{"message":"e"}]})") << "e";
    QTest::newRow("raw text") << QByteArray("Service Unavailable\n") << "Service Unavailable";
    // JSON that carries no message is not shown raw: the user sees the message for the HTTP status instead.
    QTest::newRow("json without message") << QByteArray(R"({"status":404})") << QString();
    QTest::newRow("empty") << QByteArray("") << QString();
}

void TestMagicBellWire::errorMessages()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, expected);
    QCOMPARE(parseErrorMessage(body), expected);
}

void TestMagicBellWire::longErrorTextIsCapped()
{
    const QByteArray body = QByteArray(1000, 'x');
    const QString message = parseErrorMessage(body);
    QCOMPARE(message.size(), MaxErrorTextChars);
    QVERIFY(message.startsWith(QLatin1String("xxxx")));
}

void TestMagicBellWire::errorsArrayDetection()
{
    QVERIFY(hasErrorsArray(R"({"errors":[{"code":"token_not_found"}]})"));
    QVERIFY(!hasErrorsArray("Not Found"));
    QVERIFY(!hasErrorsArray(R"({"error":"not_found"})"));
}

void TestMagicBellWire::projectRequestBody()
{
    const QJsonObject withExpiry =
        QJsonDocument::fromJson(projectTokenRequest(QStringLiteral("My project token"), 3600)).object();
    QCOMPARE(withExpiry.value(QLatin1String("name")).toString(), QStringLiteral("My project token"));
    QVERIFY(withExpiry.value(QLatin1String("expiry")).isDouble());
    QCOMPARE(withExpiry.value(QLatin1String("expiry")).toInteger(), 3600);

    const QJsonObject never = QJsonDocument::fromJson(projectTokenRequest(QStringLiteral("n"), std::nullopt)).object();
    QVERIFY(!never.contains(QLatin1String("expiry")));
    QCOMPARE(never.size(), 1);
}

void TestMagicBellWire::userRequestBody()
{
    const QJsonObject full = QJsonDocument::fromJson(userTokenRequest(QStringLiteral("hana@magicbell.io"),
                                                         QStringLiteral("u-1"), QStringLiteral("Hana's token"), 60))
                                 .object();
    QCOMPARE(full.value(QLatin1String("email")).toString(), QStringLiteral("hana@magicbell.io"));
    QCOMPARE(full.value(QLatin1String("external_id")).toString(), QStringLiteral("u-1"));
    QCOMPARE(full.value(QLatin1String("name")).toString(), QStringLiteral("Hana's token"));
    QCOMPARE(full.value(QLatin1String("expiry")).toInteger(), 60);

    const QJsonObject minimal =
        QJsonDocument::fromJson(userTokenRequest(QString(), QStringLiteral("u-2"), QString(), std::nullopt)).object();
    QCOMPARE(minimal.keys(), QStringList {QStringLiteral("external_id")});
}

QTEST_GUILESS_MAIN(TestMagicBellWire)
#include "tst_magicbellwire.moc"
