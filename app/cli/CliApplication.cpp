#include "CliApplication.h"

#include "CliCommands.h"
#include "CliFuture.h"

#include "core/Clock.h"
#include "net/RequestLog.h"
#include "providers/ProviderRegistry.h"
#include "store/AuditLog.h"
#include "store/Database.h"
#include "store/Ledger.h"
#include "store/SecretStore.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QNetworkAccessManager>
#include <QProcessEnvironment>

#include <cstdio>

#ifdef Q_OS_WIN
#include <io.h>
#else
#include <unistd.h>
#endif

namespace {

bool g_verbose = false;

// Without --verbose, Qt and library diagnostics stay off stderr: each failure is ONE line there.
void quietMessageHandler(QtMsgType type, const QMessageLogContext &, const QString &message)
{
    if (type == QtFatalMsg || g_verbose) {
        const QByteArray bytes = message.toUtf8() + '\n';
        std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stderr);
    }
}

QString cliText(const char *text)
{
    return QCoreApplication::translate("CliApplication", text);
}

} // namespace

CliApplication::CliApplication(QObject *parent)
    : QObject(parent)
    , m_commands(new CliCommands(this))
{ }

CliApplication::~CliApplication()
{
    delete m_commands;
}

QString CliApplication::usage()
{
    return cliText(
        "Usage: tokendesk-cli [global options] <command> [arguments]\n"
        "\n"
        "Issue, audit and revoke API tokens from scripts.\n"
        "\n"
        "Global options:\n"
        "  --help                 show this help\n"
        "  --version              show the version\n"
        "  --config DIR           configuration directory (default: $TOKENDESK_CONFIG_DIR or the platform one)\n"
        "  --json                 machine-readable output\n"
        "  --secrets-stdin        read secrets as key=value lines from stdin (password, api_key, token,\n"
        "                         client_secret, or a secret field of the provider)\n"
        "  --password-stdin       read the password from the first line of stdin\n"
        "  --verbose              show diagnostics on stderr\n"
        "  (environment)          TOKENDESK_SECRET_<FIELD>, e.g. TOKENDESK_SECRET_API_KEY: a secret for this run\n"
        "                         only, never stored (for servers without a keychain)\n"
        "  --timeout SECONDS      give up when the command's requests have not finished in this time, retries\n"
        "                         included (default 30)\n"
        "\n"
        "Commands:\n"
        "  account add --provider ID --name NAME [--url URL] [--option key=value ...] [--secrets-stdin]\n"
        "  account list\n"
        "  account remove NAME|UUID\n"
        "  decode [JWT|-]                         inspect a JWT (no argument or '-' reads stdin)\n"
        "  tokens ACCOUNT [--user USER_ID] [--app APP_ID]\n"
        "  create ACCOUNT [--kind K] [--<field> VALUE ...]\n"
        "  show ACCOUNT ID|current\n"
        "  revoke ACCOUNT ID... [--uid SUBJECT] [--user USER_ID]\n"
        "  login ACCOUNT [--passcode-stdin | --passcode CODE]\n"
        "  logout ACCOUNT [--token-stdin]\n"
        "  verify ACCOUNT --token-stdin           does the server still accept this token? (0 rejected, 1 accepted)\n"
        "  revoke-all ACCOUNT --app APP_ID [--grace 60s] [--session S]... [--dry-run]\n"
        "  audit [--since TIME|24h|7d] [--until TIME|DURATION] [--account A] [--action A] [--outcome O] [--csv]\n"
        "  break-glass SUBJECT [--dry-run] [--account NAME]...   (every account; one grouped audit entry)\n"
        "  svix ACCOUNT dashboard-access --app APP_ID     a dashboard token and magic link (older route)\n"
        "  svix ACCOUNT exchange-one-time-token           one-time token of a magic link on stdin -> portal token\n"
        "\n"
        "Secrets are never accepted as arguments. Exit codes: 0 ok, 1 failed (also: the server refused a value\n"
        "or did not confirm a revoke or sign-out), 2 usage (an unknown command or option, or a missing or invalid\n"
        "value of any option, found before anything is sent), 3 authentication needed or refused, 4 not found or\n"
        "not available (also: logout without a session).\n");
}

