#include "CliOutput.h"
#include "CliTokenPrinter.h"
#include "HostileText.h"
#include "core/Clock.h"
#include "core/Token.h"
#include "core/UntrustedText.h"
#include "core/UtcTime.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonValue>
#include <QTimeZone>
#include <QtTest>

#include <cstdio>
#include <limits>

// The streamed `tokens --json` against what QJsonDocument writes: string escaping, integers,
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
    void hostileJsonIsExact_data();
    void hostileJsonIsExact();
    void hostileTable();
    void hostileFields();
    void hostileFailAndNote();
    void hostileLineAndLines();
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

// A CliOutput writing to temporary files instead of stdout and stderr, and what it wrote.
class CapturedOutput
{
public:
    CapturedOutput()
        : m_out(std::tmpfile())
        , m_err(std::tmpfile())
        , m_output(m_out, m_err)
    { }
    ~CapturedOutput()
    {
        std::fclose(m_out);
        std::fclose(m_err);
    }
    CapturedOutput(const CapturedOutput &) = delete;
    CapturedOutput &operator=(const CapturedOutput &) = delete;

    CliOutput &output() { return m_output; }
    QByteArray out() const { return read(m_out); }
    QByteArray err() const { return read(m_err); }

private:
    static QByteArray read(std::FILE *file)
    {
        std::rewind(file);
        QByteArray bytes;
        char buffer[4096];
        size_t n;
        while ((n = std::fread(buffer, 1, sizeof buffer, file)) > 0)
            bytes.append(buffer, qsizetype(n));
        std::fseek(file, 0, SEEK_END);
        return bytes;
    }
    std::FILE *m_out;
    std::FILE *m_err;
    CliOutput m_output;
};

// Lines of terminal output, each ended by LF; fails the test on a missing final LF.
QList<QByteArray> outputLines(const QByteArray &bytes)
{
    if (!bytes.isEmpty() && !bytes.endsWith('\n'))
        return {"(no final line break)"};
    QList<QByteArray> lines = bytes.split('\n');
    lines.removeLast();
    return lines;
}

void verifyNoTerminalControl(const QByteArray &bytes)
{
    QVERIFY(!bytes.contains('\x1b'));
    QVERIFY(!bytes.contains('\x07'));
    QVERIFY(!bytes.contains('\r'));
    QVERIFY2(HostileText::firstRawHazardInUtf8(bytes).isEmpty(), HostileText::firstRawHazardInUtf8(bytes).constData());
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
        array.append(CliTokenPrinter::tokenJson(tokens[i], clock));
        CliTokenPrinter::appendTokenJson(streamed, tokens[i], clock);
        streamed += i + 1 < tokens.size() ? ",\n" : "\n";
    }
    streamed += "]\n";
    QCOMPARE(streamed, QJsonDocument(array).toJson(QJsonDocument::Indented));
}

void TestCliOutput::hostileJsonIsExact_data()
{
    QTest::addColumn<QString>("text");
    for (const auto &[name, text] : HostileText::rows()) {
        if (!text.contains(QChar(0xD800))) // not valid UTF-8: no JSON writer can keep it
            QTest::newRow(name.constData()) << text;
    }
}

void TestCliOutput::hostileJsonIsExact()
{
    // --json is for scripts: the exact value, escaped by JSON rules only, and never shortened.
    QFETCH(QString, text);
    const QByteArray streamed = viaAppend(text);
    QCOMPARE(streamed, viaQJsonDocument(text));
    const QJsonDocument parsed = QJsonDocument::fromJson("[" + streamed + "]");
    QCOMPARE(parsed.array().at(0).toString(), text);
    CapturedOutput captured;
    captured.output().json(QJsonArray {text});
    QCOMPARE(QJsonDocument::fromJson(captured.out()).array().at(0).toString(), text);
}

void TestCliOutput::hostileTable()
{
    QList<QStringList> rows;
    for (const auto &[name, text] : HostileText::rows())
        rows.append({QString::fromUtf8(name), text, QStringLiteral("tail")});
    CapturedOutput captured;
    captured.output().table({QStringLiteral("ID"), QStringLiteral("NAME"), QStringLiteral("LAST")}, rows);
    const QByteArray out = captured.out();
    verifyNoTerminalControl(out);
    const QList<QByteArray> lines = outputLines(out);
    QCOMPARE(lines.size(), rows.size() + 1); // the header and one line per row: no forged row
    // Every row still ends with its last cell: no cell swallowed or moved the rest of its row.
    for (qsizetype i = 1; i < lines.size(); ++i)
        QVERIFY2(lines[i].endsWith("  tail"), lines[i].left(200).constData());
    // The cap: no line is longer than the widest three cells allow.
    for (const QByteArray &line : lines)
        QVERIFY(QString::fromUtf8(line).size() <= 3 * UntrustedText::CellCap + 4);
    QVERIFY(out.contains("evil\\e]0;pwned\\x07\\e[2J\\e[31mRED\\nFAKE-ROW"));
    QVERIFY(captured.err().isEmpty());
}

void TestCliOutput::hostileFields()
{
    QList<QPair<QString, QString>> pairs;
    for (const auto &[name, text] : HostileText::rows())
        pairs.append({QStringLiteral("Name"), text});
    pairs.append({HostileText::terminalAttack(), QStringLiteral("a hostile key")});
    CapturedOutput captured;
    captured.output().fields(pairs);
    const QByteArray out = captured.out();
    verifyNoTerminalControl(out);
    QCOMPARE(outputLines(out).size(), pairs.size());
}

void TestCliOutput::hostileFailAndNote()
{
    CapturedOutput captured;
    for (const auto &[name, text] : HostileText::rows())
        QCOMPARE(captured.output().fail(3, QStringLiteral("Create failed: Server: %1").arg(text)), 3);
    captured.output().note(QStringLiteral("warning: %1\n").arg(HostileText::terminalAttack()));
    captured.output().note(QStringLiteral("MFA passcode for %1: ").arg(HostileText::terminalAttack()));
    const QByteArray err = captured.err();
    verifyNoTerminalControl(err);
    const QList<QByteArray> lines = outputLines(err + '\n'); // the prompt has no line break of its own
    QCOMPARE(lines.size(), HostileText::rows().size() + 2);
    for (qsizetype i = 0; i < HostileText::rows().size(); ++i)
        QVERIFY(lines[i].startsWith("tokendesk-cli: Create failed: Server: "));
    QVERIFY(lines.last().endsWith(": "));
    QCOMPARE(captured.output().failureCount(), HostileText::rows().size());
    QVERIFY(captured.out().isEmpty());
}

void TestCliOutput::hostileLineAndLines()
{
    CapturedOutput captured;
    captured.output().line(QStringLiteral("Created token \"%1\".").arg(HostileText::terminalAttack()));
    // Our own multi-line text keeps its lines; what is inside each is escaped.
    captured.output().lines(QStringLiteral("{\n    \"name\": \"a\u202Eb\u001b\"\n}"));
    // Not shortened: a created token's value is printed on its own line and must be complete.
    const QString value(3000, QLatin1Char('v'));
    captured.output().line(value);
    const QByteArray out = captured.out();
    verifyNoTerminalControl(out);
    const QList<QByteArray> lines = outputLines(out);
    QCOMPARE(lines.size(), 1 + 3 + 1);
    QCOMPARE(lines[2], QByteArray(R"(    "name": "a\u202eb\e")"));
    QCOMPARE(lines.last(), value.toUtf8());
}

QTEST_GUILESS_MAIN(TestCliOutput)
#include "tst_cli_output.moc"
