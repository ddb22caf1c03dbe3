#include "SpecterDescriptor.h"

#include "SpecterProvider.h"

#include <QCoreApplication>

ProviderDescriptor specterDescriptor()
{
    ProviderDescriptor descriptor;
    descriptor.id = QStringLiteral("specter");
    descriptor.displayName = QStringLiteral("Specter Desktop");
    descriptor.iconName = QStringLiteral("specter");
    descriptor.defaultBaseUrl = QUrl(QStringLiteral("http://127.0.0.1:25441"));

    FieldSpec username;
    username.key = QStringLiteral("username");
    username.label = QCoreApplication::translate("SpecterDescriptor", "User name");
    username.type = FieldSpec::Type::Text;
    username.required = true;
    username.placeholder = QStringLiteral("admin");

    FieldSpec password;
    password.key = QStringLiteral("password");
    password.label = QCoreApplication::translate("SpecterDescriptor", "Password");
    password.type = FieldSpec::Type::Secret;
    password.required = true;
    password.toolTip = QCoreApplication::translate(
        "SpecterDescriptor", "The Specter login password; sent with HTTP Basic on every call.");
    descriptor.accountFields = {username, password};

    descriptor.capabilities = SpecterProvider::staticCapabilities();
    descriptor.validateAccount = [](const Account &account) {
        QList<FieldError> errors;
        if (const auto error =
                ProviderDescriptor::checkBaseUrl(account, QStringLiteral("http://127.0.0.1:25441"), true))
            errors.append(*error);
        if (account.options.value(QStringLiteral("username")).toString().trimmed().isEmpty()) {
            errors.append({QStringLiteral("username"),
                QCoreApplication::translate("SpecterDescriptor", "Enter the Specter user name.")});
        }
        return errors;
    };
    descriptor.create = [](const Account &account, const ProviderContext &context, QObject *parent) -> TokenProvider * {
        return new SpecterProvider(account, context, parent);
    };
    return descriptor;
}
