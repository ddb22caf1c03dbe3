#include "CliArguments.h"

#include <QCoreApplication>

QString CliArguments::value(const QString &name) const
{
    const QStringList list = m_options.value(name);
    return list.isEmpty() ? QString() : list.constLast();
}

bool CliArguments::parse(const QStringList &words, const Spec &spec, CliArguments *out, QString *error)
{
    CliArguments result;
    bool optionsEnded = false;
    for (qsizetype i = 0; i < words.size(); ++i) {
        const QString &word = words.at(i);
        if (optionsEnded || !word.startsWith(QLatin1String("--")) || word == QLatin1String("-")) {
            result.positionals.append(word);
            continue;
        }
        if (word == QLatin1String("--")) {
            optionsEnded = true;
            continue;
        }
        QString name = word.mid(2);
        QString value;
        bool inlineValue = false;
        if (const qsizetype eq = name.indexOf(QLatin1Char('=')); eq >= 0) {
            value = name.mid(eq + 1);
            name.truncate(eq);
            inlineValue = true;
        }
        const auto it = spec.constFind(name);
        if (it == spec.constEnd()) {
            *error = QCoreApplication::translate("CliArguments", "unknown option --%1 (see --help)").arg(name);
            return false;
        }
        if (it.value() == Arity::Flag) {
            if (inlineValue) {
                const QString lowered = value.toLower();
                if (lowered == QLatin1String("false") || lowered == QLatin1String("no")
                    || lowered == QLatin1String("0"))
                    continue;
                if (lowered != QLatin1String("true") && lowered != QLatin1String("yes")
                    && lowered != QLatin1String("1")) {
                    *error = QCoreApplication::translate("CliArguments", "option --%1 takes no value").arg(name);
                    return false;
                }
            }
            if (!result.m_options.contains(name))
                result.m_order.append(name);
            result.m_options[name] = QStringList {QStringLiteral("true")};
            continue;
        }
        if (!inlineValue) {
            if (i + 1 >= words.size()) {
                *error = QCoreApplication::translate("CliArguments", "option --%1 needs a value").arg(name);
                return false;
            }
            value = words.at(++i);
        }
        if (!result.m_options.contains(name))
            result.m_order.append(name);
        if (it.value() == Arity::Repeated)
            result.m_options[name].append(value);
        else
            result.m_options[name] = QStringList {value};
    }
    *out = result;
    return true;
}

CliArguments CliArguments::parseLoose(const QStringList &words)
{
    CliArguments result;
    for (qsizetype i = 0; i < words.size(); ++i) {
        const QString &word = words.at(i);
        if (word == QLatin1String("--")) {
            result.positionals.append(words.mid(i + 1));
            break;
        }
        if (!word.startsWith(QLatin1String("--"))) {
            result.positionals.append(word);
            continue;
        }
        QString name = word.mid(2);
        if (const qsizetype eq = name.indexOf(QLatin1Char('=')); eq >= 0) {
            result.m_options[name.left(eq)].append(name.mid(eq + 1));
            continue;
        }
        QString value;
        if (i + 1 < words.size() && !words.at(i + 1).startsWith(QLatin1String("--")))
            value = words.at(++i);
        result.m_options[name].append(value);
    }
    return result;
}
