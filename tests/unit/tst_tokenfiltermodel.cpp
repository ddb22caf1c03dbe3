#include "core/Clock.h"
#include "items/TokenFilterModel.h"
#include "items/TokenListModel.h"

#include <QAbstractItemModelTester>
#include <QTest>

#include <memory>

namespace {

const QUuid Account = QUuid::fromString(QStringLiteral("{00000000-0000-0000-0000-00000000000a}"));

Token makeToken(const QString &id, const QString &label, const QString &subject, const QString &kind,
    const QDateTime &now, std::optional<qint64> expiresInSeconds)
{
    Token t;
    t.id = id;
    t.label = label;
    t.subject = subject;
    t.kind = kind;
    t.accountId = Account;
    t.created = now.addSecs(-10);
    if (expiresInSeconds)
        t.expires = now.addSecs(*expiresInSeconds);
    return t;
}

} // namespace

class TstTokenFilterModel : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();

    void textFilterIsCaseInsensitive_data();
    void textFilterIsCaseInsensitive();
    void textFilterMatchesNotes();
    void textFilterFollowsRowChanges();
    void statusFilter();
    void statusFilterFollowsTicks();
    void revokedRowsRefilter();
    void sortsNeverExpiringLast();
    void sortsByName();

private:
    QStringList visibleNames() const;

    std::unique_ptr<TestClock> m_clock;
    std::unique_ptr<TokenListModel> m_source;
    std::unique_ptr<TokenFilterModel> m_proxy;
    std::unique_ptr<QAbstractItemModelTester> m_sourceTester;
    std::unique_ptr<QAbstractItemModelTester> m_proxyTester;
};

