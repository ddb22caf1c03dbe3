// SvixEmulator over raw HTTP: status codes, error and 422 shapes, idempotency replay, logout once.
#include "RawHttp.h"
#include "SandboxServer.h"
#include "SvixEmulator.h"
#include "core/UtcTime.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include <memory>

class TestSvixEmulator : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void readyInfo();
    void portalAccess();
    void sdkHeadersAccepted();
    void unauthorized();
    void unknownApp();
    void portalExpiryOutOfRange();
    void badSessionId();
    void emptyFeatureFlagsRefused();
    void idempotencyReplay();
    void failuresAreNotCached();
    void logoutOnce();
    void apiKeyCannotLogout();
    void expireAllWithGrace();
    void expireAllBySession();
    void expireAllGraceOutOfRange();
    void messageToken();
    void methodNotAllowed();
    void legacyRoutes();
    void legacyRoutesDisabled();

private:
    QUrl url(const QString &path) const { return QUrl(m_base + path); }
    RawHttp::Reply post(const QString &path, const QByteArray &body, const QByteArray &key = {},
        const QByteArray &bearer = SvixEmulator::DemoApiKey);
    QString mintPortal(const QString &sessionId = {});

    std::unique_ptr<SandboxServer> m_sandbox;
    SvixEmulator *m_emulator = nullptr;
    QString m_base;
    QDateTime m_now;
};

void TestSvixEmulator::init()
{
    m_sandbox = std::make_unique<SandboxServer>();
    auto emulator = std::make_unique<SvixEmulator>();
    m_emulator = emulator.get();
    m_sandbox->addEmulator(std::move(emulator));
    m_now = UtcTime::dateTime(QDate(2026, 3, 1), QTime(9, 0));
    m_sandbox->setClock([this] { return m_now; });
    QVERIFY(m_sandbox->listen());
    m_base = m_emulator->readyInfo(m_sandbox->url()).value(QLatin1String("base_url")).toString();
}

void TestSvixEmulator::cleanup()
{
    m_sandbox.reset();
    m_emulator = nullptr;
}

RawHttp::Reply TestSvixEmulator::post(
    const QString &path, const QByteArray &body, const QByteArray &key, const QByteArray &bearer)
{
    RawHttp::Headers headers {RawHttp::jsonContentType(), {"Accept", "application/json, */*;q=0.8"}};
    if (!bearer.isEmpty())
        headers.append({"Authorization", "Bearer " + bearer});
    if (!key.isEmpty())
        headers.append({"Idempotency-Key", key});
    return RawHttp::send("POST", url(path), headers, body);
}

QString TestSvixEmulator::mintPortal(const QString &sessionId)
{
    QJsonObject body {{QStringLiteral("expiry"), 3600}};
    if (!sessionId.isEmpty())
        body.insert(QStringLiteral("sessionId"), sessionId);
    const RawHttp::Reply reply = post(
        QStringLiteral("/api/v1/auth/app-portal-access/app_demo"), QJsonDocument(body).toJson(QJsonDocument::Compact));
    return reply.json().value(QLatin1String("token")).toString();
}

void TestSvixEmulator::readyInfo()
{
    const QJsonObject info = m_emulator->readyInfo(m_sandbox->url());
    QVERIFY(info.value(QLatin1String("base_url")).toString().endsWith(QLatin1String("/svix")));
    QVERIFY(info.value(QLatin1String("api_key")).toString().endsWith(QLatin1String(".eu")));
    QVERIFY(info.value(QLatin1String("app_ids")).toArray().contains(QStringLiteral("app_demo")));
}

void TestSvixEmulator::portalAccess()
{
    const RawHttp::Reply reply = post(QStringLiteral("/api/v1/auth/app-portal-access/app_demo"), "{}");
    QCOMPARE(reply.status, 200);
    QVERIFY(reply.json().value(QLatin1String("token")).toString().startsWith(QLatin1String("appsk_")));
    QVERIFY(!reply.json().value(QLatin1String("url")).toString().isEmpty());
    QCOMPARE(m_emulator->mintedCount(), 1);
}

