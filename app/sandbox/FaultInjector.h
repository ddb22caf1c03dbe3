#pragma once

#include "Emulator.h"

#include <QList>
#include <QString>

#include <optional>

// One injected fault: what goes wrong, for which requests (path prefix) and how often.
// Text form: KIND[=VALUE][+retry-after=N][:once|:N][@/path/prefix], e.g. "status=503+retry-after=2:once@/specter".
// Kinds: delay=200ms, hang, reset, malformed-json, wrong-types, huge-body, html-error, status=NNN,
// retry-after=N (a 429 with Retry-After), redirect-other-host, empty-200.
struct SandboxFault
{
    enum class Kind {
        Delay, // answer normally after delayMs
        Hang, // never answer
        Reset, // close the connection in the middle of the body
        MalformedJson, // 200 with a cut-off JSON document
        WrongTypes, // the real answer with every JSON value replaced by one of another type
        HugeBody, // 200 with a 50 MiB JSON body
        HtmlError, // 502 with an HTML error page, as a proxy would send it
        Status, // the given HTTP status with a JSON error body (Retry-After when retryAfterSeconds is set)
        RedirectOtherHost, // 302 to another origin
        Empty200, // 200 with an empty body
    };

    Kind kind = Kind::Status;
    int status = 0;
    int delayMs = 0;
    std::optional<int> retryAfterSeconds;
    QString pathPrefix; // empty: every request (the /_sandbox/ control routes are never faulted)
    int remaining = -1; // -1: unlimited

    // Whether the fault needs the connection itself (HttpServerAdapter), not just a response.
    bool isSocketFault() const { return kind == Kind::Delay || kind == Kind::Hang || kind == Kind::Reset; }
    QString toString() const;

    static constexpr qsizetype HugeBodyBytes = 50 * 1024 * 1024;
};

// What the HTTP adapter must do with one request: write `response`, possibly late, never, or cut off.
struct SandboxReply
{
    enum class Action { Respond, Delay, Hang, Reset };
    SandboxResponse response;
    Action action = Action::Respond;
    int delayMs = 0;
};

// The list of active faults of a sandbox. Not thread-safe (the sandbox runs on one thread).
class FaultInjector
{
public:
    // Parses one fault ("status=503:once@/specter"); nullopt and *error set when the text is not valid.
    static std::optional<SandboxFault> parse(const QString &text, QString *error = nullptr);
    // Parses a comma-separated list and adds every fault; adds nothing and returns false on any error.
    bool addFromSpec(const QString &spec, QString *error = nullptr);

    void add(const SandboxFault &fault) { m_faults.append(fault); }
    void clear() { m_faults.clear(); }
    bool isEmpty() const { return m_faults.isEmpty(); }
    QList<SandboxFault> faults() const { return m_faults; }

    // The first fault that applies to `path`, counting it as used; nullopt when none applies.
    std::optional<SandboxFault> take(const QString &path);

    // Applies a response-level fault to a request; `normal` computes the real answer when the fault needs it.
    static SandboxResponse faultResponse(
        const SandboxFault &fault, const SandboxRequest &request, const std::function<SandboxResponse()> &normal);

private:
    QList<SandboxFault> m_faults;
};
