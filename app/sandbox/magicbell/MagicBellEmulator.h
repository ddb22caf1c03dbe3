#pragma once

#include "Emulator.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

// MagicBell project API v2 (shared/contracts/magicbell.md), mounted under "/magicbell/v2". By default it is
// today's MagicBell, whose published API no longer has the /jwt routes: they answer 404 like any unknown route.
// With the legacy JWT routes: GET/POST /jwt/project, DELETE /jwt/project/{token_id}, POST /jwt/user,
// GET /jwt/user/{user_id}, DELETE /jwt/user/{token_id}. Bearer auth with a project JWT (HS256, signed here);
// paging with limit/starting_after/ending_before (and the older page[size]/page[after]/page[before]) and
// absolute links. The ready info also names the project's secret key and API key, with which a customer signs
// user JWTs today.
class MagicBellEmulator final : public Emulator
{
public:
    // jwtRoutes = true serves the legacy /jwt routes (tokendesk-sandbox --magicbell-jwt-routes).
    explicit MagicBellEmulator(bool jwtRoutes = false);
    // A second MagicBell with the legacy routes, mounted under "/magicbell-legacy/v2" next to today's one (the
    // embedded sandbox's legacy demo account). Its ready info names the provider ("magicbell") and "legacy".
    static std::unique_ptr<MagicBellEmulator> legacyInstance();

    static constexpr int DefaultLimit = 20;
    static constexpr int MaxLimit = 100;
    static constexpr int MaxNameLength = 255;
    static constexpr auto DemoUserEmail = "hana@magicbell.sandbox";
    static constexpr auto DemoUserExternalId = "demo-user";
    static constexpr auto ProjectId = "sandbox-project";
    // The demo user's own MagicBell id (distinct from its email and external id), which /users/{user_id} takes.
    static constexpr auto DemoUserId = "0b7f3c5e-4d1a-4c8e-9f2b-6a5d3e1c7b90";
    static constexpr auto DemoApiKey = "pk_sandbox_0123456789abcdef";

    QString id() const override { return m_id; }
    QString prefix() const override { return m_prefix; }
    SandboxResponse handle(const SandboxRequest &request) override;
    // {"base_url": "<server>/magicbell/v2", "token": <demo project JWT>, "user_email", "user_external_id"}
    QJsonObject readyInfo(const QUrl &serverUrl) const override;
    // `count` project tokens (mixed lifetimes, a few discarded) and three user tokens for the demo user.
    void seedTokens(int count) override;
    // Project tokens (one discarded, one without expiry) and two user tokens of the demo user.
    void seedDemoTokens() override;

    void setJwtRoutesEnabled(bool enabled) { m_jwtRoutes = enabled; }
    bool jwtRoutesEnabled() const { return m_jwtRoutes; }
    // The demo project JWT (the dashboard-made credential; not listed).
    QString demoToken() const;
    int tokenCount(const QString &kind) const; // tests
    // Whether the token exists and is not discarded (tests).
    bool isLive(const QString &tokenId) const;
    // The ids of the project tokens in list order (tests).
    QStringList projectTokenIds() const;

    // Test hooks for schema-valid answers TokenDesk must cope with.
    // How links.next/prev/first are written: absolute (default), "/path?query", "?query" or a path relative to
    // the listed route ("project?..." next to ".../jwt/project").
    enum class LinkStyle { Absolute, AbsolutePath, QueryOnly, RelativePath };
    void setLinkStyle(LinkStyle style) { m_linkStyle = style; }
    // Page size when the request gives no limit (default DefaultLimit).
    void setDefaultLimit(int limit) { m_defaultLimit = limit; }
    // true: a list request with a cursor (every page after the first) answers 404 without MagicBell's error body,
    // as a front end that does not route the cursor would.
    void setCursorPagesFail(bool fail) { m_cursorPagesFail = fail; }
    // Non-empty: a discard still discards the token asked for but answers with this token_id.
    void setDiscardAnswerTokenId(const QString &tokenId) { m_discardAnswerTokenId = tokenId; }
    // true: an unknown token or user id answers the same bare 404 as a missing route (the v2 spec documents no
    // error body, so a client must not need one).
    void setBareNotFound(bool bare) { m_bareNotFound = bare; }
    // The project's secret key (hex text), with which user JWTs are signed.
    QString secretKey() const { return m_projectSecretKey; }

private:
    struct StoredToken
    {
        QString id;
        QString kind; // "project" or "user"
        QString name; // empty = null
        QString email;
        QString externalId;
        QDateTime created;
        std::optional<QDateTime> expires;
        std::optional<QDateTime> discarded;
    };

    SandboxResponse list(const SandboxRequest &request, const QList<const StoredToken *> &tokens) const;
    SandboxResponse create(const SandboxRequest &request, const QString &kind);
    SandboxResponse discard(const QString &kind, const QString &tokenId);
    SandboxResponse listUser(const SandboxRequest &request, const QString &userId) const;
    std::optional<SandboxResponse> checkAuth(const SandboxRequest &request) const;

    StoredToken &addToken(
        const QString &kind, const QString &name, const QDateTime &created, std::optional<qint64> expirySeconds);
    QString signJwt(const QJsonObject &claims) const;
    QString nextId();
    static QJsonObject tokenJson(const StoredToken &token);
    static QString iso(const QDateTime &time);
    static SandboxResponse error(int status, const QString &code, const QString &message);

    QList<StoredToken> m_tokens; // creation order
    QByteArray m_secret; // per-instance HS256 key
    QString m_demoTokenId;
    mutable QString m_demoToken;
    bool m_jwtRoutes = true;
    int m_counter = 0;
    LinkStyle m_linkStyle = LinkStyle::Absolute;
    int m_defaultLimit = DefaultLimit;
    QString m_discardAnswerTokenId;
    bool m_cursorPagesFail = false;
    bool m_bareNotFound = false;
    QString m_id = QStringLiteral("magicbell");
    QString m_prefix = QStringLiteral("/magicbell/v2");
    QString m_projectSecretKey;
    SandboxResponse notFound(const QString &code, const QString &message) const;
};
