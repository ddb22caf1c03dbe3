#include "AccountController.h"
#include "AlertCenter.h"
#include "AllAccountsView.h"
#include "ClipboardGuard.h"
#include "MainWindow.h"
#include "PreferencesDialog.h"
#include "TabOrder.h"

#include "items/TokenListModel.h"
#include "store/Preferences.h"
#include "store/SecretStore.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

// Edit → Preferences…: values round-trip through the dialog into preferences.ini, bad input is
// refused with a message, a file that cannot be written is reported, and MainWindow applies the clipboard
// delay and the table's time display at once and on every change.
class TestPreferencesDialog : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void showsCurrentValues();
    void roundTripPersisted();
    void badThresholdsRejected_data();
    void badThresholdsRejected();
    void parseThresholds();
    void restoreDefaults();
    void saveErrorReported();
    void mainWindowAppliesPreferences();
    void tabOrder();

private:
    template<typename T> T *child(QWidget *dialog, const char *name)
    {
        T *widget = dialog->findChild<T *>(QString::fromLatin1(name));
        if (!widget)
            qWarning("missing widget %s", name);
        return widget;
    }
    static void clickOk(PreferencesDialog *dialog)
    {
        auto *buttons = dialog->findChild<QDialogButtonBox *>();
        QVERIFY(buttons);
        QTest::mouseClick(buttons->button(QDialogButtonBox::Ok), Qt::LeftButton);
    }

    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestPreferencesDialog::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestPreferencesDialog::cleanup()
{
    m_dir.reset();
}

void TestPreferencesDialog::showsCurrentValues()
{
    Preferences preferences(m_dir->path());
    Preferences::Values values;
    values.clipboardClearSeconds = 42;
    values.alertThresholdsSeconds = {3 * 24 * 3600, 5400, 600};
    values.refreshIntervalMinutes = 0;
    values.timeDisplay = Preferences::TimeDisplay::Absolute;
    values.timeZone = Preferences::TimeZone::Utc;
    values.notificationsEnabled = false;
    QVERIFY(preferences.save(values));

    PreferencesDialog dialog(&preferences);
    QCOMPARE(child<QSpinBox>(&dialog, "clipboardSeconds")->value(), 42);
    QCOMPARE(child<QLineEdit>(&dialog, "alertThresholds")->text(), QStringLiteral("3 days, 90 minutes, 10 minutes"));
    QCOMPARE(child<QSpinBox>(&dialog, "refreshMinutes")->text(), QStringLiteral("Off"));
    QVERIFY(!child<QCheckBox>(&dialog, "notificationsEnabled")->isChecked());
    QVERIFY(child<QComboBox>(&dialog, "timeZone")->isEnabled());
    const std::optional<Preferences::Values> shown = dialog.values();
    QVERIFY(shown);
    QVERIFY(*shown == preferences.values());
    QVERIFY(dialog.errorText().isEmpty());
    // Every editor has an accessible name.
    for (const char *name : {"clipboardSeconds", "alertThresholds", "alertOnExpiry", "notificationsEnabled",
             "refreshMinutes", "timeDisplay", "timeZone", "startMinimizedToTray", "closeToTray", "errorLabel"}) {
        QWidget *widget = child<QWidget>(&dialog, name);
        QVERIFY2(widget && !widget->accessibleName().isEmpty(), name);
    }
}

