#pragma once

#include "CliSessionCommand.h"

#include <QString>
#include <QStringList>

// `create`: creates a token of one of the account's kinds, the options made from the kind's fields, and
// prints its value once.
class CreateCommand : public CliSessionCommand
{
    Q_OBJECT
public:
    explicit CreateCommand(CliApplication *app);
    static CliCommandSpec spec();
    QFuture<int> run(const QStringList &words) override;

private:
    void inSession(AccountSession *session, const CliFuture::Completion &done) override;

    QStringList m_words;
    QString m_kindName;
};
