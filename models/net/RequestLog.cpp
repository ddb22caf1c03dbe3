#include "RequestLog.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutexLocker>
#include <QUrl>
#include <QUrlQuery>

namespace {

const QString RedactedText = QStringLiteral("<redacted>");

// Lower case with '_' and '-' removed, so "client_secret", "clientSecret" and "Client-Secret" compare equal.
QString normalizedName(const QString &name)
{
    QString result;
    result.reserve(name.size());
    for (const QChar c : name) {
        if (c == u'_' || c == u'-' || c == u'.' || c == u' ')
            continue;
        result.append(c.toLower());
    }
    return result;
}

QJsonValue redactValue(const QJsonValue &value);

QJsonObject redactObject(const QJsonObject &object)
{
    QJsonObject result;
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (RequestLog::isSecretName(it.key()) && !it.value().isNull())
            result.insert(it.key(), RedactedText);
        else
            result.insert(it.key(), redactValue(it.value()));
    }
    return result;
}

QJsonArray redactArray(const QJsonArray &array)
{
    QJsonArray result;
    for (const QJsonValue &value : array)
        result.append(redactValue(value));
    return result;
}

QJsonValue redactValue(const QJsonValue &value)
{
    if (value.isObject())
        return redactObject(value.toObject());
    if (value.isArray())
        return redactArray(value.toArray());
    return value;
}

QJsonObject entryToJson(const RequestLog::Entry &entry)
{
    QJsonObject object;
    object.insert(QStringLiteral("time"), entry.time.toUTC().toString(Qt::ISODateWithMs));
    object.insert(QStringLiteral("operation"), entry.operation);
    object.insert(QStringLiteral("method"), QString::fromLatin1(entry.method));
    object.insert(QStringLiteral("url"), entry.url);
    object.insert(QStringLiteral("status"), entry.status);
    if (!entry.error.isEmpty())
        object.insert(QStringLiteral("error"), entry.error);
    object.insert(QStringLiteral("durationMs"), entry.durationMs);
    object.insert(QStringLiteral("attempt"), entry.attempt);
    QJsonObject headers;
    for (const auto &header : entry.requestHeaders)
        headers.insert(QString::fromLatin1(header.first), QString::fromLatin1(header.second));
    if (!headers.isEmpty())
        object.insert(QStringLiteral("requestHeaders"), headers);
    if (!entry.requestBody.isEmpty())
        object.insert(QStringLiteral("requestBody"), QString::fromUtf8(entry.requestBody));
    return object;
}

} // namespace

RequestLog::RequestLog() = default;

RequestLog::~RequestLog() = default;

bool RequestLog::setFile(const QString &path)
{
    auto file = std::make_unique<QFile>(path);
    if (!file->open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Text))
        return false;
    file->setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    QMutexLocker locker(&m_mutex);
    m_file = std::move(file);
    return true;
}

void RequestLog::append(Entry entry)
{
    // Redact again here, so that a caller that forgot cannot leak anything into the log.
    for (auto &header : entry.requestHeaders)
        header.second = redactHeader(header.first, header.second);
    entry.requestBody = redactJson(entry.requestBody);
    entry.url = redactUrl(entry.url);

    QMutexLocker locker(&m_mutex);
    if (m_file) {
        m_file->write(QJsonDocument(entryToJson(entry)).toJson(QJsonDocument::Compact));
        m_file->write("\n");
        m_file->flush();
    }
    m_entries.append(std::move(entry));
    while (m_entries.size() > MaxEntries)
        m_entries.removeFirst();
}

QList<RequestLog::Entry> RequestLog::entries() const
{
    QMutexLocker locker(&m_mutex);
    return m_entries;
}

void RequestLog::clear()
{
    QMutexLocker locker(&m_mutex);
    m_entries.clear();
}

QByteArray RequestLog::redactHeader(const QByteArray &name, const QByteArray &value)
{
    const QByteArray lower = name.toLower();
    if (lower == "idempotency-key")
        return value;
    static const QByteArray secretFragments[] = {
        "authorization",
        "cookie",
        "token",
        "secret",
        "password",
        "passcode",
        "api-key",
        "apikey",
        "jwt",
        "session",
    };
    bool secret = lower == "x-api-key" || lower.endsWith("-key");
    for (const QByteArray &fragment : secretFragments)
        secret = secret || lower.contains(fragment);
    if (!secret)
        return value;
    if (value == RedactedText.toLatin1())
        return value;
    if (lower == "authorization" || lower == "proxy-authorization") {
        // Keep the scheme ("Bearer", "Basic"): it helps debugging and is not secret.
        const qsizetype space = value.indexOf(' ');
        if (space > 0)
            return value.left(space) + ' ' + RedactedText.toLatin1();
    }
    return RedactedText.toLatin1();
}

QByteArray RequestLog::redactJson(const QByteArray &body)
{
    if (body.isEmpty())
        return body;
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError || document.isNull()) {
        // Already a placeholder from an earlier pass: keep it.
        if (body.startsWith('<') && body.endsWith(" bytes>"))
            return body;
        return "<" + QByteArray::number(body.size()) + " bytes>";
    }
    if (document.isObject())
        return QJsonDocument(redactObject(document.object())).toJson(QJsonDocument::Compact);
    if (document.isArray())
        return QJsonDocument(redactArray(document.array())).toJson(QJsonDocument::Compact);
    return body;
}

QString RequestLog::redactUrl(const QString &url)
{
    QUrl parsed(url);
    if (!parsed.isValid())
        return QStringLiteral("<invalid url>");
    if (!parsed.password().isEmpty())
        parsed.setPassword(RedactedText);
    if (parsed.hasQuery()) {
        QUrlQuery query(parsed);
        auto items = query.queryItems(QUrl::FullyEncoded);
        bool changed = false;
        for (auto &item : items) {
            if (isSecretName(QUrl::fromPercentEncoding(item.first.toLatin1()))) {
                item.second = QStringLiteral("REDACTED");
                changed = true;
            }
        }
        if (changed) {
            query.setQueryItems(items);
            parsed.setQuery(query);
        }
    }
    return parsed.toString();
}

bool RequestLog::isSecretName(const QString &name)
{
    const QString normalized = normalizedName(name);
    if (normalized.isEmpty())
        return false;
    static const QStringList exact = {
        QStringLiteral("password"),
        QStringLiteral("passcode"),
        QStringLiteral("secret"),
        QStringLiteral("token"),
        QStringLiteral("accesstoken"),
        QStringLiteral("refresh"),
        QStringLiteral("refreshtoken"),
        QStringLiteral("apikey"),
        QStringLiteral("key"),
        QStringLiteral("clientsecret"),
        QStringLiteral("jwttoken"),
        QStringLiteral("authorization"),
        QStringLiteral("jwt"),
        QStringLiteral("otp"),
        QStringLiteral("totp"),
        QStringLiteral("mfacode"),
        QStringLiteral("privatekey"),
        QStringLiteral("cookie"),
    };
    if (exact.contains(normalized))
        return true;
    // "oneTimeToken", "user_password", "apiSecret", "x_api_key": secret whatever the prefix.
    static const QStringList suffixes = {
        QStringLiteral("token"),
        QStringLiteral("secret"),
        QStringLiteral("password"),
        QStringLiteral("passcode"),
        QStringLiteral("apikey"),
    };
    for (const QString &suffix : suffixes) {
        if (normalized.endsWith(suffix))
            return true;
    }
    return false;
}
