#include "CliRunner.h"
#include "SandboxProcess.h"

#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

// Real CLI flows (tokendesk-cli against a tokendesk-sandbox process) for Specter and MagicBell, then a scan of
// everything they left behind (config folder, exported CSV, every captured stdout/stderr except create's and
// rotate's stdout, which must show the new token once) for every secret used. A hit names the place, never the secret.
// Accounts are added without secrets (no keychain in this test); every call passes them with --secrets-stdin.
class TestSecretLeak : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void specterFlow();
    void rotationFlow();
    void magicbellFlow();
    void auditExport();
    void scan();
    void cleanupTestCase();

private:
    CliRun runCli(
        const QString &label, const QStringList &arguments, const QByteArray &secrets = {}, bool scanStdout = true);
    QByteArray createdValue(const CliRun &run);
    QString keepCreated(const CliRun &run, QByteArray *value = nullptr);

    SandboxProcess m_sandbox;
    QTemporaryDir m_dir;
    CliRunner m_cli;
    QJsonObject m_services;
    QByteArray m_specterPassword;
    QByteArray m_magicbellToken;
    QList<QByteArray> m_secrets;
    QList<QPair<QString, QByteArray>> m_outputs; // what to scan: label -> bytes
    QList<QByteArray> m_createOutputs; // not scanned: the one place a created value belongs (positive control)
    QString m_csvPath;
};

void TestSecretLeak::initTestCase()
{
    if (!QFile::exists(TestPaths::sandboxExecutable()))
        QSKIP("tokendesk-sandbox is not built");
    QVERIFY2(QFile::exists(TestPaths::cliExecutable()), qPrintable(TestPaths::cliExecutable()));
    QVERIFY(m_dir.isValid());
    QVERIFY(QDir(m_dir.path()).mkpath(QStringLiteral("config")));
    m_cli.setConfigDir(m_dir.filePath(QStringLiteral("config")));

    QVERIFY2(m_sandbox.start({QStringLiteral("--magicbell-jwt-routes")}), qPrintable(m_sandbox.errorString()));
    m_services = m_sandbox.services();
    m_specterPassword =
        m_services.value(QLatin1String("specter")).toObject().value(QLatin1String("password")).toString().toUtf8();
    m_magicbellToken =
        m_services.value(QLatin1String("magicbell")).toObject().value(QLatin1String("token")).toString().toUtf8();
    QVERIFY(!m_specterPassword.isEmpty());
    QVERIFY(m_magicbellToken.count('.') == 2);
    m_secrets << m_specterPassword << m_magicbellToken;
}

CliRun TestSecretLeak::runCli(
    const QString &label, const QStringList &arguments, const QByteArray &secrets, bool scanStdout)
{
    const CliRun run = m_cli.run(arguments, secrets);
    if (scanStdout)
        m_outputs.append({label + QStringLiteral(" stdout"), run.out});
    else
        m_createOutputs.append(run.out);
    m_outputs.append({label + QStringLiteral(" stderr"), run.err});
    return run;
}

QByteArray TestSecretLeak::createdValue(const CliRun &run)
{
    return QJsonDocument::fromJson(run.out).object().value(QLatin1String("token")).toString().toUtf8();
}

// The id of the token a `create --json` run printed; its value (also given in `value`) joins the secrets that no
// later output may show.
QString TestSecretLeak::keepCreated(const CliRun &run, QByteArray *value)
{
    const QByteArray created = createdValue(run);
    m_secrets << created;
    if (value)
        *value = created;
    return QJsonDocument::fromJson(run.out).object().value(QLatin1String("id")).toString();
}

