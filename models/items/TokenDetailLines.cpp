#include "TokenDetailLines.h"

#include "TokenListModel.h"
#include "core/Clock.h"
#include "core/TimeText.h"
#include "core/UntrustedText.h"

#include <QLocale>

namespace {

struct KeyLabel
{
    const char *key;
    const char *label;
};

// The keys providers and the ledger put into Token::extra. Bookkeeping keys (the ledger's hash prefix and
// idempotency key) are not facts about the token and are not shown.
const KeyLabel kLabels[] = {
    {"expiry_status", QT_TRANSLATE_NOOP("TokenDetailLines", "Expiry status")},
    {"jti", QT_TRANSLATE_NOOP("TokenDetailLines", "JWT id")},
    {"domain", QT_TRANSLATE_NOOP("TokenDetailLines", "Domain")},
    {"territory", QT_TRANSLATE_NOOP("TokenDetailLines", "Territory")},
    {"user", QT_TRANSLATE_NOOP("TokenDetailLines", "User")},
    {"current", QT_TRANSLATE_NOOP("TokenDetailLines", "Current session token")},
    {"project", QT_TRANSLATE_NOOP("TokenDetailLines", "Project")},
    {"warnings", QT_TRANSLATE_NOOP("TokenDetailLines", "Warnings")},
    {"appId", QT_TRANSLATE_NOOP("TokenDetailLines", "Application")},
    {"sessionId", QT_TRANSLATE_NOOP("TokenDetailLines", "Session")},
    {"createdBy", QT_TRANSLATE_NOOP("TokenDetailLines", "Created by")},
    {"revokedReason", QT_TRANSLATE_NOOP("TokenDetailLines", "Reason revoked")},
    {"expiredBy", QT_TRANSLATE_NOOP("TokenDetailLines", "Expired by")},
    {"server", QT_TRANSLATE_NOOP("TokenDetailLines", "Server")},
    {"readOnly", QT_TRANSLATE_NOOP("TokenDetailLines", "Read-only")},
    {"capabilities", QT_TRANSLATE_NOOP("TokenDetailLines", "Capabilities")},
    {"featureFlags", QT_TRANSLATE_NOOP("TokenDetailLines", "Feature flags")},
};

const char *const kHidden[] = {"token_sha256_prefix", "idempotency_key"};

// Svix's app-portal capabilities (svix.md) in words.
const KeyLabel kSvixCapabilities[] = {
    {"ViewBase", QT_TRANSLATE_NOOP("TokenDetailLines", "View the portal")},
    {"ViewEndpointSecret", QT_TRANSLATE_NOOP("TokenDetailLines", "View endpoint secrets")},
    {"ManageEndpointSecret", QT_TRANSLATE_NOOP("TokenDetailLines", "Manage endpoint secrets")},
    {"ManageTransformations", QT_TRANSLATE_NOOP("TokenDetailLines", "Manage transformations")},
    {"CreateAttempts", QT_TRANSLATE_NOOP("TokenDetailLines", "Resend messages")},
    {"ManageEndpoint", QT_TRANSLATE_NOOP("TokenDetailLines", "Manage endpoints")},
};

bool isHidden(const QString &key)
{
    for (const char *hidden : kHidden) {
        if (key == QLatin1String(hidden))
            return true;
    }
    return false;
}

QString shown(const QString &text)
{
    return UntrustedText::forDisplay(text, UntrustedText::MessageCap);
}

QString capabilityWords(const QString &capability)
{
    for (const KeyLabel &words : kSvixCapabilities) {
        if (capability == QLatin1String(words.key))
            return TokenDetailLines::tr(words.label);
    }
    return capability;
}

} // namespace

QString TokenDetailLines::label(const QString &key)
{
    for (const KeyLabel &entry : kLabels) {
        if (key == QLatin1String(entry.key))
            return tr(entry.label);
    }
    return key;
}

QString TokenDetailLines::value(const QString &key, const QVariant &value)
{
    if (value.typeId() == QMetaType::Bool)
        return value.toBool() ? tr("yes") : tr("no");
    if (key == QLatin1String("expiry_status")) {
        const QString status = value.toString();
        if (status == QLatin1String("Valid"))
            return tr("Valid");
        if (status == QLatin1String("Expired"))
            return TokenListModel::statusText(Token::Status::Expired);
        return status;
    }
    if (key == QLatin1String("expiredBy") && value.toString() == QLatin1String("expire-all"))
        return tr("Expire All");
    if (key == QLatin1String("capabilities")) {
        QStringList words;
        for (const QString &capability : value.toStringList())
            words.append(capabilityWords(capability));
        return words.join(QStringLiteral(", "));
    }
    if (value.typeId() == QMetaType::QStringList || value.typeId() == QMetaType::QVariantList)
        return value.toStringList().join(QStringLiteral(", "));
    return value.toString();
}

QStringList TokenDetailLines::lines(const Token &t, const Clock &clock)
{
    const auto date = [](const std::optional<QDateTime> &d) {
        return d ? QLocale().toString(d->toLocalTime(), QLocale::LongFormat) : tr("—");
    };
    QStringList lines;
    lines << tr("Id: %1").arg(shown(t.id)) << tr("Name: %1").arg(shown(t.label)) << tr("Kind: %1").arg(shown(t.kind));
    if (!t.subject.isEmpty())
        lines << tr("Subject: %1").arg(shown(t.subject));
    lines << tr("Created: %1").arg(date(t.created))
          << tr("Expires: %1").arg(t.expiryUnreported ? TimeText::unreportedExpiry() : date(t.effectiveExpiry(clock)));
    if (t.lastUsed)
        lines << tr("Last used: %1").arg(date(t.lastUsed));
    if (t.revoked)
        lines << tr("Revoked: %1").arg(date(t.revoked));
    lines << tr("Status: %1").arg(TokenListModel::statusText(t.status(clock)));
    if (!t.scopes.isEmpty())
        lines << tr("Scopes: %1").arg(shown(t.scopes.join(QStringLiteral(", "))));
    for (auto it = t.extra.cbegin(); it != t.extra.cend(); ++it) {
        if (isHidden(it.key()))
            continue;
        // The id is its own line already.
        if (it.key() == QLatin1String("jti") && it.value().toString() == t.id)
            continue;
        lines << tr("%1: %2").arg(label(it.key()), shown(value(it.key(), it.value())));
    }
    return lines;
}
