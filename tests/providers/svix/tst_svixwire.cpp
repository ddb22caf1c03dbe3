// SvixWire: region from the key, request bodies (unset optionals omitted), 422 parsing, ApiTokenOut nulls.
#include "core/UtcTime.h"
#include "providers/ProviderRegistry.h"
#include "providers/svix/SvixProvider.h"
#include "providers/svix/SvixWire.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

namespace {

QJsonObject object(const QByteArray &json)
{
    return QJsonDocument::fromJson(json).object();
}

} // namespace

class TestSvixWire : public QObject
{
    Q_OBJECT

private slots:
    void regionFromKey_data();
    void regionFromKey();
    void descriptorEffectiveUrl_data();
    void descriptorEffectiveUrl();
    void portalBodyOmitsUnset();
    void portalBodyFull();
    void expireAllBody();
    void createTokenBody();
    void parsePortalAccess();
    void parseApiTokenWithNulls();
    void parseApiTokenFull();
    void parseApiTokenMissingToken();
    void validationErrors();
    void httpError();
    void fieldKeyForLoc_data();
    void fieldKeyForLoc();
    void hashPrefix();
    void sessionIdSanitised();
};

void TestSvixWire::regionFromKey_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("url");
    QTest::newRow("eu") << "sk_abc.eu"
                        << "https://api.eu.svix.com";
    QTest::newRow("us") << "testsk_abc.us"
                        << "https://api.us.svix.com";
    QTest::newRow("in") << "sk_abc.in"
                        << "https://api.in.svix.com";
    QTest::newRow("ca") << "sk_abc.ca"
                        << "https://api.ca.svix.com";
    QTest::newRow("au") << "sk_abc.au"
                        << "https://api.au.svix.com";
    QTest::newRow("none") << "sk_abc"
                          << "https://api.svix.com";
    QTest::newRow("unknown") << "sk_abc.xx"
                             << "https://api.svix.com";
    // The SDKs take token.split(".")[1]: the part after the first dot, up to the next one.
    QTest::newRow("more dots") << "sk_abc.eu.extra"
                               << "https://api.eu.svix.com";
    QTest::newRow("upper case is not a region") << "sk_abc.EU"
                                                << "https://api.svix.com";
    QTest::newRow("empty") << ""
                           << "https://api.svix.com";
}

void TestSvixWire::regionFromKey()
{
    QFETCH(QString, key);
    QFETCH(QString, url);
    QCOMPARE(SvixProvider::regionBaseUrl(key), QUrl(url));
}

void TestSvixWire::descriptorEffectiveUrl_data()
{
    QTest::addColumn<QString>("baseUrl");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("effective");
    for (const char *region : {"us", "eu", "in", "ca", "au"})
        QTest::newRow(region) << QString() << QStringLiteral("sk_abc.%1").arg(QLatin1String(region))
                              << QStringLiteral("https://api.%1.svix.com").arg(QLatin1String(region));
    QTest::newRow("no suffix") << QString() << QStringLiteral("sk_abc") << QStringLiteral("https://api.svix.com");
    QTest::newRow("no key") << QString() << QString() << QStringLiteral("https://api.svix.com");
    QTest::newRow("explicit URL wins") << QStringLiteral("https://svix.example.com/base") << QStringLiteral("sk_abc.eu")
                                       << QStringLiteral("https://svix.example.com/base");
}

// The descriptor pre-fills no URL: an empty base URL is the key's region, what the provider then calls.
void TestSvixWire::descriptorEffectiveUrl()
{
    QFETCH(QString, baseUrl);
    QFETCH(QString, key);
    QFETCH(QString, effective);
    const ProviderDescriptor *descriptor = ProviderRegistry::instance().find(QStringLiteral("svix"));
    QVERIFY(descriptor);
    QVERIFY(descriptor->defaultBaseUrl.isEmpty());
    QVERIFY(descriptor->baseUrlFromSecrets);
    Account account;
    account.providerId = QStringLiteral("svix");
    account.baseUrl = QUrl(baseUrl);
    QHash<QString, QString> secrets;
    if (!key.isEmpty())
        secrets.insert(QStringLiteral("api_key"), key);
    QCOMPARE(descriptor->effectiveBaseUrl(account, secrets), QUrl(effective));
    QVERIFY(descriptor->validateAccount(account).isEmpty());

    SvixProvider provider(account, ProviderContext {});
    if (!key.isEmpty())
        provider.setSecret(QStringLiteral("api_key"), key);
    QCOMPARE(provider.baseUrl(), QUrl(effective));
}