void TestSecretLeak::specterFlow()
{
    const QJsonObject specter = m_services.value(QLatin1String("specter")).toObject();
    const QByteArray secrets = "password=" + m_specterPassword + '\n';
    CliRun run = runCli(QStringLiteral("specter account add"),
        {QStringLiteral("account"), QStringLiteral("add"), QStringLiteral("--provider"), QStringLiteral("specter"),
            QStringLiteral("--name"), QStringLiteral("Specter"), QStringLiteral("--url"),
            specter.value(QLatin1String("base_url")).toString(), QStringLiteral("--option"),
            QStringLiteral("username=") + specter.value(QLatin1String("username")).toString()});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    run = runCli(QStringLiteral("specter tokens"),
        {QStringLiteral("--secrets-stdin"), QStringLiteral("tokens"), QStringLiteral("Specter")}, secrets);
    QVERIFY2(run.exitCode == 0, run.err.constData());
    run = runCli(QStringLiteral("specter create"),
        {QStringLiteral("--secrets-stdin"), QStringLiteral("create"), QStringLiteral("Specter"),
            QStringLiteral("--name"), QStringLiteral("leak check"), QStringLiteral("--expiry"),
            QStringLiteral("2 days"), QStringLiteral("--json")},
        secrets, false);
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QByteArray value;
    const QString id = keepCreated(run, &value);
    QVERIFY(value.count('.') == 2);
    QVERIFY(!id.isEmpty());
    run = runCli(QStringLiteral("specter tokens --json"),
        {QStringLiteral("--secrets-stdin"), QStringLiteral("tokens"), QStringLiteral("Specter"),
            QStringLiteral("--json")},
        secrets);
    QVERIFY2(run.exitCode == 0, run.err.constData());
    // Identify and the leak scan take the value itself; expiring and calendar print what they list. None of
    // them may print it (the scanned file lies outside the scanned folder).
    runCli(QStringLiteral("identify"),
        {QStringLiteral("identify"), QStringLiteral("--token-stdin"), QStringLiteral("--account"),
            QStringLiteral("Specter"), QStringLiteral("--json")},
        value + '\n');
    QTemporaryDir work;
    QFile leaked(work.filePath(QStringLiteral(".env")));
    QVERIFY(leaked.open(QIODevice::WriteOnly));
    leaked.write("TOKEN=" + value + "\nGH=ghp_0123456789abcdefghijklmnopqrstuvwxyz\n");
    leaked.close();
    run = runCli(QStringLiteral("scan"), {QStringLiteral("scan"), work.path()});
    QCOMPARE(run.exitCode, 1); // at least the GitHub token, reported as not TokenDesk's
    runCli(QStringLiteral("scan --json"), {QStringLiteral("--json"), QStringLiteral("scan"), work.path()});
    runCli(QStringLiteral("expiring --json"), {QStringLiteral("--json"), QStringLiteral("expiring")});
    runCli(QStringLiteral("calendar"), {QStringLiteral("calendar")});
    run = runCli(QStringLiteral("specter revoke"),
        {QStringLiteral("--secrets-stdin"), QStringLiteral("revoke"), QStringLiteral("Specter"), id}, secrets);
    QVERIFY2(run.exitCode == 0, run.err.constData());
    // A failure path too: a wrong password must not echo either password.
    const QByteArray wrong = "wrong-" + QByteArray::number(QDateTime::currentMSecsSinceEpoch()) + "-pw";
    m_secrets << wrong;
    run = runCli(QStringLiteral("specter tokens with a wrong password"),
        {QStringLiteral("--secrets-stdin"), QStringLiteral("tokens"), QStringLiteral("Specter")},
        "password=" + wrong + '\n');
    QVERIFY(run.exitCode != 0);
}

void TestSecretLeak::magicbellFlow()
{
    const QJsonObject magicbell = m_services.value(QLatin1String("magicbell")).toObject();
    const QByteArray secrets = "token=" + m_magicbellToken + '\n';
    CliRun run = runCli(QStringLiteral("magicbell account add"),
        {QStringLiteral("account"), QStringLiteral("add"), QStringLiteral("--provider"), QStringLiteral("magicbell"),
            QStringLiteral("--name"), QStringLiteral("mb"), QStringLiteral("--url"),
            magicbell.value(QLatin1String("base_url")).toString()});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    run = runCli(QStringLiteral("magicbell tokens"),
        {QStringLiteral("--secrets-stdin"), QStringLiteral("tokens"), QStringLiteral("mb")}, secrets);
    QVERIFY2(run.exitCode == 0, run.err.constData());
    run = runCli(QStringLiteral("magicbell create"),
        {QStringLiteral("--secrets-stdin"), QStringLiteral("--json"), QStringLiteral("create"), QStringLiteral("mb"),
            QStringLiteral("--kind"), QStringLiteral("project"), QStringLiteral("--name"), QStringLiteral("leak check"),
            QStringLiteral("--expiry"), QStringLiteral("2 hours")},
        secrets, false);
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QByteArray value;
    const QString id = keepCreated(run, &value);
    QVERIFY(value.count('.') == 2);
    QVERIFY(!id.isEmpty());
    run = runCli(QStringLiteral("magicbell tokens --json"),
        {QStringLiteral("--secrets-stdin"), QStringLiteral("--json"), QStringLiteral("tokens"), QStringLiteral("mb")},
        secrets);
    QVERIFY2(run.exitCode == 0, run.err.constData());
    run = runCli(QStringLiteral("magicbell revoke"),
        {QStringLiteral("--secrets-stdin"), QStringLiteral("revoke"), QStringLiteral("mb"), id}, secrets);
    QVERIFY2(run.exitCode == 0, run.err.constData());
}

