#include "AccountController.h"
#include "AllAccountsView.h"
#include "AppTranslators.h"
#include "AuditLogDialog.h"
#include "MainWindow.h"
#include "StatusColors.h"
#include "TokenNotesDialog.h"
#include "core/UtcTime.h"

#include "WindowFixture.h"

#include "AwaitFuture.h"
#include "TabOrder.h"
#include "core/Clock.h"
#include "items/TokenFilterModel.h"
#include "items/TokenListModel.h"
#include "providers/AccountSession.h"
#include "store/AuditLog.h"
#include "store/Database.h"
#include "store/Preferences.h"
#include "store/SecretStore.h"
#include "store/TokenNotes.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFile>
#include <QIcon>
#include <QItemSelectionModel>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

// In the GUI: the audit log dialog (filters by account, action, outcome and time range narrow the rows,
// newest first, grouped actions marked, CSV export of the filtered rows without secrets) and token notes (edited
// from Tokens → Edit Notes…, shown and searchable in the table, still there after a refresh and a restart).
namespace {
const QDateTime kT0 = UtcTime::dateTime(QDate(2026, 5, 4), QTime(8, 0, 0));
const QString kSecret = QStringLiteral("s3cr3t-password-never-shown");

AuditEntry entry(const QUuid &account, const QString &name, const QString &action, const QString &outcome,
    const QDateTime &time, const QString &group = {})
{
    AuditEntry e;
    e.time = time;
    e.accountId = account;
    e.accountName = name;
    e.providerId = QStringLiteral("specter");
    e.action = action;
    e.target = QStringLiteral("tok-") + action;
    e.outcome = outcome;
    e.detail = outcome == QLatin1String("failure") ? QStringLiteral("Unauthorized") : QStringLiteral("done");
    e.groupId = group;
    return e;
}

Account account(const QString &name)
{
    Account a;
    a.id = QUuid::createUuid();
    a.name = name;
    a.providerId = QStringLiteral("specter");
    return a;
}

int comboIndex(QComboBox *combo, const QVariant &data)
{
    return combo->findData(data);
}
} // namespace

class tst_AuditLogDialog : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void filtersNarrowRows();
    void timeColumnFollowsPreference();
    void csvHasHeaderAndFilteredRows();
    void openedFromMainWindowWithoutSecrets();
    void notesEditedKeptAcrossRefreshAndRestart();
    void showsNamesVerbsOutcomesAndGroups();
    void notesDialogLabelsAndTabOrder();
    void tabOrder();

private:
    void fillLog(AuditLog &log);
    bool startWindow();

    std::unique_ptr<WindowFixture> m_fx;
    Account m_a, m_b, m_c;
    // For the main-window tests.
    QUuid m_specter;
};

void tst_AuditLogDialog::initTestCase()
{
    // As the application does: English plural forms ("3 tokens"), whatever the test machine's locale.
    AppTranslators::install(*qApp, QLocale(QLocale::English, QLocale::UnitedStates));
}

void tst_AuditLogDialog::init()
{
    m_fx = std::make_unique<WindowFixture>();
    QVERIFY(m_fx->isValid());
    m_a = account(QStringLiteral("Alpha"));
    m_b = account(QStringLiteral("Bravo"));
    m_c = account(QStringLiteral("Charlie"));
}

void tst_AuditLogDialog::cleanup()
{
    m_fx.reset();
}

