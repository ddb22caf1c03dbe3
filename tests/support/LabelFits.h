#pragma once

#include <QLabel>
#include <QString>

// Whether a label shows all of its text where its layout put it: it is at least as wide as its sizeHint and, word
// wrapped, as tall as its text needs at that width (its sizeHint height at the sizeHint's width). Empty when it
// fits; otherwise what does not, for the test's message.
inline QString labelOverflow(const QLabel *label)
{
    const QSize hint = label->sizeHint();
    const QRect geometry = label->geometry();
    const int needed = label->hasHeightForWidth() ? label->heightForWidth(geometry.width()) : hint.height();
    if (label->isHidden())
        return QStringLiteral("%1 is hidden").arg(label->objectName());
    if (hint.width() > geometry.width() || needed > geometry.height()) {
        return QStringLiteral("%1: sizeHint %2x%3 (needs height %4) but geometry %5x%6")
            .arg(label->objectName())
            .arg(hint.width())
            .arg(hint.height())
            .arg(needed)
            .arg(geometry.width())
            .arg(geometry.height());
    }
    return {};
}
