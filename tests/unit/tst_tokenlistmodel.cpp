#include "core/Clock.h"
#include "items/TokenListModel.h"

#include <QAbstractItemModelTester>
#include <QFont>
#include <QSignalSpy>
#include <QTest>

#include <limits>
#include <memory>

namespace {

const QUuid AccountA = QUuid::fromString(QStringLiteral("{00000000-0000-0000-0000-00000000000a}"));
const QUuid AccountB = QUuid::fromString(QStringLiteral("{00000000-0000-0000-0000-00000000000b}"));

Token makeToken(const QString &id, const QString &label, const QUuid &account, const QDateTime &now,
    std::optional<qint64> expiresInSeconds, qint64 ageSeconds = 10)
{
    Token t;
    t.id = id;
    t.label = label;
    t.kind = QStringLiteral("token");
    t.subject = QStringLiteral("subject-") + id;
    t.accountId = account;
    t.created = now.addSecs(-ageSeconds);
    if (expiresInSeconds)
        t.expires = now.addSecs(*expiresInSeconds);
    return t;
}

QSet<int> roleSet(const QVariant &roles)
{
    const QList<int> list = roles.value<QList<int>>();
    return QSet<int>(list.begin(), list.end());
}

} // namespace

class TstTokenListModel : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();

    void headers();
    void displayAndSortValues();
    void rolesAndSearchText();
    void tickChangesOnlyRemainingLifeCells();
    void statusChangeEmittedOnceWhenCrossingExpiry();
    void setTokensForAccountKeepsOtherAccounts();
    void upsertRemoveAndMarkRevoked();
    void expiredAndRevokedStyling();
    void notesAndAccountNames();
    void ticking();
    void expiringSoonThreshold();

private:
    std::unique_ptr<TestClock> m_clock;
    std::unique_ptr<TokenListModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void TstTokenListModel::init()
{
    m_clock = std::make_unique<TestClock>();
    m_model = std::make_unique<TokenListModel>(m_clock.get());
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_model->setExpiringSoonSeconds(60);
    const QDateTime now = m_clock->now();
    // alpha: 100 s left of 110 (active; expiring under 60 s); beta: never expires; gamma: a day left.
    m_model->setTokens({makeToken(QStringLiteral("t1"), QStringLiteral("alpha"), AccountA, now, 100),
        makeToken(QStringLiteral("t2"), QStringLiteral("beta"), AccountA, now, std::nullopt),
        makeToken(QStringLiteral("t3"), QStringLiteral("gamma"), AccountB, now, 86400, 3600)});
}

void TstTokenListModel::cleanup()
{
    m_tester.reset();
    m_model.reset();
    m_clock.reset();
}

void TstTokenListModel::headers()
{
    QCOMPARE(m_model->columnCount(), int(TokenListModel::ColumnCount));
    QCOMPARE(m_model->columnCount(), 10);
    QCOMPARE(m_model->rowCount(), 3);
    QCOMPARE(m_model->headerData(TokenListModel::Name, Qt::Horizontal).toString(), QStringLiteral("Name"));
    QCOMPARE(
        m_model->headerData(TokenListModel::RemainingLife, Qt::Horizontal).toString(), QStringLiteral("Remaining"));
    QCOMPARE(m_model->headerData(TokenListModel::Notes, Qt::Horizontal).toString(), QStringLiteral("Notes"));
}

