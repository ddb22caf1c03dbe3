#include "SpecterWire.h"

#include "net/WireJson.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>

#include <algorithm>
#include <charconv>
#include <string_view>
#include <vector>

namespace SpecterWire {

namespace {

ApiError malformed(const QString &details)
{
    return WireJson::malformed(QStringLiteral("Specter"), details);
}

using WireJson::parseObject;

// Seconds beyond this (about 3170 years, Duration's own cap) are read as this, so the millisecond arithmetic
// of remaining life cannot overflow on a server's absurd number (found by fuzz_specter_wire).
constexpr double MaxSeconds = 1e11;

// A required number of seconds (int or float), clamped to [0, MaxSeconds]: remaining life is 0 once expired.
bool readNumber(const QJsonObject &object, const QString &key, double *out, QString *problem)
{
    const QJsonValue value = object.value(key);
    if (!value.isDouble()) {
        *problem = key + QStringLiteral(" is missing or not a number");
        return false;
    }
    *out = std::clamp(value.toDouble(), 0.0, MaxSeconds);
    return true;
}

bool readString(const QJsonObject &object, const QString &key, QString *out, QString *problem)
{
    const QJsonValue value = object.value(key);
    if (!value.isString()) {
        *problem = key + QStringLiteral(" is missing or not a string");
        return false;
    }
    *out = value.toString();
    return true;
}

} // namespace

Result<QList<ListedToken>> parseListGeneric(const QByteArray &body)
{
    QString problem;
    const auto object = parseObject(body, &problem);
    if (!object)
        return malformed(problem);
    const QJsonValue tokensValue = object->value(QLatin1String("jwt_tokens"));
    if (!tokensValue.isObject())
        return malformed(QStringLiteral("jwt_tokens is missing or not an object"));
    const QJsonObject tokens = tokensValue.toObject();
    QList<ListedToken> result;
    result.reserve(tokens.size());
    for (auto it = tokens.constBegin(); it != tokens.constEnd(); ++it) {
        if (!it.value().isObject())
            return malformed(QStringLiteral("a jwt_tokens entry is not an object"));
        const QJsonObject entry = it.value().toObject();
        ListedToken token;
        token.id = it.key();
        if (token.id.isEmpty())
            return malformed(QStringLiteral("a jwt_tokens entry has an empty id"));
        if (!readString(entry, QStringLiteral("jwt_token_description"), &token.description, &problem)
            || !readNumber(entry, QStringLiteral("jwt_token_life"), &token.lifeSeconds, &problem)
            || !readNumber(entry, QStringLiteral("jwt_token_remaining_life"), &token.remainingSeconds, &problem))
            return malformed(problem);
        result.append(token);
    }
    return result;
}

namespace {

// The one-pass reader behind parseListFast(). Every "fail" (nullopt) means "not the documented shape, let
// QJsonDocument decide", never "malformed": parseListGeneric() gives the error, with its details.
class FastListReader
{
public:
    explicit FastListReader(const QByteArray &body)
        : m_p(body.constData())
        , m_end(body.constData() + body.size())
    { }

    std::optional<QList<ListedToken>> read()
    {
        skipSpace();
        if (!eat('{'))
            return std::nullopt;
        bool haveTokens = false;
        skipSpace();
        if (m_p < m_end && *m_p == '}')
            return std::nullopt; // no jwt_tokens
        for (;;) {
            QByteArrayView key;
            if (!readPlainKey(&key))
                return std::nullopt;
            if (key == QByteArrayView("jwt_tokens")) {
                if (haveTokens || !readTokens()) // a repeated key: QJsonObject keeps the last one
                    return std::nullopt;
                haveTokens = true;
            } else if (!skipScalar()) {
                return std::nullopt;
            }
            skipSpace();
            if (eat(','))
                continue;
            if (eat('}'))
                break;
            return std::nullopt;
        }
        skipSpace();
        if (m_p != m_end || !haveTokens)
            return std::nullopt;
        if (!sortByKey())
            return std::nullopt;
        return std::move(m_tokens);
    }

private:
    // JSON whitespace, as QJsonDocument's parser skips it.
    void skipSpace()
    {
        while (m_p < m_end && (*m_p == ' ' || *m_p == '\n' || *m_p == '\r' || *m_p == '\t'))
            ++m_p;
    }

