#include "AppTranslators.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

bool AppTranslators::install(QCoreApplication &app, const QLocale &locale)
{
    auto *qtTranslator = new QTranslator(&app);
    if (qtTranslator->load(
            locale, QStringLiteral("qtbase"), QStringLiteral("_"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qtTranslator);
    else
        delete qtTranslator;
    // Translators installed later are asked first: the plurals are the fallback under the locale's translation.
    auto *plurals = new QTranslator(&app);
    if (plurals->load(QStringLiteral(":/i18n/tokendesk_en.qm")))
        QCoreApplication::installTranslator(plurals);
    else
        delete plurals;
    if (locale.language() == QLocale::English || locale.language() == QLocale::C)
        return true;
    auto *appTranslator = new QTranslator(&app);
    if (appTranslator->load(locale, QStringLiteral("tokendesk"), QStringLiteral("_"), QStringLiteral(":/i18n"))) {
        QCoreApplication::installTranslator(appTranslator);
        return true;
    }
    delete appTranslator;
    return false;
}
