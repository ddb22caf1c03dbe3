#include "HostileText.h"
#include "core/Csv.h"
#include "core/UntrustedText.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QtTest>

// Every output function of UntrustedText (and Csv::field, which uses it) over every hostile string: nothing a
// terminal, a notification server, a bidi algorithm or a spreadsheet acts on gets through raw, every value
// stays one line, the length caps hold; JSON keeps the exact value.
class TestUntrustedText : public QObject
{
    Q_OBJECT

private slots:
    void humanOutput_data();
    void humanOutput();
    void csvField_data();
    void csvField();
    void jsonKeepsTheExactValue_data();
    void jsonKeepsTheExactValue();
    void visibleEscapes();
    void plainTextUnchanged();
    void elidedNeverSplitsASurrogatePair();
    void notificationEscapesMarkup();
};

namespace {

enum class Kind { Terminal, Notification, Display, Title };

QString apply(Kind kind, const QString &text)
{
    switch (kind) {
    case Kind::Terminal:
        return UntrustedText::forTerminal(text);
    case Kind::Notification:
        return UntrustedText::forNotification(text);
    case Kind::Display:
        return UntrustedText::forDisplay(text);
    case Kind::Title:
        return UntrustedText::forDisplay(text, UntrustedText::TitleCap);
    }
    return {};
}

qsizetype capOf(Kind kind)
{
    switch (kind) {
    case Kind::Terminal:
        return UntrustedText::CellCap;
    case Kind::Notification:
        return UntrustedText::NotificationCap;
    case Kind::Display:
        return UntrustedText::CellCap;
    case Kind::Title:
        return UntrustedText::TitleCap;
    }
    return 0;
}

void addHostileRows()
{
    QTest::addColumn<QString>("text");
    for (const auto &[name, text] : HostileText::rows())
        QTest::newRow(name.constData()) << text;
}

} // namespace

void TestUntrustedText::humanOutput_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("text");
    const QList<QPair<const char *, Kind>> kinds = {{"terminal", Kind::Terminal}, {"notification", Kind::Notification},
        {"display", Kind::Display}, {"title", Kind::Title}};
    for (const auto &[kindName, kind] : kinds) {
        for (const auto &[name, text] : HostileText::rows())
            QTest::addRow("%s: %s", kindName, name.constData()) << int(kind) << text;
    }
}

void TestUntrustedText::humanOutput()
{
    QFETCH(int, kind);
    QFETCH(QString, text);
    const Kind k = Kind(kind);
    QString out = apply(k, text);

    QVERIFY2(out.size() <= capOf(k), qPrintable(QString::number(out.size())));
    if (text.size() > capOf(k))
        QVERIFY(
            out.endsWith(UntrustedText::Ellipsis) || out.endsWith(QString(UntrustedText::Ellipsis) + QChar(0x2069)));
    if (k == Kind::Display || k == Kind::Title) {
        // The isolates the function adds itself, around the whole value and nowhere else; text with a bidi
        // control or a right-to-left letter must be isolated.
        const bool isolated = out.startsWith(UntrustedText::FirstStrongIsolate);
        QCOMPARE(out.endsWith(UntrustedText::PopDirectionalIsolate), isolated);
        if (!HostileText::firstRawHazard(text).isEmpty() || text.contains(QChar(0x05E9)))
            QVERIFY(isolated);
        if (isolated)
            out = out.mid(1, out.size() - 2);
    }
    QVERIFY2(HostileText::firstRawHazard(out).isEmpty(), qPrintable(HostileText::firstRawHazard(out)));
    QVERIFY(!out.contains(QLatin1Char('\n')));
    QVERIFY(!out.contains(QLatin1Char('\r')));
    if (k == Kind::Notification) {
        QVERIFY(!out.contains(QLatin1Char('<')));
        QVERIFY(!out.contains(QLatin1Char('>')));
        // Every & starts an entity we wrote.
        for (qsizetype at = out.indexOf(QLatin1Char('&')); at >= 0; at = out.indexOf(QLatin1Char('&'), at + 1)) {
            const QStringView rest = QStringView(out).mid(at);
            QVERIFY(rest.startsWith(u"&amp;") || rest.startsWith(u"&lt;") || rest.startsWith(u"&gt;"));
        }
    }
    // What was escaped is still there for the reader, visibly (short inputs: nothing was cut).
    if (text == HostileText::terminalAttack() && k == Kind::Terminal)
        QCOMPARE(out, QStringLiteral("evil\\e]0;pwned\\x07\\e[2J\\e[31mRED\\nFAKE-ROW"));
}

void TestUntrustedText::csvField_data()
{
    addHostileRows();
}