    bool eat(char c)
    {
        if (m_p < m_end && *m_p == c) {
            ++m_p;
            return true;
        }
        return false;
    }

    static bool isPlain(char c) { return c >= 0x20 && c < 0x7f && c != '"' && c != '\\'; }

    // A member name (after optional whitespace) in printable ASCII without escapes, and its ':'.
    bool readPlainKey(QByteArrayView *key)
    {
        skipSpace();
        if (!eat('"'))
            return false;
        const char *start = m_p;
        while (m_p < m_end && isPlain(*m_p))
            ++m_p;
        if (m_p == m_end || *m_p != '"')
            return false;
        *key = QByteArrayView(start, m_p - start);
        ++m_p;
        skipSpace();
        if (!eat(':'))
            return false;
        skipSpace();
        return true;
    }

    static int hexValue(char c)
    {
        if (c >= '0' && c <= '9')
            return c - '0';
        if (c >= 'a' && c <= 'f')
            return c - 'a' + 10;
        if (c >= 'A' && c <= 'F')
            return c - 'A' + 10;
        return -1;
    }

    // A string value: printable ASCII, the two-character escapes and \uXXXX outside the surrogates.
    bool readString(QString *out)
    {
        if (!eat('"'))
            return false;
        const char *start = m_p;
        while (m_p < m_end && isPlain(*m_p))
            ++m_p;
        if (m_p < m_end && *m_p == '"') {
            if (out)
                *out = QString::fromLatin1(start, m_p - start);
            ++m_p;
            return true;
        }
        QString text = QString::fromLatin1(start, m_p - start);
        while (m_p < m_end && *m_p != '"') {
            const char c = *m_p;
            if (isPlain(c)) {
                text += QLatin1Char(c);
                ++m_p;
                continue;
            }
            if (c != '\\' || m_end - m_p < 2)
                return false;
            const char escaped = m_p[1];
            m_p += 2;
            switch (escaped) {
            case '"':
            case '\\':
            case '/':
                text += QLatin1Char(escaped);
                break;
            case 'b':
                text += QLatin1Char('\b');
                break;
            case 'f':
                text += QLatin1Char('\f');
                break;
            case 'n':
                text += QLatin1Char('\n');
                break;
            case 'r':
                text += QLatin1Char('\r');
                break;
            case 't':
                text += QLatin1Char('\t');
                break;
            case 'u': {
                if (m_end - m_p < 4)
                    return false;
                char16_t unit = 0;
                for (int i = 0; i < 4; ++i) {
                    const int digit = hexValue(m_p[i]);
                    if (digit < 0)
                        return false;
                    unit = char16_t(unit * 16 + digit);
                }
                if (unit >= 0xd800 && unit <= 0xdfff)
                    return false;
                text += QChar(unit);
                m_p += 4;
                break;
            }
            default:
                return false;
            }
        }
        if (!eat('"'))
            return false;
        if (out)
            *out = std::move(text);
        return true;
    }

    // A number in strict JSON syntax without an exponent (so it cannot overflow or underflow), as the double
    // QJsonValue::toDouble() gives for it: correctly rounded, and +0 for every zero.
    bool readNumber(double *out)
    {
        const char *start = m_p;
        eat('-');
        const char *digits = m_p;
        if (!eat('0')) {
            while (m_p < m_end && *m_p >= '0' && *m_p <= '9')
                ++m_p;
        }
        const qsizetype intDigits = m_p - digits;
        if (intDigits == 0 || intDigits > 18)
            return false;
        qsizetype fracDigits = 0;
        if (eat('.')) {
            const char *frac = m_p;
            while (m_p < m_end && *m_p >= '0' && *m_p <= '9')
                ++m_p;
            fracDigits = m_p - frac;
            if (fracDigits == 0 || fracDigits > 30)
                return false;
        }
        if (m_p == m_end || *m_p == 'e' || *m_p == 'E')
            return false;
        // Exact when the significant digits fit in 15 and the scale in 22: one correctly rounded division.
        quint64 mantissa = 0;
        int significant = 0;
        for (const char *c = digits; c < m_p; ++c) {
            if (*c == '.')
                continue;
            if (significant == 0 && *c == '0')
                continue;
            mantissa = mantissa * 10 + quint64(*c - '0');
            if (++significant > 15)
                break;
        }
        double value;
        if (significant <= 15 && fracDigits <= 22) {
            static constexpr double powers[] = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12,
                1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
            value = double(mantissa) / powers[fracDigits];
        } else {
#if defined(__cpp_lib_to_chars) && __cpp_lib_to_chars >= 201611L
            const auto parsed = std::from_chars(digits, m_p, value);
            if (parsed.ec != std::errc() || parsed.ptr != m_p)
                return false;
#else
            bool ok = false;
            value = QByteArray::fromRawData(digits, m_p - digits).toDouble(&ok);
            if (!ok)
                return false;
#endif
        }
        if (value == 0)
            value = 0; // QJsonDocument stores every zero as the integer 0
        else if (*start == '-')
            value = -value;
        *out = value;
        return true;
    }

