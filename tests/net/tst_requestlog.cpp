#include "net/RequestLog.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

class TestRequestLog : public QObject
{
    Q_OBJECT

private slots:
    void secretNames_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("secret");
        for (const char *name : {"password", "Password", "passcode", "secret", "token", "access_token", "accessToken",
                 "refresh", "refresh_token", "api_key", "apiKey", "apikey", "key", "client_secret", "clientSecret",
                 "jwt_token", "authorization", "oneTimeToken", "user_password"})
            QTest::newRow(name) << QString::fromLatin1(name) << true;
        for (const char *name : {"username", "description", "token_id", "id", "life", "expires_in", "uid", "name",
                 "tokens", "monkey_business", "jti", ""})
            QTest::newRow(*name ? name : "empty") << QString::fromLatin1(name) << false;
    }

    void secretNames()
    {
        QFETCH(QString, name);
        QFETCH(bool, secret);
        QCOMPARE(RequestLog::isSecretName(name), secret);
    }

    void headers_data()
    {
        QTest::addColumn<QByteArray>("name");
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("bearer") << QByteArray("Authorization") << QByteArray("Bearer abc.def.ghi")
                                << QByteArray("Bearer <redacted>");
        QTest::newRow("basic") << QByteArray("authorization") << QByteArray("Basic dXNlcjpwYXNz")
                               << QByteArray("Basic <redacted>");
        QTest::newRow("bare") << QByteArray("Authorization") << QByteArray("abcdef") << QByteArray("<redacted>");
        QTest::newRow("proxy") << QByteArray("Proxy-Authorization") << QByteArray("Basic xyz")
                               << QByteArray("Basic <redacted>");
        QTest::newRow("cookie") << QByteArray("Cookie") << QByteArray("sid=1") << QByteArray("<redacted>");
        QTest::newRow("set-cookie") << QByteArray("Set-Cookie") << QByteArray("sid=1") << QByteArray("<redacted>");
        QTest::newRow("x-api-key") << QByteArray("X-API-Key") << QByteArray("k1") << QByteArray("<redacted>");
        QTest::newRow("vendor key") << QByteArray("X-MAGICBELL-API-KEY") << QByteArray("k2")
                                    << QByteArray("<redacted>");
        QTest::newRow("vendor secret") << QByteArray("X-MAGICBELL-API-SECRET") << QByteArray("s")
                                       << QByteArray("<redacted>");
        QTest::newRow("idempotency") << QByteArray("Idempotency-Key") << QByteArray("idem-1") << QByteArray("idem-1");
        QTest::newRow("accept") << QByteArray("Accept") << QByteArray("application/json")
                                << QByteArray("application/json");
        QTest::newRow("user-agent") << QByteArray("User-Agent") << QByteArray("TokenDesk/1")
                                    << QByteArray("TokenDesk/1");
    }

    void headers()
    {
        QFETCH(QByteArray, name);
        QFETCH(QByteArray, value);
        QFETCH(QByteArray, expected);
        QCOMPARE(RequestLog::redactHeader(name, value), expected);
    }

    void jsonBodies()
    {
        const QByteArray body = R"({"username":"admin","password":"hunter2","nested":{"client_secret":"cs1",)"
                                R"("list":[{"token":"t1","id":7},{"apiKey":"k9"}]},"passcode":123456,)"
                                R"("description":"ci","key":null})";
        const QByteArray redacted = RequestLog::redactJson(body);
        for (const char *secret : {"hunter2", "cs1", "t1", "k9", "123456"})
            QVERIFY2(!redacted.contains(secret), secret);
        const QJsonObject object = QJsonDocument::fromJson(redacted).object();
        QCOMPARE(object.value(QLatin1String("username")).toString(), QStringLiteral("admin"));
        QCOMPARE(object.value(QLatin1String("description")).toString(), QStringLiteral("ci"));
        QCOMPARE(object.value(QLatin1String("password")).toString(), QStringLiteral("<redacted>"));
        QVERIFY(object.value(QLatin1String("key")).isNull());
        const QJsonObject nested = object.value(QLatin1String("nested")).toObject();
        QCOMPARE(nested.value(QLatin1String("list")).toArray().at(0).toObject().value(QLatin1String("id")).toInt(), 7);

        const QByteArray array = RequestLog::redactJson(R"([{"refresh":"r1"},"plain"])");
        QVERIFY(!array.contains("r1"));
        QVERIFY(array.contains("plain"));

        // Redaction is idempotent.
        QCOMPARE(RequestLog::redactJson(redacted), redacted);
    }

    void nonJsonBodies()
    {
        QCOMPARE(RequestLog::redactJson("username=a&password=hunter2"), QByteArray("<27 bytes>"));
        QCOMPARE(RequestLog::redactJson("<27 bytes>"), QByteArray("<27 bytes>"));
        QCOMPARE(RequestLog::redactJson({}), QByteArray());
    }

    void urls()
    {
        const QString url = RequestLog::redactUrl(
            QStringLiteral("https://user:pw1@api.example.com/v2/tokens?limit=10&access_token=abc123&apiKey=zz9"));
        QVERIFY(!url.contains(QStringLiteral("abc123")));
        QVERIFY(!url.contains(QStringLiteral("zz9")));
        QVERIFY(!url.contains(QStringLiteral("pw1")));
        QVERIFY(url.contains(QStringLiteral("limit=10")));
        QVERIFY(url.contains(QStringLiteral("/v2/tokens")));
        QCOMPARE(RequestLog::redactUrl(QStringLiteral("https://a.example/x?page=2")),
            QStringLiteral("https://a.example/x?page=2"));
    }

    void entriesAndFile()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        RequestLog log;
        const QString path = dir.filePath(QStringLiteral("requests.jsonl"));
        QVERIFY(log.setFile(path));
        QVERIFY(!log.setFile(dir.filePath(QStringLiteral("missing/dir/file.jsonl"))));

        RequestLog::Entry entry;
        entry.time = QDateTime::currentDateTimeUtc();
        entry.operation = QStringLiteral("test.create");
        entry.method = "POST";
        entry.url = QStringLiteral("https://a.example/login?password=pw9");
        entry.status = 201;
        entry.requestHeaders = {{"Authorization", "Bearer sekrit-value"}, {"Accept", "application/json"}};
        entry.requestBody = R"({"password":"pw8"})";
        log.append(entry);
        entry.status = 500;
        entry.error = QStringLiteral("server");
        log.append(entry);

        const QList<RequestLog::Entry> entries = log.entries();
        QCOMPARE(entries.size(), 2);
        QCOMPARE(entries.at(1).error, QStringLiteral("server"));
        QCOMPARE(entries.at(0).requestHeaders.at(0).second, QByteArray("Bearer <redacted>"));
        QVERIFY(!entries.at(0).url.contains(QStringLiteral("pw9")));

        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray content = file.readAll();
        QCOMPARE(content.count('\n'), 2);
        for (const char *secret : {"sekrit-value", "pw8", "pw9"})
            QVERIFY2(!content.contains(secret), secret);
        const QJsonObject first = QJsonDocument::fromJson(content.split('\n').first()).object();
        QCOMPARE(first.value(QLatin1String("status")).toInt(), 201);
        QCOMPARE(first.value(QLatin1String("operation")).toString(), QStringLiteral("test.create"));

        log.clear();
        QVERIFY(log.entries().isEmpty());
    }

    void keepsLastEntries()
    {
        RequestLog log;
        for (int i = 0; i < 1005; ++i) {
            RequestLog::Entry entry;
            entry.status = i;
            log.append(entry);
        }
        const QList<RequestLog::Entry> entries = log.entries();
        QCOMPARE(entries.size(), 1000);
        QCOMPARE(entries.last().status, 1004);
        QCOMPARE(entries.first().status, 5);
    }
};

QTEST_GUILESS_MAIN(TestRequestLog)
#include "tst_requestlog.moc"
