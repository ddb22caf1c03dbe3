#include "RawHttp.h"
#include "SandboxServer.h"
#include "SpecterEmulator.h"
#include "core/UtcTime.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

// Specter's REST token routes as the emulator serves them, checked over raw HTTP against
// shared/contracts/specter.md.
class TestSpecterEmulator : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void redirectsWithoutTrailingSlash_data();
    void redirectsWithoutTrailingSlash();
    void emptyListIs404();
    void unauthorized_data();
    void unauthorized();
    void createAndList();
    void remainingLifeIsFloat();
    void expiredTokensStayListed();
    void duplicateOrBlankDescriptionIs400();
    void genericErrorsAre500_data();
    void genericErrorsAre500();
    void lifetimeTable_data();
    void lifetimeTable();
    void detailsAndDelete();
    void bearerRouteNeedsRegisteredToken();
    void healthRoutes();
    void apiOffLooksLikeSpecter404();
    void usersSeeOnlyTheirOwnTokens();
    void userNameNotStoredAsTypedIs500();
    void seedTokens();

private:
    QUrl url(const QString &path) const;
    RawHttp::Reply create(const QString &description, const QJsonValue &life);
    RawHttp::Reply authedGet(const QString &path);

    SandboxServer *m_server = nullptr;
    SpecterEmulator *m_specter = nullptr;
    QDateTime m_now;
};

static const QByteArray GenericBody = R"({"message":"Can't tell you the reason of the issue. Please check the logs"})";

void TestSpecterEmulator::init()
{
    m_now = UtcTime::dateTime(QDate(2026, 3, 1), QTime(10, 0));
    m_server = new SandboxServer(this);
    auto specter = std::make_unique<SpecterEmulator>();
    m_specter = specter.get();
    m_server->addEmulator(std::move(specter));
    m_server->setClock([this] { return m_now; });
    QVERIFY(m_server->listen());
}

void TestSpecterEmulator::cleanup()
{
    delete m_server;
    m_server = nullptr;
    m_specter = nullptr;
}

QUrl TestSpecterEmulator::url(const QString &path) const
{
    QUrl result = m_server->url();
    result.setPath(QStringLiteral("/specter") + path);
    return result;
}

static RawHttp::Headers adminAuth()
{
    return {RawHttp::basicAuth(
        QString::fromLatin1(SpecterEmulator::DemoUser), QString::fromLatin1(SpecterEmulator::DemoPassword))};
}

RawHttp::Reply TestSpecterEmulator::create(const QString &description, const QJsonValue &life)
{
    const QJsonObject body {
        {QStringLiteral("jwt_token_description"), description}, {QStringLiteral("jwt_token_life"), life}};
    return RawHttp::send("POST", url(QStringLiteral("/api/v1alpha/token/")), adminAuth() << RawHttp::jsonContentType(),
        QJsonDocument(body).toJson(QJsonDocument::Compact));
}

RawHttp::Reply TestSpecterEmulator::authedGet(const QString &path)
{
    return RawHttp::get(url(path), adminAuth());
}

void TestSpecterEmulator::redirectsWithoutTrailingSlash_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::newRow("list") << QByteArray("GET") << QStringLiteral("/api/v1alpha/token");
    QTest::newRow("create") << QByteArray("POST") << QStringLiteral("/api/v1alpha/token");
    QTest::newRow("details") << QByteArray("GET") << QStringLiteral("/api/v1alpha/token/abc");
    QTest::newRow("delete") << QByteArray("DELETE") << QStringLiteral("/api/v1alpha/token/abc");
}

void TestSpecterEmulator::redirectsWithoutTrailingSlash()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    // Werkzeug redirects before authentication.
    const RawHttp::Reply reply = RawHttp::send(method, url(path));
    QCOMPARE(reply.status, 308);
    QCOMPARE(QUrl(QString::fromUtf8(reply.header("location"))), url(path + QLatin1Char('/')));
    QCOMPARE(m_specter->tokenCount(QStringLiteral("admin")), 0);
}

void TestSpecterEmulator::emptyListIs404()
{
    const RawHttp::Reply reply = authedGet(QStringLiteral("/api/v1alpha/token/"));
    QCOMPARE(reply.status, 404);
    QCOMPARE(reply.body, QByteArray(R"({"message":"Tokens does not exist"})"));
}