void TestSvixEmulator::sdkHeadersAccepted()
{
    const RawHttp::Reply reply = RawHttp::send("POST", url(QStringLiteral("/api/v1/auth/app-portal-access/app_demo")),
        {RawHttp::jsonContentType(), {"accept", "application/json, */*;q=0.8"}, {"svix-req-id", "12345"},
            {"svix-retry-count", "1"}, {"user-agent", "svix-libs/1.0/rust"},
            {"authorization", QByteArray("Bearer ") + SvixEmulator::DemoApiKey}},
        "{\"expiry\":7200}");
    QCOMPARE(reply.status, 200);
}

void TestSvixEmulator::unauthorized()
{
    const RawHttp::Reply reply = post(QStringLiteral("/api/v1/auth/app-portal-access/app_demo"), "{}", {}, "wrong");
    QCOMPARE(reply.status, 401);
    QCOMPARE(reply.json().value(QLatin1String("code")).toString(), QStringLiteral("authentication_failed"));
    QVERIFY(reply.json().value(QLatin1String("detail")).isString());
}

void TestSvixEmulator::unknownApp()
{
    const RawHttp::Reply reply = post(QStringLiteral("/api/v1/auth/app-portal-access/app_nope"), "{}");
    QCOMPARE(reply.status, 404);
    QCOMPARE(reply.json(),
        QJsonObject({{QStringLiteral("code"), QStringLiteral("not_found")},
            {QStringLiteral("detail"), QStringLiteral("Application not found")}}));
    // With an application body the app is created.
    const RawHttp::Reply created =
        post(QStringLiteral("/api/v1/auth/app-portal-access/app_new"), R"({"application":{"name":"New app"}})");
    QCOMPARE(created.status, 200);
}

void TestSvixEmulator::portalExpiryOutOfRange()
{
    for (const QByteArray &body : {QByteArray(R"({"expiry":3599})"), QByteArray(R"({"expiry":604801})")}) {
        const RawHttp::Reply reply = post(QStringLiteral("/api/v1/auth/app-portal-access/app_demo"), body);
        QCOMPARE(reply.status, 422);
        const QJsonArray detail = reply.json().value(QLatin1String("detail")).toArray();
        QCOMPARE(detail.size(), 1);
        const QJsonObject item = detail.first().toObject();
        QCOMPARE(
            item.value(QLatin1String("loc")).toArray(), QJsonArray({QStringLiteral("body"), QStringLiteral("expiry")}));
        QVERIFY(item.value(QLatin1String("msg")).isString());
        QVERIFY(item.value(QLatin1String("type")).toString().startsWith(QLatin1String("value_error")));
    }
    QCOMPARE(post(QStringLiteral("/api/v1/auth/app-portal-access/app_demo"), R"({"expiry":3600})").status, 200);
    QCOMPARE(post(QStringLiteral("/api/v1/auth/app-portal-access/app_demo"), R"({"expiry":604800})").status, 200);
}

void TestSvixEmulator::badSessionId()
{
    const RawHttp::Reply reply =
        post(QStringLiteral("/api/v1/auth/app-portal-access/app_demo"), R"({"sessionId":"has space"})");
    QCOMPARE(reply.status, 422);
    const QJsonObject item = reply.json().value(QLatin1String("detail")).toArray().first().toObject();
    QCOMPARE(item.value(QLatin1String("loc")).toArray().last().toString(), QStringLiteral("sessionId"));
}

void TestSvixEmulator::emptyFeatureFlagsRefused()
{
    QCOMPARE(post(QStringLiteral("/api/v1/auth/app-portal-access/app_demo"), R"({"featureFlags":[]})").status, 422);
    QCOMPARE(post(QStringLiteral("/api/v1/auth/app-portal-access/app_demo"), R"({"featureFlags":null})").status, 200);
}