void TstTokenListModel::displayAndSortValues()
{
    auto cell = [&](int row, int column, int role = Qt::DisplayRole) {
        return m_model->data(m_model->index(row, column), role);
    };
    QCOMPARE(cell(0, TokenListModel::Name).toString(), QStringLiteral("alpha"));
    QCOMPARE(cell(0, TokenListModel::Kind).toString(), QStringLiteral("token"));
    QCOMPARE(cell(0, TokenListModel::Subject).toString(), QStringLiteral("subject-t1"));
    QCOMPARE(cell(0, TokenListModel::RemainingLife).toString(), QStringLiteral("1m 40s"));
    QCOMPARE(cell(1, TokenListModel::RemainingLife).toString(), QStringLiteral("never"));
    QCOMPARE(cell(1, TokenListModel::Expires).toString(), QStringLiteral("never"));
    QCOMPARE(cell(2, TokenListModel::RemainingLife).toString(), QStringLiteral("1d"));
    QCOMPARE(cell(0, TokenListModel::Status).toString(), QStringLiteral("Active"));
    QVERIFY(!cell(0, TokenListModel::Created).toString().isEmpty());

    // Sort keys are raw values; "never" sorts after any real expiry.
    const QVariant remainingA = cell(0, TokenListModel::RemainingLife, TokenListModel::SortRole);
    QCOMPARE(remainingA.typeId(), int(QMetaType::LongLong));
    QCOMPARE(remainingA.toLongLong(), qint64(100000));
    QCOMPARE(cell(1, TokenListModel::RemainingLife, TokenListModel::SortRole).toLongLong(),
        std::numeric_limits<qint64>::max());
    const QVariant expiresB = cell(1, TokenListModel::Expires, TokenListModel::SortRole);
    const QVariant expiresC = cell(2, TokenListModel::Expires, TokenListModel::SortRole);
    QCOMPARE(expiresB.typeId(), int(QMetaType::QDateTime));
    QVERIFY(expiresB.toDateTime() > expiresC.toDateTime());
    QCOMPARE(expiresC.toDateTime(), m_clock->now().addSecs(86400));
    QCOMPARE(cell(0, TokenListModel::Created, TokenListModel::SortRole).toDateTime(), m_clock->now().addSecs(-10));
    QCOMPARE(cell(0, TokenListModel::Status, TokenListModel::SortRole).toInt(), int(Token::Status::Active));
    QVERIFY(!cell(0, TokenListModel::RemainingLife, Qt::ToolTipRole).toString().isEmpty());
}

void TstTokenListModel::rolesAndSearchText()
{
    const QModelIndex a = m_model->index(0, TokenListModel::Name);
    QCOMPARE(a.data(TokenListModel::TokenIdRole).toString(), QStringLiteral("t1"));
    QCOMPARE(a.data(TokenListModel::AccountIdRole).toUuid(), AccountA);
    QCOMPARE(a.data(TokenListModel::StatusRole).toInt(), int(Token::Status::Active));
    QCOMPARE(a.data(TokenListModel::RemainingMsRole).toLongLong(), qint64(100000));
    QVERIFY(qAbs(a.data(TokenListModel::LifeFractionRole).toDouble() - 100.0 / 110.0) < 1e-9);
    const QModelIndex b = m_model->index(1, TokenListModel::Name);
    QVERIFY(!b.data(TokenListModel::RemainingMsRole).isValid());
    QVERIFY(!b.data(TokenListModel::LifeFractionRole).isValid());

    const QString search = a.data(TokenListModel::SearchTextRole).toString();
    for (const char *part : {"alpha", "subject-t1", "t1", "token"})
        QVERIFY2(search.contains(QLatin1String(part)), part);
    QCOMPARE(m_model->tokenAt(2).label, QStringLiteral("gamma"));
    QCOMPARE(m_model->rowOf(AccountB, QStringLiteral("t3")), 2);
    QCOMPARE(m_model->rowOf(AccountA, QStringLiteral("t3")), -1);
}

void TstTokenListModel::tickChangesOnlyRemainingLifeCells()
{
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
    QSignalSpy layout(m_model.get(), &QAbstractItemModel::layoutChanged);
    m_clock->advanceSeconds(1);
    m_model->tick();
    QCOMPARE(changed.size(), 1);
    const auto args = changed.takeFirst();
    const QModelIndex topLeft = args.at(0).toModelIndex();
    const QModelIndex bottomRight = args.at(1).toModelIndex();
    QCOMPARE(topLeft.row(), 0);
    QCOMPARE(topLeft.column(), int(TokenListModel::RemainingLife));
    QCOMPARE(bottomRight.row(), 2);
    QCOMPARE(bottomRight.column(), int(TokenListModel::RemainingLife));
    const QSet<int> expected {
        Qt::DisplayRole, TokenListModel::SortRole, TokenListModel::LifeFractionRole, TokenListModel::RemainingMsRole};
    QCOMPARE(roleSet(args.at(2)), expected);
    QCOMPARE(reset.size(), 0);
    QCOMPARE(layout.size(), 0);
    QCOMPARE(m_model->index(0, TokenListModel::RemainingLife).data().toString(), QStringLiteral("1m 39s"));
}

