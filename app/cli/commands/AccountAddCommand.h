#pragma once

#include "CliCommand.h"

// `account add`: stores a new account, and the secrets given with --secrets-stdin in the keychain.
class AccountAddCommand : public CliCommand
{
    Q_OBJECT
public:
    explicit AccountAddCommand(CliApplication *app);
    static CliCommandSpec spec();
    QFuture<int> run(const QStringList &words) override;
};
