#include "CliRunner.h"
#include "SandboxProcess.h"
#include "core/Totp.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

// tokendesk-cli end to end against a tokendesk-sandbox process (NetSapiens emulator): account add with secrets
// on stdin, login with and without MFA (passcode on stdin or as an option, missing, wrong), the server's view of
// the current JWT, delegated tokens recorded in the ledger, revoke by jti and by uid, logout, and the audit log;
// every output is checked for secrets.
class TestCliNetSapiens : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void loginWithoutMfa();
    void showCurrent();
    void mfaWithoutPasscode();
    void mfaWrongPasscode();
    void mfaPasscodeOnStdin();
    void mfaPasscodeOption();
    void passcodeStdinConflicts();
    void delegatedCreateListRevoke();
    void revokeAllOfUser();
    void logout();
    void auditRecordsActions();
    void cleanupTestCase();

private:
    QJsonArray tokensJson(const QString &account);
    QJsonObject findToken(const QString &account, const QString &id);
    QString currentCode() const;
    QString wrongCode() const;
    void addAccount(const QString &name, const QString &username, const QByteArray &password, bool withApiKey);

    SandboxProcess m_sandbox;
    QTemporaryDir m_dir;
    CliRunner m_cli;
    QString m_baseUrl;
    QString m_username;
    QString m_mfaUsername;
    QString m_clientId;
    QString m_domain;
    QString m_totpSecret;
    QByteArray m_password;
    QByteArray m_mfaPassword;
    QByteArray m_clientSecret;
    QByteArray m_apiKey;
    QList<QByteArray> m_tokenValues;
};

void TestCliNetSapiens::initTestCase()
{
    TOKENDESK_START_CLI_SANDBOX(QStringLiteral("netsapiens"), m_sandbox, m_dir, m_cli);
    const QJsonObject ns = m_sandbox.service(QStringLiteral("netsapiens"));
    m_baseUrl = ns.value(QStringLiteral("base_url")).toString();
    m_username = ns.value(QStringLiteral("username")).toString();
    m_mfaUsername = ns.value(QStringLiteral("mfa_username")).toString();
    m_clientId = ns.value(QStringLiteral("client_id")).toString();
    m_domain = ns.value(QStringLiteral("domain")).toString();
    m_totpSecret = ns.value(QStringLiteral("totp_secret")).toString();
    m_password = ns.value(QStringLiteral("password")).toString().toUtf8();
    m_mfaPassword = ns.value(QStringLiteral("mfa_password")).toString().toUtf8();
    m_clientSecret = ns.value(QStringLiteral("client_secret")).toString().toUtf8();
    m_apiKey = ns.value(QStringLiteral("api_key")).toString().toUtf8();
    QVERIFY(!m_baseUrl.isEmpty());
    QVERIFY(!m_username.isEmpty());
    QVERIFY(!m_mfaUsername.isEmpty());
    QVERIFY(!m_domain.isEmpty());
    QVERIFY(!m_totpSecret.isEmpty());
    QVERIFY(!m_password.isEmpty());
    QVERIFY(!m_mfaPassword.isEmpty());
    QVERIFY(!m_apiKey.isEmpty());

    addAccount(QStringLiteral("NS"), m_username, m_password, true);
    addAccount(QStringLiteral("NSMFA"), m_mfaUsername, m_mfaPassword, false);
}

void TestCliNetSapiens::addAccount(
    const QString &name, const QString &username, const QByteArray &password, bool withApiKey)
{
    QByteArray secrets = "password=" + password + "\n";
    if (!m_clientSecret.isEmpty())
        secrets += "client_secret=" + m_clientSecret + "\n";
    if (withApiKey)
        secrets += "api_key=" + m_apiKey + "\n";
    // "keep me signed in": the session JWT goes to the keychain, so the next CLI run is still signed in.
    const CliRun run = m_cli.run(
        {QStringLiteral("--secrets-stdin"), QStringLiteral("account"), QStringLiteral("add"),
            QStringLiteral("--provider"), QStringLiteral("netsapiens"), QStringLiteral("--name"), name,
            QStringLiteral("--url"), m_baseUrl, QStringLiteral("--option"), QStringLiteral("username=") + username,
            QStringLiteral("--option"), QStringLiteral("client_id=") + m_clientId, QStringLiteral("--option"),
            QStringLiteral("keep_signed_in=true")},
        secrets);
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QVERIFY(run.out.contains(name.toUtf8()));
}