bool CliApplication::isSecretOptionName(const QString &name)
{
    static const QStringList generic = {QStringLiteral("password"), QStringLiteral("api-key"),
        QStringLiteral("api_key"), QStringLiteral("apikey"), QStringLiteral("token"), QStringLiteral("secret"),
        QStringLiteral("client-secret"), QStringLiteral("client_secret"), QStringLiteral("passphrase")};
    const QString lowered = name.toLower();
    if (generic.contains(lowered))
        return true;
    for (const ProviderDescriptor &descriptor : ProviderRegistry::instance().all()) {
        for (const FieldSpec &field : descriptor.accountFields) {
            if (field.type != FieldSpec::Type::Secret)
                continue;
            if (lowered == field.key.toLower() || (!field.cliFlag.isEmpty() && lowered == field.cliFlag.toLower()))
                return true;
            QString dashed = field.key.toLower();
            dashed.replace(QLatin1Char('_'), QLatin1Char('-'));
            if (lowered == dashed)
                return true;
        }
    }
    return false;
}

bool CliApplication::readStdin(QByteArray *data, qsizetype maxBytes)
{
    QFile in;
    if (!in.open(stdin, QIODevice::ReadOnly))
        return false;
    QByteArray bytes;
    while (true) {
        const QByteArray chunk = in.read(64 * 1024);
        if (chunk.isEmpty())
            break;
        bytes += chunk;
        if (bytes.size() > maxBytes)
            return false;
    }
    *data = bytes;
    return true;
}

bool CliApplication::stdinIsTerminal()
{
#ifdef Q_OS_WIN
    return _isatty(_fileno(stdin)) != 0;
#else
    return isatty(fileno(stdin)) != 0;
#endif
}

bool CliApplication::checkSecretKeys(const QString &providerId, QString *badKey) const
{
    static const QStringList generic = {QStringLiteral("password"), QStringLiteral("api_key"), QStringLiteral("token"),
        QStringLiteral("client_secret")};
    const ProviderDescriptor *descriptor = ProviderRegistry::instance().find(providerId);
    const QStringList fields = descriptor ? descriptor->secretFields() : QStringList();
    for (auto it = m_stdinSecrets.cbegin(); it != m_stdinSecrets.cend(); ++it) {
        if (!generic.contains(it.key()) && !fields.contains(it.key())) {
            *badKey = it.key();
            return false;
        }
    }
    return true;
}

SecretStore *CliApplication::secrets()
{
    if (!m_secrets)
        m_secrets = new SecretStore(this);
    return m_secrets;
}

bool CliApplication::openDatabase(QString *error)
{
    if (m_database && m_database->isOpen())
        return true;
    if (!QDir().mkpath(m_configDir)) {
        *error = cliText("cannot create the configuration directory %1").arg(QDir::toNativeSeparators(m_configDir));
        return false;
    }
    m_database = std::make_unique<Database>(QDir(m_configDir).filePath(QStringLiteral("tokendesk.sqlite")));
    if (!m_database->open()) {
        *error = cliText("cannot open the database: %1").arg(m_database->lastError());
        m_database.reset();
        return false;
    }
    m_ledger = std::make_unique<Ledger>(m_database.get());
    m_audit = std::make_unique<AuditLog>(m_database.get());
    return true;
}

QDeadlineTimer CliApplication::restartDeadline()
{
    m_deadline = QDeadlineTimer(qint64(m_timeoutSeconds) * 1000);
    return m_deadline;
}

ProviderContext CliApplication::providerContext()
{
    if (!m_network)
        m_network = new QNetworkAccessManager(this);
    if (!m_requestLog) {
        m_requestLog = std::make_unique<RequestLog>();
        QDir().mkpath(m_configDir);
        m_requestLog->setFile(QDir(m_configDir).filePath(QStringLiteral("requests.log")));
    }
    ProviderContext context;
    context.network = m_network;
    context.clock = Clock::system();
    context.ledger = m_ledger.get();
    context.requestLog = m_requestLog.get();
    context.deadline = m_deadline;
    return context;
}

