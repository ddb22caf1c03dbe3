#pragma once

#include "CliArguments.h"

#include <QList>
#include <QString>

// What one tokendesk-cli command takes and says about itself: its name, the positional part of its synopsis,
// its options and a one-line summary. The synopsis, the option parser's spec, the command's help and its line in
// the top-level --help are all made from this, so none of them is written twice.
class CliCommandSpec
{
public:
    struct Option
    {
        QString name {}; // without dashes
        CliArguments::Arity arity = CliArguments::Arity::Flag;
        QString value {}; // placeholder in the synopsis ("APP_ID"); empty for a flag
        QString help {}; // one line for `help COMMAND`
        bool required = false; // shown without brackets; the command checks it
    };

    QString name {}; // "tokens", or a group and its sub-command: "account add"
    // Former names that keep working in scripts ("revoke-all" for "expire-all"); single words, not listed in the
    // command list, named in `help COMMAND`.
    QStringList aliases {};
    QString arguments {}; // the positionals in the synopsis: "ACCOUNT ID..."
    QString summary {}; // one line
    QList<Option> options {};
    QString moreOptions {}; // synopsis text for options only known at run time ("[--<field> VALUE ...]")
    QString details {}; // further lines for `help COMMAND`, may be empty
    qsizetype minPositionals = 0;
    qsizetype maxPositionals = 0; // -1: no limit

    // "tokens ACCOUNT [--user USER_ID] [--app APP_ID]"
    QString synopsis() const;
    CliArguments::Spec argumentSpec() const;
    // The text of `tokendesk-cli help NAME` and `tokendesk-cli NAME --help`.
    QString help() const;

    // "  left    right" with `right` starting at column `width` (or on the next line when `left` is wider).
    static QString columns(const QString &left, const QString &right, qsizetype width);
};