QJsonArray TestCliNetSapiens::tokensJson(const QString &account)
{
    const CliRun run = m_cli.run({QStringLiteral("tokens"), account, QStringLiteral("--json")});
    if (run.exitCode != 0)
        qWarning("tokens failed: %s", run.err.constData());
    return QJsonDocument::fromJson(run.out).array();
}

QJsonObject TestCliNetSapiens::findToken(const QString &account, const QString &id)
{
    for (const QJsonValue &entry : tokensJson(account)) {
        if (entry.toObject().value(QStringLiteral("id")).toString() == id)
            return entry.toObject();
    }
    return {};
}

QString TestCliNetSapiens::currentCode() const
{
    return Totp::codeFromBase32(m_totpSecret, QDateTime::currentDateTimeUtc());
}

// A 6-digit code that matches none of the steps the server accepts (now and one step either side, plus margin).
QString TestCliNetSapiens::wrongCode() const
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QSet<QString> accepted;
    for (int step = -2; step <= 2; ++step)
        accepted.insert(Totp::codeFromBase32(m_totpSecret, now.addSecs(step * 30)));
    int candidate = currentCode().toInt();
    QString code;
    do {
        candidate = (candidate + 500'001) % 1'000'000;
        code = QStringLiteral("%1").arg(candidate, 6, 10, QLatin1Char('0'));
    } while (accepted.contains(code));
    return code;
}

void TestCliNetSapiens::loginWithoutMfa()
{
    const CliRun run = m_cli.run({QStringLiteral("login"), QStringLiteral("NS")});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QVERIFY(run.out.contains("Signed in"));
    QVERIFY(run.err.isEmpty());

    // The session is listed (kept signed in across runs).
    bool sawSession = false;
    for (const QJsonValue &entry : tokensJson(QStringLiteral("NS"))) {
        const QJsonObject token = entry.toObject();
        if (token.value(QStringLiteral("kind")).toString() == QLatin1String("session")) {
            sawSession = true;
            QCOMPARE(token.value(QStringLiteral("subject")).toString(), m_username);
            QVERIFY(token.value(QStringLiteral("remaining_seconds")).toInteger() > 0);
            QVERIFY(token.value(QStringLiteral("status")).toString() != QLatin1String("revoked"));
        }
    }
    QVERIFY(sawSession);
}

void TestCliNetSapiens::showCurrent()
{
    CliRun run =
        m_cli.run({QStringLiteral("show"), QStringLiteral("NS"), QStringLiteral("current"), QStringLiteral("--json")});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const QJsonObject shown = QJsonDocument::fromJson(run.out).object();
    const QJsonObject claims = shown.value(QStringLiteral("claims")).toObject();
    QCOMPARE(claims.value(QStringLiteral("sub")).toString(), m_username);
    QCOMPARE(claims.value(QStringLiteral("domain")).toString(), m_domain);
    QVERIFY(claims.contains(QStringLiteral("territory")));
    QVERIFY(claims.value(QStringLiteral("time_out")).toDouble() > 0);
    // The server's view: the sandbox adds its API version to GET /jwt only.
    QVERIFY(claims.value(QStringLiteral("apiversion")).toString().contains(QLatin1String("sandbox")));
    const QDateTime expires = QDateTime::fromString(shown.value(QStringLiteral("expires_at")).toString(), Qt::ISODate);
    QVERIFY(expires.isValid());
    QVERIFY(expires > QDateTime::currentDateTimeUtc());

    run = m_cli.run({QStringLiteral("show"), QStringLiteral("NS"), QStringLiteral("current")});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QVERIFY(run.out.contains(m_username.toUtf8()));
    QVERIFY(run.out.contains("Expires"));

    // The MFA account is not signed in: authentication needed.
    run = m_cli.run({QStringLiteral("show"), QStringLiteral("NSMFA"), QStringLiteral("current")});
    QCOMPARE(run.exitCode, 3);
    QCOMPARE(run.errLines().size(), 1);
    QVERIFY(run.out.isEmpty());
}

