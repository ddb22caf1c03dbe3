#include "CalendarCommand.h"

#include "CliAccountLister.h"

CalendarCommand::CalendarCommand(CliApplication *app)
    : ExpiringCommand(spec(), app, Output::Calendar, QStringLiteral("90d"))
{ }

CliCommandSpec CalendarCommand::spec()
{
    return {.name = QStringLiteral("calendar"),
        .summary = tr("the token expiries as an iCalendar file on stdout"),
        .options = {withinOption(QStringLiteral("90d")), CliAccountLister::accountOption()}};
}
