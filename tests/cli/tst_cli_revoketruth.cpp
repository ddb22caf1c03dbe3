#include "InProcessCliSandbox.h"
#include "TestPaths.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

// tokendesk-cli end to end against an in-process sandbox (MagicBell and NetSapiens emulators): a command says
// "revoked", "signed out" or "ended" only when the server confirmed it; a revoke sends the operation the user
// named whatever the listing did; sessions the CLI obtains do not outlive it unless kept; relative next-page
// links are followed; invalid values exit 2 everywhere. Secrets go on stdin, never in argv, and never out.
class TestCliRevokeTruth : public QObject, private InProcessCliSandbox
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void userRevokeIgnoresFailedListing_data();
    void userRevokeIgnoresFailedListing();
    void revokeBeyondTheListing_data();
    void revokeBeyondTheListing();
    void discardAnswerNamingAnotherToken();
    void relativeNextLinkIsFollowed_data();
    void relativeNextLinkIsFollowed();
    void failedLaterPageIsAPagingWarning();
    void loginWithoutKeepingEndsTheSession();
    void logoutWithoutSession();
    void invalidValuesExitTwo_data();
    void invalidValuesExitTwo();

private:
    QString createUserToken();
    int requestCount(const QByteArray &method, const QString &path) const;
    int jwtStatus(const QString &value);
};

void TestCliRevokeTruth::initTestCase()
{
    if (!QFileInfo::exists(TestPaths::cliExecutable()))
        QSKIP("tokendesk-cli is not built");
}

void TestCliRevokeTruth::init()
{
    startSandbox(3);
}

void TestCliRevokeTruth::cleanup()
{
    stopSandbox();
}

QString TestCliRevokeTruth::createUserToken()
{
    const Run created = mb({QStringLiteral("--json"), QStringLiteral("create"), QStringLiteral("mb"),
        QStringLiteral("--kind"), QStringLiteral("user"), QStringLiteral("--external-id"),
        QString::fromLatin1(MagicBellEmulator::DemoUserExternalId), QStringLiteral("--name"), QStringLiteral("phone")});
    if (created.exitCode != 0)
        return {};
    const QJsonObject object = QJsonDocument::fromJson(created.out).object();
    m_secrets.append(object.value(QLatin1String("token")).toString().toUtf8());
    return object.value(QLatin1String("id")).toString();
}

int TestCliRevokeTruth::requestCount(const QByteArray &method, const QString &path) const
{
    int count = 0;
    for (const SandboxLogEntry &entry : m_sandbox->requestLog())
        count += entry.method == method && entry.path == path ? 1 : 0;
    return count;
}

// GET /jwt with the value as the Bearer, through the sandbox's own routing (no socket needed in-process).
int TestCliRevokeTruth::jwtStatus(const QString &value)
{
    SandboxRequest request;
    request.method = "GET";
    request.path = QStringLiteral("/netsapiens/ns-api/v2/jwt");
    request.headers.insert("authorization", "Bearer " + value.toLatin1());
    return m_sandbox->dispatch(request).status;
}

void TestCliRevokeTruth::userRevokeIgnoresFailedListing_data()
{
    QTest::addColumn<QString>("fault");
    QTest::newRow("500") << QStringLiteral("status=500");
    QTest::newRow("malformed body") << QStringLiteral("malformed-json");
}

