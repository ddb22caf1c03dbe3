#include "AccountController.h"
#include "Confirmer.h"
#include "CreateRequests.h"
#include "ExpiryCalendarDialog.h"
#include "IdentifyTokenDialog.h"
#include "LeakScanDialog.h"
#include "MainWindow.h"

#include "WindowFixture.h"

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

    std::unique_ptr<WindowFixture> m_fx;
    QUuid m_specter;
};

void tst_LifecycleDialogs::init()
{
    m_fx = std::make_unique<WindowFixture>();
    QVERIFY(m_fx->isValid());
    QVERIFY(startWindow());
}

void tst_LifecycleDialogs::cleanup()
{
    m_fx.reset();
}

bool tst_LifecycleDialogs::startWindow()
{
    if (!m_fx->startSandbox())
        return false;
    m_fx->openController(nullptr, m_fx->filePath(QStringLiteral("config")));
    m_fx->createWindow(true);
    m_specter = WindowFixture::accountOf(m_fx->addDemoAccounts(), QStringLiteral("specter"));
    return !m_specter.isNull() && m_fx->showWindow();
}

QString tst_LifecycleDialogs::createToken(const QString &description, Token *token)
{
    const auto prepared = awaitFuture(m_fx->controller()->prepare(m_specter));
    if (!prepared || !prepared->ok())
        return {};
    CreateRequest request = CreateRequests::specterToken(description, QStringLiteral("3 days"));
    const auto created = awaitFuture(m_fx->controller()->session(m_specter)->create(request));
    if (!created || !created->ok())
        return {};
    *token = created->value().token;
    return created->value().value;
}

template<typename Dialog> Dialog *tst_LifecycleDialogs::openFromMenu(const QString &actionName)
{
    auto *action = m_fx->window()->findChild<QAction *>(actionName);
    if (!action)
        return nullptr;
    action->trigger();
    auto *dialog = m_fx->window()->findChild<Dialog *>();
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
    const QString folder = m_fx->filePath(QStringLiteral("work"));
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
    const std::optional<TokenNote> note = m_fx->controller()->tokenNotes()->note(m_specter, token.id);
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
    const QString path = m_fx->filePath(QStringLiteral("expiries.ics"));
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
