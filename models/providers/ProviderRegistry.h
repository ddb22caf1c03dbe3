#pragma once

#include "providers/ProviderDescriptor.h"

#include <QList>

// All built-in providers. Each provider folder contributes one descriptor function, listed once in
// ProviderRegistry.cpp; nothing else in the tree enumerates providers.
class ProviderRegistry
{
public:
    static const ProviderRegistry &instance();

    QList<ProviderDescriptor> all() const { return m_descriptors; }
    const ProviderDescriptor *find(const QString &id) const;
    QStringList ids() const;

    // Creates the provider for an account; nullptr when the provider id is unknown.
    TokenProvider *create(const Account &account, const ProviderContext &context, QObject *parent) const;

private:
    ProviderRegistry();
    QList<ProviderDescriptor> m_descriptors;
};
