#include "AlertCenter.h"

#include "AccountController.h"

#include "core/Clock.h"
#include "core/UntrustedText.h"
#include "providers/TokenProvider.h"
#include "store/Preferences.h"
#include "workflows/AccountTokens.h"

#include <QLoggingCategory>
#include <QSet>
#include <QTimer>

Q_LOGGING_CATEGORY(lcAlerts, "tokendesk.alerts")

namespace {
constexpr int MaxNamesInMessage = 3;
}

AlertCenter::AlertCenter(AccountController *controller, Preferences *preferences, QObject *parent)
    : QObject(parent)
    , m_controller(controller)
    , m_preferences(preferences ? preferences : new Preferences(controller->configDir(), this))
    , m_monitor(new ExpiryAlertMonitor([controller] { return controller->ledger(); }, controller->clock(), this))
    , m_timer(new QTimer(this))
{
    m_timer->setObjectName(QStringLiteral("alertCheckTimer"));
    m_timer->setInterval(CheckIntervalMs);
    connect(m_timer, &QTimer::timeout, this, [this] { check(); });
    m_timer->start();
    connect(m_preferences, &Preferences::changed, this, [this] {
        applyPreferences();
        check();
    });
    connect(m_controller, &AccountController::accountsChanged, this, &AlertCenter::syncAccounts);
    // Every list of an account, whichever view asked for it, is what the alerts watch.
    AccountTokens *known = m_controller->accountTokens();
    connect(known, &AccountTokens::changed, this, [this, known](const QUuid &id) {
        if (known->hasList(id))
            setAccountTokens(id, known->tokens(id));
    });
    applyPreferences();
}

AlertCenter::~AlertCenter() = default;

void AlertCenter::applyPreferences()
{
    const Preferences::Values &values = m_preferences->values();
    m_monitor->setThresholds(values.alertThresholdsSeconds);
    m_monitor->setAlertOnExpiry(values.alertOnExpiry);
}

void AlertCenter::setAccountTokens(const QUuid &accountId, const QList<Token> &tokens)
{
    const std::optional<Account> account = m_controller->account(accountId);
    if (!account) {
        m_monitor->removeAccount(accountId);
        m_fed.remove(accountId);
        return;
    }
    m_monitor->setTokens(
        accountId, account->name, AccountTokens::withCredential(tokens, m_controller->provider(accountId), accountId));
    m_fed.insert(accountId);
    check();
}

void AlertCenter::syncAccounts()
{
    QSet<QUuid> known;
    for (const Account &account : m_controller->accounts())
        known.insert(account.id);
    bool removed = false;
    const QSet<QUuid> fed = m_fed;
    for (const QUuid &id : fed) {
        if (!known.contains(id)) {
            m_monitor->removeAccount(id);
            m_fed.remove(id);
            removed = true;
        }
    }
    if (removed)
        emit upcomingChanged();
}

QList<ExpiryAlert> AlertCenter::check()
{
    const QList<ExpiryAlert> alerts = m_monitor->check();
    if (!alerts.isEmpty()) {
        qCInfo(lcAlerts) << alerts.size() << "expiry alert(s)";
        if (m_preferences->values().notificationsEnabled) {
            m_lastNotified = alerts;
            emit notificationShown(notificationTitle(alerts), notificationMessage(alerts), int(alerts.size()));
        }
    }
    emit upcomingChanged();
    return alerts;
}

QList<UpcomingExpiry> AlertCenter::upcoming(qint64 withinSeconds) const
{
    return m_monitor->upcoming(withinSeconds);
}

QString AlertCenter::notificationTitle(const QList<ExpiryAlert> &alerts)
{
    if (alerts.size() == 1)
        return UntrustedText::forNotification(alerts.first().title(), UntrustedText::TitleCap);
    bool anyExpired = false;
    for (const ExpiryAlert &alert : alerts)
        anyExpired = anyExpired || alert.kind == ExpiryAlert::Kind::Expired;
    return anyExpired ? tr("%n token(s) expiring or expired", nullptr, int(alerts.size()))
                      : tr("%n token(s) expiring soon", nullptr, int(alerts.size()));
}

QString AlertCenter::notificationMessage(const QList<ExpiryAlert> &alerts)
{
    QStringList lines;
    for (int i = 0; i < alerts.size() && i < MaxNamesInMessage; ++i)
        lines.append(UntrustedText::forNotification(alerts.at(i).message())); // one line per alert, ours
    const int rest = int(alerts.size()) - MaxNamesInMessage;
    if (rest > 0)
        lines.append(tr("…and %n more.", nullptr, rest));
    return lines.join(QLatin1Char('\n'));
}
