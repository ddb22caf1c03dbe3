#pragma once

#include "Emulator.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

// NetSapiens ns-api v2 JWT routes (shared/contracts/netsapiens.md), mounted under "/netsapiens/ns-api/v2":
// POST /jwt (password grant, MFA grant with a real RFC 6238 TOTP, v45 refresh, delegated access with an API key),
// GET /jwt (claims of the Bearer token), DELETE /jwt, /jwt/{jti}, /jwt/{uid} (202). HS256 tokens.
class NetSapiensEmulator final : public Emulator
{
public:
    enum class Version { V45, V2 }; // v45 returns a refresh JWT; the original v2 returns the token only

    NetSapiensEmulator();

    static constexpr auto Domain = "sandbox";
    static constexpr auto DemoUser = "1000@sandbox";
    static constexpr auto DemoPassword = "netsapiens-sandbox";
    static constexpr auto MfaUser = "1002@sandbox";
    static constexpr auto MfaPassword = "netsapiens-mfa-sandbox";
    static constexpr auto ClientId = "tokendesk-sandbox";
    static constexpr auto ClientSecret = "sandbox-client-secret";
    // An office-manager key ("nsd_" prefix), 60 characters like real keys.
    static constexpr auto ApiKey = "nsd_SandboxDemoKeyForDelegatedAccessOnly0123456789abcdef0123";
    static constexpr auto TotpSecret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"; // base32

    QString id() const override { return QStringLiteral("netsapiens"); }
    QString prefix() const override { return QStringLiteral("/netsapiens/ns-api/v2"); }
    SandboxResponse handle(const SandboxRequest &request) override;
    QJsonObject readyInfo(const QUrl &serverUrl) const override;

    void setVersion(Version version) { m_version = version; }
    Version version() const { return m_version; }
    // Lifetime of issued access tokens (time_out = seconds * 1000); default 86400.
    void setTokenLifetimeSeconds(qint64 seconds) { m_lifetime = seconds; }
    qint64 tokenLifetimeSeconds() const { return m_lifetime; }

    // RFC 6238 TOTP (SHA-1, 30 s steps) of a base32 secret at a time; the sandbox prints the current code.
    static QString totp(const QString &base32Secret, const QDateTime &time, int digits = 6);
    QString currentTotp() const { return totp(QString::fromLatin1(TotpSecret), now()); }
    QString consoleHint() const override;
    // Number of issued tokens (any kind) not revoked (tests).
    int activeTokenCount() const;
    // Every token issued so far, with its value, so that a test can ask the server (GET /jwt, a refresh grant)
    // whether a token the client no longer holds is still live. Demo credentials only, like readyInfo().
    struct IssuedToken
    {
        QString jti;
        QString sub;
        QString value;
        bool refresh = false; // a v45 refresh JWT; else an access (or MFA challenge) token
        bool revoked = false;
    };
    QList<IssuedToken> issuedTokens() const;

private:
    enum class Use { Access, MfaRequired, Refresh };
    struct Issued
    {
        QString jti;
        QString sub;
        Use use = Use::Access;
        qint64 exp = 0;
        bool revoked = false;
        QString value;
    };
    struct User
    {
        QString uid; // user@domain
        QString password;
        QString displayName;
        bool mfa = false;
    };
    struct Verified
    {
        Issued *issued = nullptr;
        QJsonObject claims;
    };

    SandboxResponse postJwt(const SandboxRequest &request);
    SandboxResponse passwordGrant(const QJsonObject &body);
    SandboxResponse mfaGrant(const QJsonObject &body);
    SandboxResponse refreshGrant(const QJsonObject &body);
    SandboxResponse delegate(const QJsonObject &body);
    SandboxResponse getJwt(const SandboxRequest &request);
    SandboxResponse deleteJwt(const SandboxRequest &request, const QString &target);

    QJsonObject issueAccess(const QString &uid, bool withRefresh);
    QString issue(const QString &uid, Use use, qint64 lifetimeSeconds, const QJsonObject &extraClaims = {});
    std::optional<Verified> verify(const QString &token);
    QString bearer(const SandboxRequest &request) const;
    bool checkClient(const QJsonObject &body) const;
    const User *checkUser(const QJsonObject &body) const;
    qint64 nowSeconds() const;
    QByteArray sign(const QJsonObject &claims) const;

    static SandboxResponse error(int code, const QString &message);

    QHash<QString, User> m_users;
    QHash<QString, Issued> m_issued; // by jti
    QByteArray m_secret;
    Version m_version = Version::V45;
    qint64 m_lifetime = 86400;
};
