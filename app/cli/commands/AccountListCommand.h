#pragma once

#include "CliCommand.h"

// `account list`: the configured accounts and where their requests go.
class AccountListCommand : public CliCommand
{
    Q_OBJECT
public:
    explicit AccountListCommand(CliApplication *app);
    static CliCommandSpec spec();
    QFuture<int> run(const QStringList &words) override;
};
