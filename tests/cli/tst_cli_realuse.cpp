#include "InProcessCliSandbox.h"
#include "TestPaths.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

// tokendesk-cli in real use, end to end against an in-process sandbox (MagicBell and NetSapiens emulators): one
// deadline per command (--timeout) however many retries a hanging server would cause, "sign in first" (exit 3)
// for a signed-out account, the refresh JWT of a NetSapiens v45 delegated answer (shown once, listed, revoked),
// no placeholder NetSapiens host, and secrets from the environment when there is no keychain. Secrets go on stdin
// or in the environment, never in argv, and never out.
class TestCliRealUse : public QObject, private InProcessCliSandbox
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void hangingServerEndsAtTheDeadline();
    void invalidTimeoutExitsTwo_data();
    void invalidTimeoutExitsTwo();
    void signedOutAccountNeedsLogin();
    void delegatedRefreshShownOnceListedRevoked();
    void netSapiensNeedsTheOperatorsHost();
    void secretsFromTheEnvironmentWithoutKeychain();
};

void TestCliRealUse::initTestCase()
{
    if (!QFileInfo::exists(TestPaths::cliExecutable()))
        QSKIP("tokendesk-cli is not built");
}

void TestCliRealUse::init()
{
    // Runs wait up to 100 s: the deadline cases start hanging requests on purpose.
    m_cliTimeoutMs = 100'000;
    startSandbox();
    // The API key too, for delegated tokens and their refresh JWTs.
    const QByteArray apiKey = m_nsInfo.value(QLatin1String("api_key")).toString().toUtf8();
    m_nsSecrets += "api_key=" + apiKey + '\n';
}

void TestCliRealUse::cleanup()
{
    stopSandbox();
}

void TestCliRealUse::hangingServerEndsAtTheDeadline()
{
    // The server accepts the connection and never answers. Without one deadline per command, the listing's
    // GET would be tried three times with a 30 s transfer timeout each.
    QString error;
    QVERIFY2(m_sandbox->setFaults(QStringLiteral("hang@/magicbell"), &error), qPrintable(error));
    const Run run =
        mb({QStringLiteral("--timeout"), QStringLiteral("3"), QStringLiteral("tokens"), QStringLiteral("mb")});
    QCOMPARE(run.exitCode, 1);
    // A behaviour bound, not a benchmark: well under one default transfer timeout.
    QVERIFY2(run.elapsedMs < 15000, qPrintable(QString::number(run.elapsedMs)));
    QVERIFY2(run.err.contains(m_mbUrl.toUtf8()), run.err.constData());
    QVERIFY(run.out.isEmpty());

    // The "=" form works the same.
    const Run inline_ = mb({QStringLiteral("--timeout=2"), QStringLiteral("tokens"), QStringLiteral("mb")});
    QCOMPARE(inline_.exitCode, 1);
    QVERIFY2(inline_.elapsedMs < 15000, qPrintable(QString::number(inline_.elapsedMs)));
}

void TestCliRealUse::invalidTimeoutExitsTwo_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::newRow("zero") << QStringList {QStringLiteral("--timeout"), QStringLiteral("0")};
    QTest::newRow("negative") << QStringList {QStringLiteral("--timeout=-5")};
    QTest::newRow("text") << QStringList {QStringLiteral("--timeout"), QStringLiteral("soon")};
    QTest::newRow("fraction") << QStringList {QStringLiteral("--timeout"), QStringLiteral("1.5")};
    QTest::newRow("too long") << QStringList {QStringLiteral("--timeout"), QStringLiteral("86401")};
}

void TestCliRealUse::invalidTimeoutExitsTwo()
{
    QFETCH(QStringList, arguments);
    m_sandbox->clearRequestLog();
    const Run run = mb(arguments + QStringList {QStringLiteral("tokens"), QStringLiteral("mb")});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains("--timeout"), run.err.constData());
    QVERIFY(m_sandbox->requestLog().isEmpty()); // found before anything is sent
    // Without a value at all.
    QCOMPARE(mb({QStringLiteral("tokens"), QStringLiteral("mb"), QStringLiteral("--timeout")}).exitCode, 2);
}

