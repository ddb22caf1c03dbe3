#include "TokenRevoker.h"

#include "AccountController.h"
#include "AccountListCollector.h"
#include "Confirmer.h"
#include "RevokePlanDialog.h"
#include "core/Async.h"
#include "core/Clock.h"
#include "providers/AccountSession.h"
#include "tokens/TokenOperations.h"
#include "window/ErrorPresenter.h"

#include <QInputDialog>
#include <QLineEdit>
#include <QSet>

#include <algorithm>
#include <iterator>

namespace {
// The audit action of a revoke of selected tokens, one or many.
const char *const SelectionAction = "bulk-revoke";
} // namespace

TokenRevoker::TokenRevoker(
    AccountController *controller, ErrorPresenter *errors, TokenSelection selection, QWidget *window)
    : QObject(window)
    , m_controller(controller)
    , m_errors(errors)
    , m_selection(std::move(selection))
    , m_window(window)
{ }

RevokeRunner::SessionLookup TokenRevoker::sessions() const
{
    AccountController *controller = m_controller;
    return [controller](const QUuid &id) { return controller->session(id); };
}

QList<RevokePlan::AccountTokens> TokenRevoker::selectionByAccount(const QList<Token> &tokens) const
{
    QList<RevokePlan::AccountTokens> selection;
    for (const Token &token : tokens) {
        const QUuid accountId = m_selection.accountOf(token);
        auto it = std::find_if(selection.begin(), selection.end(),
            [&accountId](const RevokePlan::AccountTokens &entry) { return entry.account.id == accountId; });
        if (it == selection.end()) {
            const std::optional<Account> account = m_controller->account(accountId);
            if (!account)
                continue;
            selection.append({*account, m_controller->provider(accountId), {}});
            it = std::prev(selection.end());
        }
        it->tokens.append(token);
    }
    return selection;
}

void TokenRevoker::revokeSelected()
{
    const QList<Token> tokens = m_selection.tokens();
    const QList<RevokePlan::AccountTokens> selection = selectionByAccount(tokens);
    if (selection.isEmpty())
        return;
    const RevokePlan plan = RevokePlan::forSelection(selection);
    if (tokens.size() > 1) {
        // Several tokens (possibly of several accounts): the plan dialog with its dry run, progress and results.
        openRevokePlan(plan, QLatin1String(SelectionAction));
        return;
    }
    const TokenProvider *provider = selection.constFirst().provider;
    if (!provider || !provider->can(TokenProvider::Capability::Revoke))
        return;
    const QString line = TokenOperations::tokenLine(tokens.constFirst());
    if (!Confirmer::confirm(
            m_window, tr("Revoke"), tr("Revoke the token “%1”? Anything using it stops working.").arg(line), line))
        return;
    revokeOne(plan);
}

void TokenRevoker::revokeOne(const RevokePlan &plan)
{
    const RevokeStep step = plan.steps().constFirst();
    if (!step.willRun()) {
        m_errors->showMessage(
            tr("Revoke"), tr("%1: %2").arg(TokenOperations::tokenLine(step.token), step.skipReason), false);
        return;
    }
    const TokenProvider *provider = m_controller->provider(step.accountId);
    const bool canVerify = provider && provider->can(TokenProvider::Capability::VerifyValue);
    // The quick path shows one result, no dialog; the server is asked again only through Verify (it offers it).
    auto *runner = new RevokeRunner(sessions(), m_controller->auditLog(), this);
    runner->setVerify(false);
    Async::then(runner->run(plan, QLatin1String(SelectionAction)), this,
        [this, runner, canVerify](const QList<RevokeOutcome> &outcomes) {
            runner->deleteLater();
            runFinished(outcomes);
            if (!outcomes.isEmpty())
                showOneResult(outcomes.constFirst(), canVerify);
        });
}

void TokenRevoker::showOneResult(const RevokeOutcome &outcome, bool canVerify)
{
    if (outcome.state == RevokeOutcome::State::Succeeded) {
        // A success needs no answer: the status bar says it, no box to close.
        const QString summary = tr("%n token(s) revoked.", nullptr, 1);
        m_errors->notify(canVerify ? summary + QLatin1Char(' ')
                    + tr("To check that the server rejects it: Tokens → Verify a Revoked Token…")
                                   : summary);
        return;
    }
    if (outcome.error) {
        // The same handling as every other operation: a 401 asks to sign in again, "not offered by this server"
        // is said quietly, anything else shows the server's full message.
        m_errors->handleError(outcome.step.accountId, *outcome.error,
            tr("Revoking %1").arg(TokenOperations::tokenLine(outcome.step.token)));
        emit accountsChanged({outcome.step.accountId});
        return;
    }
    const QString line = TokenOperations::tokenLine(outcome.step.token);
    const QString summary = tr("%1 revoked, %2 failed:\n%3").arg(0).arg(1).arg(tr("%1: %2").arg(line, outcome.message));
    const QString first = summary.section(QLatin1Char('\n'), 0, 0);
    m_errors->status(first, 10000);
    m_errors->setLastError(first);
    m_errors->showMessage(tr("Revoke"), summary, true);
    emit accountsChanged({outcome.step.accountId}); // what the service holds now, whatever the answer said
}

void TokenRevoker::breakGlass()
{
    bool ok = false;
    const QString subject = QInputDialog::getText(m_window, tr("Revoke All for a Subject"),
        tr("Subject in every account (user id, email, uid user@domain, Svix application or session id):"),
        QLineEdit::Normal, QString(), &ok)
                                .trimmed();
    if (!ok || subject.isEmpty())
        return;
    openBreakGlass(subject);
}

void TokenRevoker::openBreakGlass(const QString &subject)
{
    auto *collector = new AccountListCollector(m_controller, this);
    m_errors->status(tr("Checking every account for “%1”…").arg(subject));
    connect(collector, &AccountListCollector::finished, this, [this, collector, subject] {
        collector->deleteLater();
        m_errors->clearStatus();
        openRevokePlan(RevokePlan::forSubject(subject, collector->listed()), QStringLiteral("break-glass"),
            collector->notChecked());
    });
    collector->start();
}

RevokePlanDialog *TokenRevoker::openRevokePlan(
    const RevokePlan &plan, const QString &action, const QList<QPair<QString, QString>> &notChecked)
{
    auto *dialog = new RevokePlanDialog(plan, sessions(), m_controller->auditLog(), action, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setNotChecked(notChecked);
    connect(dialog, &RevokePlanDialog::runFinished, this, &TokenRevoker::runFinished);
    dialog->open();
    return dialog;
}

void TokenRevoker::runFinished(const QList<RevokeOutcome> &outcomes)
{
    QList<QUuid> touched;
    for (const RevokeOutcome &outcome : outcomes) {
        if (outcome.state != RevokeOutcome::State::Succeeded)
            continue;
        if (!touched.contains(outcome.step.accountId))
            touched.append(outcome.step.accountId);
        if (outcome.step.kind == RevokeStep::Kind::Token)
            emit tokenRevoked(outcome.step.accountId, outcome.step.token.id, m_controller->clock()->now());
    }
    // One refresh per account for the whole run (the sessions do not signal grouped revokes one by one).
    if (!touched.isEmpty())
        emit accountsChanged(touched);
}