void TestCliNetSapiens::mfaWithoutPasscode()
{
    // No terminal (QProcess gives a pipe) and no passcode: exit 3, one clear line.
    const CliRun run = m_cli.run({QStringLiteral("login"), QStringLiteral("NSMFA")});
    QCOMPARE(run.exitCode, 3);
    QCOMPARE(run.errLines().size(), 1);
    QVERIFY2(run.err.contains("MFA passcode required"), run.err.constData());
    QVERIFY(run.out.isEmpty());
    // The challenge token was not kept as a session.
    const CliRun show = m_cli.run({QStringLiteral("show"), QStringLiteral("NSMFA"), QStringLiteral("current")});
    QCOMPARE(show.exitCode, 3);
}

void TestCliNetSapiens::mfaWrongPasscode()
{
    const QString code = wrongCode();
    CliRun run = m_cli.run(
        {QStringLiteral("login"), QStringLiteral("NSMFA"), QStringLiteral("--passcode-stdin")}, code.toUtf8() + "\n");
    QCOMPARE(run.exitCode, 3);
    QCOMPARE(run.errLines().size(), 1);
    QVERIFY2(run.err.contains("passcode"), run.err.constData());
    QVERIFY(run.out.isEmpty());
    QVERIFY(!run.err.contains(code.toUtf8()));

    run = m_cli.run({QStringLiteral("show"), QStringLiteral("NSMFA"), QStringLiteral("current")});
    QCOMPARE(run.exitCode, 3);
}

void TestCliNetSapiens::mfaPasscodeOnStdin()
{
    const QString code = currentCode();
    CliRun run = m_cli.run(
        {QStringLiteral("login"), QStringLiteral("NSMFA"), QStringLiteral("--passcode-stdin")}, code.toUtf8() + "\n");
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QVERIFY(run.out.contains("Signed in"));
    QVERIFY(!run.out.contains(code.toUtf8()));

    run = m_cli.run(
        {QStringLiteral("show"), QStringLiteral("NSMFA"), QStringLiteral("current"), QStringLiteral("--json")});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const QJsonObject claims = QJsonDocument::fromJson(run.out).object().value(QStringLiteral("claims")).toObject();
    QCOMPARE(claims.value(QStringLiteral("sub")).toString(), m_mfaUsername);
    QVERIFY(claims.value(QStringLiteral("user_scope")).toString() != QLatin1String("mfa_required"));
}

void TestCliNetSapiens::mfaPasscodeOption()
{
    // The documented --passcode option keeps working (stdin is preferred for scripts).
    CliRun run = m_cli.run({QStringLiteral("logout"), QStringLiteral("NSMFA")});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    run = m_cli.run({QStringLiteral("login"), QStringLiteral("NSMFA"), QStringLiteral("--passcode"), currentCode()});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    run = m_cli.run({QStringLiteral("show"), QStringLiteral("NSMFA"), QStringLiteral("current")});
    QVERIFY2(run.exitCode == 0, run.err.constData());
}

void TestCliNetSapiens::passcodeStdinConflicts()
{
    CliRun run = m_cli.run({QStringLiteral("login"), QStringLiteral("NSMFA"), QStringLiteral("--passcode-stdin")});
    QCOMPARE(run.exitCode, 2);
    QCOMPARE(run.errLines().size(), 1);

    run = m_cli.run({QStringLiteral("--secrets-stdin"), QStringLiteral("login"), QStringLiteral("NSMFA"),
                        QStringLiteral("--passcode-stdin")},
        "password=" + m_mfaPassword + "\n");
    QCOMPARE(run.exitCode, 2);
    QCOMPARE(run.errLines().size(), 1);
}