void TestCliRealUse::signedOutAccountNeedsLogin()
{
    // A NetSapiens account without a session: the listing would show only the ledger and look complete.
    Run run = ns({QStringLiteral("tokens"), QStringLiteral("ns")});
    QCOMPARE(run.exitCode, 3);
    QVERIFY2(run.err.contains("sign in with `tokendesk-cli login ns`"), run.err.constData());
    QVERIFY(!run.out.contains("No tokens."));
    run = ns({QStringLiteral("--json"), QStringLiteral("tokens"), QStringLiteral("ns")});
    QCOMPARE(run.exitCode, 3);
    QVERIFY(run.out.isEmpty());
    run = ns({QStringLiteral("show"), QStringLiteral("ns"), QStringLiteral("current")});
    QCOMPARE(run.exitCode, 3);
    QVERIFY2(run.err.contains("sign in with `tokendesk-cli login ns`"), run.err.constData());

    // A refused login is not answered with "sign in".
    run = cli({QStringLiteral("--secrets-stdin"), QStringLiteral("login"), QStringLiteral("ns")},
        "password=wrong-password\nclient_secret=" + m_nsInfo.value(QLatin1String("client_secret")).toString().toUtf8()
            + '\n');
    QCOMPARE(run.exitCode, 3);
    QVERIFY2(!run.err.contains("tokendesk-cli login"), run.err.constData());

    // Accounts that need no sign-in are unaffected.
    run = mb({QStringLiteral("tokens"), QStringLiteral("mb")});
    QVERIFY2(run.exitCode == 0, run.err.constData());
}

void TestCliRealUse::delegatedRefreshShownOnceListedRevoked()
{
    // "Keep me signed in", so that the listing of a later run has the session it needs.
    addAccount(QStringLiteral("netsapiens"), QStringLiteral("nsk"), m_nsUrl,
        {QStringLiteral("username=") + m_nsInfo.value(QLatin1String("username")).toString(),
            QStringLiteral("client_id=") + m_nsInfo.value(QLatin1String("client_id")).toString(),
            QStringLiteral("keep_signed_in=true")});
    Run run = ns({QStringLiteral("login"), QStringLiteral("nsk")});
    QVERIFY2(run.exitCode == 0, run.err.constData());

    // --json: the access token and, beside it, the refresh JWT with its own id.
    run = ns(
        {QStringLiteral("--json"), QStringLiteral("create"), QStringLiteral("nsk"), QStringLiteral("--delegate-user"),
            QStringLiteral("1001"), QStringLiteral("--delegate-domain"), QStringLiteral("sandbox")});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const QJsonObject created = QJsonDocument::fromJson(run.out).object();
    const QString jti = created.value(QLatin1String("id")).toString();
    const QJsonObject refresh = created.value(QLatin1String("refresh")).toObject();
    const QString refreshJti = refresh.value(QLatin1String("id")).toString();
    const QByteArray value = created.value(QLatin1String("token")).toString().toUtf8();
    const QByteArray refreshValue = refresh.value(QLatin1String("token")).toString().toUtf8();
    QVERIFY(!jti.isEmpty() && !refreshJti.isEmpty() && jti != refreshJti);
    QCOMPARE(refreshValue.count('.'), 2);
    QVERIFY(refreshValue != value);
    QVERIFY(!refresh.value(QLatin1String("expires_at")).toString().isEmpty());
    QCOMPARE(run.out.count(refreshValue), 1);
    m_secrets << value << refreshValue; // never printed again

    // The human form prints each value once, on its own line.
    run = ns({QStringLiteral("create"), QStringLiteral("nsk"), QStringLiteral("--delegate-user"),
        QStringLiteral("1002"), QStringLiteral("--delegate-domain"), QStringLiteral("sandbox")});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QList<QByteArray> values;
    for (const QByteArray &line : run.out.split('\n')) {
        if (line.count('.') == 2 && !line.contains(' '))
            values << line;
    }
    QCOMPARE(values.size(), 2);
    QVERIFY(values.at(0) != values.at(1));
    QVERIFY(run.out.contains("refresh token"));
    for (const QByteArray &printed : std::as_const(values))
        QCOMPARE(run.out.count(printed), 1);
    m_secrets << values;

    // Both are listed, by their jti, never with a value.
    run = ns({QStringLiteral("--json"), QStringLiteral("tokens"), QStringLiteral("nsk")});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QHash<QString, QString> kinds;
    for (const QJsonValue &entry : QJsonDocument::fromJson(run.out).array())
        kinds.insert(entry.toObject().value(QLatin1String("id")).toString(),
            entry.toObject().value(QLatin1String("kind")).toString());
    QCOMPARE(kinds.value(jti), QStringLiteral("delegated"));
    QCOMPARE(kinds.value(refreshJti), QStringLiteral("delegated-refresh"));

    // Both are revoked, each by its own jti; the server confirms both.
    run = ns({QStringLiteral("revoke"), QStringLiteral("nsk"), jti, refreshJti});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    int revoked = 0;
    for (const NetSapiensEmulator::IssuedToken &issued : m_netSapiens->issuedTokens()) {
        if (issued.jti == jti || issued.jti == refreshJti) {
            QVERIFY2(issued.revoked, qPrintable(issued.jti));
            ++revoked;
        }
    }
    QCOMPARE(revoked, 2);
    run = ns({QStringLiteral("--json"), QStringLiteral("tokens"), QStringLiteral("nsk")});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    for (const QJsonValue &entry : QJsonDocument::fromJson(run.out).array()) {
        const QString id = entry.toObject().value(QLatin1String("id")).toString();
        if (id == jti || id == refreshJti)
            QCOMPARE(entry.toObject().value(QLatin1String("status")).toString(), QStringLiteral("revoked"));
    }
    QVERIFY(ns({QStringLiteral("logout"), QStringLiteral("nsk")}).exitCode == 0);
}

