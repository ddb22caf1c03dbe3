#include "core/Duration.h"

#include <QTest>

#include <cmath>

class TstDuration : public QObject
{
    Q_OBJECT
private slots:
    void accepted_data();
    void accepted();
    void refused_data();
    void refused();
    void errorMessages_data();
    void errorMessages();
    void format_data();
    void format();
    void formatShort_data();
    void formatShort();
    void wireTextRoundTrips_data();
    void wireTextRoundTrips();
    void longInputIsRefused();
};

void TstDuration::accepted_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<double>("seconds");
    // Every accepted row of shared/contracts/specter.md, "Accepted jwt_token_life formats".
    QTest::newRow("6 hours") << "6 hours" << 21600.0;
    QTest::newRow("6 minutes") << "6 minutes" << 360.0;
    QTest::newRow("30 minutes") << "30 minutes" << 1800.0;
    QTest::newRow("2 days") << "2 days" << 172800.0;
    QTest::newRow("30 days") << "30 days" << 2592000.0;
    QTest::newRow("3 weeks") << "3 weeks" << 1814400.0;
    QTest::newRow("1h30m") << "1h30m" << 5400.0;
    QTest::newRow("1 hour, 30 minutes") << "1 hour, 30 minutes" << 5400.0;
    QTest::newRow("1.5 hours") << "1.5 hours" << 5400.0;
    QTest::newRow("2 days 3 hours") << "2 days 3 hours" << 183600.0;
    QTest::newRow("6 hrs") << "6 hrs" << 21600.0;
    QTest::newRow("10 mins") << "10 mins" << 600.0;
    QTest::newRow("3600s") << "3600s" << 3600.0;
    QTest::newRow("1:30:00") << "1:30:00" << 5400.0;
    QTest::newRow("1:30 is min:sec") << "1:30" << 90.0;
    QTest::newRow("1.5 seconds") << "1.5 seconds" << 1.5;
    QTest::newRow("0 seconds") << "0 seconds" << 0.0;
    QTest::newRow("-5 minutes") << "-5 minutes" << -300.0;
    // The grammar around them: every unit spelling, case, separators, clock forms, signs.
    QTest::newRow("w") << "2w" << 1209600.0;
    QTest::newRow("wk") << "1 wk" << 604800.0;
    QTest::newRow("wks") << "2 wks" << 1209600.0;
    QTest::newRow("week") << "1 week" << 604800.0;
    QTest::newRow("d") << "1d" << 86400.0;
    QTest::newRow("dy") << "1 dy" << 86400.0;
    QTest::newRow("dys") << "2 dys" << 172800.0;
    QTest::newRow("day") << "1 day" << 86400.0;
    QTest::newRow("h") << "2h" << 7200.0;
    QTest::newRow("hr") << "1 hr" << 3600.0;
    QTest::newRow("hour") << "1 hour" << 3600.0;
    QTest::newRow("m") << "5m" << 300.0;
    QTest::newRow("min") << "1 min" << 60.0;
    QTest::newRow("minute") << "1 minute" << 60.0;
    QTest::newRow("sec") << "1 sec" << 1.0;
    QTest::newRow("secs") << "10 secs" << 10.0;
    QTest::newRow("second") << "1 second" << 1.0;
    QTest::newRow("upper case") << "6 HOURS" << 21600.0;
    QTest::newRow("mixed case") << "1H30M" << 5400.0;
    QTest::newRow("slash separator") << "1 day/2 hours" << 93600.0;
    QTest::newRow("comma no space") << "1d,2h" << 93600.0;
    QTest::newRow("all units") << "1w 1d 1h 1m 1s" << 694861.0;
    QTest::newRow("surrounding spaces") << "  90s  " << 90.0;
    QTest::newRow("plus sign") << "+5 minutes" << 300.0;
    QTest::newRow("sign then space") << "- 5 minutes" << -300.0;
    QTest::newRow("negative clock") << "-1:30" << -90.0;
    QTest::newRow(":SS") << ":45" << 45.0;
    QTest::newRow("MM:SS fractional") << "1:30.5" << 90.5;
    QTest::newRow("D:HH:MM:SS") << "1:02:03:04" << 93784.0;
    QTest::newRow("days then H:MM:SS") << "1d 1:00:00" << 90000.0;
    QTest::newRow("0.5 minutes") << "0.5 minutes" << 30.0;
    // pytimeparse returns int(sum) when the seconds part is an integer: 1.01 min -> 60, not 60.6.
    QTest::newRow("truncated like pytimeparse") << "1.01 minutes" << 60.0;
    QTest::newRow("leading dot") << ".5 hours" << 1800.0;
    QTest::newRow("trailing newline") << "5 minutes\n" << 300.0;
    // pytimeparse 1.1.8 quirks, kept so the client predicts the server: '|' is a sign character, and the sign
    // does not apply to an integer seconds part when another part is fractional.
    QTest::newRow("pipe sign") << "|5 minutes" << 300.0;
    QTest::newRow("sign skips int secs") << "-1.5 minutes 30 seconds" << -60.0;
    QTest::newRow("unicode space") << QString::fromUtf8("5\u00a0minutes") << 300.0;
    // Years and months, which pytimeparse lacks: 365 and 30 days, leading, then the usual grammar.
    QTest::newRow("3 months") << "3 months" << 90.0 * 86400;
    QTest::newRow("1 month") << "1 month" << 30.0 * 86400;
    QTest::newRow("5 years") << "5 years" << 5.0 * 365 * 86400;
    QTest::newRow("1y") << "1y" << 365.0 * 86400;
    QTest::newRow("2mo") << "2mo" << 60.0 * 86400;
    QTest::newRow("1.5 years") << "1.5 years" << 1.5 * 365 * 86400;
    QTest::newRow("year, month, days") << "1 year, 2 months 3 days" << (365.0 + 60 + 3) * 86400;
    QTest::newRow("month then clock") << "1 month 1:30:00" << 30.0 * 86400 + 5400;
    QTest::newRow("negative year") << "-1 year" << -365.0 * 86400;
    QTest::newRow("3m stays minutes") << "3m" << 180.0;
}

