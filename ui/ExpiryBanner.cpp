#include "ExpiryBanner.h"

#include "AlertCenter.h"
#include "core/UntrustedText.h"

#include <QHBoxLayout>
#include <QLabel>

ExpiryBanner::ExpiryBanner(AlertCenter *center, QWidget *parent)
    : QFrame(parent)
    , m_center(center)
    , m_label(new QLabel(this))
{
    setObjectName(QStringLiteral("expiryBanner"));
    setAccessibleName(tr("Expiring tokens"));
    setAccessibleDescription(tr("Tokens that expire in the next 24 hours and the next 7 days"));
    setFrameShape(QFrame::StyledPanel);
    setBackgroundRole(QPalette::ToolTipBase);
    setForegroundRole(QPalette::ToolTipText);
    setAutoFillBackground(true);

    m_label->setObjectName(QStringLiteral("expiryBannerText"));
    m_label->setAccessibleName(tr("Expiring tokens"));
    m_label->setWordWrap(true);
    m_label->setTextFormat(Qt::RichText);
    m_label->setTextInteractionFlags(Qt::LinksAccessibleByMouse | Qt::LinksAccessibleByKeyboard);
    m_label->setFocusPolicy(Qt::TabFocus);
    connect(m_label, &QLabel::linkActivated, this, &ExpiryBanner::onLink);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(6, 4, 6, 4);
    layout->addWidget(m_label);

    connect(m_center, &AlertCenter::upcomingChanged, this, &ExpiryBanner::reload);
    hide();
    reload();
}

void ExpiryBanner::reload()
{
    // One pass over the week's list (soonest first, as upcoming() returns it) splits it at 24 hours.
    m_day.clear();
    m_week.clear();
    const QList<UpcomingExpiry> week = m_center->upcoming(AlertCenter::WeekSeconds);
    for (const UpcomingExpiry &entry : week) {
        if (entry.remainingMs > AlertCenter::DaySeconds * 1000)
            m_week.append(entry);
        else
            m_day.append(entry);
    }
    QStringList parts;
    if (!m_day.isEmpty()) {
        parts.append(
            tr("<b>Expiring in the next 24 hours: %1</b> — %2").arg(QString::number(m_day.size()), linksFor(m_day, 0)));
    }
    if (!m_week.isEmpty()) {
        parts.append(tr("<b>In the next 7 days: %1</b> — %2")
                         .arg(QString::number(m_week.size()), linksFor(m_week, int(m_day.size()))));
    }
    m_label->setText(parts.join(QStringLiteral("<br>")));
    setVisible(!parts.isEmpty());
}

QString ExpiryBanner::text() const
{
    return m_label->text();
}

QString ExpiryBanner::linksFor(const QList<UpcomingExpiry> &entries, int offset) const
{
    QStringList names;
    for (int i = 0; i < entries.size() && i < MaxNames; ++i) {
        const UpcomingExpiry &entry = entries.at(i);
        const QString name =
            entry.token.label.isEmpty() ? ExpiryAlertMonitor::tokenKey(entry.token) : entry.token.label;
        names.append(QStringLiteral("<a href=\"expiry:%1\">%2</a> (%3)")
                         .arg(QString::number(offset + i), UntrustedText::forDisplay(name).toHtmlEscaped(),
                             entry.accountName.toHtmlEscaped()));
    }
    if (entries.size() > MaxNames)
        names.append(tr("%n more", nullptr, int(entries.size()) - MaxNames));
    return names.join(QStringLiteral(", "));
}

void ExpiryBanner::onLink(const QString &link)
{
    if (!link.startsWith(QLatin1String("expiry:")))
        return;
    bool ok = false;
    const int index = link.mid(7).toInt(&ok);
    if (!ok || index < 0)
        return;
    if (index < m_day.size())
        activate(m_day.at(index));
    else if (index - m_day.size() < m_week.size())
        activate(m_week.at(index - m_day.size()));
}

void ExpiryBanner::activate(const UpcomingExpiry &entry)
{
    emit tokenActivated(entry.accountId, ExpiryAlertMonitor::tokenKey(entry.token));
}
