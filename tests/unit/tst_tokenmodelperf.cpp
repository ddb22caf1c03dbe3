// The behaviour behind the performance figures (docs/performance.md): a tick announces only the visible rows when asked
// to, re-checks statuses from a schedule (and still sees every change, also after a wall-clock jump or a change of
// rows), and the filter model's typed fast paths give the same answers as the SortRole / SearchTextRole values.
#include "core/Clock.h"
#include "items/TokenFilterModel.h"
#include "items/TokenListModel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QTest>

#include <memory>

namespace {

const QUuid AccountA = QUuid::fromString(QStringLiteral("{00000000-0000-0000-0000-00000000000a}"));

Token makeToken(int i, const Clock &clock)
{
    Token t;
    t.id = QStringLiteral("id-%1").arg(i);
    t.label = QStringLiteral("Token %1").arg(i);
    t.kind = i % 2 ? QStringLiteral("token") : QStringLiteral("project");
    t.subject = i % 3 ? QStringLiteral("admin") : QStringLiteral("Hana@example.com");
    t.accountId = AccountA;
    t.created = clock.now().addSecs(-3600 + i);
    // Every third: a server-reported remaining life; every fifth: never expires; the rest: absolute expiry.
    if (i % 5 == 4)
        return t;
    if (i % 3 == 0)
        t.setRemainingLife(double(100 + (i * 37) % 500), clock);
    else
        t.expires = clock.now().addSecs(50 + (i * 53) % 700);
    return t;
}

QList<Token> makeTokens(int count, const Clock &clock)
{
    QList<Token> tokens;
    for (int i = 0; i < count; ++i)
        tokens.append(makeToken(i, clock));
    return tokens;
}

QList<int> statusesOf(const TokenListModel &model)
{
    QList<int> out;
    for (int row = 0; row < model.rowCount(); ++row)
        out.append(model.index(row, TokenListModel::Status).data(TokenListModel::StatusRole).toInt());
    return out;
}

} // namespace

class TstTokenModelPerf : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();

    void tickAnnouncesOnlyVisibleRows();
    void tickedIsEmittedEvenWithoutRows();
    void scheduledStatusesMatchAFullRecheck();
    void wallClockJumpRechecksEveryRow();
    void upsertIsRescheduled();
    void fastTextFilterMatchesSearchText_data();
    void fastTextFilterMatchesSearchText();
    void fastSortMatchesSortRole_data();
    void fastSortMatchesSortRole();

private:
    std::unique_ptr<TestClock> m_clock;
    std::unique_ptr<TokenListModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void TstTokenModelPerf::init()
{
    m_clock = std::make_unique<TestClock>();
    m_model = std::make_unique<TokenListModel>(m_clock.get());
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_model->setExpiringSoonSeconds(60);
    m_model->setTokens(makeTokens(40, *m_clock));
}

void TstTokenModelPerf::cleanup()
{
    m_tester.reset();
    m_model.reset();
    m_clock.reset();
}

void TstTokenModelPerf::tickAnnouncesOnlyVisibleRows()
{
    m_model->tick(); // settle the statuses first
    m_model->setVisibleRowsProvider([] { return QList<int> {7, 3, 4, 5, 99, -1, 4, 12}; });
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    m_clock->advanceSeconds(1);
    m_model->tick();
    QList<std::pair<int, int>> lifeRuns;
    for (const auto &args : std::as_const(changed)) {
        const QModelIndex topLeft = args.at(0).toModelIndex();
        const QModelIndex bottomRight = args.at(1).toModelIndex();
        if (topLeft.column() == TokenListModel::RemainingLife) {
            QCOMPARE(bottomRight.column(), int(TokenListModel::RemainingLife));
            lifeRuns.append({topLeft.row(), bottomRight.row()});
        }
    }
    // Sorted, duplicates and out-of-range rows dropped, one cell per signal.
    const QList<std::pair<int, int>> expected {{3, 3}, {4, 4}, {5, 5}, {7, 7}, {12, 12}};
    QCOMPARE(lifeRuns, expected);

    // No visible rows (hidden view): no remaining-life signal at all.
    m_model->setVisibleRowsProvider([] { return QList<int>(); });
    changed.clear();
    m_clock->advanceSeconds(1);
    m_model->tick();
    for (const auto &args : std::as_const(changed))
        QVERIFY(args.at(0).toModelIndex().column() != TokenListModel::RemainingLife);

    // Without a provider: the whole column again.
    m_model->setVisibleRowsProvider({});
    changed.clear();
    m_clock->advanceSeconds(1);
    m_model->tick();
    QVERIFY(!changed.isEmpty());
    QCOMPARE(changed.first().at(0).toModelIndex().row(), 0);
    QCOMPARE(changed.first().at(1).toModelIndex().row(), m_model->rowCount() - 1);
}

