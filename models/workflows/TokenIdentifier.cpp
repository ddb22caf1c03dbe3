#include "TokenIdentifier.h"

#include "core/Jwt.h"
#include "core/TokenExtra.h"
#include "store/Ledger.h"

#include <QSet>

namespace {

std::optional<Account> findAccount(const QList<Account> &accounts, const QUuid &id)
{
    for (const Account &account : accounts) {
        if (account.id == id)
            return account;
    }
    return std::nullopt;
}

const RevokePlan::AccountTokens *findListed(const QList<RevokePlan::AccountTokens> &listed, const QUuid &id)
{
    for (const RevokePlan::AccountTokens &entry : listed) {
        if (entry.account.id == id)
            return &entry;
    }
    return nullptr;
}

std::optional<Token> findToken(const RevokePlan::AccountTokens *entry, const QString &tokenId)
{
    if (!entry || tokenId.isEmpty())
        return std::nullopt;
    for (const Token &token : entry->tokens) {
        if (token.id == tokenId || token.extra.value(TokenExtra::JwtId).toString() == tokenId)
            return token;
    }
    return std::nullopt;
}

Token tokenOf(const FingerprintRecord &record)
{
    Token token;
    token.id = record.tokenId;
    token.kind = record.kind;
    token.label = record.label;
    token.subject = record.subject;
    token.accountId = record.accountId;
    if (record.created.isValid())
        token.created = record.created;
    token.expires = record.expires;
    token.extra.insert(TokenExtra::Source, TokenExtra::FromLedger);
    return token;
}

QString matchKey(const QUuid &accountId, const QString &tokenId)
{
    return accountId.toString() + QLatin1Char('/') + tokenId;
}

} // namespace

TokenProbe TokenProbe::of(const QByteArray &key, const QString &value)
{
    TokenProbe probe;
    const QString trimmed = value.trimmed();
    if (!key.isEmpty())
        probe.fingerprint = TokenFingerprint::of(key, trimmed);
    if (trimmed.size() > Jwt::MaxInputBytes || trimmed.count(QLatin1Char('.')) != 2)
        return probe;
    const Jwt jwt = Jwt::decode(trimmed);
    if (!jwt.isValid())
        return probe;
    probe.isJwt = true;
    probe.jwtId = TokenFingerprint::jwtIdOf(jwt);
    probe.issuer = jwt.stringClaim(QStringLiteral("iss"));
    for (const char *claim : {"sub", "username", "user_email", "user_external_id", "uid"}) {
        probe.subject = jwt.stringClaim(QString::fromLatin1(claim));
        if (!probe.subject.isEmpty())
            break;
    }
    probe.issued = jwt.issuedAt();
    probe.expires = jwt.expiresAt();
    return probe;
}

QString IdentifyMatch::evidenceText() const
{
    switch (evidence) {
    case Evidence::Fingerprint:
        return TokenIdentifier::tr("This exact value: TokenDesk created it (fingerprint match).");
    case Evidence::LedgerClaim:
        return TokenIdentifier::tr("The token's id claim names a token TokenDesk created; the value itself differs "
                                   "from the one TokenDesk saw (the signature is not checked).");
    case Evidence::ListedClaim:
        return TokenIdentifier::tr("The token's id claim names a token the service lists now; it may have been "
                                   "created by another client (the signature is not checked).");
    }
    return {};
}

QList<IdentifyMatch> TokenIdentifier::identify(const TokenProbe &probe, const Ledger &ledger,
    const QList<Account> &accounts, const QList<RevokePlan::AccountTokens> &listed, const TokenNotes *notes)
{
    QList<IdentifyMatch> matches;
    QSet<QString> seen;

    const auto addRecord = [&](const FingerprintRecord &record, IdentifyMatch::Evidence evidence) {
        const QString key = matchKey(record.accountId, record.tokenId);
        if (seen.contains(key))
            return;
        const std::optional<Account> account = findAccount(accounts, record.accountId);
        if (!account)
            return; // the account was removed since
        seen.insert(key);
        IdentifyMatch match;
        match.evidence = evidence;
        match.account = *account;
        const RevokePlan::AccountTokens *entry = findListed(listed, record.accountId);
        match.accountListed = entry != nullptr;
        if (const std::optional<Token> live = findToken(entry, record.tokenId)) {
            match.token = *live;
            match.listed = true;
        } else {
            match.token = tokenOf(record);
        }
        if (!match.token.created && record.created.isValid())
            match.token.created = record.created;
        if (!record.head.isEmpty())
            match.shortForm = record.head + QChar(0x2026) + record.tail;
        matches.append(match);
    };

    if (probe.fingerprint.isValid()) {
        for (const FingerprintRecord &record : ledger.fingerprintsByMac(probe.fingerprint.mac))
            addRecord(record, IdentifyMatch::Evidence::Fingerprint);
    }
    if (!probe.jwtId.isEmpty()) {
        for (const FingerprintRecord &record : ledger.fingerprintsByJwtId(probe.jwtId))
            addRecord(record, IdentifyMatch::Evidence::LedgerClaim);
        for (const RevokePlan::AccountTokens &entry : listed) {
            const std::optional<Token> live = findToken(&entry, probe.jwtId);
            if (!live || seen.contains(matchKey(entry.account.id, live->id)))
                continue;
            seen.insert(matchKey(entry.account.id, live->id));
            IdentifyMatch match;
            match.evidence = IdentifyMatch::Evidence::ListedClaim;
            match.account = entry.account;
            match.token = *live;
            match.listed = true;
            match.accountListed = true;
            matches.append(match);
        }
    }
    if (notes) {
        for (IdentifyMatch &match : matches) {
            if (!match.token.id.isEmpty())
                match.note = notes->note(match.account.id, match.token.id);
        }
    }
    return matches;
}
