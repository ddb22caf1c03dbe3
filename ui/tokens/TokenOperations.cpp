#include "TokenOperations.h"

#include "AccountController.h"
#include "AuditLogDialog.h"
#include "CreateTokenDialog.h"
#include "ExpireAllDialog.h"
#include "ExpiryCalendarDialog.h"
#include "IdentifyTokenDialog.h"
#include "JwtInspectorDialog.h"
#include "LeakScanDialog.h"
#include "RevealDialog.h"
#include "RotateTokenDialog.h"
#include "TokenNotesDialog.h"
#include "VerifyTokenDialog.h"
#include "core/Async.h"
#include "core/Clock.h"
#include "core/Duration.h"
#include "core/TimeText.h"
#include "core/TokenExtra.h"
#include "core/UntrustedText.h"
#include "providers/AccountSession.h"
#include "providers/svix/SvixProvider.h"
#include "store/Preferences.h"
#include "store/TokenNotes.h"
#include "window/ErrorPresenter.h"
#include "window/WindowActions.h"
#include "workflows/AccountTokens.h"
#include "workflows/RotationFinisher.h"

#include <QAction>
#include <QClipboard>
#include <QGuiApplication>
#include <QInputDialog>
#include <QLineEdit>
#include <QLocale>
#include <QPointer>

namespace {
// The window's dialogs delete themselves on close; modeless ones (inspectors, verify) stay beside the window.
template<typename Dialog> Dialog *opened(Dialog *dialog, bool modeless = false)
{
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (modeless)
        dialog->show();
    else
        dialog->open();
    return dialog;
}
} // namespace

TokenOperations::TokenOperations(AccountController *controller, ErrorPresenter *errors, ClipboardGuard *clipboard,
    TokenSelection selection, QWidget *window)
    : QObject(window)
    , m_controller(controller)
    , m_errors(errors)
    , m_clipboard(clipboard)
    , m_selection(std::move(selection))
    , m_window(window)
{ }

QString TokenOperations::tokenLine(const Token &token)
{
    if (token.label.isEmpty() || token.label == token.id)
        return token.id;
    return QStringLiteral("%1 (%2)").arg(token.label, token.id);
}

AccountSession *TokenOperations::currentSession(TokenProvider::Capability needed) const
{
    const QUuid id = m_selection.account();
    AccountSession *session = id.isNull() ? nullptr : m_controller->session(id);
    return session && session->provider()->can(needed) ? session : nullptr;
}

void TokenOperations::reveal(const CreatedToken &created)
{
    opened(new RevealDialog(created, m_clipboard, m_window));
}

