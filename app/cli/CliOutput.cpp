#include "CliOutput.h"

#include <QDateTime>
#include <QJsonDocument>

#include <cstdio>

CliOutput::CliOutput() = default;

void CliOutput::writeOut(const QByteArray &bytes)
{
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    std::fflush(stdout);
}

void CliOutput::writeErr(const QByteArray &bytes)
{
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stderr);
    std::fflush(stderr);
}

void CliOutput::line(const QString &text)
{
    writeOut(text.toUtf8() + '\n');
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

void CliOutput::table(const QStringList &header, const QList<QStringList> &rows)
{
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
    line(format(header));
    for (const QStringList &row : rows)
        line(format(row));
}

void CliOutput::fields(const QList<QPair<QString, QString>> &pairs)
{
    qsizetype width = 0;
    for (const auto &pair : pairs)
        width = qMax(width, pair.first.size() + 1);
    for (const auto &pair : pairs)
        line(QString(pair.first + QLatin1Char(':')).leftJustified(width) + QLatin1Char(' ') + pair.second);
}

int CliOutput::fail(int exitCode, const QString &message)
{
    ++m_failures;
    QString text = message.simplified(); // one line, whatever the message holds
    writeErr("tokendesk-cli: " + text.toUtf8() + '\n');
    return exitCode;
}

void CliOutput::note(const QString &message)
{
    writeErr(message.toUtf8());
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
    static constexpr char hex[] = "0123456789abcdef";
    out += '"';
    const qsizetype size = text.size();
    qsizetype i = 0;
    while (i < size) {
        const char16_t c = text[i].unicode();
        if (c >= 0x80) {
            // A run of non-ASCII characters goes through QString's UTF-8 encoder (rare in token fields).
            qsizetype end = i + 1;
            while (end < size && text[end].unicode() >= 0x80)
                ++end;
            out += text.mid(i, end - i).toUtf8();
            i = end;
            continue;
        }
        ++i;
        if (c >= 0x20 && c != u'"' && c != u'\\') {
            out += char(c);
            continue;
        }
        out += '\\';
        switch (c) {
        case u'"':
            out += '"';
            break;
        case u'\\':
            out += '\\';
            break;
        case u'\b':
            out += 'b';
            break;
        case u'\f':
            out += 'f';
            break;
        case u'\n':
            out += 'n';
            break;
        case u'\r':
            out += 'r';
            break;
        case u'\t':
            out += 't';
            break;
        default:
            out += "u00";
            out += hex[(c >> 4) & 0xf];
            out += hex[c & 0xf];
        }
    }
    out += '"';
}

void CliOutput::appendJsonIsoOrNull(QByteArray &out, const std::optional<QDateTime> &time)
{
    if (!time || !time->isValid()) {
        out += "null";
        return;
    }
    // Qt::ISODate in UTC without milliseconds ("2026-11-23T14:56:41Z"), from the epoch milliseconds: the
    // QDateTime round trip (toUTC + toString) was most of `tokens --json`. Other years go through Qt.
    const qint64 ms = time->toMSecsSinceEpoch();
    constexpr qint64 msPerDay = 86400000;
    constexpr qint64 year10000 = 253402300800000; // 10000-01-01T00:00:00Z
    if (ms < 0 || ms >= year10000) {
        out += '"';
        out += time->toUTC().toString(Qt::ISODate).toUtf8();
        out += '"';
        return;
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
    char text[23];
    const auto put = [&text](int at, qint64 value, int digits) {
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
    out.append(text, 22);
}
