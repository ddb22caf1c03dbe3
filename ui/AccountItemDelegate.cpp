#include "AccountItemDelegate.h"

#include "Icons.h"
#include "items/AccountListModel.h"
#include "items/StatusPalette.h"

#include <QApplication>
#include <QIcon>
#include <QPainter>

QColor AccountItemDelegate::subtitleColor(const QModelIndex &index, const QPalette &palette)
{
    switch (AccountListModel::StatusTone(index.data(AccountListModel::StatusToneRole).toInt())) {
    case AccountListModel::StatusTone::Error:
        return StatusPalette::color(StatusPalette::Role::Error, palette);
    case AccountListModel::StatusTone::Attention:
        return StatusPalette::color(StatusPalette::Role::Warning, palette);
    case AccountListModel::StatusTone::Neutral:
        break;
    }
    return StatusPalette::color(StatusPalette::Role::Subtle, palette);
}

AccountItemDelegate::AccountItemDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{ }

void AccountItemDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    if (index.data(AccountListModel::IsGroupRole).toBool()) {
        option->icon = Icons::provider(index.data(AccountListModel::ProviderIdRole).toString());
        option->features |= QStyleOptionViewItem::HasDecoration;
        option->font.setBold(true);
    }
}

QSize AccountItemDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    if (!index.data(AccountListModel::StatusTextRole).toString().isEmpty())
        size.rheight() += option.fontMetrics.height();
    return size;
}

void AccountItemDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    paintItem(painter, option, index);
    paintBadge(painter, option, index.data(AccountListModel::BadgeRole).toString());
}

void AccountItemDelegate::paintBadge(QPainter *painter, const QStyleOptionViewItem &option, const QString &badge)
{
    // A warning the account carries (plain http), at the right edge, in the error colour.
    if (badge.isEmpty())
        return;
    QFont small = option.font;
    small.setPointSizeF(small.pointSizeF() * 0.85);
    small.setBold(true);
    const QFontMetrics metrics(small);
    const int width = metrics.horizontalAdvance(badge) + 8;
    const int height = metrics.height() + 2;
    const QRect box(
        option.rect.right() - width - 4, option.rect.top() + (option.rect.height() - height) / 2, width, height);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(Qt::NoPen);
    painter->setBrush(QColor(0xb0, 0x00, 0x20));
    painter->drawRoundedRect(box, 3, 3);
    painter->setFont(small);
    painter->setPen(Qt::white);
    painter->drawText(box, Qt::AlignCenter, badge);
    painter->restore();
}

void AccountItemDelegate::paintItem(
    QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const QString status = index.data(AccountListModel::StatusTextRole).toString();
    if (status.isEmpty()) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QString name = opt.text;
    opt.text.clear();
    QStyle *style = opt.widget ? opt.widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, opt.widget);

    const QRect text = style->subElementRect(QStyle::SE_ItemViewItemText, &opt, opt.widget).adjusted(2, 0, -2, 0);
    const int line = opt.fontMetrics.height();
    const bool selected = opt.state.testFlag(QStyle::State_Selected);
    painter->save();
    painter->setPen(opt.palette.color(selected ? QPalette::HighlightedText : QPalette::Text));
    painter->drawText(QRect(text.left(), text.top() + (text.height() - 2 * line) / 2, text.width(), line),
        Qt::AlignLeft | Qt::AlignVCenter, opt.fontMetrics.elidedText(name, Qt::ElideRight, text.width()));
    QFont small = opt.font;
    small.setPointSizeF(small.pointSizeF() * 0.85);
    painter->setFont(small);
    // PlaceholderText is ~3:1 on most palettes; the subtitle is text people read, so AA contrast (StatusPalette),
    // coloured by its tone: a neutral state (not signed in) is not an error.
    painter->setPen(selected ? opt.palette.color(QPalette::HighlightedText) : subtitleColor(index, opt.palette));
    painter->drawText(QRect(text.left(), text.top() + (text.height() - 2 * line) / 2 + line, text.width(), line),
        Qt::AlignLeft | Qt::AlignVCenter, QFontMetrics(small).elidedText(status, Qt::ElideRight, text.width()));
    painter->restore();
}
