#pragma once

#include <QString>
#include <QStringView>

// Text a service returns (token names, subjects, error messages, every other string) is written by whoever can
// create tokens there or controls the server, so it is untrusted wherever it is shown. The rule, one function
// per kind of output, each used everywhere that kind of output is written:
//
// - terminal (forTerminal, used by the CLI's output layer for every cell and value): control characters (C0,
//   DEL, C1), ESC sequences, line and paragraph separators, bidi controls and every other invisible format
//   character (Unicode category Cf) are shown as visible escapes (\e, \n, \x07, \u202e), so no value can move
//   the cursor, retitle or clear the terminal, recolour text or forge a line: one value is one line.
// - notifications (forNotification): the same, then <, > and & escaped, because many Linux notification
//   servers read the body as markup.
// - GUI (forDisplay): the same escapes, and text with right-to-left or escaped characters wrapped in FSI … PDI
//   (U+2068 … U+2069) so that it cannot reorder the rest of a row, title or message. Labels and message boxes
//   showing it are Qt::PlainText, so that <b> or <img> in a name is text, not markup.
// - CSV (forCsv, called by Csv::field, which also neutralises formulas and quotes): the same escapes except
//   TAB, CR and LF, which stay inside a quoted field as RFC 4180 allows; no length cap.
// - JSON (--json) is not touched: it is escaped by JSON rules only, because scripts need the real value.
//
// Long values are cut with an ellipsis so that one hostile 100,000-character name cannot push every other
// column off the screen or make a notification unreadable; the cap counts UTF-16 units of the result.
// A backslash is not escaped: the escapes are for a human reader, not a reversible encoding.
class UntrustedText
{
public:
    // A table cell or field value: wide enough for any real token name, subject, URL or error message (the
    // longest seen in the four services are well under 200), short enough to keep a row on a screen or two.
    static constexpr qsizetype CellCap = 200;
    // A notification: most notification servers show two or three lines of about 80 characters.
    static constexpr qsizetype NotificationCap = 200;
    // A window title: the window manager cuts it anyway; 80 keeps our own prefix ("Notes for …") visible.
    static constexpr qsizetype TitleCap = 80;
    // A GUI tooltip or message box may show more of a long error message than a cell.
    static constexpr qsizetype MessageCap = 1000;
    static constexpr QChar Ellipsis = QChar(0x2026);
    static constexpr QChar FirstStrongIsolate = QChar(0x2068);
    static constexpr QChar PopDirectionalIsolate = QChar(0x2069);

    // For a terminal: one line, no control, bidi or format character, at most `cap` units (a negative cap: no
    // limit).
    static QString forTerminal(QStringView text, qsizetype cap = CellCap);
    // For a tray or desktop notification title or body: as forTerminal, then markup-escaped.
    static QString forNotification(QStringView text, qsizetype cap = NotificationCap);
    // For the GUI (table cells, tooltips, titles, message boxes): as forTerminal, and isolated in FSI … PDI
    // (counted in `cap`) when it holds a right-to-left or a hazardous character. Plain left-to-right text is
    // returned unchanged (shortened if needed): isolating it would change nothing on screen, but would put
    // invisible characters into every copied cell and accessible name.
    static QString forDisplay(const QString &text, qsizetype cap = CellCap);
    // For a CSV field (Csv::field adds formula neutralisation and quoting): every hazardous character shown
    // as an escape except TAB, CR and LF, which RFC 4180 quoting carries and a spreadsheet shows as what they
    // are (a multi-line error message stays multi-line in its cell); nothing cut, an export keeps the value.
    static QString forCsv(QStringView text);
    // `text` cut to at most `cap` units, the last being an ellipsis when it was cut; never between the two
    // halves of a surrogate pair. Does not escape anything: callers use it on text that is already safe.
    static QString elided(QStringView text, qsizetype cap);

    // True for a character the functions above replace.
    static bool isHazard(char32_t c);
};
