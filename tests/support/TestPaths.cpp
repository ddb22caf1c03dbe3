#include "TestPaths.h"

#include <QDir>
#include <QProcessEnvironment>

namespace TestPaths {

QString binaryDir()
{
    return QProcessEnvironment::systemEnvironment().value(QStringLiteral("TOKENDESK_BINARY_DIR"));
}

QString sourceDir()
{
    return QProcessEnvironment::systemEnvironment().value(QStringLiteral("TOKENDESK_SOURCE_DIR"));
}

QString sandboxExecutable()
{
    return QDir(binaryDir()).filePath(QStringLiteral("app/sandbox/tokendesk-sandbox"));
}

QString cliExecutable()
{
    return QDir(binaryDir()).filePath(QStringLiteral("app/cli/tokendesk-cli"));
}

QString desktopExecutable()
{
    return QDir(binaryDir()).filePath(QStringLiteral("app/desktop/tokendesk"));
}

} // namespace TestPaths