void TestPreferencesDialog::roundTripPersisted()
{
    Preferences preferences(m_dir->path());
    QSignalSpy changed(&preferences, &Preferences::changed);
    PreferencesDialog dialog(&preferences);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));

    child<QSpinBox>(&dialog, "clipboardSeconds")->setValue(45);
    QLineEdit *thresholds = child<QLineEdit>(&dialog, "alertThresholds");
    thresholds->clear();
    QTest::keyClicks(thresholds, QStringLiteral("2 hours; 3 days, 1.5 hours"));
    child<QCheckBox>(&dialog, "alertOnExpiry")->setChecked(false);
    child<QCheckBox>(&dialog, "notificationsEnabled")->setChecked(false);
    child<QSpinBox>(&dialog, "refreshMinutes")->setValue(15);
    QComboBox *display = child<QComboBox>(&dialog, "timeDisplay");
    display->setCurrentIndex(display->findData(int(Preferences::TimeDisplay::Absolute)));
    QComboBox *zone = child<QComboBox>(&dialog, "timeZone");
    QVERIFY(zone->isEnabled());
    zone->setCurrentIndex(zone->findData(int(Preferences::TimeZone::Utc)));
    child<QCheckBox>(&dialog, "startMinimizedToTray")->setChecked(true);
    child<QCheckBox>(&dialog, "closeToTray")->setChecked(true);
    QVERIFY(dialog.errorText().isEmpty());

    clickOk(&dialog);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QVERIFY(!dialog.isVisible());
    QCOMPARE(changed.size(), 1);

    Preferences::Values expected;
    expected.clipboardClearSeconds = 45;
    expected.alertThresholdsSeconds = {3 * 24 * 3600, 2 * 3600, 5400};
    expected.alertOnExpiry = false;
    expected.notificationsEnabled = false;
    expected.refreshIntervalMinutes = 15;
    expected.timeDisplay = Preferences::TimeDisplay::Absolute;
    expected.timeZone = Preferences::TimeZone::Utc;
    expected.startMinimizedToTray = true;
    expected.closeToTray = true;
    QVERIFY(preferences.values() == expected);

    // Persisted: a fresh instance over the same folder reads the same values from the file.
    QVERIFY(QFileInfo::exists(QDir(m_dir->path()).filePath(QStringLiteral("preferences.ini"))));
    const Preferences reread(m_dir->path());
    QVERIFY(reread.values() == expected);
    QCOMPARE(reread.alertThresholdsSeconds(), (QList<qint64> {259200, 7200, 5400}));

    // Reopened, the dialog shows them again.
    PreferencesDialog again(&preferences);
    QCOMPARE(child<QLineEdit>(&again, "alertThresholds")->text(), QStringLiteral("3 days, 2 hours, 90 minutes"));
    QCOMPARE(child<QSpinBox>(&again, "refreshMinutes")->value(), 15);
    QVERIFY(child<QCheckBox>(&again, "startMinimizedToTray")->isChecked());
    QVERIFY(child<QCheckBox>(&again, "closeToTray")->isChecked());
}

void TestPreferencesDialog::badThresholdsRejected_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("words") << QStringLiteral("six hours") << QStringLiteral("six hours");
    QTest::newRow("bare number") << QStringLiteral("7 days, 3600") << QStringLiteral("3600");
    QTest::newRow("months beyond the range") << QStringLiteral("4 months") << QStringLiteral("1 minute to 90 days");
    QTest::newRow("too short") << QStringLiteral("30 seconds") << QStringLiteral("1 minute to 90 days");
    QTest::newRow("too long") << QStringLiteral("91 days") << QStringLiteral("1 minute to 90 days");
    QTest::newRow("too many") << QStringLiteral("1h, 2h, 3h, 4h, 5h, 6h, 7h, 8h, 9h") << QStringLiteral("at most 8");
}

void TestPreferencesDialog::badThresholdsRejected()
{
    QFETCH(QString, text);
    QFETCH(QString, mentions);
    Preferences preferences(m_dir->path());
    const Preferences::Values before = preferences.values();
    QSignalSpy changed(&preferences, &Preferences::changed);
    PreferencesDialog dialog(&preferences);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QLabel *error = child<QLabel>(&dialog, "errorLabel");
    QVERIFY(error->isHidden());

    QLineEdit *thresholds = child<QLineEdit>(&dialog, "alertThresholds");
    thresholds->selectAll();
    QTest::keyClicks(thresholds, text);
    // The message appears while typing, and OK does not close the dialog nor save.
    QVERIFY(!error->isHidden());
    QVERIFY2(error->text().contains(mentions), qPrintable(error->text()));
    QVERIFY(dialog.errorText() == error->text());
    QVERIFY(!dialog.values());
    clickOk(&dialog);
    QVERIFY(dialog.isVisible());
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    QVERIFY(!error->isHidden());
    QCOMPARE(changed.size(), 0);
    QVERIFY(preferences.values() == before);
    QVERIFY(!QFileInfo::exists(QDir(m_dir->path()).filePath(QStringLiteral("preferences.ini"))));

    // Fixing the input clears the message and OK saves.
    thresholds->selectAll();
    QTest::keyClicks(thresholds, QStringLiteral("12 hours"));
    QVERIFY(error->isHidden());
    clickOk(&dialog);
    QVERIFY(!dialog.isVisible());
    QCOMPARE(preferences.alertThresholdsSeconds(), QList<qint64> {12 * 3600});
}

