#pragma once

#include <QList>
#include <QWidget>

// The widgets Tab visits in a window, in order, starting after the window itself: what a keyboard user walks
// through. Hidden widgets and widgets that take no Tab focus are left out; disabled ones stay in. A compound
// widget whose focus goes to an inner editor (a date edit's line edit) is listed once, as itself.
inline QList<QWidget *> tabChain(QWidget *window)
{
    QList<QWidget *> chain;
    for (QWidget *w = window->nextInFocusChain(); w && w != window; w = w->nextInFocusChain()) {
        if (!(w->focusPolicy() & Qt::TabFocus) || !w->isVisibleTo(window) || w->focusProxy())
            continue;
        QWidget *owner = w->parentWidget();
        const bool inner = owner && owner->focusProxy() == w && (owner->focusPolicy() & Qt::TabFocus);
        chain.append(inner ? owner : w);
    }
    return chain;
}