void TestSvixWire::portalBodyOmitsUnset()
{
    SvixWire::PortalAccessIn in;
    const QByteArray body = SvixWire::portalAccessRequest(in);
    QCOMPARE(body, QByteArray("{}"));
    in.featureFlags = {}; // empty: never sent (minItems 1)
    in.capabilities = std::nullopt;
    QVERIFY(!object(SvixWire::portalAccessRequest(in)).contains(QStringLiteral("featureFlags")));
}

void TestSvixWire::portalBodyFull()
{
    SvixWire::PortalAccessIn in;
    in.expiry = 3600;
    in.sessionId = QStringLiteral("user_1FB8");
    in.featureFlags = {QStringLiteral("beta")};
    in.capabilities = QStringList {QStringLiteral("ViewBase")};
    const QJsonObject body = object(SvixWire::portalAccessRequest(in));
    QCOMPARE(body.value(QLatin1String("expiry")).toInteger(), 3600);
    QCOMPARE(body.value(QLatin1String("sessionId")).toString(), QStringLiteral("user_1FB8"));
    QCOMPARE(body.value(QLatin1String("featureFlags")).toArray(), QJsonArray {QStringLiteral("beta")});
    QCOMPARE(body.value(QLatin1String("capabilities")).toArray(), QJsonArray {QStringLiteral("ViewBase")});
    QVERIFY(!body.contains(QStringLiteral("readOnly")));
    QCOMPARE(body.size(), 4);
}

void TestSvixWire::expireAllBody()
{
    QCOMPARE(object(SvixWire::expireAllRequest(0, {})), QJsonObject({{QStringLiteral("expiry"), 0}}));
    const QJsonObject body = object(SvixWire::expireAllRequest(60, {QStringLiteral("a"), QStringLiteral("b")}));
    QCOMPARE(body.value(QLatin1String("expiry")).toInteger(), 60);
    QCOMPARE(body.value(QLatin1String("sessionIds")).toArray().size(), 2);
    QCOMPARE(SvixWire::expireAllRequest(std::nullopt, {}), QByteArray("{}"));
}

void TestSvixWire::createTokenBody()
{
    QCOMPARE(object(SvixWire::createTokenRequest(QStringLiteral("ci"), std::nullopt)),
        QJsonObject({{QStringLiteral("name"), QStringLiteral("ci")}}));
    QCOMPARE(
        object(SvixWire::createTokenRequest(QStringLiteral("ci"), 86400)).value(QLatin1String("expiry")).toInteger(),
        86400);
}

void TestSvixWire::parsePortalAccess()
{
    const auto out =
        SvixWire::parsePortalAccess(R"({"url":"https://app.svix.com/login#key=x","token":"appsk_1","extra":1})");
    QVERIFY(out.ok());
    QCOMPARE(out->url, QStringLiteral("https://app.svix.com/login#key=x"));
    QVERIFY(out->token == QLatin1String("appsk_1"));
    QCOMPARE(SvixWire::parsePortalAccess("{\"url\":\"x\"}").error().kind(), ApiError::Kind::MalformedResponse);
    QCOMPARE(SvixWire::parsePortalAccess("not json").error().kind(), ApiError::Kind::MalformedResponse);
}

void TestSvixWire::parseApiTokenWithNulls()
{
    const auto out = SvixWire::parseApiToken(
        R"({"id":"key_1","token":"s","createdAt":"2019-08-24T14:15:22Z","name":null,"expiresAt":null,"scopes":null})");
    QVERIFY(out.ok());
    QCOMPARE(out->id, QStringLiteral("key_1"));
    QVERIFY(out->name.isEmpty());
    QVERIFY(!out->expiresAt);
    QVERIFY(!out->scopes);
    QCOMPARE(*out->createdAt, UtcTime::dateTime(QDate(2019, 8, 24), QTime(14, 15, 22)));
    // Missing keys are the same as null.
    const auto missing = SvixWire::parseApiToken(R"({"id":"key_1","token":"s","createdAt":"2019-08-24T14:15:22Z"})");
    QVERIFY(missing.ok());
    QVERIFY(!missing->expiresAt);
}

void TestSvixWire::parseApiTokenFull()
{
    const auto out =
        SvixWire::parseApiToken(R"({"id":"key_1","token":"s","createdAt":"2019-08-24T14:15:22.123456789Z","name":"ci",)"
                                R"("expiresAt":"2019-08-25T14:15:22.5Z","scopes":["a"],"newField":true})");
    QVERIFY(out.ok());
    QCOMPARE(out->name, QStringLiteral("ci"));
    QVERIFY(out->createdAt.has_value());
    QCOMPARE(out->createdAt->date(), QDate(2019, 8, 24));
    QVERIFY(out->expiresAt.has_value());
    QCOMPARE(out->expiresAt->time().second(), 22);
    QCOMPARE(*out->scopes, QStringList {QStringLiteral("a")});
}

void TestSvixWire::parseApiTokenMissingToken()
{
    QCOMPARE(SvixWire::parseApiToken(R"({"id":"key_1"})").error().kind(), ApiError::Kind::MalformedResponse);
}

void TestSvixWire::validationErrors()
{
    const QByteArray body = R"({"detail":[{"loc":["body","expiry"],"msg":"ensure this value is greater than or )"
                            R"(equal to 3600","type":"value_error.number.not_ge"},)"
                            R"({"loc":["body","sessionId"],"msg":"bad","type":"value_error.str.regex"},)"
                            R"({"loc":["body","sessionIds",2],"msg":"bad2","type":"value_error.str.regex"}]})";
    const QList<FieldError> errors = SvixWire::parseValidationErrors(body);
    QCOMPARE(errors.size(), 3);
    QCOMPARE(errors[0].field, QStringLiteral("expiry"));
    QVERIFY(errors[0].message.contains(QLatin1String("3600")));
    QCOMPARE(errors[1].field, QStringLiteral("session_id"));
    QCOMPARE(errors[2].field, QStringLiteral("session_ids"));
    // An HttpErrorOut (detail is a string) is not a validation error.
    QVERIFY(SvixWire::parseValidationErrors(R"({"code":"x","detail":"y"})").isEmpty());
}