    // A string, number, true, false or null whose value nobody reads.
    bool skipScalar()
    {
        if (m_p == m_end)
            return false;
        const auto literal = [this](QByteArrayView word) {
            if (QByteArrayView(m_p, m_end - m_p).startsWith(word)) {
                m_p += word.size();
                return true;
            }
            return false;
        };
        switch (*m_p) {
        case '"':
            return readString(nullptr);
        case 't':
            return literal("true");
        case 'f':
            return literal("false");
        case 'n':
            return literal("null");
        default: {
            double ignored;
            return readNumber(&ignored);
        }
        }
    }

    bool readTokens()
    {
        if (!eat('{'))
            return false;
        m_tokens.reserve(qsizetype((m_end - m_p) / 100));
        skipSpace();
        if (eat('}'))
            return true;
        for (;;) {
            QByteArrayView id;
            if (!readPlainKey(&id) || id.isEmpty() || !eat('{'))
                return false;
            ListedToken token;
            bool haveDescription = false, haveLife = false, haveRemaining = false;
            skipSpace();
            if (eat('}'))
                return false; // required fields missing
            for (;;) {
                QByteArrayView key;
                if (!readPlainKey(&key))
                    return false;
                // A repeated key: the last one counts, as in QJsonObject.
                if (key == QByteArrayView("jwt_token_description")) {
                    if (!readString(&token.description))
                        return false;
                    haveDescription = true;
                } else if (key == QByteArrayView("jwt_token_life")) {
                    if (!readNumber(&token.lifeSeconds))
                        return false;
                    haveLife = true;
                } else if (key == QByteArrayView("jwt_token_remaining_life")) {
                    if (!readNumber(&token.remainingSeconds))
                        return false;
                    haveRemaining = true;
                } else if (!skipScalar()) {
                    return false;
                }
                skipSpace();
                if (eat(','))
                    continue;
                if (eat('}'))
                    break;
                return false;
            }
            if (!haveDescription || !haveLife || !haveRemaining)
                return false;
            token.lifeSeconds = std::clamp(token.lifeSeconds, 0.0, MaxSeconds);
            token.remainingSeconds = std::clamp(token.remainingSeconds, 0.0, MaxSeconds);
            token.id = QString::fromLatin1(id.data(), id.size());
            m_keys.push_back(id);
            m_tokens.append(std::move(token));
            skipSpace();
            if (eat(','))
                continue;
            if (eat('}'))
                return true;
            return false;
        }
    }

