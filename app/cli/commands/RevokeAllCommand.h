#pragma once

#include "CliSessionCommand.h"

#include "providers/TokenProvider.h"

#include <QString>
#include <QStringList>

// `expire-all` (formerly `revoke-all`, still accepted): expires every token of a Svix application (or of some of its
// sessions) after a grace period; --dry-run says what would expire and sends nothing.
class RevokeAllCommand : public CliSessionCommand
{
    Q_OBJECT
public:
    explicit RevokeAllCommand(CliApplication *app);
    static CliCommandSpec spec();
    QFuture<int> run(const QStringList &words) override;

private:
    void inSession(AccountSession *session, const CliFuture::Completion &done) override;

    void describe(bool dryRun) const;

    ExpireAllRequest m_request;
    bool m_dryRun = false;
};
