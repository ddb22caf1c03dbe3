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
