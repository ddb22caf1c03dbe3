#pragma once

#include <QByteArray>
#include <QStringList>

// RFC 4180 CSV for every export (audit log, revoke reports): UTF-8, CRLF line ends, a field quoted when it
// holds a comma, a quote or a line break, quotes doubled. A field that a spreadsheet would run as a formula
// (starting with = + - @, a tab or CR) is prefixed with an apostrophe (OWASP "CSV injection"). Every other
// control, bidi or invisible character is shown as an escape (UntrustedText::forCsv).
class Csv
{
public:
    static QByteArray field(const QString &value);
    // The fields joined with commas, ending with CRLF.
    static QByteArray row(const QStringList &fields);
};
