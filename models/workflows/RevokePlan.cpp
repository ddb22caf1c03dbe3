#include "workflows/RevokePlan.h"
#include "core/TokenExtra.h"

#include <QCoreApplication>

namespace {

QString displayName(const Token &token)
{
    return token.label.isEmpty() ? token.id : QStringLiteral("%1 (%2)").arg(token.label, token.id);
}

// A step of `kind` in `account`, its target still to be set.
RevokeStep accountStep(const RevokePlan::AccountTokens &account, RevokeStep::Kind kind)
{
    RevokeStep step;
    step.kind = kind;
    step.accountId = account.account.id;
    step.accountName = account.account.name;
    step.providerId = account.account.providerId;
    return step;
}

RevokeStep tokenStep(const RevokePlan::AccountTokens &account, const Token &token)
{
    RevokeStep step = accountStep(account, RevokeStep::Kind::Token);
    step.token = token;
    if (!account.provider || !account.provider->can(TokenProvider::Capability::Revoke))
        step.skipReason = RevokePlan::tr("this service cannot revoke single tokens");
    else if (token.revoked)
        step.skipReason = RevokePlan::tr("already revoked");
    else if (token.id.isEmpty())
        step.skipReason = RevokePlan::tr("the token has no id to revoke it by");
    else
        step.call = account.provider->revokeCall(token);
    return step;
}

// The service's one call for every token of `subject`, refused where the service has none.
RevokeStep subjectStep(const RevokePlan::AccountTokens &account, const QString &subject)
{
    RevokeStep step = accountStep(account, RevokeStep::Kind::Subject);
    step.subject = subject;
    if (!account.provider || !account.provider->can(TokenProvider::Capability::RevokeAllForSubject))
        step.skipReason = RevokePlan::tr("this service cannot revoke every token of a subject");
    else
        step.call = account.provider->revokeAllCall(subject);
    return step;
}

} // namespace

QString RevokeStep::target() const
{
    switch (kind) {
    case Kind::Token:
        return token.id;
    case Kind::Subject:
        return subject;
    case Kind::ExpireAll:
        return expireAll.sessionIds.isEmpty()
            ? expireAll.appId
            : expireAll.appId + QLatin1Char('/') + expireAll.sessionIds.join(QLatin1Char(','));
    }
    return {};
}

QString RevokeStep::describe() const
{
    switch (kind) {
    case Kind::Token:
        return RevokePlan::tr("%1: revoke token %2").arg(accountName, displayName(token));
    case Kind::Subject:
        return RevokePlan::tr("%1: revoke every token of %2 (%n listed)", nullptr, int(covers.size()))
            .arg(accountName, subject);
    case Kind::ExpireAll:
        if (expireAll.sessionIds.isEmpty())
            return RevokePlan::tr("%1: expire every portal session of application %2")
                .arg(accountName, expireAll.appId);
        return RevokePlan::tr("%1: expire sessions %2 of application %3")
            .arg(accountName, expireAll.sessionIds.join(QStringLiteral(", ")), expireAll.appId);
    }
    return {};
}

bool RevokePlan::tokenMatches(const Token &token, const QString &subject)
{
    const QString s = subject.trimmed();
    if (s.isEmpty())
        return false;
    const auto same = [&s](const QString &value) { return value.trimmed().compare(s, Qt::CaseInsensitive) == 0; };
    if (same(token.subject) || same(token.id))
        return true;
    for (const QString &key : {TokenExtra::Email, TokenExtra::ExternalId, TokenExtra::User, TokenExtra::Uid,
             TokenExtra::AppId, TokenExtra::SessionId, TokenExtra::JwtId}) {
        const QVariant value = token.extra.value(key);
        if (value.isValid() && same(value.toString()))
            return true;
    }
    // A NetSapiens uid user@domain also matches tokens whose subject is the bare user in that domain.
    const QString domain = token.extra.value(TokenExtra::Domain).toString();
    if (!domain.isEmpty() && same(token.subject + QLatin1Char('@') + domain))
        return true;
    return false;
}

RevokePlan RevokePlan::forSelection(const QList<AccountTokens> &selection)
{
    RevokePlan plan;
    for (const AccountTokens &account : selection) {
        for (const Token &token : account.tokens)
            plan.m_steps.append(tokenStep(account, token));
    }
    return plan;
}

