// Connection options of an account: the proxy policy (system with the proxy environment variables, none, SOCKS5
// that resolves host names), plain http allowed to one host only, and the provider picking both up from the
// account's options.
#include "AwaitFuture.h"
#include "TestHttpServer.h"
#include "core/Clock.h"
#include "net/AccountProxyFactory.h"
#include "net/ApiClient.h"
#include "net/ProxyPolicy.h"
#include "providers/ProviderRegistry.h"
#include "providers/TokenProvider.h"

#include <QNetworkAccessManager>
#include <QNetworkProxyQuery>
#include <QTest>

class TestProxyPolicy : public QObject
{
    Q_OBJECT

private slots:
    void parse_data();
    void parse();
    void socks5ResolvesNamesThroughTheProxy();
    void environmentVariables();
    void loopbackAlwaysDirect();
    void plainHttpOnlyToTheAllowedHost();
    void providerFollowsTheAccountOptions();
};

void TestProxyPolicy::parse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("mode"); // -1 = refused
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::newRow("empty") << QString() << int(ProxyPolicy::Mode::System) << QString() << 0;
    QTest::newRow("system") << QStringLiteral("system") << int(ProxyPolicy::Mode::System) << QString() << 0;
    QTest::newRow("none") << QStringLiteral("none") << int(ProxyPolicy::Mode::Direct) << QString() << 0;
    QTest::newRow("tor") << QStringLiteral("socks5://127.0.0.1:9050") << int(ProxyPolicy::Mode::Socks5)
                         << QStringLiteral("127.0.0.1") << 9050;
    QTest::newRow("socks5h") << QStringLiteral("socks5h://proxy.lan:1080") << int(ProxyPolicy::Mode::Socks5)
                             << QStringLiteral("proxy.lan") << 1080;
    QTest::newRow("no port") << QStringLiteral("socks5://127.0.0.1") << -1 << QString() << 0;
    QTest::newRow("http proxy") << QStringLiteral("http://proxy:3128") << -1 << QString() << 0;
    QTest::newRow("garbage") << QStringLiteral("tor please") << -1 << QString() << 0;
}

void TestProxyPolicy::parse()
{
    QFETCH(QString, text);
    QFETCH(int, mode);
    QFETCH(QString, host);
    QFETCH(int, port);
    QString error;
    const std::optional<ProxyPolicy> policy = ProxyPolicy::parse(text, &error);
    if (mode < 0) {
        QVERIFY(!policy);
        QVERIFY(error.contains(QStringLiteral("socks5://")));
        return;
    }
    QVERIFY(policy);
    QCOMPARE(int(policy->mode()), mode);
    QCOMPARE(policy->host(), host);
    QCOMPARE(int(policy->port()), port);
    QCOMPARE(ProxyPolicy::parse(policy->toText()), policy); // round trip
}

void TestProxyPolicy::socks5ResolvesNamesThroughTheProxy()
{
    const ProxyPolicy tor = ProxyPolicy::socks5(QStringLiteral("127.0.0.1"), 9050);
    const QNetworkProxy proxy =
        tor.proxyFor(QUrl(QStringLiteral("http://abcdefghijklmnop.onion/api/")), QProcessEnvironment());
    QCOMPARE(proxy.type(), QNetworkProxy::Socks5Proxy);
    QCOMPARE(proxy.hostName(), QStringLiteral("127.0.0.1"));
    QCOMPARE(proxy.port(), quint16(9050));
    QVERIFY(proxy.capabilities().testFlag(QNetworkProxy::HostNameLookupCapability));
    // The environment does not override an account's own proxy.
    QProcessEnvironment environment;
    environment.insert(QStringLiteral("HTTPS_PROXY"), QStringLiteral("http://corporate:3128"));
    QCOMPARE(
        tor.proxyFor(QUrl(QStringLiteral("https://node.example/")), environment).type(), QNetworkProxy::Socks5Proxy);
}

