// TokenFilterModel keeps a pre-sorted permutation of the source rows and filters it per keystroke instead of
// re-sorting: these tests hold its order to a full stable sort of the source after every kind of change.
#include "core/Clock.h"
#include "items/TokenFilterModel.h"
#include "items/TokenListModel.h"

#include <QAbstractItemModelTester>
#include <QItemSelectionModel>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>

#include <algorithm>
#include <memory>
#include <numeric>
#include <vector>

namespace {

const QUuid AccountA = QUuid::fromString(QStringLiteral("{00000000-0000-0000-0000-0000000000a1}"));

// Random tokens with many equal keys (few labels, kinds, subjects), both kinds of expiry, no expiry, revoked.
QList<Token> randomTokens(int count, const Clock &clock, quint32 seed, const QString &idPrefix = QStringLiteral("t"))
{
    QRandomGenerator random(seed);
    static const char *const labels[] = {"alpha", "Beta", "gamma deploy", "Delta", "alpha backup", "", "zeta"};
    static const char *const kinds[] = {"project", "user", "token"};
    static const char *const subjects[] = {"alice", "Bob", "carol@example.com", ""};
    QList<Token> tokens;
    const QDateTime now = clock.now();
    for (int i = 0; i < count; ++i) {
        Token token;
        token.id = QStringLiteral("%1-%2").arg(idPrefix).arg(i);
        token.accountId = AccountA;
        token.label = QString::fromLatin1(labels[random.bounded(7)]);
        if (!token.label.isEmpty())
            token.label += QStringLiteral(" %1").arg(random.bounded(5));
        token.kind = QString::fromLatin1(kinds[random.bounded(3)]);
        token.subject = QString::fromLatin1(subjects[random.bounded(4)]);
        if (random.bounded(6) != 0)
            token.created = now.addSecs(-qint64(random.bounded(50)) * 60);
        switch (random.bounded(4)) {
        case 0:
            break; // never expires
        case 1:
            token.setRemainingLife(double(random.bounded(3600)), clock);
            token.lifetimeSeconds = 3600;
            break;
        default:
            token.expires = now.addSecs(qint64(random.bounded(4000)) - 600);
            token.lifetimeSeconds = 7200;
            break;
        }
        if (random.bounded(15) == 0)
            token.revoked = now.addSecs(-10);
        tokens.append(token);
    }
    return tokens;
}

} // namespace

class TstTokenFilterOrder : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();

    void orderMatchesFullSortWhileFiltering_data();
    void orderMatchesFullSortWhileFiltering();
    void orderFollowsSourceChanges_data();
    void orderFollowsSourceChanges();
    void statusChangeMovesRowToItsPlace_data();
    void statusChangeMovesRowToItsPlace();
    void tickDoesNotResort();
    void keystrokeIsOneLayoutChange();
    void sameResultEmitsNothing();
    void selectionSurvivesKeystrokes();
    void sortOrderToggles();

private:
    std::vector<int> proxyRows() const;
    std::vector<int> referenceRows(int column, Qt::SortOrder order) const;
    bool accepted(int row) const;
    void verifyOrder(const char *step);
    bool gone(int row) const;

    std::unique_ptr<TestClock> m_clock;
    std::unique_ptr<TokenListModel> m_source;
    std::unique_ptr<TokenFilterModel> m_proxy;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void TstTokenFilterOrder::init()
{
    m_clock = std::make_unique<TestClock>();
    m_source = std::make_unique<TokenListModel>(m_clock.get());
    m_source->setExpiringSoonSeconds(300);
    m_source->setTokens(randomTokens(150, *m_clock, 20261123));
    m_source->tick();
    m_proxy = std::make_unique<TokenFilterModel>();
    m_proxy->setSourceModel(m_source.get());
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_proxy.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
}

void TstTokenFilterOrder::cleanup()
{
    m_tester.reset();
    m_proxy.reset();
    m_source.reset();
    m_clock.reset();
}

