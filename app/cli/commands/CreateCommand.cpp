#include "CreateCommand.h"

#include "CliApplication.h"
#include "CliFieldFlags.h"

#include "core/Async.h"
#include "core/Clock.h"
#include "providers/AccountSession.h"

#include <QJsonArray>
#include <QJsonObject>

CreateCommand::CreateCommand(CliApplication *app)
    : CliSessionCommand(spec(), app)
{ }

CliCommandSpec CreateCommand::spec()
{
    return {.name = QStringLiteral("create"),
        .arguments = QStringLiteral("ACCOUNT"),
        .summary = tr("create a token; its value is printed once"),
        .options = {{QStringLiteral("kind"), CliArguments::Arity::Value, QStringLiteral("K"),
            tr("the kind of token (default: the account's first kind)")}},
        .moreOptions = QStringLiteral("[--<field> VALUE ...]"),
        .details = tr("The other options are the fields of the kind, such as --name, --expiry \"6 hours\" or --app "
                      "APP_ID;\n--name and --expiry also stand for the kind's first text and lifetime field."),
        .minPositionals = 1,
        .maxPositionals = 1};
}

QFuture<int> CreateCommand::run(const QStringList &words)
{
    // The options depend on the kind the account creates: only the account and the kind are read here.
    const CliArguments loose = CliArguments::parseLoose(words);
    if (loose.positionals.isEmpty())
        return CliFuture::ready(usageError());
    m_words = words;
    m_kindName = loose.value(QStringLiteral("kind"));
    return runInSession(loose.positionals.first());
}

void CreateCommand::inSession(AccountSession *session, const CliFuture::Completion &done)
{
    TokenProvider *provider = session->provider();
    const QList<TokenKindSpec> kinds = provider->createKinds();
    if (!provider->can(TokenProvider::Capability::Create) || kinds.isEmpty()) {
        done.finish(fail(ApiError(ApiError::Kind::NotSupported, tr("this account cannot create tokens"))));
        return;
    }
    const TokenKindSpec *kind = &kinds.first();
    if (!m_kindName.isEmpty()) {
        kind = nullptr;
        QStringList names;
        for (const TokenKindSpec &candidate : kinds) {
            names.append(candidate.kind);
            if (candidate.kind == m_kindName)
                kind = &candidate;
        }
        if (!kind) {
            done.finish(fail(2,
                tr("unknown kind \"%1\" (this account creates: %2)")
                    .arg(m_kindName, names.join(QStringLiteral(", ")))));
            return;
        }
    }

    auto flags = std::make_shared<CliFieldFlags>(kind->fields, true);
    CliArguments::Spec argumentSpec = commandSpec().argumentSpec();
    flags->addTo(&argumentSpec);
    CliArguments args;
    if (!parse(m_words, argumentSpec, &args)) {
        done.finish(2);
        return;
    }
    CreateRequest request;
    request.kind = kind->kind;
    QString badValue;
    if (!flags->read(args, &request.values, &badValue)) {
        done.finish(fail(2, badValue));
        return;
    }
    const QList<FieldError> errors = provider->validateCreate(request);
    if (!errors.isEmpty()) {
        // A value refused before anything is sent is a usage error (2), like every other command's flags.
        done.finish(fail(2, flags->describe(errors)));
        return;
    }
    Async::then(session->create(request), this, [this, done, flags](Result<CreatedToken> result) {
        if (!result.ok()) {
            const ApiError &error = result.error();
            if (error.kind() == ApiError::Kind::Validation && !error.fieldErrors().isEmpty()) {
                done.finish(fail(error.exitCode(),
                    tr("the server refused the values: %1").arg(flags->describe(error.fieldErrors()))));
                return;
            }
            done.finish(fail(error));
            return;
        }
        const CreatedToken &created = result.value();
        const std::optional<QDateTime> expires =
            created.token.expires ? created.token.expires : created.token.effectiveExpiry(*Clock::system());
        // The only place a token value is printed.
        if (jsonOutput()) {
            QJsonObject object;
            object.insert(QStringLiteral("id"), created.token.id);
            object.insert(QStringLiteral("name"), CliOutput::textOrNull(created.token.label));
            object.insert(QStringLiteral("token"), created.value);
            object.insert(QStringLiteral("expires_at"), CliOutput::isoOrNull(expires));
            if (!created.link.isEmpty())
                object.insert(QStringLiteral("link"), created.link);
            if (!created.notes.isEmpty())
                object.insert(QStringLiteral("notes"), QJsonArray::fromStringList(created.notes));
            if (!created.refreshValue.isEmpty()) {
                object.insert(QStringLiteral("refresh"),
                    QJsonObject {{QStringLiteral("id"), created.refreshId},
                        {QStringLiteral("token"), created.refreshValue},
                        {QStringLiteral("expires_at"), CliOutput::isoOrNull(created.refreshExpires)}});
            }
            out().json(object);
        } else {
            out().line(
                tr("Created token \"%1\" (id %2), expires %3. The value is shown once:")
                    .arg(created.token.label, created.token.id, expires ? CliOutput::isoText(expires) : tr("never")));
            out().line(created.value);
            if (!created.link.isEmpty())
                out().line(tr("Link: %1").arg(created.link));
            if (!created.refreshValue.isEmpty()) {
                out().line(tr("With it, a refresh token (id %1), expires %2. It can mint new tokens; shown once:")
                               .arg(created.refreshId,
                                   created.refreshExpires ? CliOutput::isoText(created.refreshExpires) : tr("never")));
                out().line(created.refreshValue);
            }
            for (const QString &note : created.notes)
                out().line(tr("Note: %1").arg(note));
        }
        done.finish(0);
    });
}