void TestProxyPolicy::environmentVariables()
{
    const ProxyPolicy system;
    const QUrl https(QStringLiteral("https://api.svix.com/api/v1/"));
    const QUrl http(QStringLiteral("http://specter.lan:25441/api/"));
    QProcessEnvironment environment;
    QVERIFY(!ProxyPolicy::fromEnvironment(https, environment));

    // Upper-case names (which Qt's own reading on Linux misses), by scheme.
    environment.insert(QStringLiteral("HTTPS_PROXY"), QStringLiteral("http://corporate:3128"));
    QNetworkProxy proxy = system.proxyFor(https, environment);
    QCOMPARE(proxy.type(), QNetworkProxy::HttpProxy);
    QCOMPARE(proxy.hostName(), QStringLiteral("corporate"));
    QCOMPARE(proxy.port(), quint16(3128));
    QVERIFY(!ProxyPolicy::fromEnvironment(http, environment)); // https_proxy is not for http

    // The lower-case name wins; all_proxy covers the rest.
    environment.insert(QStringLiteral("https_proxy"), QStringLiteral("lower:8080"));
    QCOMPARE(system.proxyFor(https, environment).hostName(), QStringLiteral("lower"));
    environment.insert(QStringLiteral("ALL_PROXY"), QStringLiteral("socks5://gateway:1080"));
    proxy = system.proxyFor(http, environment);
    QCOMPARE(proxy.type(), QNetworkProxy::Socks5Proxy);
    QCOMPARE(proxy.hostName(), QStringLiteral("gateway"));

    // NO_PROXY: exact hosts, domain suffixes with or without the dot, host:port, "*".
    for (const QString &noProxy : {QStringLiteral("specter.lan"), QStringLiteral(".lan"), QStringLiteral("lan"),
             QStringLiteral("example.com, specter.lan:25441"), QStringLiteral("*")}) {
        environment.insert(QStringLiteral("NO_PROXY"), noProxy);
        QCOMPARE(system.proxyFor(http, environment).type(), QNetworkProxy::NoProxy);
    }
    for (const QString &noProxy :
        {QStringLiteral("other.lan"), QStringLiteral("specter.lan:80"), QStringLiteral("pecter.lan")}) {
        environment.insert(QStringLiteral("NO_PROXY"), noProxy);
        QCOMPARE(system.proxyFor(http, environment).type(), QNetworkProxy::Socks5Proxy);
    }
    // "none" ignores the environment.
    QCOMPARE(ProxyPolicy::parse(QStringLiteral("none"))->proxyFor(http, environment).type(), QNetworkProxy::NoProxy);
}

void TestProxyPolicy::loopbackAlwaysDirect()
{
    QProcessEnvironment environment;
    environment.insert(QStringLiteral("http_proxy"), QStringLiteral("corporate:3128"));
    for (const ProxyPolicy &policy : {ProxyPolicy(), ProxyPolicy::socks5(QStringLiteral("127.0.0.1"), 9050)}) {
        for (const QString &url : {QStringLiteral("http://127.0.0.1:8080/"), QStringLiteral("http://localhost/"),
                 QStringLiteral("http://[::1]:9/")})
            QCOMPARE(policy.proxyFor(QUrl(url), environment).type(), QNetworkProxy::NoProxy);
    }
}

