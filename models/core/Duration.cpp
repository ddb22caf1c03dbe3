#include "Duration.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QStringList>

#include <array>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <tuple>

// The grammar is pytimeparse 1.1.8's `timeparse` (wroberts/pytimeparse, pytimeparse/timeparse.py), the parser
// Specter runs on jwt_token_life. The regular expressions below are transcribed from it unchanged, so what
// this accepts is what the server accepts (apart from the deliberate refusals documented in parseSeconds).
namespace {

constexpr qint64 Minute = 60;
constexpr qint64 Hour = 60 * Minute;
constexpr qint64 Day = 24 * Hour;
constexpr qint64 Week = 7 * Day;

// Python's datetime cannot go past year 9999, so a longer life fails on the server (OverflowError -> 500).
// Refuse anything longer than ~3000 years before it gets there.
constexpr double MaxSeconds = 1e11;
// Nobody types more than this; it also keeps the backtracking regular expressions cheap.
constexpr qsizetype MaxInputChars = 256;

struct Unit
{
    const char *group;
    qint64 multiplier;
};

constexpr std::array<Unit, 5> Units {{
    {"weeks", Week},
    {"days", Day},
    {"hours", Hour},
    {"mins", Minute},
    {"secs", 1},
}};

const QList<QRegularExpression> &timeFormats()
{
    static const QList<QRegularExpression> formats = [] {
        const QString weeks = QStringLiteral(R"((?P<weeks>[\d.]+)\s*(?:w|wks?|weeks?))");
        const QString days = QStringLiteral(R"((?P<days>[\d.]+)\s*(?:d|dys?|days?))");
        const QString hours = QStringLiteral(R"((?P<hours>[\d.]+)\s*(?:h|hrs?|hours?))");
        const QString mins = QStringLiteral(R"((?P<mins>[\d.]+)\s*(?:m|(?:mins?)|(?:minutes?)))");
        const QString secs = QStringLiteral(R"((?P<secs>[\d.]+)\s*(?:s|secs?|seconds?))");
        const QString separators = QStringLiteral(R"([,/])");
        const QString secClock = QStringLiteral(R"(:(?P<secs>\d{2}(?:\.\d+)?))");
        const QString minClock = QStringLiteral(R"((?P<mins>\d{1,2}):(?P<secs>\d{2}(?:\.\d+)?))");
        const QString hourClock = QStringLiteral(R"((?P<hours>\d+):(?P<mins>\d{2}):(?P<secs>\d{2}(?:\.\d+)?))");
        const QString dayClock =
            QStringLiteral(R"((?P<days>\d+):(?P<hours>\d{2}):(?P<mins>\d{2}):(?P<secs>\d{2}(?:\.\d+)?))");
        const auto opt = [](const QString &x) { return QStringLiteral("(?:%1)?").arg(x); };
        const auto optSep = [&](const QString &x) {
            return QStringLiteral(R"((?:%1\s*(?:%2\s*)?)?)").arg(x, separators);
        };

        const QStringList patterns {
            optSep(weeks) + QStringLiteral(R"(\s*)") + optSep(days) + QStringLiteral(R"(\s*)") + optSep(hours)
                + QStringLiteral(R"(\s*)") + optSep(mins) + QStringLiteral(R"(\s*)") + opt(secs),
            minClock,
            optSep(weeks) + QStringLiteral(R"(\s*)") + optSep(days) + QStringLiteral(R"(\s*)") + hourClock,
            dayClock,
            secClock,
        };
        QList<QRegularExpression> compiled;
        for (const QString &pattern : patterns) {
            QRegularExpression re(QStringLiteral(R"(\A\s*)") + pattern + QStringLiteral(R"(\s*\z)"),
                QRegularExpression::CaseInsensitiveOption);
            Q_ASSERT(re.isValid());
            compiled.append(re);
        }
        return compiled;
    }();
    return formats;
}

bool isAsciiDigits(const QString &s)
{
    if (s.isEmpty())
        return false;
    for (QChar c : s) {
        if (c < u'0' || c > u'9')
            return false;
    }
    return true;
}

// Python's float() on a [\d.]+ string: digits with at most one dot and at least one digit.
std::optional<double> toFloat(const QString &s)
{
    if (s.count(u'.') > 1 || s == QStringLiteral("."))
        return std::nullopt;
    bool ok = false;
    const double v = s.toDouble(&ok);
    if (!ok || !std::isfinite(v))
        return std::nullopt;
    return v;
}

bool setError(QString *error, const QString &text)
{
    if (error)
        *error = text;
    return false;
}

// Explains why `unsigned_` (sign already removed) is not a duration.
QString diagnose(const QString &text)
{
    const QString lower = text.trimmed().toLower();
    static const QRegularExpression calendarUnit(QStringLiteral(R"(\d\s*(?:y|yrs?|years?|mos?|mons?|months?)\b)"));
    if (lower.contains(calendarUnit))
        return Duration::tr("years and months come first, each once, e.g. 1 year 2 months 3 days");
    static const QRegularExpression bareNumber(QStringLiteral(R"(\A[\d.]+\z)"));
    if (lower.contains(bareNumber))
        return Duration::tr("add a unit, e.g. %1 seconds").arg(lower);
    static const QRegularExpression digit(QStringLiteral(R"(\d)"));
    if (!lower.contains(digit))
        return Duration::tr("write the number in digits with a unit, e.g. 6 hours");

    // Tokenise "<number> <word>" pairs to say which part is wrong.
    static const QRegularExpression pair(QStringLiteral(R"(([\d.:]+)\s*([^\d\s,/.:]*))"));
    static const QStringList known {QStringLiteral("w"), QStringLiteral("wk"), QStringLiteral("wks"),
        QStringLiteral("week"), QStringLiteral("weeks"), QStringLiteral("d"), QStringLiteral("dy"),
        QStringLiteral("dys"), QStringLiteral("day"), QStringLiteral("days"), QStringLiteral("h"), QStringLiteral("hr"),
        QStringLiteral("hrs"), QStringLiteral("hour"), QStringLiteral("hours"), QStringLiteral("m"),
        QStringLiteral("min"), QStringLiteral("mins"), QStringLiteral("minute"), QStringLiteral("minutes"),
        QStringLiteral("s"), QStringLiteral("sec"), QStringLiteral("secs"), QStringLiteral("second"),
        QStringLiteral("seconds"), QStringLiteral("y"), QStringLiteral("yr"), QStringLiteral("yrs"),
        QStringLiteral("year"), QStringLiteral("years"), QStringLiteral("mo"), QStringLiteral("mos"),
        QStringLiteral("mon"), QStringLiteral("mons"), QStringLiteral("month"), QStringLiteral("months")};
    auto it = pair.globalMatch(lower);
    while (it.hasNext()) {
        const auto m = it.next();
        const QString number = m.captured(1);
        const QString unit = m.captured(2);
        if (number.contains(u':'))
            continue;
        if (!number.isEmpty() && !toFloat(number))
            return Duration::tr("\"%1\" is not a number").arg(number);
        if (!unit.isEmpty() && !known.contains(unit))
            return Duration::tr("unknown unit \"%1\": use years, months, weeks, days, hours, minutes or seconds")
                .arg(unit);
    }
    if (lower.contains(u':'))
        return Duration::tr("clock forms are MM:SS, H:MM:SS, D:HH:MM:SS or :SS");
    return Duration::tr("not a duration: give units from largest to smallest, each once, e.g. 6 hours, 1h30m, "
                        "2 days 3 hours or 1:30:00");
}

QString plural(qint64 n, const char *one, const char *many)
{
    return n == 1 ? Duration::tr(one) : Duration::tr(many).arg(n);
}

// Leading years and months ("5 years", "1 year, 2 months 3 days"): pytimeparse knows neither, so they are
// taken off the front and the rest goes through its grammar. Returns the seconds they stand for and leaves
// the rest in *rest; 0 with *rest unchanged when the text does not start with them; nullopt for a bad number.
std::optional<double> takeCalendarPrefix(QString *rest)
{
    static const QRegularExpression prefix(
        QStringLiteral(R"(\A\s*(?:(?P<years>[\d.]+)\s*(?:y|yrs?|years?)\b\s*(?:[,/]\s*)?)?)"
                       R"((?:(?P<months>[\d.]+)\s*(?:mos?|mons?|months?)\b\s*(?:[,/]\s*)?)?)"),
        QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch m = prefix.match(*rest);
    const QString years = m.captured(QStringLiteral("years"));
    const QString months = m.captured(QStringLiteral("months"));
    if (years.isEmpty() && months.isEmpty())
        return 0.0;
    double seconds = 0;
    for (const auto &[text, days] :
        {std::pair {years, Duration::DaysPerYear}, std::pair {months, Duration::DaysPerMonth}}) {
        if (text.isEmpty())
            continue;
        const std::optional<double> n = toFloat(text);
        if (!n)
            return std::nullopt;
        seconds += *n * double(days * Day);
    }
    *rest = rest->mid(m.capturedLength());
    return seconds;
}

} // namespace

std::optional<qint64> Duration::wholeSeconds(const QVariant &value, QString *error)
{
    const auto typeId = value.metaType().id();
    if (typeId == QMetaType::Int || typeId == QMetaType::LongLong || typeId == QMetaType::UInt
        || typeId == QMetaType::ULongLong || typeId == QMetaType::Double)
        return std::llround(value.toDouble());
    const QString text = value.toString().trimmed();
    if (text.isEmpty())
        return std::nullopt;
    QString parseError;
    const std::optional<double> parsed = parseSeconds(text, &parseError);
    if (!parsed) {
        if (error)
            *error =
                parseError.isEmpty() ? tr("\"%1\" is not a lifetime TokenDesk understands.").arg(text) : parseError;
        return std::nullopt;
    }
    return std::llround(*parsed);
}

std::optional<double> Duration::parseSeconds(const QString &text, QString *error)
{
    if (text.size() > MaxInputChars) {
        setError(error, Duration::tr("too long for a duration"));
        return std::nullopt;
    }
    // COMPILED_SIGN = r'\s*(?P<sign>[+|-])?\s*(?P<unsigned>.*)$' (no DOTALL: `.` stops at a line break, `$`
    // may sit before one final "\n").
    qsizetype pos = 0;
    while (pos < text.size() && text.at(pos).isSpace())
        ++pos;
    int sign = 1;
    if (pos < text.size() && (text.at(pos) == u'+' || text.at(pos) == u'|' || text.at(pos) == u'-')) {
        sign = text.at(pos) == u'-' ? -1 : 1;
        ++pos;
    }
    while (pos < text.size() && text.at(pos).isSpace())
        ++pos;
    QString rest = text.mid(pos);
    const qsizetype newline = rest.indexOf(u'\n');
    if (newline >= 0) {
        if (newline != rest.size() - 1) {
            setError(error, Duration::tr("a duration must be on one line"));
            return std::nullopt;
        }
        rest.chop(1);
    }
    if (rest.trimmed().isEmpty()) {
        setError(error, Duration::tr("enter a duration, e.g. 6 hours"));
        return std::nullopt;
    }
    // Python's \s is Unicode-aware; PCRE's is ASCII here. Whitespace only ever appears as \s* in the grammar,
    // so folding each run of (Unicode) whitespace into one space changes nothing else.
    QString folded;
    folded.reserve(rest.size());
    bool inSpace = false;
    for (QChar c : std::as_const(rest)) {
        if (c.isSpace()) {
            if (!inSpace)
                folded.append(u' ');
            inSpace = true;
        } else {
            folded.append(c);
            inSpace = false;
        }
    }

    const QString original = folded;
    const std::optional<double> calendar = takeCalendarPrefix(&folded);
    if (!calendar) {
        setError(error, diagnose(original));
        return std::nullopt;
    }
    if (*calendar > 0 && folded.trimmed().isEmpty()) {
        if (*calendar > MaxSeconds) {
            setError(error, Duration::tr("too long: at most %1 weeks").arg(qint64(MaxSeconds) / Week));
            return std::nullopt;
        }
        if (error)
            error->clear();
        return sign * *calendar;
    }

    for (const QRegularExpression &format : timeFormats()) {
        const QRegularExpressionMatch match = format.match(folded);
        if (!match.hasMatch() || match.captured(0).trimmed().isEmpty())
            continue;
        // Python's groupdict(): every named group of this format, None when it did not take part.
        struct Part
        {
            qint64 multiplier;
            QString value;
        };
        QList<Part> parts;
        QString secs;
        bool allDigits = true;
        for (const Unit &unit : Units) {
            const QString name = QString::fromLatin1(unit.group);
            if (!format.namedCaptureGroups().contains(name))
                continue;
            const QString value = match.captured(name);
            if (value.isEmpty())
                continue;
            if (!isAsciiDigits(value))
                allDigits = false;
            if (unit.multiplier == 1)
                secs = value;
            parts.append({unit.multiplier, value});
        }
        double result = 0;
        if (allDigits) {
            double sum = 0;
            for (const Part &p : std::as_const(parts))
                sum += double(p.multiplier) * p.value.toDouble();
            result = sign * sum;
        } else {
            double sum = 0;
            for (const Part &p : std::as_const(parts)) {
                if (p.multiplier == 1 && (secs.isEmpty() || isAsciiDigits(secs)))
                    continue;
                const auto v = toFloat(p.value);
                if (!v) {
                    setError(error, Duration::tr("\"%1\" is not a number").arg(p.value));
                    return std::nullopt;
                }
                sum += double(p.multiplier) * *v;
            }
            if (secs.isEmpty() || isAsciiDigits(secs)) {
                // pytimeparse returns an int here: sign * int(sum of the others) + int(secs). The sign does not
                // apply to an integer seconds part; this mirrors the server exactly.
                if (!std::isfinite(sum) || std::abs(sum) > MaxSeconds) {
                    setError(error, Duration::tr("too long: at most %1 weeks").arg(qint64(MaxSeconds) / Week));
                    return std::nullopt;
                }
                result = sign * std::trunc(sum) + (secs.isEmpty() ? 0.0 : secs.toDouble());
            } else {
                result = sign * sum;
            }
        }
        result += sign * *calendar;
        if (!std::isfinite(result) || std::abs(result) > MaxSeconds) {
            setError(error, Duration::tr("too long: at most %1 weeks").arg(qint64(MaxSeconds) / Week));
            return std::nullopt;
        }
        if (error)
            error->clear();
        return result;
    }
    setError(error, diagnose(original));
    return std::nullopt;
}

QString Duration::format(qint64 seconds, int parts)
{
    if (seconds == std::numeric_limits<qint64>::min())
        seconds = std::numeric_limits<qint64>::min() + 1;
    const QString prefix = seconds < 0 ? QStringLiteral("-") : QString();
    qint64 rest = std::abs(seconds);
    if (rest == 0)
        return Duration::tr("0 seconds");
    struct Named
    {
        qint64 size;
        const char *one;
        const char *many;
    };
    static constexpr std::array<Named, 4> names {{
        {Day, QT_TRANSLATE_NOOP("Duration", "1 day"), QT_TRANSLATE_NOOP("Duration", "%1 days")},
        {Hour, QT_TRANSLATE_NOOP("Duration", "1 hour"), QT_TRANSLATE_NOOP("Duration", "%1 hours")},
        {Minute, QT_TRANSLATE_NOOP("Duration", "1 minute"), QT_TRANSLATE_NOOP("Duration", "%1 minutes")},
        {1, QT_TRANSLATE_NOOP("Duration", "1 second"), QT_TRANSLATE_NOOP("Duration", "%1 seconds")},
    }};
    QStringList out;
    int first = -1;
    for (int i = 0; i < int(names.size()); ++i) {
        const qint64 n = rest / names[i].size;
        rest %= names[i].size;
        if (n > 0 && first < 0)
            first = i;
        if (first >= 0 && i - first >= std::max(parts, 1))
            break;
        if (n > 0)
            out.append(plural(n, names[i].one, names[i].many));
    }
    return prefix + out.join(QStringLiteral(", "));
}

QString Duration::formatShort(qint64 seconds)
{
    if (seconds == std::numeric_limits<qint64>::min())
        seconds = std::numeric_limits<qint64>::min() + 1;
    const QString prefix = seconds < 0 ? QStringLiteral("-") : QString();
    qint64 rest = std::abs(seconds);
    if (rest == 0)
        return QStringLiteral("0s");
    static constexpr std::array<std::pair<qint64, char16_t>, 4> units {
        {{Day, u'd'}, {Hour, u'h'}, {Minute, u'm'}, {1, u's'}}};
    QStringList out;
    int first = -1;
    for (int i = 0; i < int(units.size()); ++i) {
        const qint64 n = rest / units[i].first;
        rest %= units[i].first;
        if (n > 0 && first < 0)
            first = i;
        if (first >= 0 && i - first >= 2)
            break;
        if (n > 0)
            out.append(QString::number(n) + QChar(units[i].second));
    }
    return prefix + out.join(u' ');
}

QString Duration::toWireText(qint64 seconds)
{
    // pytimeparse reads "<n> weeks|days|hours|minutes|seconds" (with a leading '-') as exactly n * unit.
    if (seconds == std::numeric_limits<qint64>::min())
        seconds = std::numeric_limits<qint64>::min() + 1;
    const qint64 magnitude = seconds < 0 ? -seconds : seconds;
    static constexpr std::array<std::pair<qint64, const char *>, 4> units {
        {{Week, "weeks"}, {Day, "days"}, {Hour, "hours"}, {Minute, "minutes"}}};
    if (magnitude > 0) {
        for (const auto &[size, name] : units) {
            if (magnitude % size == 0)
                return QStringLiteral("%1 %2").arg(seconds / size).arg(QLatin1String(name));
        }
    }
    return QStringLiteral("%1 seconds").arg(seconds);
}

QString Duration::toText(qint64 seconds)
{
    if (seconds == std::numeric_limits<qint64>::min())
        seconds = std::numeric_limits<qint64>::min() + 1;
    if (seconds == 0)
        return QStringLiteral("0 seconds");
    qint64 rest = std::abs(seconds);
    static constexpr std::array<std::tuple<qint64, const char *, const char *>, 4> units {{
        {Day, "day", "days"},
        {Hour, "hour", "hours"},
        {Minute, "minute", "minutes"},
        {1, "second", "seconds"},
    }};
    QStringList parts;
    for (const auto &[size, one, many] : units) {
        const qint64 n = rest / size;
        rest %= size;
        if (n > 0)
            parts.append(QStringLiteral("%1 %2").arg(n).arg(QLatin1String(n == 1 ? one : many)));
    }
    // The sign applies to the whole text only when it leads a single part (pytimeparse's integer rule).
    const QString text = parts.join(u' ');
    return seconds < 0 ? (parts.size() == 1 ? QStringLiteral("-") + text : toWireText(seconds)) : text;
}
