#include "ProviderRegistry.h"

// Provider descriptors: one include and one line per provider folder.
// PROVIDER-INCLUDES (keep this marker)
#include "providers/magicbell/MagicBellDescriptor.h"
#include "providers/netsapiens/NetSapiensDescriptor.h"
#include "providers/specter/SpecterDescriptor.h"
#include "providers/svix/SvixDescriptor.h"

const ProviderRegistry &ProviderRegistry::instance()
{
    static const ProviderRegistry registry;
    return registry;
}

ProviderRegistry::ProviderRegistry()
{
    // PROVIDER-DESCRIPTORS (keep this marker)
    m_descriptors << specterDescriptor();
    m_descriptors << magicbellDescriptor();
    m_descriptors << svixDescriptor();
    m_descriptors << netsapiensDescriptor();
}

const ProviderDescriptor *ProviderRegistry::find(const QString &id) const
{
    for (const ProviderDescriptor &descriptor : m_descriptors) {
        if (descriptor.id == id)
            return &descriptor;
    }
    return nullptr;
}

QStringList ProviderRegistry::ids() const
{
    QStringList result;
    for (const ProviderDescriptor &descriptor : m_descriptors)
        result.append(descriptor.id);
    return result;
}

TokenProvider *ProviderRegistry::create(const Account &account, const ProviderContext &context, QObject *parent) const
{
    const ProviderDescriptor *descriptor = find(account.providerId);
    if (!descriptor || !descriptor->create)
        return nullptr;
    return descriptor->create(account, context, parent);
}