void TestSpecterEmulator::unauthorized_data()
{
    QTest::addColumn<RawHttp::Headers>("headers");
    QTest::newRow("none") << RawHttp::Headers();
    QTest::newRow("wrong password") << RawHttp::Headers {
        RawHttp::basicAuth(QStringLiteral("admin"), QStringLiteral("x"))};
    QTest::newRow("unknown user") << RawHttp::Headers {RawHttp::basicAuth(QStringLiteral("eve"), QStringLiteral("x"))};
    QTest::newRow("empty") << RawHttp::Headers {RawHttp::basicAuth(QString(), QString())};
    QTest::newRow("bearer") << RawHttp::Headers {{"Authorization", "Bearer abc.def.ghi"}};
}

void TestSpecterEmulator::unauthorized()
{
    QFETCH(RawHttp::Headers, headers);
    const RawHttp::Reply reply = RawHttp::get(url(QStringLiteral("/api/v1alpha/token/")), headers);
    QCOMPARE(reply.status, 401);
    QVERIFY(!reply.hasHeader("www-authenticate"));
    QVERIFY(reply.json()
                .value(QStringLiteral("message"))
                .toString()
                .startsWith(QStringLiteral(
                    "The server could not verify that you are authorized to access the URL requested.")));
}

void TestSpecterEmulator::createAndList()
{
    const RawHttp::Reply created = create(QStringLiteral("Token specter"), QStringLiteral("6 hours"));
    QCOMPARE(created.status, 201);
    const QJsonObject body = created.json();
    QCOMPARE(body.value(QStringLiteral("message")).toString(), QStringLiteral("Token generated"));
    QCOMPARE(body.value(QStringLiteral("jwt_token_description")).toString(), QStringLiteral("Token specter"));
    QCOMPARE(body.value(QStringLiteral("jwt_token_life")).toInteger(), 21600);
    const QString id = body.value(QStringLiteral("jwt_token_id")).toString();
    QVERIFY(!QUuid::fromString(id).isNull());
    QCOMPARE(QUuid::fromString(id).version(), QUuid::Random);

    // The JWT: HS256 with the contract's claims, exp - iat = life.
    const QList<QByteArray> parts = body.value(QStringLiteral("jwt_token")).toString().toLatin1().split('.');
    QCOMPARE(parts.size(), 3);
    const QJsonObject header =
        QJsonDocument::fromJson(QByteArray::fromBase64(parts[0], QByteArray::Base64UrlEncoding)).object();
    QCOMPARE(header.value(QStringLiteral("alg")).toString(), QStringLiteral("HS256"));
    const QJsonObject claims =
        QJsonDocument::fromJson(QByteArray::fromBase64(parts[1], QByteArray::Base64UrlEncoding)).object();
    QCOMPARE(claims.value(QStringLiteral("username")).toString(), QStringLiteral("admin"));
    QCOMPARE(claims.value(QStringLiteral("jwt_token_id")).toString(), id);
    QCOMPARE(claims.value(QStringLiteral("jwt_token_description")).toString(), QStringLiteral("Token specter"));
    QCOMPARE(claims.value(QStringLiteral("iat")).toInteger(), m_now.toSecsSinceEpoch());
    QCOMPARE(claims.value(QStringLiteral("exp")).toInteger(), m_now.toSecsSinceEpoch() + 21600);

    const RawHttp::Reply list = authedGet(QStringLiteral("/api/v1alpha/token/"));
    QCOMPARE(list.status, 200);
    QCOMPARE(list.json().value(QStringLiteral("message")).toString(), QStringLiteral("Tokens exist"));
    const QJsonObject tokens = list.json().value(QStringLiteral("jwt_tokens")).toObject();
    QCOMPARE(tokens.keys(), QStringList {id});
    const QJsonObject entry = tokens.value(id).toObject();
    QCOMPARE(entry.value(QStringLiteral("jwt_token_description")).toString(), QStringLiteral("Token specter"));
    QCOMPARE(entry.value(QStringLiteral("jwt_token_life")).toInteger(), 21600);
    QCOMPARE(entry.value(QStringLiteral("jwt_token_remaining_life")).toDouble(), 21600.0);
    QVERIFY(!list.body.contains("jwt_token\"")); // the JWT itself is never listed
}

