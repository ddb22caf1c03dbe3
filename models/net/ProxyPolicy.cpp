#include "ProxyPolicy.h"

#include "ApiClient.h"

#include <QCoreApplication>
#include <QNetworkProxyFactory>
#include <QNetworkProxyQuery>

namespace {

QString variable(const QProcessEnvironment &environment, const QString &lowerName)
{
    // curl's convention: the lower-case name wins when both are set.
    const QString lower = environment.value(lowerName).trimmed();
    return lower.isEmpty() ? environment.value(lowerName.toUpper()).trimmed() : lower;
}

// no_proxy: comma-separated host names, domain suffixes (".example.com" or "example.com" also covers its
// subdomains), optionally with :port, or "*" for every host.
bool exempted(const QUrl &url, const QString &noProxy)
{
    const QString host = url.host().toLower();
    const int port = url.port(url.scheme() == QLatin1String("https") ? 443 : 80);
    const QStringList entries = noProxy.split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (QString entry : entries) {
        entry = entry.trimmed().toLower();
        if (entry == QLatin1String("*"))
            return true;
        int entryPort = -1;
        const qsizetype colon = entry.lastIndexOf(QLatin1Char(':'));
        if (colon > 0 && entry.count(QLatin1Char(':')) == 1) { // host:port (an IPv6 address has more colons)
            bool ok = false;
            const int parsed = entry.mid(colon + 1).toInt(&ok);
            if (ok) {
                entryPort = parsed;
                entry.truncate(colon);
            }
        }
        if (entry.startsWith(QLatin1Char('.')))
            entry.remove(0, 1);
        if (entry.isEmpty() || (entryPort >= 0 && entryPort != port))
            continue;
        if (host == entry || host.endsWith(QLatin1Char('.') + entry))
            return true;
    }
    return false;
}

std::optional<QNetworkProxy> proxyFromText(const QString &text)
{
    QUrl url(text.contains(QLatin1String("://")) ? text : QStringLiteral("http://") + text);
    if (!url.isValid() || url.host().isEmpty())
        return std::nullopt;
    const QString scheme = url.scheme().toLower();
    QNetworkProxy proxy;
    if (scheme == QLatin1String("socks5") || scheme == QLatin1String("socks5h")) {
        proxy.setType(QNetworkProxy::Socks5Proxy);
        proxy.setPort(quint16(url.port(1080)));
    } else if (scheme == QLatin1String("http") || scheme == QLatin1String("https")) {
        proxy.setType(QNetworkProxy::HttpProxy);
        proxy.setPort(quint16(url.port(scheme == QLatin1String("https") ? 443 : 80)));
    } else {
        return std::nullopt;
    }
    proxy.setHostName(url.host());
    proxy.setUser(url.userName());
    proxy.setPassword(url.password());
    return proxy;
}

} // namespace

std::optional<ProxyPolicy> ProxyPolicy::parse(const QString &text, QString *error)
{
    const QString trimmed = text.trimmed();
    ProxyPolicy policy;
    if (trimmed.isEmpty() || trimmed.compare(QLatin1String("system"), Qt::CaseInsensitive) == 0)
        return policy;
    if (trimmed.compare(QLatin1String("none"), Qt::CaseInsensitive) == 0) {
        policy.m_mode = Mode::Direct;
        return policy;
    }
    const QUrl url(trimmed, QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    const int port = url.port(-1);
    if (url.isValid() && (scheme == QLatin1String("socks5") || scheme == QLatin1String("socks5h"))
        && !url.host().isEmpty() && port > 0 && url.path().isEmpty()) {
        return socks5(url.host(), quint16(port));
    }
    if (error) {
        *error = QCoreApplication::translate(
            "ProxyPolicy", "Proxy: use \"system\", \"none\" or socks5://HOST:PORT (for Tor: socks5://127.0.0.1:9050).");
    }
    return std::nullopt;
}

ProxyPolicy ProxyPolicy::socks5(const QString &host, quint16 port)
{
    ProxyPolicy policy;
    policy.m_mode = Mode::Socks5;
    policy.m_host = host;
    policy.m_port = port;
    return policy;
}

QString ProxyPolicy::toText() const
{
    switch (m_mode) {
    case Mode::System:
        return {};
    case Mode::Direct:
        return QStringLiteral("none");
    case Mode::Socks5: {
        QUrl url;
        url.setScheme(QStringLiteral("socks5"));
        url.setHost(m_host);
        url.setPort(m_port);
        return url.toString();
    }
    }
    return {};
}

std::optional<QNetworkProxy> ProxyPolicy::fromEnvironment(const QUrl &url, const QProcessEnvironment &environment)
{
    QString text = variable(environment,
        url.scheme() == QLatin1String("https") ? QStringLiteral("https_proxy") : QStringLiteral("http_proxy"));
    if (text.isEmpty())
        text = variable(environment, QStringLiteral("all_proxy"));
    if (text.isEmpty())
        return std::nullopt;
    if (exempted(url, variable(environment, QStringLiteral("no_proxy"))))
        return QNetworkProxy(QNetworkProxy::NoProxy);
    return proxyFromText(text);
}

QNetworkProxy ProxyPolicy::proxyFor(const QUrl &url, const QProcessEnvironment &environment) const
{
    if (ApiClient::isLoopbackHost(url.host()) || m_mode == Mode::Direct)
        return QNetworkProxy(QNetworkProxy::NoProxy);
    if (m_mode == Mode::Socks5) {
        QNetworkProxy proxy(QNetworkProxy::Socks5Proxy, m_host, m_port);
        // The proxy resolves the server's name (a .onion name only Tor can), not this computer's resolver.
        proxy.setCapabilities(proxy.capabilities() | QNetworkProxy::HostNameLookupCapability);
        return proxy;
    }
    if (const std::optional<QNetworkProxy> fromEnv = fromEnvironment(url, environment))
        return *fromEnv;
    const QList<QNetworkProxy> system = QNetworkProxyFactory::systemProxyForQuery(QNetworkProxyQuery(url));
    return system.isEmpty() ? QNetworkProxy(QNetworkProxy::NoProxy) : system.constFirst();
}
