#include "CliRunner.h"
#include "RawHttp.h"
#include "SandboxProcess.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

// `tokendesk-cli rotate` end to end against a tokendesk-sandbox process (Specter; Svix for the confirmation rule):
// exit codes, the steps in --json, the value printed once, the grace period shown by `tokens --json` and finished
// by `rotate ACCOUNT --finish-due`, and a successor that fails verification rolled back (exit 1).
class TestCliRotate : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void rotatesAtOnceWithJsonSteps();
    void graceIsShownAndFinishedLater();
    void failedVerificationExitsOne();
    void usageAndNotFound();
    void unverifiableServiceNeedsConfirmation();

private:
    QString createToken(const QString &name, QByteArray *value = nullptr);
    QJsonObject tokenRow(const QString &id);

    SandboxProcess m_sandbox;
    QTemporaryDir m_dir;
    CliRunner m_cli;
    SpecterUser m_user;
};

void TestCliRotate::initTestCase()
{
    TOKENDESK_START_CLI_SPECTER(m_sandbox, m_dir, m_cli, m_user, QStringLiteral("lab"));
}

QString TestCliRotate::createToken(const QString &name, QByteArray *value)
{
    const CliRun run = m_cli.run({QStringLiteral("create"), QStringLiteral("lab"), QStringLiteral("--name"), name,
        QStringLiteral("--expiry"), QStringLiteral("3 hours"), QStringLiteral("--json")});
    const QJsonObject created = QJsonDocument::fromJson(run.out).object();
    if (value)
        *value = created.value(QStringLiteral("token")).toString().toUtf8();
    return created.value(QStringLiteral("id")).toString();
}

QJsonObject TestCliRotate::tokenRow(const QString &id)
{
    const CliRun run = m_cli.run({QStringLiteral("tokens"), QStringLiteral("lab"), QStringLiteral("--json")});
    for (const QJsonValue &row : QJsonDocument::fromJson(run.out).array())
        if (row.toObject().value(QStringLiteral("id")).toString() == id)
            return row.toObject();
    return {};
}

void TestCliRotate::rotatesAtOnceWithJsonSteps()
{
    QByteArray oldValue;
    const QString oldId = createToken(QStringLiteral("ci deploy"), &oldValue);
    QVERIFY(!oldId.isEmpty());

    const CliRun run = m_cli.run({QStringLiteral("rotate"), QStringLiteral("lab"), oldId, QStringLiteral("--json")});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const QJsonObject report = QJsonDocument::fromJson(run.out).object();
    QCOMPARE(report.value(QStringLiteral("outcome")).toString(), QStringLiteral("completed"));
    QCOMPARE(report.value(QStringLiteral("old_id")).toString(), oldId);
    const QString newId = report.value(QStringLiteral("new_id")).toString();
    QVERIFY(!newId.isEmpty() && newId != oldId);
    QStringList steps;
    for (const QJsonValue &step : report.value(QStringLiteral("steps")).toArray()) {
        steps.append(step.toObject().value(QStringLiteral("step")).toString());
        QVERIFY(step.toObject().value(QStringLiteral("state")).toString() != QLatin1String("failed"));
    }
    QCOMPARE(steps,
        QStringList({QStringLiteral("copy-settings"), QStringLiteral("create"), QStringLiteral("verify-new"),
            QStringLiteral("grace"), QStringLiteral("revoke-old"), QStringLiteral("verify-old")}));
    const QByteArray newValue = report.value(QStringLiteral("token")).toString().toUtf8();
    QCOMPARE(newValue.count('.'), 2);
    QCOMPARE(m_cli.printedCount(newValue), 1); // printed once, by rotate

    QVERIFY(tokenRow(oldId).isEmpty());
    QVERIFY(!tokenRow(newId).isEmpty());
    const CliRun verify =
        m_cli.run({QStringLiteral("verify"), QStringLiteral("lab"), QStringLiteral("--token-stdin")}, oldValue + "\n");
    QCOMPARE(verify.exitCode, 0); // the old one is rejected by the server

    // The audit log has the grouped action, without any value.
    const CliRun audit = m_cli.run({QStringLiteral("audit"), QStringLiteral("--action"), QStringLiteral("rotate")});
    QVERIFY2(audit.exitCode == 0, audit.err.constData());
    QVERIFY(audit.out.contains(oldId.toUtf8()));
    QVERIFY(!audit.out.contains(newValue) && !audit.out.contains(oldValue));
}

