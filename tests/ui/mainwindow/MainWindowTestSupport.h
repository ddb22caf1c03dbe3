#pragma once

#include "CreateTokenDialog.h"
#include "FieldForm.h"
#include "MainWindow.h"
#include "RevealDialog.h"
#include "WindowTestSteps.h"

#include <QDialogButtonBox>
#include <QPushButton>
#include <QTest>
#include <QVariantMap>

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

using WindowTestSteps::findVisible;

// Opens New Token on `window`, picks `kind`, fills `values` and presses OK; returns the reveal dialog that opens
// once the token is created, or nullptr (kind not offered, form not submittable, no reveal within 15 s).
inline RevealDialog *createThroughDialog(MainWindow *window, const QString &kind, const QVariantMap &values)
{
    window->newToken();
    auto *dialog = findVisible<CreateTokenDialog>(window);
    if (!dialog)
        return nullptr;
    dialog->setCurrentKind(kind);
    if (dialog->currentKind() != kind)
        return nullptr;
    for (auto it = values.cbegin(); it != values.cend(); ++it)
        dialog->currentForm()->setValue(it.key(), it.value());
    if (!dialog->canSubmit())
        return nullptr;
    WindowTestSteps::okButton(dialog)->click();
    // The dialog closes itself once the token is created and the reveal dialog opens.
    if (!QTest::qWaitFor([window] { return findVisible<RevealDialog>(window) != nullptr; }, 15000))
        return nullptr;
    return findVisible<RevealDialog>(window);
}
