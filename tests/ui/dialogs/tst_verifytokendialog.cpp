#include "StatusColors.h"
#include "TabOrder.h"
#include "VerifyTokenDialog.h"

#include "core/ApiError.h"
#include "providers/TokenProvider.h"

#include <QApplication>
#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QPromise>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

#include <optional>

namespace {

// A provider whose checkTokenValue() answers what the test scripts, finished when the test says so.
class FakeVerifyProvider final : public TokenProvider
{
public:
    FakeVerifyProvider(const Account &account, const ProviderContext &context)
        : TokenProvider(account, context)
    { }
    Capabilities capabilities() const override { return Capability::VerifyValue; }
    QFuture<Result<TokenValueCheck>> checkTokenValue(const QString &value) override
    {
        received = value;
        ++calls;
        promise = std::make_unique<QPromise<Result<TokenValueCheck>>>();
        promise->start();
        return promise->future();
    }
    void finish(const Result<TokenValueCheck> &result)
    {
        promise->addResult(result);
        promise->finish();
    }

    QString received;
    int calls = 0;
    std::unique_ptr<QPromise<Result<TokenValueCheck>>> promise;
};

const QString Secret = QStringLiteral("eyJhbGciOiJIUzI1NiJ9.eyJqdGkiOiJ0b2stNyJ9.c2ln");

TokenValueCheck verdict(TokenValueCheck::Verdict v, const QString &detail = {})
{
    TokenValueCheck check;
    check.verdict = v;
    check.tokenId = QStringLiteral("tok-7");
    check.detail = detail;
    return check;
}

} // namespace

class TestVerifyTokenDialog : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<FakeVerifyProvider> makeProvider()
    {
        Account account;
        account.id = QUuid::createUuid();
        account.name = QStringLiteral("Lab Specter");
        account.providerId = QStringLiteral("specter");
        ProviderContext context;
        context.network = &m_network;
        return std::make_unique<FakeVerifyProvider>(account, context);
    }
    // Types the value, clicks Verify and finishes the check with `result`.
    static void check(VerifyTokenDialog &dlg, FakeVerifyProvider &provider, const Result<TokenValueCheck> &result)
    {
        auto *input = dlg.findChild<QLineEdit *>(QStringLiteral("tokenInput"));
        auto *button = dlg.findChild<QPushButton *>(QStringLiteral("verifyButton"));
        QVERIFY(!button->isEnabled());
        QTest::keyClicks(input, Secret);
        QVERIFY(button->isEnabled());
        QSignalSpy finished(&dlg, &VerifyTokenDialog::checkFinished);
        QTest::mouseClick(button, Qt::LeftButton);
        QVERIFY(dlg.isChecking());
        QVERIFY(!button->isEnabled());
        QVERIFY(provider.received == Secret);
        QVERIFY(input->text().isEmpty()); // cleared as soon as it was handed over
        provider.finish(result);
        QTRY_COMPARE(finished.count(), 1);
        QVERIFY(!dlg.isChecking());
        QVERIFY(input->text().isEmpty());
        QVERIFY(!dlg.resultText().contains(Secret));
    }
    static QColor textColour(VerifyTokenDialog &dlg)
    {
        return dlg.findChild<QLabel *>(QStringLiteral("result"))->palette().color(QPalette::WindowText);
    }

    QNetworkAccessManager m_network;