void TestSpecterEmulator::remainingLifeIsFloat()
{
    QCOMPARE(create(QStringLiteral("a"), QStringLiteral("1 hour")).status, 201);
    m_now = m_now.addMSecs(1250);
    const RawHttp::Reply list = authedGet(QStringLiteral("/api/v1alpha/token/"));
    const QJsonObject tokens = list.json().value(QStringLiteral("jwt_tokens")).toObject();
    const double remaining =
        tokens.begin().value().toObject().value(QStringLiteral("jwt_token_remaining_life")).toDouble();
    QCOMPARE(remaining, 3600.0 - 1.25);
    QVERIFY(list.body.contains("3598.75"));
}

void TestSpecterEmulator::expiredTokensStayListed()
{
    QCOMPARE(create(QStringLiteral("short"), QStringLiteral("1 minute")).status, 201);
    QCOMPARE(create(QStringLiteral("already"), QStringLiteral("-5 minutes")).status, 201);
    QCOMPARE(create(QStringLiteral("zero"), QStringLiteral("0 seconds")).status, 201);
    m_now = m_now.addSecs(120);
    const RawHttp::Reply list = authedGet(QStringLiteral("/api/v1alpha/token/"));
    QCOMPARE(list.status, 200);
    const QJsonObject tokens = list.json().value(QStringLiteral("jwt_tokens")).toObject();
    QCOMPARE(tokens.size(), 3);
    for (const QJsonValue &value : tokens)
        QCOMPARE(value.toObject().value(QStringLiteral("jwt_token_remaining_life")).toDouble(), 0.0);
    // Integer 0, not 0.0.
    QCOMPARE(list.body.count("\"jwt_token_remaining_life\":0}"), 3);
    QVERIFY(list.body.contains("\"jwt_token_life\":-300"));
}

void TestSpecterEmulator::duplicateOrBlankDescriptionIs400()
{
    const QByteArray expected = R"({"message":"Token description already exists or is blank"})";
    QCOMPARE(create(QStringLiteral("dup"), QStringLiteral("1 hour")).status, 201);
    RawHttp::Reply reply = create(QStringLiteral("dup"), QStringLiteral("2 hours"));
    QCOMPARE(reply.status, 400);
    QCOMPARE(reply.body, expected);
    reply = create(QString(), QStringLiteral("2 hours"));
    QCOMPARE(reply.status, 400);
    QCOMPARE(reply.body, expected);
    // Whitespace-only is not blank to Specter.
    QCOMPARE(create(QStringLiteral("  "), QStringLiteral("2 hours")).status, 201);
    // Specter reads the lifetime (and signs the JWT) before it checks the description: a duplicate with an
    // unreadable lifetime is the generic 500, not the 400.
    reply = create(QStringLiteral("dup"), QStringLiteral("3 months"));
    QCOMPARE(reply.status, 500);
    QCOMPARE(reply.body, GenericBody);
    QCOMPARE(m_specter->tokenCount(QStringLiteral("admin")), 2);
}

void TestSpecterEmulator::genericErrorsAre500_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QByteArray>("body");
    const QString collection = QStringLiteral("/api/v1alpha/token/");
    QTest::newRow("unreadable lifetime") << QByteArray("POST") << collection << QByteArray("application/json")
                                         << QByteArray(R"({"jwt_token_description":"a","jwt_token_life":"3 months"})");
    QTest::newRow("number lifetime") << QByteArray("POST") << collection << QByteArray("application/json")
                                     << QByteArray(R"({"jwt_token_description":"a","jwt_token_life":3600})");
    QTest::newRow("missing lifetime") << QByteArray("POST") << collection << QByteArray("application/json")
                                      << QByteArray(R"({"jwt_token_description":"a"})");
    QTest::newRow("missing description") << QByteArray("POST") << collection << QByteArray("application/json")
                                         << QByteArray(R"({"jwt_token_life":"1 hour"})");
    QTest::newRow("not json content type") << QByteArray("POST") << collection << QByteArray("text/plain")
                                           << QByteArray(R"({"jwt_token_description":"a","jwt_token_life":"1 hour"})");
    QTest::newRow("broken json") << QByteArray("POST") << collection << QByteArray("application/json")
                                 << QByteArray("{\"jwt_token_description\":");
    QTest::newRow("unknown id get") << QByteArray("GET") << collection + QStringLiteral("nope/") << QByteArray()
                                    << QByteArray();
    QTest::newRow("unknown id delete") << QByteArray("DELETE") << collection + QStringLiteral("nope/") << QByteArray()
                                       << QByteArray();
    QTest::newRow("put") << QByteArray("PUT") << collection << QByteArray("application/json") << QByteArray("{}");
}

