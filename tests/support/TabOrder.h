#pragma once

#include <QAbstractButton>
#include <QApplication>
#include <QList>
#include <QStringList>
#include <QTest>
#include <QWidget>

// Tab order in dialogs. Two views of it over one notion of a tab stop:
//  - pressTabRound / focusChain press Tab in the shown, active dialog: what a keyboard user really gets (hidden
//    and disabled widgets are passed over, a table with rows keeps Tab for its cells). Prefer these.
//  - focusChainOrder reads the focus chain the form and setTabOrder() declare, disabled widgets included, for a
//    dialog where the Qt version at hand does not follow its own chain (see tst_auditlogdialog).
// Dialog forms (.ui files) and code must keep the order the user learnt.

// The widget a user sees focused: a compound widget whose focus goes to an inner editor (a date edit's line edit)
// stands for it.
inline QWidget *tabStopOf(QWidget *focused)
{
    QWidget *owner = focused ? focused->parentWidget() : nullptr;
    const bool inner = owner && owner->focusProxy() == focused && (owner->focusPolicy() & Qt::TabFocus);
    return inner ? owner : focused;
}

// Shows `dialog` and focuses `first`, then presses Tab until `steps` widgets had focus or focus comes back to
// `first`: the tab stops in order, a null entry where nothing had focus. Empty when the dialog did not become
// active.
inline QList<QWidget *> tabWalk(QWidget *dialog, QWidget *first, int steps)
{
    QList<QWidget *> stops;
    dialog->show();
    dialog->activateWindow();
    if (!QTest::qWaitForWindowActive(dialog))
        return stops;
    first->setFocus(Qt::TabFocusReason);
    QWidget *start = tabStopOf(QApplication::focusWidget());
    // A table takes one press per cell; a widget that keeps Tab for itself (a text edit) would take them all.
    for (int presses = 0; stops.size() < steps && presses < 50 * steps; ++presses) {
        QWidget *focus = QApplication::focusWidget();
        if (!focus)
            return stops << nullptr;
        QWidget *stop = tabStopOf(focus);
        if (stop == start && !stops.isEmpty() && stops.constLast() != start)
            break; // round once
        if (stops.isEmpty() || stops.constLast() != stop) // a table keeps focus while Tab walks its cells
            stops << stop;
        QTest::keyClick(focus, Qt::Key_Tab);
    }
    return stops;
}

// Whether `w` is a tab stop of `root` by the focus chain: it takes Tab focus, is shown within `root` and does not
// hand its focus on (the widget it hands it to is the stop).
inline bool isDeclaredTabStop(const QWidget *w, const QWidget *root)
{
    return (w->focusPolicy() & Qt::TabFocus) && w->isVisibleTo(root) && !w->focusProxy();
}

// The focus chain of `root` as declared, starting after `root` itself: every tab stop once, disabled ones included.
inline QList<QWidget *> focusChainOrder(QWidget *root)
{
    QList<QWidget *> chain;
    for (QWidget *w = root->nextInFocusChain(); w && w != root; w = w->nextInFocusChain()) {
        if (isDeclaredTabStop(w, root))
            chain.append(tabStopOf(w));
    }
    return chain;
}

// One round of Tab presses through `dialog`, from the first enabled tab stop of its focus chain.
inline QList<QWidget *> pressTabRound(QWidget *dialog)
{
    for (QWidget *w = dialog->nextInFocusChain(); w && w != dialog; w = w->nextInFocusChain()) {
        if (isDeclaredTabStop(w, dialog) && w->isEnabled())
            return tabWalk(dialog, w, 100);
    }
    return {};
}

// What Tab visits from `first` on, `steps` widgets long, by name: each widget's object name, or for an unnamed
// button its text.
inline QStringList focusChain(QWidget *dialog, QWidget *first, int steps)
{
    const QList<QWidget *> stops = tabWalk(dialog, first, steps);
    if (stops.isEmpty())
        return {QStringLiteral("(dialog not active)")};
    QStringList names;
    for (QWidget *stop : stops) {
        if (!stop)
            return names << QStringLiteral("(no focus)");
        const auto *button = qobject_cast<QAbstractButton *>(stop);
        names << (stop->objectName().isEmpty() && button ? button->text() : stop->objectName());
    }
    return names;
}