private slots:
    void rejectedIsNormalTextWithTick()
    {
        auto provider = makeProvider();
        VerifyTokenDialog dlg(provider.get());
        QVERIFY(dlg.findChild<QLabel *>(QStringLiteral("accountName"))->text() == QStringLiteral("Lab Specter"));
        check(dlg, *provider, verdict(TokenValueCheck::Verdict::Rejected));
        QCOMPARE(dlg.resultText(), QStringLiteral("rejected by the server ✓ (token tok-7)"));
        QCOMPARE(dlg.resultTone(), VerifyTokenDialog::Tone::None);
        QCOMPARE(textColour(dlg), QApplication::palette(&dlg).color(QPalette::WindowText));
    }

    void acceptedIsAnError()
    {
        auto provider = makeProvider();
        VerifyTokenDialog dlg(provider.get());
        check(dlg, *provider, verdict(TokenValueCheck::Verdict::Accepted, QStringLiteral("Update Specter.")));
        QVERIFY2(
            dlg.resultText().contains(QLatin1String("Still accepted by the server")), qPrintable(dlg.resultText()));
        QVERIFY(dlg.resultText().contains(QLatin1String("Update Specter.")));
        QCOMPARE(dlg.resultTone(), VerifyTokenDialog::Tone::Error);
        QCOMPARE(textColour(dlg), StatusColors::color(StatusColors::Role::Error, QApplication::palette(&dlg)));
    }

    void unknownAndErrorsAreWarnings()
    {
        auto provider = makeProvider();
        VerifyTokenDialog dlg(provider.get());
        check(dlg, *provider, verdict(TokenValueCheck::Verdict::Unknown, QStringLiteral("Is the account an admin?")));
        QVERIFY(dlg.resultText().contains(QLatin1String("Is the account an admin?")));
        QCOMPARE(dlg.resultTone(), VerifyTokenDialog::Tone::Warning);
        QCOMPARE(textColour(dlg), StatusColors::color(StatusColors::Role::Warning, QApplication::palette(&dlg)));

        check(dlg, *provider, Result<TokenValueCheck>(ApiError(ApiError::Kind::Server, QStringLiteral("Boom."))));
        QVERIFY2(dlg.resultText().contains(QLatin1String("Boom.")), qPrintable(dlg.resultText()));
        QCOMPARE(dlg.resultTone(), VerifyTokenDialog::Tone::Warning);
        // After a rejection the colour goes back to normal text.
        check(dlg, *provider, verdict(TokenValueCheck::Verdict::Rejected));
        QCOMPARE(textColour(dlg), QApplication::palette(&dlg).color(QPalette::WindowText));
        QCOMPARE(provider->calls, 3);
    }

    void maskedUnlessShownAndAccessible()
    {
        auto provider = makeProvider();
        VerifyTokenDialog dlg(provider.get());
        auto *input = dlg.findChild<QLineEdit *>(QStringLiteral("tokenInput"));
        QCOMPARE(input->echoMode(), QLineEdit::Password);
        dlg.findChild<QCheckBox *>(QStringLiteral("showToken"))->setChecked(true);
        QCOMPARE(input->echoMode(), QLineEdit::Normal);
        const QList<QWidget *> widgets = dlg.findChildren<QWidget *>();
        for (QWidget *widget : widgets) {
            if (widget->focusPolicy() != Qt::NoFocus && !widget->accessibleName().isEmpty())
                continue;
            if (widget->focusPolicy() != Qt::NoFocus)
                QFAIL(
                    qPrintable(QStringLiteral("no accessible name: %1 %2")
                                   .arg(QString::fromLatin1(widget->metaObject()->className()), widget->objectName())));
        }
    }

    void closingClearsTheInput()
    {
        auto provider = makeProvider();
        VerifyTokenDialog dlg(provider.get());
        auto *input = dlg.findChild<QLineEdit *>(QStringLiteral("tokenInput"));
        QTest::keyClicks(input, Secret);
        dlg.reject();
        QVERIFY(input->text().isEmpty());
        QCOMPARE(provider->calls, 0);
    }

    // Tab goes from the value to its Show box, then Verify and Close; the Token label's mnemonic focuses the value.
    void tabOrderAndBuddy()
    {
        std::unique_ptr<FakeVerifyProvider> provider = makeProvider();
        VerifyTokenDialog dlg(provider.get(), nullptr);
        dlg.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dlg));
        auto *input = dlg.findChild<QLineEdit *>(QStringLiteral("tokenInput"));
        // A typed value enables Verify; it is still there when the dialog is destroyed below, which must not crash.
        QTest::keyClicks(input, QStringLiteral("x"));
        QCOMPARE(focusChain(&dlg, input, 4),
            QStringList({QStringLiteral("tokenInput"), QStringLiteral("showToken"), QStringLiteral("verifyButton"),
                QStringLiteral("Close")}));
        QLabel *tokenLabel = nullptr;
        for (QLabel *label : dlg.findChildren<QLabel *>()) {
            if (label->text() == QStringLiteral("&Token:"))
                tokenLabel = label;
        }
        QVERIFY(tokenLabel);
        QCOMPARE(tokenLabel->buddy(), input);
        QCOMPARE(dlg.findChild<QLabel *>(QStringLiteral("accountName"))->text(), QStringLiteral("Lab Specter"));
        QCOMPARE(dlg.windowTitle(), QStringLiteral("Verify a Revoked Token"));
    }
};

QTEST_MAIN(TestVerifyTokenDialog)
#include "tst_verifytokendialog.moc"