void TestSpecterEmulator::genericErrorsAre500()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(QByteArray, contentType);
    QFETCH(QByteArray, body);
    RawHttp::Headers headers = adminAuth();
    if (!contentType.isEmpty())
        headers.append({"Content-Type", contentType});
    const RawHttp::Reply reply = RawHttp::send(method, url(path), headers, body);
    QCOMPARE(reply.status, 500);
    QCOMPARE(reply.body, GenericBody);
    QCOMPARE(m_specter->tokenCount(QStringLiteral("admin")), 0);
}

void TestSpecterEmulator::lifetimeTable_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("accepted");
    QTest::addColumn<double>("seconds");
    QTest::addColumn<bool>("isFloat");
    const auto ok = [](const char *text, double seconds, bool isFloat = false) {
        QTest::newRow(text) << QString::fromUtf8(text) << true << seconds << isFloat;
    };
    const auto refused = [](const char *text) {
        QTest::newRow(text) << QString::fromUtf8(text) << false << 0.0 << false;
    };
    ok("6 hours", 21600);
    ok("6 minutes", 360);
    ok("30 minutes", 1800);
    ok("2 days", 172800);
    ok("30 days", 2592000);
    ok("3 weeks", 1814400);
    ok("1h30m", 5400);
    ok("1 hour, 30 minutes", 5400);
    ok("1.5 hours", 5400);
    ok("2 days 3 hours", 183600);
    ok("6 hrs", 21600);
    ok("10 mins", 600);
    ok("3600s", 3600);
    ok("1:30:00", 5400);
    ok("1:30", 90);
    ok("1.5 seconds", 1.5, true);
    ok("0 seconds", 0);
    ok("-5 minutes", -300);
    ok("6 HOURS", 21600);
    ok("1 day/2 hours", 93600);
    ok("1:02:03:04", 93784);
    ok(":30", 30);
    refused("3 months");
    refused("1 year");
    refused("3600");
    refused("six hours");
    refused("");
    refused("   ");
    refused("1.2.3 hours");
}

void TestSpecterEmulator::lifetimeTable()
{
    QFETCH(QString, text);
    QFETCH(bool, accepted);
    QFETCH(double, seconds);
    QFETCH(bool, isFloat);
    const RawHttp::Reply reply = create(QStringLiteral("row ") + text, text);
    if (!accepted) {
        QCOMPARE(reply.status, 500);
        QCOMPARE(reply.body, GenericBody);
        return;
    }
    QCOMPARE(reply.status, 201);
    const QJsonValue life = reply.json().value(QStringLiteral("jwt_token_life"));
    QCOMPARE(life.toDouble(), seconds);
    // An int unless pytimeparse produced a float.
    QCOMPARE(
        reply.body.contains(QByteArray(QByteArray("\"jwt_token_life\":") + QByteArray::number(qint64(seconds)) + ',')),
        !isFloat);
}

