#include "KnownExpiries.h"

#include "store/Ledger.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcExpiries, "tokendesk.expiries")

KnownExpiries::KnownExpiries(const QUuid &accountId, const QString &providerId, Ledger *ledger)
    : m_accountId(accountId)
    , m_providerId(providerId)
    , m_ledger(ledger)
{ }

void KnownExpiries::readLedger()
{
    if (m_ledgerRead || !m_ledger)
        return;
    m_ledgerRead = true;
    for (const LedgerEntry &entry : m_ledger->entries(m_accountId)) {
        if (entry.tokenId.isEmpty())
            continue;
        if (entry.expires && entry.expires->isValid() && !m_known.contains(entry.tokenId))
            m_known.insert(entry.tokenId, *entry.expires);
        if (entry.created.isValid() && !m_created.contains(entry.tokenId))
            m_created.insert(entry.tokenId, entry.created);
    }
}

std::optional<QDateTime> KnownExpiries::known(const QString &tokenId)
{
    readLedger();
    const auto it = m_known.constFind(tokenId);
    if (it == m_known.constEnd())
        return std::nullopt;
    return *it;
}

void KnownExpiries::apply(Token &token)
{
    if (token.id.isEmpty())
        return;
    // A service that does not report when a token was created (Specter's list): the ledger knows it for the
    // tokens TokenDesk created, and the Token carries it, so the table, CSV and --json say the same.
    if (!token.created || !token.created->isValid()) {
        readLedger();
        const auto created = m_created.constFind(token.id);
        if (created != m_created.constEnd())
            token.created = *created;
    }
    if (token.expiryUnreported) {
        if (const auto expiry = known(token.id))
            token.setKnownExpiry(*expiry);
        return;
    }
    if (token.expires && token.expires->isValid())
        m_known.insert(token.id, token.expires->addMSecs(-token.serverSkewMs));
}

void KnownExpiries::apply(QList<Token> &tokens)
{
    for (Token &token : tokens)
        apply(token);
}

void KnownExpiries::learnCreated(const Token &token, bool providerRecords)
{
    if (!token.id.isEmpty() && token.created && token.created->isValid())
        m_created.insert(token.id, *token.created);
    if (token.id.isEmpty() || !token.expires || !token.expires->isValid())
        return;
    const QDateTime expiry = token.expires->addMSecs(-token.serverSkewMs);
    m_known.insert(token.id, expiry);
    if (providerRecords || !m_ledger || m_ledger->find(m_accountId, token.id))
        return;
    LedgerEntry entry;
    entry.accountId = m_accountId;
    entry.providerId = m_providerId;
    entry.kind = token.kind;
    entry.tokenId = token.id;
    entry.label = token.label;
    entry.subject = token.subject;
    entry.created = token.created.value_or(QDateTime());
    entry.expires = token.expires; // as the other providers record it: the service's (the JWT's) time
    if (m_ledger->record(entry) == 0)
        qCWarning(lcExpiries) << "could not record the created token's expiry in the ledger:" << m_ledger->lastError();
}
