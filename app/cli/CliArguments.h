#pragma once

#include <QHash>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

// The words of one command line after the global options were taken out: positionals and "--name value"
// options, parsed against the options the command accepts.
class CliArguments
{
public:
    enum class Arity { Flag, Value, Repeated };
    using Spec = QHash<QString, Arity>; // option name without dashes -> arity

    // Parses `words`. Options not in `spec` fail with *error set. "--name=value" and "--name value" both work;
    // "--" ends the options.
    static bool parse(const QStringList &words, const Spec &spec, CliArguments *out, QString *error);
    // Parses without a spec: "--name" takes the next word as its value unless that word starts with "--".
    // Used only to find the account before the exact options are known.
    static CliArguments parseLoose(const QStringList &words);

    QStringList positionals;

    bool has(const QString &name) const { return m_options.contains(name); }
    QString value(const QString &name) const;
    QStringList values(const QString &name) const { return m_options.value(name); }
    QStringList names() const { return m_order; }

private:
    QHash<QString, QStringList> m_options;
    QStringList m_order;
};
