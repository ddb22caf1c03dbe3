#pragma once

#include "CliCommand.h"
#include "CliFuture.h"

#include "workflows/TokenIdentifier.h"

#include <QFuture>
#include <QStringList>

class CliAccountLister;

// `tokendesk-cli identify --token-stdin [--account NAME]... [--json]`: whose token is this? The value is read
// from stdin only, fingerprinted and decoded, and wiped; then the accounts are listed and TokenIdentifier
// matches it against the ledger and the lists. Prints service, account, token, created, notes and how sure, and
// the revoke command to run. Exit 0 with a match, 4 without one, 2 on a usage error.
class IdentifyCommand : public CliCommand
{
    Q_OBJECT
public:
    explicit IdentifyCommand(CliApplication *app);
    static CliCommandSpec spec();
    QFuture<int> run(const QStringList &words) override;

private:
    void listed();
    void print(const QList<IdentifyMatch> &matches);

    TokenProbe m_probe;
    CliAccountLister *m_lister = nullptr;
    CliFuture::Completion m_done;
};
