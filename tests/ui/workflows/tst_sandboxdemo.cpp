#include "AccountController.h"
#include "AwaitFuture.h"
#include "MfaDialog.h"
#include "SandboxDemo.h"
#include "SignInDialog.h"

#include "providers/AccountSession.h"
#include "providers/ProviderRegistry.h"
#include "providers/TokenProvider.h"
#include "workflows/AccountTokens.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QSet>
#include <QTest>

// `tokendesk --sandbox` as a new user meets it (SandboxDemo, what main.cpp starts): every demo account lists
// tokens, the MFA demo user's dialog shows the code the emulator accepts, the sign-in dialog can be prefilled
// with the demo credentials, and none of that reaches an account that is not a sandbox demo account.
class tst_SandboxDemo : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void everyServiceHasADemoAccount();
    void everyDemoAccountListsTokens();
    void tokensReadWellAndOneIsExpired();
    void demoUserWithoutMfaIsSignedIn();
    void demoCredentialsOnlyForDemoAccounts();
    void signInDialogIsPrefilled();
    void mfaDialogShowsTheCodeTheEmulatorAccepts();

private:
    QUuid mfaAccount() const;

    std::unique_ptr<SandboxDemo> m_demo;
};

void tst_SandboxDemo::initTestCase()
{
    m_demo = std::make_unique<SandboxDemo>();
    QString error;
    QVERIFY2(m_demo->start(&error), qPrintable(error));
    const std::optional<Result<Done>> seeded = awaitFuture(m_demo->seedAccounts(), 60000);
    QVERIFY2(seeded.has_value(), "seeding the demo accounts did not finish");
    QVERIFY2(seeded->ok(), qPrintable(seeded->error().fullMessage()));
}

void tst_SandboxDemo::cleanupTestCase()
{
    m_demo.reset();
}

QUuid tst_SandboxDemo::mfaAccount() const
{
    for (const Account &account : m_demo->accounts()) {
        if (!m_demo->controller()->demoTotpSecret(account.id).isEmpty())
            return account.id;
    }
    return {};
}

void tst_SandboxDemo::everyServiceHasADemoAccount()
{
    QSet<QString> providers;
    int magicbell = 0;
    int netsapiens = 0;
    for (const Account &account : m_demo->accounts()) {
        providers.insert(account.providerId);
        magicbell += account.providerId == QLatin1String("magicbell");
        netsapiens += account.providerId == QLatin1String("netsapiens");
    }
    QCOMPARE(providers,
        QSet<QString>({QStringLiteral("specter"), QStringLiteral("magicbell"), QStringLiteral("netsapiens"),
            QStringLiteral("svix")}));
    QCOMPARE(magicbell, 2); // today's and the legacy /jwt routes
    QCOMPARE(netsapiens, 2); // the demo user and the MFA demo user
    QVERIFY(!mfaAccount().isNull());
    QCOMPARE(m_demo->controller()->accounts().size(), m_demo->accounts().size());
}

void tst_SandboxDemo::everyDemoAccountListsTokens()
{
    AccountController *controller = m_demo->controller();
    for (const Account &account : m_demo->accounts()) {
        AccountSession *session = controller->session(account.id);
        QVERIFY(session);
        const std::optional<Result<QList<Token>>> listed = awaitFuture(session->refresh());
        QVERIFY2(listed && listed->ok(), qPrintable(account.name));
        QVERIFY2(!listed->value().isEmpty(), qPrintable(account.name + QStringLiteral(" lists no token")));
        // What the window shows: the kept list, except for the MFA user who signs in first.
        if (account.id != mfaAccount()) {
            QVERIFY2(!controller->accountTokens()->tokens(account.id).isEmpty(),
                qPrintable(account.name + QStringLiteral(": no list kept for the window")));
        } else {
            QVERIFY(controller->accountTokens()->needsSignIn(account.id));
        }
    }
}

void tst_SandboxDemo::tokensReadWellAndOneIsExpired()
{
    AccountController *controller = m_demo->controller();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    int expired = 0;
    QSet<qint64> hoursLeft;
    for (const Account &account : m_demo->accounts()) {
        const std::optional<Result<QList<Token>>> listed = awaitFuture(controller->session(account.id)->refresh());
        QVERIFY(listed && listed->ok());
        for (const Token &token : listed->value()) {
            QVERIFY2(!token.label.startsWith(QLatin1String("Seed token")), qPrintable(token.label));
            if (token.expires && *token.expires <= now)
                ++expired;
            else if (token.expires)
                hoursLeft.insert(now.secsTo(*token.expires) / 3600);
        }
    }
    QVERIFY(expired >= 1);
    QVERIFY2(hoursLeft.size() >= 4, "the demo tokens should have different remaining lives");
}