void TokenOperations::newToken()
{
    AccountSession *session = currentSession(TokenProvider::Capability::Create);
    if (!session)
        return;
    const QUuid id = session->account().id;
    TokenProvider *provider = session->provider();
    auto *dialog = new CreateTokenDialog(provider->createKinds(), m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    QPointer<TokenProvider> guard(provider);
    dialog->setValidator(
        [guard](const CreateRequest &request) { return guard ? guard->validateCreate(request) : QList<FieldError>(); });
    connect(dialog, &CreateTokenDialog::submitted, this, [this, id, dialog](const CreateRequest &request) {
        if (!m_controller->session(id))
            return;
        dialog->setBusy(true);
        Async::then(m_controller->prepare(id), dialog, [this, id, dialog, request](Result<Done> prepared) {
            AccountSession *s = m_controller->session(id);
            if (!prepared.ok() || !s) {
                dialog->setBusy(false);
                dialog->showError(prepared.error().fullMessage());
                return;
            }
            Async::then(s->create(request), dialog, [this, id, dialog](Result<CreatedToken> result) {
                dialog->setBusy(false);
                if (!result.ok()) {
                    const ApiError &error = result.error();
                    if (error.kind() == ApiError::Kind::Unauthorized || error.kind() == ApiError::Kind::NotAvailable) {
                        dialog->reject();
                        m_errors->handleError(id, error, tr("Creating a token"));
                        return;
                    }
                    if (error.fieldErrors().isEmpty())
                        dialog->showError(error.fullMessage());
                    else
                        dialog->showFieldErrors(error.fieldErrors());
                    m_errors->setLastError(tr("Creating a token failed: %1").arg(error.fullMessage()));
                    return;
                }
                dialog->accept();
                reveal(result.value());
                emit refreshWanted(id);
            });
        });
    });
    dialog->open();
}

void TokenOperations::connectActions(WindowActions *actions)
{
    using Id = WindowActions::Id;
    const QList<std::pair<Id, void (TokenOperations::*)()>> operations {{Id::NewToken, &TokenOperations::newToken},
        {Id::Details, &TokenOperations::showDetails}, {Id::CopyId, &TokenOperations::copyId},
        {Id::InspectJwt, &TokenOperations::inspectJwt}, {Id::InspectCurrent, &TokenOperations::inspectCurrent},
        {Id::VerifyToken, &TokenOperations::verifyToken}, {Id::Identify, &TokenOperations::identifyToken},
        {Id::ListBySubject, &TokenOperations::listBySubject}, {Id::ExpireAll, &TokenOperations::expireAll},
        {Id::LogoutToken, &TokenOperations::logoutToken},
        {Id::SvixDashboardAccess, &TokenOperations::svixDashboardAccess},
        {Id::SvixExchangeOneTimeToken, &TokenOperations::svixExchangeOneTimeToken},
        {Id::EditNotes, &TokenOperations::editNotes}, {Id::RotateToken, &TokenOperations::rotate},
        {Id::AuditLog, &TokenOperations::showAuditLog}, {Id::LeakScan, &TokenOperations::scanForLeaks},
        {Id::ExpiryCalendar, &TokenOperations::exportExpiryCalendar}};
    for (const auto &[id, slot] : operations)
        connect(actions->action(id), &QAction::triggered, this, slot);
}

void TokenOperations::showDetails()
{
    const QList<Token> tokens = m_selection.tokens();
    if (tokens.size() != 1)
        return;
    const QUuid id = m_selection.accountOf(tokens.first());
    AccountSession *session = m_controller->session(id);
    if (!session)
        return;
    Async::then(session->details(tokens.first()), this, [this, id](Result<Token> result) {
        if (!result.ok()) {
            m_errors->handleError(id, result.error(), tr("Reading token details"));
            return;
        }
        const Token &t = result.value();
        const Clock &clock = *m_controller->clock();
        auto date = [](const std::optional<QDateTime> &d) {
            return d ? QLocale().toString(d->toLocalTime(), QLocale::LongFormat) : tr("—");
        };
        QStringList lines;
        // One line per field whatever the service wrote into it.
        const auto shown = [](const QString &text) {
            return UntrustedText::forDisplay(text, UntrustedText::MessageCap);
        };
        lines << tr("Id: %1").arg(shown(t.id)) << tr("Name: %1").arg(shown(t.label))
              << tr("Kind: %1").arg(shown(t.kind));
        if (!t.subject.isEmpty())
            lines << tr("Subject: %1").arg(shown(t.subject));
        lines << tr("Created: %1").arg(date(t.created))
              << tr("Expires: %1")
                     .arg(t.expiryUnreported ? TimeText::unreportedExpiry() : date(t.effectiveExpiry(clock)));
        if (t.lastUsed)
            lines << tr("Last used: %1").arg(date(t.lastUsed));
        if (t.revoked)
            lines << tr("Revoked: %1").arg(date(t.revoked));
        lines << tr("Status: %1").arg(Token::statusName(t.status(clock)));
        if (!t.scopes.isEmpty())
            lines << tr("Scopes: %1").arg(shown(t.scopes.join(QStringLiteral(", "))));
        for (auto it = t.extra.cbegin(); it != t.extra.cend(); ++it)
            lines << QStringLiteral("%1: %2").arg(shown(it.key()), shown(it.value().toString()));
        m_errors->showMessage(tr("Token Details"), lines.join(QLatin1Char('\n')), false);
    });
}

void TokenOperations::copyId()
{
    const QList<Token> tokens = m_selection.tokens();
    if (tokens.size() != 1)
        return;
    QGuiApplication::clipboard()->setText(tokens.first().id); // an id, not a secret
    m_errors->status(tr("Token id copied."), 3000);
}

void TokenOperations::inspectJwt()
{
    opened(new JwtInspectorDialog(m_window), true);
}

void TokenOperations::verifyToken()
{
    AccountSession *session = currentSession(TokenProvider::Capability::VerifyValue);
    if (!session)
        return;
    opened(new VerifyTokenDialog(session->provider(), m_window), true);
}

void TokenOperations::inspectCurrent()
{
    AccountSession *session = currentSession(TokenProvider::Capability::InspectCurrent);
    if (!session)
        return;
    const QUuid id = session->account().id;
    Async::then(session->provider()->inspectCurrent(), this, [this, id](Result<TokenInspection> result) {
        if (!result.ok()) {
            m_errors->handleError(id, result.error(), tr("Reading the current session"));
            return;
        }
        auto *dialog = new JwtInspectorDialog(m_window);
        dialog->setServerView(result.value());
        opened(dialog, true);
    });
}

void TokenOperations::listBySubject()
{
    AccountSession *session = currentSession(TokenProvider::Capability::ListBySubject);
    if (!session)
        return;
    bool ok = false;
    // The provider names the identifier it sends (MagicBell: its own user id, not the email).
    const QString subject = QInputDialog::getText(m_window, tr("Tokens of a User"),
        tr("%1:").arg(session->provider()->subjectLabel()), QLineEdit::Normal, QString(), &ok)
                                .trimmed();
    if (!ok || subject.isEmpty())
        return;
    ListRequest request;
    request.subject = subject;
    emit listWanted(session->account().id, request);
}

QStringList TokenOperations::expireAllApps(AccountSession *session) const
{
    QStringList appIds;
    const auto add = [&appIds](const QString &app) {
        if (!app.isEmpty() && !appIds.contains(app))
            appIds.append(app);
    };
    for (const Token &token : m_controller->accountTokens()->tokens(session->account().id)) {
        add(token.extra.value(TokenExtra::AppId).toString());
    }
    for (auto it = session->account().options.cbegin(); it != session->account().options.cend(); ++it) {
        if (it.key().contains(QLatin1String("app"), Qt::CaseInsensitive)) {
            const QStringList values = it.value().toStringList();
            for (const QString &app : values)
                add(app);
        }
    }
    return appIds;
}

void TokenOperations::expireAll()
{
    AccountSession *session = currentSession(TokenProvider::Capability::ExpireAll);
    if (!session)
        return;
    const QUuid id = session->account().id;
    ExpireAllDialog dialog(expireAllApps(session), m_window);
    if (dialog.exec() != QDialog::Accepted)
        return;
    // The dialog is the confirmation: its summary names the application, the grace period and the sessions,
    // and its button works only once the application id is typed.
    const ExpireAllRequest request = dialog.request();
    // The account may have been removed or reset while the dialog was open: ask for its session again.
    session = m_controller->session(id);
    if (!session)
        return;
    Async::then(session->expireAll(request), this, [this, id, request](Result<Done> result) {
        if (!result.ok()) {
            m_errors->handleError(id, result.error(), tr("Expiring all tokens"));
            return;
        }
        m_errors->status(request.graceSeconds == 0
                ? tr("The tokens of %1 expired.").arg(request.appId)
                : tr("The tokens of %1 expire in %2.").arg(request.appId, Duration::format(request.graceSeconds)),
            10000);
        emit refreshWanted(id);
    });
}

void TokenOperations::logoutToken()
{
    AccountSession *session = currentSession(TokenProvider::Capability::Logout);
    if (!session)
        return;
    const QUuid id = session->account().id;
    bool ok = false;
    QString value = QInputDialog::getText(
        m_window, tr("Log Out a Token"), tr("Paste the token to log out:"), QLineEdit::Password, QString(), &ok)
                        .trimmed();
    if (!ok || value.isEmpty())
        return;
    Async::then(session->logoutToken(value), this, [this, id](Result<Done> result) {
        if (!result.ok()) {
            m_errors->handleError(id, result.error(), tr("Logging out the token"));
            return;
        }
        m_errors->status(tr("The token was logged out."), 10000);
        emit refreshWanted(id);
    });
    value.fill(QLatin1Char(' '));
}

SvixProvider *TokenOperations::currentSvix(AccountSession **session) const
{
    const QUuid id = m_selection.account();
    *session = id.isNull() ? nullptr : m_controller->session(id);
    return *session ? qobject_cast<SvixProvider *>((*session)->provider()) : nullptr;
}

void TokenOperations::svixDashboardAccess()
{
    AccountSession *session = nullptr;
    SvixProvider *svix = currentSvix(&session);
    if (!svix)
        return;
    const QUuid id = session->account().id;
    bool ok = false;
    const QString app = QInputDialog::getItem(m_window, tr("Svix Dashboard Access"),
        tr("Application id or uid (the server may no longer offer this older route):"), svix->appIds(), 0, true, &ok)
                            .trimmed();
    if (!ok || app.isEmpty())
        return;
    QPointer<AccountSession> guard(session);
    Async::then(svix->dashboardAccess(app), this, [this, id, guard, app](Result<CreatedToken> result) {
        if (guard)
            guard->audit(QStringLiteral("dashboard-access"), app, result.ok() ? ApiError() : result.error());
        if (!result.ok()) {
            m_errors->handleError(id, result.error(), tr("Dashboard access"));
            return;
        }
        reveal(result.value());
    });
}

void TokenOperations::svixExchangeOneTimeToken()
{
    AccountSession *session = nullptr;
    SvixProvider *svix = currentSvix(&session);
    if (!svix)
        return;
    const QUuid id = session->account().id;
    bool ok = false;
    QString value = QInputDialog::getText(m_window, tr("Exchange a One-Time Token"),
        tr("Paste the one-time token (the key=… part of a magic link):"), QLineEdit::Password, QString(), &ok)
                        .trimmed();
    if (!ok || value.isEmpty())
        return;
    QPointer<AccountSession> guard(session);
    Async::then(svix->exchangeOneTimeToken(value), this, [this, id, guard](Result<QString> result) {
        if (guard)
            guard->audit(
                QStringLiteral("exchange-one-time-token"), QString(), result.ok() ? ApiError() : result.error());
        if (!result.ok()) {
            m_errors->handleError(id, result.error(), tr("Exchanging the one-time token"));
            return;
        }
        CreatedToken created;
        created.token.kind = QStringLiteral("portal");
        created.token.label = tr("Portal token from a one-time token");
        created.token.accountId = id;
        created.value = result.value();
        reveal(created);
    });
    value.fill(QLatin1Char(' '));
}

void TokenOperations::editNotes()
{
    const QList<Token> tokens = m_selection.tokens();
    if (tokens.size() != 1 || !m_controller->tokenNotes())
        return;
    const Token token = tokens.constFirst();
    auto *dialog = new TokenNotesDialog(tokenLine(token), m_window);
    dialog->setNote(m_controller->tokenNotes()->note(token.accountId, token.id).value_or(TokenNote {}));
    connect(dialog, &QDialog::accepted, this, [this, dialog, accountId = token.accountId, tokenId = token.id] {
        TokenNotes *notes = m_controller->tokenNotes();
        const TokenNote note = dialog->note();
        if (!notes->setNote(accountId, tokenId, note)) {
            m_errors->showMessage(tr("Edit Notes"), notes->lastError(), true);
            return;
        }
        emit noteChanged(accountId, tokenId, note.displayText());
    });
    opened(dialog);
}

void TokenOperations::rotate()
{
    // The wizard holds the whole rotation (TokenRotation); this only opens it and lets the finisher watch the
    // grace period it schedules.
    const QList<Token> tokens = m_selection.tokens();
    if (tokens.size() != 1)
        return;
    AccountSession *session = m_controller->session(m_selection.accountOf(tokens.first()));
    if (!session)
        return;
    auto *dialog = new RotateTokenDialog(session, m_controller->rotations(), m_controller->auditLog(),
        m_controller->clock(), m_clipboard, tokens.first(), m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &RotateTokenDialog::rotationScheduled, this, [this] { m_controller->rotationFinisher()->watch(); });
    dialog->open();
}

void TokenOperations::showAuditLog()
{
    auto *dialog = new AuditLogDialog(m_controller->auditLog(), m_controller->accounts(), m_window);
    const Preferences::Values &values = m_controller->preferences()->values();
    dialog->setTimeDisplay(values.timeDisplay == Preferences::TimeDisplay::Relative ? TimeText::Display::Relative
                                                                                    : TimeText::Display::Absolute,
        values.timeZone == Preferences::TimeZone::Utc ? Qt::UTC : Qt::LocalTime, m_controller->clock());
    opened(dialog);
}

void TokenOperations::identifyToken()
{
    opened(new IdentifyTokenDialog(m_controller, m_window));
}

void TokenOperations::scanForLeaks()
{
    opened(new LeakScanDialog(m_controller, m_window));
}

void TokenOperations::exportExpiryCalendar()
{
    opened(new ExpiryCalendarDialog(m_controller, m_window));
}
