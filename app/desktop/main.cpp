// tokendesk: the GUI. `tokendesk --sandbox` runs it on the embedded sandbox (SandboxDemo): demo accounts with tokens,
// in a throw-away config directory and with secrets in memory only.
#include "AccountController.h"
#include "AppTranslators.h"
#include "FirstPaintExit.h"
#include "Icons.h"
#include "MainWindow.h"

#include "SandboxDemo.h"
#include "SandboxServer.h"

#include "core/ProcessHardening.h"
#include "store/AccountStore.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QLocale>
#include <QLoggingCategory>

#include <cstdio>
#include <memory>

Q_LOGGING_CATEGORY(lcDesktop, "tokendesk.app")

namespace {

struct Options
{
    QCommandLineOption sandbox;
    QCommandLineOption config;
    QCommandLineOption lang;
};

// The one definition of the command line, shared by the --help/--version path and the GUI path.
Options addOptions(QCommandLineParser &parser)
{
    parser.setApplicationDescription(
        QCoreApplication::translate("main", "Issue, audit and revoke API tokens across services."));
    parser.addHelpOption();
    parser.addVersionOption();
    Options options {QCommandLineOption(QStringLiteral("sandbox"),
                         QCoreApplication::translate(
                             "main", "Start on the built-in sandbox with demo accounts (nothing is saved).")),
        QCommandLineOption(QStringLiteral("config"),
            QCoreApplication::translate(
                "main", "Use DIR for settings, accounts and the local database (also TOKENDESK_CONFIG_DIR)."),
            QStringLiteral("DIR")),
        QCommandLineOption(QStringLiteral("lang"),
            QCoreApplication::translate("main", "Use the language LANG (e.g. de, en) instead of the system's."),
            QStringLiteral("LANG"))};
    parser.addOption(options.sandbox);
    parser.addOption(options.config);
    parser.addOption(options.lang);
    return options;
}

// --help and --version answer without a display: they run under a QCoreApplication, so an installed
// tokendesk can say its version on a headless machine.
bool onlyAsksForHelpOrVersion(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i) {
        const QByteArray arg(argv[i]);
        if (arg == "--help" || arg == "-h" || arg == "--help-all" || arg == "--version" || arg == "-v")
            return true;
    }
    return false;
}

void setApplicationFacts()
{
    QCoreApplication::setApplicationName(QStringLiteral("TokenDesk"));
    QCoreApplication::setOrganizationName(QStringLiteral("TokenDesk"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TOKENDESK_VERSION));
}

// --lang (or the system locale) picks the translation (AppTranslators).
void installTranslators(QCoreApplication &app, const QString &langOverride)
{
    const QLocale locale = langOverride.isEmpty() ? QLocale::system() : QLocale(langOverride);
    if (!langOverride.isEmpty())
        QLocale::setDefault(locale);
    if (!AppTranslators::install(app, locale))
        qCDebug(lcDesktop) << "no translation for" << locale.name();
}

} // namespace

int main(int argc, char *argv[])
{
    // Before anything holds a secret: no core dumps in release builds (core/ProcessHardening.h).
    ProcessHardening::hardenProcess();
    if (onlyAsksForHelpOrVersion(argc, argv)) {
        QCoreApplication core(argc, argv);
        setApplicationFacts();
        QCommandLineParser parser;
        addOptions(parser);
        parser.process(core); // prints and exits
        return 0;
    }

    QApplication app(argc, argv);
    setApplicationFacts();
    QApplication::setDesktopFileName(QStringLiteral(TOKENDESK_APP_ID));
    QApplication::setWindowIcon(Icons::app());

    QCommandLineParser parser;
    const Options options = addOptions(parser);
    parser.process(app);
    installTranslators(app, parser.value(options.lang));

    std::unique_ptr<SandboxDemo> sandbox;
    std::unique_ptr<AccountController> ownController;
    AccountController *controller = nullptr;

    if (parser.isSet(options.sandbox)) {
        sandbox = std::make_unique<SandboxDemo>();
        QString error;
        if (!sandbox->start(&error)) {
            std::fprintf(stderr, "tokendesk: %s\n", qPrintable(error));
            return 1;
        }
        controller = sandbox->controller();
        // Tokens in every demo account, made in the background: the window shows them as they arrive.
        sandbox->seedAccounts();
        qCInfo(lcDesktop) << "sandbox at" << sandbox->server()->url().toString() << "with" << sandbox->accounts().size()
                          << "demo accounts";
    } else {
        const QString configDir = AccountStore::resolveConfigDir(parser.value(options.config));
        ownController = std::make_unique<AccountController>(configDir);
        controller = ownController.get();
        if (!controller->load())
            qCWarning(lcDesktop) << "accounts file:" << controller->lastError();
    }

    MainWindow window(controller, MainWindow::Start::AfterFirstPaint);
    window.setSandboxMode(sandbox != nullptr);
    FirstPaintExit firstPaintExit;
    if (qEnvironmentVariableIsSet("TOKENDESK_EXIT_ON_FIRST_PAINT"))
        window.installEventFilter(&firstPaintExit);
    window.open();
    const int code = app.exec();
    return code;
}
