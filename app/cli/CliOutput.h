#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <optional>

class QDateTime;

// Everything tokendesk-cli prints: aligned tables and plain lines on stdout, machine JSON with --json, and
// exactly one "tokendesk-cli: <message>" line on stderr per failure.
class CliOutput
{
public:
    CliOutput();

    void line(const QString &text = {});
    void raw(const QByteArray &bytes);
    void json(const QJsonValue &value);
    // Columns aligned to the widest cell; the header is printed first.
    void table(const QStringList &header, const QList<QStringList> &rows);
    // "key: value" lines with the keys aligned.
    void fields(const QList<QPair<QString, QString>> &pairs);
    // One line on stderr: "tokendesk-cli: <message>". Returns `exitCode` so callers can `return fail(...)`.
    int fail(int exitCode, const QString &message);
    void note(const QString &message); // a hint on stderr (e.g. a prompt)

    int failureCount() const { return m_failures; }

    static QJsonValue isoOrNull(const std::optional<QDateTime> &time);

    // Streaming JSON (issue 9, P2): appends `text` as a quoted JSON string, escaped exactly as QJsonDocument
    // does, and a time as isoOrNull() would write it, without building QJsonValues.
    static void appendJsonString(QByteArray &out, QStringView text);
    static void appendJsonIsoOrNull(QByteArray &out, const std::optional<QDateTime> &time);
    // A number as QJsonDocument writes a qint64 (QByteArray::number's digits).
    static void appendJsonInteger(QByteArray &out, qint64 value);

    // The same, written at `p` (which must have the room given) and returning the end of what was written.
    static constexpr qsizetype jsonStringRoom(qsizetype size) { return 6 * size + 2; } // "\u00XX" per unit
    static constexpr qsizetype IsoRoom = 32;
    static constexpr qsizetype IntegerRoom = 24;
    static char *writeJsonString(char *p, QStringView text);
    static char *writeJsonIsoOrNull(char *p, const std::optional<QDateTime> &time);
    static char *writeJsonInteger(char *p, qint64 value);
    static QString isoText(const std::optional<QDateTime> &time);

private:
    void writeOut(const QByteArray &bytes);
    void writeErr(const QByteArray &bytes);
    int m_failures = 0;
};