QFuture<int> CliApplication::run(const QStringList &arguments)
{
    QStringList words;
    QString configValue;
    bool passwordFromStdin = false;
    QString timeoutValue = QString::number(DefaultTimeoutSeconds);
    bool help = false;
    bool version = false;
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString &word = arguments.at(i);
        if (word == QLatin1String("--")) {
            words.append(arguments.mid(i));
            break;
        }
        if (word.startsWith(QLatin1String("--"))) {
            const QString name = word.mid(2).section(QLatin1Char('='), 0, 0);
            if (isSecretOptionName(name)) {
                return CliFuture::ready(m_out.fail(2,
                    cliText("secrets are never accepted on the command line (--%1): pass them as key=value lines on "
                            "stdin with --secrets-stdin")
                        .arg(name)));
            }
        }
        if (word == QLatin1String("--help") || word == QLatin1String("-h"))
            help = true;
        else if (word == QLatin1String("--version"))
            version = true;
        else if (word == QLatin1String("--json"))
            m_json = true;
        else if (word == QLatin1String("--secrets-stdin"))
            m_secretsFromStdin = true;
        else if (word == QLatin1String("--password-stdin"))
            passwordFromStdin = true;
        else if (word == QLatin1String("--verbose"))
            g_verbose = true;
        else if (word.startsWith(QLatin1String("--timeout=")))
            timeoutValue = word.mid(10);
        else if (word == QLatin1String("--timeout")) {
            if (i + 1 >= arguments.size())
                return CliFuture::ready(m_out.fail(2, cliText("option --timeout needs a value")));
            timeoutValue = arguments.at(++i);
        } else if (word.startsWith(QLatin1String("--config=")))
            configValue = word.mid(9);
        else if (word == QLatin1String("--config")) {
            if (i + 1 >= arguments.size())
                return CliFuture::ready(m_out.fail(2, cliText("option --config needs a value")));
            configValue = arguments.at(++i);
        } else
            words.append(word);
    }
    qInstallMessageHandler(quietMessageHandler);

    if (help) {
        m_out.raw(usage().toUtf8());
        return CliFuture::ready(0);
    }
    if (version) {
        m_out.line(QStringLiteral("tokendesk-cli %1").arg(QCoreApplication::applicationVersion()));
        return CliFuture::ready(0);
    }
    if (words.isEmpty())
        return CliFuture::ready(m_out.fail(2, cliText("no command given (see --help)")));
    bool timeoutOk = false;
    const int timeoutSeconds = timeoutValue.trimmed().toInt(&timeoutOk);
    if (!timeoutOk || timeoutSeconds < 1 || timeoutSeconds > MaxTimeoutSeconds) {
        return CliFuture::ready(m_out.fail(2,
            cliText("--timeout needs a whole number of seconds from 1 to %1, not \"%2\"")
                .arg(MaxTimeoutSeconds)
                .arg(timeoutValue)));
    }
    // Counted from here, so the time spent reading stdin and the keychain is part of it too.
    m_timeoutSeconds = timeoutSeconds;
    m_deadline = QDeadlineTimer(qint64(timeoutSeconds) * 1000);

    const QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    const QString prefix = QLatin1String(SecretEnvironmentPrefix);
    for (const QString &name : environment.keys()) {
        if (name.startsWith(prefix) && name.size() > prefix.size() && !environment.value(name).isEmpty())
            m_envSecrets.insert(name.mid(prefix.size()).toLower(), environment.value(name));
    }

    m_configDir = AccountStore::resolveConfigDir(configValue);
    m_accounts = std::make_unique<AccountStore>(m_configDir);

    if (passwordFromStdin && m_secretsFromStdin)
        return CliFuture::ready(m_out.fail(2, cliText("--password-stdin and --secrets-stdin cannot both read stdin")));
    if (passwordFromStdin) {
        // The first line of stdin is the password (docker login style).
        QByteArray data;
        if (!readStdin(&data))
            return CliFuture::ready(
                m_out.fail(2, cliText("--password-stdin: stdin could not be read or is too large")));
        QByteArray password = data.split('\n').value(0);
        if (password.endsWith('\r'))
            password.chop(1);
        if (password.isEmpty())
            return CliFuture::ready(m_out.fail(2, cliText("--password-stdin: no password on stdin")));
        m_secretsFromStdin = true;
        m_stdinSecrets.insert(QStringLiteral("password"), QString::fromUtf8(password));
    } else if (m_secretsFromStdin) {
        QByteArray data;
        if (!readStdin(&data))
            return CliFuture::ready(m_out.fail(2, cliText("--secrets-stdin: stdin could not be read or is too large")));
        const QList<QByteArray> lines = data.split('\n');
        for (QByteArray line : lines) {
            if (line.endsWith('\r'))
                line.chop(1);
            if (line.trimmed().isEmpty() || line.trimmed().startsWith('#'))
                continue;
            const qsizetype eq = line.indexOf('=');
            if (eq <= 0)
                return CliFuture::ready(
                    m_out.fail(2, cliText("--secrets-stdin: every line must be key=value (a line is not)")));
            m_stdinSecrets.insert(QString::fromUtf8(line.left(eq)).trimmed(), QString::fromUtf8(line.mid(eq + 1)));
        }
    }
    return m_commands->dispatch(words);
}
