#pragma once

#include <QIcon>
#include <QStyledItemDelegate>
#include <QUuid>

#include <functional>

// Draws the provider's icon in front of the account name (the all-accounts table's Account column). The
// row's account comes from TokenListModel::AccountIdRole; `providerOf` maps it to a provider id.
class ProviderIconDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using ProviderOf = std::function<QString(const QUuid &accountId)>;
    explicit ProviderIconDelegate(ProviderOf providerOf, QObject *parent = nullptr);

    // The icon shown for a provider id (":/icons/providers/<id>.svg", else the generic one).
    QIcon iconFor(const QString &providerId) const;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;

private:
    ProviderOf m_providerOf;
};