void TestPreferencesDialog::parseThresholds()
{
    QString error;
    QCOMPARE(PreferencesDialog::parseThresholds(QStringLiteral("7 days, 24 hours"), &error),
        std::optional<QList<qint64>>(QList<qint64> {7 * 24 * 3600, 24 * 3600}));
    QCOMPARE(PreferencesDialog::parseThresholds(QStringLiteral("1h, 60 minutes ,, 2d"), &error),
        std::optional<QList<qint64>>(QList<qint64> {2 * 24 * 3600, 3600}));
    QCOMPARE(PreferencesDialog::parseThresholds(QString(), &error), std::optional<QList<qint64>>(QList<qint64> {}));
    QVERIFY(!PreferencesDialog::parseThresholds(QStringLiteral("1 year"), &error));
    QVERIFY(error.contains(QStringLiteral("1 year")));
    QCOMPARE(PreferencesDialog::formatThresholds({7 * 24 * 3600, 24 * 3600, 5400, 61}),
        QStringLiteral("7 days, 1 day, 90 minutes, 61 seconds"));
    // What it formats, it parses back.
    const QList<qint64> odd {90061, 3661, 61};
    QCOMPARE(PreferencesDialog::parseThresholds(PreferencesDialog::formatThresholds(odd)),
        std::optional<QList<qint64>>(odd));
}

void TestPreferencesDialog::restoreDefaults()
{
    Preferences preferences(m_dir->path());
    Preferences::Values values;
    values.clipboardClearSeconds = 300;
    values.startMinimizedToTray = true;
    QVERIFY(preferences.save(values));
    PreferencesDialog dialog(&preferences);
    auto *buttons = dialog.findChild<QDialogButtonBox *>();
    QTest::mouseClick(buttons->button(QDialogButtonBox::RestoreDefaults), Qt::LeftButton);
    const std::optional<Preferences::Values> shown = dialog.values();
    QVERIFY(shown);
    QVERIFY(*shown == Preferences::defaults());
    // Nothing is saved before OK.
    QCOMPARE(preferences.clipboardClearSeconds(), 300);
}

void TestPreferencesDialog::saveErrorReported()
{
    // A folder where the file should be: QSettings cannot write it.
    QVERIFY(QDir(m_dir->path()).mkdir(QStringLiteral("preferences.ini")));
    Preferences preferences(m_dir->path());
    PreferencesDialog dialog(&preferences);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    child<QSpinBox>(&dialog, "clipboardSeconds")->setValue(77);
    clickOk(&dialog);
    QVERIFY(dialog.isVisible());
    QVERIFY(!preferences.lastError().isEmpty());
    QCOMPARE(dialog.errorText(), preferences.lastError());
    QVERIFY(!child<QLabel>(&dialog, "errorLabel")->isHidden());
}

