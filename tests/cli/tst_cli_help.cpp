#include "CliApplication.h"
#include "CliCommand.h"
#include "CliCommandTable.h"
#include "CliRunner.h"

#include <QSet>
#include <QTemporaryDir>
#include <QTest>

// The command table behind tokendesk-cli's dispatch and help: every command has a synopsis and a summary and is
// listed by --help; `help COMMAND` and `COMMAND --help` print that command's synopsis and options; an unknown
// command is a usage error that lists the commands.
class TestCliHelp : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void everyCommandIsDescribed();
    void everyCommandIsInTopLevelHelp();
    void helpCommandMatchesDashDashHelp();
    void helpShowsOptionsFromTheSpec();
    void helpOfAGroup();
    void helpWithoutCommandIsTheUsage();
    void unknownCommand_data();
    void unknownCommand();

private:
    static QStringList words(const CliCommandSpec &spec) { return spec.name.split(QLatin1Char(' ')); }

    QTemporaryDir m_dir;
    CliRunner m_cli;
};

void TestCliHelp::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(QFile::exists(TestPaths::cliExecutable()), qPrintable(TestPaths::cliExecutable()));
    m_cli.setConfigDir(m_dir.path());
}

void TestCliHelp::everyCommandIsDescribed()
{
    CliApplication app;
    QSet<QString> names;
    QVERIFY(CliCommandTable::entries().size() >= 15);
    for (const CliCommandTable::Entry &entry : CliCommandTable::entries()) {
        const CliCommandSpec spec = entry.spec();
        QVERIFY(!spec.name.isEmpty());
        QVERIFY2(!names.contains(spec.name), qPrintable(spec.name));
        names.insert(spec.name);
        QVERIFY2(spec.synopsis().startsWith(spec.name), qPrintable(spec.name));
        QVERIFY2(!spec.summary.trimmed().isEmpty(), qPrintable(spec.name));
        QVERIFY2(!spec.summary.contains(QLatin1Char('\n')), qPrintable(spec.name));
        for (const CliCommandSpec::Option &option : spec.options) {
            const QString where = spec.name + QStringLiteral(" --") + option.name;
            QVERIFY2(!option.name.isEmpty() && !option.name.startsWith(QLatin1Char('-')), qPrintable(where));
            QVERIFY2(!option.help.isEmpty(), qPrintable(where));
            QCOMPARE(option.value.isEmpty(), option.arity == CliArguments::Arity::Flag);
            QVERIFY2(spec.synopsis().contains(QStringLiteral("--") + option.name), qPrintable(where));
            QVERIFY2(spec.help().contains(option.help), qPrintable(where));
        }
        // The table's line creates the command it describes.
        CliCommand *command = entry.create(&app);
        QCOMPARE(command->commandSpec().name, spec.name);
        delete command;
    }
}

void TestCliHelp::everyCommandIsInTopLevelHelp()
{
    const CliRun run = m_cli.run({QStringLiteral("--help")});
    QVERIFY(run.finished);
    QCOMPARE(run.exitCode, 0);
    QVERIFY(run.err.isEmpty());
    QCOMPARE(run.out, CliApplication::usage().toUtf8());
    for (const CliCommandTable::Entry &entry : CliCommandTable::entries()) {
        const CliCommandSpec spec = entry.spec();
        QVERIFY2(run.out.contains(spec.synopsis().toUtf8()), qPrintable(spec.name));
        QVERIFY2(run.out.contains(spec.summary.toUtf8()), qPrintable(spec.name));
    }
}

