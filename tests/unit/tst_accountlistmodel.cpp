#include "items/AccountListModel.h"
#include "providers/ProviderRegistry.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

#include <memory>

namespace {

Account makeAccount(int n, const QString &provider, const QString &name)
{
    Account a;
    a.id = QUuid::fromString(QStringLiteral("{00000000-0000-0000-0000-0000000000%1}").arg(n, 2, 10, QLatin1Char('0')));
    a.name = name;
    a.providerId = provider;
    a.baseUrl = QUrl(QStringLiteral("https://%1.example.com").arg(provider));
    return a;
}

QString expectedGroupName(const QString &providerId)
{
    if (const ProviderDescriptor *d = ProviderRegistry::instance().find(providerId); d && !d->displayName.isEmpty())
        return d->displayName;
    return providerId.left(1).toUpper() + providerId.mid(1);
}

} // namespace

class TstAccountListModel : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();

    void groupsByProvider();
    void rolesOnGroupsAndAccounts();
    void addAccount();
    void removeAccountDropsEmptyGroup();
    void updateAccount();
    void statusText();

private:
    QStringList groupNames() const;

    std::unique_ptr<AccountListModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void TstAccountListModel::init()
{
    m_model = std::make_unique<AccountListModel>();
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    // "zulu" and "alpha" are unknown to the registry: their groups use the capitalised id.
    m_model->setAccounts({makeAccount(1, QStringLiteral("zulu"), QStringLiteral("Z one")),
        makeAccount(2, QStringLiteral("alpha"), QStringLiteral("A one")),
        makeAccount(3, QStringLiteral("zulu"), QStringLiteral("Z two"))});
}

void TstAccountListModel::cleanup()
{
    m_tester.reset();
    m_model.reset();
}

QStringList TstAccountListModel::groupNames() const
{
    QStringList names;
    for (int row = 0; row < m_model->rowCount(); ++row)
        names << m_model->index(row, 0).data().toString();
    return names;
}

void TstAccountListModel::groupsByProvider()
{
    QCOMPARE(groupNames(), (QStringList {QStringLiteral("Alpha"), QStringLiteral("Zulu")}));
    const QModelIndex zulu = m_model->index(1, 0);
    QCOMPARE(m_model->rowCount(zulu), 2);
    QCOMPARE(m_model->index(0, 0, zulu).data().toString(), QStringLiteral("Z one"));
    QCOMPARE(m_model->index(1, 0, zulu).data().toString(), QStringLiteral("Z two"));
    QCOMPARE(m_model->index(1, 0, zulu).parent(), zulu);
    QCOMPARE(m_model->rowCount(m_model->index(0, 0, zulu)), 0);
    QCOMPARE(m_model->accounts().size(), 3);
    QCOMPARE(m_model->account(makeAccount(2, {}, {}).id)->name, QStringLiteral("A one"));
    QVERIFY(!m_model->account(QUuid::createUuid()));
    QCOMPARE(m_model->indexOf(makeAccount(3, {}, {}).id).data().toString(), QStringLiteral("Z two"));
    QVERIFY(!m_model->indexOf(QUuid::createUuid()).isValid());
}

void TstAccountListModel::rolesOnGroupsAndAccounts()
{
    const QModelIndex group = m_model->index(0, 0);
    QCOMPARE(group.data(AccountListModel::IsGroupRole).toBool(), true);
    QCOMPARE(group.data(AccountListModel::ProviderIdRole).toString(), QStringLiteral("alpha"));
    QVERIFY(group.data(AccountListModel::AccountIdRole).toUuid().isNull());
    const QModelIndex account = m_model->index(0, 0, group);
    QCOMPARE(account.data(AccountListModel::IsGroupRole).toBool(), false);
    QCOMPARE(account.data(AccountListModel::ProviderIdRole).toString(), QStringLiteral("alpha"));
    QCOMPARE(account.data(AccountListModel::AccountIdRole).toUuid(), makeAccount(2, {}, {}).id);
}

