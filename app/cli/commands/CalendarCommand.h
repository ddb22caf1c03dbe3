#pragma once

#include "ExpiringCommand.h"

// `tokendesk-cli calendar [--within 90d] [--account NAME]... > expiries.ics`: the tokens `expiring` would list,
// as an iCalendar file on stdout (ExpiryCalendar) with alarms at the preferences' alert thresholds. Exit 0, or
// the code of an account that could not be checked.
class CalendarCommand : public ExpiringCommand
{
    Q_OBJECT
public:
    explicit CalendarCommand(CliApplication *app);
    static CliCommandSpec spec();
};
