#include "CliApplication.h"

#include "core/Async.h"
#include "core/ProcessHardening.h"
#ifdef Q_OS_MACOS
#include <QGuiApplication>
using CliQtApplication = QGuiApplication; // QtKeychain needs a GUI application on macOS
#else
#include <QCoreApplication>
using CliQtApplication = QCoreApplication;
#endif

#include <QFuture>
#include <QMetaObject>

int main(int argc, char *argv[])
{
    // Before anything holds a secret: no core dumps in release builds (core/ProcessHardening.h).
    ProcessHardening::hardenProcess();
#ifdef Q_OS_MACOS
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
#endif
    CliQtApplication app(argc, argv);
    CliQtApplication::setApplicationName(QStringLiteral("TokenDesk"));
    CliQtApplication::setOrganizationName(QStringLiteral("TokenDesk"));
    CliQtApplication::setApplicationVersion(QStringLiteral(TOKENDESK_VERSION));

    CliApplication cli;
    QFuture<int> result = cli.run(CliQtApplication::arguments().mid(1));
    if (result.isFinished())
        return result.isCanceled() ? 1 : result.result();
    // Run the event loop until the command's future finishes; exit() is queued so it lands inside exec().
    Async::then(result, &app, [](int code) {
        QMetaObject::invokeMethod(
            qApp, [code] { QCoreApplication::exit(code); }, Qt::QueuedConnection);
    }).onCanceled(&app, [] {
        QMetaObject::invokeMethod(
            qApp, [] { QCoreApplication::exit(1); }, Qt::QueuedConnection);
    });
    return app.exec();
}
