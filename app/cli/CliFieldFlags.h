#pragma once

#include "CliArguments.h"

#include "core/ApiError.h"
#include "core/FieldSpec.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QVariantMap>

// The one mapping between a provider's FieldSpecs and tokendesk-cli options: the --flag of a field and its arity,
// the values a parsed command line gives the fields, and field errors (local checks, a server's 422) told by the
// option the user typed.
class CliFieldFlags
{
public:
    // The flags of `fields`. With `aliases`, --name and --expiry also stand for the first Text and Duration field
    // when no field has that flag.
    explicit CliFieldFlags(const QList<FieldSpec> &fields, bool aliases = false);

    // The option name of a field: its cliFlag, else its key.
    static QString flagOf(const FieldSpec &field);
    static CliArguments::Arity arityOf(const FieldSpec &field);
    // True when `name` (lower-cased, no dashes) is a way to write the field on a command line: its key, the key
    // with dashes for underscores, or its flag.
    static bool isSpellingOf(const QString &name, const FieldSpec &field);

    // The fields' options, added to `spec`.
    void addTo(CliArguments::Spec *spec) const;
    // The values the options in `args` give the fields (then the defaults of the others); false with *error set
    // for a value of the wrong form. Remembers which flag named each field, for describe().
    bool read(const CliArguments &args, QVariantMap *values, QString *error);
    // "--flag: message; ..." with the flag the user typed for each field.
    QString describe(const QList<FieldError> &errors) const;
    // The same with a given field -> flag mapping; a field not in it is shown as --field.
    static QString describe(const QList<FieldError> &errors, const QHash<QString, QString> &flagForField);

private:
    QList<FieldSpec> m_fields;
    QHash<QString, qsizetype> m_byFlag; // flag -> index in m_fields
    QHash<QString, QString> m_flagForField; // field key -> flag
};