void TestCliNetSapiens::delegatedCreateListRevoke()
{
    CliRun run = m_cli.run({QStringLiteral("create"), QStringLiteral("NS"), QStringLiteral("--delegate-user"),
        QStringLiteral("1003"), QStringLiteral("--delegate-domain"), m_domain, QStringLiteral("--json")});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const QJsonObject created = QJsonDocument::fromJson(run.out).object();
    const QString jti = created.value(QStringLiteral("id")).toString();
    const QByteArray value = created.value(QStringLiteral("token")).toString().toUtf8();
    QVERIFY(!jti.isEmpty());
    QCOMPARE(value.count('.'), 2);
    m_tokenValues << value;
    // v45: the refresh JWT of the delegated answer is printed once too, under its own id.
    const QJsonObject refresh = created.value(QStringLiteral("refresh")).toObject();
    QCOMPARE(refresh.value(QStringLiteral("token")).toString().count(u'.'), 2);
    QVERIFY(!refresh.value(QStringLiteral("id")).toString().isEmpty());
    QVERIFY(refresh.value(QStringLiteral("id")).toString() != jti);
    m_tokenValues << refresh.value(QStringLiteral("token")).toString().toUtf8();
    QVERIFY(QDateTime::fromString(created.value(QStringLiteral("expires_at")).toString(), Qt::ISODate).isValid());

    // The human form prints the value once, on its own line.
    run = m_cli.run({QStringLiteral("create"), QStringLiteral("NS"), QStringLiteral("--delegate-user"),
        QStringLiteral("1005"), QStringLiteral("--delegate-domain"), m_domain});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const QList<QByteArray> lines = run.out.trimmed().split('\n');
    QVERIFY(lines.size() >= 2);
    QCOMPARE(lines.at(1).trimmed().count('.'), 2);
    m_tokenValues << lines.at(1).trimmed();

    // The ledger row: listed with its subject and a live remaining life, never the value.
    const QJsonObject listed = findToken(QStringLiteral("NS"), jti);
    QVERIFY(!listed.isEmpty());
    QCOMPARE(listed.value(QStringLiteral("subject")).toString(), QStringLiteral("1003@") + m_domain);
    QVERIFY(listed.value(QStringLiteral("remaining_seconds")).toInteger() > 0);
    QVERIFY(listed.value(QStringLiteral("status")).toString() != QLatin1String("revoked"));
    run = m_cli.run({QStringLiteral("tokens"), QStringLiteral("NS")});
    QCOMPARE(run.exitCode, 0);
    QVERIFY(run.out.startsWith("ID"));
    QVERIFY(run.out.contains(jti.toUtf8()));

    // Revoke by jti: 202, the row is marked revoked.
    run = m_cli.run({QStringLiteral("revoke"), QStringLiteral("NS"), jti, QStringLiteral("--json")});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const QJsonArray revoked = QJsonDocument::fromJson(run.out).array();
    QCOMPARE(revoked.size(), 1);
    QCOMPARE(revoked.first().toObject().value(QStringLiteral("id")).toString(), jti);
    QCOMPARE(revoked.first().toObject().value(QStringLiteral("ok")).toBool(), true);
    QCOMPARE(
        findToken(QStringLiteral("NS"), jti).value(QStringLiteral("status")).toString(), QStringLiteral("revoked"));

    // Again: the listing says it is revoked, so it is refused before any call, as the window refuses it.
    run = m_cli.run({QStringLiteral("revoke"), QStringLiteral("NS"), jti});
    QCOMPARE(run.exitCode, 4);
    QCOMPARE(run.errLines().size(), 1);
    QVERIFY2(run.err.contains("already revoked"), run.err.constData());

    // An id this account never saw: not found, exit 4.
    run = m_cli.run({QStringLiteral("revoke"), QStringLiteral("NS"), QStringLiteral("no-such-jti")});
    QCOMPARE(run.exitCode, 4);
    QCOMPARE(run.errLines().size(), 1);
}

