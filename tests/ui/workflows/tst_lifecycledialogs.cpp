#include "AccountController.h"
#include "Confirmer.h"
#include "ExpiryCalendarDialog.h"
#include "IdentifyTokenDialog.h"
#include "LeakScanDialog.h"
#include "MainWindow.h"

#include "BuiltinEmulators.h"
#include "SandboxServer.h"

#include "AwaitFuture.h"
#include "providers/AccountSession.h"
#include "store/SecretStore.h"
#include "store/TokenNotes.h"

#include <QAction>
#include <QFile>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

#include <memory>

// The window side of identify, leak scan and the calendar export, opened from the main window's menus against
// the in-process sandbox: a token created through TokenDesk is identified from its pasted value (then revoked
// from the dialog), found by a scan of a folder as path:line (and noted as "seen at"), and exported as an event.
class tst_LifecycleDialogs : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void identifyAndRevoke();
    void leakScanFindsAndNotes();
    void calendarExport();

private:
    bool startWindow();
    QString createToken(const QString &description, Token *token);
    template<typename Dialog> Dialog *openFromMenu(const QString &actionName);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<SandboxServer> m_server;
    std::unique_ptr<AccountController> m_controller;
    std::unique_ptr<MainWindow> m_window;
    QUuid m_specter;
};

void tst_LifecycleDialogs::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    QVERIFY(startWindow());
}

void tst_LifecycleDialogs::cleanup()
{
    m_window.reset();
    m_controller.reset();
    m_server.reset();
    m_dir.reset();
}

bool tst_LifecycleDialogs::startWindow()
{
    m_server = std::make_unique<SandboxServer>();
    registerBuiltinEmulators(*m_server);
    if (!m_server->listen())
        return false;
    m_controller =
        std::make_unique<AccountController>(m_dir->filePath(QStringLiteral("config")), SecretStore::createMemoryOnly());
    m_controller->secretStore()->setParent(m_controller.get());
    m_controller->load();
    m_window = std::make_unique<MainWindow>(m_controller.get());
    m_window->setSandboxMode(true);
    for (const Account &a : m_controller->addDemoAccounts(m_server->readyInfo())) {
        if (a.providerId == QLatin1String("specter"))
            m_specter = a.id;
    }
    if (m_specter.isNull())
        return false;
    m_window->show();
    return QTest::qWaitForWindowExposed(m_window.get());
}

QString tst_LifecycleDialogs::createToken(const QString &description, Token *token)
{
    const auto prepared = awaitFuture(m_controller->prepare(m_specter));
    if (!prepared || !prepared->ok())
        return {};
    CreateRequest request;
    request.kind = QStringLiteral("token");
    request.values.insert(QStringLiteral("description"), description);
    request.values.insert(QStringLiteral("lifetime"), QStringLiteral("3 days"));
    const auto created = awaitFuture(m_controller->session(m_specter)->create(request));
    if (!created || !created->ok())
        return {};
    *token = created->value().token;
    return created->value().value;
}

template<typename Dialog> Dialog *tst_LifecycleDialogs::openFromMenu(const QString &actionName)
{
    auto *action = m_window->findChild<QAction *>(actionName);
    if (!action)
        return nullptr;
    action->trigger();
    auto *dialog = m_window->findChild<Dialog *>();
    if (!dialog || !QTest::qWaitFor([dialog] { return dialog->isVisible(); }))
        return nullptr;
    return dialog;
}

void tst_LifecycleDialogs::identifyAndRevoke()
{
    Token token;
    const QString value = createToken(QStringLiteral("deploy bot"), &token);
    QVERIFY(!value.isEmpty());

    auto *dialog = openFromMenu<IdentifyTokenDialog>(QStringLiteral("actionIdentify"));
    QVERIFY(dialog);
    auto *input = dialog->findChild<QLineEdit *>(QStringLiteral("tokenInput"));
    QVERIFY(input);
    QCOMPARE(input->echoMode(), QLineEdit::Password);
    QSignalSpy finished(dialog, &IdentifyTokenDialog::identifyFinished);
    input->setText(value);
    dialog->identify();
    QVERIFY(input->text().isEmpty()); // wiped at once
    QVERIFY(finished.wait(20000));
    QCOMPARE(dialog->matches().size(), 1);
    const IdentifyMatch match = dialog->matches().first();
    QCOMPARE(match.evidence, IdentifyMatch::Evidence::Fingerprint);
    QCOMPARE(match.account.id, m_specter);
    QCOMPARE(match.token.id, token.id);
    QCOMPARE(dialog->resultView()->topLevelItemCount(), 1);
    QVERIFY(dialog->resultView()->topLevelItem(0)->text(2).contains(QLatin1String("deploy bot")));
    for (int c = 0; c < dialog->resultView()->columnCount(); ++c)
        QVERIFY(!dialog->resultView()->topLevelItem(0)->text(c).contains(value));

    auto *revoke = dialog->findChild<QPushButton *>(QStringLiteral("revokeButton"));
    QVERIFY(revoke && revoke->isEnabled());
    QSignalSpy revoked(dialog, &IdentifyTokenDialog::revokeFinished);
    Confirmer::setNextAnswerForTest(true);
    revoke->click();
    QVERIFY(revoked.wait(20000));
    QCOMPARE(revoked.first().first().toBool(), true);
    QVERIFY(Confirmer::lastQuestionForTest().contains(QLatin1String("deploy bot")));
    QVERIFY(!revoke->isEnabled());

    // An unknown value: nothing.
    input->setText(QStringLiteral("appsk_kV3ts5tKPNJN4Dl25cMTfUNdmabxbX0O"));
    dialog->identify();
    QVERIFY(finished.wait(20000));
    QVERIFY(dialog->matches().isEmpty());
    QVERIFY(dialog->statusText().contains(QLatin1String("No token")));
}