void TestCliRevokeTruth::userRevokeIgnoresFailedListing()
{
    QFETCH(QString, fault);
    const QString id = createUserToken();
    QVERIFY(!id.isEmpty());
    QVERIFY(m_magicBell->isLive(id));
    // Only the listing route of the user fails; the discard route of the token id is another path.
    const QString listPath =
        QStringLiteral("/magicbell/v2/jwt/user/") + QString::fromLatin1(MagicBellEmulator::DemoUserExternalId);
    QString error;
    QVERIFY2(m_sandbox->setFaults(fault + QLatin1Char('@') + listPath, &error), qPrintable(error));
    m_sandbox->clearRequestLog();

    const Run run = mb({QStringLiteral("revoke"), QStringLiteral("mb"), id, QStringLiteral("--user"),
        QString::fromLatin1(MagicBellEmulator::DemoUserExternalId)});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QVERIFY2(run.out.contains(QByteArray(QByteArray("Revoked ") + id.toUtf8())), run.out.constData());
    QVERIFY(requestCount("GET", listPath) >= 1); // the listing was tried and failed
    QCOMPARE(requestCount("DELETE", QStringLiteral("/magicbell/v2/jwt/user/") + id), 1);
    QCOMPARE(requestCount("DELETE", QStringLiteral("/magicbell/v2/jwt/project/") + id), 0);
    QVERIFY(!m_magicBell->isLive(id));
}

void TestCliRevokeTruth::revokeBeyondTheListing_data()
{
    QTest::addColumn<QString>("fault");
    QTest::addColumn<QString>("maxPages");
    QTest::newRow("page cap") << QString() << QStringLiteral("2");
    QTest::newRow("broken listing") << QStringLiteral("malformed-json:once@/magicbell/v2/jwt/project") << QString();
}

void TestCliRevokeTruth::revokeBeyondTheListing()
{
    QFETCH(QString, fault);
    QFETCH(QString, maxPages);
    // Pages of two: the seventh project token is on page 4, out of reach of a list capped at 2 pages.
    m_magicBell->setDefaultLimit(2);
    m_sandbox->seedTokens(4);
    const QStringList ids = m_magicBell->projectTokenIds();
    QVERIFY(ids.size() >= 7);
    const QString id = ids.at(6);
    QVERIFY(m_magicBell->isLive(id));
    QString account = QStringLiteral("mb");
    if (!maxPages.isEmpty()) {
        account = QStringLiteral("capped");
        addAccount(QStringLiteral("magicbell"), account, m_mbUrl, {QStringLiteral("max_pages=") + maxPages});
    }
    QString error;
    if (!fault.isEmpty())
        QVERIFY2(m_sandbox->setFaults(fault, &error), qPrintable(error));
    m_sandbox->clearRequestLog();
    const Run run = mb({QStringLiteral("revoke"), account, id});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QVERIFY2(run.out.contains(QByteArray(QByteArray("Revoked ") + id.toUtf8())), run.out.constData());
    QVERIFY(!run.out.contains("no token with this id"));
    QCOMPARE(requestCount("DELETE", QStringLiteral("/magicbell/v2/jwt/project/") + id), 1);
    QVERIFY(!m_magicBell->isLive(id));
}

void TestCliRevokeTruth::discardAnswerNamingAnotherToken()
{
    const QString id = m_magicBell->projectTokenIds().first();
    m_magicBell->setDiscardAnswerTokenId(QStringLiteral("00000000-0000-4000-8000-000000000000"));
    Run run = mb({QStringLiteral("revoke"), QStringLiteral("mb"), id});
    QVERIFY(run.exitCode != 0);
    QVERIFY2(!run.out.contains("Revoked"), run.out.constData());
    QVERIFY2(run.err.contains("not confirmed"), run.err.constData());
    QCOMPARE(run.err.trimmed().count('\n'), 0); // one line

    const QString other = m_magicBell->projectTokenIds().at(1);
    run = mb({QStringLiteral("--json"), QStringLiteral("revoke"), QStringLiteral("mb"), other});
    QVERIFY(run.exitCode != 0);
    const QJsonArray results = QJsonDocument::fromJson(run.out).array();
    QCOMPARE(results.size(), 1);
    QCOMPARE(results.first().toObject().value(QLatin1String("ok")).toBool(true), false);
}

void TestCliRevokeTruth::relativeNextLinkIsFollowed_data()
{
    QTest::addColumn<int>("style");
    QTest::newRow("/path?query") << int(MagicBellEmulator::LinkStyle::AbsolutePath);
    QTest::newRow("?query") << int(MagicBellEmulator::LinkStyle::QueryOnly);
    QTest::newRow("relative path") << int(MagicBellEmulator::LinkStyle::RelativePath);
}