void TestCliHelp::helpCommandMatchesDashDashHelp()
{
    for (const CliCommandTable::Entry &entry : CliCommandTable::entries()) {
        const CliCommandSpec spec = entry.spec();
        const QByteArray expected = spec.help().toUtf8();
        const QByteArray usageLine = "Usage: tokendesk-cli " + spec.synopsis().toUtf8() + '\n';
        QVERIFY2(expected.startsWith(usageLine), qPrintable(spec.name));

        const CliRun help = m_cli.run(QStringList {QStringLiteral("help")} + words(spec));
        QVERIFY(help.finished);
        QCOMPARE(help.exitCode, 0);
        QCOMPARE(help.out, expected);
        QVERIFY(help.err.isEmpty());

        // --help anywhere after the command, also after its arguments, and -h.
        for (const QStringList &tail : {QStringList {QStringLiteral("--help")},
                 QStringList {QStringLiteral("some-account"), QStringLiteral("--help")},
                 QStringList {QStringLiteral("-h")}}) {
            const CliRun run = m_cli.run(words(spec) + tail);
            QVERIFY(run.finished);
            QCOMPARE(run.exitCode, 0);
            QCOMPARE(run.out, expected);
            QVERIFY(run.err.isEmpty());
        }
    }
}

void TestCliHelp::helpShowsOptionsFromTheSpec()
{
    // The former name is an alias: its help is the command's own and names the alias.
    const CliRun run = m_cli.run({QStringLiteral("help"), QStringLiteral("revoke-all")});
    QCOMPARE(run.exitCode, 0);
    QVERIFY(run.out.startsWith("Usage: tokendesk-cli expire-all ACCOUNT --app APP_ID [--grace DURATION] "
                               "[--session S]... [--dry-run]\n"));
    QVERIFY(run.out.contains("Also accepted as: revoke-all\n"));
    QCOMPARE(m_cli.run({QStringLiteral("help"), QStringLiteral("expire-all")}).out, run.out);
    QVERIFY(run.out.contains("\nOptions:\n"));
    for (const char *option : {"  --app APP_ID", "  --grace DURATION", "  --session S", "  --dry-run"})
        QVERIFY2(run.out.contains(option), option);
    QVERIFY(run.out.contains("(may be given more than once)")); // --session repeats
    QVERIFY(!run.out.contains("--user")); // another command's option
}

void TestCliHelp::helpOfAGroup()
{
    const CliRun run = m_cli.run({QStringLiteral("help"), QStringLiteral("account")});
    QCOMPARE(run.exitCode, 0);
    for (const char *synopsis : {"Usage: tokendesk-cli account add --provider ID --name NAME",
             "Usage: tokendesk-cli account list", "Usage: tokendesk-cli account remove NAME|UUID"})
        QVERIFY2(run.out.contains(synopsis), synopsis);
    QVERIFY(!run.out.contains("Usage: tokendesk-cli tokens"));
    QCOMPARE(m_cli.run({QStringLiteral("account"), QStringLiteral("--help")}).out, run.out);
}

void TestCliHelp::helpWithoutCommandIsTheUsage()
{
    const CliRun run = m_cli.run({QStringLiteral("help")});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.out, CliApplication::usage().toUtf8());
}

void TestCliHelp::unknownCommand_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::newRow("unknown command") << QStringList {QStringLiteral("frobnicate")};
    QTest::newRow("help of an unknown command") << QStringList {QStringLiteral("help"), QStringLiteral("frobnicate")};
    QTest::newRow("--help of an unknown command")
        << QStringList {QStringLiteral("frobnicate"), QStringLiteral("--help")};
}

void TestCliHelp::unknownCommand()
{
    QFETCH(QStringList, arguments);
    const CliRun run = m_cli.run(arguments);
    QVERIFY(run.finished);
    QCOMPARE(run.exitCode, 2);
    QVERIFY(run.out.isEmpty());
    QCOMPARE(run.errLines().size(), 1);
    QVERIFY2(run.err.startsWith("tokendesk-cli: unknown command \"frobnicate\""), run.err.constData());
    // The line lists the commands.
    for (const CliCommandTable::Entry &entry : CliCommandTable::entries()) {
        const QByteArray first = entry.spec().name.section(QLatin1Char(' '), 0, 0).toUtf8();
        QVERIFY2(run.err.contains(first), first.constData());
    }
}

QTEST_GUILESS_MAIN(TestCliHelp)
#include "tst_cli_help.moc"
