// Accessibility and keyboard: every focusable widget of MainWindow and of the main dialogs has an
// accessible name (its own, a buddy label's or its text), every action can be reached from the keyboard
// (a shortcut or a menu with a mnemonic), and Tab moves focus to the token table and the filter.
#include "AccountController.h"
#include "AccountDialog.h"
#include "AccountItemDelegate.h"
#include "AuditLogDialog.h"
#include "CreateTokenDialog.h"
#include "MainWindow.h"
#include "MfaDialog.h"
#include "PreferencesDialog.h"
#include "StatusColors.h"
#include "TestPaths.h"

#include "WindowFixture.h"

#include "core/Clock.h"
#include "items/AccountListModel.h"
#include "items/StatusPalette.h"
#include "items/TokenListModel.h"
#include "providers/TokenProvider.h"
#include "store/SecretStore.h"

#include <QAbstractSpinBox>
#include <QAccessible>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QRegularExpression>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QTreeView>

#include <memory>

class tst_Accessibility : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void mainWindowFocusablesAreNamed();
    void mainWindowActionsReachableByKeyboard();
    void tabReachesTableAndFilter();
    void dialogFocusablesAreNamed_data();
    void dialogFocusablesAreNamed();
    void statusColorsFollowPalette();
    void statusColorsSwitchRoleAndClear();
    void noHardCodedTextColours();
    void statusColorsReachAaContrast_data();
    void statusColorsReachAaContrast();
    void modelAndSidebarColoursFollowThePalette();
    void everyActionHasAName();

private:
    void createWindow();
    static QStringList unnamedFocusables(QWidget *root);

    std::unique_ptr<WindowFixture> m_fx;
};

void tst_Accessibility::init()
{
    m_fx = std::make_unique<WindowFixture>();
    QVERIFY(m_fx->isValid());
}

void tst_Accessibility::cleanup()
{
    m_fx.reset();
}

// The window on the in-process sandbox with its demo accounts (one per service), so the token page is shown.
void tst_Accessibility::createWindow()
{
    QVERIFY(m_fx->startSandbox());
    m_fx->openController();
    const QList<Account> demo = m_fx->addDemoAccounts();
    QVERIFY(!demo.isEmpty());
    m_fx->createWindow();
    m_fx->window()->resize(1100, 700);
    m_fx->window()->selectAccount(demo.first().id);
}

// Widgets a keyboard user can Tab to whose accessible name is empty. The name is what a screen reader says:
// QAccessible derives it from accessibleName, a buddy label or the widget's own text.
QStringList tst_Accessibility::unnamedFocusables(QWidget *root)
{
    QStringList unnamed;
    const QList<QWidget *> widgets = root->findChildren<QWidget *>();
    for (QWidget *w : widgets) {
        if (!(w->focusPolicy() & Qt::TabFocus) || !w->isVisibleTo(root) || !w->isEnabled())
            continue;
        // The line edits inside spin boxes and combo boxes are named through their owner.
        if (qobject_cast<QAbstractSpinBox *>(w->parentWidget()) || qobject_cast<QComboBox *>(w->parentWidget()))
            continue;
        QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(w);
        const QString name = iface ? iface->text(QAccessible::Name).trimmed() : QString();
        if (name.isEmpty()) {
            unnamed << QStringLiteral("%1 \"%2\" in %3")
                           .arg(QString::fromLatin1(w->metaObject()->className()), w->objectName(),
                               w->parentWidget() ? w->parentWidget()->objectName() : QString());
        }
    }
    return unnamed;
}

void tst_Accessibility::mainWindowFocusablesAreNamed()
{
    createWindow();
    m_fx->window()->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_fx->window()));
    const QStringList unnamed = unnamedFocusables(m_fx->window());
    QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(QLatin1String("; "))));
}

