// P5 (docs/performance.md): refresh N Specter accounts (default 10) on a tokendesk-sandbox, either all at once or one
// after another, each result going into one TokenListModel the way the all-accounts view fills it.
//   bench_refresh concurrent|sequential BASE_URL USER [N]     (the password is read from stdin)
// Prints the wall time in ms, or fails (exit 1) when a refresh fails.
#include "core/Account.h"
#include "core/Async.h"
#include "core/Clock.h"
#include "items/TokenListModel.h"
#include "providers/ProviderRegistry.h"
#include "providers/TokenProvider.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFutureWatcher>
#include <QNetworkAccessManager>
#include <QTextStream>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 4) {
        std::fprintf(stderr, "usage: bench_refresh concurrent|sequential BASE_URL USER [N] <password\n");
        return 2;
    }
    const bool concurrent = args.at(1) == QLatin1String("concurrent");
    const int accounts = args.size() > 4 ? args.at(4).toInt() : 10;
    const QString password = QTextStream(stdin).readLine();

    QNetworkAccessManager network;
    ProviderContext context;
    context.network = &network;
    context.clock = Clock::system();
    QList<TokenProvider *> providers;
    for (int i = 0; i < accounts; ++i) {
        Account account;
        account.id = QUuid::createUuid();
        account.name = QStringLiteral("bench %1").arg(i);
        account.providerId = QStringLiteral("specter");
        account.baseUrl = QUrl(args.at(2));
        account.options.insert(QStringLiteral("username"), args.at(3));
        TokenProvider *provider = ProviderRegistry::instance().create(account, context, &app);
        if (!provider)
            return 1;
        provider->setSecret(QStringLiteral("password"), password);
        providers.append(provider);
    }

    TokenListModel model(Clock::system());
    int pending = 0;
    int failures = 0;
    QEventLoop loop;
    auto start = [&](TokenProvider *provider) {
        ++pending;
        const QUuid accountId = provider->account().id;
        Async::then(provider->listTokens(), &app, [&, accountId](const Result<QList<Token>> &result) {
            if (result.ok())
                model.setTokensForAccount(accountId, result.value());
            else
                ++failures;
            if (--pending == 0)
                loop.quit();
        });
    };

    QElapsedTimer timer;
    timer.start();
    if (concurrent) {
        for (TokenProvider *provider : std::as_const(providers))
            start(provider);
        loop.exec();
    } else {
        for (TokenProvider *provider : std::as_const(providers)) {
            start(provider);
            loop.exec();
        }
    }
    const qint64 elapsed = timer.elapsed();
    if (failures > 0) {
        std::fprintf(stderr, "bench_refresh: %d refreshes failed\n", failures);
        return 1;
    }
    std::printf("%lld\n", elapsed);
    std::fprintf(stderr, "rows: %d\n", model.rowCount());
    return 0;
}
