#pragma once

#include "CliSessionCommand.h"

#include "core/Token.h"

#include <QString>
#include <QStringList>

class TokenProvider;

// `show`: one token of an account with the details its service gives, or the account's current credential.
class ShowCommand : public CliSessionCommand
{
    Q_OBJECT
public:
    explicit ShowCommand(CliApplication *app);
    static CliCommandSpec spec();
    QFuture<int> run(const QStringList &words) override;

private:
    void inSession(AccountSession *session, const CliFuture::Completion &done) override;

    void showCurrent(TokenProvider *provider, const CliFuture::Completion &done);
    void showDetails(AccountSession *session, const Token &token, const CliFuture::Completion &done);

    QString m_id;
};
