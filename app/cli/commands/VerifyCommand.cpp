#include "VerifyCommand.h"

#include "CliApplication.h"

#include "core/Async.h"
#include "providers/AccountSession.h"

#include <QJsonObject>

VerifyCommand::VerifyCommand(CliApplication *app)
    : CliSessionCommand(spec(), app)
{ }

CliCommandSpec VerifyCommand::spec()
{
    return {.name = QStringLiteral("verify"),
        .arguments = QStringLiteral("ACCOUNT"),
        .summary = tr("does the server still accept this token? (0 rejected, 1 accepted)"),
        .options = {{QStringLiteral("token-stdin"), CliArguments::Arity::Flag, {},
            tr("read the token value from stdin (required)"), true}},
        .minPositionals = 1,
        .maxPositionals = 1};
}

QFuture<int> VerifyCommand::run(const QStringList &words)
{
    CliArguments args;
    if (!parse(words, &args))
        return CliFuture::ready(2);
    if (!args.has(QStringLiteral("token-stdin")))
        return CliFuture::ready(fail(2, tr("verify reads the token from stdin: use --token-stdin")));
    int code = 0;
    if (!readTokenFromStdin(&m_tokenValue, &code))
        return CliFuture::ready(code);
    return runInSession(args.positionals.first());
}

void VerifyCommand::inSession(AccountSession *session, const CliFuture::Completion &done)
{
    TokenProvider *provider = session->provider();
    if (!provider->can(TokenProvider::Capability::VerifyValue)) {
        m_tokenValue.fill(QLatin1Char('\0'));
        done.finish(fail(ApiError(
            ApiError::Kind::NotSupported, tr("this account's service cannot check whether it still accepts a token"))));
        return;
    }
    QFuture<Result<TokenValueCheck>> future = provider->checkTokenValue(m_tokenValue);
    m_tokenValue.fill(QLatin1Char('\0'));
    Async::then(future, this, [this, done](Result<TokenValueCheck> result) {
        if (!result.ok()) {
            done.finish(fail(result.error()));
            return;
        }
        const TokenValueCheck &check = result.value();
        const bool rejected = check.verdict == TokenValueCheck::Verdict::Rejected;
        if (jsonOutput()) {
            QJsonObject object;
            object.insert(QStringLiteral("verdict"),
                rejected ? QStringLiteral("rejected")
                         : (check.verdict == TokenValueCheck::Verdict::Accepted ? QStringLiteral("accepted")
                                                                                : QStringLiteral("unknown")));
            object.insert(QStringLiteral("token_id"), CliOutput::textOrNull(check.tokenId));
            object.insert(QStringLiteral("detail"), CliOutput::textOrNull(check.detail));
            out().json(object);
        } else if (rejected) {
            out().line(tr("rejected by the server"));
        } else if (check.verdict == TokenValueCheck::Verdict::Accepted) {
            out().line(tr("still accepted by the server: %1").arg(check.detail));
        } else {
            out().line(tr("not sure: %1").arg(check.detail));
        }
        done.finish(rejected ? 0 : 1);
    });
}
