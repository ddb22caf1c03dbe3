#pragma once

#include "AwaitFuture.h"

#include "core/ApiError.h"
#include "core/Result.h"
#include "net/ApiClient.h"
#include "store/Ledger.h"

#include <QSet>
#include <QString>
#include <QStringList>

#include <optional>

// What every fault-matrix suite shares (tst_faultmatrix for Specter and MagicBell, tst_faultmatrix_netsapiens,
// tst_faultmatrix_svix, tst_faultmatrix_cli): the list of faults, how an outcome is awaited, the kinds every
// provider must map the provider-neutral faults to, and the check of a user message.
namespace FaultMatrix {

using Kind = ApiError::Kind;

// Outcome of one operation: Kind::None for success.
struct Outcome
{
    bool finished = false;
    ApiError error;
};

template<typename T> Outcome outcomeOf(QFuture<Result<T>> future)
{
    // Generous guard: the client's own transfer timeout (1 s) and one retry must end every call long before.
    const std::optional<Result<T>> result = awaitFuture(future, 20'000);
    Outcome outcome;
    outcome.finished = result.has_value();
    if (result && !result->ok())
        outcome.error = result->error();
    return outcome;
}

inline const QStringList &allFaults()
{
    static const QStringList faults = {QStringLiteral("delay=200ms"), QStringLiteral("hang"), QStringLiteral("reset"),
        QStringLiteral("malformed-json"), QStringLiteral("wrong-types"), QStringLiteral("huge-body"),
        QStringLiteral("html-error"), QStringLiteral("status=401"), QStringLiteral("status=403"),
        QStringLiteral("status=404"), QStringLiteral("status=405"), QStringLiteral("status=409"),
        QStringLiteral("status=422"), QStringLiteral("status=429"), QStringLiteral("status=500"),
        QStringLiteral("status=502"), QStringLiteral("status=503"), QStringLiteral("status=503+retry-after=30"),
        QStringLiteral("retry-after=30"), QStringLiteral("redirect-other-host"), QStringLiteral("empty-200")};
    return faults;
}

// The Retry-After of the two retry-after faults above: longer than the clients' limit in the matrix (5 s), so the
// call gives up at once with RateLimited and that Retry-After.
constexpr int RetryAfterSeconds = 30;

// The status of a "status=NNN" fault; 0 for any other fault.
inline int statusOf(const QString &fault)
{
    if (!fault.startsWith(QLatin1String("status=")) || fault.contains(QLatin1Char('+')))
        return 0;
    return fault.mid(7).toInt();
}

// Kinds for the faults whose mapping does not depend on the provider; nullopt for the rest (the per-status kinds,
// and "reset", whose outcome depends on whether the operation retries). `bodyless` = the operation's success
// answer carries nothing the client needs (a revoke), so any 2xx is a success.
inline std::optional<QSet<Kind>> commonKinds(const QString &fault, bool bodyless)
{
    if (fault.startsWith(QLatin1String("delay=")))
        return QSet<Kind> {Kind::None};
    if (fault == QLatin1String("hang"))
        return QSet<Kind> {Kind::Timeout};
    if (fault == QLatin1String("huge-body"))
        return QSet<Kind> {Kind::TooLarge};
    if (fault == QLatin1String("html-error"))
        return QSet<Kind> {Kind::Server};
    if (fault == QLatin1String("redirect-other-host"))
        return QSet<Kind> {Kind::RedirectRefused};
    if (fault == QLatin1String("malformed-json") || fault == QLatin1String("wrong-types")
        || fault == QLatin1String("empty-200")) {
        if (bodyless)
            return QSet<Kind> {Kind::None, Kind::MalformedResponse};
        return QSet<Kind> {Kind::MalformedResponse};
    }
    if (fault.contains(QLatin1String("retry-after")))
        return QSet<Kind> {Kind::RateLimited};
    return std::nullopt;
}

inline bool hasMarkupNoise(const QString &text)
{
    for (const char *noise : {"{", "}", "<", ">", "\"error\"", "DOCTYPE", "nginx"}) {
        if (text.contains(QLatin1String(noise)))
            return true;
    }
    return false;
}

// Empty when the error reads well for a person; else what is wrong with it.
inline QString messageProblem(const ApiError &error)
{
    const QString message = error.userMessage();
    if (message.trimmed().isEmpty())
        return QStringLiteral("empty user message");
    if (hasMarkupNoise(message))
        return QStringLiteral("markup in the user message: ") + message;
    const QString full = error.fullMessage();
    if (full.contains(QLatin1Char('<')) || full.contains(QLatin1Char('{')))
        return QStringLiteral("markup in fullMessage(): ") + full;
    return {};
}

// Every ledger row of an account with its revocation state, to compare before and after a failed call.
inline QStringList ledgerSnapshot(const Ledger &ledger, const QUuid &accountId)
{
    QStringList rows;
    for (const LedgerEntry &entry : ledger.entries(accountId)) {
        rows.append(QStringLiteral("%1|%2|%3|%4")
                        .arg(entry.rowId)
                        .arg(entry.tokenId, entry.revoked ? entry.revoked->toString(Qt::ISODateWithMs) : QString(),
                            entry.revokedReason));
    }
    return rows;
}

// "got <kind> (HTTP n)" for a failed expectation.
inline QString describe(const ApiError &error)
{
    return QStringLiteral("got %1 (HTTP %2)").arg(ApiError::kindName(error.kind())).arg(error.httpStatus());
}

// The client settings of the in-process matrices: a short transfer timeout (hang ends fast; room for delay=200ms
// under load), one retry for idempotent calls (so retries are part of the matrix) after a short backoff, and a
// Retry-After limit under RetryAfterSeconds (so the retry-after faults give up at once with RateLimited).
inline void tuneClient(ApiClient *api)
{
    api->setTransferTimeoutMs(1000);
    api->setMaxRetries(1);
    api->setRetryBaseDelayMs(20);
    api->setMaxRetryAfterSeconds(5);
}

// Empty when a row's outcome is as expected: the call finished with a kind in `expected`, a failure reads well for
// a person, and a retry-after fault reports the server's Retry-After; else what is wrong.
inline QString outcomeProblem(const Outcome &outcome, const QSet<Kind> &expected, const QString &fault)
{
    if (!outcome.finished)
        return QStringLiteral("the operation did not finish");
    if (!expected.contains(outcome.error.kind()))
        return describe(outcome.error);
    if (outcome.error.kind() != Kind::None) {
        const QString problem = messageProblem(outcome.error);
        if (!problem.isEmpty())
            return problem;
    }
    if (fault.contains(QLatin1String("retry-after"))) {
        const int retryAfter = outcome.error.retryAfterSeconds().value_or(-1);
        if (retryAfter != RetryAfterSeconds)
            return QStringLiteral("Retry-After %1, expected %2").arg(retryAfter).arg(RetryAfterSeconds);
    }
    return {};
}

} // namespace FaultMatrix
