#pragma once

#include <QCoreApplication>

#include <QString>
#include <QVariant>

#include <optional>

// Parses and formats the lifetimes people type. Accepts what Specter's pytimeparse accepts for positive
// values ("6 hours", "1h30m", "2 days, 3 hours", "90s", "1:30:00", "1.5 hours", "3 weeks") and refuses what it
// refuses (bare numbers like "3600", words like "six hours", empty text). See shared/contracts/specter.md,
// "Accepted jwt_token_life formats". On top of that grammar it takes leading years and months ("5 years",
// "3 months", "1 year 2 months 3 days"), counted as 365 and 30 days: no service takes them, so every caller
// converts the seconds to what its service reads (toWireText for Specter).
class Duration
{
    Q_DECLARE_TR_FUNCTIONS(Duration)

public:
    static constexpr qint64 DaysPerMonth = 30;
    static constexpr qint64 DaysPerYear = 365;

    // Seconds (may be fractional), or nullopt with *error set to a sentence saying what is wrong.
    static std::optional<double> parseSeconds(const QString &text, QString *error = nullptr);
    // A lifetime field's value as whole seconds: a number (int or floating, rounded) or a text parseSeconds
    // reads. nullopt for empty text (no lifetime given), and nullopt with *error set when the text is unusable.
    static std::optional<qint64> wholeSeconds(const QVariant &value, QString *error);
    // "1 day, 2 hours", "45 minutes", "30 seconds", "0 seconds"; largest units first, at most `parts` parts.
    static QString format(qint64 seconds, int parts = 2);
    // Compact form for tables: "2d 3h", "1h 30m", "45s".
    static QString formatShort(qint64 seconds);
    // Plain English text that parseSeconds (and pytimeparse) reads back as `seconds` rounded to whole
    // seconds: "1 hour", "7 days", "3 days 4 hours 5 minutes". Never translated: it is a value, not a label.
    static QString toText(qint64 seconds);
    // Text a server that speaks pytimeparse reads back as exactly `seconds` (e.g. "5400 seconds" or
    // "90 minutes"); always carries a unit.
    static QString toWireText(qint64 seconds);
};
