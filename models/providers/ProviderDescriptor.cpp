#include "ProviderDescriptor.h"

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
