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
    if (usable.isEmpty()) {
        QTimer::singleShot(0, this, &AccountListCollector::finished); // after start() returns, as with lists
        return;
    }
    // Every account at once, through AccountTokens (so every view follows what was listed).
    QList<QFuture<Result<QList<Token>>>> lists;
    for (const QUuid &id : std::as_const(usable))
        lists.append(m_controller->accountTokens()->refresh(id));
    m_running = true;
    Async::then(Async::allResults(lists), this, [this, usable](const QList<Result<QList<Token>>> &results) {
        for (qsizetype i = 0; i < results.size(); ++i)
            collect(usable.at(i), results.at(i));
        m_running = false;
        emit finished();
    });
}

void AccountListCollector::collect(const QUuid &id, const Result<QList<Token>> &result)
{
    AccountSession *current = m_controller->session(id);
    if (result.ok() && current) {
        m_listed.insert(id, {current->account(), current->provider(), result.value()});
        return;
    }
    const std::optional<Account> account = m_controller->account(id);
    m_notChecked.append({account ? account->name : id.toString(QUuid::WithoutBraces),
        result.ok() ? tr("the account was removed") : result.error().fullMessage()});
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