bool TstTokenFilterOrder::gone(int row) const
{
    const Token::Status status = m_source->announcedStatus(row);
    return status == Token::Status::Expired || status == Token::Status::Revoked;
}

std::vector<int> TstTokenFilterOrder::proxyRows() const
{
    std::vector<int> rows;
    for (int row = 0; row < m_proxy->rowCount(); ++row)
        rows.push_back(m_proxy->mapToSource(m_proxy->index(row, 0)).row());
    return rows;
}

bool TstTokenFilterOrder::accepted(int row) const
{
    // Independent of the proxy's fast paths: the SearchTextRole text and StatusRole, as a plain model has them.
    const QModelIndex index = m_source->index(row, 0);
    const auto status = Token::Status(index.data(TokenListModel::StatusRole).toInt());
    switch (m_proxy->statusFilter()) {
    case TokenFilterModel::AllStatuses:
        break;
    case TokenFilterModel::ActiveOnly:
        if (status != Token::Status::Active)
            return false;
        break;
    case TokenFilterModel::ExpiringOnly:
        if (status != Token::Status::Expiring)
            return false;
        break;
    case TokenFilterModel::ExpiredOnly:
        if (status != Token::Status::Expired)
            return false;
        break;
    case TokenFilterModel::RevokedOnly:
        if (status != Token::Status::Revoked)
            return false;
        break;
    case TokenFilterModel::NotExpired:
        if (status != Token::Status::Active && status != Token::Status::Expiring)
            return false;
        break;
    }
    const QString haystack = index.data(TokenListModel::SearchTextRole).toString();
    const QStringList words = m_proxy->filterText().split(u' ', Qt::SkipEmptyParts);
    return std::all_of(words.cbegin(), words.cend(),
        [&haystack](const QString &word) { return haystack.contains(word, Qt::CaseInsensitive); });
}

std::vector<int> TstTokenFilterOrder::referenceRows(int column, Qt::SortOrder order) const
{
    // What a full re-sort gives: a stable sort of the source order, then the filter.
    std::vector<int> rows(size_t(m_source->rowCount()));
    std::iota(rows.begin(), rows.end(), 0);
    if (column >= 0) {
        // The proxy's comparator: a status sort orders on the statuses the model last announced, a remaining-life
        // sort on the expiry (the same order while tokens live, and it does not move as time passes).
        const int key = column == TokenListModel::RemainingLife ? int(TokenListModel::Expires) : column;
        const auto less = [this, column, key](int a, int b) {
            if (column == TokenListModel::Status)
                return int(m_source->announcedStatus(a)) < int(m_source->announcedStatus(b));
            // Remaining life: the tokens that still work first, expired and revoked ones after them.
            if (column == TokenListModel::RemainingLife && gone(a) != gone(b))
                return gone(b);
            return m_source->rowLessThan(a, b, key).value();
        };
        if (order == Qt::AscendingOrder)
            std::stable_sort(rows.begin(), rows.end(), less);
        else
            std::stable_sort(rows.begin(), rows.end(), [&less](int a, int b) { return less(b, a); });
    }
    rows.erase(std::remove_if(rows.begin(), rows.end(), [this](int row) { return !accepted(row); }), rows.end());
    return rows;
}