void TestSvixWire::httpError()
{
    const auto error = SvixWire::parseHttpError(R"({"code":"not_found","detail":"Application not found"})");
    QCOMPARE(error.code, QStringLiteral("not_found"));
    QCOMPARE(error.detail, QStringLiteral("Application not found"));
    QVERIFY(SvixWire::parseHttpError("<html>").detail.isEmpty());
}

void TestSvixWire::fieldKeyForLoc_data()
{
    QTest::addColumn<QStringList>("loc");
    QTest::addColumn<QString>("key");
    QTest::newRow("expiry") << QStringList {"body", "expiry"} << "expiry";
    QTest::newRow("featureFlags") << QStringList {"body", "featureFlags", "0"} << "feature_flags";
    QTest::newRow("app_id") << QStringList {"path", "app_id"} << "app_id";
    QTest::newRow("bare") << QStringList {"name"} << "name";
    QTest::newRow("body only") << QStringList {"body"} << "";
}

void TestSvixWire::fieldKeyForLoc()
{
    QFETCH(QStringList, loc);
    QFETCH(QString, key);
    QCOMPARE(SvixWire::fieldKeyForLoc(loc), key);
}

void TestSvixWire::hashPrefix()
{
    const QString prefix = SvixWire::tokenHashPrefix(QStringLiteral("appsk_abc"));
    QCOMPARE(prefix.size(), 16);
    QVERIFY(prefix == SvixWire::tokenHashPrefix(QStringLiteral("appsk_abc")));
    QVERIFY(prefix != SvixWire::tokenHashPrefix(QStringLiteral("appsk_abd")));
    QVERIFY(!prefix.contains(QLatin1String("abc")));
}

void TestSvixWire::sessionIdSanitised()
{
    QCOMPARE(SvixProvider::sanitizeSessionId(QStringLiteral("jane.doe smith")), QStringLiteral("jane_doe_smith"));
    QCOMPARE(SvixProvider::sanitizeSessionId(QString()), QStringLiteral("tokendesk"));
    QCOMPARE(SvixProvider::sanitizeSessionId(QString(100, QLatin1Char('a'))).size(), 64);
    QVERIFY(SvixProvider::isValidSessionId(SvixProvider::defaultSessionId()));
    QVERIFY(!SvixProvider::isValidSessionId(QStringLiteral("a b")));
    const QByteArray key = SvixProvider::newIdempotencyKey();
    QCOMPARE(key.size(), 36);
    QVERIFY(!key.startsWith("auto_"));
    QVERIFY(key != SvixProvider::newIdempotencyKey());
}

QTEST_GUILESS_MAIN(TestSvixWire)
#include "tst_svixwire.moc"
