#include "NetSapiensDescriptor.h"

#include "NetSapiensProvider.h"

#include <QCoreApplication>

namespace {

FieldSpec field(const char *key, const QString &label, FieldSpec::Type type, bool required, const QString &toolTip = {})
{
    FieldSpec spec;
    spec.key = QLatin1String(key);
    spec.label = label;
    spec.type = type;
    spec.required = required;
    spec.toolTip = toolTip;
    return spec;
}

} // namespace

ProviderDescriptor netsapiensDescriptor()
{
    ProviderDescriptor descriptor;
    descriptor.id = QStringLiteral("netsapiens");
    descriptor.displayName = QStringLiteral("NetSapiens");
    descriptor.iconName = QStringLiteral("netsapiens");
    // No default: the spec's server "ns-api.com" is a placeholder (servers[0].variables.server.default); every
    // operator runs its own host, https://{server}/ns-api/v2, so the account must name it.

    FieldSpec username = field("username", QCoreApplication::translate("NetSapiensDescriptor", "User name"),
        FieldSpec::Type::Text, true,
        QCoreApplication::translate("NetSapiensDescriptor", "Your login, usually user@domain such as 1000@example."));
    username.placeholder = QStringLiteral("1000@example");
    FieldSpec clientId = field("client_id", QCoreApplication::translate("NetSapiensDescriptor", "Client id"),
        FieldSpec::Type::Text, false,
        QCoreApplication::translate("NetSapiensDescriptor", "The OAuth client id issued to you by NetSapiens."));
    FieldSpec password = field(
        "password", QCoreApplication::translate("NetSapiensDescriptor", "Password"), FieldSpec::Type::Secret, true);
    FieldSpec clientSecret = field("client_secret",
        QCoreApplication::translate("NetSapiensDescriptor", "Client secret"), FieldSpec::Type::Secret, false);
    FieldSpec apiKey =
        field("api_key", QCoreApplication::translate("NetSapiensDescriptor", "API key"), FieldSpec::Type::Secret, false,
            QCoreApplication::translate("NetSapiensDescriptor",
                "Optional: a full API key (nsd_..., 60 characters) to create delegated tokens."));
    FieldSpec keep = field("keep_signed_in", QCoreApplication::translate("NetSapiensDescriptor", "Keep me signed in"),
        FieldSpec::Type::Boolean, false,
        QCoreApplication::translate(
            "NetSapiensDescriptor", "Store the session in the keychain so TokenDesk stays signed in after a restart."));
    keep.defaultValue = false;
    descriptor.accountFields = {username, clientId, password, clientSecret, apiKey, keep};
    // The provider keeps the session and refresh JWTs in the keychain when "keep me signed in" is ticked.
    descriptor.storedSecrets = {QStringLiteral("session"), QStringLiteral("refresh")};

    descriptor.capabilities = NetSapiensProvider::staticCapabilities();
    descriptor.validateAccount = [](const Account &account) {
        QList<FieldError> errors;
        if (const auto error =
                ProviderDescriptor::checkBaseUrl(account, QStringLiteral("https://pbx.example.com/ns-api/v2"), true))
            errors.append(*error);
        if (account.options.value(QStringLiteral("username")).toString().trimmed().isEmpty())
            errors.append({QStringLiteral("username"),
                QCoreApplication::translate("NetSapiensDescriptor", "Enter the NetSapiens user name.")});
        return errors;
    };
    descriptor.create = [](const Account &account, const ProviderContext &context, QObject *parent) -> TokenProvider * {
        return new NetSapiensProvider(account, context, parent);
    };
    return descriptor;
}
