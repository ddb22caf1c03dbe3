#include "CliApplication.h"
#include "CliArguments.h"

#include <QTest>

// The CLI's argument parser and its refusal of secret option names (unit level, no process).
class TestCliArguments : public QObject
{
    Q_OBJECT

private slots:
    void parsesValuesFlagsAndRepeats();
    void reportsUsageErrors_data();
    void reportsUsageErrors();
    void doubleDashEndsOptions();
    void looseParseFindsTheAccount();
    void secretOptionNames_data();
    void secretOptionNames();
};

namespace {
using Arity = CliArguments::Arity;
const CliArguments::Spec spec = {{QStringLiteral("name"), Arity::Value}, {QStringLiteral("read-only"), Arity::Flag},
    {QStringLiteral("session"), Arity::Repeated}};
} // namespace

void TestCliArguments::parsesValuesFlagsAndRepeats()
{
    CliArguments args;
    QString error;
    QVERIFY(CliArguments::parse(
        {QStringLiteral("work"), QStringLiteral("--name"), QStringLiteral("a b"), QStringLiteral("--session=s1"),
            QStringLiteral("--read-only"), QStringLiteral("--session"), QStringLiteral("s2"), QStringLiteral("extra")},
        spec, &args, &error));
    QCOMPARE(args.positionals, (QStringList {QStringLiteral("work"), QStringLiteral("extra")}));
    QCOMPARE(args.value(QStringLiteral("name")), QStringLiteral("a b"));
    QVERIFY(args.has(QStringLiteral("read-only")));
    QCOMPARE(args.values(QStringLiteral("session")), (QStringList {QStringLiteral("s1"), QStringLiteral("s2")}));
    QCOMPARE(
        args.names(), (QStringList {QStringLiteral("name"), QStringLiteral("session"), QStringLiteral("read-only")}));

    // --flag=false leaves the flag unset; a later value replaces an earlier one for single-value options.
    QVERIFY(CliArguments::parse({QStringLiteral("--read-only=false"), QStringLiteral("--name=x"),
                                    QStringLiteral("--name=y"), QStringLiteral("-")},
        spec, &args, &error));
    QVERIFY(!args.has(QStringLiteral("read-only")));
    QCOMPARE(args.value(QStringLiteral("name")), QStringLiteral("y"));
    QCOMPARE(args.positionals, QStringList {QStringLiteral("-")});
}

void TestCliArguments::reportsUsageErrors_data()
{
    QTest::addColumn<QStringList>("words");
    QTest::addColumn<QString>("message");
    QTest::newRow("unknown") << QStringList {QStringLiteral("--bogus")} << QStringLiteral("unknown option --bogus");
    QTest::newRow("missing value") << QStringList {QStringLiteral("--name")} << QStringLiteral("needs a value");
    QTest::newRow("flag with value") << QStringList {QStringLiteral("--read-only=maybe")}
                                     << QStringLiteral("takes no value");
}

void TestCliArguments::reportsUsageErrors()
{
    QFETCH(QStringList, words);
    QFETCH(QString, message);
    CliArguments args;
    QString error;
    QVERIFY(!CliArguments::parse(words, spec, &args, &error));
    QVERIFY2(error.contains(message), qPrintable(error));
}

void TestCliArguments::doubleDashEndsOptions()
{
    CliArguments args;
    QString error;
    QVERIFY(CliArguments::parse(
        {QStringLiteral("--name"), QStringLiteral("n"), QStringLiteral("--"), QStringLiteral("--not-an-option")}, spec,
        &args, &error));
    QCOMPARE(args.positionals, QStringList {QStringLiteral("--not-an-option")});
}

void TestCliArguments::looseParseFindsTheAccount()
{
    const CliArguments args = CliArguments::parseLoose({QStringLiteral("--kind"), QStringLiteral("user"),
        QStringLiteral("work"), QStringLiteral("--read-only"), QStringLiteral("--name=x")});
    QCOMPARE(args.positionals, QStringList {QStringLiteral("work")});
    QCOMPARE(args.value(QStringLiteral("kind")), QStringLiteral("user"));
    QCOMPARE(args.value(QStringLiteral("name")), QStringLiteral("x"));
}

void TestCliArguments::secretOptionNames_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("secret");
    QTest::newRow("password") << QStringLiteral("password") << true;
    QTest::newRow("Password") << QStringLiteral("Password") << true;
    QTest::newRow("api-key") << QStringLiteral("api-key") << true;
    QTest::newRow("token") << QStringLiteral("token") << true;
    QTest::newRow("client-secret") << QStringLiteral("client-secret") << true;
    QTest::newRow("token-stdin") << QStringLiteral("token-stdin") << false;
    QTest::newRow("name") << QStringLiteral("name") << false;
    QTest::newRow("passcode") << QStringLiteral("passcode") << false; // a one-time MFA code, allowed by design
}

void TestCliArguments::secretOptionNames()
{
    QFETCH(QString, name);
    QFETCH(bool, secret);
    QCOMPARE(CliApplication::isSecretOptionName(name), secret);
}

QTEST_GUILESS_MAIN(TestCliArguments)
#include "tst_cli_arguments.moc"
