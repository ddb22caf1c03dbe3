#pragma once

#include <QByteArray>
#include <QString>

// Process-wide hardening against secrets ending up on disk through the operating system, and helpers to wipe
// secret buffers before they are released. The one place with platform-specific code for it.
//
// Core dumps: a core file of tokendesk or tokendesk-cli would hold every password, API key and token value
// the process had in memory. hardenProcess() (called first thing in both mains) turns them off:
//  - Linux: setrlimit(RLIMIT_CORE, 0) and prctl(PR_SET_DUMPABLE, 0) (the latter also stops other processes of
//    the same user from ptrace-attaching and from reading /proc/<pid>/mem);
//  - other Unix (macOS, BSD): setrlimit(RLIMIT_CORE, 0);
//  - Windows: nothing. Windows Error Reporting writes dumps only when LocalDumps is configured in the registry
//    (an administrator's choice); there is no per-process switch comparable to RLIMIT_CORE.
// It does nothing in Debug builds (developers want their cores) or when TOKENDESK_ALLOW_CORE_DUMPS=1.
namespace ProcessHardening {

enum class Outcome {
    Applied, // core dumps are off now
    SkippedDebugBuild,
    SkippedByEnvironment, // TOKENDESK_ALLOW_CORE_DUMPS=1
    NotSupported, // no mechanism on this platform (Windows)
    Failed, // the system call failed (logged)
};

// The decision hardenProcess() makes, separated so tests can check it in any build type.
bool shouldDisableCoreDumps(bool debugBuild, const QByteArray &allowCoreDumpsValue);
bool isDebugBuild();

// Applies the policy above: disableCoreDumps() unless a Debug build or TOKENDESK_ALLOW_CORE_DUMPS=1.
Outcome hardenProcess();
// Unconditionally turns core dumps off for this process (soft and hard limit 0, not dumpable).
Outcome disableCoreDumps();
// True when this process cannot write a core file (RLIMIT_CORE soft limit 0); false where unknown (Windows).
bool coreDumpsDisabled();

// Overwrites a secret's characters before the buffer is released. Qt containers are implicitly shared: the
// buffer is only overwritten when this is the last reference (otherwise another owner still needs the text,
// and wiping would change it under them), so callers should wipe the copy they own last. Copies Qt made
// internally (QLineEdit's undo stack, QNetworkAccessManager's request headers, QJsonDocument parse trees,
// QSettings caches) are out of reach and not wiped.
// overwrite() fills the buffer with zeros in place and returns true, or returns false (and leaves it alone)
// when the buffer is shared or not owned (fromRawData); wipe() overwrites when it can, then empties.
bool overwrite(QByteArray &secret);
bool overwrite(QString &secret);
void wipe(QByteArray &secret);
void wipe(QString &secret);

} // namespace ProcessHardening