// Every action in the window: a shortcut, or an entry with a mnemonic (&) in a menu whose title has one.
void tst_Accessibility::mainWindowActionsReachableByKeyboard()
{
    createWindow();
    QSet<QAction *> inMnemonicMenu;
    const QList<QAction *> menuActions = m_fx->window()->menuBar()->actions();
    for (QAction *menuAction : menuActions) {
        QMenu *menu = menuAction->menu();
        if (!menu || !menuAction->text().contains(QLatin1Char('&')))
            continue;
        QList<QMenu *> menus {menu};
        while (!menus.isEmpty()) {
            QMenu *current = menus.takeFirst();
            const QList<QAction *> entries = current->actions();
            for (QAction *entry : entries) {
                if (entry->menu())
                    menus << entry->menu();
                if (entry->text().contains(QLatin1Char('&')))
                    inMnemonicMenu.insert(entry);
            }
        }
    }
    QVERIFY(!inMnemonicMenu.isEmpty());
    QStringList unreachable;
    const QList<QAction *> actions = m_fx->window()->findChildren<QAction *>();
    for (QAction *a : actions) {
        if (a->isSeparator() || a->menu() || a->objectName().isEmpty()
            || a->objectName().startsWith(QLatin1String("qt_"))
            || a->objectName().startsWith(QLatin1String("_q_")) /* Qt's own, e.g. the line edits' clear button */)
            continue;
        if (a->shortcut().isEmpty() && !inMnemonicMenu.contains(a))
            unreachable << a->objectName();
    }
    QVERIFY2(unreachable.isEmpty(), qPrintable(unreachable.join(QLatin1String(", "))));
}

void tst_Accessibility::tabReachesTableAndFilter()
{
    createWindow();
    m_fx->window()->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_fx->window()));
    m_fx->window()->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_fx->window()));
    QWidget *start = m_fx->window()->accountView();
    start->setFocus(Qt::TabFocusReason);
    QTRY_VERIFY(start->hasFocus());

    bool table = false;
    bool filter = false;
    for (int i = 0; i < 60 && !(table && filter); ++i) {
        QWidget *focus = QApplication::focusWidget();
        QVERIFY(focus);
        QTest::keyClick(focus, Qt::Key_Tab);
        focus = QApplication::focusWidget();
        table = table || focus == m_fx->window()->tokenView();
        filter = filter || focus == m_fx->window()->filterEdit();
    }
    QVERIFY2(table, "Tab never reached the token table");
    QVERIFY2(filter, "Tab never reached the filter");
}

void tst_Accessibility::dialogFocusablesAreNamed_data()
{
    QTest::addColumn<QString>("dialog");
    QTest::newRow("account") << QStringLiteral("account");
    QTest::newRow("preferences") << QStringLiteral("preferences");
    QTest::newRow("auditlog") << QStringLiteral("auditlog");
    QTest::newRow("mfa") << QStringLiteral("mfa");
    QTest::newRow("create") << QStringLiteral("create");
}

void tst_Accessibility::dialogFocusablesAreNamed()
{
    QFETCH(QString, dialog);
    createWindow();
    std::unique_ptr<QDialog> d;
    if (dialog == QLatin1String("account")) {
        d = std::make_unique<AccountDialog>();
    } else if (dialog == QLatin1String("preferences")) {
        d = std::make_unique<PreferencesDialog>(m_fx->controller()->preferences());
    } else if (dialog == QLatin1String("auditlog")) {
        d = std::make_unique<AuditLogDialog>(m_fx->controller()->auditLog(), m_fx->controller()->accounts());
    } else if (dialog == QLatin1String("mfa")) {
        MfaChallenge challenge;
        challenge.vendor = QStringLiteral("google");
        challenge.type = QStringLiteral("authenticator");
        d = std::make_unique<MfaDialog>(challenge);
    } else {
        FieldSpec name;
        name.key = QStringLiteral("name");
        name.label = QStringLiteral("Name");
        name.required = true;
        FieldSpec expiry;
        expiry.key = QStringLiteral("expiry");
        expiry.label = QStringLiteral("Expires after");
        expiry.type = FieldSpec::Type::Duration;
        const QList<TokenKindSpec> kinds {{QStringLiteral("a"), QStringLiteral("Kind A"), {name, expiry}},
            {QStringLiteral("b"), QStringLiteral("Kind B"), {name}}};
        d = std::make_unique<CreateTokenDialog>(kinds);
    }
    d->show();
    QVERIFY(QTest::qWaitForWindowExposed(d.get()));
    const QStringList unnamed = unnamedFocusables(d.get());
    QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(QLatin1String("; "))));
}