void TestProxyPolicy::plainHttpOnlyToTheAllowedHost()
{
    // A stand-in HTTP proxy (the test server reads the absolute-form request target), so a host that is not
    // this computer can be reached over plain http without a real network.
    TestHttpServer proxyServer;
    QVERIFY(proxyServer.listen());
    proxyServer.setRoute(QStringLiteral("/api/v1alpha/token/"), TestHttpServer::json(200, R"({"ok":true})"));
    const QUrl url(QStringLiteral("http://specter.home.invalid:25441/api/v1alpha/token/"));

    QNetworkAccessManager network;
    ApiClient client(&network, Clock::system());
    client.setMaxRetries(0);
    client.setProxyPolicy(ProxyPolicy());
    network.setProxyFactory(new AccountProxyFactory(ProxyPolicy(), [&] {
        QProcessEnvironment environment;
        environment.insert(QStringLiteral("HTTP_PROXY"), QStringLiteral("127.0.0.1:%1").arg(proxyServer.port()));
        return environment;
    }()));

    // Refused before anything is sent.
    auto refused = awaitFuture(client.send(ApiRequest::get(url)));
    QVERIFY(refused && !refused->ok());
    QCOMPARE(refused->error().kind(), ApiError::Kind::InsecureUrl);
    QCOMPARE(proxyServer.requests().size(), 0);
    // Another host stays refused when one is allowed.
    client.setPlainHttpHost(QStringLiteral("other.home.invalid"));
    refused = awaitFuture(client.send(ApiRequest::get(url)));
    QCOMPARE(refused->error().kind(), ApiError::Kind::InsecureUrl);

    client.setPlainHttpHost(QStringLiteral("Specter.Home.Invalid"));
    const auto accepted = awaitFuture(client.send(ApiRequest::get(url)));
    QVERIFY(accepted);
    QVERIFY2(accepted->ok(), qPrintable(accepted->error().fullMessage()));
    QCOMPARE(proxyServer.requests().size(), 1);
    QCOMPARE(proxyServer.requests().first().target, url.toEncoded()); // sent through the proxy, as plain http
}

void TestProxyPolicy::providerFollowsTheAccountOptions()
{
    QNetworkAccessManager network;
    ProviderContext context;
    context.network = &network;
    Account tor;
    tor.id = QUuid::createUuid();
    tor.providerId = QStringLiteral("specter");
    tor.baseUrl = QUrl(QStringLiteral("http://abcdefghijklmnop.onion:25441"));
    tor.options.insert(QStringLiteral("username"), QStringLiteral("admin"));
    tor.options.insert(QLatin1String(TokenProvider::ProxyOption), QStringLiteral("socks5://127.0.0.1:9050"));
    tor.options.insert(QLatin1String(TokenProvider::AllowHttpOption), QStringLiteral("abcdefghijklmnop.onion"));
    const ProviderDescriptor *specter = ProviderRegistry::instance().find(QStringLiteral("specter"));
    QVERIFY(specter);
    QVERIFY(specter->validateAccount(tor).isEmpty()); // plain http to the allowed host is a valid account
    std::unique_ptr<TokenProvider> torProvider(specter->create(tor, context, nullptr));
    QVERIFY(torProvider->api()->network() != &network); // a manager of its own: Qt picks proxies per manager
    const QList<QNetworkProxy> chosen =
        torProvider->api()->network()->proxyFactory()->queryProxy(QNetworkProxyQuery(tor.baseUrl));
    QCOMPARE(chosen.size(), 1);
    QCOMPARE(chosen.first().type(), QNetworkProxy::Socks5Proxy);
    QCOMPARE(chosen.first().port(), quint16(9050));
    QVERIFY(torProvider->api()->allowsPlainHttp(tor.baseUrl));

    // An account without options: the shared manager, following the system's proxy; https only.
    Account plain = tor;
    plain.id = QUuid::createUuid();
    plain.options.remove(QLatin1String(TokenProvider::ProxyOption));
    plain.options.remove(QLatin1String(TokenProvider::AllowHttpOption));
    QVERIFY(!specter->validateAccount(plain).isEmpty());
    std::unique_ptr<TokenProvider> plainProvider(specter->create(plain, context, nullptr));
    QCOMPARE(plainProvider->api()->network(), &network);
    QVERIFY(dynamic_cast<AccountProxyFactory *>(network.proxyFactory()));
    QVERIFY(!plainProvider->api()->allowsPlainHttp(plain.baseUrl));

    // Edited to use the SOCKS5 proxy: the provider follows.
    plainProvider->setAccount(tor);
    QVERIFY(plainProvider->api()->network() != &network);
}

QTEST_GUILESS_MAIN(TestProxyPolicy)
#include "tst_proxypolicy.moc"
