#pragma once

#include <QString>
#include <QStringList>
#include <QVariant>

// Describes one input a provider needs: an account credential, an account option or a create-token
// parameter. The account and create dialogs and the CLI build their inputs from these, so neither the UI
// nor the CLI switches on a provider id.
struct FieldSpec
{
    enum class Type {
        Text,
        Secret, // stored in the keychain, masked in the UI, read from stdin in the CLI
        Url,
        Email,
        Duration, // a lifetime people type ("6 hours", "1h30m"); see Duration
        Integer,
        Boolean,
        Choice, // one of `choices`
        MultiChoice, // any of `choices`
        TextList, // several free-text values (application ids, session ids)
    };

    QString key; // wire-independent key: "password", "name", "expiry", "email", ...
    QString label; // translated label
    Type type = Type::Text;
    bool required = false;
    QVariant defaultValue;
    QStringList choices;
    QString placeholder;
    QString toolTip;
    qint64 minimum = 0; // for Integer and Duration (seconds); 0 = no bound
    qint64 maximum = 0; // for Integer and Duration (seconds); 0 = no bound
    int maxLength = 0; // for Text; 0 = no bound
    QString cliFlag; // CLI option name without dashes ("name", "expiry", "user-email"); empty = key
};

// A kind of token a provider can create ("token", "project", "user", "portal", "message", "delegated").
struct TokenKindSpec
{
    QString kind;
    QString label;
    QList<FieldSpec> fields;
};