// Error text is readable on both light and dark windows and follows a palette switch at run time.
void tst_Accessibility::statusColorsFollowPalette()
{
    const QPalette original = QApplication::palette();
    QPalette light;
    light.setColor(QPalette::Window, Qt::white);
    light.setColor(QPalette::WindowText, Qt::black);
    QPalette dark;
    dark.setColor(QPalette::Window, QColor(0x20, 0x20, 0x20));
    dark.setColor(QPalette::WindowText, Qt::white);

    QApplication::setPalette(light);
    QLabel label;
    StatusColors::apply(&label, StatusColors::Role::Error);
    const QColor onLight = label.palette().color(QPalette::WindowText);
    QCOMPARE(onLight, StatusColors::color(StatusColors::Role::Error, light));
    QVERIFY(onLight.lightness() < 128);

    QApplication::setPalette(dark);
    QTRY_COMPARE(label.palette().color(QPalette::WindowText), StatusColors::color(StatusColors::Role::Error, dark));
    QVERIFY(label.palette().color(QPalette::WindowText).lightness() >= 128);
    QApplication::setPalette(original);
}

// A label that shows an error only some of the time (the all-accounts status) switches role and goes back to
// the palette's own colour, and a second apply() does not stack a second follower.
void tst_Accessibility::statusColorsSwitchRoleAndClear()
{
    QWidget parent;
    QPalette parentPalette = parent.palette();
    parentPalette.setColor(QPalette::WindowText, QColor(0x12, 0x34, 0x56));
    parent.setPalette(parentPalette);
    auto *label = new QLabel(&parent);
    QCOMPARE(label->palette().color(QPalette::WindowText), QColor(0x12, 0x34, 0x56));

    StatusColors::apply(label, StatusColors::Role::Warning);
    QCOMPARE(label->palette().color(QPalette::WindowText),
        StatusColors::color(StatusColors::Role::Warning, QApplication::palette(label)));
    StatusColors::apply(label, StatusColors::Role::Error);
    QCOMPARE(label->palette().color(QPalette::WindowText),
        StatusColors::color(StatusColors::Role::Error, QApplication::palette(label)));
    QCOMPARE(label->children().size(), 1); // one follower, not two

    StatusColors::clear(label);
    QCOMPARE(label->children().size(), 0);
    QCOMPARE(label->palette().color(QPalette::WindowText), QColor(0x12, 0x34, 0x56)); // inherits again
}

// Review as a test: no widget code hard-codes a text colour in a style sheet (unreadable on the other of
// light/dark); StatusColors is the palette-aware way.
void tst_Accessibility::noHardCodedTextColours()
{
    const QDir source(TestPaths::sourceDir());
    QDirIterator it(source.filePath(QStringLiteral("ui")), {QStringLiteral("*.cpp"), QStringLiteral("*.h")},
        QDir::Files, QDirIterator::Subdirectories);
    QStringList scanned;
    QStringList offenders;
    const QRegularExpression colour(QStringLiteral(R"(color\s*:\s*#[0-9a-fA-F]{3,8})"));
    while (it.hasNext()) {
        const QString path = it.next();
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(file.readAll());
        scanned << source.relativeFilePath(path);
        if (text.contains(colour))
            offenders << source.relativeFilePath(path);
    }
    QVERIFY(scanned.contains(QStringLiteral("ui/MainWindow.cpp")));
    QVERIFY2(offenders.isEmpty(), qPrintable(offenders.join(QLatin1String(", "))));
}

