#include "SignInFlow.h"

#include "AccountController.h"
#include "MfaDialog.h"
#include "SignInDialog.h"
#include "core/Async.h"
#include "core/Clock.h"
#include "core/UntrustedText.h"
#include "items/AccountListModel.h"
#include "providers/AccountSession.h"
#include "providers/ProviderDescriptor.h"
#include "providers/ProviderRegistry.h"
#include "store/SecretStore.h"
#include "tokens/AccountPage.h"
#include "window/ErrorPresenter.h"
#include "workflows/AccountTokens.h"

#include <QWidget>

#include <algorithm>
#include <iterator>
#include <memory>

SignInFlow::SignInFlow(AccountController *controller, ErrorPresenter *errors, QWidget *window)
    : QObject(window)
    , m_controller(controller)
    , m_errors(errors)
    , m_window(window)
{
    // An operation refused for want of a session asks for the inline panel, not a dialog.
    connect(m_errors, &ErrorPresenter::signInNeeded, this, &SignInFlow::signInWanted);
    connect(m_errors, &ErrorPresenter::accountStateChanged, this, &SignInFlow::setAccountState);
    connect(m_controller->secretStore(), &SecretStore::stateChanged, this, &SignInFlow::updateAllStatuses);
}

bool SignInFlow::keychainAvailable() const
{
    return m_controller->secretStore()->state() != SecretStore::State::MemoryOnly;
}

QList<FieldSpec> SignInFlow::secretFields(const QString &providerId) const
{
    QList<FieldSpec> fields;
    if (const ProviderDescriptor *descriptor = ProviderRegistry::instance().find(providerId)) {
        for (const FieldSpec &field : descriptor->accountFields) {
            if (field.type == FieldSpec::Type::Secret)
                fields.append(field);
        }
    }
    return fields;
}

SignInPanel::Setup SignInFlow::panelSetup(const QUuid &id, const QString &reason) const
{
    SignInPanel::Setup setup;
    const std::optional<Account> account = m_controller->account(id);
    if (!account)
        return setup;
    setup.account = *account;
    setup.reason = reason;
    setup.demoValues = m_controller->demoSecrets(id);
    setup.keychainAvailable = keychainAvailable();
    // The panel asks for the required secrets; one the account already holds (given when it was added) may stay
    // empty, so a new account signs in without typing its password twice.
    const TokenProvider *provider = m_controller->provider(id);
    for (FieldSpec field : secretFields(account->providerId)) {
        if (!field.required)
            continue;
        if (provider && provider->hasSecret(field.key))
            field.required = false;
        setup.secretFields.append(field);
    }
    return setup;
}

QString SignInFlow::remainingText(qint64 ms) const
{
    const qint64 minutes = ms / 60000;
    if (minutes < 1)
        return tr("under a minute");
    if (minutes < 120)
        return tr("%n min", nullptr, int(minutes));
    const qint64 hours = minutes / 60;
    if (hours < 48)
        return tr("%n h", nullptr, int(hours));
    // (a division inside the tr() call makes Qt 6.4's lupdate loop forever)
    const int days = int(hours / 24);
    return tr("%n days", nullptr, days);
}

void SignInFlow::setAccountState(const QUuid &id, const QString &state)
{
    m_accountState.insert(id, state);
    updateAccountStatus(id);
}

void SignInFlow::forget(const QUuid &id)
{
    m_accountState.remove(id);
}

void SignInFlow::updateAllStatuses()
{
    for (const Account &account : m_controller->accounts())
        updateAccountStatus(account.id);
}

void SignInFlow::updateAccountStatus(const QUuid &id)
{
    // The keychain's absence is the window's one dismissible bar, not a line repeated on every account.
    QStringList parts;
    TokenProvider *provider = m_controller->provider(id);
    if (!provider) {
        parts.append(tr("service not available in this build"));
    } else {
        if (provider->can(TokenProvider::Capability::SignIn))
            parts.append(provider->isSignedIn() ? tr("signed in") : tr("not signed in"));
        if (const std::optional<Token> credential = provider->credentialToken()) {
            if (const std::optional<qint64> left = credential->remainingMs(*m_controller->clock()))
                parts.append(*left > 0 ? tr("session expires in %1").arg(remainingText(*left)) : tr("session expired"));
        }
    }
    const QString state = m_accountState.value(id);
    if (!state.isEmpty() && !parts.contains(state))
        parts.append(state);
    m_controller->accountModel()->setStatusText(id, parts.join(QStringLiteral(" · ")));
}