void TestSecretLeak::auditExport()
{
    const CliRun run = runCli(QStringLiteral("audit --csv"), {QStringLiteral("audit"), QStringLiteral("--csv")});
    QCOMPARE(run.exitCode, 0);
    QVERIFY(run.out.split('\n').size() > 4); // header + creates + revokes
    m_csvPath = m_dir.filePath(QStringLiteral("audit.csv"));
    QFile csv(m_csvPath);
    QVERIFY(csv.open(QIODevice::WriteOnly));
    csv.write(run.out);
}

// A rotation with a grace period: the old and the new value never reach the ledger, the audit log, the request
// log, `tokens --json` or `rotate --finish-due --json`; rotate's own stdout shows the new value once.
void TestSecretLeak::rotationFlow()
{
    const QByteArray secrets = "password=" + m_specterPassword + '\n';
    CliRun run = runCli(QStringLiteral("specter create for rotation"),
        {QStringLiteral("--secrets-stdin"), QStringLiteral("create"), QStringLiteral("Specter"),
            QStringLiteral("--name"), QStringLiteral("rotate me"), QStringLiteral("--expiry"), QStringLiteral("1 day"),
            QStringLiteral("--json")},
        secrets, false);
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const QString id = keepCreated(run);
    run = runCli(QStringLiteral("specter rotate"),
        {QStringLiteral("--secrets-stdin"), QStringLiteral("rotate"), QStringLiteral("Specter"), id,
            QStringLiteral("--grace"), QStringLiteral("1s"), QStringLiteral("--json")},
        secrets, false);
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const QByteArray successor = createdValue(run);
    QVERIFY(successor.count('.') == 2);
    m_secrets << successor;
    run = runCli(QStringLiteral("specter tokens --json while rotating"),
        {QStringLiteral("--secrets-stdin"), QStringLiteral("tokens"), QStringLiteral("Specter"),
            QStringLiteral("--json")},
        secrets);
    QVERIFY(run.out.contains("rotation_revokes_at"));
    QTest::qWait(1200);
    run = runCli(QStringLiteral("specter rotate --finish-due --json"),
        {QStringLiteral("--secrets-stdin"), QStringLiteral("--json"), QStringLiteral("rotate"),
            QStringLiteral("Specter"), QStringLiteral("--finish-due")},
        secrets);
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QVERIFY(run.out.contains("completed"));
}

void TestSecretLeak::scan()
{
    QVERIFY(m_secrets.size() >= 7); // 2 credentials, 1 wrong password, 2 created tokens, 1 rotated and its successor
    const QDir config(m_dir.filePath(QStringLiteral("config")));
    for (const char *expected : {"accounts.ini", "tokendesk.sqlite", "requests.log"})
        QVERIFY2(config.exists(QLatin1String(expected)), expected);

    QList<QPair<QString, QByteArray>> places = m_outputs;
    QDirIterator files(m_dir.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (files.hasNext()) {
        const QString path = files.next();
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        places.append({QDir(m_dir.path()).relativeFilePath(path), file.readAll()});
    }
    QStringList hits;
    for (const auto &[place, bytes] : places) {
        for (qsizetype i = 0; i < m_secrets.size(); ++i) {
            const QByteArray &secret = m_secrets.at(i);
            // Also the base64 form (an HTTP Basic header or a settings value would carry it that way).
            if (bytes.contains(secret) || bytes.contains(secret.toBase64()))
                hits << QStringLiteral("secret #%1 in %2").arg(i).arg(place);
        }
    }
    QVERIFY2(hits.isEmpty(), qPrintable(hits.join(QLatin1String("; "))));
    // Positive control: the scan finds each created value in its create output (exactly once).
    QCOMPARE(m_createOutputs.size(), 4);
    for (const QByteArray &output : std::as_const(m_createOutputs)) {
        int found = 0;
        for (const QByteArray &secret : std::as_const(m_secrets))
            found += int(output.count(secret));
        QCOMPARE(found, 1);
    }
    qInfo("scanned %d places for %d secrets", int(places.size()), int(m_secrets.size()));
}

void TestSecretLeak::cleanupTestCase()
{
    m_sandbox.stop();
}

QTEST_GUILESS_MAIN(TestSecretLeak)
#include "tst_secretleak.moc"
