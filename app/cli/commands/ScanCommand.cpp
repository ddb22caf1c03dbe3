#include "ScanCommand.h"

#include "CliApplication.h"
#include "CliOutput.h"

#include "core/Async.h"
#include "store/FingerprintKey.h"
#include "store/Ledger.h"
#include "store/TokenNotes.h"
#include "workflows/LeakScanner.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>

ScanCommand::ScanCommand(CliApplication *app)
    : CliCommand(spec(), app)
{ }

CliCommandSpec ScanCommand::spec()
{
    return {.name = QStringLiteral("scan"),
        .arguments = QStringLiteral("PATH..."),
        .summary = tr("find tokens TokenDesk created in files, as path:line (1 when found)"),
        .options = {{QStringLiteral("max-size"), CliArguments::Arity::Value, QStringLiteral("MB"),
                        tr("skip files larger than this (default 8)")},
            {QStringLiteral("note"), CliArguments::Arity::Flag, {},
                tr("write \"seen at PATH:LINE\" into each found token's notes")}},
        .minPositionals = 1,
        .maxPositionals = -1};
}

QFuture<int> ScanCommand::run(const QStringList &words)
{
    CliArguments args;
    if (!parse(words, &args))
        return CliFuture::ready(2);
    m_maxBytes = LeakScanner::DefaultMaxFileBytes;
    if (args.has(QStringLiteral("max-size"))) {
        bool ok = false;
        const int megabytes = args.value(QStringLiteral("max-size")).toInt(&ok);
        if (!ok || megabytes < 1 || megabytes > 1024)
            return CliFuture::ready(fail(2, tr("--max-size: whole megabytes from 1 to 1024")));
        m_maxBytes = qint64(megabytes) * 1024 * 1024;
    }
    m_note = args.has(QStringLiteral("note"));
    for (const QString &path : std::as_const(args.positionals)) {
        if (!QFileInfo::exists(path))
            return CliFuture::ready(fail(4, tr("no such file or folder: %1").arg(path)));
    }
    m_paths = args.positionals;
    QString error;
    if (!m_app->openDatabase(&error))
        return CliFuture::ready(fail(1, error));
    const QFuture<int> future = m_done.future();
    Async::then(FingerprintKey::of(m_app->secrets())->key(FingerprintKey::Mode::ReadOnly), this,
        [this](Result<QByteArray> key) {
            if (!key.ok() && key.error().kind() != ApiError::Kind::NotFound)
                out().note(tr("the fingerprint key could not be read (%1): tokens TokenDesk created cannot be "
                              "recognised\n")
                               .arg(key.error().userMessage()));
            m_done.finish(scan(key.ok() ? key.value() : QByteArray()));
        });
    return future;
}

int ScanCommand::scan(const QByteArray &key)
{
    LeakScanner scanner(key, m_app->ledger()->allFingerprints());
    scanner.setMaxFileBytes(m_maxBytes);
    scanner.scan(m_paths);
    const QList<LeakHit> hits = scanner.hits();
    print(hits, scanner.stats(), m_note ? addSightings(hits) : 0);
    return hits.isEmpty() ? 0 : 1;
}

int ScanCommand::addSightings(const QList<LeakHit> &hits)
{
    TokenNotes *notes = m_app->tokenNotes();
    if (!notes)
        return 0;
    int noted = 0;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const LeakHit &hit : hits) {
        if (hit.kind != LeakHit::Kind::TokenDesk || hit.record.tokenId.isEmpty())
            continue;
        const TokenNote before = notes->note(hit.record.accountId, hit.record.tokenId).value_or(TokenNote());
        const TokenNote after = LeakScanner::withSighting(before, hit, now);
        if (after.usedIn != before.usedIn && notes->setNote(hit.record.accountId, hit.record.tokenId, after))
            ++noted;
    }
    return noted;
}

void ScanCommand::print(const QList<LeakHit> &hits, const LeakScanStats &stats, int noted)
{
    const QList<Account> accounts = m_app->accounts().load();
    const auto accountName = [&accounts](const QUuid &id) {
        for (const Account &account : accounts) {
            if (account.id == id)
                return account.name;
        }
        return QString();
    };
    if (jsonOutput()) {
        QJsonArray own;
        QJsonArray foreign;
        for (const LeakHit &hit : hits) {
            QJsonObject object {{QStringLiteral("path"), hit.path}, {QStringLiteral("line"), hit.line}};
            if (hit.kind == LeakHit::Kind::TokenDesk) {
                object.insert(QStringLiteral("account"), accountName(hit.record.accountId));
                object.insert(QStringLiteral("account_id"), hit.record.accountId.toString(QUuid::WithoutBraces));
                object.insert(QStringLiteral("provider"), hit.record.providerId);
                object.insert(QStringLiteral("id"), hit.record.tokenId);
                object.insert(QStringLiteral("name"), hit.record.label);
                own.append(object);
            } else {
                object.insert(QStringLiteral("service"), hit.service);
                object.insert(QStringLiteral("revocation"), hit.revocation);
                foreign.append(object);
            }
        }
        out().json(QJsonObject {{QStringLiteral("hits"), own}, {QStringLiteral("foreign"), foreign},
            {QStringLiteral("files"), stats.files}, {QStringLiteral("bytes"), stats.bytes},
            {QStringLiteral("skipped_binary"), stats.skippedBinary},
            {QStringLiteral("skipped_large"), stats.skippedLarge}, {QStringLiteral("unreadable"), stats.unreadable},
            {QStringLiteral("noted"), noted}});
        return;
    }
    for (const LeakHit &hit : hits) {
        if (hit.kind == LeakHit::Kind::TokenDesk) {
            const QString name = hit.record.label.isEmpty() ? hit.record.tokenId : hit.record.label;
            out().line(tr("%1: token \"%2\" (%3) of account %4")
                           .arg(hit.location(), name, hit.record.tokenId, accountName(hit.record.accountId)));
        } else {
            out().line(tr("%1: not TokenDesk's: %2; revoke: %3").arg(hit.location(), hit.service, hit.revocation));
        }
    }
    out().note(tr("%1 files read (%2 bytes), %3 skipped as binary, %4 over the size limit, %5 unreadable; %6 "
                  "finding(s)\n")
                   .arg(stats.files)
                   .arg(stats.bytes)
                   .arg(stats.skippedBinary)
                   .arg(stats.skippedLarge)
                   .arg(stats.unreadable)
                   .arg(hits.size()));
    if (m_note)
        out().note(tr("%1 note(s) updated\n").arg(noted));
}
