#include "BuiltinEmulators.h"
#include "ChildProcess.h"
#include "RawHttp.h"
#include "SandboxServer.h"
#include "TestPaths.h"
#include "core/UtcTime.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QtTest>

namespace {

// Answers every request with its own id and the path it received, so dispatch can be observed.
class EchoEmulator final : public Emulator
{
public:
    EchoEmulator(QString id, QString prefix)
        : m_id(std::move(id))
        , m_prefix(std::move(prefix))
    { }
    QString id() const override { return m_id; }
    QString prefix() const override { return m_prefix; }
    SandboxResponse handle(const SandboxRequest &request) override
    {
        return SandboxResponse::json(200,
            {{QStringLiteral("emulator"), m_id}, {QStringLiteral("path"), request.path},
                {QStringLiteral("now"), now().toString(Qt::ISODate)}});
    }
    QJsonObject readyInfo(const QUrl &serverUrl) const override
    {
        return {{QStringLiteral("base_url"), QString(serverUrl.toString() + m_prefix)}};
    }
    void seedTokens(int count) override { seeded += count; }

    int seeded = 0;

private:
    QString m_id;
    QString m_prefix;
};

QUrl at(const SandboxServer &server, const QString &path)
{
    QUrl url = server.url();
    url.setPath(path);
    return url;
}

// How long the sandbox process may take to print its ready line.
constexpr int ReadyLineTimeoutMs = 10'000;

} // namespace

class TestSandboxServer : public QObject
{
    Q_OBJECT

private slots:
    void readyInfoShape();
    void health();
    void unknownPathIs404Json();
    void longestPrefixWins();
    void requestLogHasNoBodies();
    void clockReachesEmulators();
    void seedReachesEmulators();
    void processPrintsOneReadyLine();
    void processSeedsTokens();
    void processRejectsBadPort();
    void processVersion();
};

void TestSandboxServer::readyInfoShape()
{
    SandboxServer server;
    registerBuiltinEmulators(server);
    QVERIFY(server.listen());
    QVERIFY(server.port() > 0);
    QCOMPARE(server.url().toString(), QStringLiteral("http://127.0.0.1:%1").arg(server.port()));

    const QJsonObject info = server.readyInfo();
    QCOMPARE(info.value(QStringLiteral("port")).toInt(), int(server.port()));
    const QJsonObject specter =
        info.value(QStringLiteral("services")).toObject().value(QStringLiteral("specter")).toObject();
    QCOMPARE(
        specter.value(QStringLiteral("base_url")).toString(), server.url().toString() + QStringLiteral("/specter"));
    QCOMPARE(specter.value(QStringLiteral("username")).toString(), QStringLiteral("admin"));
    QVERIFY(!specter.value(QStringLiteral("password")).toString().isEmpty());
    QVERIFY(server.emulator(QStringLiteral("specter")) != nullptr);
    QVERIFY(server.emulator(QStringLiteral("nope")) == nullptr);
}

void TestSandboxServer::health()
{
    SandboxServer server;
    QVERIFY(server.listen());
    const RawHttp::Reply reply = RawHttp::get(at(server, QStringLiteral("/health")));
    QCOMPARE(reply.status, 200);
    QVERIFY(reply.header("content-type").startsWith("application/json"));
    QCOMPARE(reply.json().value(QStringLiteral("status")).toString(), QStringLiteral("ok"));
}

void TestSandboxServer::unknownPathIs404Json()
{
    SandboxServer server;
    registerBuiltinEmulators(server);
    QVERIFY(server.listen());
    const RawHttp::Reply reply = RawHttp::get(at(server, QStringLiteral("/no/such/service")));
    QCOMPARE(reply.status, 404);
    QVERIFY(reply.header("content-type").startsWith("application/json"));
    QCOMPARE(reply.json().value(QStringLiteral("error")).toString(), QStringLiteral("not_found"));
    // A prefix must match whole path segments.
    QCOMPARE(RawHttp::get(at(server, QStringLiteral("/specterx/api/healthz/liveness"))).status, 404);
}

void TestSandboxServer::longestPrefixWins()
{
    SandboxServer server;
    server.addEmulator(std::make_unique<EchoEmulator>(QStringLiteral("outer"), QStringLiteral("/svc")));
    server.addEmulator(std::make_unique<EchoEmulator>(QStringLiteral("inner"), QStringLiteral("/svc/v2")));
    QVERIFY(server.listen());

    RawHttp::Reply reply = RawHttp::get(at(server, QStringLiteral("/svc/v2/tokens")));
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json().value(QStringLiteral("emulator")).toString(), QStringLiteral("inner"));
    QCOMPARE(reply.json().value(QStringLiteral("path")).toString(), QStringLiteral("/tokens"));

    reply = RawHttp::get(at(server, QStringLiteral("/svc/v1/tokens")));
    QCOMPARE(reply.json().value(QStringLiteral("emulator")).toString(), QStringLiteral("outer"));
    QCOMPARE(reply.json().value(QStringLiteral("path")).toString(), QStringLiteral("/v1/tokens"));

    reply = RawHttp::get(at(server, QStringLiteral("/svc/v2x")));
    QCOMPARE(reply.json().value(QStringLiteral("emulator")).toString(), QStringLiteral("outer"));
    QCOMPARE(reply.json().value(QStringLiteral("path")).toString(), QStringLiteral("/v2x"));
}

