// Token notes in the table: notes read from the TokenNotes store show in TokenListModel's Notes column,
// are matched by TokenFilterModel's text filter (owner and "where used"), stay when a refresh replaces the list
// (setTokens, setTokensForAccount, clear + setTokens), and belong to one account + token id only.

#include "core/Clock.h"
#include "items/TokenFilterModel.h"
#include "items/TokenListModel.h"
#include "store/Database.h"
#include "store/TokenNotes.h"

#include <QAbstractItemModelTester>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace {

const QUuid AccountA = QUuid::fromString(QStringLiteral("{00000000-0000-0000-0000-00000000000a}"));
const QUuid AccountB = QUuid::fromString(QStringLiteral("{00000000-0000-0000-0000-00000000000b}"));

Token makeToken(const QUuid &account, const QString &id, const QString &label)
{
    Token t;
    t.id = id;
    t.label = label;
    t.accountId = account;
    return t;
}

} // namespace

class TstTokenNotesModel : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void notesFromStoreShownAndSearchable();
    void keptAcrossRefreshes();
    void sameTokenIdOtherAccount();

private:
    void applyStoredNotes();
    QStringList visibleIds() const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<TokenNotes> m_notes;
    std::unique_ptr<TestClock> m_clock;
    std::unique_ptr<TokenListModel> m_source;
    std::unique_ptr<TokenFilterModel> m_proxy;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
    QList<Token> m_listA;
};

void TstTokenNotesModel::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_db = std::make_unique<Database>(m_dir->filePath(QStringLiteral("tokendesk.sqlite")));
    QVERIFY2(m_db->open(), qPrintable(m_db->lastError()));
    m_notes = std::make_unique<TokenNotes>(m_db.get());
    m_clock = std::make_unique<TestClock>();
    m_source = std::make_unique<TokenListModel>(m_clock.get());
    m_proxy = std::make_unique<TokenFilterModel>();
    m_proxy->setSourceModel(m_source.get());
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_proxy.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_listA = {makeToken(AccountA, QStringLiteral("t1"), QStringLiteral("Deploy")),
        makeToken(AccountA, QStringLiteral("t2"), QStringLiteral("Backup")),
        makeToken(AccountA, QStringLiteral("t3"), QStringLiteral("Monitor"))};
    m_source->setTokens(m_listA);
}

void TstTokenNotesModel::cleanup()
{
    m_tester.reset();
    m_proxy.reset();
    m_source.reset();
    m_notes.reset();
    m_db.reset();
    m_dir.reset();
}

void TstTokenNotesModel::applyStoredNotes()
{
    // What the window does at start (TokenNotesDialog::applyNotes).
    for (const TokenNoteEntry &entry : m_notes->all())
        m_source->setNote(entry.accountId, entry.tokenId, entry.note.displayText());
}

QStringList TstTokenNotesModel::visibleIds() const
{
    QStringList ids;
    for (int row = 0; row < m_proxy->rowCount(); ++row)
        ids.append(m_proxy->index(row, 0).data(TokenListModel::TokenIdRole).toString());
    ids.sort();
    return ids;
}

void TstTokenNotesModel::notesFromStoreShownAndSearchable()
{
    QVERIFY(
        m_notes->setNote(AccountA, QStringLiteral("t2"), {QStringLiteral("Dana Ops"), QStringLiteral("nas-07"), {}}));
    QVERIFY(m_notes->setNote(AccountA, QStringLiteral("t3"), {QString(), QStringLiteral("grafana"), {}}));
    applyStoredNotes();

    const int row2 = m_source->rowOf(AccountA, QStringLiteral("t2"));
    QCOMPARE(m_source->index(row2, TokenListModel::Notes).data().toString(),
        QStringLiteral("Owner: Dana Ops; used in: nas-07"));
    const int row1 = m_source->rowOf(AccountA, QStringLiteral("t1"));
    QVERIFY(m_source->index(row1, TokenListModel::Notes).data().toString().isEmpty());

    m_proxy->setFilterText(QStringLiteral("dana"));
    QCOMPARE(visibleIds(), QStringList {QStringLiteral("t2")});
    m_proxy->setFilterText(QStringLiteral("grafana"));
    QCOMPARE(visibleIds(), QStringList {QStringLiteral("t3")});
    m_proxy->setFilterText(QStringLiteral("used in"));
    QCOMPARE(visibleIds(), (QStringList {QStringLiteral("t2"), QStringLiteral("t3")}));
    m_proxy->setFilterText(QStringLiteral("nas-07 backup")); // note and label words together
    QCOMPARE(visibleIds(), QStringList {QStringLiteral("t2")});
    m_proxy->setFilterText(QString());
    QCOMPARE(m_proxy->rowCount(), 3);
}

void TstTokenNotesModel::keptAcrossRefreshes()
{
    QVERIFY(m_notes->setNote(AccountA, QStringLiteral("t1"), {QStringLiteral("kim"), QString(), {}}));
    applyStoredNotes();
    m_proxy->setFilterText(QStringLiteral("kim"));
    QCOMPARE(visibleIds(), QStringList {QStringLiteral("t1")});

    // A refresh replaces the whole list, in another order, with new objects.
    QList<Token> refreshed = {
        m_listA.at(2), m_listA.at(0), makeToken(AccountA, QStringLiteral("t4"), QStringLiteral("New"))};
    m_source->setTokens(refreshed);
    QCOMPARE(visibleIds(), QStringList {QStringLiteral("t1")});
    QCOMPARE(m_source->index(m_source->rowOf(AccountA, QStringLiteral("t1")), TokenListModel::Notes).data().toString(),
        QStringLiteral("Owner: kim"));

    // The token disappears (revoked elsewhere) and comes back: its note is still known.
    m_source->clear();
    QCOMPARE(m_proxy->rowCount(), 0);
    m_source->setTokensForAccount(AccountA, m_listA);
    QCOMPARE(visibleIds(), QStringList {QStringLiteral("t1")});

    // Editing the note updates the row in place; removing it drops it from the search.
    m_source->setNote(AccountA, QStringLiteral("t1"), QString());
    QCOMPARE(m_proxy->rowCount(), 0);
}

void TstTokenNotesModel::sameTokenIdOtherAccount()
{
    QVERIFY(m_notes->setNote(AccountB, QStringLiteral("t1"), {QStringLiteral("other-team"), QString(), {}}));
    applyStoredNotes();
    m_source->setTokensForAccount(AccountB, {makeToken(AccountB, QStringLiteral("t1"), QStringLiteral("Deploy"))});
    QCOMPARE(m_source->rowCount(), 4);
    m_proxy->setFilterText(QStringLiteral("other-team"));
    QCOMPARE(m_proxy->rowCount(), 1);
    QCOMPARE(m_proxy->index(0, 0).data(TokenListModel::AccountIdRole).toUuid(), AccountB);
    QVERIFY(m_source->index(m_source->rowOf(AccountA, QStringLiteral("t1")), TokenListModel::Notes)
                .data()
                .toString()
                .isEmpty());
}

QTEST_GUILESS_MAIN(TstTokenNotesModel)
#include "tst_tokennotesmodel.moc"
