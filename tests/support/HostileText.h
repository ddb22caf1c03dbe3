#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

// Strings a hostile service (or whoever can create tokens there) may return as a token name, subject or error
// message: every terminal-, layout- and markup-hazard the output functions must neutralise.
namespace HostileText {

// The example of the issue: retitles the terminal, rings, clears the screen, turns red and forges a row.
inline QString terminalAttack()
{
    return QStringLiteral("evil\u001b]0;pwned\u0007\u001b[2J\u001b[31mRED\nFAKE-ROW");
}

inline QList<QPair<QByteArray, QString>> rows()
{
    QList<QPair<QByteArray, QString>> rows;
    for (char16_t c = 0; c < 0x20; ++c)
        rows.append({"C0 0x" + QByteArray::number(int(c), 16), QStringLiteral("a") + QChar(c) + QStringLiteral("b")});
    rows.append({"DEL", QStringLiteral("a\u007fb")});
    rows.append({"C1 CSI U+009B", QStringLiteral("a\u009b2Jb")});
    rows.append({"ESC [2J", QStringLiteral("\u001b[2Jcleared")});
    rows.append({"OSC title", QStringLiteral("\u001b]0;pwned\u0007title")});
    rows.append({"CR without LF", QStringLiteral("real\rfake")});
    rows.append({"LF", QStringLiteral("row\nFAKE-ROW")});
    rows.append({"TAB", QStringLiteral("a\tb")});
    rows.append({"RLO U+202E", QStringLiteral("invoice\u202Egnp.exe")});
    rows.append({"LRI U+2066", QStringLiteral("a\u2066b")});
    rows.append({"ZWJ U+200D", QStringLiteral("a\u200Db")});
    rows.append({"ZWSP, LRM, RLM, WJ, BOM", QStringLiteral("\u200Ba\u200Eb\u200Fc\u2060d\uFEFF")});
    rows.append({"line separator", QStringLiteral("a\u2028b\u2029c")});
    rows.append({"issue example", terminalAttack()});
    rows.append({"100000 characters", QString(100'000, QLatin1Char('n'))});
    rows.append({"20000 RLOs", QString(20'000, QChar(0x202E))});
    rows.append({"surrogate pairs at the cap", QString(QStringLiteral("🔑")).repeated(300)});
    rows.append({"lone surrogate", QStringLiteral("a") + QChar(0xD800) + QStringLiteral("b")});
    rows.append({"link markup", QStringLiteral("<a href=\"x\">click</a>")});
    rows.append({"image markup", QStringLiteral("<img src=x>")});
    rows.append({"ampersand", QStringLiteral("Tom & Jerry &amp;")});
    rows.append({"formula", QStringLiteral("=cmd|' /C calc'!A0")});
    rows.append({"Hebrew", QStringLiteral("שלום token")});
    return rows;
}

// True for what must never reach human output raw: C0, DEL, C1, line/paragraph separators and every Unicode
// format character (bidi controls, zero-width characters). Independent of the code under test on purpose.
inline bool isRawHazard(char32_t c)
{
    return c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == 0x2028 || c == 0x2029 || (c >= 0x200b && c <= 0x200f)
        || (c >= 0x202a && c <= 0x202e) || (c >= 0x2060 && c <= 0x2069) || c == 0xfeff
        || QChar::category(c) == QChar::Other_Format;
}

// The first raw hazard in `text` (as "U+XXXX at N"), or an empty string.
inline QString firstRawHazard(const QString &text)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        char32_t c = text[i].unicode();
        if (text[i].isHighSurrogate() && i + 1 < text.size() && text[i + 1].isLowSurrogate())
            c = QChar::surrogateToUcs4(text[i], text[i + 1]);
        else if (text[i].isSurrogate())
            return QStringLiteral("lone surrogate at %1").arg(i);
        if (isRawHazard(c))
            return QStringLiteral("U+%1 at %2").arg(uint(c), 4, 16, QLatin1Char('0')).arg(i);
        if (c > 0xffff)
            ++i;
    }
    return {};
}

// The same for UTF-8 output, where LF ends our own lines and is allowed.
inline QByteArray firstRawHazardInUtf8(const QByteArray &utf8)
{
    return firstRawHazard(QString::fromUtf8(utf8).remove(QLatin1Char('\n'))).toUtf8();
}

} // namespace HostileText
