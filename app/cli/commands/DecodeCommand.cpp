#include "DecodeCommand.h"

#include "CliApplication.h"
#include "CliFuture.h"

#include "core/Clock.h"
#include "core/Duration.h"
#include "core/Jwt.h"

#include <QJsonArray>
#include <QJsonObject>

DecodeCommand::DecodeCommand(CliApplication *app)
    : CliCommand(spec(), app)
{ }

CliCommandSpec DecodeCommand::spec()
{
    return {.name = QStringLiteral("decode"),
        .arguments = QStringLiteral("[JWT|-]"),
        .summary = tr("inspect a JWT (no argument or '-' reads stdin)"),
        .maxPositionals = 1};
}

QFuture<int> DecodeCommand::run(const QStringList &words)
{
    CliArguments args;
    if (!parse(words, &args))
        return CliFuture::ready(2);
    QString text;
    if (args.positionals.isEmpty() || args.positionals.first() == QLatin1String("-")) {
        if (m_app->hasStdinSecrets())
            return CliFuture::ready(fail(2, tr("decode reads the JWT from stdin, which --secrets-stdin already used")));
        if (args.positionals.isEmpty() && CliApplication::stdinIsTerminal())
            return CliFuture::ready(fail(2, tr("usage: tokendesk-cli decode JWT (or pipe the JWT on stdin)")));
        QByteArray data;
        if (!CliApplication::readStdin(&data, Jwt::MaxInputBytes + 2))
            return CliFuture::ready(fail(1, tr("the input is too large for a JWT")));
        text = QString::fromUtf8(data).trimmed();
    } else {
        text = args.positionals.first().trimmed();
    }
    const Jwt jwt = Jwt::decode(text);
    if (!jwt.isValid())
        return CliFuture::ready(fail(1, tr("not a readable JWT: %1").arg(jwt.error())));

    const QDateTime now = Clock::system()->now();
    const std::optional<QDateTime> expires = jwt.expiresAt();
    const QStringList warnings = jwt.warnings(now);
    if (jsonOutput()) {
        QJsonObject object;
        object.insert(QStringLiteral("header"), jwt.header());
        object.insert(QStringLiteral("claims"), jwt.claims());
        object.insert(QStringLiteral("algorithm"), CliOutput::textOrNull(jwt.algorithm()));
        object.insert(QStringLiteral("issued_at"), CliOutput::isoOrNull(jwt.issuedAt()));
        object.insert(QStringLiteral("not_before"), CliOutput::isoOrNull(jwt.notBefore()));
        object.insert(QStringLiteral("expires_at"), CliOutput::isoOrNull(expires));
        object.insert(QStringLiteral("remaining_seconds"),
            expires ? QJsonValue(qMax<qint64>(0, now.secsTo(*expires))) : QJsonValue(QJsonValue::Null));
        object.insert(QStringLiteral("warnings"), QJsonArray::fromStringList(warnings));
        out().json(object);
        return CliFuture::ready(0);
    }
    out().line(tr("Header:"));
    out().lines(CliOutput::jsonText(jwt.header()));
    out().line(tr("Claims:"));
    out().lines(CliOutput::jsonText(jwt.claims()));
    QString expiryText = tr("never (no exp claim)");
    if (expires) {
        const qint64 left = now.secsTo(*expires);
        expiryText = CliOutput::isoText(expires) + QStringLiteral(" (")
            + (left > 0 ? tr("in %1").arg(Duration::format(left)) : tr("expired %1 ago").arg(Duration::format(-left)))
            + QLatin1Char(')');
    }
    out().fields({{tr("Algorithm"), jwt.algorithm().isEmpty() ? QStringLiteral("-") : jwt.algorithm()},
        {tr("Issued"), CliOutput::isoText(jwt.issuedAt())}, {tr("Expires"), expiryText}});
    if (!warnings.isEmpty()) {
        out().line(tr("Warnings:"));
        for (const QString &warning : warnings)
            out().line(QStringLiteral("  - ") + warning);
    }
    return CliFuture::ready(0);
}
