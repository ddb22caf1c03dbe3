#include "IdentifyCommand.h"

#include "CliAccountLister.h"
#include "CliApplication.h"
#include "CliOutput.h"

#include "core/Async.h"
#include "core/ProcessHardening.h"
#include "providers/ProviderDescriptor.h"
#include "providers/ProviderRegistry.h"
#include "store/FingerprintKey.h"
#include "store/Ledger.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>

namespace {

QString evidenceName(IdentifyMatch::Evidence evidence)
{
    switch (evidence) {
    case IdentifyMatch::Evidence::Fingerprint:
        return QStringLiteral("fingerprint");
    case IdentifyMatch::Evidence::LedgerClaim:
        return QStringLiteral("ledger-claim");
    case IdentifyMatch::Evidence::ListedClaim:
        return QStringLiteral("listed-claim");
    }
    return {};
}

// A word a POSIX shell takes as is: single-quoted unless it is made of safe characters only.
QString shellWord(const QString &text)
{
    static const QRegularExpression safe(QStringLiteral("^[A-Za-z0-9._@%+=:,/-]+$"));
    if (safe.match(text).hasMatch())
        return text;
    QString quoted = text;
    quoted.replace(QLatin1Char('\''), QStringLiteral("'\\''"));
    return QLatin1Char('\'') + quoted + QLatin1Char('\'');
}

} // namespace

IdentifyCommand::IdentifyCommand(CliApplication *app)
    : CliCommand(spec(), app)
{ }

CliCommandSpec IdentifyCommand::spec()
{
    return {.name = QStringLiteral("identify"),
        .summary = tr("whose token is this? (0 found, 4 not found)"),
        .options = {{QStringLiteral("token-stdin"), CliArguments::Arity::Flag, {},
                        tr("read the token value from stdin (required)"), true},
            CliAccountLister::accountOption()}};
}

QFuture<int> IdentifyCommand::run(const QStringList &words)
{
    CliArguments args;
    if (!parse(words, &args))
        return CliFuture::ready(2);
    if (!args.has(QStringLiteral("token-stdin")))
        return CliFuture::ready(fail(2, tr("identify reads the token from stdin: use --token-stdin")));
    QString value;
    int code = 0;
    if (!readTokenFromStdin(&value, &code))
        return CliFuture::ready(code);
    m_lister = new CliAccountLister(m_app, this);
    if (const int selected = m_lister->select(args.values(QStringLiteral("account")))) {
        ProcessHardening::wipe(value);
        return CliFuture::ready(selected);
    }
    const QFuture<int> future = m_done.future();
    Async::then(FingerprintKey::of(m_app->secrets())->key(FingerprintKey::Mode::ReadOnly), this,
        [this, value](Result<QByteArray> key) mutable {
            if (!key.ok() && key.error().kind() != ApiError::Kind::NotFound)
                out().note(tr("the fingerprint key could not be read (%1): only the token's claims are compared\n")
                               .arg(key.error().userMessage()));
            m_probe = TokenProbe::of(key.ok() ? key.value() : QByteArray(), value);
            ProcessHardening::wipe(value);
            connect(m_lister, &CliAccountLister::finished, this, &IdentifyCommand::listed);
            m_lister->start();
        });
    ProcessHardening::wipe(value);
    return future;
}

void IdentifyCommand::listed()
{
    const QList<IdentifyMatch> matches = TokenIdentifier::identify(
        m_probe, *m_app->ledger(), m_app->accounts().load(), m_lister->listed(), m_app->tokenNotes());
    const int failed = m_lister->reportFailures();
    print(matches);
    const int code = !matches.isEmpty() ? 0 : (failed != 0 ? failed : 4);
    Async::then(m_lister->settle(), this, [this, code](Result<Done>) { m_done.finish(code); });
}

void IdentifyCommand::print(const QList<IdentifyMatch> &matches)
{
    if (jsonOutput()) {
        QJsonArray array;
        for (const IdentifyMatch &match : matches) {
            QJsonObject object;
            object.insert(QStringLiteral("account"), match.account.name);
            object.insert(QStringLiteral("account_id"), match.account.id.toString(QUuid::WithoutBraces));
            object.insert(QStringLiteral("provider"), match.account.providerId);
            object.insert(QStringLiteral("id"), match.token.id);
            object.insert(QStringLiteral("name"), match.token.label);
            object.insert(QStringLiteral("kind"), match.token.kind);
            object.insert(QStringLiteral("created_at"), CliOutput::isoOrNull(match.token.created));
            object.insert(QStringLiteral("expires_at"), CliOutput::isoOrNull(match.token.expires));
            object.insert(QStringLiteral("listed"), match.listed);
            object.insert(QStringLiteral("revoked"), match.token.revoked.has_value());
            object.insert(QStringLiteral("evidence"), evidenceName(match.evidence));
            object.insert(QStringLiteral("notes"), match.note ? match.note->displayText() : QString());
            array.append(object);
        }
        out().json(array);
        return;
    }
    if (matches.isEmpty()) {
        out().line(tr("No token of the checked accounts matches this value."));
        return;
    }
    bool first = true;
    for (const IdentifyMatch &match : matches) {
        if (!first)
            out().line();
        first = false;
        const ProviderDescriptor *descriptor = ProviderRegistry::instance().find(match.account.providerId);
        QList<QPair<QString, QString>> fields = {
            {tr("service"), descriptor ? descriptor->displayName : match.account.providerId},
            {tr("account"), match.account.name},
            {tr("token"), match.token.id},
            {tr("name"), match.token.label},
            {tr("created"), CliOutput::isoText(match.token.created)},
            {tr("expires"), CliOutput::isoText(match.token.expires)},
            {tr("notes"), match.note ? match.note->displayText() : QString()},
            {tr("listed now"), match.listed ? tr("yes") : (match.accountListed ? tr("no") : tr("not checked"))},
            {tr("how sure"), match.evidenceText()},
        };
        if (!match.token.id.isEmpty() && match.listed)
            fields.append({tr("revoke with"),
                QStringLiteral("tokendesk-cli revoke %1 %2")
                    .arg(shellWord(match.account.name), shellWord(match.token.id))});
        out().fields(fields);
    }
}
