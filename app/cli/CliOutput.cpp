#include "CliOutput.h"

#include "core/UntrustedText.h"

#include <QDateTime>
#include <QJsonDocument>

#include <cstdio>
#include <cstring>

CliOutput::CliOutput()
    : CliOutput(stdout, stderr)
{ }

CliOutput::CliOutput(std::FILE *out, std::FILE *err)
    : m_out(out)
    , m_err(err)
{ }

void CliOutput::writeOut(const QByteArray &bytes)
{
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), m_out);
    std::fflush(m_out);
}

void CliOutput::writeErr(const QByteArray &bytes)
{
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), m_err);
    std::fflush(m_err);
}

void CliOutput::line(const QString &text)
{
    writeOut(UntrustedText::forTerminal(text, -1).toUtf8() + '\n');
}

void CliOutput::lines(const QString &text)
{
    QByteArray bytes;
    for (const QStringView part : QStringView(text).split(u'\n'))
        bytes += UntrustedText::forTerminal(part, -1).toUtf8() + '\n';
    writeOut(bytes);
}

void CliOutput::raw(const QByteArray &bytes)
{
    writeOut(bytes);
}

void CliOutput::json(const QJsonValue &value)
{
    QJsonDocument document;
    if (value.isArray())
        document = QJsonDocument(value.toArray());
    else if (value.isObject())
        document = QJsonDocument(value.toObject());
    else {
        // QJsonDocument only holds arrays and objects: wrap and strip the brackets.
        const QByteArray wrapped = QJsonDocument(QJsonArray {value}).toJson(QJsonDocument::Compact);
        writeOut(wrapped.mid(1, wrapped.size() - 2) + '\n');
        return;
    }
    writeOut(document.toJson(QJsonDocument::Indented));
}

void CliOutput::table(const QStringList &rawHeader, const QList<QStringList> &rawRows)
{
    // Escaped before measuring, so that the columns line up with what is printed.
    const auto escaped = [](const QStringList &cells) {
        QStringList out;
        out.reserve(cells.size());
        for (const QString &cell : cells)
            out.append(UntrustedText::forTerminal(cell));
        return out;
    };
    const QStringList header = escaped(rawHeader);
    QList<QStringList> rows;
    rows.reserve(rawRows.size());
    for (const QStringList &row : rawRows)
        rows.append(escaped(row));
    QList<qsizetype> widths;
    for (const QString &cell : header)
        widths.append(cell.size());
    for (const QStringList &row : rows) {
        for (qsizetype i = 0; i < row.size(); ++i) {
            if (i >= widths.size())
                widths.append(0);
            widths[i] = qMax(widths[i], row[i].size());
        }
    }
    auto format = [&widths](const QStringList &cells) {
        QString text;
        for (qsizetype i = 0; i < cells.size(); ++i) {
            const bool last = i == cells.size() - 1;
            text += last ? cells[i] : cells[i].leftJustified(widths[i]) + QStringLiteral("  ");
        }
        while (text.endsWith(QLatin1Char(' ')))
            text.chop(1);
        return text;
    };
    // Already escaped and on one line each: written in one go.
    QByteArray bytes = format(header).toUtf8() + '\n';
    for (const QStringList &row : rows)
        bytes += format(row).toUtf8() + '\n';
    writeOut(bytes);
}

void CliOutput::fields(const QList<QPair<QString, QString>> &pairs)
{
    QList<QPair<QString, QString>> escaped;
    escaped.reserve(pairs.size());
    qsizetype width = 0;
    for (const auto &pair : pairs) {
        escaped.append({UntrustedText::forTerminal(pair.first), UntrustedText::forTerminal(pair.second)});
        width = qMax(width, escaped.constLast().first.size() + 1);
    }
    QByteArray bytes;
    for (const auto &pair : escaped)
        bytes += (QString(pair.first + QLatin1Char(':')).leftJustified(width) + QLatin1Char(' ') + pair.second).toUtf8()
            + '\n';
    writeOut(bytes);
}

int CliOutput::fail(int exitCode, const QString &message)
{
    ++m_failures;
    // One line, whatever the message holds: line breaks and tabs (ours, or a server's) become single spaces as
    // before, and what else could drive the terminal is escaped.
    const QString text = UntrustedText::forTerminal(message.simplified(), -1);
    writeErr("tokendesk-cli: " + text.toUtf8() + '\n');
    return exitCode;
}

void CliOutput::note(const QString &message)
{
    const bool newline = message.endsWith(QLatin1Char('\n'));
    QByteArray bytes = UntrustedText::forTerminal(newline ? QStringView(message).chopped(1) : message, -1).toUtf8();
    if (newline)
        bytes += '\n';
    writeErr(bytes);
}

QJsonValue CliOutput::textOrNull(const QString &text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

QString CliOutput::jsonText(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Indented)).trimmed();
}

QJsonValue CliOutput::isoOrNull(const std::optional<QDateTime> &time)
{
    if (!time || !time->isValid())
        return QJsonValue(QJsonValue::Null);
    return time->toUTC().toString(Qt::ISODate);
}

QString CliOutput::isoText(const std::optional<QDateTime> &time)
{
    if (!time || !time->isValid())
        return QStringLiteral("-");
    return time->toUTC().toString(Qt::ISODate);
}