RevokePlan RevokePlan::forAccount(const AccountTokens &account, const QString &subject)
{
    RevokePlan plan;
    plan.m_subject = subject.trimmed();
    if (!plan.m_subject.isEmpty())
        plan.m_steps.append(subjectStep(account, plan.m_subject));
    for (const Token &token : account.tokens)
        plan.m_steps.append(tokenStep(account, token));
    return plan;
}

RevokePlan RevokePlan::forSubject(const QString &subject, const QList<AccountTokens> &accounts)
{
    RevokePlan plan;
    plan.m_subject = subject.trimmed();
    if (plan.m_subject.isEmpty())
        return plan;
    for (const AccountTokens &account : accounts) {
        QList<Token> matching;
        for (const Token &token : account.tokens) {
            if (tokenMatches(token, plan.m_subject))
                matching.append(token);
        }
        const TokenProvider *provider = account.provider;

        // 1. One call for the whole subject where the service has it.
        if (provider && provider->can(TokenProvider::Capability::RevokeAllForSubject)
            && provider->acceptsSubject(plan.m_subject)) {
            RevokeStep step = subjectStep(account, plan.m_subject);
            step.covers = matching;
            plan.m_steps.append(step);
            continue;
        }

        // 2. Svix: the subject is an application (expire all its sessions) or a session id (expire that
        //    session in every application it was minted for).
        if (provider && provider->can(TokenProvider::Capability::ExpireAll)) {
            QStringList appsOfSession;
            bool isApp = false;
            for (const Token &token : std::as_const(matching)) {
                const QString app = token.extra.value(TokenExtra::AppId).toString();
                if (app.compare(plan.m_subject, Qt::CaseInsensitive) == 0)
                    isApp = true;
                else if (!app.isEmpty() && !appsOfSession.contains(app))
                    appsOfSession.append(app);
            }
            const QStringList knownApps = provider->applicationIds();
            for (const QString &app : knownApps) {
                if (app.compare(plan.m_subject, Qt::CaseInsensitive) == 0)
                    isApp = true;
            }
            const auto expireStep = [&](const QString &app, const QStringList &sessions) {
                RevokeStep step = accountStep(account, RevokeStep::Kind::ExpireAll);
                step.expireAll.appId = app;
                step.expireAll.graceSeconds = 0;
                step.expireAll.sessionIds = sessions;
                for (const Token &token : std::as_const(matching)) {
                    if (token.extra.value(TokenExtra::AppId).toString() == app)
                        step.covers.append(token);
                }
                step.call = provider->expireAllCall(step.expireAll);
                plan.m_steps.append(step);
            };
            if (isApp) {
                expireStep(plan.m_subject, {});
                continue;
            }
            if (!appsOfSession.isEmpty()) {
                for (const QString &app : std::as_const(appsOfSession))
                    expireStep(app, {plan.m_subject});
                continue;
            }
        }

        // 3. Otherwise each matching token on its own.
        for (const Token &token : std::as_const(matching))
            plan.m_steps.append(tokenStep(account, token));
    }
    return plan;
}

QList<RevokeStep> RevokePlan::runnableSteps() const
{
    QList<RevokeStep> result;
    for (const RevokeStep &step : m_steps) {
        if (step.willRun())
            result.append(step);
    }
    return result;
}

int RevokePlan::runnableCount() const
{
    int n = 0;
    for (const RevokeStep &step : m_steps)
        n += step.willRun() ? 1 : 0;
    return n;
}

int RevokePlan::tokenCount() const
{
    int n = 0;
    for (const RevokeStep &step : m_steps) {
        if (step.willRun())
            // A subject-wide call reaches at least one token even when none was listed.
            n += step.kind == RevokeStep::Kind::Token ? 1 : qMax(1, int(step.covers.size()));
    }
    return n;
}

QStringList RevokePlan::preview() const
{
    QStringList lines;
    for (const RevokeStep &step : m_steps) {
        if (!step.willRun())
            continue;
        lines.append(step.describe());
        if (!step.call.isEmpty())
            lines.append(QStringLiteral("    ") + step.call);
        for (const Token &token : step.covers)
            lines.append(QStringLiteral("    - ") + displayName(token));
    }
    for (const RevokeStep &step : m_steps) {
        if (step.willRun())
            continue;
        lines.append(
            RevokePlan::tr("%1: skip %2 — %3").arg(step.accountName, displayName(step.token), step.skipReason));
    }
    return lines;
}
