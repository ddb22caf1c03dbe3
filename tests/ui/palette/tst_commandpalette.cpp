#include "palette/CommandPalette.h"
#include "palette/ShortcutsDialog.h"

#include <QAction>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QSignalSpy>
#include <QTest>

// The command palette finds actions by any words of their names, runs the chosen one after closing, and says why
// a disabled one cannot run instead of running it; the shortcut sheet lists what the menus' actions say.
class TestCommandPalette : public QObject
{
    Q_OBJECT
private slots:
    void plainTextDropsMnemonicsAndEllipsis();
    void wordsInAnyOrderNarrowTheList();
    void enterRunsTheSelectedActionAfterClosing();
    void arrowsMoveTheSelection();
    void disabledActionSaysWhyAndDoesNotRun();
    void accountsAreEntriesToo();
    void shortcutSheetListsEveryShortcut();

private:
    struct Fixture
    {
        QWidget window;
        QAction *newToken = nullptr;
        QAction *revoke = nullptr;
        QAction *audit = nullptr;
        QAction *separator = nullptr;
        QList<QAction *> actions() const { return {newToken, separator, revoke, audit}; }
    };
    static void fill(Fixture &f);
};

void TestCommandPalette::fill(Fixture &f)
{
    f.newToken = new QAction(QStringLiteral("&New Token…"), &f.window);
    f.newToken->setShortcut(QKeySequence(QStringLiteral("Ctrl+T")));
    f.separator = new QAction(&f.window);
    f.separator->setSeparator(true);
    f.revoke = new QAction(QStringLiteral("&Revoke…"), &f.window);
    f.revoke->setShortcut(QKeySequence::Delete);
    f.audit = new QAction(QStringLiteral("Audit &Log…"), &f.window);
}

void TestCommandPalette::plainTextDropsMnemonicsAndEllipsis()
{
    QCOMPARE(CommandPalette::plainText(QStringLiteral("&Revoke…")), QStringLiteral("Revoke"));
    QCOMPARE(CommandPalette::plainText(QStringLiteral("Audit &Log...")), QStringLiteral("Audit Log"));
    QCOMPARE(CommandPalette::plainText(QStringLiteral("Tom && Jerry")), QStringLiteral("Tom & Jerry"));
}

void TestCommandPalette::wordsInAnyOrderNarrowTheList()
{
    Fixture f;
    fill(f);
    CommandPalette palette(&f.window);
    palette.setEntries(CommandPalette::entriesFor(f.actions(), QStringLiteral("Tokens")));
    QCOMPARE(palette.visibleTexts(),
        (QStringList {QStringLiteral("New Token"), QStringLiteral("Revoke"), QStringLiteral("Audit Log")}));
    QTest::keyClicks(palette.searchField(), QStringLiteral("log aud"));
    QCOMPARE(palette.visibleTexts(), QStringList {QStringLiteral("Audit Log")});
    palette.searchField()->clear();
    QTest::keyClicks(palette.searchField(), QStringLiteral("tokens rev")); // the group is searched too
    QCOMPARE(palette.visibleTexts(), QStringList {QStringLiteral("Revoke")});
    palette.searchField()->clear();
    QTest::keyClicks(palette.searchField(), QStringLiteral("zzz"));
    QVERIFY(palette.visibleTexts().isEmpty());
}

void TestCommandPalette::enterRunsTheSelectedActionAfterClosing()
{
    Fixture f;
    fill(f);
    QSignalSpy triggered(f.revoke, &QAction::triggered);
    CommandPalette palette(&f.window);
    palette.setEntries(CommandPalette::entriesFor(f.actions(), QStringLiteral("Tokens")));
    palette.show();
    QTest::keyClicks(palette.searchField(), QStringLiteral("revo"));
    QTest::keyClick(palette.searchField(), Qt::Key_Return);
    QVERIFY(!palette.isVisible());
    QCOMPARE(triggered.size(), 0); // not while the palette is still on screen
    QTRY_COMPARE(triggered.size(), 1);
    QCOMPARE(palette.result(), int(QDialog::Accepted));
}

