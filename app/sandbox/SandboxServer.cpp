#include "SandboxServer.h"

#include "HttpServerAdapter.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#if QT_CONFIG(ssl)
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslSocket>
#endif

Q_LOGGING_CATEGORY(lcSandbox, "tokendesk.sandbox")

SandboxServer::SandboxServer(QObject *parent)
    : QObject(parent)
    , m_http(new HttpServerAdapter([this](const SandboxRequest &request) { return reply(request); }, this))
{ }

SandboxServer::~SandboxServer() = default;

void SandboxServer::addEmulator(std::unique_ptr<Emulator> emulator)
{
    if (!emulator)
        return;
    if (m_clock)
        emulator->setClock(m_clock);
    m_emulators.push_back(std::move(emulator));
}

Emulator *SandboxServer::emulator(const QString &id) const
{
    for (const auto &emulator : m_emulators) {
        if (emulator->id() == id)
            return emulator.get();
    }
    return nullptr;
}

QStringList SandboxServer::emulatorIds() const
{
    QStringList ids;
    for (const auto &emulator : m_emulators)
        ids << emulator->id();
    return ids;
}

bool SandboxServer::setTls(const QString &certificatePath, const QString &keyPath, QString *error)
{
    const auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
#if QT_CONFIG(ssl)
    if (!QSslSocket::supportsSsl())
        return fail(QStringLiteral("Qt has no TLS backend here"));
    QFile certificateFile(certificatePath);
    if (!certificateFile.open(QIODevice::ReadOnly))
        return fail(QStringLiteral("cannot read the certificate %1").arg(certificatePath));
    const QList<QSslCertificate> chain = QSslCertificate::fromData(certificateFile.readAll(), QSsl::Pem);
    if (chain.isEmpty() || chain.first().isNull())
        return fail(QStringLiteral("no PEM certificate in %1").arg(certificatePath));
    QFile keyFile(keyPath);
    if (!keyFile.open(QIODevice::ReadOnly))
        return fail(QStringLiteral("cannot read the key %1").arg(keyPath));
    const QByteArray keyPem = keyFile.readAll();
    QSslKey key(keyPem, QSsl::Rsa, QSsl::Pem);
    if (key.isNull())
        key = QSslKey(keyPem, QSsl::Ec, QSsl::Pem);
    if (key.isNull())
        return fail(QStringLiteral("no unencrypted PEM RSA or EC key in %1").arg(keyPath));
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setLocalCertificateChain(chain);
    configuration.setPrivateKey(key);
    configuration.setPeerVerifyMode(QSslSocket::VerifyNone); // clients are not asked for certificates
    m_http->setTlsConfiguration(configuration);
    m_tlsCertificatePath = certificatePath;
    m_tlsSubject = chain.first().subjectDisplayName();
    m_tlsFingerprint = QString::fromLatin1(chain.first().digest(QCryptographicHash::Sha256).toHex(':').toUpper());
    return true;
#else
    Q_UNUSED(certificatePath);
    Q_UNUSED(keyPath);
    return fail(QStringLiteral("this Qt was built without TLS support"));
#endif
}

bool SandboxServer::usesTls() const
{
    return m_http->usesTls();
}

bool SandboxServer::listen(quint16 port)
{
    if (m_port != 0)
        return true;
    m_port = m_http->listenLoopback(port);
    if (m_port == 0) {
        qCWarning(lcSandbox) << "cannot listen on 127.0.0.1 port" << port;
        return false;
    }
    qCInfo(lcSandbox) << "listening on" << url().toString();
    return true;
}