void TstTokenListModel::statusChangeEmittedOnceWhenCrossingExpiry()
{
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    auto statusSignals = [&] {
        QList<QList<QVariant>> out;
        for (const auto &args : std::as_const(changed)) {
            if (args.at(0).toModelIndex().column() == TokenListModel::Status)
                out.append(args);
        }
        changed.clear();
        return out;
    };

    // Active -> Expiring at 60 s left (40 s in).
    m_clock->advanceSeconds(39);
    m_model->tick();
    QCOMPARE(statusSignals().size(), 0);
    m_clock->advanceSeconds(2);
    m_model->tick();
    auto status = statusSignals();
    QCOMPARE(status.size(), 1);
    QCOMPARE(status.first().at(0).toModelIndex().row(), 0);
    QCOMPARE(status.first().at(1).toModelIndex().row(), 0);
    QCOMPARE(status.first().at(1).toModelIndex().column(), int(TokenListModel::Status));
    QVERIFY(roleSet(status.first().at(2)).contains(TokenListModel::StatusRole));
    QVERIFY(roleSet(status.first().at(2)).contains(Qt::DisplayRole));
    QCOMPARE(m_model->index(0, 0).data(TokenListModel::StatusRole).toInt(), int(Token::Status::Expiring));

    // Crossing expiry: exactly one status signal, then none on later ticks.
    m_clock->advanceSeconds(58);
    m_model->tick();
    QCOMPARE(statusSignals().size(), 0);
    m_clock->advanceSeconds(1);
    m_model->tick();
    status = statusSignals();
    QCOMPARE(status.size(), 1);
    QCOMPARE(status.first().at(0).toModelIndex().row(), 0);
    QCOMPARE(m_model->index(0, TokenListModel::Status).data(TokenListModel::StatusRole).toInt(),
        int(Token::Status::Expired));
    QCOMPARE(m_model->index(0, TokenListModel::Status).data().toString(), QStringLiteral("Expired"));
    QCOMPARE(m_model->index(0, TokenListModel::RemainingLife).data().toString(), QStringLiteral("Expired"));
    QCOMPARE(
        m_model->index(0, TokenListModel::RemainingLife).data(TokenListModel::RemainingMsRole).toLongLong(), qint64(0));
    for (int i = 0; i < 3; ++i) {
        m_clock->advanceSeconds(1);
        m_model->tick();
        QCOMPARE(statusSignals().size(), 0);
    }
}

void TstTokenListModel::setTokensForAccountKeepsOtherAccounts()
{
    const QPersistentModelIndex gamma = m_model->index(2, TokenListModel::Name);
    QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
    QSignalSpy removed(m_model.get(), &QAbstractItemModel::rowsRemoved);
    QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
    const QDateTime now = m_clock->now();
    Token renamed = makeToken(QStringLiteral("t1"), QStringLiteral("alpha renamed"), QUuid(), now, 100);
    const Token delta = makeToken(QStringLiteral("t4"), QStringLiteral("delta"), AccountA, now, 500);
    m_model->setTokensForAccount(AccountA, {renamed, delta});

    QCOMPARE(reset.size(), 0);
    QCOMPARE(removed.size(), 1); // beta is gone
    QCOMPARE(inserted.size(), 1); // delta is new
    QCOMPARE(m_model->rowCount(), 3);
    QVERIFY(gamma.isValid());
    QCOMPARE(gamma.data().toString(), QStringLiteral("gamma"));
    QCOMPARE(m_model->rowOf(AccountB, QStringLiteral("t3")), gamma.row());
    const int alphaRow = m_model->rowOf(AccountA, QStringLiteral("t1"));
    QVERIFY(alphaRow >= 0);
    QCOMPARE(m_model->tokenAt(alphaRow).label, QStringLiteral("alpha renamed"));
    QCOMPARE(m_model->tokenAt(alphaRow).accountId, AccountA); // stamped with the account
    QVERIFY(m_model->rowOf(AccountA, QStringLiteral("t4")) >= 0);
    QCOMPARE(m_model->rowOf(AccountA, QStringLiteral("t2")), -1);

    // An empty list removes only that account's rows.
    m_model->setTokensForAccount(AccountA, {});
    QCOMPARE(m_model->rowCount(), 1);
    QVERIFY(gamma.isValid());
    QCOMPARE(reset.size(), 0);
}

