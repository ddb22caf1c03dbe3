#pragma once

#include "CliCommand.h"

// `account remove`: forgets an account and deletes its keychain entries.
class AccountRemoveCommand : public CliCommand
{
    Q_OBJECT
public:
    explicit AccountRemoveCommand(CliApplication *app);
    static CliCommandSpec spec();
    QFuture<int> run(const QStringList &words) override;
};