void TestSpecterEmulator::detailsAndDelete()
{
    const QString id =
        create(QStringLiteral("d"), QStringLiteral("1 hour")).json().value(QStringLiteral("jwt_token_id")).toString();
    QVERIFY(!id.isEmpty());
    m_now = m_now.addMSecs(500);
    RawHttp::Reply details = authedGet(QStringLiteral("/api/v1alpha/token/%1/").arg(id));
    QCOMPARE(details.status, 200);
    QJsonObject body = details.json();
    QCOMPARE(body.value(QStringLiteral("message")).toString(), QStringLiteral("Token exists"));
    QCOMPARE(body.value(QStringLiteral("jwt_token_description")).toString(), QStringLiteral("d"));
    QCOMPARE(body.value(QStringLiteral("jwt_token_life")).toInteger(), 3600);
    QCOMPARE(body.value(QStringLiteral("jwt_token_life_remaining")).toDouble(), 3599.5);
    QCOMPARE(body.value(QStringLiteral("expiry_status")).toString(), QStringLiteral("Valid"));
    QVERIFY(!body.contains(QStringLiteral("jwt_token_remaining_life")));

    m_now = m_now.addSecs(3600);
    details = authedGet(QStringLiteral("/api/v1alpha/token/%1/").arg(id));
    QCOMPARE(details.json().value(QStringLiteral("expiry_status")).toString(), QStringLiteral("Expired"));
    QVERIFY(details.body.contains("\"jwt_token_life_remaining\":0,"));

    RawHttp::Reply deleted =
        RawHttp::send("DELETE", url(QStringLiteral("/api/v1alpha/token/%1/").arg(id)), adminAuth());
    QCOMPARE(deleted.status, 200);
    QCOMPARE(deleted.body, QByteArray(R"({"message":"Token deleted"})"));
    deleted = RawHttp::send("DELETE", url(QStringLiteral("/api/v1alpha/token/%1/").arg(id)), adminAuth());
    QCOMPARE(deleted.status, 500);
    QCOMPARE(authedGet(QStringLiteral("/api/v1alpha/token/%1/").arg(id)).status, 500);
    QCOMPARE(authedGet(QStringLiteral("/api/v1alpha/token/")).status, 404);
}

void TestSpecterEmulator::bearerRouteNeedsRegisteredToken()
{
    const QJsonObject created = create(QStringLiteral("bearer"), QStringLiteral("1 hour")).json();
    const QByteArray jwt = created.value(QStringLiteral("jwt_token")).toString().toLatin1();
    const QString id = created.value(QStringLiteral("jwt_token_id")).toString();
    const QUrl specterUrl = url(QStringLiteral("/api/v1alpha/specter"));

    QCOMPARE(RawHttp::get(specterUrl, {{"Authorization", "Bearer " + jwt}}).status, 200);
    // Basic auth is not accepted there; a tampered signature neither.
    QCOMPARE(RawHttp::get(specterUrl, adminAuth()).status, 401);
    QByteArray tampered = jwt;
    tampered[tampered.size() - 2] = tampered.at(tampered.size() - 2) == 'A' ? 'B' : 'A';
    QCOMPARE(RawHttp::get(specterUrl, {{"Authorization", "Bearer " + tampered}}).status, 401);
    // A non-admin user's token is refused on the admin route.
    m_specter->addUser(QStringLiteral("bob"), QStringLiteral("bobpw"));
    const QJsonObject body {{QStringLiteral("jwt_token_description"), QStringLiteral("b")},
        {QStringLiteral("jwt_token_life"), QStringLiteral("1 hour")}};
    const QByteArray bobJwt = RawHttp::send("POST", url(QStringLiteral("/api/v1alpha/token/")),
        {RawHttp::basicAuth(QStringLiteral("bob"), QStringLiteral("bobpw")), RawHttp::jsonContentType()},
        QJsonDocument(body).toJson())
                                  .json()
                                  .value(QStringLiteral("jwt_token"))
                                  .toString()
                                  .toLatin1();
    QVERIFY(!bobJwt.isEmpty());
    QCOMPARE(RawHttp::get(specterUrl, {{"Authorization", "Bearer " + bobJwt}}).status, 401);

    // Expired, then deleted: both refused.
    m_now = m_now.addSecs(3601);
    QCOMPARE(RawHttp::get(specterUrl, {{"Authorization", "Bearer " + jwt}}).status, 401);
    m_now = m_now.addSecs(-3601);
    QCOMPARE(RawHttp::send("DELETE", url(QStringLiteral("/api/v1alpha/token/%1/").arg(id)), adminAuth()).status, 200);
    QCOMPARE(RawHttp::get(specterUrl, {{"Authorization", "Bearer " + jwt}}).status, 401);
}

