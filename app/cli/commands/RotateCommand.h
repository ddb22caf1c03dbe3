#pragma once

#include "CliSessionCommand.h"

#include "core/Token.h"

#include <QJsonObject>
#include <QString>

struct RotationReport;

// `rotate ACCOUNT ID [--grace DURATION] [--confirm-unverified]`: replaces a token by a successor with its settings
// (TokenRotation), prints the new value once, and revokes the old one after the grace period: at once when it is 0,
// else by a later `rotate ACCOUNT --finish-due` (for cron) or the window. `--json` reports every step.
class RotateCommand : public CliSessionCommand
{
    Q_OBJECT
public:
    explicit RotateCommand(CliApplication *app);
    static CliCommandSpec spec();
    QFuture<int> run(const QStringList &words) override;

    // The report as `--json` prints it (never a value); the new value is added by the caller only.
    static QJsonObject reportJson(const RotationReport &report);

private:
    void inSession(AccountSession *session, const CliFuture::Completion &done) override;
    void rotate(AccountSession *session, const Token &token, const CliFuture::Completion &done);
    void finishDue(AccountSession *session, const CliFuture::Completion &done);
    void printReport(const RotationReport &report, const CreatedToken *created);

    QString m_id;
    QString m_accountName;
    qint64 m_graceSeconds = 0;
    bool m_confirmed = false;
    bool m_finishDue = false;
};
