#pragma once

#include "core/FieldSpec.h"
#include "providers/TokenProvider.h"

#include <QHash>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrl>

#include <functional>
#include <optional>

// Static facts about a service, and the factory for its per-account provider. One per provider folder.
struct ProviderDescriptor
{
    QString id; // "specter"
    QString displayName; // "Specter Desktop"
    QString iconName; // resource name under :/icons/providers/
    QUrl defaultBaseUrl;
    QList<QPair<QString, QUrl>> regionPresets; // label -> base URL
    QList<FieldSpec> accountFields; // options (Text/Url/...) and secrets (FieldSpec::Type::Secret)
    // Secrets the provider itself persists through TokenProvider::secretChanged (a kept session JWT, a refresh
    // token); not asked for in dialogs, but read back with the account's secrets and removed with the account.
    QStringList storedSecrets;
    TokenProvider::Capabilities capabilities;
    // Where an account with an empty base URL goes, chosen from its secrets (Svix: the API key's region). When
    // set, an empty base URL is a valid choice, "from the key", and the default; emptyBaseUrlHint says so.
    std::function<QUrl(const QHash<QString, QString> &secrets)> baseUrlFromSecrets;
    QString emptyBaseUrlHint;
    // Checks a new or edited account (URL shape, required options); empty = fine.
    std::function<QList<FieldError>(const Account &)> validateAccount;
    std::function<TokenProvider *(const Account &, const ProviderContext &, QObject *parent)> create;

    // True when an account must name its server: no default and none chosen from the secrets (NetSapiens: every
    // operator has its own host). Svix's empty URL means "from the key" and is not a missing one.
    bool needsBaseUrl() const { return defaultBaseUrl.isEmpty() && !baseUrlFromSecrets; }
    QStringList secretFields() const; // the Secret-typed account fields
    QStringList keychainFields() const;
    // The URL the account's requests go to: its base URL when set, else the one its secrets choose, else
    // defaultBaseUrl.
    QUrl effectiveBaseUrl(const Account &account, const QHash<QString, QString> &secrets) const;

    // The base-URL check every descriptor's validateAccount starts with: http(s) with a host, and https unless
    // the host is loopback or the account allows plain http to it. An empty URL is fine unless `required` (the
    // provider then uses its default). The message names `example`.
    static std::optional<FieldError> checkBaseUrl(const Account &account, const QString &example, bool required);
    // Whether the account's base URL may use plain http: a loopback host, or the host its "allow_http" names.
    static bool allowsPlainHttp(const Account &account);
};
