#include "ShowCommand.h"

#include "CliApplication.h"
#include "CliTokenPrinter.h"

#include "core/Async.h"
#include "core/Clock.h"
#include "providers/AccountSession.h"

#include <QJsonObject>

ShowCommand::ShowCommand(CliApplication *app)
    : CliSessionCommand(spec(), app)
{ }

CliCommandSpec ShowCommand::spec()
{
    return {.name = QStringLiteral("show"),
        .arguments = QStringLiteral("ACCOUNT ID|current"),
        .summary = tr("one token, or the account's current credential"),
        .minPositionals = 2,
        .maxPositionals = 2};
}

QFuture<int> ShowCommand::run(const QStringList &words)
{
    CliArguments args;
    if (!parse(words, &args))
        return CliFuture::ready(2);
    m_id = args.positionals.at(1);
    return runInSession(args.positionals.first());
}

void ShowCommand::inSession(AccountSession *session, const CliFuture::Completion &done)
{
    TokenProvider *provider = session->provider();
    if (m_id == QLatin1String("current")) {
        showCurrent(provider, done);
        return;
    }
    if (!provider->can(TokenProvider::Capability::List)) {
        Token token;
        token.id = m_id;
        token.accountId = session->account().id;
        showDetails(session, token, done);
        return;
    }
    Async::then(session->refresh(), this, [this, session, done](Result<QList<Token>> result) {
        if (!result.ok()) {
            done.finish(fail(result.error()));
            return;
        }
        for (const Token &token : result.value()) {
            if (token.id == m_id) {
                showDetails(session, token, done);
                return;
            }
        }
        done.finish(fail(4, tr("no token with id \"%1\" in this account").arg(m_id)));
    });
}

void ShowCommand::showCurrent(TokenProvider *provider, const CliFuture::Completion &done)
{
    if (provider->can(TokenProvider::Capability::InspectCurrent)) {
        Async::then(provider->inspectCurrent(), this, [this, done](Result<TokenInspection> result) {
            if (!result.ok()) {
                done.finish(fail(result.error()));
                return;
            }
            if (jsonOutput()) {
                QJsonObject object;
                object.insert(QStringLiteral("claims"), QJsonObject::fromVariantMap(result->claims));
                object.insert(QStringLiteral("expires_at"), CliOutput::isoOrNull(result->expires));
                out().json(object);
            } else {
                out().lines(CliOutput::jsonText(QJsonObject::fromVariantMap(result->claims)));
                out().fields({{tr("Expires"), CliOutput::isoText(result->expires)}});
            }
            done.finish(0);
        });
        return;
    }
    const std::optional<Token> current = provider->credentialToken();
    if (!current) {
        done.finish(fail(4, tr("this account has no current credential token to show")));
        return;
    }
    CliTokenPrinter::printOne(out(), jsonOutput(), *current, *Clock::system());
    done.finish(0);
}

void ShowCommand::showDetails(AccountSession *session, const Token &token, const CliFuture::Completion &done)
{
    TokenProvider *provider = session->provider();
    if (!provider->can(TokenProvider::Capability::Details)) {
        CliTokenPrinter::printOne(out(), jsonOutput(), token, *Clock::system());
        done.finish(0);
        return;
    }
    Async::then(session->details(token), this, [this, done](Result<Token> result) {
        if (!result.ok()) {
            done.finish(fail(result.error()));
            return;
        }
        CliTokenPrinter::printOne(out(), jsonOutput(), result.value(), *Clock::system());
        done.finish(0);
    });
}
