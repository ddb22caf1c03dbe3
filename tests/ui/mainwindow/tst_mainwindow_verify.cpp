#include "AccountController.h"
#include "Confirmer.h"
#include "MainWindow.h"
#include "MainWindowTestSupport.h"
#include "RevealDialog.h"
#include "VerifyTokenDialog.h"

#include "WindowFixture.h"

#include "core/Clock.h"
#include "items/TokenFilterModel.h"
#include "items/TokenListModel.h"
#include "store/SecretStore.h"

#include <QAction>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

// Tokens → Verify a Revoked Token… in the main window on the in-process sandbox: enabled only for
// accounts whose service can check a value, announced in the status bar after a single revoke, and the dialog
// it opens gets "rejected by the server ✓" for the token just revoked.
class tst_MainWindowVerify : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void revokeThenVerify();

private:
    QAction *action(const QString &name) const { return m_fx->window()->findChild<QAction *>(name); }
    bool selectAndRefresh(const QUuid &account);

    std::unique_ptr<WindowFixture> m_fx;
    QUuid m_specter;
    QUuid m_svix;
};

void tst_MainWindowVerify::init()
{
    m_fx = std::make_unique<WindowFixture>();
    QVERIFY(m_fx->isValid());
    QVERIFY(m_fx->startSandbox());
    m_fx->openController();
    m_fx->createWindow(true);
    const QList<Account> demo = m_fx->addDemoAccounts();
    m_specter = WindowFixture::accountOf(demo, QStringLiteral("specter"));
    m_svix = WindowFixture::accountOf(demo, QStringLiteral("svix"));
    QVERIFY(!m_specter.isNull() && !m_svix.isNull());
}

void tst_MainWindowVerify::cleanup()
{
    m_fx.reset();
}

bool tst_MainWindowVerify::selectAndRefresh(const QUuid &account)
{
    QSignalSpy refreshed(m_fx->window(), &MainWindow::refreshed);
    m_fx->window()->selectAccount(account);
    m_fx->window()->refresh();
    return QTest::qWaitFor(
        [&refreshed, account] {
            for (const QList<QVariant> &signal : std::as_const(refreshed)) {
                if (signal.at(0).toUuid() == account)
                    return true;
            }
            return false;
        },
        15000);
}

void tst_MainWindowVerify::revokeThenVerify()
{
    QAction *verify = action(QStringLiteral("actionVerifyToken"));
    QVERIFY(verify);
    QVERIFY(selectAndRefresh(m_svix));
    QVERIFY(!verify->isEnabled()); // Svix cannot check a pasted value
    QVERIFY(selectAndRefresh(m_specter));
    QVERIFY(verify->isEnabled());

    RevealDialog *reveal = createThroughDialog(
        m_fx->window(), QStringLiteral("token"), {{"description", "verify in the window"}, {"lifetime", "1 hour"}});
    QVERIFY(reveal);
    const QString value = reveal->findChild<QLineEdit *>(QStringLiteral("tokenValue"))->text();
    QCOMPARE(value.count(QLatin1Char('.')), 2);
    reveal->reject();
    QVERIFY(selectAndRefresh(m_specter));

    TokenListModel *model = m_fx->window()->tokenModel();
    int row = -1;
    for (int r = 0; r < model->rowCount(); ++r) {
        if (model->tokenAt(r).label == QLatin1String("verify in the window"))
            row = r;
    }
    QVERIFY(row >= 0);
    const QModelIndex proxy = m_fx->window()->filterModel()->mapFromSource(model->index(row, 0));
    m_fx->window()->tokenView()->selectionModel()->select(
        proxy, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    Confirmer::setNextAnswerForTest(true);
    m_fx->window()->revokeSelected();
    QVERIFY(QTest::qWaitFor(
        [this] {
            return m_fx->window()->statusBar()->currentMessage().contains(QLatin1String("Verify a Revoked Token"));
        },
        15000));

    verify->trigger();
    auto *dialog = findVisible<VerifyTokenDialog>(m_fx->window());
    QVERIFY(dialog);
    QSignalSpy finished(dialog, &VerifyTokenDialog::checkFinished);
    dialog->findChild<QLineEdit *>(QStringLiteral("tokenInput"))->setText(value);
    dialog->findChild<QPushButton *>(QStringLiteral("verifyButton"))->click();
    QVERIFY(finished.wait(15000) || finished.count() == 1);
    QVERIFY2(
        dialog->resultText().startsWith(QStringLiteral("rejected by the server ✓")), qPrintable(dialog->resultText()));
    QCOMPARE(dialog->resultTone(), VerifyTokenDialog::Tone::None);
    QVERIFY(dialog->findChild<QLineEdit *>(QStringLiteral("tokenInput"))->text().isEmpty());
    dialog->reject();
}

QTEST_MAIN(tst_MainWindowVerify)
#include "tst_mainwindow_verify.moc"
