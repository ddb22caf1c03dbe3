#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QDateTime>
#include <QString>

#include <optional>

class Jwt;

// What TokenDesk keeps of a token value so it can recognise the value later (identify, leak scan) without
// keeping it: a keyed fingerprint (HMAC-SHA256 under a key that lives in the keychain, so the ledger alone
// cannot be used to test guesses, unlike a plain hash), the first and last 4 characters for people to compare
// with what they see, and the JWT's own id and expiry where the value is a JWT.
struct TokenFingerprint
{
    QString mac; // lower-case hex HMAC-SHA256 of the UTF-8 value; empty when there was no key or no value
    QString head; // first 4 characters; empty for values under 16 characters (4 + 4 would give away too much)
    QString tail; // last 4 characters, same rule
    QString jwtId; // jti, or Specter's jwt_token_id; empty when the value is not a JWT or has none
    std::optional<QDateTime> expires; // the JWT's exp (UTC)

    bool isValid() const { return !mac.isEmpty(); }

    // Fingerprints `value` (trimmed of surrounding white space) under `key`. `key` must not be empty.
    static TokenFingerprint of(const QByteArray &key, const QString &value);
    // The HMAC alone, on bytes as they were found (the leak scanner works on file bytes).
    static QString macOf(const QByteArray &key, QByteArrayView value);
    // The id a JWT names itself by: `jti` (NetSapiens, MagicBell, most issuers) or `jwt_token_id` (Specter).
    static QString jwtIdOf(const Jwt &jwt);
    // "eyJh…x9Q" from head and tail; empty when they are.
    QString shortForm() const;

    // Bytes of a key made for fingerprints.
    static constexpr int KeyBytes = 32;
    static constexpr int MinimumLengthForEnds = 16;
};
