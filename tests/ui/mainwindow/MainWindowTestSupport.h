#pragma once

#include <QApplication>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QWidget>

#include <functional>
#include <memory>

// Answers the next modal dialog of type Dialog (QInputDialog::getText, ExpireAllDialog::exec, ...) from inside
// its event loop: polls the top-level widgets until a visible one shows up, then runs `answer` on it once.
// Gives up after `timeoutMs` so a dialog that never opens cannot leave a timer behind forever.
template<typename Dialog> void answerNextDialog(std::function<void(Dialog *)> answer, int timeoutMs = 10000)
{
    auto *timer = new QTimer(qApp);
    timer->setInterval(10);
    auto remaining = std::make_shared<int>(timeoutMs / 10);
    QObject::connect(timer, &QTimer::timeout, qApp, [timer, remaining, answer] {
        for (QWidget *widget : QApplication::topLevelWidgets()) {
            auto *dialog = qobject_cast<Dialog *>(widget);
            if (dialog && dialog->isVisible()) {
                timer->stop();
                timer->deleteLater();
                answer(dialog);
                return;
            }
        }
        if (--*remaining <= 0) {
            timer->stop();
            timer->deleteLater();
        }
    });
    timer->start();
}

// The visible top-level (or child) widget of type W whose parent chain includes `owner`; nullptr if none.
template<typename W> W *visibleDialog(QObject *owner)
{
    const QList<W *> found = owner->findChildren<W *>();
    for (W *widget : found) {
        if (widget->isVisible())
            return widget;
    }
    return nullptr;
}
