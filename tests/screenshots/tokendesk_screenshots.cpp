// tokendesk_screenshots: saves the README screenshots, run by scripts/screenshots (in Xvfb). Opens the window on
// what `tokendesk --sandbox` opens on (SandboxDemo: every demo account with its tokens) at 1024×700, the size the
// README's pictures promise to read at, and writes main-window.png, create-dialog.png, mfa-dialog.png and
// all-accounts.png into the folder given as the first argument. A picture of an empty table fails the run.
#include "AllAccountsView.h"
#include "AppTranslators.h"
#include "CreateTokenDialog.h"
#include "MainWindow.h"
#include "MfaDialog.h"
#include "SandboxDemo.h"

#include "AccountController.h"

#include "core/Async.h"
#include "items/TokenListModel.h"
#include "providers/TokenProvider.h"
#include "tokens/TokenTableView.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QPixmap>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QTimer>

#include <cstdio>
#include <optional>

namespace {

const QSize WindowSize(1024, 700);

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

bool showsRows(const QAbstractItemView *view, const char *picture)
{
    if (view->model() && view->model()->rowCount() > 0)
        return true;
    std::fprintf(stderr, "tokendesk_screenshots: %s would show an empty table\n", picture);
    return false;
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("TokenDesk"));
    AppTranslators::install(app, QLocale(QLocale::English, QLocale::UnitedStates)); // "5 tokens", as the app says
    const QStringList args = QApplication::arguments();
    if (args.size() < 2) {
        std::fprintf(stderr, "usage: tokendesk_screenshots OUTPUT_DIR\n");
        return 2;
    }
    const QString outDir = args.at(1);
    QDir().mkpath(outDir);

    SandboxDemo demo;
    QString error;
    if (!demo.start(&error)) {
        std::fprintf(stderr, "tokendesk_screenshots: %s\n", qPrintable(error));
        return 1;
    }
    AccountController *controller = demo.controller();
    QFuture<Result<Done>> seeded = demo.seedAccounts();
    if (!QTest::qWaitFor([&seeded] { return seeded.isFinished(); }, 60000) || seeded.resultCount() == 0
        || !seeded.result().ok()) {
        std::fprintf(stderr, "tokendesk_screenshots: the demo accounts were not seeded\n");
        return 1;
    }
    std::optional<Account> specter;
    std::optional<Account> mfaUser;
    for (const Account &account : demo.accounts()) {
        if (!specter && account.providerId == QLatin1String("specter"))
            specter = account;
        if (!mfaUser && !controller->demoTotpSecret(account.id).isEmpty())
            mfaUser = account;
    }
    if (!specter) {
        std::fprintf(stderr, "tokendesk_screenshots: no Specter demo account\n");
        return 1;
    }

    MainWindow window(controller);
    window.setSandboxMode(true);
    window.resize(WindowSize);
    window.show();
    if (!QTest::qWaitForWindowExposed(&window))
        return 1;

    // 1. The main window on the Specter demo account.
    QSignalSpy refreshed(&window, &MainWindow::refreshed);
    window.selectAccount(specter->id);
    window.refresh();
    if (!QTest::qWaitFor([&] { return !refreshed.isEmpty() && window.tokenView()->model()->rowCount() > 0; }, 15000))
        std::fprintf(stderr, "tokendesk_screenshots: timed out waiting for the Specter tokens\n");
    bool ok =
        showsRows(window.tokenView(), "main-window.png") && save(&window, outDir, QStringLiteral("main-window.png"));

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
            std::fprintf(stderr, "tokendesk_screenshots: timed out waiting for the create dialog\n");
        ok = ok && grabbed;
    } else {
        std::fprintf(stderr, "tokendesk_screenshots: New Token is not available\n");
        ok = false;
    }

    // 3. The MFA dialog as the MFA demo user meets it: the sandbox shows the current code.
    {
        MfaChallenge challenge;
        challenge.vendor = QStringLiteral("google");
        challenge.type = QStringLiteral("authenticator");
        MfaDialog mfa(challenge, &window);
        if (mfaUser)
            mfa.setSandboxSeed(controller->demoTotpSecret(mfaUser->id));
        mfa.show();
        if (QTest::qWaitForWindowExposed(&mfa))
            ok = save(&mfa, outDir, QStringLiteral("mfa-dialog.png")) && ok;
    }

    // 4. All accounts, once every account has answered.
    AllAccountsView *all = window.allAccountsView();
    QSignalSpy done(all, &AllAccountsView::allRefreshed);
    window.showAllAccounts();
    all->refreshAll();
    if (!QTest::qWaitFor([&] { return !done.isEmpty(); }, 20000))
        std::fprintf(stderr, "tokendesk_screenshots: timed out waiting for All accounts\n");
    ok = showsRows(all->table(), "all-accounts.png") && save(&window, outDir, QStringLiteral("all-accounts.png")) && ok;
    return ok ? 0 : 1;
}
