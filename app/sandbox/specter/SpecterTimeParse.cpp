#include "SpecterTimeParse.h"

#include <QRegularExpression>
#include <QStringList>

#include <cmath>

namespace SpecterTimeParse {

namespace {

const QString Weeks = QStringLiteral(R"((?P<weeks>[\d.]+)\s*(?:w|wks?|weeks?))");
const QString Days = QStringLiteral(R"((?P<days>[\d.]+)\s*(?:d|dys?|days?))");
const QString Hours = QStringLiteral(R"((?P<hours>[\d.]+)\s*(?:h|hrs?|hours?))");
const QString Mins = QStringLiteral(R"((?P<mins>[\d.]+)\s*(?:m|(mins?)|(minutes?)))");
const QString Secs = QStringLiteral(R"((?P<secs>[\d.]+)\s*(?:s|secs?|seconds?))");
const QString Separators = QStringLiteral("[,/]");
const QString SecClock = QStringLiteral(R"(:(?P<secs>\d{2}(?:\.\d+)?))");
const QString MinClock = QStringLiteral(R"((?P<mins>\d{1,2}):(?P<secs>\d{2}(?:\.\d+)?))");
const QString HourClock = QStringLiteral(R"((?P<hours>\d+):(?P<mins>\d{2}):(?P<secs>\d{2}(?:\.\d+)?))");
const QString DayClock = QStringLiteral(R"((?P<days>\d+):(?P<hours>\d{2}):(?P<mins>\d{2}):(?P<secs>\d{2}(?:\.\d+)?))");

QString opt(const QString &x)
{
    return QStringLiteral("(?:") + x + QStringLiteral(")?");
}

QString optSep(const QString &x)
{
    return QStringLiteral("(?:") + x + QStringLiteral(R"(\s*(?:)") + Separators + QStringLiteral(R"(\s*)?)?)");
}

const QList<QRegularExpression> &timeFormats()
{
    static const QList<QRegularExpression> formats = [] {
        const QStringList patterns = {
            optSep(Weeks) + QStringLiteral(R"(\s*)") + optSep(Days) + QStringLiteral(R"(\s*)") + optSep(Hours)
                + QStringLiteral(R"(\s*)") + optSep(Mins) + QStringLiteral(R"(\s*)") + opt(Secs),
            MinClock,
            optSep(Weeks) + QStringLiteral(R"(\s*)") + optSep(Days) + QStringLiteral(R"(\s*)") + HourClock,
            DayClock,
            SecClock,
        };
        QList<QRegularExpression> compiled;
        for (const QString &pattern : patterns) {
            compiled << QRegularExpression(QStringLiteral(R"(^\s*)") + pattern + QStringLiteral(R"(\s*$)"),
                QRegularExpression::CaseInsensitiveOption);
        }
        return compiled;
    }();
    return formats;
}

bool isDigits(const QString &value)
{
    if (value.isEmpty())
        return false;
    for (const QChar c : value) {
        if (!c.isDigit())
            return false;
    }
    return true;
}

std::optional<double> toFloat(const QString &value)
{
    bool ok = false;
    const double number = value.toDouble(&ok);
    if (!ok)
        return std::nullopt;
    return number;
}

double multiplier(const QString &name)
{
    if (name == QLatin1String("weeks"))
        return 60 * 60 * 24 * 7;
    if (name == QLatin1String("days"))
        return 60 * 60 * 24;
    if (name == QLatin1String("hours"))
        return 60 * 60;
    if (name == QLatin1String("mins"))
        return 60;
    return 1;
}

} // namespace

std::optional<Seconds> parse(const QString &text)
{
    static const QRegularExpression signPattern(QStringLiteral(R"(^\s*(?P<sign>[+|-])?\s*(?P<unsigned>.*)$)"));
    const QRegularExpressionMatch signMatch = signPattern.match(text);
    if (!signMatch.hasMatch())
        return std::nullopt; // Python's `.` stops at a newline; the match then fails and timeparse raises
    const int sign = signMatch.captured(QStringLiteral("sign")) == QLatin1String("-") ? -1 : 1;
    const QString unsignedText = signMatch.captured(QStringLiteral("unsigned"));

    for (const QRegularExpression &format : timeFormats()) {
        const QRegularExpressionMatch match = format.match(unsignedText);
        if (!match.hasMatch() || match.captured(0).trimmed().isEmpty())
            continue;
        // The named groups this format has, with their captured text (empty = None).
        QList<QPair<QString, QString>> groups;
        for (const QString &name : format.namedCaptureGroups()) {
            if (!name.isEmpty())
                groups.append({name, match.captured(name)});
        }
        QString secs;
        bool hasSecs = false;
        bool allDigits = true;
        for (const auto &[name, value] : groups) {
            if (name == QLatin1String("secs")) {
                hasSecs = true;
                secs = value;
            }
            if (!value.isEmpty() && !isDigits(value))
                allDigits = false;
        }
        if (allDigits) {
            double sum = 0;
            for (const auto &[name, value] : groups) {
                if (!value.isEmpty())
                    sum += multiplier(name) * value.toLongLong();
            }
            return Seconds {sign * sum, false};
        }
        if (!hasSecs || secs.isEmpty() || isDigits(secs)) {
            double sum = 0;
            for (const auto &[name, value] : groups) {
                if (name == QLatin1String("secs") || value.isEmpty())
                    continue;
                const auto number = toFloat(value);
                if (!number)
                    return std::nullopt; // float("1.2.3") raises
                sum += multiplier(name) * *number;
            }
            return Seconds {sign * std::trunc(sum) + (secs.isEmpty() ? 0 : secs.toLongLong()), false};
        }
        double sum = 0;
        for (const auto &[name, value] : groups) {
            if (value.isEmpty())
                continue;
            const auto number = toFloat(value);
            if (!number)
                return std::nullopt;
            sum += multiplier(name) * *number;
        }
        return Seconds {sign * sum, true};
    }
    return std::nullopt;
}

} // namespace SpecterTimeParse