void TestSvixEmulator::idempotencyReplay()
{
    const QString path = QStringLiteral("/api/v1/auth/app-portal-access/app_demo");
    const RawHttp::Reply first = post(path, "{}", "6f1c0d3e-3c2b-4b7e-9a0f-2f4c8d1e7a55");
    const RawHttp::Reply second = post(path, R"({"expiry":3600})", "6f1c0d3e-3c2b-4b7e-9a0f-2f4c8d1e7a55");
    QCOMPARE(first.status, 200);
    QCOMPARE(second.status, 200);
    QVERIFY(first.body == second.body);
    QCOMPARE(m_emulator->mintedCount(), 1);
    QCOMPARE(m_emulator->replayCount(), 1);
    // Another key mints again; the same key on another URI is another request.
    QVERIFY(post(path, "{}", "other-key").body != first.body);
    QCOMPARE(
        post(QStringLiteral("/api/v1/auth/app-portal-access/app_staging"), "{}", "6f1c0d3e-3c2b-4b7e-9a0f-2f4c8d1e7a55")
            .status,
        200);
    QCOMPARE(m_emulator->mintedCount(), 3);
    // After 12 hours the key is forgotten.
    m_now = m_now.addSecs(12 * 3600 + 1);
    QVERIFY(post(path, "{}", "6f1c0d3e-3c2b-4b7e-9a0f-2f4c8d1e7a55").body != first.body);
    QCOMPARE(m_emulator->mintedCount(), 4);
}

void TestSvixEmulator::failuresAreNotCached()
{
    const QString path = QStringLiteral("/api/v1/auth/app-portal-access/app_demo");
    QCOMPARE(post(path, R"({"expiry":1})", "key-1").status, 422);
    QCOMPARE(post(path, R"({"expiry":3600})", "key-1").status, 200);
    QCOMPARE(m_emulator->mintedCount(), 1);
}

void TestSvixEmulator::logoutOnce()
{
    const QString token = mintPortal();
    QVERIFY(!token.isEmpty());
    QCOMPARE(post(QStringLiteral("/api/v1/auth/logout"), {}, {}, token.toUtf8()).status, 204);
    QCOMPARE(post(QStringLiteral("/api/v1/auth/logout"), {}, {}, token.toUtf8()).status, 401);
}

void TestSvixEmulator::apiKeyCannotLogout()
{
    QCOMPARE(post(QStringLiteral("/api/v1/auth/logout"), {}).status, 401);
    QCOMPARE(post(QStringLiteral("/api/v1/auth/logout"), {}, {}, {}).status, 401);
}

void TestSvixEmulator::expireAllWithGrace()
{
    const QString token = mintPortal(QStringLiteral("user_1"));
    QCOMPARE(post(QStringLiteral("/api/v1/auth/app/app_demo/expire-all"), R"({"expiry":60})").status, 204);
    m_now = m_now.addSecs(61);
    QCOMPARE(post(QStringLiteral("/api/v1/auth/logout"), {}, {}, token.toUtf8()).status, 401);
}

void TestSvixEmulator::expireAllBySession()
{
    const QString kept = mintPortal(QStringLiteral("keep"));
    const QString ended = mintPortal(QStringLiteral("end"));
    QCOMPARE(
        post(QStringLiteral("/api/v1/auth/app/app_demo/expire-all"), R"({"expiry":0,"sessionIds":["end"]})").status,
        204);
    QCOMPARE(post(QStringLiteral("/api/v1/auth/logout"), {}, {}, ended.toUtf8()).status, 401);
    QCOMPARE(post(QStringLiteral("/api/v1/auth/logout"), {}, {}, kept.toUtf8()).status, 204);
    QCOMPARE(post(QStringLiteral("/api/v1/auth/app/app_nope/expire-all"), "{}").status, 404);
    QCOMPARE(post(QStringLiteral("/api/v1/auth/app/app_demo/expire-all"), R"({"sessionIds":["bad id"]})").status, 422);
}

