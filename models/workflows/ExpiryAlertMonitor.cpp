#include "workflows/ExpiryAlertMonitor.h"

#include "core/Clock.h"
#include "core/Duration.h"
#include "core/TokenExtra.h"
#include "store/Ledger.h"

#include <QCoreApplication>
#include <QCryptographicHash>

#include <algorithm>

QString ExpiryAlert::thresholdKey() const
{
    return kind == Kind::Expired ? QStringLiteral("expired") : QStringLiteral("t%1").arg(thresholdSeconds);
}

QString ExpiryAlert::title() const
{
    return kind == Kind::Expired ? ExpiryAlertMonitor::tr("Token expired")
                                 : ExpiryAlertMonitor::tr("Token expiring soon");
}

QString ExpiryAlert::message() const
{
    const QString name = tokenLabel.isEmpty() ? tokenKey : tokenLabel;
    if (kind == Kind::Expired)
        return ExpiryAlertMonitor::tr("\"%1\" (%2) has expired.").arg(name, accountName);
    return ExpiryAlertMonitor::tr("\"%1\" (%2) expires in %3.")
        .arg(name, accountName, Duration::format(remainingMs / 1000));
}

ExpiryAlertMonitor::ExpiryAlertMonitor(Ledger *ledger, const Clock *clock, QObject *parent)
    : ExpiryAlertMonitor(std::function<Ledger *()>([ledger] { return ledger; }), clock, parent)
{ }

ExpiryAlertMonitor::ExpiryAlertMonitor(std::function<Ledger *()> ledger, const Clock *clock, QObject *parent)
    : QObject(parent)
    , m_ledger(std::move(ledger))
    , m_clock(clock ? clock : Clock::system())
    , m_thresholds({7 * 24 * 3600, 24 * 3600})
{ }

Ledger *ExpiryAlertMonitor::ledger() const
{
    return m_ledger ? m_ledger() : nullptr;
}

ExpiryAlertMonitor::~ExpiryAlertMonitor() = default;

void ExpiryAlertMonitor::setThresholds(const QList<qint64> &seconds)
{
    QList<qint64> sorted;
    for (qint64 s : seconds) {
        if (s > 0 && !sorted.contains(s))
            sorted.append(s);
    }
    std::sort(sorted.begin(), sorted.end(), std::greater<>());
    m_thresholds = sorted;
}

void ExpiryAlertMonitor::setTokens(const QUuid &accountId, const QString &accountName, const QList<Token> &tokens)
{
    if (!m_accounts.contains(accountId))
        m_order.append(accountId);
    m_accounts.insert(accountId, AccountTokens {accountName, tokens});
}

void ExpiryAlertMonitor::removeAccount(const QUuid &accountId)
{
    m_accounts.remove(accountId);
    m_order.removeAll(accountId);
}

QString ExpiryAlertMonitor::tokenKey(const Token &token)
{
    if (!token.id.isEmpty())
        return token.id;
    // No id (e.g. a Svix ledger row the service gave no id for): the ledger row, else what describes it.
    const QVariant row = token.extra.value(TokenExtra::LedgerRowId);
    if (row.isValid())
        return QStringLiteral("ledger:%1").arg(row.toLongLong());
    const QByteArray basis = (token.kind + QLatin1Char('\n') + token.label + QLatin1Char('\n') + token.subject
        + QLatin1Char('\n') + (token.created ? token.created->toString(Qt::ISODateWithMs) : QString()))
                                 .toUtf8();
    return QStringLiteral("h:")
        + QString::fromLatin1(QCryptographicHash::hash(basis, QCryptographicHash::Sha256).toHex().left(24));
}

bool ExpiryAlertMonitor::wasNotified(const QUuid &accountId, const QString &key, const QString &threshold) const
{
    const QString cacheKey =
        accountId.toString(QUuid::WithoutBraces) + QLatin1Char('/') + key + QLatin1Char('/') + threshold;
    if (m_notified.contains(cacheKey))
        return true;
    // Remember the ledger's yes too, so an alerted token costs one query per process, not one per check.
    if (Ledger *known = ledger(); known && known->wasNotified(accountId, key, threshold)) {
        m_notified.insert(cacheKey);
        return true;
    }
    return false;
}

void ExpiryAlertMonitor::remember(const QUuid &accountId, const QString &key, const QString &threshold)
{
    m_notified.insert(accountId.toString(QUuid::WithoutBraces) + QLatin1Char('/') + key + QLatin1Char('/') + threshold);
    if (Ledger *known = ledger())
        known->markNotified(accountId, key, threshold);
}

QList<ExpiryAlert> ExpiryAlertMonitor::check()
{
    QList<ExpiryAlert> alerts;
    for (const QUuid &accountId : std::as_const(m_order)) {
        const AccountTokens &account = m_accounts[accountId];
        for (const Token &token : account.tokens) {
            if (token.revoked)
                continue;
            const std::optional<qint64> remaining = token.remainingMs(*m_clock);
            if (!remaining)
                continue; // never expires, or unknown
            const QString key = tokenKey(token);
            ExpiryAlert alert;
            alert.accountId = accountId;
            alert.accountName = account.name;
            alert.tokenKey = key;
            alert.tokenLabel = token.label;
            alert.remainingMs = *remaining;

            if (*remaining <= 0) {
                if (!m_alertOnExpiry || wasNotified(accountId, key, QStringLiteral("expired")))
                    continue;
                alert.kind = ExpiryAlert::Kind::Expired;
                // An expired token needs no threshold alert any more.
                for (qint64 t : std::as_const(m_thresholds))
                    remember(accountId, key, QStringLiteral("t%1").arg(t));
                remember(accountId, key, alert.thresholdKey());
                alerts.append(alert);
                continue;
            }
            // The tightest threshold crossed that was not raised yet; the wider ones crossed with it are
            // remembered silently so a fresh start does not raise "7 days" after "24 hours".
            std::optional<qint64> tightest;
            for (qint64 t : std::as_const(m_thresholds)) {
                if (*remaining <= t * 1000)
                    tightest = t;
            }
            if (!tightest)
                continue;
            const QString tightestKey = QStringLiteral("t%1").arg(*tightest);
            if (wasNotified(accountId, key, tightestKey))
                continue;
            for (qint64 t : std::as_const(m_thresholds)) {
                if (*remaining <= t * 1000)
                    remember(accountId, key, QStringLiteral("t%1").arg(t));
            }
            alert.kind = ExpiryAlert::Kind::ExpiringSoon;
            alert.thresholdSeconds = *tightest;
            alerts.append(alert);
        }
    }
    for (const ExpiryAlert &alert : std::as_const(alerts))
        emit alertRaised(alert);
    return alerts;
}

QList<UpcomingExpiry> ExpiryAlertMonitor::upcoming(qint64 withinSeconds) const
{
    QList<UpcomingExpiry> result;
    for (const QUuid &accountId : m_order) {
        const AccountTokens &account = m_accounts[accountId];
        for (const Token &token : account.tokens) {
            if (token.revoked)
                continue;
            const std::optional<qint64> remaining = token.remainingMs(*m_clock);
            if (!remaining || *remaining <= 0 || *remaining > withinSeconds * 1000)
                continue;
            result.append(UpcomingExpiry {accountId, account.name, token, *remaining});
        }
    }
    std::stable_sort(result.begin(), result.end(),
        [](const UpcomingExpiry &a, const UpcomingExpiry &b) { return a.remainingMs < b.remainingMs; });
    return result;
}
