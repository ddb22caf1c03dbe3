#pragma once

#include "core/Token.h"
#include "tokens/TokenSelection.h"
#include "workflows/RevokeRunner.h"

#include <QList>
#include <QObject>
#include <QPair>
#include <QUuid>

class AccountController;
class ErrorPresenter;
class RevokePlanDialog;
class QWidget;

// Every revoke the window starts goes through one RevokePlan run by a RevokeRunner, with the same audit
// entries (one per call with the group id, one summary): the selected tokens (one token after a quick
// confirmation, several in the plan dialog with its dry run), and "Revoke All for a Subject" (break-glass:
// everything of a subject in every account, by the service's own revoke-all call where it has one).
class TokenRevoker : public QObject
{
    Q_OBJECT
public:
    TokenRevoker(AccountController *controller, ErrorPresenter *errors, TokenSelection selection, QWidget *window);

    void revokeSelected();
    void breakGlass(); // asks for the subject, then openBreakGlass()
    // Lists every account at once, plans RevokePlan::forSubject and opens the RevokePlanDialog (accounts that
    // fail are shown there as not checked).
    void openBreakGlass(const QString &subject);

signals:
    void tokenRevoked(const QUuid &accountId, const QString &tokenId, const QDateTime &when);
    // A run changed these accounts on their services: list them again (once per run, not per call).
    void accountsChanged(const QList<QUuid> &accountIds);

private:
    QList<RevokePlan::AccountTokens> selectionByAccount(const QList<Token> &tokens) const;
    void revokeOne(const RevokePlan &plan);
    void showOneResult(const RevokeOutcome &outcome, bool canVerify);
    RevokePlanDialog *openRevokePlan(
        const RevokePlan &plan, const QString &action, const QList<QPair<QString, QString>> &notChecked = {});
    void runFinished(const QList<RevokeOutcome> &outcomes);
    RevokeRunner::SessionLookup sessions() const;

    AccountController *m_controller;
    ErrorPresenter *m_errors;
    TokenSelection m_selection;
    QWidget *m_window;
};
