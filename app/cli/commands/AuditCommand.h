#pragma once

#include "CliCommand.h"

// `audit`: the audit log, filtered, as a table, JSON or CSV.
class AuditCommand : public CliCommand
{
    Q_OBJECT
public:
    explicit AuditCommand(CliApplication *app);
    static CliCommandSpec spec();
    QFuture<int> run(const QStringList &words) override;
};
