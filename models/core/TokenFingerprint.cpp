#include "TokenFingerprint.h"

#include "Jwt.h"

#include <QCryptographicHash>
#include <QMessageAuthenticationCode>

TokenFingerprint TokenFingerprint::of(const QByteArray &key, const QString &value)
{
    TokenFingerprint fingerprint;
    const QString trimmed = value.trimmed();
    if (key.isEmpty() || trimmed.isEmpty())
        return fingerprint;
    QByteArray bytes = trimmed.toUtf8();
    fingerprint.mac = macOf(key, bytes);
    bytes.fill('\0');
    if (trimmed.size() >= MinimumLengthForEnds) {
        fingerprint.head = trimmed.left(4);
        fingerprint.tail = trimmed.right(4);
    }
    if (trimmed.size() <= Jwt::MaxInputBytes && trimmed.count(QLatin1Char('.')) == 2) {
        const Jwt jwt = Jwt::decode(trimmed);
        if (jwt.isValid()) {
            fingerprint.jwtId = jwtIdOf(jwt);
            fingerprint.expires = jwt.expiresAt();
        }
    }
    return fingerprint;
}

QString TokenFingerprint::macOf(const QByteArray &key, QByteArrayView value)
{
    QMessageAuthenticationCode code(QCryptographicHash::Sha256, key);
    code.addData(value.data(), value.size());
    return QString::fromLatin1(code.result().toHex());
}

QString TokenFingerprint::jwtIdOf(const Jwt &jwt)
{
    const QString jti = jwt.id();
    if (!jti.isEmpty())
        return jti;
    return jwt.stringClaim(QStringLiteral("jwt_token_id"));
}

QString TokenFingerprint::shortForm() const
{
    if (head.isEmpty() || tail.isEmpty())
        return {};
    return head + QChar(0x2026) + tail;
}