namespace {

QPalette paletteOf(const QColor &window, const QColor &base, const QColor &text)
{
    QPalette palette;
    palette.setColor(QPalette::Window, window);
    palette.setColor(QPalette::Base, base);
    palette.setColor(QPalette::AlternateBase, base);
    palette.setColor(QPalette::WindowText, text);
    palette.setColor(QPalette::Text, text);
    return palette;
}

} // namespace

// WCAG AA for text (4.5:1) for every status colour against the window and the table background, in the light and
// dark palettes people run: Fusion's, Breeze's, Windows' and macOS's, and the previous hard-coded failures.
void tst_Accessibility::statusColorsReachAaContrast_data()
{
    QTest::addColumn<QPalette>("palette");
    QTest::newRow("Fusion light") << paletteOf(QColor(0xEF, 0xEF, 0xEF), Qt::white, Qt::black);
    QTest::newRow("Fusion dark") << paletteOf(QColor(0x35, 0x35, 0x35), QColor(0x2A, 0x2A, 0x2A), Qt::white);
    QTest::newRow("Breeze light") << paletteOf(
        QColor(0xEF, 0xF0, 0xF1), QColor(0xFC, 0xFC, 0xFC), QColor(0x23, 0x26, 0x27));
    QTest::newRow("Breeze dark") << paletteOf(
        QColor(0x20, 0x23, 0x26), QColor(0x14, 0x16, 0x18), QColor(0xFC, 0xFC, 0xFC));
    QTest::newRow("Windows dark") << paletteOf(QColor(0x20, 0x20, 0x20), QColor(0x19, 0x19, 0x19), Qt::white);
    QTest::newRow("macOS dark") << paletteOf(
        QColor(0x32, 0x32, 0x32), QColor(0x1E, 0x1E, 0x1E), QColor(0xDF, 0xDF, 0xDF));
    QTest::newRow("application") << QApplication::palette();
}

void tst_Accessibility::statusColorsReachAaContrast()
{
    QFETCH(QPalette, palette);
    // The old fixed colours, as a check that the measure itself is right: grey expired text on white was ~2.6:1.
    QVERIFY(StatusPalette::contrastRatio(QColor(Qt::gray), Qt::white) < 3.0);
    QCOMPARE(qRound(StatusPalette::contrastRatio(Qt::black, Qt::white)), 21);
    const QList<StatusPalette::Role> roles {StatusPalette::Role::Error, StatusPalette::Role::Warning,
        StatusPalette::Role::Success, StatusPalette::Role::Expired, StatusPalette::Role::Revoked,
        StatusPalette::Role::Subtle};
    QStringList failures;
    for (StatusPalette::Role role : roles) {
        const QColor colour = StatusPalette::color(role, palette);
        for (QPalette::ColorRole background : {QPalette::Window, QPalette::Base}) {
            const double ratio = StatusPalette::contrastRatio(colour, palette.color(background));
            if (ratio < StatusPalette::MinimumTextContrast)
                failures << QStringLiteral("role %1 %2 on %3: %4:1")
                                .arg(int(role))
                                .arg(colour.name(), palette.color(background).name())
                                .arg(ratio, 0, 'f', 2);
        }
        QCOMPARE(StatusColors::color(role, palette), colour); // the widgets use the same colours
    }
    // The sidebar's secondary line is quieter than the text, yet still text.
    QVERIFY(StatusPalette::color(StatusPalette::Role::Subtle, palette) != palette.color(QPalette::WindowText)
        || StatusPalette::contrastRatio(palette.color(QPalette::WindowText), palette.color(QPalette::Window)) < 6);
    QVERIFY2(failures.isEmpty(), qPrintable(failures.join(QLatin1String("; "))));
}