void tst_AuditLogDialog::fillLog(AuditLog &log)
{
    const QString group = QUuid::createUuid().toString(QUuid::WithoutBraces);
    QVERIFY(log.append(entry(m_a.id, m_a.name, QStringLiteral("login"), QStringLiteral("success"), kT0)));
    QVERIFY(log.append(entry(m_a.id, m_a.name, QStringLiteral("create"), QStringLiteral("success"), kT0.addSecs(60))));
    QVERIFY(log.append(entry(m_b.id, m_b.name, QStringLiteral("login"), QStringLiteral("failure"), kT0.addSecs(120))));
    QVERIFY(log.append(
        entry(m_b.id, m_b.name, QStringLiteral("revoke"), QStringLiteral("success"), kT0.addSecs(180), group)));
    QVERIFY(log.append(
        entry(m_c.id, m_c.name, QStringLiteral("revoke"), QStringLiteral("failure"), kT0.addSecs(240), group)));
    QVERIFY(log.append(
        entry(QUuid(), QString(), QStringLiteral("break-glass"), QStringLiteral("failure"), kT0.addSecs(241), group)));
}

// Tab walks the filters as they read (find, account, action, outcome, since, until), the table, then the buttons.
void tst_AuditLogDialog::tabOrder()
{
    AuditLogDialog dialog(nullptr, {m_a});
    const auto named = [&dialog](const char *name) { return dialog.findChild<QWidget *>(QLatin1String(name)); };
    auto *buttons = dialog.findChild<QDialogButtonBox *>();
    QVERIFY(buttons);
    const QList<QWidget *> expected {named("auditFind"), named("auditAccount"), named("auditAction"),
        named("auditOutcome"), named("auditUseSince"), named("auditSince"), named("auditUseUntil"), named("auditUntil"),
        named("auditTable"), buttons->button(QDialogButtonBox::Close), named("auditExport"), named("auditRefresh")};
    // The declared chain: pressing Tab on Qt 6.4 passes over Close here (the button box hands its focus to it).
    QCOMPARE(focusChainOrder(&dialog), expected);
}

void tst_AuditLogDialog::filtersNarrowRows()
{
    Database db(m_fx->filePath(QStringLiteral("tokendesk.sqlite")));
    QVERIFY2(db.open(), qPrintable(db.lastError()));
    AuditLog log(&db);
    fillLog(log);

    AuditLogDialog dialog(&log, {m_a, m_b, m_c});
    auto *accountBox = dialog.findChild<QComboBox *>(QStringLiteral("auditAccount"));
    auto *actionBox = dialog.findChild<QComboBox *>(QStringLiteral("auditAction"));
    auto *outcomeBox = dialog.findChild<QComboBox *>(QStringLiteral("auditOutcome"));
    auto *useSince = dialog.findChild<QCheckBox *>(QStringLiteral("auditUseSince"));
    auto *since = dialog.findChild<QDateTimeEdit *>(QStringLiteral("auditSince"));
    auto *useUntil = dialog.findChild<QCheckBox *>(QStringLiteral("auditUseUntil"));
    auto *until = dialog.findChild<QDateTimeEdit *>(QStringLiteral("auditUntil"));
    QVERIFY(accountBox && actionBox && outcomeBox && useSince && since && useUntil && until);
    QAbstractItemModel *model = dialog.table()->model();

    // Everything, newest first; the grouped entries carry their group id in the Group column.
    QCOMPARE(model->rowCount(), 6);
    QCOMPARE(dialog.entries().constFirst().action, QStringLiteral("break-glass"));
    QCOMPARE(dialog.entries().constLast().action, QStringLiteral("login"));
    QVERIFY(!model->index(0, AuditLogDialog::Group).data(Qt::UserRole).toString().isEmpty());
    QCOMPARE(model->index(0, AuditLogDialog::Group).data(Qt::UserRole),
        model->index(1, AuditLogDialog::Group).data(Qt::UserRole));
    QVERIFY(model->index(5, AuditLogDialog::Group).data(Qt::UserRole).toString().isEmpty());
    // The log's own actions are offered, also the grouped "break-glass".
    QVERIFY(comboIndex(actionBox, QStringLiteral("break-glass")) > 0);

    // Account.
    accountBox->setCurrentIndex(comboIndex(accountBox, m_b.id));
    QCOMPARE(model->rowCount(), 2);
    for (const AuditEntry &e : dialog.entries())
        QCOMPARE(e.accountId, m_b.id);
    QCOMPARE(model->index(0, AuditLogDialog::Account).data().toString(), QStringLiteral("Bravo"));

    // Account + outcome.
    outcomeBox->setCurrentIndex(comboIndex(outcomeBox, QStringLiteral("failure")));
    QCOMPARE(model->rowCount(), 1);
    QCOMPARE(dialog.entries().constFirst().action, QStringLiteral("login"));

    // Outcome alone.
    accountBox->setCurrentIndex(0);
    QCOMPARE(model->rowCount(), 3);

    // Action alone.
    outcomeBox->setCurrentIndex(0);
    actionBox->setCurrentIndex(comboIndex(actionBox, QStringLiteral("revoke")));
    QCOMPARE(model->rowCount(), 2);
    QCOMPARE(dialog.entries().at(0).accountId, m_c.id);
    QCOMPARE(dialog.entries().at(1).accountId, m_b.id);
    actionBox->setCurrentIndex(comboIndex(actionBox, QStringLiteral("login")));
    QCOMPARE(model->rowCount(), 2);
    actionBox->setCurrentIndex(0);
    QCOMPARE(model->rowCount(), 6);

    // Time range: since T0+90 s, until T0+200 s (inclusive bounds on both sides as AuditLog::query has them).
    since->setDateTime(kT0.addSecs(90).toLocalTime());
    useSince->setChecked(true);
    QVERIFY(since->isEnabled());
    QCOMPARE(model->rowCount(), 4);
    until->setDateTime(kT0.addSecs(200).toLocalTime());
    useUntil->setChecked(true);
    QCOMPARE(model->rowCount(), 2);
    QCOMPARE(dialog.entries().at(0).action, QStringLiteral("revoke"));
    QCOMPARE(dialog.entries().at(1).action, QStringLiteral("login"));
    QVERIFY(dialog.filter().since.has_value());
    QCOMPARE(*dialog.filter().since, kT0.addSecs(90));
    useSince->setChecked(false);
    QCOMPARE(model->rowCount(), 4); // until only: the four oldest
    useUntil->setChecked(false);
    QCOMPARE(model->rowCount(), 6);
}

