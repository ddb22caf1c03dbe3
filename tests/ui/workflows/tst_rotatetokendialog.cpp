#include "ClipboardGuard.h"
#include "CreateRequests.h"
#include "RevealDialog.h"
#include "RotateTokenDialog.h"

#include "AwaitFuture.h"
#include "SandboxAccounts.h"

#include "items/TokenListModel.h"
#include "store/RotationStore.h"
#include "workflows/AccountTokens.h"

#include <QCheckBox>
#include <QJsonArray>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

// The rotation wizard against the in-process sandbox: Specter rotates and reveals the new value once, Svix waits
// for the user's confirmation (Close is held back until then), a token that cannot be rotated says why, and the
// token list shows "rotating, old one revoked in …" for the old token.
class TestRotateTokenDialog : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void specterRotatesAndRevealsOnce();
    void svixWaitsForConfirmation();
    void refusedTokenDisablesRotate();

private:
    static bool waitPhase(RotateTokenDialog &dialog);

    SandboxAccounts m_fixture;
    std::unique_ptr<RotationStore> m_store;
    ClipboardGuard *m_clipboard = nullptr;
};

void TestRotateTokenDialog::initTestCase()
{
    QVERIFY(m_fixture.listen());
}

void TestRotateTokenDialog::init()
{
    QString error;
    QVERIFY2(m_fixture.openStore(&error), qPrintable(error));
    m_store = std::make_unique<RotationStore>(m_fixture.database());
    m_clipboard = new ClipboardGuard(this);
}

void TestRotateTokenDialog::cleanup()
{
    delete m_clipboard;
    m_store.reset();
    m_fixture.closeStore();
}

bool TestRotateTokenDialog::waitPhase(RotateTokenDialog &dialog)
{
    QSignalSpy spy(&dialog, &RotateTokenDialog::phaseFinished);
    return spy.wait(10000);
}

void TestRotateTokenDialog::specterRotatesAndRevealsOnce()
{
    AccountSession *lab = m_fixture.addSpecter(QStringLiteral("lab"));
    QVERIFY(lab);
    CreateRequest request = CreateRequests::specterToken(QStringLiteral("ui bot"), QStringLiteral("1 hour"));
    const auto created = awaitFuture(lab->create(request));
    QVERIFY(created && created->ok());
    const auto listed = awaitFuture(lab->refresh());
    QVERIFY(listed && listed->ok());
    const Token old = listed->value().first();

    TestClock clock(QDateTime::currentDateTimeUtc());
    RotateTokenDialog dialog(lab, m_store.get(), m_fixture.audit(), &clock, m_clipboard, old);
    dialog.show();
    auto *rotate = dialog.findChild<QPushButton *>(QStringLiteral("rotateButton"));
    QVERIFY(rotate && rotate->isEnabled());
    dialog.setGraceText(QStringLiteral("soon"));
    QVERIFY(!rotate->isEnabled()); // not a duration
    dialog.setGraceText(QStringLiteral("2 hours"));
    QVERIFY(rotate->isEnabled());
    QSignalSpy scheduled(&dialog, &RotateTokenDialog::rotationScheduled);
    QTest::mouseClick(rotate, Qt::LeftButton);
    QVERIFY(waitPhase(dialog));
    QCOMPARE(scheduled.size(), 1);
    QVERIFY2(dialog.statusText().startsWith(QLatin1String("Rotating")), qPrintable(dialog.statusText()));
    QVERIFY(dialog.stepTexts().join(QLatin1Char('\n')).contains(QLatin1String("verify-new: done")));
    QVERIFY(!rotate->isVisible());

    // The new value is revealed once, in the reveal dialog, and nowhere in the wizard.
    auto *reveal = dialog.findChild<RevealDialog *>();
    QVERIFY(reveal);
    QVERIFY(!dialog.stepTexts().join(QString()).contains(created->value().value.left(20)));
    reveal->done(QDialog::Accepted);

    // The list shows the old token's state from the ledger.
    QList<Token> tokens = awaitFuture(lab->refresh())->value();
    AccountTokens::markRotations(tokens, m_store.get(), lab->account().id);
    TokenListModel model(&clock);
    model.setTokens(tokens);
    bool found = false;
    for (int row = 0; row < model.rowCount(); ++row) {
        const QString status = model.index(row, TokenListModel::Status).data().toString();
        if (model.index(row, TokenListModel::Name).data().toString() == QLatin1String("ui bot")) {
            QCOMPARE(status, QStringLiteral("rotating, old one revoked in 2h"));
            found = true;
        } else {
            QVERIFY(!status.startsWith(QLatin1String("rotating")));
        }
    }
    QVERIFY(found);
}

