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
    descriptor.accountFields = {token};

    descriptor.capabilities = MagicBellProvider::staticCapabilities();
    descriptor.validateAccount = [](const Account &account) {
        QList<FieldError> errors;
        if (const auto error = ProviderDescriptor::checkBaseUrl(
                account.baseUrl, QStringLiteral("https://api.magicbell.com/v2"), false))
            errors.append(*error);
        return errors;
    };
    descriptor.create = [](const Account &account, const ProviderContext &context, QObject *parent) -> TokenProvider * {
        return new MagicBellProvider(account, context, parent);
    };
    return descriptor;
}
