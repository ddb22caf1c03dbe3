#include "SvixCommand.h"

#include "CliApplication.h"

#include "core/Async.h"
#include "providers/AccountSession.h"
#include "providers/svix/SvixProvider.h"

#include <QJsonObject>

SvixCommand::SvixCommand(CliApplication *app)
    : CliSessionCommand(spec(), app)
{ }

CliCommandSpec SvixCommand::spec()
{
    return {.name = QStringLiteral("svix"),
        .arguments = QStringLiteral("ACCOUNT dashboard-access|exchange-one-time-token"),
        .summary = tr("Svix only: a dashboard token and magic link, or a magic link's one-time token (stdin) "
                      "exchanged for a portal token"),
        .options = {{QStringLiteral("app"), CliArguments::Arity::Value, QStringLiteral("APP_ID"),
            tr("the application (dashboard-access)")}},
        .minPositionals = 2,
        .maxPositionals = 2};
}

QFuture<int> SvixCommand::run(const QStringList &words)
{
    CliArguments args;
    if (!parse(words, &args))
        return CliFuture::ready(2);
    const QString operation = args.positionals.at(1);
    m_dashboard = operation == QLatin1String("dashboard-access");
    if (!m_dashboard && operation != QLatin1String("exchange-one-time-token"))
        return CliFuture::ready(usageError());
    m_appId = args.value(QStringLiteral("app")).trimmed();
    if (m_dashboard && m_appId.isEmpty())
        return CliFuture::ready(fail(2, tr("dashboard-access needs --app APP_ID")));
    if (!m_dashboard) {
        if (m_app->hasStdinSecrets())
            return CliFuture::ready(fail(2, tr("the one-time token is read from stdin, which --secrets-stdin used")));
        QByteArray data;
        if (!CliApplication::readStdin(&data, 64 * 1024))
            return CliFuture::ready(fail(1, tr("the token on stdin is too large")));
        m_oneTime = QString::fromUtf8(data).trimmed();
        if (m_oneTime.isEmpty())
            return CliFuture::ready(fail(2, tr("no one-time token on stdin")));
    }
    return runInSession(args.positionals.first());
}

void SvixCommand::inSession(AccountSession *session, const CliFuture::Completion &done)
{
    auto *provider = qobject_cast<SvixProvider *>(session->provider());
    if (!provider) {
        done.finish(fail(ApiError(ApiError::Kind::NotSupported, tr("this is not a Svix account"))));
        return;
    }
    if (m_dashboard) {
        Async::then(provider->dashboardAccess(m_appId), this, [this, session, done](Result<CreatedToken> r) {
            session->audit(QStringLiteral("dashboard-access"), m_appId, r.ok() ? ApiError() : r.error());
            if (!r.ok()) {
                done.finish(fail(r.error()));
                return;
            }
            print(r.value().value, r.value().link);
            done.finish(0);
        });
        return;
    }
    Async::then(provider->exchangeOneTimeToken(m_oneTime), this, [this, session, done](Result<QString> r) {
        session->audit(QStringLiteral("exchange-one-time-token"), QString(), r.ok() ? ApiError() : r.error());
        if (!r.ok()) {
            done.finish(fail(r.error()));
            return;
        }
        print(r.value(), QString());
        done.finish(0);
    });
}

void SvixCommand::print(const QString &value, const QString &link)
{
    if (jsonOutput()) {
        QJsonObject object;
        object.insert(QStringLiteral("token"), value);
        if (!link.isEmpty())
            object.insert(QStringLiteral("link"), link);
        out().json(object);
        return;
    }
    out().line(tr("The value is shown once:"));
    out().line(value);
    if (!link.isEmpty())
        out().line(tr("Link: %1").arg(link));
}
