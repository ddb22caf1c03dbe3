#include "FaultInjector.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <iterator>

namespace {

const int AllowedStatuses[] = {400, 401, 403, 404, 405, 409, 422, 429, 500, 502, 503, 504};

bool setError(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}

std::optional<int> parseDelayMs(QString value)
{
    int factor = 1;
    if (value.endsWith(QLatin1String("ms"))) {
        value.chop(2);
    } else if (value.endsWith(QLatin1Char('s'))) {
        value.chop(1);
        factor = 1000;
    }
    bool ok = false;
    const int number = value.toInt(&ok);
    if (!ok || number < 0 || number > 600'000 / factor)
        return std::nullopt;
    return number * factor;
}

// Every value replaced by one of another type: strings become numbers, numbers strings, and so on.
QJsonValue wrongTyped(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::String:
        return 12345;
    case QJsonValue::Double:
        return QStringLiteral("not-a-number");
    case QJsonValue::Bool:
        return QStringLiteral("yes");
    case QJsonValue::Null:
        return QJsonArray {1};
    case QJsonValue::Array: {
        QJsonArray result;
        const QJsonArray array = value.toArray();
        for (const QJsonValue &item : array)
            result.append(wrongTyped(item));
        return result;
    }
    case QJsonValue::Object: {
        QJsonObject result;
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it)
            result.insert(it.key(), wrongTyped(it.value()));
        return result;
    }
    default:
        return QJsonValue();
    }
}

} // namespace

QString SandboxFault::toString() const
{
    QString text;
    switch (kind) {
    case Kind::Delay:
        text = QStringLiteral("delay=%1ms").arg(delayMs);
        break;
    case Kind::Hang:
        text = QStringLiteral("hang");
        break;
    case Kind::Reset:
        text = QStringLiteral("reset");
        break;
    case Kind::MalformedJson:
        text = QStringLiteral("malformed-json");
        break;
    case Kind::WrongTypes:
        text = QStringLiteral("wrong-types");
        break;
    case Kind::HugeBody:
        text = QStringLiteral("huge-body");
        break;
    case Kind::HtmlError:
        text = QStringLiteral("html-error");
        break;
    case Kind::Status:
        text = QStringLiteral("status=%1").arg(status);
        break;
    case Kind::RedirectOtherHost:
        text = QStringLiteral("redirect-other-host");
        break;
    case Kind::Empty200:
        text = QStringLiteral("empty-200");
        break;
    }
    if (retryAfterSeconds)
        text += QStringLiteral("+retry-after=%1").arg(*retryAfterSeconds);
    if (remaining >= 0)
        text += QStringLiteral(":%1").arg(remaining);
    if (!pathPrefix.isEmpty())
        text += QLatin1Char('@') + pathPrefix;
    return text;
}

std::optional<SandboxFault> FaultInjector::parse(const QString &input, QString *error)
{
    QString text = input.trimmed();
    SandboxFault fault;
    if (const qsizetype at = text.indexOf(QLatin1Char('@')); at >= 0) {
        fault.pathPrefix = text.mid(at + 1).trimmed();
        text = text.left(at);
        if (!fault.pathPrefix.startsWith(QLatin1Char('/'))) {
            setError(error, QStringLiteral("the path of a fault must start with '/'"));
            return std::nullopt;
        }
    }
    if (const qsizetype colon = text.indexOf(QLatin1Char(':')); colon >= 0) {
        const QString count = text.mid(colon + 1).trimmed();
        text = text.left(colon);
        bool ok = true;
        fault.remaining = count == QLatin1String("once") ? 1 : count.toInt(&ok);
        if (!ok || fault.remaining < 1) {
            setError(error, QStringLiteral("the count of a fault must be 'once' or a number >= 1"));
            return std::nullopt;
        }
    }
    const QStringList parts = text.split(QLatin1Char('+'));
    for (qsizetype i = 0; i < parts.size(); ++i) {
        const QString part = parts.at(i).trimmed();
        const qsizetype equals = part.indexOf(QLatin1Char('='));
        const QString name = (equals < 0 ? part : part.left(equals)).toLower();
        const QString value = equals < 0 ? QString() : part.mid(equals + 1).trimmed();
        if (name == QLatin1String("retry-after")) {
            bool ok = false;
            const int seconds = value.toInt(&ok);
            if (!ok || seconds < 0) {
                setError(error, QStringLiteral("retry-after needs a number of seconds"));
                return std::nullopt;
            }
            fault.retryAfterSeconds = seconds;
            if (i == 0) { // "retry-after=N" alone: a 429 with that Retry-After
                fault.kind = SandboxFault::Kind::Status;
                fault.status = 429;
            }
            continue;
        }
        if (i > 0) {
            setError(error, QStringLiteral("only retry-after may follow '+' in a fault"));
            return std::nullopt;
        }
        using Kind = SandboxFault::Kind;
        static const QList<QPair<QLatin1String, Kind>> simple = {
            {QLatin1String("hang"), Kind::Hang},
            {QLatin1String("reset"), Kind::Reset},
            {QLatin1String("malformed-json"), Kind::MalformedJson},
            {QLatin1String("wrong-types"), Kind::WrongTypes},
            {QLatin1String("huge-body"), Kind::HugeBody},
            {QLatin1String("html-error"), Kind::HtmlError},
            {QLatin1String("redirect-other-host"), Kind::RedirectOtherHost},
            {QLatin1String("empty-200"), Kind::Empty200},
        };
        bool known = false;
        for (const auto &entry : simple) {
            if (name == entry.first) {
                fault.kind = entry.second;
                known = true;
            }
        }
        if (known && !value.isEmpty()) {
            setError(error, QStringLiteral("the fault '%1' takes no value").arg(name));
            return std::nullopt;
        }
        if (name == QLatin1String("delay")) {
            const std::optional<int> ms = parseDelayMs(value);
            if (!ms) {
                setError(error, QStringLiteral("delay needs a duration such as 200ms or 2s"));
                return std::nullopt;
            }
            fault.kind = Kind::Delay;
            fault.delayMs = *ms;
            known = true;
        } else if (name == QLatin1String("status")) {
            bool ok = false;
            fault.status = value.toInt(&ok);
            if (!ok
                || std::find(std::begin(AllowedStatuses), std::end(AllowedStatuses), fault.status)
                    == std::end(AllowedStatuses)) {
                setError(error, QStringLiteral("status needs one of the error codes 400-504"));
                return std::nullopt;
            }
            fault.kind = Kind::Status;
            known = true;
        }
        if (!known) {
            setError(error, QStringLiteral("unknown fault '%1'").arg(name));
            return std::nullopt;
        }
    }
    if (fault.retryAfterSeconds
        && !(fault.kind == SandboxFault::Kind::Status && (fault.status == 429 || fault.status == 503))) {
        setError(error, QStringLiteral("retry-after goes with status=429 or status=503 only"));
        return std::nullopt;
    }
    return fault;
}