QUrl SandboxServer::url() const
{
    QUrl url;
    url.setScheme(usesTls() ? QStringLiteral("https") : QStringLiteral("http"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(m_port);
    return url;
}

QJsonObject SandboxServer::readyInfo() const
{
    QJsonObject services;
    for (const auto &emulator : m_emulators)
        services.insert(emulator->id(), emulator->readyInfo(url()));
    QJsonObject info {{QStringLiteral("port"), int(m_port)}, {QStringLiteral("services"), services}};
    if (usesTls()) {
        info.insert(QStringLiteral("tls"),
            QJsonObject {{QStringLiteral("certificate"), m_tlsCertificatePath},
                {QStringLiteral("subject"), m_tlsSubject}, {QStringLiteral("sha256"), m_tlsFingerprint}});
    }
    return info;
}

void SandboxServer::seedTokens(int count)
{
    for (const auto &emulator : m_emulators)
        emulator->seedTokens(count);
}

void SandboxServer::seedDemoTokens()
{
    for (const auto &emulator : m_emulators)
        emulator->seedDemoTokens();
}

void SandboxServer::setClock(SandboxClock clock)
{
    m_clock = std::move(clock);
    for (const auto &emulator : m_emulators)
        emulator->setClock(m_clock);
}

QDateTime SandboxServer::now() const
{
    return m_clock ? m_clock() : QDateTime::currentDateTimeUtc();
}

static bool isBelowPrefix(const QString &path, const QString &prefix)
{
    return path == prefix || (path.startsWith(prefix) && path.at(prefix.size()) == QLatin1Char('/'));
}

bool SandboxServer::setFaults(const QString &spec, QString *error)
{
    const bool ok = m_faults.addFromSpec(spec, error);
    if (ok && !spec.trimmed().isEmpty())
        qCInfo(lcSandbox).noquote() << "faults:" << spec;
    return ok;
}

SandboxResponse SandboxServer::dispatch(const SandboxRequest &request)
{
    SandboxReply result = reply(request);
    return result.response;
}

SandboxReply SandboxServer::reply(const SandboxRequest &request)
{
    m_log.append({request.method, request.path, now()});
    qCDebug(lcSandbox) << request.method << request.path;

    SandboxReply result;
    const std::optional<SandboxFault> fault = m_faults.take(request.path);
    if (!fault) {
        result.response = route(request);
        return result;
    }
    qCDebug(lcSandbox).noquote() << "injecting" << fault->toString();
    switch (fault->kind) {
    case SandboxFault::Kind::Delay:
        result.action = SandboxReply::Action::Delay;
        result.delayMs = fault->delayMs;
        result.response = route(request);
        break;
    case SandboxFault::Kind::Hang:
        result.action = SandboxReply::Action::Hang;
        break;
    case SandboxFault::Kind::Reset:
        // The real answer, cut off by the adapter; without a connection (dispatch()) a truncated body.
        result.action = SandboxReply::Action::Reset;
        result.response = route(request);
        if (result.response.body.size() < 64)
            result.response.body.append(QByteArray(64, ' '));
        break;
    default:
        result.response = FaultInjector::faultResponse(*fault, request, [&] { return route(request); });
        break;
    }
    return result;
}

SandboxResponse SandboxServer::controlRoute(const SandboxRequest &request)
{
    if (request.path != QLatin1String("/_sandbox/faults"))
        return SandboxResponse::json(404, {{QStringLiteral("error"), QStringLiteral("not_found")}});
    if (request.method == "DELETE") {
        clearFaults();
        return SandboxResponse::empty(204);
    }
    if (request.method == "GET") {
        QJsonArray list;
        for (const SandboxFault &fault : m_faults.faults())
            list.append(fault.toString());
        return SandboxResponse::json(200, {{QStringLiteral("faults"), list}});
    }
    if (request.method != "POST")
        return SandboxResponse::json(405, {{QStringLiteral("error"), QStringLiteral("method_not_allowed")}});
    const QJsonObject body = QJsonDocument::fromJson(request.body).object();
    QString error;
    std::optional<SandboxFault> fault = FaultInjector::parse(body.value(QLatin1String("fault")).toString(), &error);
    if (fault) {
        if (body.contains(QLatin1String("path")))
            fault->pathPrefix = body.value(QLatin1String("path")).toString();
        if (body.contains(QLatin1String("count")))
            fault->remaining =
                body.value(QLatin1String("count")).toInt(-1) > 0 ? body.value(QLatin1String("count")).toInt() : -1;
        if (!fault->pathPrefix.isEmpty() && !fault->pathPrefix.startsWith(QLatin1Char('/'))) {
            fault.reset();
            error = QStringLiteral("the path of a fault must start with '/'");
        }
    }
    if (!fault)
        return SandboxResponse::json(
            400, {{QStringLiteral("error"), QStringLiteral("bad_fault")}, {QStringLiteral("message"), error}});
    addFault(*fault);
    return SandboxResponse::json(201, {{QStringLiteral("fault"), fault->toString()}});
}

SandboxResponse SandboxServer::route(const SandboxRequest &request)
{
    if (request.path.startsWith(QLatin1String("/_sandbox/")))
        return controlRoute(request);

    Emulator *best = nullptr;
    qsizetype bestLength = -1;
    for (const auto &emulator : m_emulators) {
        const QString prefix = emulator->prefix();
        if (prefix.size() > bestLength && isBelowPrefix(request.path, prefix)) {
            best = emulator.get();
            bestLength = prefix.size();
        }
    }
    if (best) {
        SandboxRequest inner = request;
        inner.path = request.path.mid(bestLength);
        return best->handle(inner);
    }
    if (request.path == QLatin1String("/health") && request.method == "GET")
        return SandboxResponse::json(200, {{QStringLiteral("status"), QStringLiteral("ok")}});
    return SandboxResponse::json(404,
        {{QStringLiteral("error"), QStringLiteral("not_found")},
            {QStringLiteral("message"), QStringLiteral("No such route in the sandbox")},
            {QStringLiteral("path"), request.path}});
}
