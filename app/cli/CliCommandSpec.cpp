#include "CliCommandSpec.h"

#include <QCoreApplication>

namespace {

QString tr_(const char *text)
{
    return QCoreApplication::translate("CliCommandSpec", text);
}

QString optionText(const CliCommandSpec::Option &option)
{
    QString text = QStringLiteral("--") + option.name;
    if (!option.value.isEmpty())
        text += QLatin1Char(' ') + option.value;
    return text;
}

} // namespace

QString CliCommandSpec::synopsis() const
{
    QStringList parts = {name};
    if (!arguments.isEmpty())
        parts.append(arguments);
    for (const Option &option : options) {
        QString text = optionText(option);
        if (!option.required)
            text = QLatin1Char('[') + text + QLatin1Char(']');
        if (option.arity == CliArguments::Arity::Repeated)
            text += QStringLiteral("...");
        parts.append(text);
    }
    if (!moreOptions.isEmpty())
        parts.append(moreOptions);
    return parts.join(QLatin1Char(' '));
}

CliArguments::Spec CliCommandSpec::argumentSpec() const
{
    CliArguments::Spec spec;
    for (const Option &option : options)
        spec.insert(option.name, option.arity);
    return spec;
}

QString CliCommandSpec::help() const
{
    QString text = tr_("Usage: tokendesk-cli %1\n\n%2\n").arg(synopsis(), summary);
    if (!details.isEmpty())
        text += QLatin1Char('\n') + details + QLatin1Char('\n');
    if (!aliases.isEmpty())
        text +=
            QLatin1Char('\n') + tr_("Also accepted as: %1").arg(aliases.join(QStringLiteral(", "))) + QLatin1Char('\n');
    if (!options.isEmpty()) {
        text += QLatin1Char('\n') + tr_("Options:") + QLatin1Char('\n');
        for (const Option &option : options) {
            QString help = option.help;
            if (option.arity == CliArguments::Arity::Repeated)
                help += tr_(" (may be given more than once)");
            text += columns(optionText(option), help, 25);
        }
    }
    text += QLatin1Char('\n') + tr_("Global options (--json, --config, --timeout, ...): see tokendesk-cli --help")
        + QLatin1Char('\n');
    return text;
}

QString CliCommandSpec::columns(const QString &left, const QString &right, qsizetype width)
{
    QString text = QStringLiteral("  ") + left;
    if (right.isEmpty())
        return text + QLatin1Char('\n');
    if (text.size() + 1 > width)
        text += QLatin1Char('\n') + QString(width, QLatin1Char(' '));
    else
        text += QString(width - text.size(), QLatin1Char(' '));
    return text + right + QLatin1Char('\n');
}
