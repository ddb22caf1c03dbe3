#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>

// RFC 6238 TOTP (HMAC-SHA-1, 30 s steps), as authenticator apps compute it. The GUI computes codes only for the
// embedded sandbox's demo MFA user, whose seed the sandbox publishes (a real account's seed is never known to
// TokenDesk); tests use it to answer MFA challenges. Written independently of the sandbox's implementation
// (app/sandbox shares no code with the clients), so a mistake cannot hide on both sides.
namespace Totp {

// RFC 4648 base32 (case-insensitive, padding and spaces ignored); empty on a bad character.
QByteArray base32Decode(const QString &text);
// RFC 4226 HOTP value of a counter, `digits` long with leading zeros.
QString hotp(const QByteArray &key, quint64 counter, int digits = 6);
// The TOTP code at `time` (Unix time / step).
QString code(const QByteArray &key, const QDateTime &time, int digits = 6, int stepSeconds = 30);
QString codeFromBase32(const QString &base32Secret, const QDateTime &time, int digits = 6);
// Seconds until the 30 s step of `time` ends and the code changes (1..30).
int secondsLeft(const QDateTime &time, int stepSeconds = 30);

} // namespace Totp