void TstTokenModelPerf::tickedIsEmittedEvenWithoutRows()
{
    QSignalSpy ticked(m_model.get(), &TokenListModel::ticked);
    m_model->tick();
    m_model->clear();
    m_model->tick();
    QCOMPARE(ticked.size(), 2);
}

void TstTokenModelPerf::scheduledStatusesMatchAFullRecheck()
{
    // Walking the clock across every threshold, the status signals of each tick cover exactly the rows whose
    // status (computed afresh by data()) changed: the schedule misses none and announces no extra row.
    m_model->tick();
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    int statusChanges = 0;
    for (int second = 0; second < 800; second += 7) {
        const QList<int> before = statusesOf(*m_model);
        m_clock->advanceSeconds(7);
        changed.clear();
        m_model->tick();
        QSet<int> signalled;
        for (const auto &args : std::as_const(changed)) {
            if (args.at(0).toModelIndex().column() != TokenListModel::Status)
                continue;
            for (int row = args.at(0).toModelIndex().row(); row <= args.at(1).toModelIndex().row(); ++row)
                signalled.insert(row);
        }
        const QList<int> after = statusesOf(*m_model);
        QSet<int> expected;
        for (int row = 0; row < after.size(); ++row) {
            if (after.at(row) != before.at(row))
                expected.insert(row);
        }
        QCOMPARE(signalled, expected);
        statusChanges += int(expected.size());
    }
    QVERIFY(statusChanges > 20); // the walk crossed many thresholds
}

void TstTokenModelPerf::wallClockJumpRechecksEveryRow()
{
    m_model->tick();
    // Absolute expiry, 103 s left of about an hour: expiring, not due to expire for 103 s.
    const int row = m_model->rowOf(AccountA, QStringLiteral("id-1"));
    QCOMPARE(m_model->index(row, 0).data(TokenListModel::StatusRole).toInt(), int(Token::Status::Expiring));
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    m_clock->setNow(m_clock->now().addSecs(3600)); // wall clock only: the monotonic clock did not move
    m_model->tick();
    QCOMPARE(m_model->index(row, 0).data(TokenListModel::StatusRole).toInt(), int(Token::Status::Expired));
    bool sawRow = false;
    for (const auto &args : std::as_const(changed)) {
        if (args.at(0).toModelIndex().column() == TokenListModel::Status)
            sawRow = sawRow || (args.at(0).toModelIndex().row() <= row && row <= args.at(1).toModelIndex().row());
    }
    QVERIFY(sawRow);
}

void TstTokenModelPerf::upsertIsRescheduled()
{
    m_model->tick();
    Token token = m_model->tokenAt(1);
    token.expires = m_clock->now().addSecs(30); // now expiring, then expired in 30 s
    m_model->upsertToken(token);
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    m_clock->advanceSeconds(31);
    m_model->tick();
    QCOMPARE(m_model->index(1, 0).data(TokenListModel::StatusRole).toInt(), int(Token::Status::Expired));
    bool sawRow = false;
    for (const auto &args : std::as_const(changed)) {
        if (args.at(0).toModelIndex().column() == TokenListModel::Status)
            sawRow = sawRow || (args.at(0).toModelIndex().row() <= 1 && 1 <= args.at(1).toModelIndex().row());
    }
    QVERIFY(sawRow);
}

