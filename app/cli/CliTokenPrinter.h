#pragma once

#include "core/Token.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>

class CliOutput;
class Clock;

// How tokendesk-cli prints tokens, in one place: the table and streamed JSON of `tokens`, and the fields and JSON
// of one token (`show`).
class CliTokenPrinter
{
public:
    // `tokens`: an aligned table, or with `json` a JSON array of tokenJson() objects. Every token is judged at one
    // reading of the system clock.
    static void printList(CliOutput &out, bool json, const QList<Token> &tokens);
    // `show`: "key: value" lines, or with `json` tokenJson().
    static void printOne(CliOutput &out, bool json, const Token &token, const Clock &clock);

    // The JSON shape of one token in `tokens --json` and `show --json`.
    static QJsonObject tokenJson(const Token &token, const Clock &clock);
    // tokenJson() as the streamed `tokens --json` writes it: one element of QJsonDocument::toJson(Indented)'s
    // top-level array ("    {\n...\n    }", no separator), without building a QJsonObject.
    static void appendTokenJson(QByteArray &out, const Token &token, const Clock &clock);
};