void TestCliNetSapiens::revokeAllOfUser()
{
    const QString uid = QStringLiteral("1004@") + m_domain;
    QStringList ids;
    for (int i = 0; i < 2; ++i) {
        const CliRun run = m_cli.run({QStringLiteral("create"), QStringLiteral("NS"), QStringLiteral("--delegate-user"),
            QStringLiteral("1004"), QStringLiteral("--delegate-domain"), m_domain, QStringLiteral("--json")});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QJsonObject created = QJsonDocument::fromJson(run.out).object();
        ids << created.value(QStringLiteral("id")).toString();
        m_tokenValues << created.value(QStringLiteral("token")).toString().toUtf8();
    }
    CliRun run = m_cli.run({QStringLiteral("revoke"), QStringLiteral("NS"), QStringLiteral("--uid"), uid});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QVERIFY(run.out.contains(uid.toUtf8()));
    for (const QString &id : std::as_const(ids))
        QCOMPARE(
            findToken(QStringLiteral("NS"), id).value(QStringLiteral("status")).toString(), QStringLiteral("revoked"));

    // A uid without a domain is a usage problem, reported before any call.
    run = m_cli.run({QStringLiteral("revoke"), QStringLiteral("NS"), QStringLiteral("--uid"), QStringLiteral("1004")});
    QCOMPARE(run.exitCode, 2);
    QCOMPARE(run.errLines().size(), 1);

    // Our own session is still signed in.
    run = m_cli.run({QStringLiteral("show"), QStringLiteral("NS"), QStringLiteral("current")});
    QVERIFY2(run.exitCode == 0, run.err.constData());
}

void TestCliNetSapiens::logout()
{
    CliRun run = m_cli.run({QStringLiteral("logout"), QStringLiteral("NS")});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QVERIFY(run.out.contains("Signed out"));
    run = m_cli.run({QStringLiteral("show"), QStringLiteral("NS"), QStringLiteral("current")});
    QCOMPARE(run.exitCode, 3);
    QCOMPARE(run.errLines().size(), 1);
    QVERIFY2(run.err.contains("sign in with `tokendesk-cli login NS`"), run.err.constData());
    // Signed out, the listing would show only the ledger and look complete: it asks to sign in instead.
    run = m_cli.run({QStringLiteral("tokens"), QStringLiteral("NS"), QStringLiteral("--json")});
    QCOMPARE(run.exitCode, 3);
    QVERIFY(run.out.isEmpty());
    QVERIFY2(run.err.contains("sign in with `tokendesk-cli login NS`"), run.err.constData());
}

void TestCliNetSapiens::auditRecordsActions()
{
    CliRun run = m_cli.run({QStringLiteral("audit"), QStringLiteral("--json")});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const QSet<QString> seen = auditOutcomes(run.out);
    for (const char *expected : {"NS/login/success", "NS/create/success", "NS/revoke/success", "NS/revoke/failure",
             "NS/revoke-all/success", "NS/logout/success", "NSMFA/login-mfa/failure", "NSMFA/login-mfa/success"})
        QVERIFY2(seen.contains(QLatin1String(expected)), expected);

    run = m_cli.run({QStringLiteral("audit"), QStringLiteral("--csv")});
    QCOMPARE(run.exitCode, 0);
    QVERIFY(run.out.split('\n').size() > 8);
    QVERIFY(run.out.contains("login-mfa"));
    QVERIFY(run.out.contains("revoke-all"));
    QVERIFY(!run.out.contains(m_password));
    QVERIFY(!run.out.contains(m_mfaPassword));
    QVERIFY(!run.out.contains(m_apiKey));
    if (!m_clientSecret.isEmpty())
        QVERIFY(!run.out.contains(m_clientSecret));
    for (const QByteArray &value : std::as_const(m_tokenValues))
        QVERIFY(!run.out.contains(value));
}

void TestCliNetSapiens::cleanupTestCase()
{
    m_sandbox.stop();
    // No run printed a password, key or client secret; each created token value appeared exactly once.
    for (const QByteArray &secret : {m_password, m_mfaPassword, m_apiKey, m_clientSecret}) {
        if (!secret.isEmpty())
            QVERIFY(!m_cli.printed(secret));
    }
    for (const QByteArray &value : std::as_const(m_tokenValues))
        QCOMPARE(m_cli.printedCount(value), 1);
}

QTEST_GUILESS_MAIN(TestCliNetSapiens)
#include "tst_cli_netsapiens.moc"
