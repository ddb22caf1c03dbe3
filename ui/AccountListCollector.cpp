#include "AccountListCollector.h"

#include "AccountController.h"
#include "core/Async.h"
#include "providers/AccountSession.h"
#include "workflows/AccountTokens.h"

#include <QTimer>

AccountListCollector::AccountListCollector(AccountController *controller, QObject *parent)
    : QObject(parent)
    , m_controller(controller)
{ }

void AccountListCollector::start(const QList<QUuid> &accounts)
{
    m_order.clear();
    m_listed.clear();
    m_notChecked.clear();
    if (accounts.isEmpty()) {
        for (const Account &account : m_controller->accounts())
            m_order.append(account.id);
    } else {
        m_order = accounts;
    }
    QList<QUuid> usable;
    for (const QUuid &id : std::as_const(m_order)) {
        const std::optional<Account> account = m_controller->account(id);
        if (!account)
            continue;
        if (!m_controller->session(id)) {
            m_notChecked.append(
                {account->name, tr("the provider “%1” is not part of this build").arg(account->providerId)});
            continue;
        }
        usable.append(id);
    }
    m_pending = int(usable.size());
    if (m_pending == 0) {
        QTimer::singleShot(0, this, &AccountListCollector::finished);
        return;
    }
    for (const QUuid &id : std::as_const(usable)) {
        Async::then(m_controller->accountTokens()->refresh(id), this, [this, id](Result<QList<Token>> result) {
            AccountSession *current = m_controller->session(id);
            if (result.ok() && current) {
                m_listed.insert(id, {current->account(), current->provider(), result.value()});
            } else {
                const std::optional<Account> account = m_controller->account(id);
                m_notChecked.append({account ? account->name : id.toString(QUuid::WithoutBraces),
                    result.ok() ? tr("the account was removed") : result.error().fullMessage()});
            }
            done();
        });
    }
}

void AccountListCollector::done()
{
    if (--m_pending == 0)
        emit finished();
}

QList<RevokePlan::AccountTokens> AccountListCollector::listed() const
{
    QList<RevokePlan::AccountTokens> result;
    for (const QUuid &id : m_order) {
        const auto it = m_listed.constFind(id);
        if (it != m_listed.cend())
            result.append(*it);
    }
    return result;
}
