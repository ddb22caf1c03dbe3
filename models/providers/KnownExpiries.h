#pragma once

#include "core/Token.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>
#include <QUuid>

class Ledger;

// The one rule for when a token of an account expires. An absolute expiry, once known (from the service, from
// the JWT exp of a value TokenDesk saw at creation, from the ledger), is kept: a service that only says "0 s
// left" (Specter, for an expired token) never moves it to the time of the list. Where no time was ever known,
// the token stays expiryUnreported and every view says so.
//
// What a list taught is kept for the life of the session; a created token's expiry is also written to the
// ledger, so the next run (a new CLI process) knows it. A token created elsewhere and seen by TokenDesk only
// after it expired has no known time. The same goes for when a token was created: a list that does not say
// (Specter's) gets the time TokenDesk recorded when it created the token.
class KnownExpiries
{
public:
    KnownExpiries(const QUuid &accountId, const QString &providerId, Ledger *ledger);

    // Gives every token the service reports as expired without a time the expiry known for it, and learns the
    // expiry of every other token.
    void apply(QList<Token> &tokens);
    void apply(Token &token);
    // A token just created: remembered, and recorded in the ledger unless its provider keeps its own rows
    // (`providerRecords`: a ledger-backed provider) or already recorded this one.
    void learnCreated(const Token &token, bool providerRecords);

private:
    std::optional<QDateTime> known(const QString &tokenId);
    void readLedger();

    QUuid m_accountId;
    QString m_providerId;
    Ledger *m_ledger;
    QHash<QString, QDateTime> m_known; // token id -> expiry, UTC in local terms
    QHash<QString, QDateTime> m_created; // token id -> when TokenDesk created it, UTC
    bool m_ledgerRead = false;
};