void TstDuration::accepted()
{
    QFETCH(QString, text);
    QFETCH(double, seconds);
    QString error = QStringLiteral("unset");
    const auto parsed = Duration::parseSeconds(text, &error);
    QVERIFY2(parsed.has_value(), qPrintable(error));
    QCOMPARE(*parsed, seconds);
    QVERIFY(error.isEmpty());
}

void TstDuration::refused_data()
{
    QTest::addColumn<QString>("text");
    // The refused rows of the contract table, then what the grammar refuses around them.
    QTest::newRow("months after days") << "3 days 2 months";
    QTest::newRow("year after month") << "2 months 1 year";
    QTest::newRow("year twice") << "1 year 1 year";
    QTest::newRow("3600 (no unit)") << "3600";
    QTest::newRow("six hours") << "six hours";
    QTest::newRow("empty") << "";
    QTest::newRow("spaces only") << "   ";
    QTest::newRow("sign only") << "-";
    QTest::newRow("units out of order") << "30m 1h";
    QTest::newRow("unit twice") << "1h 2h";
    QTest::newRow("unknown unit") << "5 fortnights";
    QTest::newRow("two dots") << "1.2.3 hours";
    QTest::newRow("dot only") << ". hours";
    QTest::newRow("ms is not a unit") << "5ms";
    QTest::newRow("H:M (one digit minutes)") << "1:3:00";
    QTest::newRow("clock with three digit seconds") << "1:300";
    QTest::newRow("line break inside") << "5 minutes\n1 hour";
    QTest::newRow("semicolon separator") << "1h;30m";
    QTest::newRow("number after unit") << "1 m 2";
    QTest::newRow("arabic digits") << QString::fromUtf8("\u0665 minutes");
}

void TstDuration::refused()
{
    QFETCH(QString, text);
    QString error;
    const auto parsed = Duration::parseSeconds(text, &error);
    QVERIFY(!parsed.has_value());
    QVERIFY(!error.isEmpty());
}

void TstDuration::errorMessages_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("contains");
    QTest::newRow("months out of order") << "3 days 2 months"
                                         << "years and months come first";
    QTest::newRow("bare number") << "3600"
                                 << "add a unit, e.g. 3600 seconds";
    QTest::newRow("words") << "six hours"
                           << "digits";
    QTest::newRow("empty") << ""
                           << "enter a duration";
    QTest::newRow("unknown unit") << "5 fortnights"
                                  << "unknown unit \"fortnights\"";
    QTest::newRow("bad number") << "1.2.3 hours"
                                << "\"1.2.3\" is not a number";
    QTest::newRow("order") << "30m 1h"
                           << "largest to smallest";
}

