#include "CliTokenPrinter.h"

#include "CliOutput.h"

#include "core/Clock.h"
#include "core/Duration.h"
#include "core/TimeText.h"

#include <QCoreApplication>

#include <cstring>

namespace {

QString tr_(const char *text)
{
    return QCoreApplication::translate("CliTokenPrinter", text);
}

QString remainingText(const Token &token, const Clock &clock)
{
    const std::optional<qint64> ms = token.remainingMs(clock);
    if (!ms)
        return QStringLiteral("-");
    return Duration::formatShort(*ms / 1000);
}

QString expiryText(const Token &token, const Clock &clock)
{
    if (token.expiryUnreported)
        return TimeText::unreportedExpiry();
    const std::optional<QDateTime> expiry = token.effectiveExpiry(clock);
    return expiry ? CliOutput::isoText(expiry) : tr_("never");
}

QString subjectText(const Token &token)
{
    return token.subject.isEmpty() ? QStringLiteral("-") : token.subject;
}

template<qsizetype N> char *writeLiteral(char *p, const char (&text)[N])
{
    std::memcpy(p, text, size_t(N - 1));
    return p + (N - 1);
}

char *writeTextOrNull(char *p, const QString &text)
{
    return text.isEmpty() ? writeLiteral(p, "null") : CliOutput::writeJsonString(p, text);
}

// One reading of the system clock for a whole listing: every token is judged at the same instant, and the
// clock (a local-time QDateTime and a monotonic read) is not asked three times per token.
class FrozenClock final : public Clock
{
public:
    explicit FrozenClock(const Clock &source)
        : m_now(source.now())
        , m_monotonicMs(source.monotonicMs())
    { }
    QDateTime now() const override { return m_now; }
    qint64 monotonicMs() const override { return m_monotonicMs; }

private:
    QDateTime m_now;
    qint64 m_monotonicMs;
};

} // namespace

QJsonObject CliTokenPrinter::tokenJson(const Token &token, const Clock &clock)
{
    QJsonObject object;
    object.insert(QStringLiteral("id"), token.id);
    object.insert(QStringLiteral("name"), CliOutput::textOrNull(token.label));
    object.insert(QStringLiteral("kind"), CliOutput::textOrNull(token.kind));
    object.insert(QStringLiteral("subject"), CliOutput::textOrNull(token.subject));
    object.insert(QStringLiteral("created_at"), CliOutput::isoOrNull(token.created));
    object.insert(QStringLiteral("expires_at"), CliOutput::isoOrNull(token.effectiveExpiry(clock)));
    const std::optional<qint64> ms = token.remainingMs(clock);
    object.insert(QStringLiteral("remaining_seconds"), ms ? QJsonValue(qint64(*ms / 1000)) : QJsonValue());
    object.insert(QStringLiteral("rotation_revokes_at"), CliOutput::isoOrNull(token.rotationDue));
    object.insert(QStringLiteral("status"), Token::statusName(token.status(clock)));
    return object;
}

void CliTokenPrinter::appendTokenJson(QByteArray &out, const Token &token, const Clock &clock)
{
    const std::optional<QDateTime> expiry = token.effectiveExpiry(clock);
    const std::optional<qint64> ms = token.remainingMs(clock);
    const QString status = Token::statusName(token.status(clock));
    // Written in place: room for the worst case (keys and indentation take 223 bytes), then cut back.
    const qsizetype room = 288 + 3 * CliOutput::IsoRoom + CliOutput::IntegerRoom
        + CliOutput::jsonStringRoom(
            token.id.size() + token.kind.size() + token.label.size() + status.size() + token.subject.size());
    const qsizetype start = out.size();
    out.resize(start + room);
    char *const begin = out.data();
    char *p = begin + start;
    // Keys in QJsonObject's sorted order, indented as inside toJson(Indented)'s top-level array.
    p = writeLiteral(p, "    {\n        \"created_at\": ");
    p = CliOutput::writeJsonIsoOrNull(p, token.created);
    p = writeLiteral(p, ",\n        \"expires_at\": ");
    p = CliOutput::writeJsonIsoOrNull(p, expiry);
    p = writeLiteral(p, ",\n        \"id\": ");
    p = CliOutput::writeJsonString(p, token.id);
    p = writeLiteral(p, ",\n        \"kind\": ");
    p = writeTextOrNull(p, token.kind);
    p = writeLiteral(p, ",\n        \"name\": ");
    p = writeTextOrNull(p, token.label);
    p = writeLiteral(p, ",\n        \"remaining_seconds\": ");
    p = ms ? CliOutput::writeJsonInteger(p, qint64(*ms / 1000)) : writeLiteral(p, "null");
    p = writeLiteral(p, ",\n        \"rotation_revokes_at\": ");
    p = CliOutput::writeJsonIsoOrNull(p, token.rotationDue);
    p = writeLiteral(p, ",\n        \"status\": ");
    p = CliOutput::writeJsonString(p, status);
    p = writeLiteral(p, ",\n        \"subject\": ");
    p = writeTextOrNull(p, token.subject);
    p = writeLiteral(p, "\n    }");
    out.resize(p - begin);
}

void CliTokenPrinter::printList(CliOutput &out, bool json, const QList<Token> &list)
{
    const FrozenClock clock(*Clock::system());
    if (json) {
        // Each token is written straight into a buffer flushed in chunks, byte for byte what
        // QJsonDocument::toJson(Indented) makes of tokenJson()'s objects (tst_cli_output compares the two).
        constexpr qsizetype chunk = 64 * 1024;
        QByteArray buffer;
        buffer.reserve(chunk + 4096);
        buffer += "[\n";
        for (qsizetype i = 0; i < list.size(); ++i) {
            appendTokenJson(buffer, list.at(i), clock);
            buffer += i + 1 < list.size() ? ",\n" : "\n";
            if (buffer.size() >= chunk) {
                out.raw(buffer);
                buffer.resize(0); // keeps the capacity
            }
        }
        buffer += "]\n";
        out.raw(buffer);
        return;
    }
    if (list.isEmpty()) {
        out.line(tr_("No tokens."));
        return;
    }
    QList<QStringList> rows;
    for (const Token &token : list) {
        rows.append({token.id, token.label, token.kind, subjectText(token), expiryText(token, clock),
            remainingText(token, clock), Token::statusName(token.status(clock))});
    }
    out.table(
        {tr_("ID"), tr_("NAME"), tr_("KIND"), tr_("SUBJECT"), tr_("EXPIRES"), tr_("REMAINING"), tr_("STATUS")}, rows);
}

void CliTokenPrinter::printOne(CliOutput &out, bool json, const Token &token, const Clock &clock)
{
    if (json) {
        out.json(tokenJson(token, clock));
        return;
    }
    out.fields({{tr_("ID"), token.id}, {tr_("Name"), token.label}, {tr_("Kind"), token.kind},
        {tr_("Subject"), subjectText(token)}, {tr_("Created"), CliOutput::isoText(token.created)},
        {tr_("Expires"), expiryText(token, clock)}, {tr_("Remaining"), remainingText(token, clock)},
        {tr_("Status"), Token::statusName(token.status(clock))}});
}
