#pragma once

#include "CliSessionCommand.h"

#include <QString>
#include <QStringList>

// `logout`: ends the account's session, or logs out a token given on stdin.
class LogoutCommand : public CliSessionCommand
{
    Q_OBJECT
public:
    explicit LogoutCommand(CliApplication *app);
    static CliCommandSpec spec();
    QFuture<int> run(const QStringList &words) override;

private:
    void inSession(AccountSession *session, const CliFuture::Completion &done) override;

    QString m_tokenValue;
};
