#pragma once

#include "CliCommand.h"

// `help [COMMAND]`: the top-level help, or the synopsis and options of one command (every command of a group:
// `help account`).
class HelpCommand : public CliCommand
{
    Q_OBJECT
public:
    explicit HelpCommand(CliApplication *app);
    static CliCommandSpec spec();
    QFuture<int> run(const QStringList &words) override;
};