// The Time column follows the time-display preference: local time with seconds by default, UTC on request,
// or relative to the clock with the exact time in the tooltip. The CSV keeps ISO UTC whatever is shown.
void tst_AuditLogDialog::timeColumnFollowsPreference()
{
    Database db(m_fx->filePath(QStringLiteral("tokendesk.sqlite")));
    QVERIFY2(db.open(), qPrintable(db.lastError()));
    AuditLog log(&db);
    fillLog(log);
    AuditLogDialog dialog(&log, {m_a, m_b, m_c});
    QAbstractItemModel *model = dialog.table()->model();
    QCOMPARE(model->rowCount(), 6);
    const QModelIndex newest = model->index(0, AuditLogDialog::Time); // kT0 + 241 s

    QCOMPARE(newest.data().toString(), kT0.addSecs(241).toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")));
    QCOMPARE(newest.data(Qt::ToolTipRole).toString(), QStringLiteral("2026-05-04T08:04:01.000Z"));

    dialog.setTimeDisplay(TimeText::Display::Absolute, Qt::UTC);
    QCOMPARE(model->index(0, AuditLogDialog::Time).data().toString(), QStringLiteral("2026-05-04 08:04:01 UTC"));
    QCOMPARE(model->index(5, AuditLogDialog::Time).data().toString(), QStringLiteral("2026-05-04 08:00:00 UTC"));

    TestClock clock(kT0.addSecs(241 + 2 * 3600));
    dialog.setTimeDisplay(TimeText::Display::Relative, Qt::UTC, &clock);
    QCOMPARE(model->rowCount(), 6); // the filter is kept
    QCOMPARE(model->index(0, AuditLogDialog::Time).data().toString(), QStringLiteral("2h ago"));
    QCOMPARE(model->index(5, AuditLogDialog::Time).data().toString(), QStringLiteral("2h 4m ago"));
    const QString tip = model->index(0, AuditLogDialog::Time).data(Qt::ToolTipRole).toString();
    QVERIFY2(tip.contains(QLatin1String("2026-05-04 08:04:01 UTC")) && tip.contains(QLatin1String("08:04:01.000Z")),
        qPrintable(tip));

    // Export is independent of the display.
    const QString path = m_fx->filePath(QStringLiteral("relative.csv"));
    QVERIFY(dialog.exportCsv(path));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.readAll().contains("2026-05-04T08:04:01"));
}

