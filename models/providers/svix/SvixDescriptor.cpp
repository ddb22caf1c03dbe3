#include "SvixDescriptor.h"

#include "SvixProvider.h"

#include <QCoreApplication>

ProviderDescriptor svixDescriptor()
{
    ProviderDescriptor descriptor;
    descriptor.id = QStringLiteral("svix");
    descriptor.displayName = QStringLiteral("Svix");
    descriptor.iconName = QStringLiteral("svix");
    // No default URL: an empty base URL means the region host chosen by the API key's suffix, as the official
    // SDKs do; pre-filling https://api.svix.com sent regional keys to the wrong region.
    descriptor.baseUrlFromSecrets = [](const QHash<QString, QString> &secrets) {
        return SvixProvider::regionBaseUrl(secrets.value(QStringLiteral("api_key")));
    };
    descriptor.emptyBaseUrlHint =
        QCoreApplication::translate("SvixDescriptor", "Empty: the API key's region (.eu, .us, ...) picks the host");
    descriptor.regionPresets.append(
        {QCoreApplication::translate("SvixDescriptor", "Global"), QUrl(QStringLiteral("https://api.svix.com"))});
    for (const char *region : {"us", "eu", "in", "ca", "au"})
        descriptor.regionPresets.append({QString::fromLatin1(region).toUpper(),
            QUrl(QStringLiteral("https://api.%1.svix.com").arg(QLatin1String(region)))});

    FieldSpec apiKey;
    apiKey.key = QStringLiteral("api_key");
    apiKey.label = QCoreApplication::translate("SvixDescriptor", "API key");
    apiKey.type = FieldSpec::Type::Secret;
    apiKey.required = true;
    apiKey.placeholder = QStringLiteral("sk_....eu");
    apiKey.toolTip = QCoreApplication::translate("SvixDescriptor",
        "The environment API key from the Svix dashboard (API Access). Its suffix (.eu, .us, ...) picks the "
        "region unless a base URL is set.");

    FieldSpec appIds;
    appIds.key = QStringLiteral("app_ids");
    appIds.label = QCoreApplication::translate("SvixDescriptor", "Applications");
    appIds.type = FieldSpec::Type::TextList;
    appIds.toolTip = QCoreApplication::translate("SvixDescriptor", "Application ids or uids you manage.");

    FieldSpec session;
    session.key = QStringLiteral("session_id");
    session.label = QCoreApplication::translate("SvixDescriptor", "Admin session id");
    session.type = FieldSpec::Type::Text;
    session.maxLength = 64;
    session.defaultValue = SvixProvider::defaultSessionId();
    session.toolTip = QCoreApplication::translate("SvixDescriptor",
        "Tags the portal tokens you mint so expire-all can target them (letters, digits, @, _ and -).");
    descriptor.accountFields = {apiKey, appIds, session};

    descriptor.capabilities = SvixProvider::staticCapabilities();
    descriptor.validateAccount = [](const Account &account) {
        QList<FieldError> errors;
        if (const auto error =
                ProviderDescriptor::checkBaseUrl(account, QStringLiteral("https://api.eu.svix.com"), false))
            errors.append(*error);
        const QString sessionId = account.options.value(QStringLiteral("session_id")).toString().trimmed();
        if (!sessionId.isEmpty() && !SvixProvider::isValidSessionId(sessionId))
            errors.append({QStringLiteral("session_id"),
                QCoreApplication::translate(
                    "SvixDescriptor", "A session id has 1 to 64 letters, digits, '@', '_' or '-'.")});
        return errors;
    };
    descriptor.create = [](const Account &account, const ProviderContext &context, QObject *parent) -> TokenProvider * {
        return new SvixProvider(account, context, parent);
    };
    return descriptor;
}
