// P3 and P4 (docs/performance.md) on N tokens (default 100k) in TokenListModel + TokenFilterModel + a QTableView set up
// like MainWindow's (sorted by expiry, RemainingLifeDelegate). One mode per process; prints numbers, one a line:
//   tick [N]        ms per remaining-life tick (tick() plus the event processing and painting it causes), 20x
//   idle [N] [s]    CPU % over s seconds (default 10) with the real 1 Hz timer on the system clock
//   filter [N]      ms per filter keystroke (setFilterText plus event processing), typing "seed token 4711"
//   rss-bare        resident kB of a bare shown QMainWindow
//   rss-loaded [N]  resident kB with N tokens loaded in model + proxy + view, shown
#include "BenchTokens.h"
#include "RemainingLifeDelegate.h"
#include "VisibleRows.h"
#include "core/Clock.h"
#include "items/TokenFilterModel.h"
#include "items/TokenListModel.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QHeaderView>
#include <QMainWindow>
#include <QTableView>
#include <QTimer>

#include <cstdio>
#include <memory>

#ifdef Q_OS_UNIX
#include <sys/resource.h>
#endif

namespace {

qint64 residentKb()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    }
    return -1;
}

double cpuMs()
{
#ifdef Q_OS_UNIX
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    return (double(usage.ru_utime.tv_sec) + double(usage.ru_stime.tv_sec)) * 1000.0
        + (double(usage.ru_utime.tv_usec) + double(usage.ru_stime.tv_usec)) / 1000.0;
#else
    return 0;
#endif
}

void settle()
{
    for (int i = 0; i < 5; ++i)
        QCoreApplication::processEvents();
}

struct Desk
{
    QMainWindow window;
    TokenListModel *model = nullptr;
    TokenFilterModel *proxy = nullptr;
    QTableView *view = nullptr;

    Desk(const Clock *clock, int rows)
    {
        model = new TokenListModel(clock, &window);
        proxy = new TokenFilterModel(&window);
        proxy->setSourceModel(model);
        view = new QTableView(&window);
        view->setModel(proxy);
        view->setSortingEnabled(true);
        view->sortByColumn(TokenListModel::Expires, Qt::AscendingOrder);
        view->setSelectionBehavior(QAbstractItemView::SelectRows);
        view->verticalHeader()->hide();
        view->setItemDelegateForColumn(TokenListModel::RemainingLife, new RemainingLifeDelegate(view));
        model->setVisibleRowsProvider([this] { return visibleSourceRows(view, model); });
        window.setCentralWidget(view);
        window.resize(1200, 800);
        model->setTokens(benchTokens(rows, *clock));
        window.show();
        settle();
    }
};

void printMs(qint64 ns)
{
    std::printf("%.4f\n", double(ns) / 1e6);
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    const QStringList args = app.arguments();
    const QString mode = args.value(1);
    const int rows = args.size() > 2 ? args.at(2).toInt() : 100'000;

    if (mode == QLatin1String("rss-bare")) {
        QMainWindow window;
        window.resize(1200, 800);
        window.show();
        settle();
        std::printf("%lld\n", residentKb());
        return 0;
    }
    if (mode == QLatin1String("rss-loaded")) {
        Desk desk(Clock::system(), rows);
        std::printf("%lld\n", residentKb());
        return 0;
    }
    if (mode == QLatin1String("tick")) {
        TestClock clock(QDateTime::currentDateTimeUtc());
        Desk desk(&clock, rows);
        QElapsedTimer timer;
        for (int i = 0; i < 20; ++i) {
            clock.advanceSeconds(1);
            timer.start();
            desk.model->tick();
            QCoreApplication::processEvents();
            printMs(timer.nsecsElapsed());
        }
        return 0;
    }
    if (mode == QLatin1String("idle")) {
        const int seconds = args.size() > 3 ? args.at(3).toInt() : 10;
        Desk desk(Clock::system(), rows);
        desk.model->setTicking(true);
        settle();
        const double cpuBefore = cpuMs();
        QElapsedTimer wall;
        wall.start();
        QTimer::singleShot(seconds * 1000, &app, &QCoreApplication::quit);
        app.exec();
        std::printf("%.3f\n", 100.0 * (cpuMs() - cpuBefore) / double(wall.elapsed()));
        return 0;
    }
    if (mode == QLatin1String("filter")) {
        TestClock clock(QDateTime::currentDateTimeUtc());
        Desk desk(&clock, rows);
        const QString typed = QStringLiteral("seed token 4711");
        QElapsedTimer timer;
        for (qsizetype i = 1; i <= typed.size(); ++i) {
            timer.start();
            desk.proxy->setFilterText(typed.left(i));
            QCoreApplication::processEvents();
            printMs(timer.nsecsElapsed());
        }
        // And back to the full list, key by key (Backspace).
        for (qsizetype i = typed.size() - 1; i >= 0; --i) {
            timer.start();
            desk.proxy->setFilterText(typed.left(i));
            QCoreApplication::processEvents();
            printMs(timer.nsecsElapsed());
        }
        return 0;
    }
    std::fprintf(stderr, "usage: bench_models tick|idle|filter|rss-bare|rss-loaded [rows] [seconds]\n");
    return 2;
}