void tst_AuditLogDialog::csvHasHeaderAndFilteredRows()
{
    Database db(m_fx->filePath(QStringLiteral("tokendesk.sqlite")));
    QVERIFY(db.open());
    AuditLog log(&db);
    fillLog(log);
    AuditLogDialog dialog(&log, {m_a, m_b, m_c});
    auto *accountBox = dialog.findChild<QComboBox *>(QStringLiteral("auditAccount"));
    QVERIFY(accountBox);
    accountBox->setCurrentIndex(comboIndex(accountBox, m_a.id));
    QCOMPARE(dialog.entries().size(), 2);

    const QString path = m_fx->filePath(QStringLiteral("out/audit.csv"));
    QVERIFY(!dialog.exportCsv(path)); // the folder does not exist: an error, not a crash
    QVERIFY(!dialog.lastError().isEmpty());
    const QString good = m_fx->filePath(QStringLiteral("audit.csv"));
    QVERIFY2(dialog.exportCsv(good), qPrintable(dialog.lastError()));
    QFile file(good);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    QCOMPARE(bytes, AuditLog::toCsv(dialog.entries())); // exactly the filtered rows
    const QList<QByteArray> lines = bytes.trimmed().split('\n');
    QCOMPARE(lines.size(), 3); // header + 2 rows
    QVERIFY(lines.at(0).contains("action"));
    QVERIFY(lines.at(1).contains(",create,"));
    QVERIFY(lines.at(2).contains(",login,"));
    QVERIFY(!bytes.contains("Bravo"));
    QVERIFY(!bytes.contains("Charlie"));
}