void TestCliRevokeTruth::relativeNextLinkIsFollowed()
{
    QFETCH(int, style);
    m_magicBell->setDefaultLimit(2);
    m_magicBell->setLinkStyle(MagicBellEmulator::LinkStyle(style));
    const qsizetype total = m_magicBell->projectTokenIds().size();
    QVERIFY(total > 2);
    const Run run = mb({QStringLiteral("--json"), QStringLiteral("tokens"), QStringLiteral("mb")});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QCOMPARE(QJsonDocument::fromJson(run.out).array().size(), total);
    QVERIFY2(!run.err.contains("warning"), run.err.constData());
    QVERIFY(!run.err.contains("2025"));
}

void TestCliRevokeTruth::failedLaterPageIsAPagingWarning()
{
    // Page 2 answers 404 without MagicBell's error body, as a gone route would: the list still prints page 1,
    // and stderr names the page and says the list is incomplete, never "the JWT routes left MagicBell's API".
    m_magicBell->setDefaultLimit(2);
    m_magicBell->setCursorPagesFail(true);
    const Run run = mb({QStringLiteral("--json"), QStringLiteral("tokens"), QStringLiteral("mb")});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QCOMPARE(QJsonDocument::fromJson(run.out).array().size(), 2);
    QVERIFY2(run.err.contains("warning:"), run.err.constData());
    QVERIFY2(run.err.contains("Page 2"), run.err.constData());
    QVERIFY2(run.err.contains("starting_after="), run.err.constData());
    QVERIFY2(run.err.contains("incomplete"), run.err.constData());
    QVERIFY2(!run.err.contains("2025"), run.err.constData());
}

void TestCliRevokeTruth::loginWithoutKeepingEndsTheSession()
{
    const Run run = ns({QStringLiteral("login"), QStringLiteral("ns")});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QVERIFY2(run.out.contains("session was ended"), run.out.constData());

    // Every token the server issued in this run (the session JWT and its refresh JWT) is revoked, and the server
    // refuses them when asked with their values.
    const QList<NetSapiensEmulator::IssuedToken> issued = m_netSapiens->issuedTokens();
    int access = 0;
    int refresh = 0;
    for (const NetSapiensEmulator::IssuedToken &token : issued) {
        m_secrets.append(token.value.toUtf8());
        QVERIFY2(token.revoked, qPrintable(token.jti));
        QCOMPARE(jwtStatus(token.value), 401);
        (token.refresh ? refresh : access) += 1;
    }
    QCOMPARE(access, 1);
    QCOMPARE(refresh, 1);
    QCOMPARE(m_netSapiens->activeTokenCount(), 0);
    // The refresh JWT cannot mint a new session either.
    for (const NetSapiensEmulator::IssuedToken &token : issued) {
        if (!token.refresh)
            continue;
        SandboxRequest grant;
        grant.method = "POST";
        grant.path = QStringLiteral("/netsapiens/ns-api/v2/jwt");
        grant.body = QJsonDocument(QJsonObject {{QStringLiteral("refresh"), token.value}}).toJson();
        QCOMPARE(m_sandbox->dispatch(grant).status, 401);
    }
    // Nothing is left to sign out of in a later run.
    const Run logout = ns({QStringLiteral("logout"), QStringLiteral("ns")});
    QCOMPARE(logout.exitCode, 4);
}

void TestCliRevokeTruth::logoutWithoutSession()
{
    m_sandbox->clearRequestLog();
    const Run run = ns({QStringLiteral("logout"), QStringLiteral("ns")});
    QCOMPARE(run.exitCode, 4); // README: "4 ... including logout of an account that is not signed in"
    QVERIFY2(!run.out.contains("Signed out"), run.out.constData());
    QVERIFY2(run.err.contains("not signed in"), run.err.constData());
    QCOMPARE(m_sandbox->requestLog().size(), 0); // nothing was sent
}

