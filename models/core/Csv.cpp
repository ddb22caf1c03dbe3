#include "core/Csv.h"

#include "core/UntrustedText.h"

QByteArray Csv::field(const QString &value)
{
    // Names, subjects and messages come from services: no control, bidi or invisible character reaches the
    // spreadsheet except the line breaks and tabs quoting carries.
    QByteArray bytes = UntrustedText::forCsv(value).toUtf8();
    if (!bytes.isEmpty() && QByteArrayView("=+-@\t\r").contains(bytes.front()))
        bytes.prepend('\'');
    const bool quote = bytes.contains(',') || bytes.contains('"') || bytes.contains('\r') || bytes.contains('\n');
    if (!quote)
        return bytes;
    bytes.replace("\"", "\"\"");
    return '"' + bytes + '"';
}

QByteArray Csv::row(const QStringList &fields)
{
    QByteArray out;
    for (qsizetype i = 0; i < fields.size(); ++i) {
        if (i > 0)
            out += ',';
        out += field(fields[i]);
    }
    out += "\r\n";
    return out;
}
