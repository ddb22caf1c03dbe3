#pragma once

#include "CliSessionCommand.h"

#include <QString>
#include <QStringList>

// `verify`: after a revoke, does the server still accept this token? The value comes from stdin only (a
// --token option never gets here: CliApplication refuses secrets on the command line), is used for the one call
// and wiped; exit 0 when the server rejects it, 1 when it accepts it or cannot tell.
class VerifyCommand : public CliSessionCommand
{
    Q_OBJECT
public:
    explicit VerifyCommand(CliApplication *app);
    static CliCommandSpec spec();
    QFuture<int> run(const QStringList &words) override;

private:
    void inSession(AccountSession *session, const CliFuture::Completion &done) override;

    QString m_tokenValue;
};
