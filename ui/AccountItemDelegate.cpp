#include "AccountItemDelegate.h"

#include "items/AccountListModel.h"

#include <QApplication>
#include <QFile>
#include <QIcon>
#include <QPainter>

AccountItemDelegate::AccountItemDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{ }

void AccountItemDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    if (index.data(AccountListModel::IsGroupRole).toBool()) {
        const QString path =
            QStringLiteral(":/icons/providers/%1.svg").arg(index.data(AccountListModel::ProviderIdRole).toString());
        option->icon = QIcon(QFile::exists(path) ? path : QStringLiteral(":/icons/providers/generic.svg"));
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
    painter->setPen(opt.palette.color(selected ? QPalette::HighlightedText : QPalette::PlaceholderText));
    painter->drawText(QRect(text.left(), text.top() + (text.height() - 2 * line) / 2 + line, text.width(), line),
        Qt::AlignLeft | Qt::AlignVCenter, QFontMetrics(small).elidedText(status, Qt::ElideRight, text.width()));
    painter->restore();
}
