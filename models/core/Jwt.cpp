#include "Jwt.h"
#include "UtcTime.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QJsonValue>
#include <QLocale>

#include <cmath>

namespace {

// 9999-12-31T23:59:59Z: later (or earlier than year 1) NumericDates are treated as unreadable.
constexpr double MaxNumericDate = 253402300799.0;
constexpr double MinNumericDate = -62135596800.0;

bool isBase64UrlText(QStringView part)
{
    for (QChar c : part) {
        const char16_t u = c.unicode();
        const bool ok =
            (u >= u'A' && u <= u'Z') || (u >= u'a' && u <= u'z') || (u >= u'0' && u <= u'9') || u == u'-' || u == u'_';
        if (!ok)
            return false;
    }
    // A base64 text never has a length of 1 modulo 4.
    return part.size() % 4 != 1;
}

std::optional<QJsonObject> decodeObject(QStringView part, const char *what, QString *error)
{
    if (part.isEmpty()) {
        *error = Jwt::tr("the %1 part is empty").arg(Jwt::tr(what));
        return std::nullopt;
    }
    if (!isBase64UrlText(part)) {
        *error = Jwt::tr("the %1 part is not base64url text").arg(Jwt::tr(what));
        return std::nullopt;
    }
    const auto decoded = QByteArray::fromBase64Encoding(
        part.toLatin1(), QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded) {
        *error = Jwt::tr("the %1 part is not base64url text").arg(Jwt::tr(what));
        return std::nullopt;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(*decoded, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = Jwt::tr("the %1 part is not JSON (%2)").arg(Jwt::tr(what), parseError.errorString());
        return std::nullopt;
    }
    if (!doc.isObject()) {
        *error = Jwt::tr("the %1 part is not a JSON object").arg(Jwt::tr(what));
        return std::nullopt;
    }
    return doc.object();
}

std::optional<QDateTime> numericDate(const QJsonObject &claims, const QString &name)
{
    const QJsonValue v = claims.value(name);
    if (!v.isDouble())
        return std::nullopt;
    const double seconds = v.toDouble();
    if (!std::isfinite(seconds) || seconds > MaxNumericDate || seconds < MinNumericDate)
        return std::nullopt;
    return UtcTime::fromMSecs(qint64(std::llround(seconds * 1000.0)));
}

QString dateText(const QDateTime &dt)
{
    return dt.toUTC().toString(Qt::ISODate);
}

} // namespace

Jwt Jwt::decode(const QString &token)
{
    Jwt jwt;
    if (token.size() > MaxInputBytes) {
        jwt.m_error = Jwt::tr("the token is too large (more than %1 KiB)").arg(MaxInputBytes / 1024);
        return jwt;
    }
    const QString trimmed = token.trimmed();
    if (trimmed.isEmpty()) {
        jwt.m_error = Jwt::tr("empty token");
        return jwt;
    }
    const QStringView view(trimmed);
    const qsizetype firstDot = view.indexOf(u'.');
    const qsizetype secondDot = firstDot < 0 ? -1 : view.indexOf(u'.', firstDot + 1);
    if (firstDot < 0 || secondDot < 0 || view.indexOf(u'.', secondDot + 1) >= 0) {
        jwt.m_error = Jwt::tr("a JWT has three parts separated by dots");
        return jwt;
    }
    const QStringView headerPart = view.first(firstDot);
    const QStringView claimsPart = view.sliced(firstDot + 1, secondDot - firstDot - 1);
    const QStringView signaturePart = view.sliced(secondDot + 1);

    QString error;
    const auto header = decodeObject(headerPart, QT_TRANSLATE_NOOP("Jwt", "header"), &error);
    if (!header) {
        jwt.m_error = error;
        return jwt;
    }
    const auto claims = decodeObject(claimsPart, QT_TRANSLATE_NOOP("Jwt", "claims"), &error);
    if (!claims) {
        jwt.m_error = error;
        return jwt;
    }
    if (!signaturePart.isEmpty() && !isBase64UrlText(signaturePart)) {
        jwt.m_error = Jwt::tr("the signature part is not base64url text");
        return jwt;
    }
    jwt.m_header = *header;
    jwt.m_claims = *claims;
    jwt.m_error.clear();
    return jwt;
}

QString Jwt::algorithm() const
{
    return m_header.value(QStringLiteral("alg")).toString();
}

std::optional<QDateTime> Jwt::expiresAt() const
{
    return numericDate(m_claims, QStringLiteral("exp"));
}

std::optional<QDateTime> Jwt::issuedAt() const
{
    return numericDate(m_claims, QStringLiteral("iat"));
}

std::optional<QDateTime> Jwt::notBefore() const
{
    return numericDate(m_claims, QStringLiteral("nbf"));
}

QString Jwt::id() const
{
    return stringClaim(QStringLiteral("jti"));
}

QString Jwt::subject() const
{
    return stringClaim(QStringLiteral("sub"));
}

QString Jwt::stringClaim(const QString &name) const
{
    const QJsonValue v = m_claims.value(name);
    if (v.isString())
        return v.toString();
    if (v.isDouble()) {
        const double d = v.toDouble();
        if (std::isfinite(d) && d == std::trunc(d) && std::abs(d) < 9e15)
            return QString::number(qint64(d));
        return QString::number(d);
    }
    return {};
}

QStringList Jwt::warnings(const QDateTime &now) const
{
    QStringList out;
    if (!isValid())
        return out;
    if (algorithm().compare(QStringLiteral("none"), Qt::CaseInsensitive) == 0)
        out.append(Jwt::tr("the token is not signed (alg \"none\"): anyone can forge it"));
    else if (algorithm().isEmpty())
        out.append(Jwt::tr("the header names no algorithm (alg)"));

    const auto exp = expiresAt();
    const auto iat = issuedAt();
    const auto nbf = notBefore();
    if (m_claims.contains(QStringLiteral("exp")) && !exp)
        out.append(Jwt::tr("the exp claim is not a valid date"));
    else if (!exp)
        out.append(Jwt::tr("the token has no expiry (exp): it never expires"));
    if (exp && iat && *exp < *iat)
        out.append(Jwt::tr("exp (%1) is before iat (%2)").arg(dateText(*exp), dateText(*iat)));
    if (exp && nbf && *nbf > *exp)
        out.append(Jwt::tr("nbf (%1) is after exp (%2): the token is never valid").arg(dateText(*nbf), dateText(*exp)));
    if (exp && now.isValid() && *exp <= now)
        out.append(Jwt::tr("the token expired at %1").arg(dateText(*exp)));
    return out;
}
