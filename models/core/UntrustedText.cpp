#include "core/UntrustedText.h"

namespace {

void appendHex(QString &out, char32_t value, int digits)
{
    static constexpr char hex[] = "0123456789abcdef";
    for (int shift = 4 * (digits - 1); shift >= 0; shift -= 4)
        out += QLatin1Char(hex[(value >> shift) & 0xf]);
}

// The visible form of one hazardous character: \e for ESC (the start of every terminal sequence), the usual
// \n \r \t, \xHH up to U+00FF, \uHHHH, and \u{HHHHH} beyond the BMP.
void appendEscape(QString &out, char32_t c)
{
    switch (c) {
    case 0x1b:
        out += QLatin1String("\\e");
        return;
    case u'\n':
        out += QLatin1String("\\n");
        return;
    case u'\r':
        out += QLatin1String("\\r");
        return;
    case u'\t':
        out += QLatin1String("\\t");
        return;
    default:
        break;
    }
    if (c < 0x100) {
        out += QLatin1String("\\x");
        appendHex(out, c, 2);
    } else if (c < 0x10000) {
        out += QLatin1String("\\u");
        appendHex(out, c, 4);
    } else {
        out += QLatin1String("\\u{");
        appendHex(out, c, 5);
        out += QLatin1Char('}');
    }
}

// The one walk every output kind shares: each character appended as itself, as its escape, or (with `markup`)
// as an entity; TAB, CR and LF kept as they are with `keepLineBreaks`; at most `cap` units (negative: no limit), cut
// between whole characters or escapes and ended with an ellipsis when cut.
QString render(QStringView text, bool markup, bool keepLineBreaks, qsizetype cap)
{
    QString out;
    out.reserve(cap < 0 ? text.size() + 16 : qMin(text.size(), cap) + 16);
    qsizetype cut = 0; // the longest output ending at a character boundary that still leaves room for "…"
    qsizetype i = 0;
    const qsizetype size = text.size();
    while (i < size) {
        char32_t c = text[i].unicode();
        qsizetype units = 1;
        if (QChar::isHighSurrogate(c) && i + 1 < size && QChar::isLowSurrogate(text[i + 1].unicode())) {
            c = QChar::surrogateToUcs4(text[i].unicode(), text[i + 1].unicode());
            units = 2;
        }
        if (keepLineBreaks && (c == u'\t' || c == u'\r' || c == u'\n')) {
            out += QChar(c);
        } else if (QChar::isSurrogate(c) || UntrustedText::isHazard(c)) {
            appendEscape(out, c); // a lone surrogate included: it would become U+FFFD or worse downstream
        } else if (markup && c == u'<') {
            out += QLatin1String("&lt;");
        } else if (markup && c == u'>') {
            out += QLatin1String("&gt;");
        } else if (markup && c == u'&') {
            out += QLatin1String("&amp;");
        } else {
            out += text.mid(i, units);
        }
        i += units;
        if (cap >= 0) {
            if (out.size() > cap || (out.size() == cap && i < size)) {
                out.truncate(cut);
                out += UntrustedText::Ellipsis;
                return out;
            }
            if (out.size() <= cap - 1)
                cut = out.size();
        }
    }
    return out;
}

} // namespace

bool UntrustedText::isHazard(char32_t c)
{
    if (c < 0x20 || (c >= 0x7f && c <= 0x9f))
        return true; // C0, DEL, C1 (U+009B is a one-character CSI on some terminals)
    if (c == 0x2028 || c == 0x2029)
        return true; // line and paragraph separators: line breaks for many renderers
    // Category Cf: bidi controls (U+202A–U+202E, U+2066–U+2069, U+200E/U+200F, U+061C), zero-width characters
    // (U+200B–U+200D, U+2060, U+FEFF), the soft hyphen and the tag characters; all invisible or reordering.
    return QChar::category(c) == QChar::Other_Format;
}

QString UntrustedText::forTerminal(QStringView text, qsizetype cap)
{
    return render(text, false, false, cap);
}

QString UntrustedText::forNotification(QStringView text, qsizetype cap)
{
    return render(text, true, false, cap);
}

QString UntrustedText::forDisplay(const QString &text, qsizetype cap)
{
    // Plain text (the common case, every row of every table) is returned as it is, without a copy: no hazard,
    // no right-to-left character that could reorder what surrounds it, not too long.
    bool hazard = false;
    bool rightToLeft = false;
    for (qsizetype i = 0; i < text.size() && !hazard; ++i) {
        char32_t c = text[i].unicode();
        if (c >= 0x20 && c < 0x7f)
            continue;
        if (QChar::isHighSurrogate(c) && i + 1 < text.size() && text[i + 1].isLowSurrogate()) {
            c = QChar::surrogateToUcs4(text[i].unicode(), text[i + 1].unicode());
            ++i;
        }
        hazard = QChar::isSurrogate(c) || isHazard(c);
        const QChar::Direction direction = QChar::direction(c);
        rightToLeft = rightToLeft || direction == QChar::DirR || direction == QChar::DirAL;
    }
    if (!hazard && !rightToLeft)
        return cap >= 0 && text.size() > cap ? elided(text, cap) : text;
    // The isolates count in the cap; an absurdly small cap still yields a closed pair.
    QString out = render(text, false, false, cap < 0 ? cap : qMax<qsizetype>(cap - 2, 1));
    out.prepend(FirstStrongIsolate);
    out += PopDirectionalIsolate;
    return out;
}

QString UntrustedText::forCsv(QStringView text)
{
    return render(text, false, true, -1);
}

QString UntrustedText::elided(QStringView text, qsizetype cap)
{
    if (cap < 0 || text.size() <= cap)
        return text.toString();
    if (cap == 0)
        return {};
    qsizetype keep = cap - 1;
    if (keep > 0 && text[keep - 1].isHighSurrogate())
        --keep; // not half a character
    return text.first(keep).toString() + Ellipsis;
}
