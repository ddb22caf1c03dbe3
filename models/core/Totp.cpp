#include "Totp.h"

#include <QCryptographicHash>
#include <QMessageAuthenticationCode>

namespace Totp {

QByteArray base32Decode(const QString &text)
{
    QByteArray out;
    quint64 buffer = 0;
    int bits = 0;
    for (const QChar c : text) {
        if (c == QLatin1Char('=') || c.isSpace())
            continue;
        const char ch = char(c.toUpper().toLatin1());
        int value = -1;
        if (ch >= 'A' && ch <= 'Z')
            value = ch - 'A';
        else if (ch >= '2' && ch <= '7')
            value = 26 + (ch - '2');
        if (value < 0)
            return {};
        buffer = (buffer << 5) | quint64(value);
        bits += 5;
        while (bits >= 8) {
            bits -= 8;
            out.append(char((buffer >> bits) & 0xff));
        }
    }
    return out;
}

QString hotp(const QByteArray &key, quint64 counter, int digits)
{
    QByteArray message(8, '\0');
    for (int i = 7; i >= 0; --i) {
        message[i] = char(counter & 0xff);
        counter >>= 8;
    }
    const QByteArray mac = QMessageAuthenticationCode::hash(message, key, QCryptographicHash::Sha1);
    const int offset = mac.at(19) & 0x0f;
    const quint32 value = ((quint32(quint8(mac.at(offset))) & 0x7f) << 24) | (quint32(quint8(mac.at(offset + 1))) << 16)
        | (quint32(quint8(mac.at(offset + 2))) << 8) | quint32(quint8(mac.at(offset + 3)));
    quint64 modulo = 1;
    for (int i = 0; i < digits; ++i)
        modulo *= 10;
    return QString::number(value % modulo).rightJustified(digits, QLatin1Char('0'));
}

QString code(const QByteArray &key, const QDateTime &time, int digits, int stepSeconds)
{
    return hotp(key, quint64(time.toSecsSinceEpoch() / stepSeconds), digits);
}

QString codeFromBase32(const QString &base32Secret, const QDateTime &time, int digits)
{
    return code(base32Decode(base32Secret), time, digits);
}

int secondsLeft(const QDateTime &time, int stepSeconds)
{
    return int(stepSeconds - (time.toSecsSinceEpoch() % stepSeconds));
}

} // namespace Totp
