#include "CliCommands.h"
#include "CliOutput.h"
#include "core/Clock.h"
#include "core/Token.h"
#include "core/UtcTime.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonValue>
#include <QTimeZone>
#include <QtTest>

#include <limits>

// The streamed `tokens --json` (issue 9, P2) against what QJsonDocument writes: string escaping, integers,
// times and whole tokens must stay byte for byte the same.
class TestCliOutput : public QObject
{
    Q_OBJECT

private slots:
    void jsonStringMatchesQJsonDocument_data();
    void jsonStringMatchesQJsonDocument();
    void jsonStringAppendsAndKeepsPrefix();
    void loneSurrogatesAsQStringToUtf8();
    void jsonInteger();
    void isoOrNull();
    void tokenJsonMatchesQJsonDocument();
};

namespace {

// QJsonDocument's text for one string: ["<escaped>"] without the brackets.
QByteArray viaQJsonDocument(const QString &text)
{
    const QByteArray wrapped = QJsonDocument(QJsonArray {text}).toJson(QJsonDocument::Compact);
    return wrapped.mid(1, wrapped.size() - 2);
}

QByteArray viaAppend(const QString &text)
{
    QByteArray out;
    CliOutput::appendJsonString(out, text);
    return out;
}

} // namespace

void TestCliOutput::jsonStringMatchesQJsonDocument_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("empty") << QString();
    QTest::newRow("plain") << QStringLiteral("Seed token 4711");
    QTest::newRow("quotes and backslashes") << QStringLiteral(R"(say "hi" \ C:\path\ "")");
    QTest::newRow("slash") << QStringLiteral("a/b</script>");
    QTest::newRow("named controls") << QStringLiteral("\b\f\n\r\t");
    QString controls;
    for (char16_t c = 0; c < 0x20; ++c)
        controls += QChar(c);
    controls += QChar(0x7f);
    QTest::newRow("all controls and DEL") << controls;
    QTest::newRow("latin1") << QStringLiteral("Grüße, café");
    QTest::newRow("cjk") << QStringLiteral("令牌 トークン");
    QTest::newRow("surrogate pair") << QStringLiteral("key 🔑 and 𝄞");
    QTest::newRow("mixed runs") << QStringLiteral("ä\"b\\ü\n🔑x\u0001é");
    QTest::newRow("non-ASCII at the end") << QStringLiteral("abcé");
    QTest::newRow("escape at the end") << QStringLiteral("abc\n");
    QTest::newRow("long") << QString(QStringLiteral("0123456789abcdef\"é")).repeated(500);
}

void TestCliOutput::jsonStringMatchesQJsonDocument()
{
    QFETCH(QString, text);
    QCOMPARE(viaAppend(text), viaQJsonDocument(text));
}