// What an administrator reads in an incident: the token's name as it was (the id one hover away; an old entry
// without a name shows the id), the action in words, the outcome as text, colour and icon, the group as "what and
// when", and a Detail column that wraps with its full text in a tooltip.
void tst_AuditLogDialog::showsNamesVerbsOutcomesAndGroups()
{
    Database db(m_fx->filePath(QStringLiteral("tokendesk.sqlite")));
    QVERIFY2(db.open(), qPrintable(db.lastError()));
    AuditLog log(&db);
    const QString group = QUuid::createUuid().toString(QUuid::WithoutBraces);
    AuditEntry mfa = entry(m_a.id, m_a.name, QStringLiteral("login-mfa"), QStringLiteral("success"), kT0);
    mfa.target = m_a.name;
    QVERIFY(log.append(mfa));
    AuditEntry named =
        entry(m_a.id, m_a.name, QStringLiteral("revoke"), QStringLiteral("success"), kT0.addSecs(60), group);
    named.target = QStringLiteral("8f0e7d6c-uuid");
    named.targetName = QStringLiteral("CI deploy token");
    QVERIFY(log.append(named));
    AuditEntry unnamed =
        entry(m_b.id, m_b.name, QStringLiteral("revoke"), QStringLiteral("failure"), kT0.addSecs(61), group);
    unnamed.target = QStringLiteral("local-1234");
    unnamed.detail = QStringLiteral("The server refused the request because the token is still referenced by a "
                                    "running job; try again when the job has finished or revoke the job first.");
    QVERIFY(log.append(unnamed));
    AuditEntry third =
        entry(m_c.id, m_c.name, QStringLiteral("revoke"), QStringLiteral("success"), kT0.addSecs(62), group);
    third.targetName = QStringLiteral("third");
    QVERIFY(log.append(third));
    QVERIFY(log.append(
        entry(QUuid(), QString(), QStringLiteral("bulk-revoke"), QStringLiteral("failure"), kT0.addSecs(63), group)));

    AuditLogDialog dialog(&log, {m_a, m_b, m_c});
    dialog.resize(1100, 560);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QAbstractItemModel *model = dialog.table()->model();
    QCOMPARE(model->rowCount(), 5);
    const auto rowOf = [&](const QString &target) {
        for (int row = 0; row < model->rowCount(); ++row) {
            if (model->index(row, AuditLogDialog::Target).data(Qt::UserRole).toString() == target)
                return row;
        }
        return -1;
    };

    const int namedRow = rowOf(QStringLiteral("8f0e7d6c-uuid"));
    QVERIFY(namedRow >= 0);
    QCOMPARE(model->index(namedRow, AuditLogDialog::Target).data().toString(), QStringLiteral("CI deploy token"));
    QVERIFY(model->index(namedRow, AuditLogDialog::Target)
                .data(Qt::ToolTipRole)
                .toString()
                .contains(QStringLiteral("8f0e7d6c-uuid")));
    QCOMPARE(model->index(namedRow, AuditLogDialog::Action).data().toString(), QStringLiteral("Revoked (bulk)"));
    QCOMPARE(model->index(namedRow, AuditLogDialog::Group).data().toString(),
        QStringLiteral("Bulk revoke of 3 tokens, %1")
            .arg(QLocale().toString(kT0.addSecs(60).toLocalTime().time(), QLocale::ShortFormat)));
    QVERIFY(model->index(namedRow, AuditLogDialog::Group).data(Qt::ToolTipRole).toString().contains(group));

    const int unnamedRow = rowOf(QStringLiteral("local-1234"));
    QVERIFY(unnamedRow >= 0);
    QCOMPARE(model->index(unnamedRow, AuditLogDialog::Target).data().toString(), QStringLiteral("local-1234"));
    const QModelIndex failed = model->index(unnamedRow, AuditLogDialog::Outcome);
    QCOMPARE(failed.data().toString(), QStringLiteral("Failed"));
    QVERIFY(!failed.data(Qt::DecorationRole).value<QIcon>().isNull());
    QCOMPARE(failed.data(Qt::ForegroundRole).value<QBrush>().color(),
        StatusColors::color(StatusColors::Role::Error, dialog.palette()));
    // The detail wraps: its row is taller than a one-line row, and the whole text is in the tooltip.
    QVERIFY(dialog.table()->wordWrap());
    QVERIFY(dialog.table()->rowHeight(unnamedRow) > dialog.table()->rowHeight(rowOf(m_a.name)));
    QCOMPARE(model->index(unnamedRow, AuditLogDialog::Detail).data(Qt::ToolTipRole).toString(), unnamed.detail);
    QVERIFY(dialog.table()->columnWidth(AuditLogDialog::Detail) > dialog.table()->columnWidth(AuditLogDialog::Time));

    const int mfaRow = rowOf(m_a.name);
    QCOMPARE(model->index(mfaRow, AuditLogDialog::Action).data().toString(), QStringLiteral("Signed in with MFA"));
    const QModelIndex succeeded = model->index(mfaRow, AuditLogDialog::Outcome);
    QCOMPARE(succeeded.data().toString(), QStringLiteral("Succeeded"));
    QVERIFY(!succeeded.data(Qt::DecorationRole).value<QIcon>().isNull());
    QVERIFY(succeeded.data(Qt::ForegroundRole).value<QBrush>().color()
        != failed.data(Qt::ForegroundRole).value<QBrush>().color());
    QVERIFY(model->index(mfaRow, AuditLogDialog::Group).data().toString().isEmpty());

    // The action filter offers words, filtering on the machine word.
    auto *actionBox = dialog.findChild<QComboBox *>(QStringLiteral("auditAction"));
    const int mfaIndex = actionBox->findData(QStringLiteral("login-mfa"));
    QVERIFY(mfaIndex > 0);
    QCOMPARE(actionBox->itemText(mfaIndex), QStringLiteral("Signed in with MFA"));
}