void SignInFlow::requestSignIn(const QUuid &id, const QString &reason, bool refused)
{
    if (m_signInOpen.contains(id))
        return;
    const std::optional<Account> account = m_controller->account(id);
    TokenProvider *provider = m_controller->provider(id);
    if (!account || !provider)
        return;
    m_signInOpen.insert(id);
    auto *dialog =
        new SignInDialog(*account, secretFields(account->providerId), refused ? QString() : reason, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setDemoValues(m_controller->demoSecrets(id));
    dialog->setKeychainAvailable(keychainAvailable());
    if (refused)
        dialog->showError(reason);
    connect(dialog, &QDialog::finished, this, [this, id] { m_signInOpen.remove(id); });
    connect(dialog, &QDialog::rejected, m_errors, &ErrorPresenter::endBusy);
    connect(dialog, &QDialog::accepted, this,
        [this, id, dialog] { keepSecrets(id, dialog->values(), dialog->keepSignedIn(), Origin::Dialog); });
    dialog->open();
}

void SignInFlow::attachPanel(SignInPanel *panel)
{
    connect(panel, &SignInPanel::submitted, this, [this, panel](const QUuid &id) {
        panel->setBusy(true);
        submitFromPanel(id, panel->values(), panel->remember());
    });
    connect(this, &SignInFlow::panelSignInEnded, panel, [panel](const QUuid &id, const QString &message) {
        if (panel->accountId() == id)
            panel->showError(message);
    });
}

void SignInFlow::attachPage(AccountPage *page)
{
    connect(page, &AccountPage::accountStateChanged, this, &SignInFlow::setAccountState);
    connect(page, &AccountPage::credentialChanged, this, &SignInFlow::updateAccountStatus);
    connect(this, &SignInFlow::listWanted, page, [page](const QUuid &id) { page->refreshAccount(id); });
}

void SignInFlow::submitFromPanel(const QUuid &id, const QHash<QString, QString> &values, bool remember)
{
    keepSecrets(id, values, remember && keychainAvailable(), Origin::Panel);
}

void SignInFlow::keepSecrets(const QUuid &id, const QHash<QString, QString> &entered, bool remember, Origin origin)
{
    // Fields left empty keep what is stored: an empty value would delete the secret (API key, client secret).
    QHash<QString, QString> values = entered;
    for (auto it = values.begin(); it != values.end();)
        it = it.value().isEmpty() ? values.erase(it) : std::next(it);
    AccountSession *session = m_controller->session(id);
    if (!session)
        return;
    QFuture<Result<Done>> stored = readyResult(Result<Done>(Done {}));
    if (remember) {
        stored = session->storeSecrets(values);
    } else {
        for (auto it = values.cbegin(); it != values.cend(); ++it)
            session->provider()->setSecret(it.key(), it.value());
    }
    Async::then(stored, this, [this, id, origin](Result<Done> result) {
        if (!result.ok())
            m_errors->handleError(id, result.error(), tr("Storing credentials"));
        startSignIn(id, origin);
    });
}

void SignInFlow::startSignIn(const QUuid &id, Origin origin)
{
    AccountSession *session = m_controller->session(id);
    if (!session)
        return;
    if (!session->provider()->can(TokenProvider::Capability::SignIn)) {
        emit listWanted(id); // credentials are sent with every request (HTTP Basic, API key)
        return;
    }
    m_errors->status(tr("Signing in…"));
    Async::then(session->signIn(), this, [this, id, origin](Result<SignInResult> result) {
        if (!result.ok()) {
            m_errors->endBusy();
            if (result.error().kind() == ApiError::Kind::Unauthorized) {
                refused(id, origin, result.error().fullMessage());
                return;
            }
            if (origin == Origin::Panel) {
                const QString text =
                    tr("Signing in failed: %1")
                        .arg(UntrustedText::forDisplay(result.error().fullMessage(), UntrustedText::MessageCap));
                m_errors->setLastError(text);
                emit panelSignInEnded(id, text);
                return;
            }
            m_errors->handleError(id, result.error(), tr("Signing in"));
            return;
        }
        if (result->mfaRequired) {
            runMfa(id, result->challenge, origin);
            return;
        }
        m_errors->endBusy();
        signedIn(id);
    });
}

void SignInFlow::refused(const QUuid &id, Origin origin, const QString &message)
{
    const QString shown = UntrustedText::forDisplay(message, UntrustedText::MessageCap);
    setAccountState(id, tr("sign-in needed"));
    // Refused where it was asked: the panel under its button, a dialog (or Sign In… with stored secrets) again.
    if (origin == Origin::Panel)
        emit panelSignInEnded(id, shown);
    else
        requestSignIn(id, shown, true);
}

void SignInFlow::signedIn(const QUuid &id)
{
    setAccountState(id, QString());
    emit actionsChanged();
    emit listWanted(id);
}

void SignInFlow::runMfa(const QUuid &id, const MfaChallenge &challenge, Origin origin)
{
    auto current = std::make_shared<MfaChallenge>(challenge);
    auto *dialog = new MfaDialog(challenge, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setClock(m_controller->clock()); // the countdown uses the app clock (a TestClock in tests)
    dialog->setSandboxSeed(m_controller->demoTotpSecret(id));
    connect(dialog, &QDialog::rejected, this, [this, id, origin] {
        m_errors->endBusy();
        if (origin == Origin::Panel)
            emit panelSignInEnded(id, QString());
    });
    connect(dialog, &MfaDialog::passcodeSubmitted, this, [this, id, dialog, current](const QString &passcode) {
        AccountSession *session = m_controller->session(id);
        if (!session) {
            dialog->reject();
            return;
        }
        dialog->setBusy(true);
        Async::then(
            session->submitMfa(*current, passcode), dialog, [this, id, dialog, current](Result<SignInResult> r) {
                dialog->setBusy(false);
                if (!r.ok()) {
                    // Wrong code or expired challenge: say so and keep the dialog open for another try.
                    dialog->showError(r.error().fullMessage());
                    return;
                }
                if (r->mfaRequired) {
                    *current = r->challenge;
                    dialog->showError(r->challenge.message.isEmpty() ? tr("The passcode was not accepted. Try again.")
                                                                     : r->challenge.message);
                    return;
                }
                dialog->accept();
                m_errors->endBusy();
                signedIn(id);
            });
    });
    dialog->open();
}

void SignInFlow::signIn(const QUuid &id)
{
    if (id.isNull())
        return;
    Async::then(m_controller->prepare(id), this, [this, id](Result<Done> prepared) {
        if (!prepared.ok()) {
            m_errors->handleError(id, prepared.error(), tr("Reading credentials"));
            return;
        }
        TokenProvider *provider = m_controller->provider(id);
        if (!provider)
            return;
        // Ask for missing secrets first; with everything stored, sign in straight away.
        const ProviderDescriptor *descriptor = ProviderRegistry::instance().find(provider->account().providerId);
        bool missing = false;
        if (descriptor) {
            for (const FieldSpec &field : descriptor->accountFields) {
                if (field.type == FieldSpec::Type::Secret && field.required && !provider->hasSecret(field.key))
                    missing = true;
            }
        }
        if (missing)
            requestSignIn(id, tr("Enter your credentials to sign in."));
        else
            startSignIn(id, Origin::Action);
    });
}

bool SignInFlow::signInWithHeldSecrets(const QUuid &id)
{
    TokenProvider *provider = m_controller->provider(id);
    if (!provider || !provider->can(TokenProvider::Capability::SignIn) || provider->isSignedIn())
        return false;
    const QList<FieldSpec> fields = secretFields(provider->account().providerId);
    const bool held = std::all_of(fields.cbegin(), fields.cend(),
        [provider](const FieldSpec &field) { return !field.required || provider->hasSecret(field.key); });
    if (!held)
        return false;
    startSignIn(id, Origin::Panel); // a refusal shows in the panel, where the account already is
    return true;
}

void SignInFlow::signOut(const QUuid &id)
{
    AccountSession *session = id.isNull() ? nullptr : m_controller->session(id);
    if (!session)
        return;
    Async::then(session->signOut(), this, [this, id](Result<Done> result) {
        if (!result.ok()) {
            m_errors->handleError(id, result.error(), tr("Signing out"));
            return;
        }
        m_controller->accountTokens()->forget(id); // its list was that session's view: the tables follow
        setAccountState(id, tr("signed out"));
        emit actionsChanged();
    });
}