void TestCliOutput::jsonStringAppendsAndKeepsPrefix()
{
    QByteArray out("prefix:");
    CliOutput::appendJsonString(out, u"a\"b");
    CliOutput::appendJsonString(out, u"");
    QCOMPARE(out, QByteArray(R"(prefix:"a\"b""")"));
}

void TestCliOutput::loneSurrogatesAsQStringToUtf8()
{
    // Unchanged behaviour: a run of non-ASCII units goes through QString::toUtf8 (which writes '?' for a
    // lone surrogate).
    const QString text = QStringLiteral("a") + QChar(char16_t(0xd800)) + QStringLiteral("b") + QChar(char16_t(0xdc00));
    QCOMPARE(viaAppend(text),
        QByteArray("\"a") + QStringView(text).mid(1, 1).toUtf8() + QByteArray("b")
            + QStringView(text).mid(3, 1).toUtf8() + QByteArray("\""));
}

void TestCliOutput::jsonInteger()
{
    const qint64 values[] = {0, 1, -1, 9, 10, 592, 21592, -100, 1234567890123, std::numeric_limits<qint64>::max(),
        std::numeric_limits<qint64>::min()};
    for (const qint64 value : values) {
        QByteArray out("x");
        CliOutput::appendJsonInteger(out, value);
        QCOMPARE(out, QByteArray("x") + QByteArray::number(value));
    }
}

void TestCliOutput::isoOrNull()
{
    const auto streamed = [](const std::optional<QDateTime> &time) {
        QByteArray out;
        CliOutput::appendJsonIsoOrNull(out, time);
        return out;
    };
    const auto reference = [](const std::optional<QDateTime> &time) {
        const QByteArray wrapped =
            QJsonDocument(QJsonArray {CliOutput::isoOrNull(time)}).toJson(QJsonDocument::Compact);
        return wrapped.mid(1, wrapped.size() - 2);
    };
    const QList<std::optional<QDateTime>> times = {std::nullopt, QDateTime(),
        UtcTime::dateTime(QDate(2026, 11, 23), QTime(14, 56, 41, 999)),
        UtcTime::dateTime(QDate(2024, 2, 29), QTime(23, 59, 59)), UtcTime::dateTime(QDate(1970, 1, 1), QTime(0, 0)),
        UtcTime::dateTime(QDate(1969, 12, 31), QTime(23, 59, 59)), UtcTime::dateTime(QDate(1, 1, 1), QTime(0, 0)),
        UtcTime::dateTime(QDate(9999, 12, 31), QTime(23, 59, 59)), UtcTime::dateTime(QDate(10000, 1, 1), QTime(0, 0)),
        QDateTime(QDate(2026, 6, 1), QTime(12, 0), QTimeZone(7200))};
    for (const auto &time : times)
        QCOMPARE(streamed(time), reference(time));
}

void TestCliOutput::tokenJsonMatchesQJsonDocument()
{
    const TestClock clock(UtcTime::dateTime(QDate(2026, 3, 4), QTime(5, 6, 7)));
    QList<Token> tokens;
    Token plain;
    plain.id = QStringLiteral("000021c7-3d21-49ec-9ca2-ccf7ad7b0858");
    plain.kind = QStringLiteral("token");
    plain.label = QStringLiteral("Seed token 90542");
    plain.subject = QStringLiteral("admin");
    plain.setRemainingLife(3593.25, clock);
    plain.lifetimeSeconds = 3600;
    tokens.append(plain);
    Token odd; // empty fields are null, except the id
    odd.label = QStringLiteral("quote \" backslash \\ tab \t é 🔑 \u0002");
    odd.created = UtcTime::dateTime(QDate(1960, 5, 6), QTime(1, 2, 3));
    odd.expires = UtcTime::dateTime(QDate(12000, 1, 1), QTime(0, 0));
    tokens.append(odd);
    Token expired;
    expired.id = QStringLiteral("e");
    expired.kind = QStringLiteral("project");
    expired.created = UtcTime::dateTime(QDate(2026, 1, 1), QTime(0, 0));
    expired.expires = UtcTime::dateTime(QDate(2026, 3, 1), QTime(0, 0));
    expired.serverSkewMs = 1500;
    tokens.append(expired);
    Token revoked = plain;
    revoked.id = QStringLiteral("r");
    revoked.revoked = clock.now();
    tokens.append(revoked);
    Token never;
    never.id = QStringLiteral("n");
    never.subject = QStringLiteral("user@example.com");
    tokens.append(never);

    QJsonArray array;
    QByteArray streamed = "[\n";
    for (qsizetype i = 0; i < tokens.size(); ++i) {
        array.append(CliCommands::tokenJson(tokens[i], clock));
        CliCommands::appendTokenJson(streamed, tokens[i], clock);
        streamed += i + 1 < tokens.size() ? ",\n" : "\n";
    }
    streamed += "]\n";
    QCOMPARE(streamed, QJsonDocument(array).toJson(QJsonDocument::Indented));
}

QTEST_GUILESS_MAIN(TestCliOutput)
#include "tst_cli_output.moc"
