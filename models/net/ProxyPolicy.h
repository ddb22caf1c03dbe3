#pragma once

#include <QList>
#include <QNetworkProxy>
#include <QProcessEnvironment>
#include <QString>
#include <QUrl>

#include <optional>

// How the requests of one account reach its server, from the account option "proxy":
// - "" or "system" (the default): the proxy environment variables when set (https_proxy/HTTPS_PROXY for https,
//   http_proxy/HTTP_PROXY for http, then all_proxy/ALL_PROXY; no_proxy/NO_PROXY exempts hosts), else the
//   platform's proxy settings. Qt's own reading of the environment on Linux knows only the lower-case names, so
//   the variables are read here, in one place.
// - "none": straight to the server.
// - "socks5://HOST:PORT" (or socks5h://): that SOCKS5 proxy, which also resolves the server's host name, so a
//   Tor .onion address works through Tor's 127.0.0.1:9050.
// Loopback servers (localhost, 127.0.0.1, ::1) are always reached directly.
class ProxyPolicy
{
public:
    enum class Mode { System, Direct, Socks5 };

    static constexpr const char *Option = "proxy";

    Mode mode() const { return m_mode; }
    QString host() const { return m_host; }
    quint16 port() const { return m_port; }
    bool operator==(const ProxyPolicy &other) const = default;

    // nullopt (and *error) for a value that names no policy.
    static std::optional<ProxyPolicy> parse(const QString &text, QString *error = nullptr);
    static ProxyPolicy socks5(const QString &host, quint16 port);
    // The option text parse() reads back ("" for System).
    QString toText() const;

    // The proxy (or QNetworkProxy::NoProxy) for one request under this policy.
    QNetworkProxy proxyFor(const QUrl &url, const QProcessEnvironment &environment) const;
    // What the proxy environment variables say for `url`: nullopt when they say nothing (then the platform
    // settings apply), NoProxy when no_proxy exempts the host.
    static std::optional<QNetworkProxy> fromEnvironment(const QUrl &url, const QProcessEnvironment &environment);

private:
    Mode m_mode = Mode::System;
    QString m_host;
    quint16 m_port = 0;
};
