#pragma once

#include "CliCommandSpec.h"

#include <QFuture>
#include <QList>
#include <QStringList>

class CliApplication;
class CliCommand;

// Every tokendesk-cli command, in the order --help lists them. The table drives dispatch, the command list of
// --help and `help COMMAND`. Adding a command is a CliCommand subclass with a static spec() and one line in
// entries().
class CliCommandTable
{
public:
    struct Entry
    {
        CliCommandSpec (*spec)();
        CliCommand *(*create)(CliApplication *app);
    };

    static const QList<Entry> &entries();

    // Runs the command `words` names ("tokens", "work", ...): exit 2 with the list of commands for an unknown one.
    static QFuture<int> run(CliApplication *app, const QStringList &words);
    // Prints the help of the command (or of every command of the group, "account") that `words` start with;
    // exit 2 for an unknown one.
    static int printHelp(CliApplication *app, const QStringList &words);
    // The "Commands:" part of --help: one synopsis and summary per command.
    static QString commandList();

private:
    template<typename Command> static Entry entry()
    {
        return {&Command::spec, [](CliApplication *app) -> CliCommand * { return new Command(app); }};
    }
    // The entries `words` name: the longest name that starts `words` (one entry), else every entry of the group
    // words.first() names; empty when none. *used is the number of words the name took.
    static QList<Entry> lookUp(const QStringList &words, qsizetype *used);
    static int unknownCommand(CliApplication *app, const QString &name);
};
