#include "CliApplication.h"

#include "CliCommand.h"
#include "CliCommandTable.h"
#include "CliFieldFlags.h"
#include "CliFuture.h"

#include "core/Clock.h"
#include "net/RequestLog.h"
#include "providers/ProviderRegistry.h"
#include "store/AuditLog.h"
#include "store/Database.h"
#include "store/Ledger.h"
#include "store/RotationStore.h"
#include "store/SecretStore.h"
#include "store/TokenNotes.h"
#include "workflows/AccountLifecycle.h"
#include "workspace/Workspace.h"

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
{ }

CliApplication::~CliApplication()
{
    // A command (and the sessions it opened) goes before the database and stores it may still use.
    qDeleteAll(findChildren<CliCommand *>(Qt::FindDirectChildrenOnly));
    delete m_workspace;
}

QString CliApplication::usage()
{
    return cliText(
               "Usage: tokendesk-cli [global options] <command> [arguments]\n"
               "\n"
               "Issue, audit and revoke API tokens from scripts.\n"
               "\n"
               "Global options:\n"
               "  --help                 show this help (after a command: the options of that command)\n"
               "  --version              show the version\n"
               "  --config DIR           configuration directory (default: $TOKENDESK_CONFIG_DIR or the platform one)\n"
               "  --json                 machine-readable output\n"
               "  --secrets-stdin        read secrets as key=value lines from stdin (password, api_key, token,\n"
               "                         client_secret, or a secret field of the provider)\n"
               "  --password-stdin       read the password from the first line of stdin\n"
               "  --verbose              show diagnostics on stderr\n"
               "  (environment)          TOKENDESK_SECRET_<FIELD>, e.g. TOKENDESK_SECRET_API_KEY: a secret for this "
               "run\n"
               "                         only, never stored (for servers without a keychain)\n"
               "  --timeout SECONDS      give up when the command's requests have not finished in this time, retries\n"
               "                         included (default 30)\n"
               "\n"
               "Commands:\n")
        + CliCommandTable::commandList()
        + cliText(
            "\n"
            "Run `tokendesk-cli help COMMAND` or `tokendesk-cli COMMAND --help` for the options of a command.\n"
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
            if (field.type == FieldSpec::Type::Secret && CliFieldFlags::isSpellingOf(lowered, field))
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

AccountStore &CliApplication::accounts()
{
    Q_ASSERT(m_workspace); // made by run() from --config
    return *m_workspace->accountStore();
}

SecretStore *CliApplication::secrets()
{
    return m_workspace->secrets();
}

bool CliApplication::openDatabase(QString *error)
{
    QString message;
    if (m_workspace->openDatabase(&message))
        return true;
    *error = cliText("cannot open the database: %1").arg(message);
    return false;
}

Ledger *CliApplication::ledger() const
{
    return m_workspace && m_workspace->isDatabaseOpen() ? m_workspace->ledger() : nullptr;
}

AuditLog *CliApplication::auditLog() const
{
    return m_workspace && m_workspace->isDatabaseOpen() ? m_workspace->auditLog() : nullptr;
}

TokenNotes *CliApplication::tokenNotes() const
{
    return m_workspace && m_workspace->isDatabaseOpen() ? m_workspace->tokenNotes() : nullptr;
}

RotationStore *CliApplication::rotations() const
{
    return m_workspace && m_workspace->isDatabaseOpen() ? m_workspace->rotations() : nullptr;
}

AccountLifecycle *CliApplication::lifecycle()
{
    if (!m_lifecycleChecked) {
        m_lifecycleChecked = true;
        QString error;
        if (!openDatabase(&error))
            m_out.note(cliText("the change is not in the audit log and notes stay: %1").arg(error));
    }
    return m_workspace->lifecycle();
}

QDeadlineTimer CliApplication::restartDeadline()
{
    m_deadline = QDeadlineTimer(qint64(m_timeoutSeconds) * 1000);
    if (m_workspace)
        m_workspace->setDeadline(m_deadline);
    return m_deadline;
}

ProviderContext CliApplication::providerContext()
{
    return m_workspace->providerContext();
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
        if (!words.isEmpty())
            return CliFuture::ready(CliCommandTable::printHelp(this, words));
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
    delete m_workspace; // a second run() of the same object reads --config again
    m_workspace = new Workspace(m_configDir, nullptr, this);
    m_workspace->setRequestLogFile(true);
    m_workspace->setDeadline(m_deadline);

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
    return CliCommandTable::run(this, words);
}
