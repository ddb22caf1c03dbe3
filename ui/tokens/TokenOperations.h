#pragma once

#include "core/Token.h"
#include "providers/TokenProvider.h"
#include "tokens/TokenSelection.h"

#include <QList>
#include <QObject>
#include <QUuid>

class AccountController;
class AccountSession;
class ClipboardGuard;
class ErrorPresenter;
class SvixProvider;
class WindowActions;
class QWidget;

// What the window does to tokens, other than revoking them (TokenRevoker): create and reveal, details, copy the
// id, inspect, verify a revoked value, notes, the subject's list, expire-all, log out a token, the Svix-only
// seed operations, and the Tools dialogs (audit log, identify, leak scan, expiry calendar). It works on the
// account and tokens the window has selected, asks the window to list an account again when one changed, and
// reports failures through the ErrorPresenter.
class TokenOperations : public QObject
{
    Q_OBJECT
public:
    TokenOperations(AccountController *controller, ErrorPresenter *errors, ClipboardGuard *clipboard,
        TokenSelection selection, QWidget *window);

    // Each of the window's token actions (New Token…, Details…, Rotate…, the Tools dialogs, …) runs its operation.
    void connectActions(WindowActions *actions);

    void newToken();
    void showDetails();
    void copyId();
    void inspectJwt();
    void verifyToken(); // Tokens → Verify a Revoked Token…
    void inspectCurrent();
    void listBySubject();
    void expireAll();
    void logoutToken();
    // Svix seed operations outside the common interface: a dashboard-access token for an application, and
    // trading a magic link's one-time token for the portal token; both shown once in the reveal dialog.
    void svixDashboardAccess();
    void svixExchangeOneTimeToken();
    void editNotes(); // owner / where used of the selected token
    void rotate(); // Tokens → Rotate…: the wizard for the one selected token
    void showAuditLog();
    void identifyToken();
    void scanForLeaks();
    void exportExpiryCalendar();

    // "label (id)", or the id alone: how a token is named in questions and results.
    static QString tokenLine(const Token &token);

signals:
    // The account's tokens changed on the service: list it again (coalesced by the window).
    void refreshWanted(const QUuid &accountId);
    // Show this narrowed list of the account (one user's tokens).
    void listWanted(const QUuid &accountId, const ListRequest &request);
    void noteChanged(const QUuid &accountId, const QString &tokenId, const QString &text);

private:
    AccountSession *currentSession(TokenProvider::Capability needed) const;
    SvixProvider *currentSvix(AccountSession **session) const;
    void reveal(const CreatedToken &created);
    QStringList expireAllApps(AccountSession *session) const;

    AccountController *m_controller;
    ErrorPresenter *m_errors;
    ClipboardGuard *m_clipboard;
    TokenSelection m_selection;
    QWidget *m_window;
};
