#include "PrismProxy.h"

#include "ChildProcess.h"

#include "TestPaths.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTcpServer>

namespace {

const QStringList &httpMethods()
{
    static const QStringList methods = {QStringLiteral("get"), QStringLiteral("put"), QStringLiteral("post"),
        QStringLiteral("delete"), QStringLiteral("options"), QStringLiteral("head"), QStringLiteral("patch"),
        QStringLiteral("trace")};
    return methods;
}

// "/jwt/{jti}" and "/jwt/{uid}" are the same route.
QString routeShape(const QString &path)
{
    static const QRegularExpression parameter(QStringLiteral("\\{[^}]*\\}"));
    QString shape = path;
    return shape.replace(parameter, QStringLiteral("{}"));
}

// Marks a schema this file made, so a third variant joins the same anyOf instead of nesting.
const QString MergedMarker = QStringLiteral("x-tokendesk-merged-variants");

QJsonObject anyOfSchemas(const QJsonValue &first, const QJsonValue &second)
{
    if (first == second)
        return first.toObject();
    QJsonArray alternatives;
    if (first.toObject().value(MergedMarker).toBool())
        alternatives = first.toObject().value(QLatin1String("anyOf")).toArray();
    else
        alternatives.append(first);
    alternatives.append(second);
    return {{QStringLiteral("anyOf"), alternatives}, {MergedMarker, true}};
}

// Content maps ("application/json" → {schema, example...}) of two variants of one body or answer.
QJsonObject mergeContent(const QJsonObject &base, const QJsonObject &variant)
{
    QJsonObject merged = base;
    for (auto it = variant.begin(); it != variant.end(); ++it) {
        if (!merged.contains(it.key())) {
            merged.insert(it.key(), it.value());
            continue;
        }
        QJsonObject media = merged.value(it.key()).toObject();
        media.insert(QStringLiteral("schema"),
            anyOfSchemas(media.value(QLatin1String("schema")), it.value().toObject().value(QLatin1String("schema"))));
        media.remove(QStringLiteral("example")); // an example of one variant only
        merged.insert(it.key(), media);
    }
    return merged;
}

QJsonObject mergeOperations(QJsonObject base, const QJsonObject &variant)
{
    const QJsonObject baseBody = base.value(QLatin1String("requestBody")).toObject();
    const QJsonObject variantBody = variant.value(QLatin1String("requestBody")).toObject();
    if (!baseBody.isEmpty() || !variantBody.isEmpty()) {
        QJsonObject body = baseBody.isEmpty() ? variantBody : baseBody;
        if (!baseBody.isEmpty() && !variantBody.isEmpty()) {
            body.insert(QStringLiteral("content"),
                mergeContent(baseBody.value(QLatin1String("content")).toObject(),
                    variantBody.value(QLatin1String("content")).toObject()));
        } else {
            body.insert(QStringLiteral("required"), false); // one variant has no body
        }
        base.insert(QStringLiteral("requestBody"), body);
    }
    QJsonObject responses = base.value(QLatin1String("responses")).toObject();
    const QJsonObject variantResponses = variant.value(QLatin1String("responses")).toObject();
    for (auto it = variantResponses.begin(); it != variantResponses.end(); ++it) {
        if (!responses.contains(it.key())) {
            responses.insert(it.key(), it.value());
            continue;
        }
        QJsonObject response = responses.value(it.key()).toObject();
        response.insert(QStringLiteral("content"),
            mergeContent(response.value(QLatin1String("content")).toObject(),
                it.value().toObject().value(QLatin1String("content")).toObject()));
        responses.insert(it.key(), response);
    }
    base.insert(QStringLiteral("responses"), responses);
    // Parameters stay those of the first operation: a header one variant requires (the delegated grant's
    // Authorization) does not hold for the others, and a path parameter keeps the first operation's name.
    return base;
}

// OpenAPI 3.1 schemas are JSON Schema 2020-12, where a "$ref" and its sibling keywords all apply; Prism lets the
// siblings replace the referenced schema instead (NetSapiens' POST /jwt body, {"$ref": AuthRequest, "required":
// ["grant_type"]}, would then need grant_type alone). {"allOf": [{"$ref"}], siblings...} means the same to both.
QJsonValue refSiblingsAsAllOf(const QJsonValue &value, int *rewritten)
{
    if (value.isArray()) {
        QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i)
            array[i] = refSiblingsAsAllOf(array.at(i), rewritten);
        return array;
    }
    if (!value.isObject())
        return value;
    QJsonObject object = value.toObject();
    for (auto it = object.begin(); it != object.end(); ++it)
        it.value() = refSiblingsAsAllOf(it.value(), rewritten);
    if (!object.contains(QLatin1String("$ref")))
        return object;
    bool constrained = false;
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        const QString &key = it.key();
        if (key != QLatin1String("$ref") && !key.startsWith(QLatin1String("x-")) && key != QLatin1String("description")
            && key != QLatin1String("summary"))
            constrained = true;
    }
    if (!constrained)
        return object;
    ++*rewritten;
    const QJsonObject reference {{QStringLiteral("$ref"), object.take(QLatin1String("$ref"))}};
    object.insert(QStringLiteral("allOf"), QJsonArray {reference});
    return object;
}

} // namespace

