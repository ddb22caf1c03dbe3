#pragma once

// Steps the window tests share (header-only: they link tokendesk_ui, the support library does not).
#include "AccountController.h"
#include "AwaitFuture.h"
#include "CreateRequests.h"
#include "MainWindow.h"

#include "core/Token.h"
#include "providers/AccountSession.h"

#include <QDialogButtonBox>
#include <QPushButton>
#include <QSignalSpy>

namespace WindowTestSteps {

// The first visible widget of type T under `parent` (dialogs closed with WA_DeleteOnClose linger until deleted).
template<typename T> T *findVisible(const QObject *parent)
{
    const QList<T *> widgets = parent->findChildren<T *>();
    for (T *widget : widgets) {
        if (widget->isVisible())
            return widget;
    }
    return nullptr;
}

// The OK button of a dialog's button box; null when it has none.
inline QPushButton *okButton(const QWidget *dialog)
{
    auto *box = dialog->findChild<QDialogButtonBox *>();
    return box ? box->button(QDialogButtonBox::Ok) : nullptr;
}

// Selects the account, refreshes it and waits (up to 15 s) for its refresh to end as `expectOk` says.
inline bool refreshAccount(MainWindow *window, const QUuid &id, bool expectOk = true)
{
    QSignalSpy refreshed(window, &MainWindow::refreshed);
    window->selectAccount(id);
    window->refresh();
    for (int i = 0; i < 300; ++i) {
        for (const QList<QVariant> &args : std::as_const(refreshed)) {
            if (args.at(0).toUuid() == id && args.at(1).toBool() == expectOk)
                return true;
        }
        refreshed.wait(50);
    }
    return false;
}

// Creates a Specter token in account `id` through its session, as the New Token dialog would; empty on failure.
inline Token createSpecterToken(
    AccountController *controller, const QUuid &id, const QString &description, const QString &lifetime)
{
    const auto prepared = awaitFuture(controller->prepare(id));
    if (!prepared || !prepared->ok())
        return {};
    CreateRequest request = CreateRequests::specterToken(description, lifetime);
    const auto created = awaitFuture(controller->session(id)->create(request));
    if (!created || !created->ok())
        return {};
    return created->value().token;
}

} // namespace WindowTestSteps
