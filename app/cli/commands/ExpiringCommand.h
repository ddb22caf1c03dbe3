#pragma once

#include "CliCommand.h"
#include "CliFuture.h"

#include <QFuture>
#include <QStringList>

class CliAccountLister;
struct ExpiringToken;

// `tokendesk-cli expiring [--within 7d] [--account NAME]... [--json]`: the live tokens of the accounts that
// expire within the window (ExpiringQuery), soonest first. For cron and CI: exit 1 when there is any, 0 when
// there is none, the code of an account that could not be checked (3, 4, 1) when nothing was found, 2 on a usage
// error. CalendarCommand shares the listing and writes an iCalendar file instead.
class ExpiringCommand : public CliCommand
{
    Q_OBJECT
public:
    explicit ExpiringCommand(CliApplication *app);
    static CliCommandSpec spec();
    QFuture<int> run(const QStringList &words) override;

protected:
    enum class Output { List, Calendar };
    ExpiringCommand(const CliCommandSpec &spec, CliApplication *app, Output output, const QString &defaultWindow);
    // The --within option, with its default in the help.
    static CliCommandSpec::Option withinOption(const QString &defaultWindow);

private:
    void listed();
    void printList(const QList<ExpiringToken> &tokens);

    Output m_output = Output::List;
    QString m_defaultWindow;
    qint64 m_withinSeconds = 0;
    CliAccountLister *m_lister = nullptr;
    CliFuture::Completion m_done;
};
