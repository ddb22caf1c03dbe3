#pragma once

#include "CliSessionCommand.h"

#include "core/Token.h"

#include <QJsonArray>

#include <QString>
#include <QStringList>

// `revoke`: revokes tokens by id, or every token of a subject (--uid), one after the other; each result is
// printed as the server confirmed it.
class RevokeCommand : public CliSessionCommand
{
    Q_OBJECT
public:
    explicit RevokeCommand(CliApplication *app);
    static CliCommandSpec spec();
    QFuture<int> run(const QStringList &words) override;

private:
    void inSession(AccountSession *session, const CliFuture::Completion &done) override;

    void revokeNext(AccountSession *session, QList<Token> queue, QJsonArray results, int firstFailure,
        const CliFuture::Completion &done);

    QStringList m_ids;
    QString m_uid;
    QString m_user;
};
