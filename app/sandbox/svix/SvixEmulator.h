#pragma once

#include "Emulator.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// Svix authentication API (shared/contracts/svix.md), mounted under "/svix" (the official libraries' base URL
// plus /api/v1/...): app-portal-access, expire-all, logout, create-message-token, and the legacy one-time-token
// exchange and dashboard-access. Bearer environment API key; camelCase bodies; {code, detail} errors and 422
// {detail: [{loc, msg, type}]}; idempotency replay of 2xx answers for 12 hours keyed by (Authorization,
// Idempotency-Key, URI).
class SvixEmulator final : public Emulator
{
public:
    // legacyRoutes = false answers 404 on one-time-token and dashboard-access, like the current cloud spec.
    explicit SvixEmulator(bool legacyRoutes = true, bool openSource = false);

    static constexpr auto DemoApiKey = "sk_sandbox_svix_demo_key.eu";
    static constexpr qint64 IdempotencyLifetimeSeconds = 12 * 3600;

    QString id() const override { return QStringLiteral("svix"); }
    QString prefix() const override { return QStringLiteral("/svix"); }
    SandboxResponse handle(const SandboxRequest &request) override;
    // {"base_url": "<server>/svix", "api_key": <demo key>, "app_ids": ["app_demo", ...]}
    QJsonObject readyInfo(const QUrl &serverUrl) const override;

    void setLegacyRoutesEnabled(bool enabled) { m_legacyRoutes = enabled; }
    // The open-source (self-hosted) server: app-portal-access ignores expiry, sessionId, readOnly and
    // capabilities (28 days, full access) and answers the fixed URL https://docs.svix.com/app-portal/oss;
    // expire-all, create-message-token and one-time-token are not routed (404, empty body); logout answers 501.
    void setOpenSource(bool openSource) { m_openSource = openSource; }
    bool isOpenSource() const { return m_openSource; }
    static constexpr qint64 OpenSourcePortalLifetimeSeconds = 28 * 24 * 3600;
    QStringList appIds() const { return m_apps; }
    void addApp(const QString &appId) { m_apps.append(appId); }

    // Tests: the lifetime of the most recent portal token as the server holds it.
    std::optional<qint64> lastPortalLifetimeSeconds() const { return m_lastPortalLifetime; }
    // Tests: tokens minted (portal, message and dashboard), and requests answered from the idempotency cache.
    int mintedCount() const { return m_minted; }
    int replayCount() const { return m_replays; }
    // The one-time key of the most recent magic link, of app-portal-access or dashboard-access (tests of the
    // legacy exchange).
    QString lastOneTimeToken() const { return m_lastOneTimeToken; }

private:
    struct PortalToken
    {
        QString token;
        QString appId;
        QString sessionId;
        QDateTime expires;
        bool loggedOut = false;
    };
    struct CachedResponse
    {
        SandboxResponse response;
        QDateTime stored;
    };

    SandboxResponse route(const SandboxRequest &request);
    SandboxResponse portalAccess(const SandboxRequest &request, const QString &appId);
    SandboxResponse expireAll(const SandboxRequest &request, const QString &appId);
    SandboxResponse logout(const SandboxRequest &request);
    SandboxResponse messageToken(const SandboxRequest &request, const QString &appId);
    SandboxResponse oneTimeToken(const SandboxRequest &request);
    SandboxResponse dashboardAccess(const QString &appId);
    bool authorized(const SandboxRequest &request) const;
    QString mintPortalToken(const QString &appId, const QString &sessionId, qint64 lifetimeSeconds);
    // The {url, token} answer of app-portal-access and dashboard-access: a magic link to the one-time key, or
    // the open-source server's fixed URL.
    SandboxResponse portalAnswer(const QString &token);
    QString randomString(int length);

    static SandboxResponse error(int status, const QString &code, const QString &detail);
    static SandboxResponse validation(const QStringList &loc, const QString &msg, const QString &type);
    // pydantic's answers for an integer body field `name` outside [minimum, maximum] (no maximum when nullopt);
    // nullopt when the value is absent or fits, and then *out holds the value if there was one.
    static std::optional<SandboxResponse> checkInteger(const QJsonValue &value, const QString &name, qint64 minimum,
        std::optional<qint64> maximum, std::optional<qint64> *out);
    static SandboxResponse badSessionId(const QStringList &loc);
    static QString iso(const QDateTime &time);

    QStringList m_apps;
    QList<PortalToken> m_portalTokens;
    QHash<QString, QString> m_oneTimeTokens; // one-time key -> portal token
    QHash<QByteArray, CachedResponse> m_idempotency;
    QString m_lastOneTimeToken;
    std::optional<qint64> m_lastPortalLifetime;
    bool m_legacyRoutes = true;
    bool m_openSource = false;
    int m_minted = 0;
    int m_replays = 0;
    quint64 m_counter = 0;
};
