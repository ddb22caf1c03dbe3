#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrl>
#include <QUrlQuery>

#include <functional>

// One HTTP request as an emulator sees it (Qt-only; shares nothing with the clients in models/).
struct SandboxRequest
{
    QByteArray method; // "GET", "POST", ...
    QString path; // path below the emulator's prefix, percent-decoded, e.g. "/api/v1alpha/token/"
    QUrlQuery query;
    QHash<QByteArray, QByteArray> headers; // names lower-cased
    QByteArray body;
    QUrl url; // the full request URL as received (scheme, host, port, path, query)

    QByteArray header(const QByteArray &name) const { return headers.value(name.toLower()); }
};

struct SandboxResponse
{
    int status = 200;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;

    static SandboxResponse json(int status, const QJsonObject &object);
    static SandboxResponse jsonArray(int status, const QByteArray &compactJson);
    static SandboxResponse text(int status, const QByteArray &body, const QByteArray &contentType = "text/plain");
    static SandboxResponse empty(int status);
    static SandboxResponse redirect(int status, const QString &location);
};

// The time the emulators live in. Real time by default; in-process tests may replace it.
using SandboxClock = std::function<QDateTime()>;

// One emulated service, mounted under a path prefix of the sandbox ("/specter", "/magicbell/v2", ...).
// Emulators follow shared/contracts/<service>.md from raw HTTP: status codes, bodies and quirks.
class Emulator
{
public:
    virtual ~Emulator() = default;
    virtual QString id() const = 0; // provider id: "specter"
    virtual QString prefix() const = 0; // "/specter"
    virtual SandboxResponse handle(const SandboxRequest &request) = 0;
    // Entry for the ready line's "services" object: {"base_url": ..., demo credentials ...}.
    // `serverUrl` is "http://127.0.0.1:<port>".
    virtual QJsonObject readyInfo(const QUrl &serverUrl) const = 0;
    // Preloads `count` tokens for the demo user (benchmarks and demos). Default: nothing.
    virtual void seedTokens(int count) { Q_UNUSED(count) }
    // Preloads a few tokens with names a person reads at a glance and a spread of remaining lives (one already
    // expired): what `tokendesk --sandbox` opens on. Default: nothing (the service cannot list tokens).
    virtual void seedDemoTokens() { }
    // A line for the person running tokendesk-sandbox (stderr, refreshed every 30 s), e.g. the current demo
    // MFA code. Empty = nothing to say.
    virtual QString consoleHint() const { return {}; }

    void setClock(SandboxClock clock) { m_clock = std::move(clock); }
    QDateTime now() const { return m_clock ? m_clock() : QDateTime::currentDateTimeUtc(); }

private:
    SandboxClock m_clock;
};
