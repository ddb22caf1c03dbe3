#pragma once

#include <QAbstractButton>
#include <QApplication>
#include <QStringList>
#include <QTest>
#include <QWidget>

// What Tab visits in a shown dialog, from `first` on, `steps` widgets long: each widget's object name, or for an
// unnamed button its text. Dialog forms (.ui files) and code must keep the order the user learnt.
inline QStringList focusChain(QWidget *dialog, QWidget *first, int steps)
{
    QStringList names;
    dialog->activateWindow();
    if (!QTest::qWaitForWindowActive(dialog))
        return {QStringLiteral("(dialog not active)")};
    first->setFocus(Qt::TabFocusReason);
    for (int i = 0; i < steps; ++i) {
        QWidget *focus = QApplication::focusWidget();
        if (!focus)
            return names << QStringLiteral("(no focus)");
        const auto *button = qobject_cast<QAbstractButton *>(focus);
        names << (focus->objectName().isEmpty() && button ? button->text() : focus->objectName());
        QTest::keyClick(focus, Qt::Key_Tab);
    }
    return names;
}