bool tst_AuditLogDialog::startWindow()
{
    QList<Account> demo;
    if (!m_fx->sandboxWindow(3, &demo))
        return false;
    m_specter = WindowFixture::accountOf(demo, QStringLiteral("specter"));
    return !m_specter.isNull();
}

void tst_AuditLogDialog::openedFromMainWindowWithoutSecrets()
{
    QVERIFY(startWindow());
    // A failing sign-in of a second account (wrong password) and a successful one are audited.
    Account broken = *m_fx->controller()->account(m_specter);
    broken.id = QUuid::createUuid();
    broken.name = QStringLiteral("Broken Specter");
    const auto added = awaitFuture(m_fx->controller()->addAccount(broken, {{QStringLiteral("password"), kSecret}}));
    QVERIFY(added && added->ok());
    QSignalSpy refreshed(m_fx->window(), &MainWindow::refreshed);
    // Refreshes of other accounts may finish in between (the window refreshes what it shows): look for this
    // account's among all of them, not only the last.
    const auto refreshedAccount = [&refreshed](const QUuid &id) {
        for (const QList<QVariant> &args : std::as_const(refreshed)) {
            if (args.at(0).toUuid() == id)
                return true;
        }
        return false;
    };
    m_fx->window()->selectAccount(broken.id);
    QTRY_VERIFY_WITH_TIMEOUT(refreshedAccount(broken.id), 15000);
    m_fx->window()->selectAccount(m_specter);
    QTRY_VERIFY_WITH_TIMEOUT(refreshedAccount(m_specter), 15000);

    // Audited operations: a revoke on the good account (success) and one with the wrong password (failure), as
    // one group.
    QTRY_VERIFY_WITH_TIMEOUT(m_fx->window()->tokenModel()->rowCount() > 0, 15000);
    const Token token = m_fx->window()->tokenModel()->tokenAt(0);
    const QString group = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const auto revoked = awaitFuture(m_fx->controller()->session(m_specter)->revoke(token, group));
    QVERIFY(revoked && revoked->ok());
    Token foreign = token;
    foreign.accountId = broken.id;
    const auto refused = awaitFuture(m_fx->controller()->session(broken.id)->revoke(foreign, group));
    QVERIFY(refused && !refused->ok());

    // The dialog follows the time-display preference (relative here).
    Preferences::Values values = m_fx->controller()->preferences()->values();
    values.timeDisplay = Preferences::TimeDisplay::Relative;
    QVERIFY(m_fx->controller()->preferences()->save(values));

    auto *action = m_fx->window()->findChild<QAction *>(QStringLiteral("actionAuditLog"));
    QVERIFY(action);
    QVERIFY(!action->shortcut().isEmpty());
    action->trigger();
    auto *dialog = m_fx->window()->findChild<AuditLogDialog *>();
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    QCOMPARE(dialog->table()->model()->index(0, AuditLogDialog::Time).data().toString(), QStringLiteral("just now"));
    auto *accountBox = dialog->findChild<QComboBox *>(QStringLiteral("auditAccount"));
    QVERIFY(accountBox->findData(broken.id) > 0);
    QVERIFY(accountBox->findData(m_specter) > 0);

    // Whatever the log holds for these accounts, the export holds no password.
    const QString path = m_fx->filePath(QStringLiteral("all.csv"));
    QVERIFY(dialog->exportCsv(path));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    QVERIFY(bytes.startsWith("time,account,provider,action,action_label,target,target_name,outcome,detail,group"));
    QCOMPARE(bytes, AuditLog::toCsv(dialog->entries()));
    QVERIFY(dialog->entries().size() >= 2);
    QVERIFY(bytes.contains(",Broken Specter,specter,revoke,Revoked (bulk),"));
    // The session wrote the token's name with each revoke, so the log names it after the token is gone.
    QVERIFY(!token.label.isEmpty());
    int named = 0;
    for (const AuditEntry &e : dialog->entries()) {
        if (e.action == QLatin1String("revoke") && e.target == token.id) {
            QCOMPARE(e.targetName, token.label);
            ++named;
        }
    }
    QCOMPARE(named, 2);
    QVERIFY(bytes.contains(group.toUtf8()));
    QVERIFY(bytes.contains(",failure,"));
    QVERIFY(bytes.contains(",success,"));
    QVERIFY(!bytes.contains(kSecret.toUtf8()));
    const QJsonObject services = m_fx->server()->readyInfo().value(QStringLiteral("services")).toObject();
    const QString sandboxPassword =
        services.value(QStringLiteral("specter")).toObject().value(QStringLiteral("password")).toString();
    QVERIFY(!sandboxPassword.isEmpty());
    QVERIFY(!bytes.contains(sandboxPassword.toUtf8()));
    dialog->close();
}

