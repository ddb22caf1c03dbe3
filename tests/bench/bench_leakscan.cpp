// Leak scan throughput over a generated tree (tests/support/LeakTree.h: 10,000 text files, 3 planted tokens,
// 50 look-alikes), for tests/bench/run, which times `grep -rE` of the same candidate pattern over the same tree
// in the same run.
//   bench_leakscan generate DIR   writes the tree
//   bench_leakscan scan DIR       scans it; prints "ms files bytes hits" on one line
//   bench_leakscan pattern        prints the extended regular expression grep is given
#include "LeakTree.h"

#include "core/TokenFingerprint.h"
#include "workflows/LeakScanner.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTextStream>

#include <cstdio>

namespace {
const QByteArray Key = "bench fingerprint key, 32 bytes!";

QStringList plantedValues()
{
    QRandomGenerator random(7);
    return {QString::fromLatin1(LeakTree::fakeJwt(random)),
        QStringLiteral("appsk_") + QString::fromLatin1(LeakTree::base64Url(random, 32)),
        QString::fromLatin1(LeakTree::fakeJwt(random))};
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments().mid(1);
    QTextStream out(stdout);
    if (args.value(0) == QLatin1String("pattern")) {
        out << "eyJ[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*|(appsk_|testsk_|sk_|ns[srdu]_)[A-Za-z0-9_.-]+"
               "|ghp_|github_pat_|glpat-|hvs\\.\n";
        return 0;
    }
    if (args.size() != 2) {
        std::fputs("usage: bench_leakscan generate|scan DIR, or bench_leakscan pattern\n", stderr);
        return 2;
    }
    const QString dir = args.at(1);
    if (args.first() == QLatin1String("generate")) {
        LeakTree tree;
        return tree.generate(dir, plantedValues()) ? 0 : 1;
    }
    QList<FingerprintRecord> known;
    for (const QString &value : plantedValues()) {
        FingerprintRecord record;
        record.mac = TokenFingerprint::of(Key, value).mac;
        known.append(record);
    }
    LeakScanner scanner(Key, known);
    QElapsedTimer timer;
    timer.start();
    scanner.scan({dir});
    const qint64 ms = timer.elapsed();
    int own = 0;
    for (const LeakHit &hit : scanner.hits())
        own += hit.kind == LeakHit::Kind::TokenDesk ? 1 : 0;
    out << ms << ' ' << scanner.stats().files << ' ' << scanner.stats().bytes << ' ' << own << '\n';
    return own == 3 ? 0 : 1;
}