void TestSpecterEmulator::healthRoutes()
{
    RawHttp::Reply reply = RawHttp::get(url(QStringLiteral("/api/healthz/liveness")));
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json().value(QStringLiteral("message")).toString(), QStringLiteral("i am alive"));
    reply = RawHttp::get(url(QStringLiteral("/api/healthz/readyness")));
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json().value(QStringLiteral("message")).toString(), QStringLiteral("i am ready"));
}

void TestSpecterEmulator::apiOffLooksLikeSpecter404()
{
    m_specter->setApiActive(false);
    RawHttp::Reply reply = authedGet(QStringLiteral("/api/v1alpha/token/"));
    QCOMPARE(reply.status, 404);
    QVERIFY(reply.header("content-type").startsWith("text/html"));
    QCOMPARE(RawHttp::get(url(QStringLiteral("/api/healthz/liveness"))).status, 404);
    reply = RawHttp::get(url(QStringLiteral("/api/v1alpha/token/")),
        adminAuth() << qMakePair(QByteArray("Accept"), QByteArray("application/json")));
    QCOMPARE(reply.status, 200);
    QVERIFY(reply.json()
                .value(QStringLiteral("error"))
                .toString()
                .startsWith(QStringLiteral("Could not find Resource (404): ")));
}

void TestSpecterEmulator::usersSeeOnlyTheirOwnTokens()
{
    QCOMPARE(create(QStringLiteral("mine"), QStringLiteral("1 hour")).status, 201);
    m_specter->addUser(QStringLiteral("bob"), QStringLiteral("bobpw"));
    const RawHttp::Reply reply = RawHttp::get(url(QStringLiteral("/api/v1alpha/token/")),
        {RawHttp::basicAuth(QStringLiteral("bob"), QStringLiteral("bobpw"))});
    QCOMPARE(reply.status, 404);
}

void TestSpecterEmulator::userNameNotStoredAsTypedIs500()
{
    m_specter->addUser(QStringLiteral("Alice Admin"), QStringLiteral("alicepw"), true);
    const QString collection = QStringLiteral("/api/v1alpha/token/");
    const RawHttp::Headers typed = {RawHttp::basicAuth(QStringLiteral("Alice Admin"), QStringLiteral("alicepw"))};
    // The password matches (authentication passes), then every token call fails to find the user.
    RawHttp::Reply reply = RawHttp::get(url(collection), typed);
    QCOMPARE(reply.status, 500);
    QCOMPARE(reply.body, GenericBody);
    reply = RawHttp::send("POST", url(collection), RawHttp::Headers(typed) << RawHttp::jsonContentType(),
        R"({"jwt_token_description":"a","jwt_token_life":"1 hour"})");
    QCOMPARE(reply.status, 500);
    QCOMPARE(reply.body, GenericBody);
    QCOMPARE(m_specter->tokenCount(QStringLiteral("alice_admin")), 0);
    // A wrong password is still a 401, and the stored form of the name works.
    QCOMPARE(
        RawHttp::get(url(collection), {RawHttp::basicAuth(QStringLiteral("Alice Admin"), QStringLiteral("x"))}).status,
        401);
    const RawHttp::Headers stored = {RawHttp::basicAuth(QStringLiteral("alice_admin"), QStringLiteral("alicepw"))};
    QCOMPARE(RawHttp::get(url(collection), stored).status, 404); // the empty list
}

void TestSpecterEmulator::seedTokens()
{
    m_server->seedTokens(12);
    const RawHttp::Reply reply = authedGet(QStringLiteral("/api/v1alpha/token/"));
    QCOMPARE(reply.status, 200);
    const QJsonObject tokens = reply.json().value(QStringLiteral("jwt_tokens")).toObject();
    QCOMPARE(tokens.size(), 12);
    int expired = 0;
    for (const QJsonValue &value : tokens)
        expired += value.toObject().value(QStringLiteral("jwt_token_remaining_life")).toDouble() == 0 ? 1 : 0;
    QVERIFY(expired > 0);
    QVERIFY(expired < 12);
    // Seeding again adds, with fresh descriptions.
    m_server->seedTokens(3);
    QCOMPARE(m_specter->tokenCount(QStringLiteral("admin")), 15);
}

QTEST_GUILESS_MAIN(TestSpecterEmulator)
#include "tst_specteremulator.moc"
