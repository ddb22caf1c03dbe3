#include "RemainingLifeDelegate.h"

#include "core/Token.h"
#include "items/StatusPalette.h"
#include "items/TokenListModel.h"

#include <QApplication>
#include <QPainter>
#include <QStyle>

namespace {

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Base).lightness() < 128;
}

QColor barColor(const QPalette &palette, Token::Status status)
{
    const bool dark = isDark(palette);
    switch (status) {
    case Token::Status::Expiring:
        return dark ? QColor(0xF0, 0x9A, 0x2C) : QColor(0xE0, 0x7B, 0x00);
    case Token::Status::Expired:
        return dark ? QColor(0xEF, 0x53, 0x50) : QColor(0xC6, 0x28, 0x28);
    case Token::Status::Revoked:
        return palette.color(QPalette::Disabled, QPalette::Text);
    case Token::Status::Active:
        break;
    }
    return palette.color(QPalette::Highlight);
}

} // namespace

RemainingLifeDelegate::RemainingLifeDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{ }

RemainingLifeDelegate::~RemainingLifeDelegate() = default;

void RemainingLifeDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QString text = opt.text;
    opt.text.clear();
    const QWidget *widget = opt.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    // Background, selection and focus as the style draws them, without the text.
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

    const QVariant statusData = index.data(TokenListModel::StatusRole);
    const auto status = statusData.isValid() ? Token::Status(statusData.toInt()) : Token::Status::Active;
    const QVariant fractionData = index.data(TokenListModel::LifeFractionRole);
    const QColor color = barColor(opt.palette, status);

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing, true);
    const QRect bar = opt.rect.adjusted(3, 3, -3, -3);
    if (fractionData.isValid() && bar.width() > 2 && bar.height() > 2) {
        double fraction = qBound(0.0, fractionData.toDouble(), 1.0);
        if (status == Token::Status::Expired)
            fraction = 0.0;
        const QRectF track = QRectF(bar).adjusted(0.5, 0.5, -0.5, -0.5);
        QColor trackFill = color;
        trackFill.setAlpha(40);
        QColor border = color;
        border.setAlpha(status == Token::Status::Expired ? 220 : 120);
        painter->setPen(QPen(border, 1));
        painter->setBrush(trackFill);
        painter->drawRoundedRect(track, 3, 3);
        if (fraction > 0) {
            QRectF filled = track;
            filled.setWidth(track.width() * fraction);
            QColor fill = color;
            fill.setAlpha(status == Token::Status::Revoked ? 110 : 170);
            painter->setPen(Qt::NoPen);
            painter->setBrush(fill);
            painter->drawRoundedRect(filled, 3, 3);
        }
    }

    if (!text.isEmpty()) {
        QFont font = opt.font;
        if (status == Token::Status::Revoked)
            font.setStrikeOut(true);
        painter->setFont(font);
        QColor textColor = opt.palette.color(QPalette::Text);
        if (opt.state.testFlag(QStyle::State_Selected))
            textColor = opt.palette.color(QPalette::HighlightedText);
        // The bar's colour is a fill; text needs AA contrast (StatusPalette), which the bar's hue may not have.
        if (status == Token::Status::Revoked)
            textColor = StatusPalette::color(StatusPalette::Role::Revoked, opt.palette);
        else if (status == Token::Status::Expired)
            textColor = StatusPalette::color(StatusPalette::Role::Expired, opt.palette);
        painter->setPen(textColor);
        const QRect textRect = opt.rect.adjusted(6, 0, -6, 0);
        painter->drawText(textRect, Qt::AlignVCenter | Qt::AlignHCenter | Qt::TextSingleLine,
            opt.fontMetrics.elidedText(text, Qt::ElideRight, textRect.width()));
    }
    painter->restore();
}

QSize RemainingLifeDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    size.setWidth(qMax(size.width(), 110));
    size.setHeight(qMax(size.height(), option.fontMetrics.height() + 8));
    return size;
}