PrismProxy::PrismProxy()
{
    m_process.setProcessChannelMode(QProcess::MergedChannels);
}

PrismProxy::~PrismProxy()
{
    stop();
}

QString PrismProxy::nodeModules(QString *whyNot)
{
    const QString pointer =
        QDir(TestPaths::binaryDir()).filePath(QStringLiteral("tests/conformance/node-modules-path"));
    QFile file(pointer);
    if (!file.open(QIODevice::ReadOnly)) {
        *whyNot = QStringLiteral("the node tools are not installed (%1 is missing; the conformance_node_tools test "
                                 "installs them and says why it could not)")
                      .arg(pointer);
        return {};
    }
    const QString path = QString::fromUtf8(file.readAll()).trimmed();
    if (!QFileInfo::exists(QDir(path).filePath(QStringLiteral("@stoplight/prism-cli/dist/index.js")))) {
        *whyNot = QStringLiteral("%1 has no Prism").arg(path);
        return {};
    }
    return path;
}

QString PrismProxy::specsDir(QString *whyNot)
{
    const QString dir = QDir::cleanPath(TestPaths::sourceDir() + QStringLiteral("/../shared/contracts/specs"));
    if (!QFileInfo(dir).isDir()) {
        *whyNot = QStringLiteral("the OpenAPI specs are not beside the checkout (%1)").arg(dir);
        return {};
    }
    return dir;
}

QByteArray PrismProxy::prepareSpec(const QByteArray &json, QStringList *notes)
{
    QJsonObject root = QJsonDocument::fromJson(json).object();
    QJsonObject paths = root.value(QLatin1String("paths")).toObject();
    const QStringList keys = paths.keys();
    for (const QString &key : keys) {
        const qsizetype hash = key.indexOf(QLatin1Char('#'));
        if (hash < 0)
            continue;
        const QString shape = routeShape(key.left(hash));
        QString base = key.left(hash);
        for (const QString &candidate : keys) {
            if (!candidate.contains(QLatin1Char('#')) && routeShape(candidate) == shape)
                base = candidate;
        }
        const QJsonObject variant = paths.take(key).toObject();
        QJsonObject target = paths.value(base).toObject();
        for (auto it = variant.begin(); it != variant.end(); ++it) {
            if (!httpMethods().contains(it.key()) || !target.contains(it.key())) {
                if (!target.contains(it.key()))
                    target.insert(it.key(), it.value());
                continue;
            }
            target.insert(it.key(), mergeOperations(target.value(it.key()).toObject(), it.value().toObject()));
            if (notes)
                *notes << QStringLiteral("%1 %2 merged into %3").arg(it.key().toUpper(), key, base);
        }
        paths.insert(base, target);
    }
    root.insert(QStringLiteral("paths"), paths);
    if (root.value(QLatin1String("openapi")).toString().startsWith(QLatin1String("3.1"))) {
        int rewritten = 0;
        root = refSiblingsAsAllOf(root, &rewritten).toObject();
        if (notes && rewritten > 0)
            *notes << QStringLiteral("%1 $ref with sibling keywords as allOf").arg(rewritten);
    }
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

bool PrismProxy::start(const QString &nodeModules, const QString &specPath, const QUrl &upstream)
{
    QString node = QStandardPaths::findExecutable(QStringLiteral("node"));
    if (node.isEmpty())
        node = QStandardPaths::findExecutable(QStringLiteral("nodejs"));
    if (node.isEmpty()) {
        m_error = QStringLiteral("node is not installed");
        return false;
    }
    QFile spec(specPath);
    if (!m_dir.isValid() || !spec.open(QIODevice::ReadOnly)) {
        m_error = QStringLiteral("cannot read %1").arg(specPath);
        return false;
    }
    const QString prepared = m_dir.filePath(QFileInfo(specPath).fileName());
    QFile out(prepared);
    if (!out.open(QIODevice::WriteOnly) || out.write(prepareSpec(spec.readAll())) < 0) {
        m_error = QStringLiteral("cannot write %1").arg(prepared);
        return false;
    }
    out.close();

    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("NO_COLOR"), QStringLiteral("1"));
    environment.insert(QStringLiteral("FORCE_COLOR"), QStringLiteral("0"));
    m_process.setProcessEnvironment(environment);
    m_process.setProgram(node);
    // A free port: the kernel picks one and Prism takes it over a moment later, so another process may be quicker.
    for (int attempt = 0; attempt < 3; ++attempt) {
        {
            QTcpServer probe;
            if (!probe.listen(QHostAddress::LocalHost, 0)) {
                m_error = QStringLiteral("no free port");
                return false;
            }
            m_port = probe.serverPort();
        }
        m_log.clear();
        m_partialLine.clear();
        m_process.setArguments({QDir(nodeModules).filePath(QStringLiteral("@stoplight/prism-cli/dist/index.js")),
            QStringLiteral("proxy"), prepared, upstream.toString(), QStringLiteral("--host"),
            QStringLiteral("127.0.0.1"), QStringLiteral("--port"), QString::number(m_port),
            QStringLiteral("--verboseLevel"), QStringLiteral("info")});
        m_process.start();
        if (!m_process.waitForStarted(10'000)) {
            m_error = QStringLiteral("node did not start: %1").arg(m_process.errorString());
            return false;
        }
        // Loading the spec and starting node takes a few seconds, longer on a busy machine.
        const QDeadlineTimer deadline(90'000);
        while (
            !m_log.contains("Prism is listening") && m_process.state() == QProcess::Running && !deadline.hasExpired()) {
            m_process.waitForReadyRead(500);
            readOutput();
        }
        readOutput();
        if (m_log.contains("Prism is listening")) {
            m_violations.clear();
            m_forwarded = 0;
            return true;
        }
        m_error = QStringLiteral("Prism did not start with %1:\n%2")
                      .arg(QFileInfo(specPath).fileName(), QString::fromUtf8(m_log.right(4000)));
        stop();
        if (!m_log.contains("EADDRINUSE"))
            break;
    }
    return false;
}

void PrismProxy::stop()
{
    ChildProcess::stop(m_process);
}

QUrl PrismProxy::url() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_port));
}