void TestUntrustedText::csvField()
{
    QFETCH(QString, text);
    const QString field = QString::fromUtf8(Csv::field(text));
    // Line breaks and tabs are the only controls CSV carries, and only inside a quoted field (RFC 4180).
    QString rest = field;
    rest.remove(QLatin1Char('\t'));
    const bool lineBreak = rest.contains(QLatin1Char('\r')) || rest.contains(QLatin1Char('\n'));
    rest.remove(QLatin1Char('\r')).remove(QLatin1Char('\n'));
    QVERIFY2(HostileText::firstRawHazard(rest).isEmpty(), qPrintable(HostileText::firstRawHazard(rest)));
    if (lineBreak)
        QVERIFY(field.startsWith(QLatin1Char('"')) && field.endsWith(QLatin1Char('"')));
    // A quoted field holds no lone quote; an unquoted one no quote, comma or line break.
    if (field.startsWith(QLatin1Char('"')))
        QVERIFY(!field.mid(1, field.size() - 2).replace(QStringLiteral("\"\""), QString()).contains(QLatin1Char('"')));
    else
        QVERIFY(!field.contains(QLatin1Char('"')) && !field.contains(QLatin1Char(',')));
    // Formulas are neutralised; no value is cut in an export.
    const QString unquoted = field.startsWith(QLatin1Char('"')) ? field.mid(1) : field;
    QVERIFY(!QStringLiteral("=+-@").contains(unquoted.left(1)) || unquoted.isEmpty());
    if (text.startsWith(QLatin1Char('=')))
        QVERIFY(unquoted.startsWith(QLatin1String("'=")));
    QVERIFY(field.size() >= text.size() || text.contains(QChar(0xD800)));
}

void TestUntrustedText::jsonKeepsTheExactValue_data()
{
    addHostileRows();
}

void TestUntrustedText::jsonKeepsTheExactValue()
{
    QFETCH(QString, text);
    if (text.contains(QChar(0xD800)))
        QSKIP("a lone surrogate is not valid UTF-8: it cannot survive any JSON encoder");
    const QByteArray json = QJsonDocument(QJsonArray {text}).toJson(QJsonDocument::Compact);
    QCOMPARE(QJsonDocument::fromJson(json).array().at(0).toString(), text);
}

void TestUntrustedText::visibleEscapes()
{
    QCOMPARE(UntrustedText::forTerminal(u"a\u001b[31mb"), QStringLiteral("a\\e[31mb"));
    const QString withNul = QString(QChar(0)) + QChar(0x07) + QChar(0x7f) + QChar(0x9b); // not a literal: NUL
    QCOMPARE(UntrustedText::forTerminal(withNul), QStringLiteral("\\x00\\x07\\x7f\\x9b"));
    QCOMPARE(UntrustedText::forTerminal(u"a\tb\r\nc"), QStringLiteral("a\\tb\\r\\nc"));
    QCOMPARE(UntrustedText::forTerminal(u"x\u202Ey\u2066z\u200D"), QStringLiteral("x\\u202ey\\u2066z\\u200d"));
    QCOMPARE(
        UntrustedText::forTerminal(QStringView(QStringLiteral("tag \U000E0041"))), QStringLiteral("tag \\u{e0041}"));
    QCOMPARE(UntrustedText::forDisplay(QStringLiteral("x\u202Ey")), QStringLiteral("\u2068x\\u202ey\u2069"));
    QCOMPARE(UntrustedText::forCsv(u"a\u001bb\r\nc\td"), QStringLiteral("a\\eb\r\nc\td"));
    QCOMPARE(QString::fromUtf8(Csv::field(QStringLiteral("=1+2\u0007"))), QStringLiteral("'=1+2\\x07"));
}

void TestUntrustedText::plainTextUnchanged()
{
    const QString plain = QStringLiteral("CI deploy token — Grüße 令牌 🔑 (x, y) \"q\" \\path");
    QCOMPARE(UntrustedText::forTerminal(plain), plain);
    QCOMPARE(UntrustedText::forDisplay(plain), plain);
    QCOMPARE(UntrustedText::forNotification(plain), plain);
    QCOMPARE(UntrustedText::forDisplay(QString()), QString());
    // Exactly at the cap: not cut.
    const QString atCap(UntrustedText::CellCap, QLatin1Char('x'));
    QCOMPARE(UntrustedText::forTerminal(atCap), atCap);
    QCOMPARE(UntrustedText::forTerminal(QString(atCap + QLatin1Char('y'))),
        atCap.left(UntrustedText::CellCap - 1) + UntrustedText::Ellipsis);
    // No cap when asked for none (a created token's value on its own line).
    const QString longValue(5000, QLatin1Char('v'));
    QCOMPARE(UntrustedText::forTerminal(longValue, -1), longValue);
}

void TestUntrustedText::elidedNeverSplitsASurrogatePair()
{
    const QString keys = QString(QStringLiteral("🔑")).repeated(10);
    for (qsizetype cap = 1; cap < 12; ++cap) {
        const QString out = UntrustedText::elided(keys, cap);
        QVERIFY(out.size() <= cap);
        QVERIFY(out.endsWith(UntrustedText::Ellipsis));
        QVERIFY2(HostileText::firstRawHazard(out).isEmpty(), qPrintable(QString::number(cap)));
    }
    QCOMPARE(UntrustedText::elided(u"short", 10), QStringLiteral("short"));
}

void TestUntrustedText::notificationEscapesMarkup()
{
    QCOMPARE(UntrustedText::forNotification(u"<img src=x> & <b>"), QStringLiteral("&lt;img src=x&gt; &amp; &lt;b&gt;"));
    // The cap holds after the entities: an entity is never cut in half.
    const QString out = UntrustedText::forNotification(QString(300, QLatin1Char('<')));
    QVERIFY(out.size() <= UntrustedText::NotificationCap);
    QVERIFY(out.chopped(1).endsWith(QLatin1String("&lt;")));
}

QTEST_GUILESS_MAIN(TestUntrustedText)
#include "tst_untrustedtext.moc"
