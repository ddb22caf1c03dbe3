#include "MagicBellDescriptor.h"

#include "MagicBellProvider.h"

#include <QCoreApplication>

ProviderDescriptor magicbellDescriptor()
{
    ProviderDescriptor descriptor;
    descriptor.id = QStringLiteral("magicbell");
    descriptor.displayName = QStringLiteral("MagicBell");
    descriptor.iconName = QStringLiteral("magicbell");
    descriptor.defaultBaseUrl = QUrl(QStringLiteral("https://api.magicbell.com/v2"));
    descriptor.regionPresets = {
        {QCoreApplication::translate("MagicBellDescriptor", "MagicBell cloud"), descriptor.defaultBaseUrl}};

    FieldSpec token;
    token.key = QStringLiteral("token");
    token.label = QCoreApplication::translate("MagicBellDescriptor", "Project token (JWT)");
    token.type = FieldSpec::Type::Secret;
    token.required = true;
    token.placeholder = QStringLiteral("eyJhbGciOi...");
    token.toolTip = QCoreApplication::translate("MagicBellDescriptor",
        "A project JWT from the MagicBell dashboard (Settings, Access Tokens). It is sent as a Bearer token.");

    // What MagicBell documents today for user authentication: the customer signs user JWTs (HS256) with the
    // project's secret key, naming the project's API key. Both are optional: only signing user tokens needs them.
    FieldSpec secretKey;
    secretKey.key = QStringLiteral("secret_key");
    secretKey.label = QCoreApplication::translate("MagicBellDescriptor", "Project secret key");
    secretKey.type = FieldSpec::Type::Secret;
    secretKey.toolTip = QCoreApplication::translate("MagicBellDescriptor",
        "The project's secret key (MagicBell dashboard, User Auth). TokenDesk signs user tokens with it; it is "
        "never sent anywhere.");
    FieldSpec apiKey;
    apiKey.key = QStringLiteral("project_api_key");
    apiKey.label = QCoreApplication::translate("MagicBellDescriptor", "Project API key");
    apiKey.type = FieldSpec::Type::Text;
    apiKey.toolTip = QCoreApplication::translate("MagicBellDescriptor",
        "The project's API key (MagicBell dashboard, API Keys). User tokens signed by TokenDesk name it.");
    descriptor.accountFields = {token, secretKey, apiKey};

    descriptor.capabilities = MagicBellProvider::staticCapabilities();
    descriptor.validateAccount = [](const Account &account) {
        QList<FieldError> errors;
        if (const auto error =
                ProviderDescriptor::checkBaseUrl(account, QStringLiteral("https://api.magicbell.com/v2"), false))
            errors.append(*error);
        return errors;
    };
    descriptor.create = [](const Account &account, const ProviderContext &context, QObject *parent) -> TokenProvider * {
        return new MagicBellProvider(account, context, parent);
    };
    return descriptor;
}
