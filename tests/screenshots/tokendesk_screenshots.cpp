// tokendesk_screenshots: saves the README screenshots, run by scripts/screenshots. Starts the GUI
// pieces offscreen on the in-process sandbox (seeded tokens, a fixed clock for the app and the sandbox, a fixed
// window size) and writes main-window.png, create-dialog.png, mfa-dialog.png and all-accounts.png into the
// folder given as the first argument.
#include "AccountController.h"
#include "AllAccountsView.h"
#include "CreateTokenDialog.h"
#include "MainWindow.h"
#include "MfaDialog.h"

#include "BuiltinEmulators.h"
#include "SandboxServer.h"

#include "core/Clock.h"
#include "core/UtcTime.h"
#include "providers/TokenProvider.h"
#include "store/SecretStore.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QPixmap>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <cstdio>
#include <optional>

namespace {

const QSize kWindowSize(1180, 720);

bool save(QWidget *widget, const QString &dir, const QString &name)
{
    // Let queued layouts, item-view updates and repaints settle before the grab.
    QTest::qWait(300);
    const QString path = QDir(dir).filePath(name);
    if (!widget->grab().save(path)) {
        std::fprintf(stderr, "tokendesk_screenshots: cannot write %s\n", qPrintable(path));
        return false;
    }
    std::printf("wrote %s\n", qPrintable(path));
    return true;
}

template<typename T> T *findTopLevel()
{
    const QList<QWidget *> widgets = QApplication::topLevelWidgets();
    for (QWidget *w : widgets) {
        if (auto *match = qobject_cast<T *>(w); match && w->isVisible())
            return match;
    }
    return nullptr;
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("TokenDesk"));
    const QStringList args = QApplication::arguments();
    if (args.size() < 2) {
        std::fprintf(stderr, "usage: tokendesk_screenshots OUTPUT_DIR\n");
        return 2;
    }
    const QString outDir = args.at(1);
    QDir().mkpath(outDir);

    // The same instant for the app and the sandbox: remaining lives and "created" columns are the same each run.
    TestClock clock(UtcTime::dateTime(QDate(2026, 3, 2), QTime(9, 30)));
    SandboxServer sandbox;
    registerBuiltinEmulators(sandbox, {.magicbellJwtRoutes = true});
    sandbox.setClock([&clock] { return clock.now(); });
    if (!sandbox.listen()) {
        std::fprintf(stderr, "tokendesk_screenshots: the sandbox cannot listen\n");
        return 1;
    }
    sandbox.seedTokens(6);

    QTemporaryDir config;
    AccountController controller(config.path(), SecretStore::createMemoryOnly());
    controller.secretStore()->setParent(&controller);
    controller.setClock(&clock);
    controller.load();
    const QList<Account> demo = controller.addDemoAccounts(sandbox.readyInfo());
    std::optional<Account> specter;
    for (const Account &account : demo) {
        if (account.providerId == QLatin1String("specter"))
            specter = account;
    }
    if (!specter) {
        std::fprintf(stderr, "tokendesk_screenshots: no Specter demo account\n");
        return 1;
    }

    MainWindow window(&controller);
    window.setSandboxMode(true);
    window.resize(kWindowSize);
    window.show();
    if (!QTest::qWaitForWindowExposed(&window))
        return 1;

    // 1. The main window on the Specter demo account.
    QSignalSpy refreshed(&window, &MainWindow::refreshed);
    window.selectAccount(specter->id);
    window.refresh();
    if (!QTest::qWaitFor([&] { return !refreshed.isEmpty(); }, 15000))
        std::fprintf(stderr, "tokendesk_screenshots: timed out waiting\n");
    bool ok = save(&window, outDir, QStringLiteral("main-window.png"));

    // 2. The create dialog, opened the way a user does (New Token…), grabbed while it is up.
    if (QAction *newToken = window.findChild<QAction *>(QStringLiteral("actionNewToken"));
        newToken && newToken->isEnabled()) {
        bool grabbed = false;
        QTimer poll;
        QObject::connect(&poll, &QTimer::timeout, &poll, [&] {
            if (auto *dialog = findTopLevel<CreateTokenDialog>()) {
                poll.stop();
                grabbed = save(dialog, outDir, QStringLiteral("create-dialog.png"));
                dialog->reject();
            }
        });
        poll.start(50);
        newToken->trigger();
        if (!QTest::qWaitFor([&] { return !poll.isActive(); }, 10000))
            std::fprintf(stderr, "tokendesk_screenshots: timed out waiting\n");
        ok = ok && grabbed;
    } else {
        std::fprintf(stderr, "tokendesk_screenshots: New Token is not available; create-dialog.png skipped\n");
    }

    // 3. The MFA dialog as NetSapiens asks for it.
    {
        MfaChallenge challenge;
        challenge.vendor = QStringLiteral("google");
        challenge.type = QStringLiteral("authenticator");
        MfaDialog mfa(challenge, &window);
        mfa.show();
        if (QTest::qWaitForWindowExposed(&mfa))
            ok = save(&mfa, outDir, QStringLiteral("mfa-dialog.png")) && ok;
    }

    // 4. The all-accounts view, once every account has answered (one of them may fail: that shows too).
    if (AllAccountsView *all = window.allAccountsView()) {
        QSignalSpy done(all, &AllAccountsView::allRefreshed);
        window.showAllAccounts();
        all->refreshAll();
        if (!QTest::qWaitFor([&] { return !done.isEmpty(); }, 20000))
            std::fprintf(stderr, "tokendesk_screenshots: timed out waiting\n");
        ok = save(&window, outDir, QStringLiteral("all-accounts.png")) && ok;
    } else {
        std::printf("the all-accounts view is not in this build; all-accounts.png skipped\n");
    }
    return ok ? 0 : 1;
}