void CliOutput::appendJsonString(QByteArray &out, QStringView text)
{
    // Written in place: room for the worst case, then cut back to what was written (resize()
    // keeps the capacity).
    const qsizetype start = out.size();
    out.resize(start + jsonStringRoom(text.size()));
    char *const begin = out.data();
    out.resize(writeJsonString(begin + start, text) - begin);
}

char *CliOutput::writeJsonString(char *p, QStringView text)
{
    static constexpr char hex[] = "0123456789abcdef";
    const qsizetype size = text.size();
    *p++ = '"';
    const char16_t *const units = text.utf16();
    qsizetype i = 0;
    while (i < size) {
        // The common case: a run of printable ASCII, copied as is.
        char16_t c = units[i];
        while (c >= 0x20 && c < 0x80 && c != u'"' && c != u'\\') {
            *p++ = char(c);
            if (++i == size)
                break;
            c = units[i];
        }
        if (i == size)
            break;
        if (c >= 0x80) {
            // A run of non-ASCII characters goes through QString's UTF-8 encoder (rare in token fields; it
            // also decides what a lone surrogate becomes).
            qsizetype end = i + 1;
            while (end < size && units[end] >= 0x80)
                ++end;
            const QByteArray utf8 = text.mid(i, end - i).toUtf8();
            std::memcpy(p, utf8.constData(), size_t(utf8.size()));
            p += utf8.size();
            i = end;
            continue;
        }
        ++i;
        *p++ = '\\';
        switch (c) {
        case u'"':
            *p++ = '"';
            break;
        case u'\\':
            *p++ = '\\';
            break;
        case u'\b':
            *p++ = 'b';
            break;
        case u'\f':
            *p++ = 'f';
            break;
        case u'\n':
            *p++ = 'n';
            break;
        case u'\r':
            *p++ = 'r';
            break;
        case u'\t':
            *p++ = 't';
            break;
        default:
            *p++ = 'u';
            *p++ = '0';
            *p++ = '0';
            *p++ = hex[(c >> 4) & 0xf];
            *p++ = hex[c & 0xf];
        }
    }
    *p++ = '"';
    return p;
}

void CliOutput::appendJsonInteger(QByteArray &out, qint64 value)
{
    char text[IntegerRoom];
    out.append(text, writeJsonInteger(text, value) - text);
}

char *CliOutput::writeJsonInteger(char *p, qint64 value)
{
    char digits[IntegerRoom];
    char *const end = digits + IntegerRoom;
    char *d = end;
    // Through the unsigned magnitude, so that the smallest qint64 does not overflow.
    quint64 magnitude = value < 0 ? 0 - quint64(value) : quint64(value);
    do {
        *--d = char('0' + magnitude % 10);
        magnitude /= 10;
    } while (magnitude != 0);
    if (value < 0)
        *--d = '-';
    std::memcpy(p, d, size_t(end - d));
    return p + (end - d);
}

void CliOutput::appendJsonIsoOrNull(QByteArray &out, const std::optional<QDateTime> &time)
{
    char text[IsoRoom];
    out.append(text, writeJsonIsoOrNull(text, time) - text);
}

char *CliOutput::writeJsonIsoOrNull(char *p, const std::optional<QDateTime> &time)
{
    if (!time || !time->isValid()) {
        std::memcpy(p, "null", 4);
        return p + 4;
    }
    // Qt::ISODate in UTC without milliseconds ("2026-11-23T14:56:41Z"), from the epoch milliseconds: the
    // QDateTime round trip (toUTC + toString) was most of `tokens --json`. Other years go through Qt.
    const qint64 ms = time->toMSecsSinceEpoch();
    constexpr qint64 msPerDay = 86400000;
    constexpr qint64 year10000 = 253402300800000; // 10000-01-01T00:00:00Z
    if (ms < 0 || ms >= year10000) {
        // Qt::ISODate writes years 0..9999 only (an empty string otherwise): at most 20 characters.
        const QByteArray iso = time->toUTC().toString(Qt::ISODate).toUtf8();
        const qsizetype size = qMin<qsizetype>(iso.size(), IsoRoom - 2);
        *p++ = '"';
        std::memcpy(p, iso.constData(), size_t(size));
        p += size;
        *p++ = '"';
        return p;
    }
    const qint64 days = ms / msPerDay;
    const qint64 secondsOfDay = (ms % msPerDay) / 1000;
    // Civil date from days since 1970-01-01 (H. Hinnant's days_from_civil inverse), non-negative days only.
    const qint64 z = days + 719468;
    const qint64 era = z / 146097;
    const qint64 doe = z - era * 146097;
    const qint64 yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const qint64 doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const qint64 mp = (5 * doy + 2) / 153;
    const qint64 day = doy - (153 * mp + 2) / 5 + 1;
    const qint64 month = mp < 10 ? mp + 3 : mp - 9;
    const qint64 year = yoe + era * 400 + (month <= 2 ? 1 : 0);
    char *const text = p;
    const auto put = [text](int at, qint64 value, int digits) {
        for (int d = digits - 1; d >= 0; --d) {
            text[at + d] = char('0' + value % 10);
            value /= 10;
        }
    };
    put(1, year, 4);
    text[0] = '"';
    text[5] = '-';
    put(6, month, 2);
    text[8] = '-';
    put(9, day, 2);
    text[11] = 'T';
    put(12, secondsOfDay / 3600, 2);
    text[14] = ':';
    put(15, secondsOfDay / 60 % 60, 2);
    text[17] = ':';
    put(18, secondsOfDay % 60, 2);
    text[20] = 'Z';
    text[21] = '"';
    return p + 22;
}
