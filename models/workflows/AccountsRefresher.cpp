#include "workflows/AccountsRefresher.h"

#include "core/ApiError.h"
#include "core/Async.h"
#include "providers/AccountSession.h"
#include "providers/TokenProvider.h"
#include "store/Preferences.h"
#include "workflows/AccountTokens.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcAccountsRefresher, "tokendesk.workflows.refresh")

AccountsRefresher::AccountsRefresher(AccountIds accounts, AccountTokens *tokens, QObject *parent)
    : QObject(parent)
    , m_accounts(std::move(accounts))
    , m_tokens(tokens)
{
    m_timer.setSingleShot(false);
    connect(&m_timer, &QTimer::timeout, this, &AccountsRefresher::onTimer);
}

AccountsRefresher::~AccountsRefresher() = default;

void AccountsRefresher::setPreferences(Preferences *preferences)
{
    if (m_preferences)
        disconnect(m_preferences, nullptr, this, nullptr);
    m_preferences = preferences;
    if (!preferences)
        return;
    auto apply = [this] {
        if (m_preferences)
            setInterval(std::chrono::minutes(m_preferences->refreshIntervalMinutes()));
    };
    connect(preferences, &Preferences::changed, this, apply);
    apply();
}

void AccountsRefresher::setInterval(std::chrono::milliseconds interval)
{
    if (interval.count() <= 0) {
        m_timer.stop();
        return;
    }
    if (m_timer.isActive() && m_timer.intervalAsDuration() == interval)
        return;
    m_timer.start(interval);
}

std::chrono::milliseconds AccountsRefresher::interval() const
{
    return m_timer.isActive() ? m_timer.intervalAsDuration() : std::chrono::milliseconds(0);
}

QList<QUuid> AccountsRefresher::pendingAccounts() const
{
    return m_inFlight + m_queue;
}

void AccountsRefresher::forget(const QUuid &accountId)
{
    m_errors.remove(accountId);
    m_queue.removeAll(accountId);
}

void AccountsRefresher::onTimer()
{
    if (m_running) {
        qCDebug(lcAccountsRefresher) << "interval refresh skipped: a run is still going";
        return;
    }
    refreshAll();
}

bool AccountsRefresher::refreshAll()
{
    if (m_running) {
        m_rerun = true;
        return false;
    }
    m_queue.clear();
    for (const QUuid &id : m_accounts()) {
        AccountSession *session = m_tokens->session(id);
        TokenProvider *provider = session ? session->provider() : nullptr;
        if (provider && !provider->can(TokenProvider::Capability::List)
            && !provider->can(TokenProvider::Capability::LedgerBacked))
            continue; // nothing to show for this account
        m_queue.append(id);
    }
    m_running = true;
    ++m_runs;
    emit started(int(m_queue.size()));
    startNext();
    return true;
}

void AccountsRefresher::startNext()
{
    while (m_inFlight.size() < m_maxInFlight && !m_queue.isEmpty()) {
        const QUuid id = m_queue.takeFirst();
        m_inFlight.append(id);
        emit accountStarted(id);
        startAccount(id);
    }
    if (m_running && m_inFlight.isEmpty() && m_queue.isEmpty()) {
        m_running = false;
        emit allFinished();
        if (m_rerun) {
            m_rerun = false;
            refreshAll();
        }
    }
}

void AccountsRefresher::startAccount(const QUuid &id)
{
    Async::then(m_tokens->refresh(id), this, [this, id](Result<QList<Token>> result) {
        if (!result.ok()) {
            finishAccount(id, false, result.error().fullMessage());
            return;
        }
        finishAccount(id, true, {});
    });
}

void AccountsRefresher::finishAccount(const QUuid &id, bool ok, const QString &message)
{
    // Called synchronously from startAccount() in some paths: defer the bookkeeping of the queue to
    // startNext(), which tolerates re-entry because it only pops from m_queue.
    if (!m_inFlight.removeOne(id))
        return;
    if (ok)
        m_errors.remove(id);
    else
        m_errors.insert(id, message.isEmpty() ? tr("Refresh failed.") : message);
    emit accountFinished(id, ok, ok ? QString() : m_errors.value(id));
    startNext();
}
