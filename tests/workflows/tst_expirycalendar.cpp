#include "core/Clock.h"
#include "core/UtcTime.h"
#include "workflows/ExpiringQuery.h"
#include "workflows/ExpiryCalendar.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTest>

// Which tokens expire within a window (the `expiring` command's choice), and the .ics export checked against
// RFC 5545 by hand and by a real parser (Python's icalendar, from the Debian archive).
class TestExpiryCalendar : public QObject
{
    Q_OBJECT
private slots:
    void selectsLiveTokensWithinTheWindow();
    void textEscapingAndFolding();
    void durations();
    void uidsAreStable();
    void parsedBackByIcalendar();

private:
    QList<RevokePlan::AccountTokens> sample(const Clock &clock) const;
};

QList<RevokePlan::AccountTokens> TestExpiryCalendar::sample(const Clock &clock) const
{
    Account lab;
    lab.id = QUuid::fromString(QStringLiteral("{11111111-2222-3333-4444-555555555555}"));
    lab.name = QStringLiteral("lab, main; \"prod\"");
    lab.providerId = QStringLiteral("specter");
    Account mb;
    mb.id = QUuid::fromString(QStringLiteral("{66666666-2222-3333-4444-555555555555}"));
    mb.name = QStringLiteral("mb");
    mb.providerId = QStringLiteral("magicbell");

    const auto token = [&clock](const QString &id, const QString &label, std::optional<qint64> inSeconds) {
        Token t;
        t.id = id;
        t.label = label;
        t.kind = QStringLiteral("token");
        if (inSeconds)
            t.expires = clock.now().addSecs(*inSeconds);
        return t;
    };
    Token revoked = token(QStringLiteral("r1"), QStringLiteral("revoked"), 3600);
    revoked.revoked = clock.now();
    Token serverCounted; // Specter reports remaining life, anchored to the monotonic clock
    serverCounted.id = QStringLiteral("s1");
    serverCounted.label = QStringLiteral("server counted");
    serverCounted.setRemainingLife(2 * 86400, clock);
    const QString longName = QStringLiteral("Déploiement — ") + QString(60, QChar(0x00e9)) + QStringLiteral(" 🚀 end");
    return {{lab, nullptr,
                {token(QStringLiteral("t1"), QStringLiteral("CI token"), 3 * 86400), revoked,
                    token(QStringLiteral("t2"), QStringLiteral("expired"), -60),
                    token(QStringLiteral("t3"), QStringLiteral("later"), 30 * 86400),
                    token(QStringLiteral("t4"), QStringLiteral("forever"), std::nullopt), serverCounted}},
        {mb, nullptr, {token(QStringLiteral("m1"), longName, 6 * 3600)}}};
}

void TestExpiryCalendar::selectsLiveTokensWithinTheWindow()
{
    TestClock clock;
    const QList<RevokePlan::AccountTokens> listed = sample(clock);
    QList<ExpiringToken> week = ExpiringQuery::select(listed, clock, 7 * 86400);
    QStringList ids;
    for (const ExpiringToken &t : week)
        ids.append(t.token.id);
    QCOMPARE(ids, (QStringList {QStringLiteral("m1"), QStringLiteral("s1"), QStringLiteral("t1")})); // soonest first
    QCOMPARE(week.first().remainingSeconds, qint64(6 * 3600));
    QCOMPARE(week.first().account.name, QStringLiteral("mb"));

    QCOMPARE(ExpiringQuery::select(listed, clock, 3600).size(), 0);
    QCOMPARE(ExpiringQuery::select(listed, clock, 90 * 86400).size(), 4); // + t3
    QCOMPARE(ExpiringQuery::select(listed, clock, -1).size(), 4); // never: no expiry, expired, revoked
}

void TestExpiryCalendar::textEscapingAndFolding()
{
    QCOMPARE(ExpiryCalendar::escapeText(QStringLiteral("a,b;c\\d\ne")), QStringLiteral("a\\,b\\;c\\\\d\\ne"));
    const QByteArray line = QStringLiteral("SUMMARY:").toUtf8() + QString(100, QChar(0x00e9)).toUtf8();
    const QByteArray folded = ExpiryCalendar::foldLine(line);
    QVERIFY(folded.endsWith("\r\n"));
    const QList<QByteArray> parts = folded.chopped(2).split('\n');
    QVERIFY(parts.size() >= 3);
    QByteArray unfolded;
    for (qsizetype i = 0; i < parts.size(); ++i) {
        QByteArray part = parts.at(i);
        if (i + 1 < parts.size()) {
            QVERIFY(part.endsWith('\r'));
            part.chop(1);
        }
        QVERIFY2(part.size() <= 75, part.constData());
        if (i > 0) {
            QVERIFY(part.startsWith(' '));
            part.remove(0, 1);
        }
        // Every piece is valid UTF-8 on its own: no sequence was cut.
        QVERIFY(QString::fromUtf8(part).toUtf8() == part);
        unfolded += part;
    }
    QCOMPARE(unfolded, line);
    QCOMPARE(ExpiryCalendar::foldLine("SHORT"), QByteArray("SHORT\r\n"));
}