void TestSvixEmulator::expireAllGraceOutOfRange()
{
    const RawHttp::Reply reply = post(QStringLiteral("/api/v1/auth/app/app_demo/expire-all"), R"({"expiry":259201})");
    QCOMPARE(reply.status, 422);
    QCOMPARE(reply.json().value(QLatin1String("detail")).toArray().first().toObject().value(QLatin1String("loc")),
        QJsonValue(QJsonArray({QStringLiteral("body"), QStringLiteral("expiry")})));
    QCOMPARE(post(QStringLiteral("/api/v1/auth/app/app_demo/expire-all"), R"({"expiry":-1})").status, 422);
    QCOMPARE(post(QStringLiteral("/api/v1/auth/app/app_demo/expire-all"), "{}").status, 204);
}

void TestSvixEmulator::messageToken()
{
    const RawHttp::Reply reply =
        post(QStringLiteral("/api/v1/auth/app/app_demo/create-message-token"), R"({"name":"ci","expiry":86400})");
    QCOMPARE(reply.status, 200);
    const QJsonObject out = reply.json();
    QVERIFY(out.value(QLatin1String("id")).toString().startsWith(QLatin1String("key_")));
    QCOMPARE(out.value(QLatin1String("id")).toString().size(), 31);
    QCOMPARE(out.value(QLatin1String("name")).toString(), QStringLiteral("ci"));
    QVERIFY(out.value(QLatin1String("scopes")).isNull());
    QCOMPARE(QDateTime::fromString(out.value(QLatin1String("expiresAt")).toString(), Qt::ISODateWithMs),
        m_now.addSecs(86400));
    const RawHttp::Reply never =
        post(QStringLiteral("/api/v1/auth/app/app_demo/create-message-token"), R"({"name":"x"})");
    QVERIFY(never.json().value(QLatin1String("expiresAt")).isNull());
    QCOMPARE(post(QStringLiteral("/api/v1/auth/app/app_demo/create-message-token"), "{}").status, 422);
}

void TestSvixEmulator::methodNotAllowed()
{
    const RawHttp::Reply reply = RawHttp::get(url(QStringLiteral("/api/v1/auth/app-portal-access/app_demo")),
        {{"Authorization", QByteArray("Bearer ") + SvixEmulator::DemoApiKey}});
    QCOMPARE(reply.status, 405);
}

void TestSvixEmulator::legacyRoutes()
{
    const RawHttp::Reply dashboard = post(QStringLiteral("/api/v1/auth/dashboard-access/app_demo"), {});
    QCOMPARE(dashboard.status, 200);
    QVERIFY(dashboard.json().value(QLatin1String("token")).toString().startsWith(QLatin1String("appsk_")));
    mintPortal();
    const QByteArray body =
        QJsonDocument(QJsonObject {{QStringLiteral("oneTimeToken"), m_emulator->lastOneTimeToken()}})
            .toJson(QJsonDocument::Compact);
    const RawHttp::Reply exchanged = post(QStringLiteral("/api/v1/auth/one-time-token"), body, {}, {});
    QCOMPARE(exchanged.status, 200);
    QVERIFY(exchanged.json().value(QLatin1String("capabilities")).toArray().contains(QStringLiteral("ViewBase")));
    QCOMPARE(post(QStringLiteral("/api/v1/auth/one-time-token"), body, {}, {}).status, 401); // single use
}

void TestSvixEmulator::legacyRoutesDisabled()
{
    m_emulator->setLegacyRoutesEnabled(false);
    QCOMPARE(post(QStringLiteral("/api/v1/auth/dashboard-access/app_demo"), {}).status, 404);
    QCOMPARE(post(QStringLiteral("/api/v1/auth/one-time-token"), R"({"oneTimeToken":"x"})").status, 404);
}

QTEST_GUILESS_MAIN(TestSvixEmulator)
#include "tst_svixemulator.moc"
