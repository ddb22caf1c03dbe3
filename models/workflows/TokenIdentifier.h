#pragma once

#include "core/Account.h"
#include "core/Token.h"
#include "core/TokenFingerprint.h"
#include "store/TokenNotes.h"
#include "workflows/RevokePlan.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QUuid>

#include <optional>

class Ledger;

// What a pasted token value says about itself, computed once so the value can be wiped right after.
struct TokenProbe
{
    TokenFingerprint fingerprint; // mac empty when there is no fingerprint key yet (nothing can match it)
    bool isJwt = false;
    QString jwtId; // jti (NetSapiens, MagicBell) or jwt_token_id (Specter)
    QString issuer; // iss
    QString subject; // sub, Specter's username, MagicBell's user_email / user_external_id
    std::optional<QDateTime> issued; // iat
    std::optional<QDateTime> expires; // exp

    // `key` may be empty (no fingerprint then). The value itself is not kept.
    static TokenProbe of(const QByteArray &key, const QString &value);
};

// One token the value belongs to, or may belong to.
struct IdentifyMatch
{
    enum class Evidence {
        Fingerprint, // the keyed fingerprint of a token TokenDesk created: this exact value
        LedgerClaim, // the JWT's id names a token TokenDesk created (another value with that id)
        ListedClaim, // the JWT's id names a token in the account's current list (created by any client)
    };
    Evidence evidence = Evidence::Fingerprint;
    Account account;
    Token token; // from the current list when it is listed there, else from the ledger
    bool listed = false; // the account's current list has it
    bool accountListed = false; // the account's list could be fetched
    std::optional<TokenNote> note;
    QString shortForm; // "eyJh…x9Q" from the ledger (empty when unknown)

    // One sentence for people: how sure the match is.
    QString evidenceText() const;
};

// "Whose token is this?": matches a probe against the ledger's fingerprints and JWT ids and against the
// accounts' current token lists. Makes no network calls: the caller lists the accounts (the GUI's
// AccountListCollector, the CLI's command) and passes what it got. A JWT's claims are read without checking its
// signature, so matches by claims say so; only a fingerprint match proves the exact value.
class TokenIdentifier
{
    Q_DECLARE_TR_FUNCTIONS(TokenIdentifier)

public:
    // `accounts`: every configured account (for names of ledger matches); `listed`: the lists fetched now;
    // `notes` may be null.
    static QList<IdentifyMatch> identify(const TokenProbe &probe, const Ledger &ledger, const QList<Account> &accounts,
        const QList<RevokePlan::AccountTokens> &listed, const TokenNotes *notes);
};
