#pragma once

#include <QStyledItemDelegate>

// Sidebar rows: provider groups with the provider's icon; accounts with their status text (signed in,
// session expiry, keychain warning, last error) on a second, smaller line, and a badge (plain http) on the right.
class AccountItemDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    explicit AccountItemDelegate(QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    // The colour of an account's status line after its tone (AccountListModel::StatusToneRole), AA on `palette`.
    static QColor subtitleColor(const QModelIndex &index, const QPalette &palette);

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;

private:
    void paintItem(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const;
    static void paintBadge(QPainter *painter, const QStyleOptionViewItem &option, const QString &badge);
};