bool FaultInjector::addFromSpec(const QString &spec, QString *error)
{
    QList<SandboxFault> parsed;
    const QStringList items = spec.split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (const QString &item : items) {
        if (item.trimmed().isEmpty())
            continue;
        const std::optional<SandboxFault> fault = parse(item, error);
        if (!fault)
            return false;
        parsed.append(*fault);
    }
    m_faults.append(parsed);
    return true;
}

std::optional<SandboxFault> FaultInjector::take(const QString &path)
{
    if (path.startsWith(QLatin1String("/_sandbox/")) || path == QLatin1String("/_sandbox"))
        return std::nullopt;
    for (qsizetype i = 0; i < m_faults.size(); ++i) {
        SandboxFault &fault = m_faults[i];
        const QString &prefix = fault.pathPrefix;
        const bool matches = prefix.isEmpty() || path == prefix
            || (path.startsWith(prefix) && (prefix.endsWith(QLatin1Char('/')) || path.at(prefix.size()) == u'/'));
        if (!matches || fault.remaining == 0)
            continue;
        const SandboxFault result = fault;
        if (fault.remaining > 0 && --fault.remaining == 0)
            m_faults.removeAt(i);
        return result;
    }
    return std::nullopt;
}

SandboxResponse FaultInjector::faultResponse(
    const SandboxFault &fault, const SandboxRequest &request, const std::function<SandboxResponse()> &normal)
{
    using Kind = SandboxFault::Kind;
    switch (fault.kind) {
    case Kind::MalformedJson:
        return SandboxResponse::text(200, "{\"data\": [{\"id\": \"tok_1\", \"name\": ", "application/json");
    case Kind::WrongTypes: {
        const SandboxResponse real = normal();
        const QJsonDocument document = QJsonDocument::fromJson(real.body);
        QJsonValue value;
        if (document.isObject())
            value = wrongTyped(document.object());
        else if (document.isArray())
            value = wrongTyped(document.array());
        else
            value = QJsonObject {{QStringLiteral("id"), 1}, {QStringLiteral("token_id"), false},
                {QStringLiteral("name"), QJsonArray {}}, {QStringLiteral("data"), 7}, {QStringLiteral("token"), 99},
                {QStringLiteral("created_at"), true}};
        const QByteArray body = value.isArray() ? QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact)
                                                : QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact);
        return SandboxResponse::text(200, body, "application/json");
    }
    case Kind::HugeBody: {
        QByteArray body;
        body.reserve(SandboxFault::HugeBodyBytes);
        body.append("{\"data\":\"");
        body.append(SandboxFault::HugeBodyBytes - 11, 'x');
        body.append("\"}");
        return SandboxResponse::text(200, body, "application/json");
    }
    case Kind::HtmlError:
        return SandboxResponse::text(502,
            "<!DOCTYPE html><html><head><title>502 Bad Gateway</title><style>body{color:red}</style></head>"
            "<body><h1>Bad Gateway</h1><p>The upstream server is not answering.</p><hr><address>nginx</address>"
            "</body></html>",
            "text/html; charset=utf-8");
    case Kind::Status: {
        SandboxResponse response = SandboxResponse::json(fault.status,
            {{QStringLiteral("error"), QStringLiteral("injected_fault")},
                {QStringLiteral("message"), QStringLiteral("Injected fault: HTTP %1").arg(fault.status)}});
        if (fault.retryAfterSeconds)
            response.headers.append({"Retry-After", QByteArray::number(*fault.retryAfterSeconds)});
        return response;
    }
    case Kind::RedirectOtherHost: {
        QUrl target = request.url;
        target.setScheme(QStringLiteral("http"));
        target.setHost(QStringLiteral("other-host.invalid"));
        return SandboxResponse::redirect(302, target.toString());
    }
    case Kind::Empty200:
        return SandboxResponse::empty(200);
    case Kind::Delay:
    case Kind::Hang:
    case Kind::Reset:
        break;
    }
    return normal();
}