    // QJsonObject iterates its keys sorted (plain ASCII here, so byte order); a repeated id is left to it.
    bool sortByKey()
    {
        const auto less = [](QByteArrayView a, QByteArrayView b) {
            return std::string_view(a.data(), size_t(a.size())) < std::string_view(b.data(), size_t(b.size()));
        };
        bool sorted = true;
        for (size_t i = 1; i < m_keys.size(); ++i) {
            if (!less(m_keys[i - 1], m_keys[i])) {
                sorted = false;
                break;
            }
        }
        if (sorted)
            return true;
        // Sorted on the first 8 bytes as one number (ids are UUIDs: that settles almost every comparison),
        // then on the whole key. Not stable: equal keys are refused below anyway.
        struct Entry
        {
            quint64 prefix;
            qsizetype index;
        };
        std::vector<Entry> order(m_keys.size());
        for (size_t i = 0; i < order.size(); ++i) {
            const QByteArrayView key = m_keys[i];
            quint64 prefix = 0;
            for (qsizetype b = 0; b < 8; ++b)
                prefix = (prefix << 8) | (b < key.size() ? quint64(uchar(key[b])) : 0);
            order[i] = {prefix, qsizetype(i)};
        }
        std::sort(order.begin(), order.end(), [this, &less](const Entry &a, const Entry &b) {
            if (a.prefix != b.prefix)
                return a.prefix < b.prefix;
            return less(m_keys[size_t(a.index)], m_keys[size_t(b.index)]);
        });
        for (size_t i = 1; i < order.size(); ++i) {
            if (!less(m_keys[size_t(order[i - 1].index)], m_keys[size_t(order[i].index)]))
                return false; // a repeated id
        }
        QList<ListedToken> sortedTokens;
        sortedTokens.reserve(m_tokens.size());
        for (const Entry &entry : order)
            sortedTokens.append(std::move(m_tokens[entry.index]));
        m_tokens = std::move(sortedTokens);
        return true;
    }

    const char *m_p;
    const char *const m_end;
    QList<ListedToken> m_tokens;
    std::vector<QByteArrayView> m_keys;
};

} // namespace

Result<QList<ListedToken>> parseList(const QByteArray &body)
{
    if (auto fast = parseListFast(body))
        return std::move(*fast);
    return parseListGeneric(body);
}

std::optional<QList<ListedToken>> parseListFast(const QByteArray &body)
{
    return FastListReader(body).read();
}

Result<TokenDetails> parseDetails(const QByteArray &body)
{
    QString problem;
    const auto object = parseObject(body, &problem);
    if (!object)
        return malformed(problem);
    TokenDetails details;
    QString status;
    if (!readString(*object, QStringLiteral("jwt_token_description"), &details.description, &problem)
        || !readNumber(*object, QStringLiteral("jwt_token_life"), &details.lifeSeconds, &problem)
        || !readNumber(*object, QStringLiteral("jwt_token_life_remaining"), &details.remainingSeconds, &problem)
        || !readString(*object, QStringLiteral("expiry_status"), &status, &problem))
        return malformed(problem);
    if (status != QLatin1String("Valid") && status != QLatin1String("Expired"))
        return malformed(QStringLiteral("expiry_status is neither Valid nor Expired"));
    details.expired = status == QLatin1String("Expired");
    return details;
}

Result<CreatedInfo> parseCreated(const QByteArray &body)
{
    QString problem;
    const auto object = parseObject(body, &problem);
    if (!object)
        return malformed(problem);
    CreatedInfo info;
    if (!readString(*object, QStringLiteral("jwt_token_id"), &info.id, &problem)
        || !readString(*object, QStringLiteral("jwt_token"), &info.token, &problem))
        return malformed(problem);
    if (info.id.isEmpty() || info.token.isEmpty())
        return malformed(QStringLiteral("jwt_token_id or jwt_token is empty"));
    // Echoed fields are informative; tolerate their absence.
    info.description = object->value(QLatin1String("jwt_token_description")).toString();
    info.lifeSeconds = std::clamp(object->value(QLatin1String("jwt_token_life")).toDouble(), 0.0, MaxSeconds);
    return info;
}

QByteArray buildCreateBody(const QString &description, const QString &lifeText)
{
    const QJsonObject object {
        {QStringLiteral("jwt_token_description"), description}, {QStringLiteral("jwt_token_life"), lifeText}};
    return WireJson::compact(object);
}

bool isEmptyListBody(const QByteArray &body)
{
    const QJsonDocument document = QJsonDocument::fromJson(body);
    // The one place a message string is matched: the contract documents this exact body for "no tokens".
    return document.isObject()
        && document.object().value(QLatin1String("message")).toString() == QLatin1String("Tokens does not exist");
}

bool isApiOffBody(const QByteArray &body)
{
    const QJsonDocument document = QJsonDocument::fromJson(body);
    return document.isObject() && document.object().contains(QLatin1String("error"));
}

} // namespace SpecterWire
