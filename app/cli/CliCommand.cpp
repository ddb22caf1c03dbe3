#include "CliCommand.h"

#include "CliApplication.h"

#include "core/ApiError.h"
#include "core/Jwt.h"

CliCommand::CliCommand(const CliCommandSpec &spec, CliApplication *app)
    : QObject(app)
    , m_app(app)
    , m_spec(spec)
{ }

bool CliCommand::parse(const QStringList &words, CliArguments *out)
{
    return parse(words, m_spec.argumentSpec(), out);
}

bool CliCommand::parse(const QStringList &words, const CliArguments::Spec &argumentSpec, CliArguments *out)
{
    QString error;
    if (!CliArguments::parse(words, argumentSpec, out, &error)) {
        fail(2, error);
        return false;
    }
    const qsizetype count = out->positionals.size();
    if (count < m_spec.minPositionals || (m_spec.maxPositionals >= 0 && count > m_spec.maxPositionals)) {
        usageError();
        return false;
    }
    return true;
}

int CliCommand::usageError()
{
    return fail(2, tr("usage: tokendesk-cli %1").arg(m_spec.synopsis()));
}

int CliCommand::fail(const ApiError &error)
{
    const QString hint = signInHint();
    if (error.exitCode() == 3 && !hint.isEmpty())
        return fail(3, tr("%1; sign in with `tokendesk-cli login %2`").arg(error.fullMessage(), hint));
    return fail(error.exitCode(), error.fullMessage());
}

int CliCommand::fail(int code, const QString &message)
{
    return m_app->out().fail(code, message);
}

bool CliCommand::readTokenFromStdin(QString *value, int *code)
{
    if (m_app->hasStdinSecrets()) {
        *code = fail(2, tr("--token-stdin and --secrets-stdin cannot both read stdin"));
        return false;
    }
    QByteArray data;
    if (!CliApplication::readStdin(&data, Jwt::MaxInputBytes + 2)) {
        data.fill('\0');
        *code = fail(1, tr("the token on stdin is too large"));
        return false;
    }
    *value = QString::fromUtf8(data).trimmed();
    data.fill('\0');
    if (value->isEmpty()) {
        *code = fail(2, tr("--token-stdin: no token on stdin"));
        return false;
    }
    return true;
}

CliOutput &CliCommand::out() const
{
    return m_app->out();
}

bool CliCommand::jsonOutput() const
{
    return m_app->jsonOutput();
}
