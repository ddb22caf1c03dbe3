#include "ExpiringCommand.h"

#include "CliAccountLister.h"
#include "CliApplication.h"
#include "CliOutput.h"
#include "CliTokenPrinter.h"

#include "core/Async.h"
#include "core/Clock.h"
#include "core/Duration.h"
#include "store/Preferences.h"
#include "workflows/ExpiringQuery.h"
#include "workflows/ExpiryCalendar.h"

#include <QJsonArray>
#include <QJsonObject>

ExpiringCommand::ExpiringCommand(CliApplication *app)
    : ExpiringCommand(spec(), app, Output::List, QStringLiteral("7d"))
{ }

ExpiringCommand::ExpiringCommand(
    const CliCommandSpec &spec, CliApplication *app, Output output, const QString &defaultWindow)
    : CliCommand(spec, app)
    , m_output(output)
    , m_defaultWindow(defaultWindow)
{ }

CliCommandSpec::Option ExpiringCommand::withinOption(const QString &defaultWindow)
{
    return {QStringLiteral("within"), CliArguments::Arity::Value, QStringLiteral("DURATION"),
        tr("tokens expiring within this time from now (default %1)").arg(defaultWindow)};
}

CliCommandSpec ExpiringCommand::spec()
{
    return {.name = QStringLiteral("expiring"),
        .summary = tr("live tokens expiring soon (exit 1 when there is any)"),
        .options = {withinOption(QStringLiteral("7d")), CliAccountLister::accountOption()}};
}

QFuture<int> ExpiringCommand::run(const QStringList &words)
{
    CliArguments args;
    if (!parse(words, &args))
        return CliFuture::ready(2);
    const QString within = args.has(QStringLiteral("within")) ? args.value(QStringLiteral("within")) : m_defaultWindow;
    QString why;
    const std::optional<double> seconds = Duration::parseSeconds(within, &why);
    if (!seconds || *seconds <= 0)
        return CliFuture::ready(fail(
            2, tr("--within: %1").arg(why.isEmpty() ? tr("a positive duration such as 7d or \"12 hours\"") : why)));
    m_withinSeconds = qint64(*seconds);
    m_lister = new CliAccountLister(m_app, this);
    if (const int code = m_lister->select(args.values(QStringLiteral("account"))))
        return CliFuture::ready(code);
    const QFuture<int> future = m_done.future();
    connect(m_lister, &CliAccountLister::finished, this, &ExpiringCommand::listed);
    m_lister->start();
    return future;
}

void ExpiringCommand::listed()
{
    const Clock &clock = *Clock::system();
    const QList<ExpiringToken> tokens = ExpiringQuery::select(m_lister->listed(), clock, m_withinSeconds);
    const int failed = m_lister->reportFailures();
    int code = failed;
    if (m_output == Output::Calendar) {
        const Preferences preferences(m_app->configDir());
        out().raw(ExpiryCalendar::toIcs(tokens, preferences.alertThresholdsSeconds(), clock.now()));
    } else {
        printList(tokens);
        // Something expiring is what a cron job must hear about first; an unchecked account otherwise.
        if (!tokens.isEmpty())
            code = 1;
    }
    Async::then(m_lister->settle(), this, [this, code](Result<Done>) { m_done.finish(code); });
}

void ExpiringCommand::printList(const QList<ExpiringToken> &tokens)
{
    const Clock &clock = *Clock::system();
    if (jsonOutput()) {
        QJsonArray array;
        for (const ExpiringToken &entry : tokens) {
            QJsonObject object = CliTokenPrinter::tokenJson(entry.token, clock);
            object.insert(QStringLiteral("account"), entry.account.name);
            object.insert(QStringLiteral("account_id"), entry.account.id.toString(QUuid::WithoutBraces));
            object.insert(QStringLiteral("provider"), entry.account.providerId);
            array.append(object);
        }
        out().json(array);
        return;
    }
    if (tokens.isEmpty()) {
        out().line(tr("No token expires within %1.").arg(Duration::format(m_withinSeconds)));
        return;
    }
    QList<QStringList> rows;
    for (const ExpiringToken &entry : tokens) {
        rows.append({entry.account.name, entry.token.label, entry.token.id, entry.expires.toString(Qt::ISODate),
            Duration::format(entry.remainingSeconds)});
    }
    out().table({tr("ACCOUNT"), tr("NAME"), tr("ID"), tr("EXPIRES"), tr("LEFT")}, rows);
}
