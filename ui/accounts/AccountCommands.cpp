#include "AccountCommands.h"

#include "AccountController.h"
#include "AccountDialog.h"
#include "Confirmer.h"
#include "core/Async.h"
#include "window/ErrorPresenter.h"

AccountCommands::AccountCommands(AccountController *controller, ErrorPresenter *errors, QWidget *window)
    : QObject(window)
    , m_controller(controller)
    , m_errors(errors)
    , m_window(window)
{ }

void AccountCommands::addAccount()
{
    auto *dialog = new AccountDialog(m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const Account account = dialog->account();
        Async::then(m_controller->addAccount(account, dialog->secrets()), this, [this, account](Result<Done> result) {
            if (!result.ok())
                m_errors->handleError(account.id, result.error(), tr("Saving the account"));
        });
        emit added(account.id);
        if (!m_controller->account(account.id))
            m_errors->setLastError(m_controller->lastError());
    });
    dialog->open();
}

void AccountCommands::editAccount(const QUuid &id)
{
    const std::optional<Account> account = m_controller->account(id);
    if (!account)
        return;
    auto *dialog = new AccountDialog(*account, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const Account edited = dialog->account();
        emit resetting(edited.id);
        Async::then(m_controller->updateAccount(edited, dialog->secrets()), this, [this, edited](Result<Done> result) {
            if (!result.ok())
                m_errors->handleError(edited.id, result.error(), tr("Saving the account"));
            emit this->edited(edited.id);
        });
    });
    dialog->open();
}

void AccountCommands::removeAccount(const QUuid &id)
{
    const std::optional<Account> account = m_controller->account(id);
    if (!account)
        return;
    if (!Confirmer::confirm(m_window, tr("Remove Account"),
            tr("Remove the account “%1”? Its stored credentials are deleted from the keychain. Tokens on the "
               "service are not revoked.")
                .arg(account->name),
            {}))
        return;
    emit resetting(id);
    emit removing(id);
    Async::then(m_controller->removeAccount(id), this, [this, id](Result<Done> result) {
        if (!result.ok())
            m_errors->handleError(id, result.error(), tr("Removing the account"));
    });
}
