#include "ProviderIconDelegate.h"

#include "items/TokenListModel.h"

#include <QFile>

ProviderIconDelegate::ProviderIconDelegate(ProviderOf providerOf, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_providerOf(std::move(providerOf))
{ }

QIcon ProviderIconDelegate::iconFor(const QString &providerId) const
{
    auto it = m_icons.constFind(providerId);
    if (it != m_icons.constEnd())
        return it.value();
    const QString path = QStringLiteral(":/icons/providers/%1.svg").arg(providerId);
    const QIcon icon(QFile::exists(path) ? path : QStringLiteral(":/icons/providers/generic.svg"));
    m_icons.insert(providerId, icon);
    return icon;
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