void TstTokenFilterModel::init()
{
    m_clock = std::make_unique<TestClock>();
    m_source = std::make_unique<TokenListModel>(m_clock.get());
    m_source->setExpiringSoonSeconds(60);
    m_proxy = std::make_unique<TokenFilterModel>();
    m_proxy->setSourceModel(m_source.get());
    m_sourceTester = std::make_unique<QAbstractItemModelTester>(
        m_source.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_proxyTester = std::make_unique<QAbstractItemModelTester>(
        m_proxy.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QDateTime now = m_clock->now();
    m_source->setTokens({
        makeToken(QStringLiteral("id-deploy"), QStringLiteral("Deploy bot"), QStringLiteral("alice@example.com"),
            QStringLiteral("project"), now, 3600),
        makeToken(QStringLiteral("id-never"), QStringLiteral("archive"), QStringLiteral("bob"), QStringLiteral("user"),
            now, std::nullopt),
        makeToken(QStringLiteral("id-short"), QStringLiteral("CI runner"), QStringLiteral("carol"),
            QStringLiteral("project"), now, 100),
        makeToken(QStringLiteral("id-old"), QStringLiteral("Backup"), QStringLiteral("dave"), QStringLiteral("user"),
            now, -5),
    });
}

void TstTokenFilterModel::cleanup()
{
    m_proxyTester.reset();
    m_sourceTester.reset();
    m_proxy.reset();
    m_source.reset();
    m_clock.reset();
}

QStringList TstTokenFilterModel::visibleNames() const
{
    QStringList names;
    for (int row = 0; row < m_proxy->rowCount(); ++row)
        names << m_proxy->index(row, TokenListModel::Name).data().toString();
    return names;
}

void TstTokenFilterModel::textFilterIsCaseInsensitive_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("empty") << QString() << QStringList {"Deploy bot", "archive", "CI runner", "Backup"};
    QTest::newRow("name, other case") << "DEPLOY" << QStringList {"Deploy bot"};
    QTest::newRow("subject") << "Alice@Example" << QStringList {"Deploy bot"};
    QTest::newRow("id") << "id-short" << QStringList {"CI runner"};
    QTest::newRow("kind") << "user" << QStringList {"archive", "Backup"};
    QTest::newRow("two words") << "project carol" << QStringList {"CI runner"};
    QTest::newRow("no match") << "zzz" << QStringList {};
}

void TstTokenFilterModel::textFilterIsCaseInsensitive()
{
    QFETCH(QString, text);
    QFETCH(QStringList, expected);
    m_proxy->setFilterText(text);
    QCOMPARE(m_proxy->filterText(), text);
    QCOMPARE(visibleNames(), expected);
}

void TstTokenFilterModel::textFilterMatchesNotes()
{
    m_proxy->setFilterText(QStringLiteral("owned by ops"));
    QCOMPARE(m_proxy->rowCount(), 0);
    m_source->setNote(Account, QStringLiteral("id-never"), QStringLiteral("Owned by OPS, used in nightly job"));
    QCOMPARE(visibleNames(), QStringList {QStringLiteral("archive")});
}

void TstTokenFilterModel::textFilterFollowsRowChanges()
{
    // The filter matches cached per-row search text: every kind of row change must update it.
    m_proxy->setFilterText(QStringLiteral("renamed"));
    QCOMPARE(m_proxy->rowCount(), 0);
    const QDateTime now = m_clock->now();
    m_source->upsertToken(makeToken(QStringLiteral("id-old"), QStringLiteral("Renamed backup"), QStringLiteral("dave"),
        QStringLiteral("user"), now, -5));
    QCOMPARE(visibleNames(), QStringList {QStringLiteral("Renamed backup")});
    m_source->upsertToken(makeToken(QStringLiteral("id-new"), QStringLiteral("RENAMED new"), QStringLiteral("erin"),
        QStringLiteral("user"), now, 60));
    QCOMPARE(visibleNames().size(), 2);
    m_source->removeToken(Account, QStringLiteral("id-old"));
    QCOMPARE(visibleNames(), QStringList {QStringLiteral("RENAMED new")});
    m_source->setTokensForAccount(Account,
        {makeToken(QStringLiteral("id-new"), QStringLiteral("plain"), QStringLiteral("erin"), QStringLiteral("user"),
             now, 60),
            makeToken(QStringLiteral("id-added"), QStringLiteral("renamed again"), QStringLiteral("frank"),
                QStringLiteral("user"), now, 60)});
    QCOMPARE(visibleNames(), QStringList {QStringLiteral("renamed again")});
    m_proxy->setFilterText(QStringLiteral("ERIN"));
    QCOMPARE(visibleNames(), QStringList {QStringLiteral("plain")});
}

void TstTokenFilterModel::statusFilter()
{
    m_proxy->setStatusFilter(TokenFilterModel::ExpiredOnly);
    QCOMPARE(m_proxy->statusFilter(), TokenFilterModel::ExpiredOnly);
    QCOMPARE(visibleNames(), QStringList {QStringLiteral("Backup")});
    m_proxy->setStatusFilter(TokenFilterModel::ActiveOnly);
    QCOMPARE(visibleNames(),
        (QStringList {QStringLiteral("Deploy bot"), QStringLiteral("archive"), QStringLiteral("CI runner")}));
    m_proxy->setStatusFilter(TokenFilterModel::NotExpired);
    QCOMPARE(m_proxy->rowCount(), 3);
    m_proxy->setFilterText(QStringLiteral("backup"));
    QCOMPARE(m_proxy->rowCount(), 0);
    m_proxy->setStatusFilter(TokenFilterModel::AllStatuses);
    QCOMPARE(visibleNames(), QStringList {QStringLiteral("Backup")});
}

void TstTokenFilterModel::statusFilterFollowsTicks()
{
    m_proxy->setStatusFilter(TokenFilterModel::ExpiringOnly);
    QCOMPARE(m_proxy->rowCount(), 0);
    m_clock->advanceSeconds(50); // CI runner: 50 s left
    m_source->tick();
    QCOMPARE(visibleNames(), QStringList {QStringLiteral("CI runner")});

    m_proxy->setStatusFilter(TokenFilterModel::NotExpired);
    QCOMPARE(m_proxy->rowCount(), 3);
    m_clock->advanceSeconds(50); // CI runner expires
    m_source->tick();
    QCOMPARE(visibleNames(), (QStringList {QStringLiteral("Deploy bot"), QStringLiteral("archive")}));
}

void TstTokenFilterModel::revokedRowsRefilter()
{
    m_proxy->setStatusFilter(TokenFilterModel::RevokedOnly);
    QCOMPARE(m_proxy->rowCount(), 0);
    m_source->markRevoked(Account, QStringLiteral("id-deploy"), m_clock->now());
    QCOMPARE(visibleNames(), QStringList {QStringLiteral("Deploy bot")});
}

void TstTokenFilterModel::sortsNeverExpiringLast()
{
    // Remaining life: the tokens that still work first, never-expiring last of those, the expired one after them.
    m_proxy->sort(TokenListModel::RemainingLife, Qt::AscendingOrder);
    QCOMPARE(visibleNames(),
        (QStringList {QStringLiteral("CI runner"), QStringLiteral("Deploy bot"), QStringLiteral("archive"),
            QStringLiteral("Backup")}));
    m_proxy->sort(TokenListModel::Expires, Qt::AscendingOrder);
    QCOMPARE(visibleNames(),
        (QStringList {QStringLiteral("Backup"), QStringLiteral("CI runner"), QStringLiteral("Deploy bot"),
            QStringLiteral("archive")}));
    m_proxy->sort(TokenListModel::Expires, Qt::DescendingOrder);
    QCOMPARE(visibleNames().first(), QStringLiteral("archive"));

    // The order survives ticks (no reset, rows stay sorted).
    m_proxy->sort(TokenListModel::RemainingLife, Qt::AscendingOrder);
    m_clock->advanceSeconds(30);
    m_source->tick();
    QCOMPARE(visibleNames().last(), QStringLiteral("Backup"));
    QCOMPARE(visibleNames().first(), QStringLiteral("CI runner"));
}

void TstTokenFilterModel::sortsByName()
{
    m_proxy->sort(TokenListModel::Name, Qt::AscendingOrder);
    QCOMPARE(visibleNames(),
        (QStringList {QStringLiteral("archive"), QStringLiteral("Backup"), QStringLiteral("CI runner"),
            QStringLiteral("Deploy bot")}));
}

QTEST_MAIN(TstTokenFilterModel)
#include "tst_tokenfiltermodel.moc"