void TstTokenModelPerf::fastTextFilterMatchesSearchText_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("one word") << QStringLiteral("token 1");
    QTest::newRow("case") << QStringLiteral("HANA");
    QTest::newRow("id") << QStringLiteral("id-3");
    QTest::newRow("kind and subject") << QStringLiteral("project admin");
    QTest::newRow("note") << QStringLiteral("deploy");
    QTest::newRow("no match") << QStringLiteral("zzz");
    QTest::newRow("spaces") << QStringLiteral("  token   2  ");
}

void TstTokenModelPerf::fastTextFilterMatchesSearchText()
{
    QFETCH(QString, text);
    m_model->setNote(AccountA, QStringLiteral("id-5"), QStringLiteral("Deploy key for CI"));
    TokenFilterModel proxy;
    proxy.setSourceModel(m_model.get());
    proxy.setFilterText(text);
    // The same filter through a plain model holding only the SearchTextRole text (no fast path).
    QStandardItemModel plain;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        auto *item = new QStandardItem;
        item->setData(m_model->index(row, 0).data(TokenListModel::SearchTextRole), TokenListModel::SearchTextRole);
        item->setData(m_model->index(row, 0).data(TokenListModel::StatusRole), TokenListModel::StatusRole);
        item->setData(row, Qt::UserRole + 100);
        plain.appendRow(item);
    }
    TokenFilterModel slow;
    slow.setSourceModel(&plain);
    slow.setFilterText(text);
    QSet<int> fast;
    for (int row = 0; row < proxy.rowCount(); ++row)
        fast.insert(proxy.mapToSource(proxy.index(row, 0)).row());
    QSet<int> reference;
    for (int row = 0; row < slow.rowCount(); ++row)
        reference.insert(slow.mapToSource(slow.index(row, 0)).row());
    QCOMPARE(fast, reference);
    if (text != QLatin1String("zzz"))
        QVERIFY(!fast.isEmpty());
}

void TstTokenModelPerf::fastSortMatchesSortRole_data()
{
    QTest::addColumn<int>("column");
    for (const int column : {int(TokenListModel::Name), int(TokenListModel::Kind), int(TokenListModel::Subject),
             int(TokenListModel::Created), int(TokenListModel::Expires), int(TokenListModel::RemainingLife),
             int(TokenListModel::Status)})
        QTest::newRow(qPrintable(QString::number(column))) << column;
}

void TstTokenModelPerf::fastSortMatchesSortRole()
{
    QFETCH(int, column);
    m_model->tick();
    TokenFilterModel proxy;
    proxy.setSourceModel(m_model.get());
    proxy.sort(column, Qt::AscendingOrder);
    QCOMPARE(proxy.rowCount(), m_model->rowCount());
    // Ascending in the SortRole values, as TokenFilterModel compared them before the fast path.
    for (int row = 1; row < proxy.rowCount(); ++row) {
        const QVariant previous = proxy.index(row - 1, column).data(TokenListModel::SortRole);
        const QVariant current = proxy.index(row, column).data(TokenListModel::SortRole);
        QVERIFY2(!m_model
                      ->rowLessThan(proxy.mapToSource(proxy.index(row, column)).row(),
                          proxy.mapToSource(proxy.index(row - 1, column)).row(), column)
                      .value_or(false),
            qPrintable(QStringLiteral("row %1").arg(row)));
        if (previous.typeId() == QMetaType::QString)
            QVERIFY(QString::localeAwareCompare(previous.toString().toCaseFolded(), current.toString().toCaseFolded())
                <= 0);
        else if (previous.typeId() == QMetaType::QDateTime && previous.toDateTime().isValid())
            QVERIFY(previous.toDateTime() <= current.toDateTime());
        else if (previous.typeId() == QMetaType::LongLong)
            QVERIFY(previous.toLongLong() <= current.toLongLong());
        else if (previous.typeId() == QMetaType::Int)
            QVERIFY(previous.toInt() <= current.toInt());
    }
}

QTEST_GUILESS_MAIN(TstTokenModelPerf)
#include "tst_tokenmodelperf.moc"