void TestCommandPalette::arrowsMoveTheSelection()
{
    Fixture f;
    fill(f);
    QSignalSpy triggered(f.audit, &QAction::triggered);
    CommandPalette palette(&f.window);
    palette.setEntries(CommandPalette::entriesFor(f.actions(), QStringLiteral("Tokens")));
    palette.show();
    QTest::keyClick(palette.searchField(), Qt::Key_Down);
    QTest::keyClick(palette.searchField(), Qt::Key_Down);
    QTest::keyClick(palette.searchField(), Qt::Key_Down); // stays on the last row
    QTest::keyClick(palette.searchField(), Qt::Key_Return);
    QTRY_COMPARE(triggered.size(), 1);
}

void TestCommandPalette::disabledActionSaysWhyAndDoesNotRun()
{
    Fixture f;
    fill(f);
    f.revoke->setEnabled(false);
    f.revoke->setToolTip(QStringLiteral("Svix portal tokens cannot be revoked one by one: use Expire All."));
    QSignalSpy triggered(f.revoke, &QAction::triggered);
    CommandPalette palette(&f.window);
    palette.setEntries(CommandPalette::entriesFor(f.actions(), QStringLiteral("Tokens")));
    palette.show();
    QTest::keyClicks(palette.searchField(), QStringLiteral("revoke"));
    QTest::keyClick(palette.searchField(), Qt::Key_Return);
    QVERIFY(palette.isVisible());
    auto *reason = palette.findChild<QLabel *>(QStringLiteral("paletteReason"));
    QVERIFY(reason && reason->isVisible());
    QVERIFY(reason->text().contains(QLatin1String("use Expire All")));
    QTest::qWait(20);
    QCOMPARE(triggered.size(), 0);
}

void TestCommandPalette::accountsAreEntriesToo()
{
    QWidget window;
    QString opened;
    CommandPalette palette(&window);
    QList<CommandPalette::Entry> entries;
    for (const QString &name : {QStringLiteral("Specter lab"), QStringLiteral("Svix production")}) {
        CommandPalette::Entry entry;
        entry.text = name;
        entry.group = QStringLiteral("Account");
        entry.run = [&opened, name] { opened = name; };
        entries.append(entry);
    }
    palette.setEntries(entries);
    palette.show();
    QTest::keyClicks(palette.searchField(), QStringLiteral("prod"));
    QTest::keyClick(palette.searchField(), Qt::Key_Enter);
    QTRY_COMPARE(opened, QStringLiteral("Svix production"));
}

void TestCommandPalette::shortcutSheetListsEveryShortcut()
{
    Fixture f;
    fill(f);
    QMenu tokens(QStringLiteral("&Tokens"));
    tokens.addActions(f.actions());
    QMenu empty(QStringLiteral("&View"));
    empty.addAction(QStringLiteral("No shortcut"));
    ShortcutsDialog sheet({&tokens, &empty}, {{QStringLiteral("Clear the filter"), QStringLiteral("Esc")}});
    const QList<QStringList> rows = sheet.rows();
    QCOMPARE(rows.size(), 3); // the audit action has no shortcut; the View menu has none at all
    QCOMPARE(rows.at(0),
        (QStringList {QStringLiteral("Tokens"), QStringLiteral("New Token"),
            QKeySequence(QStringLiteral("Ctrl+T")).toString(QKeySequence::NativeText)}));
    QCOMPARE(rows.at(1).at(1), QStringLiteral("Revoke"));
    QCOMPARE(rows.at(2),
        (QStringList {QStringLiteral("Everywhere"), QStringLiteral("Clear the filter"), QStringLiteral("Esc")}));
}

QTEST_MAIN(TestCommandPalette)
#include "tst_commandpalette.moc"