void TstAccountListModel::addAccount()
{
    QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
    QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
    // Into an existing group: a child row.
    m_model->addAccount(makeAccount(4, QStringLiteral("alpha"), QStringLiteral("A two")));
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(inserted.first().at(0).toModelIndex(), m_model->index(0, 0));
    QCOMPARE(m_model->rowCount(m_model->index(0, 0)), 2);
    // A new provider: a new group, in name order. A registered provider uses its display name.
    const QStringList ids = ProviderRegistry::instance().ids();
    const QString provider = ids.isEmpty() ? QStringLiteral("mike") : ids.first();
    m_model->addAccount(makeAccount(5, provider, QStringLiteral("New")));
    QCOMPARE(inserted.size(), 2);
    QVERIFY(!inserted.last().at(0).toModelIndex().isValid());
    QVERIFY(groupNames().contains(expectedGroupName(provider)));
    QStringList sorted = groupNames();
    std::sort(sorted.begin(), sorted.end(),
        [](const QString &a, const QString &b) { return QString::localeAwareCompare(a, b) < 0; });
    QCOMPARE(groupNames(), sorted);
    QCOMPARE(reset.size(), 0);
}

void TstAccountListModel::removeAccountDropsEmptyGroup()
{
    QSignalSpy removed(m_model.get(), &QAbstractItemModel::rowsRemoved);
    m_model->removeAccount(makeAccount(1, {}, {}).id);
    QCOMPARE(removed.size(), 1);
    QCOMPARE(removed.first().at(0).toModelIndex(), m_model->index(1, 0)); // child of Zulu
    QCOMPARE(m_model->rowCount(m_model->index(1, 0)), 1);
    m_model->removeAccount(makeAccount(2, {}, {}).id);
    QCOMPARE(removed.size(), 2);
    QVERIFY(!removed.last().at(0).toModelIndex().isValid()); // the Alpha group went
    QCOMPARE(groupNames(), QStringList {QStringLiteral("Zulu")});
    m_model->removeAccount(QUuid::createUuid());
    QCOMPARE(removed.size(), 2);
}

void TstAccountListModel::updateAccount()
{
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    Account a = makeAccount(3, QStringLiteral("zulu"), QStringLiteral("Z renamed"));
    m_model->updateAccount(a);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(m_model->indexOf(a.id).data().toString(), QStringLiteral("Z renamed"));

    // Changing provider moves it to the other group.
    a.providerId = QStringLiteral("alpha");
    m_model->updateAccount(a);
    QCOMPARE(
        m_model->indexOf(a.id).parent().data(AccountListModel::ProviderIdRole).toString(), QStringLiteral("alpha"));
    QCOMPARE(m_model->rowCount(m_model->index(0, 0)), 2);
    QCOMPARE(m_model->accounts().size(), 3);
}

void TstAccountListModel::statusText()
{
    const QUuid id = makeAccount(2, {}, {}).id;
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    m_model->setStatusText(id, QStringLiteral("signed in, session expires in 3 h"));
    QCOMPARE(changed.size(), 1);
    QVERIFY(changed.first().at(2).value<QList<int>>().contains(AccountListModel::StatusTextRole));
    QCOMPARE(m_model->indexOf(id).data(AccountListModel::StatusTextRole).toString(),
        QStringLiteral("signed in, session expires in 3 h"));
    QVERIFY(m_model->indexOf(id).data(Qt::ToolTipRole).toString().contains(QStringLiteral("session expires")));
    m_model->setStatusText(id, QStringLiteral("signed in, session expires in 3 h"));
    QCOMPARE(changed.size(), 1); // unchanged text: no signal
    m_model->setStatusText(QUuid::createUuid(), QStringLiteral("x"));
    QCOMPARE(changed.size(), 1);
}

QTEST_MAIN(TstAccountListModel)
#include "tst_accountlistmodel.moc"