void TestExpiryCalendar::durations()
{
    QCOMPARE(ExpiryCalendar::duration(-7 * 86400), QStringLiteral("-P7D"));
    QCOMPARE(ExpiryCalendar::duration(-86400), QStringLiteral("-P1D"));
    QCOMPARE(ExpiryCalendar::duration(-90 * 60), QStringLiteral("-PT1H30M"));
    QCOMPARE(ExpiryCalendar::duration(-61), QStringLiteral("-PT1M1S"));
    QCOMPARE(ExpiryCalendar::duration(0), QStringLiteral("PT0S"));
    QCOMPARE(ExpiryCalendar::utcStamp(UtcTime::dateTime(QDate(2026, 5, 1), QTime(8, 9, 10))),
        QStringLiteral("20260501T080910Z"));
}

void TestExpiryCalendar::uidsAreStable()
{
    TestClock clock;
    const QList<ExpiringToken> first = ExpiringQuery::select(sample(clock), clock, -1);
    clock.advanceSeconds(3600);
    const QList<ExpiringToken> later = ExpiringQuery::select(sample(clock), clock, -1);
    QCOMPARE(first.size(), later.size());
    QSet<QString> uids;
    for (qsizetype i = 0; i < first.size(); ++i) {
        QCOMPARE(ExpiryCalendar::uid(first.at(i)), ExpiryCalendar::uid(later.at(i)));
        uids.insert(ExpiryCalendar::uid(first.at(i)));
    }
    QCOMPARE(uids.size(), first.size());
}

void TestExpiryCalendar::parsedBackByIcalendar()
{
    QString python = QStringLiteral("/usr/bin/python3");
    if (!QFile::exists(python))
        python = QStandardPaths::findExecutable(QStringLiteral("python3"));
    QVERIFY2(!python.isEmpty(), "python3 is missing (scripts/install-deps)");

    TestClock clock;
    const QList<ExpiringToken> tokens = ExpiringQuery::select(sample(clock), clock, 90 * 86400);
    const QByteArray ics = ExpiryCalendar::toIcs(tokens, {7 * 86400, 24 * 3600}, clock.now());
    QVERIFY(!ics.contains("\n\n"));
    for (const QByteArray &rawLine : ics.split('\n')) {
        if (rawLine.isEmpty())
            continue;
        QVERIFY2(rawLine.endsWith('\r'), rawLine.constData()); // CRLF everywhere
        QVERIFY2(rawLine.size() - 1 <= 75, rawLine.constData());
    }

    const char *script = R"PY(
import json, sys
from icalendar import Calendar
cal = Calendar.from_ical(sys.stdin.buffer.read())
out = {"prodid": str(cal.get("prodid")), "version": str(cal.get("version")), "events": []}
for ev in cal.walk("VEVENT"):
    start = ev.decoded("dtstart")
    out["events"].append({
        "uid": str(ev.get("uid")),
        "summary": str(ev.get("summary")),
        "description": str(ev.get("description")),
        "start": start.strftime("%Y-%m-%dT%H:%M:%S"),
        "utc": start.utcoffset() is not None and start.utcoffset().total_seconds() == 0,
        "alarms": [int(a.decoded("trigger").total_seconds()) for a in ev.walk("VALARM")],
        "actions": [str(a.get("action")) for a in ev.walk("VALARM")],
    })
print(json.dumps(out))
)PY";
    QProcess process;
    process.start(python, {QStringLiteral("-c"), QString::fromUtf8(script)});
    QVERIFY(process.waitForStarted());
    process.write(ics);
    process.closeWriteChannel();
    QVERIFY(process.waitForFinished(60000));
    QVERIFY2(process.exitCode() == 0,
        qPrintable(QStringLiteral("icalendar failed (python3-icalendar from scripts/install-deps): ")
            + QString::fromUtf8(process.readAllStandardError())));
    const QJsonObject parsed = QJsonDocument::fromJson(process.readAllStandardOutput()).object();
    QCOMPARE(parsed.value(QLatin1String("version")).toString(), QStringLiteral("2.0"));
    const QJsonArray events = parsed.value(QLatin1String("events")).toArray();
    QCOMPARE(events.size(), tokens.size());
    QCOMPARE(events.size(), 4);
    for (qsizetype i = 0; i < events.size(); ++i) {
        const QJsonObject event = events.at(i).toObject();
        const ExpiringToken &token = tokens.at(i);
        QCOMPARE(event.value(QLatin1String("uid")).toString(), ExpiryCalendar::uid(token));
        QCOMPARE(event.value(QLatin1String("start")).toString(),
            token.expires.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss")));
        QVERIFY(event.value(QLatin1String("utc")).toBool());
        QCOMPARE(event.value(QLatin1String("alarms")).toArray(), (QJsonArray {-7 * 86400, -24 * 3600}));
        QCOMPARE(event.value(QLatin1String("actions")).toArray().first().toString(), QStringLiteral("DISPLAY"));
        const QString summary = event.value(QLatin1String("summary")).toString();
        QVERIFY2(summary.contains(token.token.label), qPrintable(summary)); // unescaped back to the name
        QVERIFY2(summary.contains(token.account.name), qPrintable(summary));
        QVERIFY(event.value(QLatin1String("description")).toString().contains(token.account.name));
    }
}

QTEST_GUILESS_MAIN(TestExpiryCalendar)
#include "tst_expirycalendar.moc"
