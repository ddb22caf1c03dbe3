#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <cstdio>
#include <optional>

class QDateTime;

// Everything tokendesk-cli prints: aligned tables and plain lines on stdout, machine JSON with --json, and
// exactly one "tokendesk-cli: <message>" line on stderr per failure.
//
// Human output is where service text reaches a terminal, so every text function here passes what it prints
// through UntrustedText::forTerminal: no command can forget it. A call prints exactly the lines it promises
// (one per line(), one per row, one per field, one per fail()), whatever the values hold; an escape sequence,
// a bidi override or a newline in a token name is shown as \e, \u202e or \n. Only lines() keeps line breaks,
// for our own multi-line text. raw() and json() are for machine output (JSON, CSV) and are left exact.
class CliOutput
{
public:
    CliOutput();
    // Writing to other streams than stdout and stderr (tests).
    CliOutput(std::FILE *out, std::FILE *err);

    // One line: `text` escaped whole (line breaks included), not shortened (it may carry a created token's value).
    void line(const QString &text = {});
    // Our own multi-line text (pretty-printed JSON of a decoded JWT): each line escaped, the line breaks kept.
    void lines(const QString &text);
    void raw(const QByteArray &bytes);
    void json(const QJsonValue &value);
    // Columns aligned to the widest cell; the header is printed first. Every cell escaped and shortened to
    // UntrustedText::CellCap.
    void table(const QStringList &header, const QList<QStringList> &rows);
    // "key: value" lines with the keys aligned; keys and values escaped, values shortened like table cells.
    void fields(const QList<QPair<QString, QString>> &pairs);
    // One line on stderr: "tokendesk-cli: <message>", whitespace runs (line breaks included) collapsed and
    // every other control escaped. Returns `exitCode` so callers can `return fail(...)`.
    int fail(int exitCode, const QString &message);
    // A hint on stderr (e.g. a prompt), escaped; a trailing line break of ours is kept.
    void note(const QString &message);

    int failureCount() const { return m_failures; }

    static QJsonValue isoOrNull(const std::optional<QDateTime> &time);
    // An empty text as JSON null.
    static QJsonValue textOrNull(const QString &text);
    // `object` as indented JSON text without the final line break, for lines().
    static QString jsonText(const QJsonObject &object);

    // Streaming JSON: appends `text` as a quoted JSON string, escaped exactly as QJsonDocument
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
    std::FILE *m_out;
    std::FILE *m_err;
    int m_failures = 0;
};
