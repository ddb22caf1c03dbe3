#pragma once

#include <QMetaType>
#include <QString>
#include <QUrl>
#include <QUuid>
#include <QVariantMap>

// One configured service account. Holds no secret: secrets live in the OS keychain under secretKey().
struct Account
{
    QUuid id;
    QString name;
    QString providerId; // "specter", "magicbell", "netsapiens", "svix"
    QUrl baseUrl;
    QVariantMap options; // non-secret provider options (username, client id, app ids, region override, ...)

    bool isValid() const { return !id.isNull() && !providerId.isEmpty(); }

    // Keychain key of a secret field: "TokenDesk/<account-uuid>/<field>".
    QString secretKey(const QString &field) const;
    static QString secretKey(const QUuid &accountId, const QString &field);

    friend bool operator==(const Account &, const Account &) = default;
};

Q_DECLARE_METATYPE(Account)