void TestCliRotate::graceIsShownAndFinishedLater()
{
    const QString oldId = createToken(QStringLiteral("nightly export"));
    QVERIFY(!oldId.isEmpty());
    // The CLI runs on the wall clock: a grace period long enough that the checks before it ends are done before it
    // ends also on a loaded machine (each CLI run under the sanitizers takes up to a second or two).
    CliRun run = m_cli.run({QStringLiteral("rotate"), QStringLiteral("lab"), oldId, QStringLiteral("--grace"),
        QStringLiteral("8s"), QStringLiteral("--json")});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const QJsonObject report = QJsonDocument::fromJson(run.out).object();
    QCOMPARE(report.value(QStringLiteral("outcome")).toString(), QStringLiteral("scheduled"));
    const QString due = report.value(QStringLiteral("old_revoked_at")).toString();
    QVERIFY(!due.isEmpty());

    // The old token is still listed, with the time it is revoked; the new one is listed too.
    const QJsonObject row = tokenRow(oldId);
    QCOMPARE(row.value(QStringLiteral("rotation_revokes_at")).toString(), due);
    QVERIFY(tokenRow(report.value(QStringLiteral("new_id")).toString())
                .value(QStringLiteral("rotation_revokes_at"))
                .isNull());
    // Rotating it again while it is pending is refused (4).
    run = m_cli.run({QStringLiteral("rotate"), QStringLiteral("lab"), oldId});
    QCOMPARE(run.exitCode, 4);

    const QDateTime dueAt = QDateTime::fromString(due, Qt::ISODateWithMs);
    QVERIFY(dueAt.isValid());
    QVERIFY2(QDateTime::currentDateTimeUtc().addSecs(2) < dueAt, "the steps before the due time took the whole grace");
    run = m_cli.run({QStringLiteral("rotate"), QStringLiteral("lab"), QStringLiteral("--finish-due")});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QVERIFY(!tokenRow(oldId).isEmpty()); // not due yet
    // The time is printed to the second: the rotation is due up to a second after it.
    QTest::qWait(int(QDateTime::currentDateTimeUtc().msecsTo(dueAt)) + 1500);
    run = m_cli.run(
        {QStringLiteral("rotate"), QStringLiteral("lab"), QStringLiteral("--finish-due"), QStringLiteral("--json")});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const QJsonArray finished = QJsonDocument::fromJson(run.out).array();
    QCOMPARE(finished.size(), 1);
    QCOMPARE(finished.first().toObject().value(QStringLiteral("outcome")).toString(), QStringLiteral("completed"));
    QVERIFY(tokenRow(oldId).isEmpty());
    run = m_cli.run({QStringLiteral("rotate"), QStringLiteral("lab"), QStringLiteral("--finish-due")});
    QCOMPARE(run.exitCode, 0);
    QVERIFY(run.out.contains("No rotation is due"));
}

void TestCliRotate::failedVerificationExitsOne()
{
    const QString oldId = createToken(QStringLiteral("payments"));
    QVERIFY(!oldId.isEmpty());
    QUrl control(m_sandbox.service(QStringLiteral("specter")).value(QStringLiteral("base_url")).toString());
    control.setPath(QStringLiteral("/_sandbox/faults"));
    const RawHttp::Reply armed = RawHttp::send("POST", control, {RawHttp::jsonContentType()},
        R"({"fault": "status=401", "path": "/specter/api/v1alpha/wallets", "count": 1})");
    QCOMPARE(armed.status, 201);

    const CliRun run = m_cli.run({QStringLiteral("rotate"), QStringLiteral("lab"), oldId, QStringLiteral("--json")});
    QCOMPARE(run.exitCode, 1);
    const QJsonObject report = QJsonDocument::fromJson(run.out).object();
    QCOMPARE(report.value(QStringLiteral("outcome")).toString(), QStringLiteral("rolled-back"));
    QVERIFY(!report.contains(QStringLiteral("token"))); // a rolled-back value is never printed
    QCOMPARE(run.errLines().size(), 1);
    QVERIFY(!tokenRow(oldId).isEmpty()); // the old token is untouched
    QVERIFY(tokenRow(report.value(QStringLiteral("new_id")).toString()).isEmpty());
}

