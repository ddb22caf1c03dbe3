#pragma once

#include <QCoreApplication>

#include "core/Account.h"
#include "core/Token.h"
#include "providers/TokenProvider.h"

#include <QList>
#include <QString>
#include <QUuid>

// One call a bulk revoke or a break-glass would make, or a token it cannot touch (skipReason set).
struct RevokeStep
{
    enum class Kind {
        Token, // revoke one token
        Subject, // revoke every token of a subject in one call (NetSapiens DELETE /jwt/{uid})
        ExpireAll, // expire an application's sessions (Svix expire-all)
    };
    Kind kind = Kind::Token;
    QUuid accountId;
    QString accountName;
    QString providerId;
    Token token; // Kind::Token
    QString subject; // Kind::Subject
    ExpireAllRequest expireAll; // Kind::ExpireAll
    QList<Token> covers; // the listed tokens a Subject or ExpireAll call reaches (for the preview)
    QString call; // the HTTP call, e.g. "DELETE https://host/ns-api/v2/jwt/1000@example" (never a secret)
    QString skipReason; // non-empty: listed for completeness, not executed

    bool willRun() const { return skipReason.isEmpty(); }
    // The token id, subject or app id: the audit log's target.
    QString target() const;
    // One line for the preview: what is revoked and where.
    QString describe() const;
};

// What a bulk revoke or a break-glass will do, built before anything is sent so the user (or --dry-run) can
// see every call. Planning makes no network calls: it works on lists the caller already fetched.
class RevokePlan
{
    Q_DECLARE_TR_FUNCTIONS(RevokePlan)

public:
    // The tokens of one account as last listed, with the account's provider (for capabilities and calls).
    struct AccountTokens
    {
        Account account;
        const TokenProvider *provider = nullptr;
        QList<Token> tokens;
    };

    // Revoke exactly these tokens (a multi-selection across accounts).
    static RevokePlan forSelection(const QList<AccountTokens> &selection);
    // Exactly what was named in one account (the CLI's `revoke ACCOUNT [--uid SUBJECT] ID...`): with `subject`,
    // first the service's one call for every token of that subject (the service judges the subject), then each of
    // `account.tokens` in order. Nothing is matched or substituted; tokens are refused by forSelection's rules.
    static RevokePlan forAccount(const AccountTokens &account, const QString &subject = {});
    // Break-glass: everything that belongs to `subject` (a user id, email, uid user@domain, a Svix app id or
    // session id) in every account that can revoke it. Prefers one subject-wide call where the service has
    // one (NetSapiens uid, Svix expire-all of an app or of sessions) over per-token calls.
    static RevokePlan forSubject(const QString &subject, const QList<AccountTokens> &accounts);

    // Whether a token belongs to the subject: its subject, id, or a non-secret extra (email, external id,
    // Svix app or session id), compared case-insensitively and trimmed.
    static bool tokenMatches(const Token &token, const QString &subject);

    QString subject() const { return m_subject; }
    const QList<RevokeStep> &steps() const { return m_steps; }
    QList<RevokeStep> runnableSteps() const;
    int runnableCount() const;
    int tokenCount() const; // tokens reached by the runnable steps (a subject-wide call counts at least one)
    bool isEmpty() const { return m_steps.isEmpty(); }

    // The dry run: one line per step, runnable first ("would call …"), then the skipped ones with why.
    QStringList preview() const;

private:
    QString m_subject;
    QList<RevokeStep> m_steps;
};
