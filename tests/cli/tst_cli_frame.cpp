#include "AwaitFuture.h"
#include "CliRunner.h"

#include "core/Account.h"
#include "providers/ProviderRegistry.h"
#include "store/AccountStore.h"
#include "store/SecretStore.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

namespace {

QByteArray base64Url(const QByteArray &bytes)
{
    return bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QByteArray makeJwt(const QJsonObject &claims)
{
    const QJsonObject header {
        {QStringLiteral("alg"), QStringLiteral("HS256")}, {QStringLiteral("typ"), QStringLiteral("JWT")}};
    return base64Url(QJsonDocument(header).toJson(QJsonDocument::Compact)) + '.'
        + base64Url(QJsonDocument(claims).toJson(QJsonDocument::Compact)) + '.' + base64Url("signature");
}

} // namespace

// The frame of tokendesk-cli, run as a process: global options, usage errors, secrets only from stdin,
// account add/list/remove with the real keychain (tests/env/session), decode and audit.
class TestCliFrame : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void version();
    void help();
    void usageErrors_data();
    void usageErrors();
    void secretOnArgvRejected_data();
    void secretOnArgvRejected();
    void accountLifecycle();
    void unknownAccount();
    void decode();
    void decodeFromStdin();
    void decodeMalformed();
    void auditCsvHeader();
    void cleanupTestCase();

private:
    QTemporaryDir m_dir;
    CliRunner m_cli;
    QByteArray m_secret;
};

void TestCliFrame::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(QFile::exists(TestPaths::cliExecutable()), qPrintable(TestPaths::cliExecutable()));
    m_cli.setConfigDir(m_dir.path());
    m_secret = "pw-" + QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
}

void TestCliFrame::version()
{
    const CliRun run = m_cli.run({QStringLiteral("--version")});
    QVERIFY(run.finished);
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.out.trimmed(), QByteArray("tokendesk-cli " TOKENDESK_VERSION));
    QVERIFY(run.err.isEmpty());
}

void TestCliFrame::help()
{
    const CliRun run = m_cli.run({QStringLiteral("--help")});
    QCOMPARE(run.exitCode, 0);
    QVERIFY(run.out.startsWith("Usage: tokendesk-cli"));
    for (const char *word : {"--secrets-stdin", "account add", "expire-all", "decode", "audit", "--json"})
        QVERIFY2(run.out.contains(word), word);
    QVERIFY(run.err.isEmpty());
}

void TestCliFrame::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::newRow("no command") << QStringList();
    QTest::newRow("unknown command") << QStringList {QStringLiteral("frobnicate")};
    QTest::newRow("unknown global option") << QStringList {QStringLiteral("--frobnicate"), QStringLiteral("tokens")};
    QTest::newRow("unknown command option")
        << QStringList {QStringLiteral("account"), QStringLiteral("list"), QStringLiteral("--frobnicate")};
    QTest::newRow("missing option value")
        << QStringList {QStringLiteral("account"), QStringLiteral("add"), QStringLiteral("--provider")};
    QTest::newRow("account add without name") << QStringList {
        QStringLiteral("account"), QStringLiteral("add"), QStringLiteral("--provider"), QStringLiteral("specter")};
    QTest::newRow("unknown provider") << QStringList {QStringLiteral("account"), QStringLiteral("add"),
        QStringLiteral("--provider"), QStringLiteral("nosuch"), QStringLiteral("--name"), QStringLiteral("x")};
    QTest::newRow("tokens without account") << QStringList {QStringLiteral("tokens")};
    QTest::newRow("bad --since") << QStringList {
        QStringLiteral("audit"), QStringLiteral("--since"), QStringLiteral("soon")};
}

void TestCliFrame::usageErrors()
{
    QFETCH(QStringList, arguments);
    const CliRun run = m_cli.run(arguments);
    QVERIFY(run.finished);
    QCOMPARE(run.exitCode, 2);
    QCOMPARE(run.errLines().size(), 1);
    QVERIFY2(run.err.startsWith("tokendesk-cli: "), run.err.constData());
    QVERIFY(run.out.isEmpty());
}

void TestCliFrame::secretOnArgvRejected_data()
{
    QTest::addColumn<QStringList>("arguments");
    const QString secret = QString::fromLatin1(m_secret);
    QTest::newRow("account add --password") << QStringList {QStringLiteral("account"), QStringLiteral("add"),
        QStringLiteral("--provider"), QStringLiteral("specter"), QStringLiteral("--name"), QStringLiteral("Argv"),
        QStringLiteral("--password"), secret};
    QTest::newRow("--password=value first")
        << QStringList {QStringLiteral("--password=") + secret, QStringLiteral("account"), QStringLiteral("list")};
    QTest::newRow("--api-key") << QStringList {
        QStringLiteral("tokens"), QStringLiteral("x"), QStringLiteral("--api-key"), secret};
    QTest::newRow("--option password=") << QStringList {QStringLiteral("account"), QStringLiteral("add"),
        QStringLiteral("--provider"), QStringLiteral("specter"), QStringLiteral("--name"), QStringLiteral("Argv"),
        QStringLiteral("--option"), QStringLiteral("password=") + secret};
}