void TestSandboxServer::requestLogHasNoBodies()
{
    SandboxServer server;
    QVERIFY(server.listen());
    QVERIFY(server.requestLog().isEmpty());
    RawHttp::send("POST", at(server, QStringLiteral("/health")), {RawHttp::jsonContentType()}, "{\"x\":1}");
    RawHttp::get(at(server, QStringLiteral("/health")));
    const QList<SandboxLogEntry> log = server.requestLog();
    QCOMPARE(log.size(), 2);
    QCOMPARE(log.at(0).method, QByteArray("POST"));
    QCOMPARE(log.at(0).path, QStringLiteral("/health"));
    QCOMPARE(log.at(1).method, QByteArray("GET"));
    QVERIFY(log.at(1).time.isValid());
    server.clearRequestLog();
    QVERIFY(server.requestLog().isEmpty());
}

void TestSandboxServer::clockReachesEmulators()
{
    SandboxServer server;
    const QDateTime fixed = UtcTime::dateTime(QDate(2030, 5, 6), QTime(7, 8, 9));
    // Emulators added before and after setClock both get it.
    server.addEmulator(std::make_unique<EchoEmulator>(QStringLiteral("a"), QStringLiteral("/a")));
    server.setClock([fixed] { return fixed; });
    server.addEmulator(std::make_unique<EchoEmulator>(QStringLiteral("b"), QStringLiteral("/b")));
    QCOMPARE(server.emulator(QStringLiteral("a"))->now(), fixed);
    QCOMPARE(server.emulator(QStringLiteral("b"))->now(), fixed);
    QVERIFY(server.listen());
    RawHttp::get(at(server, QStringLiteral("/b/x")));
    QCOMPARE(server.requestLog().constLast().time, fixed);
}

void TestSandboxServer::seedReachesEmulators()
{
    SandboxServer server;
    auto echo = std::make_unique<EchoEmulator>(QStringLiteral("a"), QStringLiteral("/a"));
    EchoEmulator *raw = echo.get();
    server.addEmulator(std::move(echo));
    server.seedTokens(7);
    QCOMPARE(raw->seeded, 7);
}

void TestSandboxServer::processPrintsOneReadyLine()
{
    QProcess process;
    process.start(TestPaths::sandboxExecutable(), {QStringLiteral("--port"), QStringLiteral("0")});
    QVERIFY2(process.waitForStarted(), qPrintable(process.errorString()));
    const QByteArray line = ChildProcess::readLine(process, ReadyLineTimeoutMs);
    QVERIFY(line.endsWith('\n'));
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(line.trimmed(), &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    QVERIFY(!line.trimmed().contains('\n')); // compact: one line
    const int port = document.object().value(QStringLiteral("port")).toInt();
    QVERIFY(port > 0);
    const QString baseUrl = document.object()
                                .value(QStringLiteral("services"))
                                .toObject()
                                .value(QStringLiteral("specter"))
                                .toObject()
                                .value(QStringLiteral("base_url"))
                                .toString();
    QCOMPARE(baseUrl, QStringLiteral("http://127.0.0.1:%1/specter").arg(port));

    const RawHttp::Reply reply = RawHttp::get(QUrl(QStringLiteral("http://127.0.0.1:%1/health").arg(port)));
    QCOMPARE(reply.status, 200);
    // Nothing else on stdout.
    QVERIFY(!process.waitForReadyRead(200) || process.readAllStandardOutput().isEmpty());
    process.terminate();
    QVERIFY(process.waitForFinished(5000));
}

void TestSandboxServer::processSeedsTokens()
{
    QProcess process;
    process.start(TestPaths::sandboxExecutable(), {QStringLiteral("--seed-tokens"), QStringLiteral("5")});
    QVERIFY2(process.waitForStarted(), qPrintable(process.errorString()));
    const QJsonObject specter = QJsonDocument::fromJson(ChildProcess::readLine(process, ReadyLineTimeoutMs))
                                    .object()
                                    .value(QStringLiteral("services"))
                                    .toObject()
                                    .value(QStringLiteral("specter"))
                                    .toObject();
    QUrl url(specter.value(QStringLiteral("base_url")).toString() + QStringLiteral("/api/v1alpha/token/"));
    QVERIFY(url.isValid() && url.port() > 0);
    const RawHttp::Reply reply = RawHttp::get(url,
        {RawHttp::basicAuth(specter.value(QStringLiteral("username")).toString(),
            specter.value(QStringLiteral("password")).toString())});
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json().value(QStringLiteral("jwt_tokens")).toObject().size(), 5);
    process.terminate();
    QVERIFY(process.waitForFinished(5000));
}

void TestSandboxServer::processRejectsBadPort()
{
    QProcess process;
    process.start(TestPaths::sandboxExecutable(), {QStringLiteral("--port"), QStringLiteral("70000")});
    QVERIFY(process.waitForFinished(10'000));
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), 2);
    QVERIFY(process.readAllStandardOutput().isEmpty());
}

void TestSandboxServer::processVersion()
{
    QProcess process;
    process.start(TestPaths::sandboxExecutable(), {QStringLiteral("--version")});
    QVERIFY(process.waitForFinished(10'000));
    QCOMPARE(process.exitCode(), 0);
    QVERIFY(process.readAllStandardOutput().contains(TOKENDESK_VERSION));
}

QTEST_GUILESS_MAIN(TestSandboxServer)
#include "tst_sandboxserver.moc"
