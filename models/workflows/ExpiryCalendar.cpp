#include "ExpiryCalendar.h"

#include "core/UntrustedText.h"
#include "providers/ProviderDescriptor.h"
#include "providers/ProviderRegistry.h"

#include <QCryptographicHash>
#include <QUuid>

namespace {

// A fixed namespace for the name-based (version 5) event UIDs: the same account and token give the same UID in
// every export, on every machine.
const QUuid UidNamespace(QStringLiteral("{6f1c2a3e-5b7d-4e0f-9a8b-3c2d1e0f4a5b}"));

QString providerName(const QString &providerId)
{
    const ProviderDescriptor *descriptor = ProviderRegistry::instance().find(providerId);
    return descriptor ? descriptor->displayName : providerId;
}

QString clean(const QString &text)
{
    return UntrustedText::forTerminal(text, UntrustedText::CellCap);
}

} // namespace

QString ExpiryCalendar::escapeText(const QString &text)
{
    QString out;
    out.reserve(text.size() + 8);
    for (const QChar c : text) {
        switch (c.unicode()) {
        case '\\':
            out += QStringLiteral("\\\\");
            break;
        case ';':
            out += QStringLiteral("\\;");
            break;
        case ',':
            out += QStringLiteral("\\,");
            break;
        case '\n':
            out += QStringLiteral("\\n");
            break;
        case '\r':
            break;
        default:
            out += c;
        }
    }
    return out;
}

QByteArray ExpiryCalendar::foldLine(const QByteArray &line)
{
    constexpr qsizetype Limit = 75;
    QByteArray out;
    out.reserve(line.size() + line.size() / Limit * 3 + 2);
    qsizetype pos = 0;
    qsizetype room = Limit; // the first line has 75 octets, each continuation 74 after its leading space
    while (line.size() - pos > room) {
        qsizetype cut = pos + room;
        // Never between the bytes of one UTF-8 sequence: back up over continuation bytes (10xxxxxx).
        while (cut > pos && (static_cast<unsigned char>(line.at(cut)) & 0xC0) == 0x80)
            --cut;
        out += line.mid(pos, cut - pos);
        out += "\r\n ";
        pos = cut;
        room = Limit - 1;
    }
    out += line.mid(pos);
    out += "\r\n";
    return out;
}

QString ExpiryCalendar::utcStamp(const QDateTime &time)
{
    return time.toUTC().toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'"));
}

QString ExpiryCalendar::duration(qint64 seconds)
{
    QString sign;
    if (seconds < 0) {
        sign = QStringLiteral("-");
        seconds = -seconds;
    }
    if (seconds % 86400 == 0 && seconds > 0)
        return sign + QStringLiteral("P%1D").arg(seconds / 86400);
    QString text = sign + QStringLiteral("PT");
    if (seconds >= 3600)
        text += QStringLiteral("%1H").arg(seconds / 3600);
    if (seconds % 3600 >= 60)
        text += QStringLiteral("%1M").arg(seconds % 3600 / 60);
    if (seconds % 60 != 0 || seconds == 0)
        text += QStringLiteral("%1S").arg(seconds % 60);
    return text;
}

QString ExpiryCalendar::uid(const ExpiringToken &token)
{
    QString name = token.account.id.toString(QUuid::WithoutBraces) + QLatin1Char('/');
    if (!token.token.id.isEmpty()) {
        name += token.token.id;
    } else {
        // No id (a ledger row of a service that returns none): what the row says about itself.
        name += token.token.kind + QLatin1Char('/') + token.token.label + QLatin1Char('/')
            + (token.token.created ? utcStamp(*token.token.created) : QString());
    }
    return QUuid::createUuidV5(UidNamespace, name).toString(QUuid::WithoutBraces) + QStringLiteral("@tokendesk");
}

QByteArray ExpiryCalendar::toIcs(
    const QList<ExpiringToken> &tokens, const QList<qint64> &alarmSecondsBefore, const QDateTime &now)
{
    QByteArray out;
    const auto line = [&out](const QString &text) { out += foldLine(text.toUtf8()); };
    line(QStringLiteral("BEGIN:VCALENDAR"));
    line(QStringLiteral("VERSION:2.0"));
    line(QStringLiteral("PRODID:-//TokenDesk//Token expiries//EN"));
    line(QStringLiteral("CALSCALE:GREGORIAN"));
    line(QStringLiteral("METHOD:PUBLISH"));
    line(QStringLiteral("X-WR-CALNAME:") + escapeText(tr("TokenDesk token expiries")));
    const QString stamp = utcStamp(now);
    for (const ExpiringToken &entry : tokens) {
        const QString name = clean(entry.token.label.isEmpty() ? entry.token.id : entry.token.label);
        const QString account = clean(entry.account.name);
        const QString summary = tr("Token \"%1\" expires (%2)").arg(name, account);
        QStringList description;
        description << tr("Account: %1 (%2)").arg(account, providerName(entry.account.providerId));
        description << tr("Token: %1").arg(name);
        if (!entry.token.id.isEmpty())
            description << tr("Id: %1").arg(clean(entry.token.id));
        if (!entry.token.kind.isEmpty())
            description << tr("Kind: %1").arg(clean(entry.token.kind));
        if (!entry.token.subject.isEmpty())
            description << tr("Subject: %1").arg(clean(entry.token.subject));
        description << tr("Expires: %1").arg(entry.expires.toUTC().toString(Qt::ISODate));

        line(QStringLiteral("BEGIN:VEVENT"));
        line(QStringLiteral("UID:") + uid(entry));
        line(QStringLiteral("DTSTAMP:") + stamp);
        line(QStringLiteral("DTSTART:") + utcStamp(entry.expires));
        line(QStringLiteral("SUMMARY:") + escapeText(summary));
        line(QStringLiteral("DESCRIPTION:") + escapeText(description.join(QLatin1Char('\n'))));
        line(QStringLiteral("CATEGORIES:TokenDesk"));
        line(QStringLiteral("TRANSP:TRANSPARENT"));
        for (const qint64 before : alarmSecondsBefore) {
            if (before <= 0)
                continue;
            line(QStringLiteral("BEGIN:VALARM"));
            line(QStringLiteral("ACTION:DISPLAY"));
            line(QStringLiteral("TRIGGER;RELATED=START:") + duration(-before));
            line(QStringLiteral("DESCRIPTION:") + escapeText(summary));
            line(QStringLiteral("END:VALARM"));
        }
        line(QStringLiteral("END:VEVENT"));
    }
    line(QStringLiteral("END:VCALENDAR"));
    return out;
}
