#include "AccountController.h"
#include "Confirmer.h"
#include "MainWindow.h"
#include "MainWindowTestSupport.h"
#include "RevealDialog.h"
#include "VerifyTokenDialog.h"

#include "BuiltinEmulators.h"
#include "SandboxServer.h"

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
    QAction *action(const QString &name) const { return m_window->findChild<QAction *>(name); }
    bool selectAndRefresh(const QUuid &account);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<SandboxServer> m_server;
    std::unique_ptr<AccountController> m_controller;
    std::unique_ptr<MainWindow> m_window;
    QUuid m_specter;
    QUuid m_svix;
};

void tst_MainWindowVerify::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_server = std::make_unique<SandboxServer>();
    registerBuiltinEmulators(*m_server);
    QVERIFY(m_server->listen());
    m_controller = std::make_unique<AccountController>(m_dir->path(), SecretStore::createMemoryOnly());
    m_controller->secretStore()->setParent(m_controller.get());
    m_controller->load();
    m_window = std::make_unique<MainWindow>(m_controller.get());
    m_window->setSandboxMode(true);
    for (const Account &account : m_controller->addDemoAccounts(m_server->readyInfo())) {
        if (account.providerId == QLatin1String("specter"))
            m_specter = account.id;
        else if (account.providerId == QLatin1String("svix"))
            m_svix = account.id;
    }
    QVERIFY(!m_specter.isNull() && !m_svix.isNull());
}

void tst_MainWindowVerify::cleanup()
{
    m_window.reset();
    m_controller.reset();
    m_server.reset();
    m_dir.reset();
}

bool tst_MainWindowVerify::selectAndRefresh(const QUuid &account)
{
    QSignalSpy refreshed(m_window.get(), &MainWindow::refreshed);
    m_window->selectAccount(account);
    m_window->refresh();
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
        m_window.get(), QStringLiteral("token"), {{"description", "verify in the window"}, {"lifetime", "1 hour"}});
    QVERIFY(reveal);
    const QString value = reveal->findChild<QLineEdit *>(QStringLiteral("tokenValue"))->text();
    QCOMPARE(value.count(QLatin1Char('.')), 2);
    reveal->reject();
    QVERIFY(selectAndRefresh(m_specter));

    TokenListModel *model = m_window->tokenModel();
    int row = -1;
    for (int r = 0; r < model->rowCount(); ++r) {
        if (model->tokenAt(r).label == QLatin1String("verify in the window"))
            row = r;
    }
    QVERIFY(row >= 0);
    const QModelIndex proxy = m_window->filterModel()->mapFromSource(model->index(row, 0));
    m_window->tokenView()->selectionModel()->select(
        proxy, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    Confirmer::setNextAnswerForTest(true);
    m_window->revokeSelected();
    QVERIFY(QTest::qWaitFor(
        [this] { return m_window->statusBar()->currentMessage().contains(QLatin1String("Verify a Revoked Token")); },
        15000));

    verify->trigger();
    auto *dialog = visibleDialog<VerifyTokenDialog>(m_window.get());
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