void TstTokenFilterOrder::verifyOrder(const char *step)
{
    const std::vector<int> expected = referenceRows(m_proxy->sortColumn(), m_proxy->sortOrder());
    const std::vector<int> actual = proxyRows();
    const int column = m_proxy->sortColumn();
    if (column >= 0) {
        // And sorted by what the column shows (remaining life: expired rows tie at zero).
        for (size_t i = 1; i < actual.size(); ++i) {
            const bool ascending = m_proxy->sortOrder() == Qt::AscendingOrder;
            const int previous = actual[i - 1];
            const int current = actual[i];
            if (column == TokenListModel::RemainingLife && gone(previous) != gone(current)) {
                QVERIFY2(gone(ascending ? current : previous),
                    qPrintable(QStringLiteral("%1: a live token after a gone one at proxy row %2")
                                   .arg(QString::fromLatin1(step))
                                   .arg(i)));
                continue;
            }
            QVERIFY2(
                !m_source->rowLessThan(ascending ? current : previous, ascending ? previous : current, column).value(),
                qPrintable(QStringLiteral("%1: proxy row %2 out of order").arg(QString::fromLatin1(step)).arg(i)));
        }
    }
    QVERIFY2(actual == expected,
        qPrintable(QStringLiteral("%1: %2 rows, expected %3 (filter \"%4\")")
                       .arg(QString::fromLatin1(step))
                       .arg(actual.size())
                       .arg(expected.size())
                       .arg(m_proxy->filterText())));
}

namespace {

void addSortColumns()
{
    QTest::addColumn<int>("column");
    QTest::addColumn<Qt::SortOrder>("order");
    for (const int column : {int(TokenListModel::Name), int(TokenListModel::Kind), int(TokenListModel::Subject),
             int(TokenListModel::Created), int(TokenListModel::Expires), int(TokenListModel::RemainingLife),
             int(TokenListModel::Status)}) {
        for (const Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
            const QString name = QStringLiteral("column %1 %2")
                                     .arg(column)
                                     .arg(order == Qt::AscendingOrder ? QStringLiteral("asc") : QStringLiteral("desc"));
            QTest::newRow(qPrintable(name)) << column << order;
        }
    }
}

} // namespace

void TstTokenFilterOrder::orderMatchesFullSortWhileFiltering_data()
{
    addSortColumns();
}

void TstTokenFilterOrder::orderMatchesFullSortWhileFiltering()
{
    QFETCH(int, column);
    QFETCH(Qt::SortOrder, order);
    m_proxy->sort(column, order);
    verifyOrder("sorted");
    // Typing narrows, Backspace widens, a new word replaces, the status filter on top.
    for (const char *text : {"a", "al", "alp", "alpha 3", "alpha", "al", "", "e", "de", "deploy 2", "BOB", "bob a", "",
             "t-1", "t-12", "t-1", "zzz", ""}) {
        m_proxy->setFilterText(QString::fromLatin1(text));
        verifyOrder(text);
    }
    for (const TokenFilterModel::StatusFilter filter : {TokenFilterModel::NotExpired, TokenFilterModel::ActiveOnly,
             TokenFilterModel::ExpiredOnly, TokenFilterModel::RevokedOnly, TokenFilterModel::AllStatuses}) {
        m_proxy->setStatusFilter(filter);
        verifyOrder("status");
        m_proxy->setFilterText(QStringLiteral("a"));
        verifyOrder("status + a");
        m_proxy->setFilterText(QString());
        verifyOrder("status, no text");
    }
}

void TstTokenFilterOrder::orderFollowsSourceChanges_data()
{
    addSortColumns();
}