void TestPreferencesDialog::mainWindowAppliesPreferences()
{
    {
        Preferences preferences(m_dir->path());
        Preferences::Values values;
        values.clipboardClearSeconds = 20;
        values.timeDisplay = Preferences::TimeDisplay::Relative;
        QVERIFY(preferences.save(values));
    }
    AccountController controller(m_dir->path(), SecretStore::createMemoryOnly());
    controller.secretStore()->setParent(&controller);
    QVERIFY(controller.load());
    QVERIFY(controller.preferences());
    MainWindow window(&controller);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    // Applied at start.
    QCOMPARE(window.clipboardGuard()->clearDelayMs(), 20000);
    QCOMPARE(window.tokenModel()->timeDisplay(), TokenListModel::TimeDisplay::Relative);
    QVERIFY(window.alertCenter()->preferences() == controller.preferences());

    // Edit → Preferences…, reachable by keyboard.
    auto *action = window.findChild<QAction *>(QStringLiteral("actionPreferences"));
    QVERIFY(action);
    QVERIFY(!action->shortcuts().isEmpty());
    QVERIFY(action->shortcuts().contains(QKeySequence(Qt::CTRL | Qt::Key_Comma)));
    QAction *editMenu = nullptr;
    for (QAction *menu : window.menuBar()->actions()) {
        if (menu->menu() && menu->menu()->actions().contains(action))
            editMenu = menu;
    }
    QVERIFY(editMenu);
    QCOMPARE(editMenu->text(), QStringLiteral("&Edit"));

    QTest::keyClick(&window, Qt::Key_Comma, Qt::ControlModifier);
    PreferencesDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = window.findChild<PreferencesDialog *>()) && dialog->isVisible());
    QCOMPARE(child<QSpinBox>(dialog, "clipboardSeconds")->value(), 20);
    child<QSpinBox>(dialog, "clipboardSeconds")->setValue(12);
    QComboBox *display = child<QComboBox>(dialog, "timeDisplay");
    display->setCurrentIndex(display->findData(int(Preferences::TimeDisplay::Absolute)));
    QComboBox *zone = child<QComboBox>(dialog, "timeZone");
    zone->setCurrentIndex(zone->findData(int(Preferences::TimeZone::Utc)));
    clickOk(dialog);

    QCOMPARE(window.clipboardGuard()->clearDelayMs(), 12000);
    QCOMPARE(window.tokenModel()->timeDisplay(), TokenListModel::TimeDisplay::Absolute);
    QCOMPARE(window.tokenModel()->timeZone(), Qt::UTC);
    QCOMPARE(window.allAccountsView()->tokenModel()->timeDisplay(), TokenListModel::TimeDisplay::Absolute);
    QCOMPARE(window.allAccountsView()->tokenModel()->timeZone(), Qt::UTC);
    QCOMPARE(Preferences(m_dir->path()).clipboardClearSeconds(), 12);

    // A change made elsewhere (the same shared Preferences) is applied too.
    Preferences::Values values = controller.preferences()->values();
    values.clipboardClearSeconds = 90;
    QVERIFY(controller.preferences()->save(values));
    QCOMPARE(window.clipboardGuard()->clearDelayMs(), 90000);
}

// Tab walks the three groups top to bottom, then the buttons.
void TestPreferencesDialog::tabOrder()
{
    Preferences preferences(m_dir->path());
    Preferences::Values values = Preferences::defaults();
    values.timeDisplay = Preferences::TimeDisplay::Absolute; // enables the time zone
    QVERIFY(preferences.save(values));
    PreferencesDialog dialog(&preferences);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    const QStringList chain = focusChain(&dialog, child<QWidget>(&dialog, "clipboardSeconds"), 10);
    QCOMPARE(chain.mid(0, 9),
        QStringList(
            {QStringLiteral("clipboardSeconds"), QStringLiteral("alertThresholds"), QStringLiteral("alertOnExpiry"),
                QStringLiteral("notificationsEnabled"), QStringLiteral("refreshMinutes"), QStringLiteral("timeDisplay"),
                QStringLiteral("timeZone"), QStringLiteral("startMinimizedToTray"), QStringLiteral("closeToTray")}));
    QCOMPARE(dialog.windowTitle(), QStringLiteral("Preferences"));
    QCOMPARE(dialog.accessibleName(), QStringLiteral("Preferences"));
}

QTEST_MAIN(TestPreferencesDialog)
#include "tst_preferencesdialog.moc"
