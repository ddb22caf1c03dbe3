#pragma once

#include <QStyledItemDelegate>

// Paints the remaining-life column: a horizontal bar filled to TokenListModel::LifeFractionRole with the
// display text on top. Colours follow the palette (highlight for normal life, an orange for expiring, red
// with an empty bar for expired, grey with struck-out text for revoked); no bar when the fraction is unknown
// (never expires). Works with light and dark palettes.
class RemainingLifeDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    explicit RemainingLifeDelegate(QObject *parent = nullptr);
    ~RemainingLifeDelegate() override;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};
