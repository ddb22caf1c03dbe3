#include "ProcessHardening.h"

#include <QLoggingCategory>
#include <QtGlobal>

#if defined(Q_OS_UNIX)
#include <cerrno>
#include <cstring>
#include <sys/resource.h>
#endif
#if defined(Q_OS_LINUX)
#include <sys/prctl.h>
#endif

Q_LOGGING_CATEGORY(lcHardening, "tokendesk.hardening")

namespace ProcessHardening {

bool isDebugBuild()
{
#ifdef NDEBUG
    return false;
#else
    return true;
#endif
}

bool shouldDisableCoreDumps(bool debugBuild, const QByteArray &allowCoreDumpsValue)
{
    if (allowCoreDumpsValue.trimmed() == "1")
        return false;
    return !debugBuild;
}

Outcome hardenProcess()
{
    if (qgetenv("TOKENDESK_ALLOW_CORE_DUMPS").trimmed() == "1") {
        qCInfo(lcHardening) << "core dumps left on: TOKENDESK_ALLOW_CORE_DUMPS=1";
        return Outcome::SkippedByEnvironment;
    }
    if (!shouldDisableCoreDumps(isDebugBuild(), QByteArray()))
        return Outcome::SkippedDebugBuild;
    return disableCoreDumps();
}

Outcome disableCoreDumps()
{
#if defined(Q_OS_UNIX)
    struct rlimit limit;
    limit.rlim_cur = 0;
    limit.rlim_max = 0;
    if (setrlimit(RLIMIT_CORE, &limit) != 0) {
        qCWarning(lcHardening) << "cannot turn core dumps off (setrlimit):" << std::strerror(errno);
        return Outcome::Failed;
    }
#if defined(Q_OS_LINUX)
    if (prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) != 0) {
        qCWarning(lcHardening) << "cannot mark the process not dumpable (prctl):" << std::strerror(errno);
        return Outcome::Failed;
    }
#endif
    return Outcome::Applied;
#else
    return Outcome::NotSupported;
#endif
}

bool coreDumpsDisabled()
{
#if defined(Q_OS_UNIX)
    struct rlimit limit;
    if (getrlimit(RLIMIT_CORE, &limit) != 0)
        return false;
    return limit.rlim_cur == 0;
#else
    return false;
#endif
}

bool overwrite(QByteArray &secret)
{
    // isDetached() is false for shared and for raw (not owned) data; fill() would detach (copy) those first,
    // overwriting only the fresh copy.
    if (secret.isEmpty() || !secret.isDetached())
        return false;
    secret.fill('\0');
    return true;
}

bool overwrite(QString &secret)
{
    if (secret.isEmpty() || !secret.isDetached())
        return false;
    secret.fill(QChar(u'\0'));
    return true;
}

void wipe(QByteArray &secret)
{
    overwrite(secret);
    secret = QByteArray();
}

void wipe(QString &secret)
{
    overwrite(secret);
    secret = QString();
}

} // namespace ProcessHardening
