#pragma once

#include <QCoreApplication>

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

// Decodes a JWT's header and claims without verifying the signature (an inspector, not a validator).
class Jwt
{
    Q_DECLARE_TR_FUNCTIONS(Jwt)

public:
    static Jwt decode(const QString &token);

    bool isValid() const { return m_error.isEmpty(); }
    QString error() const { return m_error; }

    QJsonObject header() const { return m_header; }
    QJsonObject claims() const { return m_claims; }
    QString algorithm() const;

    std::optional<QDateTime> expiresAt() const; // exp
    std::optional<QDateTime> issuedAt() const; // iat
    std::optional<QDateTime> notBefore() const; // nbf
    QString id() const; // jti
    QString subject() const; // sub
    QString stringClaim(const QString &name) const;

    // Warnings for people: alg none, missing exp, exp before iat, nbf after exp, expired.
    QStringList warnings(const QDateTime &now = QDateTime::currentDateTimeUtc()) const;

    // Inputs above this size are refused before decoding.
    static constexpr qsizetype MaxInputBytes = 64 * 1024;

private:
    QJsonObject m_header;
    QJsonObject m_claims;
    QString m_error = QStringLiteral("empty token");
};