void TestRotateTokenDialog::svixWaitsForConfirmation()
{
    QString app;
    AccountSession *svix = m_fixture.addSvix(QStringLiteral("hooks"), &app);
    QVERIFY(svix);
    CreateRequest request = CreateRequests::svixPortal(app, QStringLiteral("desk"));
    QVERIFY(awaitFuture(svix->create(request))->ok());
    const Token old = awaitFuture(svix->refresh())->value().first();

    RotateTokenDialog dialog(svix, m_store.get(), m_fixture.audit(), Clock::system(), m_clipboard, old);
    dialog.show();
    dialog.setGraceText(QStringLiteral("10 minutes"));
    QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("rotateButton")), Qt::LeftButton);
    QVERIFY(waitPhase(dialog));
    if (auto *reveal = dialog.findChild<RevealDialog *>())
        reveal->done(QDialog::Accepted);
    auto *confirm = dialog.findChild<QPushButton *>(QStringLiteral("confirmButton"));
    auto *inPlace = dialog.findChild<QCheckBox *>(QStringLiteral("inPlace"));
    QVERIFY(confirm->isVisible() && inPlace->isVisible());
    QVERIFY(!confirm->isEnabled()); // not before the user says the new token is in place
    const auto buttons = dialog.findChildren<QPushButton *>();
    const auto close = std::find_if(
        buttons.cbegin(), buttons.cend(), [](QPushButton *b) { return b->text().remove(QLatin1Char('&')) == "Close"; });
    QVERIFY(close != buttons.cend());
    QVERIFY(!(*close)->isEnabled());
    QVERIFY(m_store->pending().isEmpty()); // nothing scheduled, the old session untouched

    inPlace->setChecked(true);
    QVERIFY(confirm->isEnabled());
    QTest::mouseClick(confirm, Qt::LeftButton);
    QVERIFY(waitPhase(dialog));
    QVERIFY2(dialog.statusText().startsWith(QLatin1String("Rotating")), qPrintable(dialog.statusText()));
    QVERIFY(dialog.stepTexts().join(QLatin1Char('\n')).contains(QLatin1String("expire-old: done")));
    QCOMPARE(m_store->pending().size(), 1);
    QVERIFY((*close)->isEnabled());
}

void TestRotateTokenDialog::refusedTokenDisablesRotate()
{
    AccountSession *mb = m_fixture.addAccount(QStringLiteral("magicbell"), QStringLiteral("bell"), {});
    QVERIFY(mb);
    Token signedUser;
    signedUser.id = QStringLiteral("local-1");
    signedUser.kind = QStringLiteral("signed-user");
    signedUser.accountId = mb->account().id;
    RotateTokenDialog dialog(mb, m_store.get(), m_fixture.audit(), Clock::system(), m_clipboard, signedUser);
    dialog.show();
    QVERIFY(!dialog.findChild<QPushButton *>(QStringLiteral("rotateButton"))->isEnabled());
    QVERIFY(dialog.refusalText().contains(QLatin1String("cannot revoke")));
}

QTEST_MAIN(TestRotateTokenDialog)
#include "tst_rotatetokendialog.moc"