void TstDuration::errorMessages()
{
    QFETCH(QString, text);
    QFETCH(QString, contains);
    QString error;
    QVERIFY(!Duration::parseSeconds(text, &error));
    QVERIFY2(error.contains(contains), qPrintable(error));
}

void TstDuration::format_data()
{
    QTest::addColumn<qint64>("seconds");
    QTest::addColumn<int>("parts");
    QTest::addColumn<QString>("expected");
    QTest::newRow("zero") << qint64(0) << 2 << "0 seconds";
    QTest::newRow("30 s") << qint64(30) << 2 << "30 seconds";
    QTest::newRow("1 s") << qint64(1) << 2 << "1 second";
    QTest::newRow("45 min") << qint64(45 * 60) << 2 << "45 minutes";
    QTest::newRow("1 day 2 hours") << qint64(26 * 3600) << 2 << "1 day, 2 hours";
    QTest::newRow("two parts cut") << qint64(26 * 3600 + 61) << 2 << "1 day, 2 hours";
    QTest::newRow("three parts") << qint64(26 * 3600 + 61) << 3 << "1 day, 2 hours, 1 minute";
    QTest::newRow("zero part skipped, stays in window") << qint64(86400 + 300) << 2 << "1 day";
    QTest::newRow("one part") << qint64(5400) << 1 << "1 hour";
    QTest::newRow("negative") << qint64(-300) << 2 << "-5 minutes";
}

void TstDuration::format()
{
    QFETCH(qint64, seconds);
    QFETCH(int, parts);
    QFETCH(QString, expected);
    QCOMPARE(Duration::format(seconds, parts), expected);
}

void TstDuration::formatShort_data()
{
    QTest::addColumn<qint64>("seconds");
    QTest::addColumn<QString>("expected");
    QTest::newRow("zero") << qint64(0) << "0s";
    QTest::newRow("45s") << qint64(45) << "45s";
    QTest::newRow("1h 30m") << qint64(5400) << "1h 30m";
    QTest::newRow("2d 3h") << qint64(2 * 86400 + 3 * 3600 + 59) << "2d 3h";
    QTest::newRow("2d") << qint64(2 * 86400 + 59) << "2d";
    QTest::newRow("5m 1s") << qint64(301) << "5m 1s";
    QTest::newRow("negative") << qint64(-61) << "-1m 1s";
    QTest::newRow("min") << std::numeric_limits<qint64>::min()
                         << Duration::formatShort(std::numeric_limits<qint64>::min() + 1);
}

void TstDuration::formatShort()
{
    QFETCH(qint64, seconds);
    QFETCH(QString, expected);
    QCOMPARE(Duration::formatShort(seconds), expected);
}

void TstDuration::wireTextRoundTrips_data()
{
    QTest::addColumn<qint64>("seconds");
    QTest::addColumn<QString>("expected");
    QTest::newRow("0") << qint64(0) << "0 seconds";
    QTest::newRow("59") << qint64(59) << "59 seconds";
    QTest::newRow("5400") << qint64(5400) << "90 minutes";
    QTest::newRow("21600") << qint64(21600) << "6 hours";
    QTest::newRow("172800") << qint64(172800) << "2 days";
    QTest::newRow("1814400") << qint64(1814400) << "3 weeks";
    QTest::newRow("3601") << qint64(3601) << "3601 seconds";
    QTest::newRow("-300") << qint64(-300) << "-5 minutes";
    QTest::newRow("-1") << qint64(-1) << "-1 seconds";
}

void TstDuration::wireTextRoundTrips()
{
    QFETCH(qint64, seconds);
    QFETCH(QString, expected);
    const QString wire = Duration::toWireText(seconds);
    QCOMPARE(wire, expected);
    const auto back = Duration::parseSeconds(wire);
    QVERIFY(back.has_value());
    QCOMPARE(*back, double(seconds));
}

void TstDuration::longInputIsRefused()
{
    QString error;
    QVERIFY(!Duration::parseSeconds(QString(100000, u' ') + QStringLiteral("5 minutes"), &error));
    QVERIFY(!error.isEmpty());
    QVERIFY(!Duration::parseSeconds(QString(200, u'9') + QStringLiteral(" weeks"), &error));
    QVERIFY(error.contains(QStringLiteral("too long")));
}

QTEST_GUILESS_MAIN(TstDuration)
#include "tst_duration.moc"
