#pragma once

#include <QLocale>

class QCoreApplication;

// The translations of the GUI: Qt's own strings (the installed qtbase_<lang>.qm) and TokenDesk's, embedded in
// tokendesk_ui as ":/i18n/tokendesk_<lang>.qm". The English file holds only plural forms, so "%n token(s)" reads
// "1 token" / "2 tokens"; it is installed first, under the locale's own translation, so every language without
// a TokenDesk translation still gets English plurals instead of "(s)".
class AppTranslators
{
public:
    // Installs the translators for `locale` on `app` (parented to it). False when TokenDesk has no translation
    // for the locale's language (English plurals are installed all the same).
    static bool install(QCoreApplication &app, const QLocale &locale);
};
