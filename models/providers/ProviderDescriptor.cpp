#include "ProviderDescriptor.h"

#include "net/ApiClient.h"

#include <QCoreApplication>

QStringList ProviderDescriptor::secretFields() const
{
    QStringList fields;
    for (const FieldSpec &field : accountFields) {
        if (field.type == FieldSpec::Type::Secret)
            fields.append(field.key);
    }
    return fields;
}

QStringList ProviderDescriptor::keychainFields() const
{
    QStringList fields = secretFields();
    for (const QString &field : storedSecrets) {
        if (!fields.contains(field))
            fields.append(field);
    }
    return fields;
}

std::optional<FieldError> ProviderDescriptor::checkBaseUrl(
    const Account &account, const QString &example, bool required)
{
    const QUrl &url = account.baseUrl;
    if (url.isEmpty() && !required)
        return std::nullopt;
    const bool web = url.scheme() == QLatin1String("https") || url.scheme() == QLatin1String("http");
    if (url.isValid() && !url.host().isEmpty() && web) {
        // The same rule ApiClient enforces on every request, said when the account is saved.
        if (url.scheme() == QLatin1String("http") && !allowsPlainHttp(account)) {
            return FieldError {QStringLiteral("baseUrl"),
                QCoreApplication::translate("ProviderDescriptor",
                    "Use https: plain http is only allowed for this computer (localhost, 127.0.0.1), or to a host "
                    "you allow it for (\"Allow plain http to this host\", --option allow_http=HOST).")};
        }
        return std::nullopt;
    }
    return FieldError {QStringLiteral("baseUrl"),
        QCoreApplication::translate("ProviderDescriptor", "Enter a web address such as %1.").arg(example)};
}

QUrl ProviderDescriptor::effectiveBaseUrl(const Account &account, const QHash<QString, QString> &secrets) const
{
    if (!account.baseUrl.isEmpty())
        return account.baseUrl;
    if (baseUrlFromSecrets)
        return baseUrlFromSecrets(secrets);
    return defaultBaseUrl;
}

bool ProviderDescriptor::allowsPlainHttp(const Account &account)
{
    const QString host = account.baseUrl.host();
    if (ApiClient::isLoopbackHost(host))
        return true;
    const QString allowed = account.options.value(QLatin1String(TokenProvider::AllowHttpOption)).toString().trimmed();
    return !allowed.isEmpty() && allowed.compare(host, Qt::CaseInsensitive) == 0;
}
