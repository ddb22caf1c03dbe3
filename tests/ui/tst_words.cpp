// The words people read: proper plurals in English (the plural-only English translation, also under a locale
// TokenDesk has no translation for) and in German, and TimeText's relative times.
#include "AppTranslators.h"

#include "core/TimeText.h"
#include "core/UtcTime.h"

#include <QApplication>
#include <QTest>
#include <QTranslator>

class tst_Words : public QObject
{
    Q_OBJECT

private slots:
    void cleanup();
    void englishPlurals_data();
    void englishPlurals();
    void pluralsWithoutATranslationAreEnglish();
    void germanPlurals();
    void timeTextRelative_data();
    void timeTextRelative();

private:
    static QString translated(const char *context, const char *text, int n)
    {
        return QCoreApplication::translate(context, text, nullptr, n);
    }
};

void tst_Words::cleanup()
{
    const QList<QTranslator *> translators = qApp->findChildren<QTranslator *>();
    for (QTranslator *translator : translators) {
        QCoreApplication::removeTranslator(translator);
        delete translator;
    }
}

void tst_Words::englishPlurals_data()
{
    QTest::addColumn<QString>("context");
    QTest::addColumn<QString>("source");
    QTest::addColumn<int>("n");
    QTest::addColumn<QString>("expected");
    QTest::newRow("clipboard, 29") << "RevealDialog"
                                   << "Copied. The clipboard will be cleared in %n second(s)." << 29
                                   << "Copied. The clipboard will be cleared in 29 seconds.";
    QTest::newRow("clipboard, 1") << "RevealDialog"
                                  << "Copied. The clipboard will be cleared in %n second(s)." << 1
                                  << "Copied. The clipboard will be cleared in 1 second.";
    QTest::newRow("alerts, 1") << "AlertCenter"
                               << "%n token(s) expiring soon" << 1 << "1 token expiring soon";
    QTest::newRow("alerts, 2") << "AlertCenter"
                               << "%n token(s) expiring soon" << 2 << "2 tokens expiring soon";
    QTest::newRow("audit count, 1") << "AuditLogDialog"
                                    << "%n entries" << 1 << "1 entry";
    QTest::newRow("audit count, 0") << "AuditLogDialog"
                                    << "%n entries" << 0 << "0 entries";
    QTest::newRow("group, 1") << "AuditWords"
                              << "Bulk revoke of %n token(s), %1" << 1 << "Bulk revoke of 1 token, %1";
    QTest::newRow("group, 3") << "AuditWords"
                              << "Bulk revoke of %n token(s), %1" << 3 << "Bulk revoke of 3 tokens, %1";
    QTest::newRow("matching, 1") << "IdentifyTokenDialog"
                                 << "%n matching token(s)." << 1 << "1 matching token.";
    QTest::newRow("magicbell, 1") << "MagicBellProvider"
                                  << "The list is incomplete: it shows the first %n token(s) only." << 1
                                  << "The list is incomplete: it shows the first 1 token only.";
}

void tst_Words::englishPlurals()
{
    QFETCH(QString, context);
    QFETCH(QString, source);
    QFETCH(int, n);
    QFETCH(QString, expected);
    QVERIFY(AppTranslators::install(*qApp, QLocale(QLocale::English, QLocale::UnitedStates)));
    QCOMPARE(translated(context.toLatin1().constData(), source.toUtf8().constData(), n), expected);
}

// A language TokenDesk has no translation for still reads English plurals, not "(s)".
void tst_Words::pluralsWithoutATranslationAreEnglish()
{
    QVERIFY(!AppTranslators::install(*qApp, QLocale(QLocale::Japanese, QLocale::Japan)));
    QCOMPARE(translated("AlertCenter", "%n token(s) expiring soon", 1), QStringLiteral("1 token expiring soon"));
    QCOMPARE(translated("AlertCenter", "%n token(s) expiring soon", 5), QStringLiteral("5 tokens expiring soon"));
}

void tst_Words::germanPlurals()
{
    QVERIFY(AppTranslators::install(*qApp, QLocale(QLocale::German, QLocale::Germany)));
    QCOMPARE(translated("AlertCenter", "%n token(s) expiring soon", 1), QStringLiteral("1 Token läuft bald ab"));
    QCOMPARE(translated("AlertCenter", "%n token(s) expiring soon", 2), QStringLiteral("2 Token laufen bald ab"));
    QCOMPARE(translated("AuditWords", "Bulk revoke of %n token(s), %1", 1),
        QStringLiteral("Massenwiderruf von 1 Token, %1"));
    QCOMPARE(translated("AuditWords", "Bulk revoke of %n token(s), %1", 3),
        QStringLiteral("Massenwiderruf von 3 Token, %1"));
    QCOMPARE(translated("RevealDialog", "Copied. The clipboard will be cleared in %n second(s).", 1),
        QStringLiteral("Kopiert. Die Zwischenablage wird in 1 Sekunde geleert."));
    QCOMPARE(translated("RevealDialog", "Copied. The clipboard will be cleared in %n second(s).", 29),
        QStringLiteral("Kopiert. Die Zwischenablage wird in 29 Sekunden geleert."));
    // Words without a number come from the German file, not from the English plurals under it.
    QCOMPARE(QCoreApplication::translate("AuditWords", "Signed in with MFA"), QStringLiteral("Mit MFA angemeldet"));
}

void tst_Words::timeTextRelative_data()
{
    QTest::addColumn<qint64>("offset");
    QTest::addColumn<QString>("expected");
    QTest::newRow("now") << qint64(0) << "just now";
    QTest::newRow("29 s ahead") << qint64(29) << "in under a minute";
    QTest::newRow("one hour ahead") << qint64(3600) << "in 1h";
    QTest::newRow("five minutes ago") << qint64(-300) << "5m ago";
    QTest::newRow("seconds dropped") << qint64(3 * 86400 + 4 * 3600 + 59) << "in 3d 4h";
}

void tst_Words::timeTextRelative()
{
    QFETCH(qint64, offset);
    QFETCH(QString, expected);
    const QDateTime now = UtcTime::dateTime(QDate(2026, 5, 4), QTime(8, 0));
    QCOMPARE(TimeText::relative(now.addSecs(offset), now), expected);
}

QTEST_MAIN(tst_Words)
#include "tst_words.moc"
