#include "CliFieldFlags.h"

#include <QCoreApplication>

CliFieldFlags::CliFieldFlags(const QList<FieldSpec> &fields, bool aliases)
    : m_fields(fields)
{
    qsizetype firstText = -1;
    qsizetype firstDuration = -1;
    for (qsizetype i = 0; i < m_fields.size(); ++i) {
        const FieldSpec &field = m_fields.at(i);
        m_byFlag.insert(flagOf(field), i);
        m_flagForField.insert(field.key, flagOf(field));
        if (firstText < 0 && field.type == FieldSpec::Type::Text)
            firstText = i;
        if (firstDuration < 0 && field.type == FieldSpec::Type::Duration)
            firstDuration = i;
    }
    if (!aliases)
        return;
    if (firstText >= 0 && !m_byFlag.contains(QStringLiteral("name")))
        m_byFlag.insert(QStringLiteral("name"), firstText);
    if (firstDuration >= 0 && !m_byFlag.contains(QStringLiteral("expiry")))
        m_byFlag.insert(QStringLiteral("expiry"), firstDuration);
}

QString CliFieldFlags::flagOf(const FieldSpec &field)
{
    return field.cliFlag.isEmpty() ? field.key : field.cliFlag;
}

CliArguments::Arity CliFieldFlags::arityOf(const FieldSpec &field)
{
    switch (field.type) {
    case FieldSpec::Type::Boolean:
        return CliArguments::Arity::Flag;
    case FieldSpec::Type::MultiChoice:
    case FieldSpec::Type::TextList:
        return CliArguments::Arity::Repeated;
    default:
        return CliArguments::Arity::Value;
    }
}

bool CliFieldFlags::isSpellingOf(const QString &name, const FieldSpec &field)
{
    if (name == field.key.toLower() || (!field.cliFlag.isEmpty() && name == field.cliFlag.toLower()))
        return true;
    QString dashed = field.key.toLower();
    dashed.replace(QLatin1Char('_'), QLatin1Char('-'));
    return name == dashed;
}

void CliFieldFlags::addTo(CliArguments::Spec *spec) const
{
    for (auto it = m_byFlag.cbegin(); it != m_byFlag.cend(); ++it)
        spec->insert(it.key(), arityOf(m_fields.at(it.value())));
}

bool CliFieldFlags::read(const CliArguments &args, QVariantMap *values, QString *error)
{
    for (const QString &flag : args.names()) {
        const auto it = m_byFlag.constFind(flag);
        if (it == m_byFlag.constEnd())
            continue;
        const FieldSpec &field = m_fields.at(it.value());
        m_flagForField.insert(field.key, flag);
        switch (field.type) {
        case FieldSpec::Type::Boolean:
            values->insert(field.key, true);
            break;
        case FieldSpec::Type::MultiChoice:
        case FieldSpec::Type::TextList:
            values->insert(field.key, args.values(flag));
            break;
        case FieldSpec::Type::Integer: {
            bool ok = false;
            const qint64 number = args.value(flag).toLongLong(&ok);
            if (!ok) {
                *error = QCoreApplication::translate("CliFieldFlags", "--%1 needs a whole number").arg(flag);
                return false;
            }
            values->insert(field.key, number);
            break;
        }
        default:
            values->insert(field.key, args.value(flag));
            break;
        }
    }
    for (const FieldSpec &field : std::as_const(m_fields)) {
        if (!values->contains(field.key) && field.defaultValue.isValid())
            values->insert(field.key, field.defaultValue);
    }
    return true;
}

QString CliFieldFlags::describe(const QList<FieldError> &errors) const
{
    return describe(errors, m_flagForField);
}

QString CliFieldFlags::describe(const QList<FieldError> &errors, const QHash<QString, QString> &flagForField)
{
    QStringList parts;
    for (const FieldError &error : errors) {
        const QString flag = flagForField.value(error.field, error.field);
        parts.append(flag.isEmpty() ? error.message : QStringLiteral("--%1: %2").arg(flag, error.message));
    }
    return parts.join(QStringLiteral("; "));
}
