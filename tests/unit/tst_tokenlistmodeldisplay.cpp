#include "core/Clock.h"
#include "core/UtcTime.h"
#include "items/TokenListModel.h"

#include <QAbstractItemModelTester>
#include <QLocale>
#include <QSignalSpy>
#include <QTest>

#include <memory>

// The Created / Expires display of TokenListModel under the time preferences: absolute local (the
// default), absolute UTC, relative to the clock (minute resolution, kept current by the tick).
class TstTokenListModelDisplay : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();

    void absoluteLocalIsTheDefault();
    void absoluteUtc();
    void relative();
    void relativeFollowsTheTick();
    void changeAnnouncesOnlyTheTimeColumns();

private:
    QString cell(int row, int column) const
    {
        return m_model->data(m_model->index(row, column), Qt::DisplayRole).toString();
    }

    std::unique_ptr<TestClock> m_clock;
    std::unique_ptr<TokenListModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
    QDateTime m_created;
};

void TstTokenListModelDisplay::init()
{
    m_clock = std::make_unique<TestClock>(UtcTime::dateTime(QDate(2026, 11, 23), QTime(9, 0)));
    m_model = std::make_unique<TokenListModel>(m_clock.get());
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QDateTime now = m_clock->now();
    m_created = now.addSecs(-10);
    const QUuid account = QUuid::createUuid();
    Token soon;
    soon.id = QStringLiteral("t1");
    soon.accountId = account;
    soon.created = m_created;
    soon.expires = now.addSecs(90 * 60 + 30); // 1 h 30 min 30 s
    Token later;
    later.id = QStringLiteral("t2");
    later.accountId = account;
    later.created = now.addSecs(-2 * 3600);
    later.expires = now.addDays(3);
    Token never;
    never.id = QStringLiteral("t3");
    never.accountId = account;
    m_model->setTokens({soon, later, never});
}

void TstTokenListModelDisplay::cleanup()
{
    m_tester.reset();
    m_model.reset();
    m_clock.reset();
}

void TstTokenListModelDisplay::absoluteLocalIsTheDefault()
{
    QCOMPARE(m_model->timeDisplay(), TokenListModel::TimeDisplay::Absolute);
    QCOMPARE(m_model->timeZone(), Qt::LocalTime);
    QCOMPARE(cell(0, TokenListModel::Created), QLocale().toString(m_created.toLocalTime(), QLocale::ShortFormat));
    QCOMPARE(cell(2, TokenListModel::Created), QString());
    QCOMPARE(cell(2, TokenListModel::Expires), QStringLiteral("never"));
}

void TstTokenListModelDisplay::absoluteUtc()
{
    m_model->setTimeDisplay(TokenListModel::TimeDisplay::Absolute, Qt::UTC);
    QCOMPARE(m_model->timeZone(), Qt::UTC);
    QCOMPARE(cell(0, TokenListModel::Created),
        QLocale().toString(m_created.toUTC(), QLocale::ShortFormat) + QStringLiteral(" UTC"));
    QCOMPARE(cell(1, TokenListModel::Expires),
        QLocale().toString(m_clock->now().addDays(3).toUTC(), QLocale::ShortFormat) + QStringLiteral(" UTC"));
    QCOMPARE(cell(2, TokenListModel::Expires), QStringLiteral("never"));
    // Other time specs mean local time.
    m_model->setTimeDisplay(TokenListModel::TimeDisplay::Absolute, Qt::OffsetFromUTC);
    QCOMPARE(m_model->timeZone(), Qt::LocalTime);
    QCOMPARE(cell(0, TokenListModel::Created), QLocale().toString(m_created.toLocalTime(), QLocale::ShortFormat));
}

void TstTokenListModelDisplay::relative()
{
    m_model->setTimeDisplay(TokenListModel::TimeDisplay::Relative, Qt::LocalTime);
    QCOMPARE(cell(0, TokenListModel::Created), QStringLiteral("just now"));
    QCOMPARE(cell(1, TokenListModel::Created), QStringLiteral("2h ago"));
    // Expires stays the date: "in 3d" is what Remaining says.
    QCOMPARE(cell(1, TokenListModel::Expires),
        QLocale().toString(m_clock->now().addDays(3).toLocalTime(), QLocale::ShortFormat));
    QCOMPARE(cell(1, TokenListModel::RemainingLife), QStringLiteral("3d"));
    QCOMPARE(cell(2, TokenListModel::Expires), QStringLiteral("never"));
    // The zone does not change a relative time; the sort key stays the raw time.
    m_model->setTimeDisplay(TokenListModel::TimeDisplay::Relative, Qt::UTC);
    QCOMPARE(cell(1, TokenListModel::Created), QStringLiteral("2h ago"));
    QCOMPARE(m_model->data(m_model->index(1, TokenListModel::Expires), TokenListModel::SortRole).toDateTime(),
        m_clock->now().addDays(3));
}

void TstTokenListModelDisplay::relativeFollowsTheTick()
{
    m_model->setTimeDisplay(TokenListModel::TimeDisplay::Relative, Qt::LocalTime);
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    m_clock->advanceSeconds(2 * 3600);
    m_model->tick();
    QCOMPARE(cell(0, TokenListModel::Created), QStringLiteral("2h ago"));
    QCOMPARE(cell(0, TokenListModel::RemainingLife), QStringLiteral("Expired"));
    bool timeColumnsAnnounced = false;
    for (const QList<QVariant> &args : std::as_const(changed)) {
        const QModelIndex from = args.at(0).toModelIndex();
        const QModelIndex to = args.at(1).toModelIndex();
        if (from.column() <= TokenListModel::Created && to.column() >= TokenListModel::Expires && from.row() == 0)
            timeColumnsAnnounced = true;
    }
    QVERIFY(timeColumnsAnnounced);

    // With a visible-rows provider only the rows on screen are announced.
    m_model->setVisibleRowsProvider([] { return QList<int> {1}; });
    changed.clear();
    m_clock->advanceSeconds(60);
    m_model->tick();
    QSet<int> rows;
    for (const QList<QVariant> &args : std::as_const(changed)) {
        if (args.at(0).toModelIndex().column() == TokenListModel::Created)
            rows.insert(args.at(0).toModelIndex().row());
    }
    QCOMPARE(rows, QSet<int> {1});
}

void TstTokenListModelDisplay::changeAnnouncesOnlyTheTimeColumns()
{
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    m_model->setTimeDisplay(TokenListModel::TimeDisplay::Absolute, Qt::LocalTime); // unchanged: silent
    QCOMPARE(changed.size(), 0);
    m_model->setTimeDisplay(TokenListModel::TimeDisplay::Relative, Qt::LocalTime);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.at(0).at(0).toModelIndex(), m_model->index(0, TokenListModel::Created));
    QCOMPARE(changed.at(0).at(1).toModelIndex(), m_model->index(2, TokenListModel::Expires));

    // Absolute mode: a tick leaves the time columns alone.
    m_model->setTimeDisplay(TokenListModel::TimeDisplay::Absolute, Qt::UTC);
    changed.clear();
    m_clock->advanceSeconds(60);
    m_model->tick();
    for (const QList<QVariant> &args : std::as_const(changed))
        QVERIFY(args.at(0).toModelIndex().column() > TokenListModel::Expires);
}

QTEST_GUILESS_MAIN(TstTokenListModelDisplay)
#include "tst_tokenlistmodeldisplay.moc"
