#pragma once

#include "core/Result.h"
#include "workflows/RevokePlan.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QPair>
#include <QString>
#include <QUuid>

class AccountController;

// Fetches the current token list of several accounts at once (AccountController::prepare, then
// AccountSession::refresh), for a break-glass plan. An account that fails (credentials refused, service down,
// provider not in this build) is kept aside as "not checked" with the reason and does not stop the others.
class AccountListCollector : public QObject
{
    Q_OBJECT
public:
    explicit AccountListCollector(AccountController *controller, QObject *parent = nullptr);

    // Lists `accounts` (every account of the controller when empty); finished() follows, also when none.
    void start(const QList<QUuid> &accounts = {});
    bool isRunning() const { return m_running; }

    // In the controller's account order.
    QList<RevokePlan::AccountTokens> listed() const;
    // Account name and reason, for each account that could not be listed.
    QList<QPair<QString, QString>> notChecked() const { return m_notChecked; }

signals:
    void finished();

private:
    void collect(const QUuid &id, const Result<QList<Token>> &result);

    AccountController *m_controller;
    QList<QUuid> m_order;
    QHash<QUuid, RevokePlan::AccountTokens> m_listed;
    QList<QPair<QString, QString>> m_notChecked;
    bool m_running = false;
};
