#include "ProviderIconDelegate.h"

#include "Icons.h"
#include "items/TokenListModel.h"

ProviderIconDelegate::ProviderIconDelegate(ProviderOf providerOf, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_providerOf(std::move(providerOf))
{ }

QIcon ProviderIconDelegate::iconFor(const QString &providerId) const
{
    return Icons::provider(providerId);
}

void ProviderIconDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    if (!m_providerOf)
        return;
    const QString providerId = m_providerOf(index.data(TokenListModel::AccountIdRole).toUuid());
    if (providerId.isEmpty())
        return;
    option->icon = iconFor(providerId);
    option->features |= QStyleOptionViewItem::HasDecoration;
    option->decorationSize = option->decorationSize.isValid() ? option->decorationSize : QSize(16, 16);
}