// The token table's expired status and the sidebar's status line take their colours from the palette in use:
// a neutral state (not signed in) is not painted as an error, and nothing is below AA.
void tst_Accessibility::modelAndSidebarColoursFollowThePalette()
{
    const QPalette original = QApplication::palette();
    const QPalette dark = paletteOf(QColor(0x20, 0x20, 0x20), QColor(0x19, 0x19, 0x19), Qt::white);
    for (const QPalette &palette : {QApplication::palette(), dark}) {
        QApplication::setPalette(palette);
        TestClock clock;
        TokenListModel tokens(&clock);
        Token expired;
        expired.id = QStringLiteral("t1");
        expired.label = QStringLiteral("old");
        expired.expires = clock.now().addSecs(-60);
        tokens.setTokens({expired});
        const QColor status = tokens.index(0, TokenListModel::Status).data(Qt::ForegroundRole).value<QColor>();
        QCOMPARE(status, StatusPalette::color(StatusPalette::Role::Expired, palette));
        QVERIFY(StatusPalette::contrastRatio(status, palette.color(QPalette::Base)) >= 4.5);
        QCOMPARE(tokens.index(0, TokenListModel::RemainingLife).data().toString(),
            tokens.index(0, TokenListModel::Status).data().toString()); // one spelling: "Expired"

        AccountListModel accounts;
        Account account;
        account.id = QUuid::createUuid();
        account.name = QStringLiteral("lab");
        account.providerId = QStringLiteral("specter");
        accounts.setAccounts({account});
        const QModelIndex row = accounts.indexOf(account.id);
        accounts.setStatusText(account.id, QStringLiteral("not signed in"));
        const QColor neutral = AccountItemDelegate::subtitleColor(row, palette);
        QCOMPARE(neutral, StatusPalette::color(StatusPalette::Role::Subtle, palette));
        QVERIFY(neutral != StatusPalette::color(StatusPalette::Role::Error, palette));
        QVERIFY(StatusPalette::contrastRatio(neutral, palette.color(QPalette::Base)) >= 4.5);
        accounts.setStatusText(account.id, QStringLiteral("last error: refused"), AccountListModel::StatusTone::Error);
        QCOMPARE(AccountItemDelegate::subtitleColor(row, palette),
            StatusPalette::color(StatusPalette::Role::Error, palette));
    }
    QApplication::setPalette(original);
}

// Every action the window creates has a name a screen reader can say (its text; icon-only toolbar buttons are
// named after their action).
void tst_Accessibility::everyActionHasAName()
{
    createWindow();
    m_fx->window()->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_fx->window()));
    QStringList unnamed;
    const QList<QAction *> actions = m_fx->window()->findChildren<QAction *>();
    int checked = 0;
    for (QAction *action : actions) {
        if (action->isSeparator() || action->objectName().startsWith(QLatin1String("qt_"))
            || action->objectName().startsWith(QLatin1String("_q_")))
            continue;
        // A context menu's own menu action (never shown: the menu is not added to any other), and Qt's overflow
        // menu of a narrow menu bar (named by Qt, not by the window).
        const auto *menu = qobject_cast<QMenu *>(action->parent());
        if (menu && menu->menuAction() == action
            && (action->associatedObjects().isEmpty()
                || (qobject_cast<QMenuBar *>(menu->parent())
                    && !m_fx->window()->menuBar()->actions().contains(action))))
            continue;
        ++checked;
        QString text = action->text();
        text.remove(QLatin1Char('&'));
        if (text.trimmed().isEmpty())
            unnamed << QStringLiteral("action \"%1\" of %2")
                           .arg(action->objectName(),
                               action->parent() ? QString::fromLatin1(action->parent()->metaObject()->className())
                                       + QLatin1Char(' ') + action->parent()->objectName()
                                                : QString());
    }
    QVERIFY(checked > 10);
    const QList<QToolButton *> buttons = m_fx->window()->findChildren<QToolButton *>();
    for (QToolButton *button : buttons) {
        if (!button->isVisibleTo(m_fx->window()))
            continue;
        QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(button);
        if (!iface || iface->text(QAccessible::Name).trimmed().isEmpty())
            unnamed << QStringLiteral("tool button %1").arg(button->objectName());
    }
    QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(QLatin1String("; "))));
}

QTEST_MAIN(tst_Accessibility)
#include "tst_accessibility.moc"