void tst_AuditLogDialog::notesEditedKeptAcrossRefreshAndRestart()
{
    QVERIFY(startWindow());
    QSignalSpy refreshed(m_fx->window(), &MainWindow::refreshed);
    m_fx->window()->selectAccount(m_specter);
    QTRY_VERIFY_WITH_TIMEOUT(!refreshed.isEmpty() && refreshed.last().at(0).toUuid() == m_specter, 15000);
    QVERIFY2(refreshed.last().at(1).toBool(), qPrintable(m_fx->window()->lastError()));
    QTableView *table = m_fx->window()->tokenView();
    QVERIFY(table->model()->rowCount() >= 2);
    const int rowsBefore = table->model()->rowCount();

    auto *editNotes = m_fx->window()->findChild<QAction *>(QStringLiteral("actionEditNotes"));
    QVERIFY(editNotes);
    // Reachable by F2 and from the table's context menu (both tables share it).
    QCOMPARE(editNotes->shortcut(), QKeySequence(Qt::Key_F2));
    QVERIFY(m_fx->window()->tokenContextMenu()->actions().contains(editNotes));
    QCOMPARE(table->contextMenuPolicy(), Qt::CustomContextMenu);
    QCOMPARE(m_fx->window()->allAccountsView()->tokenView()->contextMenuPolicy(), Qt::CustomContextMenu);
    table->selectionModel()->clearSelection();
    QVERIFY(!editNotes->isEnabled()); // needs exactly one token
    table->selectRow(0);
    QVERIFY(editNotes->isEnabled());
    const QString tokenId = table->model()->index(0, 0).data(TokenListModel::TokenIdRole).toString();
    QVERIFY(!tokenId.isEmpty());

    m_fx->window()->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_fx->window()));
    table->setFocus();
    QTest::keyClick(table, Qt::Key_F2); // the shortcut, not the view's own F2 editing
    auto *dialog = m_fx->window()->findChild<TokenNotesDialog *>();
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    QTest::keyClicks(dialog->ownerEdit(), QStringLiteral("team-zebra"));
    QTest::keyClicks(dialog->usedInEdit(), QStringLiteral("nightly-export"));
    dialog->accept();

    // Shown in the Notes column and stored.
    const auto noteOf = [this](const QString &id) {
        const TokenListModel *model = m_fx->window()->tokenModel();
        const int row = model->rowOf(m_specter, id);
        return row < 0 ? QString() : model->index(row, TokenListModel::Notes).data().toString();
    };
    QTRY_COMPARE(noteOf(tokenId), QStringLiteral("Owner: team-zebra; used in: nightly-export"));
    const auto stored = m_fx->controller()->tokenNotes()->note(m_specter, tokenId);
    QVERIFY(stored.has_value());
    QCOMPARE(stored->owner, QStringLiteral("team-zebra"));

    // Searchable: the filter finds the token by its note.
    m_fx->window()->filterEdit()->setText(QStringLiteral("zebra"));
    QTRY_COMPARE(table->model()->rowCount(), 1);
    QCOMPARE(table->model()->index(0, 0).data(TokenListModel::TokenIdRole).toString(), tokenId);
    m_fx->window()->filterEdit()->clear();
    QTRY_COMPARE(table->model()->rowCount(), rowsBefore);

    // A refresh replaces the list: the note is still there.
    const qsizetype before = refreshed.size();
    m_fx->window()->refresh();
    QTRY_VERIFY_WITH_TIMEOUT(refreshed.size() > before, 15000);
    QVERIFY(refreshed.last().at(1).toBool());
    QCOMPARE(noteOf(tokenId), QStringLiteral("Owner: team-zebra; used in: nightly-export"));

    // A new window (restart) reads it from the database. The controller still holds the account's list, so the
    // window shows it without asking the service again.
    m_fx->createWindow();
    m_fx->window()->selectAccount(m_specter);
    QTRY_COMPARE_WITH_TIMEOUT(noteOf(tokenId), QStringLiteral("Owner: team-zebra; used in: nightly-export"), 15000);

    // Emptying the note removes it.
    m_fx->window()->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_fx->window()));
    QTableView *table2 = m_fx->window()->tokenView();
    for (int row = 0; row < table2->model()->rowCount(); ++row) {
        if (table2->model()->index(row, 0).data(TokenListModel::TokenIdRole).toString() == tokenId)
            table2->selectRow(row);
    }
    auto *edit2 = m_fx->window()->findChild<QAction *>(QStringLiteral("actionEditNotes"));
    QVERIFY(edit2->isEnabled());
    edit2->trigger();
    auto *dialog2 = m_fx->window()->findChild<TokenNotesDialog *>();
    QVERIFY(dialog2);
    QCOMPARE(dialog2->ownerEdit()->text(), QStringLiteral("team-zebra"));
    dialog2->ownerEdit()->clear();
    dialog2->usedInEdit()->clear();
    dialog2->accept();
    QTRY_VERIFY(noteOf(tokenId).isEmpty());
    QVERIFY(!m_fx->controller()->tokenNotes()->note(m_specter, tokenId).has_value());
}

