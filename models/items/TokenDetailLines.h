#pragma once

#include "core/Token.h"

#include <QCoreApplication>
#include <QStringList>

class Clock;

// The lines of a token's Details, in words: "Expiry status: Valid" rather than the API's `expiry_status: Valid`,
// "Application: app_…" rather than `appId`. Keys TokenDesk knows get a label (and their values words where the
// service sends an enum); unknown keys are shown as they are. Every value is service text (UntrustedText).
class TokenDetailLines
{
    Q_DECLARE_TR_FUNCTIONS(TokenDetailLines)

public:
    static QStringList lines(const Token &token, const Clock &clock);
    // The label of one of Token::extra's keys; the key itself when TokenDesk does not know it.
    static QString label(const QString &key);
    // The value of an extra key in words where it is an enum or a flag; else the value as text.
    static QString value(const QString &key, const QVariant &value);
};