void TestCliRealUse::netSapiensNeedsTheOperatorsHost()
{
    // The spec's host is a placeholder: without --url there is nothing to talk to.
    Run run = cli({QStringLiteral("account"), QStringLiteral("add"), QStringLiteral("--provider"),
        QStringLiteral("netsapiens"), QStringLiteral("--name"), QStringLiteral("nohost"), QStringLiteral("--option"),
        QStringLiteral("username=1000@sandbox")});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains("--url is required"), run.err.constData());
    run = cli({QStringLiteral("account"), QStringLiteral("list")});
    QVERIFY(!run.out.contains("nohost"));
    QVERIFY(!run.out.contains("ns-api.com"));
}

void TestCliRealUse::secretsFromTheEnvironmentWithoutKeychain()
{
    // No Secret Service: the session bus address points at a socket path nothing listens on.
    QTemporaryDir busDir;
    QVERIFY(busDir.isValid());
    QProcessEnvironment headless = QProcessEnvironment::systemEnvironment();
    headless.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
        QStringLiteral("unix:path=") + busDir.filePath(QStringLiteral("no-bus-here")));
    headless.remove(QStringLiteral("DISPLAY"));
    headless.remove(QStringLiteral("WAYLAND_DISPLAY"));

    // Storing secrets is refused, with the way out, and nothing is added.
    Run run = cli({QStringLiteral("--secrets-stdin"), QStringLiteral("account"), QStringLiteral("add"),
                      QStringLiteral("--provider"), QStringLiteral("magicbell"), QStringLiteral("--name"),
                      QStringLiteral("stored"), QStringLiteral("--url"), m_mbUrl},
        m_mbSecrets, headless);
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains("TOKENDESK_SECRET_"), run.err.constData());
    QVERIFY2(run.err.contains("--secrets-stdin"), run.err.constData());
    QVERIFY(!cli({QStringLiteral("account"), QStringLiteral("list")}, {}, headless).out.contains("stored"));

    // The secret for one run in TOKENDESK_SECRET_<FIELD>: the command works and never prints it.
    QProcessEnvironment withToken = headless;
    withToken.insert(QStringLiteral("TOKENDESK_SECRET_TOKEN"), QString::fromUtf8(m_mbSecrets.trimmed().mid(6)));
    run = cli({QStringLiteral("--json"), QStringLiteral("tokens"), QStringLiteral("mb")}, {}, withToken);
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QVERIFY(QJsonDocument::fromJson(run.out).isArray());

    // A NetSapiens API key the same way: a delegated token is created without any keychain.
    QProcessEnvironment withKey = headless;
    withKey.insert(QStringLiteral("TOKENDESK_SECRET_API_KEY"), m_nsInfo.value(QLatin1String("api_key")).toString());
    run = cli(
        {QStringLiteral("--json"), QStringLiteral("create"), QStringLiteral("ns"), QStringLiteral("--delegate-user"),
            QStringLiteral("1003"), QStringLiteral("--delegate-domain"), QStringLiteral("sandbox")},
        {}, withKey);
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const QJsonObject created = QJsonDocument::fromJson(run.out).object();
    QVERIFY(!created.value(QLatin1String("id")).toString().isEmpty());
    m_secrets << created.value(QLatin1String("token")).toString().toUtf8()
              << created.value(QLatin1String("refresh")).toObject().value(QLatin1String("token")).toString().toUtf8();

    // Without the variable the same command has no key (the keychain cannot supply one).
    run = cli({QStringLiteral("create"), QStringLiteral("ns"), QStringLiteral("--delegate-user"),
                  QStringLiteral("1003"), QStringLiteral("--delegate-domain"), QStringLiteral("sandbox")},
        {}, headless);
    QVERIFY(run.exitCode != 0);
}

QTEST_GUILESS_MAIN(TestCliRealUse)
#include "tst_cli_realuse.moc"