void TstTokenFilterOrder::orderFollowsSourceChanges()
{
    QFETCH(int, column);
    QFETCH(Qt::SortOrder, order);
    m_proxy->sort(column, order);
    m_proxy->setFilterText(QStringLiteral("a"));
    verifyOrder("filtered");

    // One row replaced (new label, expiry and subject): it moves to its place, or leaves, or comes in.
    const QList<Token> extra = randomTokens(40, *m_clock, 7, QStringLiteral("x"));
    for (int i = 0; i < 6; ++i) {
        Token changed = extra.at(i);
        changed.id = m_source->tokenAt(i * 23).id;
        m_source->upsertToken(changed);
        verifyOrder("upsert existing");
    }
    // New rows, one at a time and as one batch of one account's refresh.
    for (int i = 6; i < 12; ++i) {
        m_source->upsertToken(extra.at(i));
        verifyOrder("upsert new");
    }
    m_source->markRevoked(AccountA, m_source->tokenAt(5).id, m_clock->now());
    verifyOrder("revoked");
    m_source->removeToken(AccountA, m_source->tokenAt(17).id);
    verifyOrder("removed");
    m_source->setNote(AccountA, m_source->tokenAt(3).id, QStringLiteral("zzz note"));
    m_proxy->setFilterText(QStringLiteral("zzz"));
    verifyOrder("note");
    QCOMPARE(m_proxy->rowCount(), 1);
    m_proxy->setFilterText(QStringLiteral("a"));

    // A refresh of the account: half the rows gone, the rest updated, 40 new ones.
    QList<Token> refreshed;
    for (int row = 0; row < m_source->rowCount(); row += 2)
        refreshed.append(m_source->tokenAt(row));
    for (int i = 0; i < 20; ++i)
        refreshed[i * 3].label = QStringLiteral("renamed %1").arg(i);
    refreshed.append(randomTokens(40, *m_clock, 99, QStringLiteral("y")));
    m_source->setTokensForAccount(AccountA, refreshed);
    verifyOrder("refreshed");
    m_source->setTokens(randomTokens(100, *m_clock, 5));
    verifyOrder("reset");
    m_source->clear();
    verifyOrder("cleared");
    QCOMPARE(m_proxy->rowCount(), 0);
}

void TstTokenFilterOrder::statusChangeMovesRowToItsPlace_data()
{
    addSortColumns();
}

void TstTokenFilterOrder::statusChangeMovesRowToItsPlace()
{
    QFETCH(int, column);
    QFETCH(Qt::SortOrder, order);
    m_proxy->sort(column, order);
    verifyOrder("sorted");
    // Tokens become expiring, then expired (their remaining life ties at zero), one tick at a time.
    for (int i = 0; i < 12; ++i) {
        m_clock->advanceSeconds(61);
        m_source->tick();
        verifyOrder("tick");
    }
    m_proxy->setStatusFilter(TokenFilterModel::NotExpired);
    for (int i = 0; i < 6; ++i) {
        m_clock->advanceSeconds(150);
        m_source->tick();
        verifyOrder("tick, not expired");
    }
}

void TstTokenFilterOrder::tickDoesNotResort()
{
    // Far expiries: no status changes in the next minute, so a remaining-life sort must stay as it is.
    QList<Token> tokens = randomTokens(300, *m_clock, 3);
    for (Token &token : tokens) {
        token.revoked.reset();
        if (token.expires)
            token.expires = m_clock->now().addDays(2).addSecs(token.expires->toSecsSinceEpoch() % 5000);
        if (token.expiresAtMonotonicMs)
            *token.expiresAtMonotonicMs += 2 * 86'400'000LL;
    }
    m_source->setTokens(tokens);
    m_source->tick();
    m_proxy->sort(TokenListModel::RemainingLife, Qt::AscendingOrder);
    m_proxy->setFilterText(QStringLiteral("a"));
    const std::vector<int> before = proxyRows();
    QSignalSpy layouts(m_proxy.get(), &QAbstractItemModel::layoutChanged);
    QSignalSpy removed(m_proxy.get(), &QAbstractItemModel::rowsRemoved);
    QSignalSpy inserted(m_proxy.get(), &QAbstractItemModel::rowsInserted);
    QSignalSpy changed(m_proxy.get(), &QAbstractItemModel::dataChanged);
    for (int i = 0; i < 30; ++i) {
        m_clock->advanceSeconds(1);
        m_source->tick();
    }
    QCOMPARE(layouts.count(), 0);
    QCOMPARE(removed.count(), 0);
    QCOMPARE(inserted.count(), 0);
    QVERIFY(changed.count() >= 30); // the remaining-life cells still change
    QVERIFY(proxyRows() == before);
    verifyOrder("after ticks");
}

