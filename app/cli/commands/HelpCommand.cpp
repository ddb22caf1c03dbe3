#include "HelpCommand.h"

#include "CliApplication.h"
#include "CliCommandTable.h"
#include "CliFuture.h"

HelpCommand::HelpCommand(CliApplication *app)
    : CliCommand(spec(), app)
{ }

CliCommandSpec HelpCommand::spec()
{
    return {.name = QStringLiteral("help"),
        .arguments = QStringLiteral("[COMMAND]"),
        .summary = tr("the options of a command (also: COMMAND --help)"),
        .maxPositionals = -1};
}

QFuture<int> HelpCommand::run(const QStringList &words)
{
    CliArguments args;
    if (!parse(words, &args))
        return CliFuture::ready(2);
    if (args.positionals.isEmpty()) {
        out().raw(CliApplication::usage().toUtf8());
        return CliFuture::ready(0);
    }
    return CliFuture::ready(CliCommandTable::printHelp(m_app, args.positionals));
}