// The notes dialog: the token's name in the title, each label's mnemonic focuses its field, Tab goes owner → used
// in → Save, and the note comes back trimmed.
void tst_AuditLogDialog::notesDialogLabelsAndTabOrder()
{
    TokenNotesDialog dialog(QStringLiteral("ci-deploy"));
    QCOMPARE(dialog.windowTitle(), QStringLiteral("Notes for ci-deploy"));
    QCOMPARE(dialog.objectName(), QStringLiteral("TokenNotesDialog"));
    QCOMPARE(dialog.accessibleName(), QStringLiteral("Token notes"));
    QStringList buddies;
    for (QLabel *label : dialog.findChildren<QLabel *>()) {
        if (label->buddy())
            buddies << label->text() + QLatin1Char('>') + label->buddy()->objectName();
    }
    buddies.sort();
    QCOMPARE(
        buddies, QStringList({QStringLiteral("&Owner:>noteOwner"), QStringLiteral("&Where is this used:>noteUsedIn")}));
    TokenNote note;
    note.owner = QStringLiteral("platform team");
    dialog.setNote(note);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QCOMPARE(focusChain(&dialog, dialog.ownerEdit(), 3),
        QStringList({QStringLiteral("noteOwner"), QStringLiteral("noteUsedIn"), QStringLiteral("Save")}));
    dialog.usedInEdit()->setText(QStringLiteral("  deploy pipeline "));
    QCOMPARE(dialog.note().owner, QStringLiteral("platform team"));
    QCOMPARE(dialog.note().usedIn, QStringLiteral("deploy pipeline"));
}

QTEST_MAIN(tst_AuditLogDialog)
#include "tst_auditlogdialog.moc"
