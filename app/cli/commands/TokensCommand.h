#pragma once

#include <QUuid>

#include "CliSessionCommand.h"

#include <QString>
#include <QStringList>

// `tokens`: lists an account's tokens (table or JSON); a list cut short says so on stderr.
class TokensCommand : public CliSessionCommand
{
    Q_OBJECT
public:
    explicit TokensCommand(CliApplication *app);
    static CliCommandSpec spec();
    QFuture<int> run(const QStringList &words) override;

private:
    void inSession(AccountSession *session, const CliFuture::Completion &done) override;

    QString m_user;
    QString m_appId;
    QUuid m_accountId;
};