void tst_LifecycleDialogs::leakScanFindsAndNotes()
{
    Token token;
    const QString value = createToken(QStringLiteral("leaky"), &token);
    QVERIFY(!value.isEmpty());
    const QString folder = m_dir->filePath(QStringLiteral("work"));
    QVERIFY(QDir().mkpath(folder + QStringLiteral("/sub")));
    QFile env(folder + QStringLiteral("/sub/.env"));
    QVERIFY(env.open(QIODevice::WriteOnly));
    env.write("A=1\nB=2\nSPECTER_TOKEN=" + value.toUtf8() + "\nGH=ghp_abcdefghijklmnopqrstuvwxyz0123456789\n");
    env.close();

    auto *dialog = openFromMenu<LeakScanDialog>(QStringLiteral("actionLeakScan"));
    QVERIFY(dialog);
    dialog->addPath(folder);
    QSignalSpy finished(dialog, &LeakScanDialog::scanFinished);
    dialog->startScan();
    QVERIFY(finished.wait(20000));
    QCOMPARE(dialog->hits().size(), 2);
    QTreeWidget *view = dialog->resultView();
    QCOMPARE(view->topLevelItemCount(), 2);
    QVERIFY(view->topLevelItem(0)->text(0).endsWith(QLatin1String(".env:3")));
    QCOMPARE(view->topLevelItem(0)->text(1), QStringLiteral("leaky"));
    QVERIFY(view->topLevelItem(1)->text(1).contains(QLatin1String("GitHub")));
    for (int r = 0; r < view->topLevelItemCount(); ++r) {
        for (int c = 0; c < view->columnCount(); ++c)
            QVERIFY(!view->topLevelItem(r)->text(c).contains(value));
    }
    QVERIFY(!dialog->statusText().contains(value));

    view->topLevelItem(0)->setSelected(true);
    QCOMPARE(dialog->addSelectedToNotes(), 1);
    const std::optional<TokenNote> note = m_controller->tokenNotes()->note(m_specter, token.id);
    QVERIFY(note.has_value());
    QVERIFY2(note->usedIn.contains(QLatin1String("seen at ")) && note->usedIn.contains(QLatin1String(".env:3")),
        qPrintable(note->usedIn));
    QCOMPARE(dialog->addSelectedToNotes(), 0); // once
}

void tst_LifecycleDialogs::calendarExport()
{
    Token token;
    const QString value = createToken(QStringLiteral("calendar token"), &token);
    QVERIFY(!value.isEmpty());
    auto *dialog = openFromMenu<ExpiryCalendarDialog>(QStringLiteral("actionExpiryCalendar"));
    QVERIFY(dialog);
    const QString path = m_dir->filePath(QStringLiteral("expiries.ics"));
    dialog->setFilePath(path);
    dialog->setWithinDays(7);
    QSignalSpy finished(dialog, &ExpiryCalendarDialog::exportFinished);
    dialog->exportCalendar();
    QVERIFY(finished.wait(20000));
    QCOMPARE(finished.first().first().toBool(), true);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray ics = file.readAll();
    QVERIFY(ics.startsWith("BEGIN:VCALENDAR\r\n"));
    QVERIFY(ics.contains("calendar token"));
    QVERIFY(ics.contains("BEGIN:VALARM"));
    QVERIFY(!ics.contains(value.toUtf8()));
    QVERIFY(dialog->statusText().contains(QDir::toNativeSeparators(path)));
}

QTEST_MAIN(tst_LifecycleDialogs)
#include "tst_lifecycledialogs.moc"