void TstTokenFilterOrder::keystrokeIsOneLayoutChange()
{
    m_proxy->sort(TokenListModel::Name, Qt::AscendingOrder);
    QSignalSpy layouts(m_proxy.get(), &QAbstractItemModel::layoutChanged);
    QSignalSpy removed(m_proxy.get(), &QAbstractItemModel::rowsRemoved);
    QSignalSpy reset(m_proxy.get(), &QAbstractItemModel::modelReset);
    m_proxy->setFilterText(QStringLiteral("alpha"));
    QCOMPARE(layouts.count(), 1);
    m_proxy->setFilterText(QString());
    QCOMPARE(layouts.count(), 2);
    QCOMPARE(removed.count(), 0);
    QCOMPARE(reset.count(), 0);
    QCOMPARE(m_proxy->rowCount(), m_source->rowCount());
}

void TstTokenFilterOrder::sameResultEmitsNothing()
{
    m_proxy->setFilterText(QStringLiteral("alpha"));
    const int rows = m_proxy->rowCount();
    QVERIFY(rows > 0);
    QSignalSpy layouts(m_proxy.get(), &QAbstractItemModel::layoutChanged);
    m_proxy->setFilterText(QStringLiteral("alpha ")); // same words
    m_proxy->setFilterText(QStringLiteral("ALPHA"));
    QCOMPARE(layouts.count(), 0);
    QCOMPARE(m_proxy->rowCount(), rows);
}

void TstTokenFilterOrder::selectionSurvivesKeystrokes()
{
    m_proxy->sort(TokenListModel::Expires, Qt::DescendingOrder);
    QItemSelectionModel selection(m_proxy.get());
    // The last "alpha" row in the proxy, so it moves up when rows before it are filtered out.
    int proxyRow = -1;
    for (int row = m_proxy->rowCount() - 1; row >= 0 && proxyRow < 0; --row) {
        if (m_proxy->index(row, TokenListModel::Name).data().toString().startsWith(QLatin1String("alpha 1")))
            proxyRow = row;
    }
    QVERIFY(proxyRow > 0);
    const int sourceRow = m_proxy->mapToSource(m_proxy->index(proxyRow, 0)).row();
    selection.setCurrentIndex(
        m_proxy->index(proxyRow, 0), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    const auto selectedSourceRows = [&] {
        QList<int> rows;
        for (const QModelIndex &index : selection.selectedRows())
            rows.append(m_proxy->mapToSource(index).row());
        return rows;
    };

    for (const char *text : {"al", "alpha", "alpha 1", "al", ""}) {
        m_proxy->setFilterText(QString::fromLatin1(text));
        QCOMPARE(selectedSourceRows(), QList<int> {sourceRow});
        QCOMPARE(m_proxy->mapToSource(selection.currentIndex()).row(), sourceRow);
    }
    QVERIFY(m_proxy->mapFromSource(m_source->index(sourceRow, 0)).row() == proxyRow);

    // Filtered out: the selection is gone, and the selection model says so.
    QSignalSpy selectionChanged(&selection, &QItemSelectionModel::selectionChanged);
    m_proxy->setFilterText(QStringLiteral("beta"));
    QVERIFY(selection.selectedRows().isEmpty());
    QVERIFY(selectionChanged.count() >= 1);
    verifyOrder("after selection");
}

void TstTokenFilterOrder::sortOrderToggles()
{
    m_proxy->setFilterText(QStringLiteral("a"));
    QSignalSpy layouts(m_proxy.get(), &QAbstractItemModel::layoutChanged);
    m_proxy->sort(TokenListModel::Subject, Qt::AscendingOrder);
    verifyOrder("asc");
    m_proxy->sort(TokenListModel::Subject, Qt::DescendingOrder);
    verifyOrder("desc");
    QCOMPARE(m_proxy->sortColumn(), int(TokenListModel::Subject));
    QCOMPARE(m_proxy->sortOrder(), Qt::DescendingOrder);
    m_proxy->sort(-1);
    verifyOrder("source order");
    QCOMPARE(layouts.count(), 3);
}

QTEST_MAIN(TstTokenFilterOrder)
#include "tst_tokenfilterorder.moc"