void tst_SandboxDemo::demoUserWithoutMfaIsSignedIn()
{
    for (const Account &account : m_demo->accounts()) {
        TokenProvider *provider = m_demo->controller()->provider(account.id);
        QVERIFY(provider);
        if (!provider->can(TokenProvider::Capability::SignIn))
            continue;
        QCOMPARE(provider->isSignedIn(), account.id != mfaAccount());
    }
}

void tst_SandboxDemo::demoCredentialsOnlyForDemoAccounts()
{
    AccountController *controller = m_demo->controller();
    for (const Account &account : m_demo->accounts())
        QVERIFY2(!controller->demoSecrets(account.id).isEmpty(), qPrintable(account.name));
    const QHash<QString, QString> mfa = controller->demoSecrets(mfaAccount());
    QCOMPARE(mfa.value(QStringLiteral("password")), QStringLiteral("netsapiens-mfa-sandbox"));

    // An account added by hand, even on the sandbox's server, is not a demo account.
    Account own;
    own.id = QUuid::createUuid();
    own.providerId = QStringLiteral("netsapiens");
    own.name = QStringLiteral("Mine");
    own.baseUrl = m_demo->accounts().first().baseUrl;
    own.options.insert(QStringLiteral("username"), QStringLiteral("1002@sandbox"));
    const auto added =
        awaitFuture(controller->addAccount(own, {{QStringLiteral("password"), QStringLiteral("typed")}}));
    QVERIFY(added && added->ok());
    QVERIFY(controller->demoSecrets(own.id).isEmpty());
    QVERIFY(controller->demoTotpSecret(own.id).isEmpty());
    const auto removed = awaitFuture(controller->removeAccount(own.id));
    QVERIFY(removed && removed->ok());
}

void tst_SandboxDemo::signInDialogIsPrefilled()
{
    const QUuid id = mfaAccount();
    const std::optional<Account> account = m_demo->controller()->account(id);
    QVERIFY(account);
    QList<FieldSpec> secretFields;
    for (const FieldSpec &field : ProviderRegistry::instance().find(account->providerId)->accountFields) {
        if (field.type == FieldSpec::Type::Secret)
            secretFields.append(field);
    }
    SignInDialog dialog(*account, secretFields, QString(), nullptr);
    QVERIFY(!dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->isEnabled());
    dialog.setDemoValues(m_demo->controller()->demoSecrets(id));
    QVERIFY(dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->isEnabled());
    QVERIFY(dialog.values().value(QStringLiteral("password")) == QLatin1String("netsapiens-mfa-sandbox"));
}

void tst_SandboxDemo::mfaDialogShowsTheCodeTheEmulatorAccepts()
{
    const QUuid id = mfaAccount();
    AccountSession *session = m_demo->controller()->session(id);
    QVERIFY(session);
    // Not at the very end of a 30 s step: the code shown must still be the current one when it arrives.
    while (QDateTime::currentSecsSinceEpoch() % 30 >= 28)
        QTest::qWait(200);
    const std::optional<Result<SignInResult>> first = awaitFuture(session->signIn());
    QVERIFY(first && first->ok());
    QVERIFY(first->value().mfaRequired);

    MfaDialog dialog(first->value().challenge, nullptr);
    dialog.setSandboxSeed(m_demo->controller()->demoTotpSecret(id));
    const QString code = dialog.sandboxCode();
    QCOMPARE(code.size(), 6);
    auto *label = dialog.findChild<QLabel *>(QStringLiteral("sandboxCodeLabel"));
    QVERIFY(!label->isHidden());
    QVERIFY(label->text().contains(code));

    const std::optional<Result<SignInResult>> verified =
        awaitFuture(session->submitMfa(first->value().challenge, code));
    QVERIFY(verified.has_value());
    QVERIFY2(verified->ok(), qPrintable(verified->error().fullMessage()));
    QVERIFY(!verified->value().mfaRequired);
    QVERIFY(session->provider()->isSignedIn());
}

QTEST_MAIN(tst_SandboxDemo)
#include "tst_sandboxdemo.moc"