void TstTokenListModel::upsertRemoveAndMarkRevoked()
{
    QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(m_model.get(), &QAbstractItemModel::rowsRemoved);
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    const QDateTime now = m_clock->now();

    m_model->upsertToken(makeToken(QStringLiteral("t9"), QStringLiteral("new"), AccountB, now, 300));
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(m_model->rowCount(), 4);
    m_model->upsertToken(makeToken(QStringLiteral("t9"), QStringLiteral("newer"), AccountB, now, 300));
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(m_model->index(3, TokenListModel::Name).data().toString(), QStringLiteral("newer"));

    m_model->markRevoked(AccountB, QStringLiteral("t9"), now);
    QCOMPARE(changed.size(), 2);
    QCOMPARE(m_model->index(3, 0).data(TokenListModel::StatusRole).toInt(), int(Token::Status::Revoked));
    QCOMPARE(m_model->index(3, TokenListModel::Status).data().toString(), QStringLiteral("Revoked"));
    QCOMPARE(m_model->tokenAt(3).revoked, std::optional<QDateTime>(now));

    m_model->removeToken(AccountB, QStringLiteral("t9"));
    QCOMPARE(removed.size(), 1);
    QCOMPARE(m_model->rowCount(), 3);
    m_model->removeToken(AccountB, QStringLiteral("unknown"));
    QCOMPARE(removed.size(), 1);

    m_model->clear();
    QCOMPARE(m_model->rowCount(), 0);
    m_model->tick(); // no rows: nothing to emit, nothing to crash
}

void TstTokenListModel::expiredAndRevokedStyling()
{
    m_clock->advanceSeconds(200);
    m_model->tick();
    const QModelIndex statusCell = m_model->index(0, TokenListModel::Status);
    QVERIFY(statusCell.data(Qt::ForegroundRole).isValid());
    QVERIFY(statusCell.data(Qt::FontRole).value<QFont>().strikeOut());
    // Expiry is shown on the tick-updated cells only, not on the whole row.
    QVERIFY(!m_model->index(0, TokenListModel::Name).data(Qt::FontRole).isValid());
    QVERIFY(!m_model->index(2, TokenListModel::Status).data(Qt::FontRole).isValid());

    m_model->markRevoked(AccountB, QStringLiteral("t3"), m_clock->now());
    QVERIFY(m_model->index(2, TokenListModel::Name).data(Qt::FontRole).value<QFont>().strikeOut());
    QVERIFY(m_model->index(2, TokenListModel::Name).data(Qt::ForegroundRole).isValid());
    QCOMPARE(m_model->index(2, TokenListModel::RemainingLife).data().toString(), QStringLiteral("Revoked"));
}

void TstTokenListModel::notesAndAccountNames()
{
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    m_model->setNote(AccountA, QStringLiteral("t2"), QStringLiteral("owner: ops team"));
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.first().at(0).toModelIndex().column(), int(TokenListModel::Notes));
    QCOMPARE(m_model->index(1, TokenListModel::Notes).data().toString(), QStringLiteral("owner: ops team"));
    QVERIFY(m_model->index(1, 0).data(TokenListModel::SearchTextRole).toString().contains(QStringLiteral("ops team")));

    QVERIFY(
        m_model->index(0, TokenListModel::Account).data().toString().contains(AccountA.toString(QUuid::WithoutBraces)));
    m_model->setAccountNames({{AccountA, QStringLiteral("Prod Specter")}});
    QCOMPARE(m_model->index(0, TokenListModel::Account).data().toString(), QStringLiteral("Prod Specter"));
}

void TstTokenListModel::ticking()
{
    QVERIFY(!m_model->isTicking());
    m_model->setTicking(true);
    QVERIFY(m_model->isTicking());
    m_model->setTicking(false);
    QVERIFY(!m_model->isTicking());
}

void TstTokenListModel::expiringSoonThreshold()
{
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    // gamma has a day left of 25 h: expiring once the threshold is above a day.
    m_model->setExpiringSoonSeconds(2 * 86400);
    QCOMPARE(m_model->expiringSoonSeconds(), qint64(2 * 86400));
    QCOMPARE(m_model->index(2, 0).data(TokenListModel::StatusRole).toInt(), int(Token::Status::Expiring));
    bool statusSignalForGamma = false;
    for (const auto &args : std::as_const(changed)) {
        if (args.at(0).toModelIndex().column() == TokenListModel::Status && args.at(0).toModelIndex().row() <= 2
            && args.at(1).toModelIndex().row() >= 2)
            statusSignalForGamma = true;
    }
    QVERIFY(statusSignalForGamma);
}

QTEST_MAIN(TstTokenListModel)
#include "tst_tokenlistmodel.moc"
