#pragma once

#include "Emulator.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>

// Specter Desktop's REST API token endpoints (shared/contracts/specter.md), mounted under "/specter":
// /api/v1alpha/token/ and /api/v1alpha/token/<id>/ (HTTP Basic; 308 without the trailing slash),
// /api/healthz/liveness|readyness, and the Bearer-protected admin route /api/v1alpha/specter.
class SpecterEmulator final : public Emulator
{
public:
    SpecterEmulator();

    static constexpr auto DemoUser = "admin";
    static constexpr auto DemoPassword = "specter-sandbox";

    QString id() const override { return QStringLiteral("specter"); }
    QString prefix() const override { return QStringLiteral("/specter"); }
    SandboxResponse handle(const SandboxRequest &request) override;
    QJsonObject readyInfo(const QUrl &serverUrl) const override;
    void seedTokens(int count) override;
    void seedDemoTokens() override;

    // Adds (or replaces) a user; each user sees only their own tokens. Stored under storedId(name), as Specter
    // stores it: a user whose name is not already in that form signs in, then gets a 500 on every token call.
    void addUser(const QString &name, const QString &password, bool isAdmin = false);
    // SPECTER_API_ACTIVE: when off, every /api route answers like Specter's generic 404 page.
    void setApiActive(bool active) { m_apiActive = active; }
    bool isApiActive() const { return m_apiActive; }
    // Number of tokens a user holds (tests).
    int tokenCount(const QString &user) const;

private:
    struct StoredToken
    {
        QString id;
        QString description;
        double life = 0; // seconds as parsed
        bool lifeIsFloat = false;
        qint64 exp = 0; // unix seconds
        QString jwt;
    };
    struct User
    {
        QString name;
        QString password;
        bool isAdmin = false;
        QList<StoredToken> tokens; // in creation order
    };

    SandboxResponse list(User &user);
    SandboxResponse create(User &user, const SandboxRequest &request);
    SandboxResponse details(User &user, const QString &tokenId);
    SandboxResponse remove(User &user, const QString &tokenId);
    // The user a Bearer JWT authenticates (HS256 with this process's key, not expired, still registered), or
    // null: Specter's token_auth for SecureResource and AdminResource.
    const User *bearerUser(const SandboxRequest &request) const;
    SandboxResponse specterInfo(const SandboxRequest &request); // AdminResource GET /api/v1alpha/specter
    SandboxResponse wallet(const SandboxRequest &request); // SecureResource GET /api/v1alpha/wallets/<alias>/
    SandboxResponse notFoundPage(const SandboxRequest &request) const;

    // The user whose password matches (looked up by stored id), and the name as it was typed.
    User *basicAuthUser(const SandboxRequest &request, QString *typedName);
    static QString storedId(const QString &name);
    QString addToken(const QString &userName, User &user, const QString &description, double life, bool lifeIsFloat);
    QByteArray signJwt(const QJsonObject &claims) const;
    QJsonValue remainingLife(const StoredToken &token) const;
    double nowSeconds() const;

    static SandboxResponse unauthorized();
    static SandboxResponse genericError();

    QHash<QString, User> m_users;
    QByteArray m_secret; // per-process signing key (like ProductionConfig's random SECRET_KEY)
    bool m_apiActive = true;
};
