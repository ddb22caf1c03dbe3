#pragma once

#include "CliSessionCommand.h"

#include <QString>
#include <QStringList>

// `svix ACCOUNT dashboard-access --app APP` and `svix ACCOUNT exchange-one-time-token` (the one-time token on
// stdin, never an argument): Svix operations outside the common provider interface. The token (and link) is
// printed once, as create does.
class SvixCommand : public CliSessionCommand
{
    Q_OBJECT
public:
    explicit SvixCommand(CliApplication *app);
    static CliCommandSpec spec();
    QFuture<int> run(const QStringList &words) override;

private:
    void inSession(AccountSession *session, const CliFuture::Completion &done) override;

    void print(const QString &value, const QString &link);

    bool m_dashboard = false;
    QString m_appId;
    QString m_oneTime;
};
