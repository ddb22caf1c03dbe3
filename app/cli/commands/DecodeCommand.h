#pragma once

#include "CliCommand.h"

// `decode`: the header, claims and times of a JWT, read locally (nothing is sent).
class DecodeCommand : public CliCommand
{
    Q_OBJECT
public:
    explicit DecodeCommand(CliApplication *app);
    static CliCommandSpec spec();
    QFuture<int> run(const QStringList &words) override;
};
