#include "LoginCommand.h"

#include "CliApplication.h"

#include "core/Async.h"
#include "core/ProcessHardening.h"
#include "net/ApiClient.h"
#include "providers/AccountSession.h"
#include "store/SecretStore.h"

#include <cstdio>

using Arity = CliArguments::Arity;

LoginCommand::LoginCommand(CliApplication *app)
    : CliSessionCommand(spec(), app)
{ }

CliCommandSpec LoginCommand::spec()
{
    return {.name = QStringLiteral("login"),
        .arguments = QStringLiteral("ACCOUNT"),
        .summary = tr("sign in (NetSapiens) or check the credentials"),
        .options = {{QStringLiteral("passcode-stdin"), Arity::Flag, {},
                        tr("read the MFA passcode from the first line of stdin")},
            {QStringLiteral("passcode"), Arity::Value, QStringLiteral("CODE"),
                tr("the MFA passcode (without either, a terminal is asked)")}},
        .minPositionals = 1,
        .maxPositionals = 1};
}

QFuture<int> LoginCommand::run(const QStringList &words)
{
    CliArguments args;
    if (!parse(words, &args))
        return CliFuture::ready(2);
    m_passcode = args.value(QStringLiteral("passcode"));
    if (args.has(QStringLiteral("passcode-stdin"))) {
        // The passcode is a secret: read it from the first line of stdin rather than argv.
        if (args.has(QStringLiteral("passcode")))
            return CliFuture::ready(fail(2, tr("--passcode and --passcode-stdin cannot both be given")));
        if (m_app->hasStdinSecrets())
            return CliFuture::ready(
                fail(2, tr("--passcode-stdin cannot be combined with --secrets-stdin or --password-stdin")));
        QByteArray data;
        if (!CliApplication::readStdin(&data, 4096))
            return CliFuture::ready(fail(2, tr("--passcode-stdin: stdin could not be read or is too large")));
        m_passcode = QString::fromUtf8(data.split('\n').value(0)).trimmed();
        ProcessHardening::wipe(data);
        if (m_passcode.isEmpty())
            return CliFuture::ready(fail(2, tr("--passcode-stdin: no passcode on stdin")));
    }
    return runInSession(args.positionals.first());
}

void LoginCommand::inSession(AccountSession *session, const CliFuture::Completion &done)
{
    clearSignInHint(); // a refused login is not answered with "sign in"
    TokenProvider *provider = session->provider();
    const QString name = session->account().name;
    if (!provider->can(TokenProvider::Capability::SignIn)) {
        // Providers without sign-in authenticate every call: check the credentials with a list.
        Async::then(session->refresh(), this, [this, done, name](Result<QList<Token>> result) {
            if (!result.ok()) {
                done.finish(fail(result.error()));
                return;
            }
            if (!jsonOutput())
                out().line(tr("The credentials of \"%1\" work.").arg(name));
            done.finish(0);
        });
        return;
    }
    Async::then(session->signIn(), this, [this, session, done](Result<SignInResult> result) {
        if (!result.ok())
            done.finish(fail(result.error()));
        else if (result->mfaRequired)
            answerMfa(session, result.value(), done);
        else
            signedIn(session, result.value(), done);
    });
}

void LoginCommand::answerMfa(AccountSession *session, const SignInResult &result, const CliFuture::Completion &done)
{
    QString code = m_passcode;
    if (code.isEmpty()) {
        if (!CliApplication::stdinIsTerminal() || m_app->hasStdinSecrets()) {
            done.finish(fail(3, tr("MFA passcode required (pipe it with --passcode-stdin)")));
            return;
        }
        out().note(tr("MFA passcode: "));
        char buffer[64] = {};
        if (!std::fgets(buffer, sizeof buffer, stdin)) {
            done.finish(fail(3, tr("MFA passcode required")));
            return;
        }
        code = QString::fromUtf8(buffer).trimmed();
        session->provider()->api()->setDeadline(m_app->restartDeadline());
    }
    Async::then(session->submitMfa(result.challenge, code), this, [this, session, done](Result<SignInResult> mfa) {
        if (!mfa.ok()) {
            done.finish(fail(mfa.error()));
            return;
        }
        if (mfa->mfaRequired) {
            const QString message = mfa->challenge.message;
            done.finish(fail(3, message.isEmpty() ? tr("the MFA passcode was refused") : message));
            return;
        }
        signedIn(session, mfa.value(), done);
    });
}

void LoginCommand::signedIn(AccountSession *session, const SignInResult &result, const CliFuture::Completion &done)
{
    // A session this process obtained either outlives it in the keychain (the account keeps sessions and
    // a keychain is there) or is ended before the process exits: never left live and forgotten.
    const QString name = session->account().name;
    const bool kept =
        session->provider()->keepsSession() && m_app->secrets()->state() != SecretStore::State::MemoryOnly;
    const std::optional<QDateTime> expires = result.session ? result.session->expires : std::optional<QDateTime>();
    if (kept) {
        if (!jsonOutput()) {
            QString text = tr("Signed in to \"%1\". The session is kept in the keychain").arg(name);
            text += expires ? tr(" and expires %1.").arg(CliOutput::isoText(expires)) : tr(".");
            out().line(text);
        }
        done.finish(0);
        return;
    }
    Async::then(session->signOut(), this, [this, done, name, expires](Result<Done> ended) {
        if (!ended.ok()) {
            done.finish(fail(ended.error().exitCode() == 0 ? 1 : ended.error().exitCode(),
                tr("signed in to \"%1\", but the session could not be ended before exit (%2); it may stay "
                   "valid until %3")
                    .arg(name, ended.error().fullMessage(), expires ? CliOutput::isoText(expires) : tr("it expires"))));
            return;
        }
        if (!jsonOutput())
            out().line(tr("Signed in to \"%1\": the credentials work. The account does not keep "
                          "sessions, so the session was ended before exit (the server accepted its "
                          "revocation).")
                           .arg(name));
        done.finish(0);
    });
}