void TestCliFrame::secretOnArgvRejected()
{
    QFETCH(QStringList, arguments);
    const CliRun run = m_cli.run(arguments);
    QCOMPARE(run.exitCode, 2);
    QCOMPARE(run.errLines().size(), 1);
    QVERIFY2(run.err.contains("--secrets-stdin"), run.err.constData());
    QVERIFY(!run.err.contains(m_secret));
    QVERIFY(!run.out.contains(m_secret));
    // Nothing was saved.
    QVERIFY(!AccountStore(m_dir.path()).find(QStringLiteral("Argv")).has_value());
}

void TestCliFrame::accountLifecycle()
{
    if (!ProviderRegistry::instance().find(QStringLiteral("specter")))
        QSKIP("the specter provider is not registered in this build yet");

    const QStringList add = {QStringLiteral("--secrets-stdin"), QStringLiteral("account"), QStringLiteral("add"),
        QStringLiteral("--provider"), QStringLiteral("specter"), QStringLiteral("--name"), QStringLiteral("Work"),
        QStringLiteral("--url"), QStringLiteral("http://127.0.0.1:9/specter"), QStringLiteral("--option"),
        QStringLiteral("username=admin")};
    CliRun run = m_cli.run(add, "password=" + m_secret + "\n");
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QVERIFY(run.out.contains("Work"));
    QVERIFY(run.err.isEmpty());

    // The settings file holds the account, never the secret.
    AccountStore store(m_dir.path());
    QFile ini(store.filePath());
    QVERIFY2(ini.open(QIODevice::ReadOnly), qPrintable(store.filePath()));
    const QByteArray settings = ini.readAll();
    QVERIFY(settings.contains("Work"));
    QVERIFY(!settings.contains(m_secret));
    const std::optional<Account> account = store.find(QStringLiteral("Work"));
    QVERIFY(account.has_value());
    QCOMPARE(account->providerId, QStringLiteral("specter"));
    QCOMPARE(account->options.value(QStringLiteral("username")).toString(), QStringLiteral("admin"));

    // The secret is in the real keychain under TokenDesk/<uuid>/password.
    {
        SecretStore secrets;
        const Result<QString> stored =
            awaitResult(secrets.read(account->secretKey(QStringLiteral("password"))), 30'000);
        QVERIFY2(stored.ok(), qPrintable(stored.error().fullMessage()));
        QVERIFY(stored.value().toUtf8() == m_secret);
        QCOMPARE(secrets.state(), SecretStore::State::Keychain);
    }

    // A second account with the same name is refused; unknown stdin keys are usage errors.
    run = m_cli.run(add, "password=other\n");
    QCOMPARE(run.exitCode, 1);
    QCOMPARE(run.errLines().size(), 1);
    QStringList other = add;
    other[6] = QStringLiteral("Other");
    run = m_cli.run(other, "bogus_key=1\n");
    QCOMPARE(run.exitCode, 2);
    QCOMPARE(run.errLines().size(), 1);
    QVERIFY(!store.find(QStringLiteral("Other")).has_value());

    run = m_cli.run({QStringLiteral("account"), QStringLiteral("list")});
    QCOMPARE(run.exitCode, 0);
    const QList<QByteArray> lines = run.out.split('\n');
    QVERIFY(lines.size() >= 2);
    QVERIFY(lines.at(0).startsWith("NAME"));
    QVERIFY(lines.at(1).startsWith("Work"));
    QVERIFY(lines.at(1).contains("specter"));
    QCOMPARE(lines.at(0).indexOf("PROVIDER"), lines.at(1).indexOf("specter")); // aligned columns

    run = m_cli.run({QStringLiteral("account"), QStringLiteral("list"), QStringLiteral("--json")});
    QCOMPARE(run.exitCode, 0);
    const QJsonArray list = QJsonDocument::fromJson(run.out).array();
    QCOMPARE(list.size(), 1);
    const QJsonObject entry = list.first().toObject();
    QCOMPARE(entry.value(QStringLiteral("name")).toString(), QStringLiteral("Work"));
    QCOMPARE(entry.value(QStringLiteral("provider")).toString(), QStringLiteral("specter"));
    QCOMPARE(entry.value(QStringLiteral("id")).toString(), account->id.toString(QUuid::WithoutBraces));
    QCOMPARE(entry.value(QStringLiteral("url")).toString(), QStringLiteral("http://127.0.0.1:9/specter"));

    run = m_cli.run({QStringLiteral("account"), QStringLiteral("remove"), QStringLiteral("work")});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QVERIFY(!AccountStore(m_dir.path()).find(QStringLiteral("Work")).has_value());
    {
        SecretStore secrets;
        const Result<QString> stored =
            awaitResult(secrets.read(account->secretKey(QStringLiteral("password"))), 30'000);
        QVERIFY(!stored.ok());
        QCOMPARE(stored.error().kind(), ApiError::Kind::NotFound);
    }
    run = m_cli.run({QStringLiteral("account"), QStringLiteral("list"), QStringLiteral("--json")});
    QCOMPARE(QJsonDocument::fromJson(run.out).array().size(), 0);

    run = m_cli.run({QStringLiteral("account"), QStringLiteral("remove"), QStringLiteral("Work")});
    QCOMPARE(run.exitCode, 4);
    QCOMPARE(run.errLines().size(), 1);
}

void TestCliFrame::unknownAccount()
{
    for (const QString &command : {QStringLiteral("tokens"), QStringLiteral("login"), QStringLiteral("logout")}) {
        const CliRun run = m_cli.run({command, QStringLiteral("Nowhere")});
        QCOMPARE(run.exitCode, 4);
        QCOMPARE(run.errLines().size(), 1);
        QVERIFY(run.err.contains("Nowhere"));
    }
}

void TestCliFrame::decode()
{
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    const QByteArray jwt = makeJwt({{QStringLiteral("sub"), QStringLiteral("alice")}, {QStringLiteral("iat"), now},
        {QStringLiteral("exp"), now + 3600}, {QStringLiteral("jti"), QStringLiteral("id-1")}});

    CliRun run = m_cli.run({QStringLiteral("decode"), QString::fromLatin1(jwt)});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QVERIFY(run.out.contains("alice"));
    QVERIFY(run.out.contains("HS256"));
    QVERIFY(run.out.contains("Expires"));
    QVERIFY(run.err.isEmpty());

    run = m_cli.run({QStringLiteral("decode"), QString::fromLatin1(jwt), QStringLiteral("--json")});
    QCOMPARE(run.exitCode, 0);
    const QJsonObject object = QJsonDocument::fromJson(run.out).object();
    QCOMPARE(object.value(QStringLiteral("claims")).toObject().value(QStringLiteral("sub")).toString(),
        QStringLiteral("alice"));
    QCOMPARE(object.value(QStringLiteral("header")).toObject().value(QStringLiteral("alg")).toString(),
        QStringLiteral("HS256"));
    const QDateTime expires = QDateTime::fromString(object.value(QStringLiteral("expires_at")).toString(), Qt::ISODate);
    QCOMPARE(expires.toSecsSinceEpoch(), now + 3600);
    const qint64 remaining = object.value(QStringLiteral("remaining_seconds")).toInteger();
    QVERIFY2(remaining > 3500 && remaining <= 3600, QByteArray::number(remaining).constData());

    // An expired token decodes, with a warning.
    const QByteArray expired = makeJwt({{QStringLiteral("iat"), now - 7200}, {QStringLiteral("exp"), now - 3600}});
    run = m_cli.run({QStringLiteral("--json"), QStringLiteral("decode"), QString::fromLatin1(expired)});
    QCOMPARE(run.exitCode, 0);
    QVERIFY(!QJsonDocument::fromJson(run.out).object().value(QStringLiteral("warnings")).toArray().isEmpty());
}

void TestCliFrame::decodeFromStdin()
{
    const QByteArray jwt = makeJwt({{QStringLiteral("sub"), QStringLiteral("bob")},
        {QStringLiteral("exp"), QDateTime::currentSecsSinceEpoch() + 60}});
    CliRun run = m_cli.run({QStringLiteral("decode"), QStringLiteral("-")}, jwt + "\n");
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QVERIFY(run.out.contains("bob"));
    run = m_cli.run({QStringLiteral("decode"), QStringLiteral("--json")}, jwt);
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(QJsonDocument::fromJson(run.out)
                 .object()
                 .value(QStringLiteral("claims"))
                 .toObject()
                 .value(QStringLiteral("sub"))
                 .toString(),
        QStringLiteral("bob"));
}

void TestCliFrame::decodeMalformed()
{
    for (const QString &text : {QStringLiteral("not-a-jwt"), QStringLiteral("a.b.c"), QStringLiteral("e30.%%%.x")}) {
        const CliRun run = m_cli.run({QStringLiteral("decode"), text});
        QCOMPARE(run.exitCode, 1);
        QCOMPARE(run.errLines().size(), 1);
        QVERIFY(run.err.startsWith("tokendesk-cli: "));
        QVERIFY(run.out.isEmpty());
    }
    const CliRun run = m_cli.run({QStringLiteral("decode")}, "garbage\n");
    QCOMPARE(run.exitCode, 1);
    QCOMPARE(run.errLines().size(), 1);
}

void TestCliFrame::auditCsvHeader()
{
    const CliRun run = m_cli.run({QStringLiteral("audit"), QStringLiteral("--csv")});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const QByteArray header = run.out.split('\n').value(0).toLower();
    QVERIFY2(header.contains("time") && header.contains("action") && header.contains("outcome"), header.constData());
    QVERIFY(run.err.isEmpty());

    const CliRun since = m_cli.run(
        {QStringLiteral("audit"), QStringLiteral("--since"), QStringLiteral("24h"), QStringLiteral("--json")});
    QCOMPARE(since.exitCode, 0);
    QVERIFY(QJsonDocument::fromJson(since.out).isArray());
}

void TestCliFrame::cleanupTestCase()
{
    QVERIFY(!m_cli.printed(m_secret));
}

QTEST_GUILESS_MAIN(TestCliFrame)
#include "tst_cli_frame.moc"