void PrismProxy::readOutput()
{
    const QByteArray chunk = m_process.readAll();
    if (chunk.isEmpty())
        return;
    m_log += chunk;
    m_partialLine += chunk;
    qsizetype newline;
    while ((newline = m_partialLine.indexOf('\n')) >= 0) {
        parse(m_partialLine.left(newline));
        m_partialLine.remove(0, newline + 1);
    }
}

void PrismProxy::parse(const QByteArray &rawLine)
{
    static const QRegularExpression ansi(QStringLiteral("\x1b\\[[0-9;]*m"));
    static const QRegularExpression received(QStringLiteral("\\[HTTP SERVER\\] (\\w+) (\\S+) .*Request received"));
    static const QRegularExpression returned(QStringLiteral("The upstream call to \\S+ has returned (\\d+)"));
    QString line = QString::fromUtf8(rawLine);
    line.remove(ansi);
    const QRegularExpressionMatch request = received.match(line);
    if (request.hasMatch()) {
        m_currentRequest = request.captured(1).toUpper() + QLatin1Char(' ') + request.captured(2);
        m_currentStatus.clear();
        return;
    }
    const QRegularExpressionMatch status = returned.match(line);
    if (status.hasMatch()) {
        m_currentStatus = status.captured(1);
        return;
    }
    if (line.contains(QLatin1String("> Forwarding \""))) {
        ++m_forwarded;
        return;
    }
    QString problem;
    if (line.contains(QLatin1String("Remocking the call")))
        problem =
            QStringLiteral("Prism replaced the upstream's 501 with a mocked answer: the exchange was not checked");
    const qsizetype violation = line.indexOf(QLatin1String("Violation: "));
    if (violation >= 0)
        problem = line.mid(violation + 11).trimmed();
    else if (problem.isEmpty() && line.contains(QLatin1String("error "))
        && line.contains(QChar(0x2716))) // ✖, Prism's errors
        problem = QStringLiteral("Prism: ") + line.mid(line.indexOf(QChar(0x2716)) + 1).trimmed();
    if (problem.isEmpty())
        return;
    const QString exchange = m_currentStatus.isEmpty()
        ? m_currentRequest
        : m_currentRequest + QStringLiteral(" [") + m_currentStatus + QLatin1Char(']');
    const QString entry = exchange + QStringLiteral(": ") + problem;
    for (const Allowed &allowed : std::as_const(m_allowed)) {
        if (exchange.contains(allowed.request) && problem.contains(allowed.violation)) {
            m_allowedSeen << entry + QStringLiteral(" (allowed: ") + allowed.reason + QLatin1Char(')');
            return;
        }
    }
    m_violations << entry;
}

void PrismProxy::settle()
{
    // Prism logs a violation just after the exchange; wait until it has been quiet for a moment.
    const QDeadlineTimer deadline(5'000);
    while (!deadline.hasExpired() && m_process.state() == QProcess::Running && m_process.waitForReadyRead(400))
        readOutput();
    readOutput();
}

int PrismProxy::forwardedCount()
{
    settle();
    return m_forwarded;
}

QStringList PrismProxy::takeViolations()
{
    settle();
    if (m_process.state() != QProcess::Running)
        m_violations << QStringLiteral("Prism stopped:\n") + QString::fromUtf8(m_log.right(2000));
    const QStringList violations = m_violations;
    m_violations.clear();
    return violations;
}