void TestCliRotate::usageAndNotFound()
{
    QCOMPARE(m_cli.run({QStringLiteral("rotate"), QStringLiteral("lab")}).exitCode, 2);
    QCOMPARE(
        m_cli
            .run({QStringLiteral("rotate"), QStringLiteral("lab"), QStringLiteral("x"), QStringLiteral("--finish-due")})
            .exitCode,
        2);
    QCOMPARE(m_cli
                 .run({QStringLiteral("rotate"), QStringLiteral("lab"), QStringLiteral("x"), QStringLiteral("--grace"),
                     QStringLiteral("soon")})
                 .exitCode,
        2);
    const CliRun missing = m_cli.run({QStringLiteral("rotate"), QStringLiteral("lab"), QStringLiteral("no-such-id")});
    QCOMPARE(missing.exitCode, 4);
    QCOMPARE(m_cli.run({QStringLiteral("rotate"), QStringLiteral("nobody"), QStringLiteral("x")}).exitCode, 4);
    const CliRun help = m_cli.run({QStringLiteral("help"), QStringLiteral("rotate")});
    QCOMPARE(help.exitCode, 0);
    QVERIFY(help.out.contains("--finish-due") && help.out.contains("--grace"));
}

void TestCliRotate::unverifiableServiceNeedsConfirmation()
{
    const QJsonObject svix = m_sandbox.service(QStringLiteral("svix"));
    if (svix.isEmpty())
        QSKIP("the sandbox has no Svix emulator");
    CliRun run = addCliAccount(m_cli, QStringLiteral("svix"), QStringLiteral("sv"),
        svix.value(QStringLiteral("base_url")).toString(),
        "api_key=" + svix.value(QStringLiteral("api_key")).toString().toUtf8() + "\n");
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const QString app = svix.value(QStringLiteral("app_ids")).toArray().first().toString();
    run = m_cli.run({QStringLiteral("create"), QStringLiteral("sv"), QStringLiteral("--kind"), QStringLiteral("portal"),
        QStringLiteral("--app"), app, QStringLiteral("--session"), QStringLiteral("ops"), QStringLiteral("--json")});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const QString oldId = QJsonDocument::fromJson(run.out).object().value(QStringLiteral("id")).toString();

    // Svix cannot check a value: nothing happens without --confirm-unverified.
    run = m_cli.run({QStringLiteral("rotate"), QStringLiteral("sv"), oldId});
    QCOMPARE(run.exitCode, 2);
    QVERIFY(run.err.contains("--confirm-unverified"));
    run = m_cli.run({QStringLiteral("rotate"), QStringLiteral("sv"), oldId, QStringLiteral("--grace"),
        QStringLiteral("1 hour"), QStringLiteral("--confirm-unverified"), QStringLiteral("--json")});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const QJsonObject report = QJsonDocument::fromJson(run.out).object();
    QCOMPARE(report.value(QStringLiteral("outcome")).toString(), QStringLiteral("scheduled"));
    QStringList steps;
    for (const QJsonValue &step : report.value(QStringLiteral("steps")).toArray())
        steps.append(step.toObject().value(QStringLiteral("step")).toString());
    QVERIFY2(steps.contains(QStringLiteral("confirm")) && steps.contains(QStringLiteral("expire-old")),
        qPrintable(steps.join(QLatin1Char(','))));
}

QTEST_GUILESS_MAIN(TestCliRotate)
#include "tst_cli_rotate.moc"
