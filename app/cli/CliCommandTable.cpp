#include "CliCommandTable.h"

#include "CliApplication.h"
#include "CliCommand.h"
#include "CliFuture.h"
#include "commands/AccountAddCommand.h"
#include "commands/AccountListCommand.h"
#include "commands/AccountRemoveCommand.h"
#include "commands/AuditCommand.h"
#include "commands/BreakGlassCommand.h"
#include "commands/CalendarCommand.h"
#include "commands/CreateCommand.h"
#include "commands/DecodeCommand.h"
#include "commands/ExpiringCommand.h"
#include "commands/HelpCommand.h"
#include "commands/IdentifyCommand.h"
#include "commands/LoginCommand.h"
#include "commands/LogoutCommand.h"
#include "commands/RevokeAllCommand.h"
#include "commands/RevokeCommand.h"
#include "commands/RotateCommand.h"
#include "commands/ScanCommand.h"
#include "commands/ShowCommand.h"
#include "commands/SvixCommand.h"
#include "commands/TokensCommand.h"
#include "commands/VerifyCommand.h"

#include "core/Async.h"

#include <QCoreApplication>

namespace {

QString tr_(const char *text)
{
    return QCoreApplication::translate("CliCommandTable", text);
}

} // namespace

const QList<CliCommandTable::Entry> &CliCommandTable::entries()
{
    static const QList<Entry> table = {
        entry<AccountAddCommand>(),
        entry<AccountListCommand>(),
        entry<AccountRemoveCommand>(),
        entry<DecodeCommand>(),
        entry<TokensCommand>(),
        entry<CreateCommand>(),
        entry<ShowCommand>(),
        entry<RevokeCommand>(),
        entry<LoginCommand>(),
        entry<LogoutCommand>(),
        entry<VerifyCommand>(),
        entry<RevokeAllCommand>(),
        entry<RotateCommand>(),
        entry<AuditCommand>(),
        entry<BreakGlassCommand>(),
        entry<IdentifyCommand>(),
        entry<ScanCommand>(),
        entry<ExpiringCommand>(),
        entry<CalendarCommand>(),
        entry<SvixCommand>(),
        entry<HelpCommand>(),
    };
    return table;
}

QList<CliCommandTable::Entry> CliCommandTable::lookUp(const QStringList &words, qsizetype *used)
{
    *used = 0;
    QList<Entry> group;
    const Entry *best = nullptr;
    for (const Entry &entry : entries()) {
        const CliCommandSpec spec = entry.spec();
        const QStringList name = spec.name.split(QLatin1Char(' '));
        if (name.size() > *used && words.mid(0, name.size()) == name) {
            best = &entry;
            *used = name.size();
        }
        if (*used == 0 && !words.isEmpty() && spec.aliases.contains(words.first())) {
            best = &entry;
            *used = 1;
        }
        if (name.size() > 1 && name.first() == words.value(0))
            group.append(entry);
    }
    if (best)
        return {*best};
    if (!group.isEmpty())
        *used = 1;
    return group;
}

QFuture<int> CliCommandTable::run(CliApplication *app, const QStringList &words)
{
    const QString first = words.value(0);
    qsizetype used = 0;
    const QList<Entry> found = lookUp(words, &used);
    if (found.isEmpty()) {
        if (first.startsWith(QLatin1String("--")))
            return CliFuture::ready(app->out().fail(2, tr_("unknown option %1 (see --help)").arg(first)));
        return CliFuture::ready(unknownCommand(app, first));
    }
    if (found.size() > 1) {
        // A group without (or with an unknown) sub-command: "account add|list|remove".
        QStringList subs;
        for (const Entry &entry : found)
            subs.append(entry.spec().name.section(QLatin1Char(' '), 1));
        return CliFuture::ready(app->out().fail(
            2, tr_("usage: tokendesk-cli %1 %2 ... (see --help)").arg(first, subs.join(QLatin1Char('|')))));
    }
    CliCommand *command = found.first().create(app);
    // The caller's continuation goes on the returned future: a QFuture keeps only one.
    return Async::then(command->run(words.mid(used)), app, [command](int code) {
        command->deleteLater();
        return code;
    });
}

int CliCommandTable::printHelp(CliApplication *app, const QStringList &words)
{
    qsizetype used = 0;
    const QList<Entry> found = lookUp(words, &used);
    if (found.isEmpty())
        return unknownCommand(app, words.value(0));
    QStringList texts;
    for (const Entry &entry : found)
        texts.append(entry.spec().help());
    app->out().raw(texts.join(QLatin1Char('\n')).toUtf8());
    return 0;
}

QString CliCommandTable::commandList()
{
    QString text;
    for (const Entry &entry : entries()) {
        const CliCommandSpec spec = entry.spec();
        text += CliCommandSpec::columns(spec.synopsis(), spec.summary, 42);
    }
    return text;
}

int CliCommandTable::unknownCommand(CliApplication *app, const QString &name)
{
    QStringList names;
    for (const Entry &entry : entries()) {
        const QString first = entry.spec().name.section(QLatin1Char(' '), 0, 0);
        if (!names.contains(first))
            names.append(first);
    }
    return app->out().fail(
        2, tr_("unknown command \"%1\" (commands: %2; see --help)").arg(name, names.join(QStringLiteral(", "))));
}