void TestCliRevokeTruth::invalidValuesExitTwo_data()
{
    // Every row is an invalid value of one command's flag: the documented exit code is 2 (usage), before
    // anything is sent.
    QTest::addColumn<QStringList>("arguments");
    const QString mb = QStringLiteral("mb");
    const QString ns = QStringLiteral("ns");
    QTest::newRow("create --expiry 0s") << QStringList {QStringLiteral("create"), mb, QStringLiteral("--name"),
        QStringLiteral("x"), QStringLiteral("--expiry"), QStringLiteral("0s")};
    QTest::newRow("create --expiry text") << QStringList {QStringLiteral("create"), mb, QStringLiteral("--name"),
        QStringLiteral("x"), QStringLiteral("--expiry"), QStringLiteral("soon-ish")};
    QTest::newRow("create --kind") << QStringList {QStringLiteral("create"), mb, QStringLiteral("--kind"),
        QStringLiteral("nope"), QStringLiteral("--name"), QStringLiteral("x")};
    QTest::newRow("create --name too long")
        << QStringList {QStringLiteral("create"), mb, QStringLiteral("--name"), QString(300, QLatin1Char('n'))};
    QTest::newRow("create --user-email") << QStringList {QStringLiteral("create"), mb, QStringLiteral("--kind"),
        QStringLiteral("user"), QStringLiteral("--user-email"), QStringLiteral("not-an-email")};
    QTest::newRow("create --delegate-domain")
        << QStringList {QStringLiteral("create"), ns, QStringLiteral("--delegate-user"), QStringLiteral("1001"),
               QStringLiteral("--delegate-domain"), QStringLiteral("bad domain!")};
    QTest::newRow("create unknown flag") << QStringList {QStringLiteral("create"), mb, QStringLiteral("--name"),
        QStringLiteral("x"), QStringLiteral("--colour"), QStringLiteral("red")};
    QTest::newRow("revoke --uid") << QStringList {
        QStringLiteral("revoke"), ns, QStringLiteral("--uid"), QStringLiteral("1004")};
    QTest::newRow("revoke-all --grace negative") << QStringList {QStringLiteral("revoke-all"), mb,
        QStringLiteral("--app"), QStringLiteral("a"), QStringLiteral("--grace"), QStringLiteral("-5s")};
    QTest::newRow("revoke-all --grace text") << QStringList {QStringLiteral("revoke-all"), mb, QStringLiteral("--app"),
        QStringLiteral("a"), QStringLiteral("--grace"), QStringLiteral("later")};
    QTest::newRow("audit --since") << QStringList {
        QStringLiteral("audit"), QStringLiteral("--since"), QStringLiteral("yesterday-ish")};
    QTest::newRow("audit --outcome") << QStringList {
        QStringLiteral("audit"), QStringLiteral("--outcome"), QStringLiteral("maybe")};
    QTest::newRow("account add --url") << QStringList {QStringLiteral("account"), QStringLiteral("add"),
        QStringLiteral("--provider"), QStringLiteral("magicbell"), QStringLiteral("--name"), QStringLiteral("u"),
        QStringLiteral("--url"), QStringLiteral("not a url")};
    QTest::newRow("account add --provider") << QStringList {QStringLiteral("account"), QStringLiteral("add"),
        QStringLiteral("--provider"), QStringLiteral("nope"), QStringLiteral("--name"), QStringLiteral("p")};
    QTest::newRow("tokens unknown flag") << QStringList {
        QStringLiteral("tokens"), mb, QStringLiteral("--colour"), QStringLiteral("red")};
}

void TestCliRevokeTruth::invalidValuesExitTwo()
{
    QFETCH(QStringList, arguments);
    m_sandbox->clearRequestLog();
    const Run run = mb(arguments);
    QCOMPARE(run.exitCode, 2);
    QCOMPARE(run.err.trimmed().count('\n'), 0); // one line on stderr
    QVERIFY(run.out.isEmpty());
    QCOMPARE(m_sandbox->requestLog().size(), 0); // refused before anything was sent
}

QTEST_GUILESS_MAIN(TestCliRevokeTruth)
#include "tst_cli_revoketruth.moc"
