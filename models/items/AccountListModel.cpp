#include "AccountListModel.h"

#include "providers/TokenProvider.h"

#include "providers/ProviderRegistry.h"

#include <algorithm>

// Index layout: group rows have internalId 0; an account row's internalId is its group's row + 1.

namespace {

QString groupDisplayName(const QString &providerId)
{
    if (const ProviderDescriptor *descriptor = ProviderRegistry::instance().find(providerId);
        descriptor && !descriptor->displayName.isEmpty())
        return descriptor->displayName;
    if (providerId.isEmpty())
        return AccountListModel::tr("Other");
    return providerId.left(1).toUpper() + providerId.mid(1);
}

} // namespace

AccountListModel::AccountListModel(QObject *parent)
    : QAbstractItemModel(parent)
{ }

QModelIndex AccountListModel::index(int row, int column, const QModelIndex &parent) const
{
    if (column != 0 || row < 0)
        return {};
    if (!parent.isValid())
        return row < m_groups.size() ? createIndex(row, 0, quintptr(0)) : QModelIndex();
    if (parent.internalId() != 0 || parent.row() >= m_groups.size())
        return {};
    if (row >= m_groups.at(parent.row()).accounts.size())
        return {};
    return createIndex(row, 0, quintptr(parent.row()) + 1);
}

QModelIndex AccountListModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == 0)
        return {};
    return createIndex(int(child.internalId() - 1), 0, quintptr(0));
}

int AccountListModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_groups.size());
    if (parent.column() != 0 || parent.internalId() != 0 || parent.row() >= m_groups.size())
        return 0;
    return int(m_groups.at(parent.row()).accounts.size());
}

int AccountListModel::columnCount(const QModelIndex &) const
{
    return 1;
}

QVariant AccountListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    if (index.internalId() == 0) {
        const Group &group = m_groups.at(index.row());
        switch (role) {
        case Qt::DisplayRole:
        case Qt::ToolTipRole:
            return groupDisplayName(group.providerId);
        case ProviderIdRole:
            return group.providerId;
        case IsGroupRole:
            return true;
        case AccountIdRole:
            return QUuid();
        default:
            return {};
        }
    }
    const Account &account = m_groups.at(qsizetype(index.internalId() - 1)).accounts.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        return account.name.isEmpty() ? account.baseUrl.host() : account.name;
    case Qt::ToolTipRole: {
        QString tip = account.baseUrl.toDisplayString();
        if (usesAllowedPlainHttp(account))
            tip +=
                u'\n' + tr("Plain http is allowed to %1: nothing sent to it is encrypted.").arg(account.baseUrl.host());
        if (const QString status = m_status.value(account.id); !status.isEmpty())
            tip += u'\n' + status;
        return tip;
    }
    case BadgeRole:
        return usesAllowedPlainHttp(account) ? tr("http") : QString();
    case AccountIdRole:
        return account.id;
    case ProviderIdRole:
        return account.providerId;
    case IsGroupRole:
        return false;
    case StatusTextRole:
        return m_status.value(account.id);
    case StatusToneRole:
        return int(m_tone.value(account.id, StatusTone::Neutral));
    default:
        return {};
    }
}

bool AccountListModel::usesAllowedPlainHttp(const Account &account)
{
    const QString allowed = account.options.value(QLatin1String(TokenProvider::AllowHttpOption)).toString();
    return account.baseUrl.scheme() == QLatin1String("http") && !allowed.isEmpty()
        && allowed.compare(account.baseUrl.host(), Qt::CaseInsensitive) == 0;
}

void AccountListModel::setAccounts(const QList<Account> &accounts)
{
    beginResetModel();
    m_groups.clear();
    for (const Account &account : accounts) {
        auto it = std::find_if(
            m_groups.begin(), m_groups.end(), [&](const Group &g) { return g.providerId == account.providerId; });
        if (it != m_groups.end()) {
            it->accounts.append(account);
            continue;
        }
        // Groups sorted by display name, so the tree reads the same whatever order the accounts come in.
        const QString name = groupDisplayName(account.providerId);
        const auto pos = std::find_if(m_groups.begin(), m_groups.end(),
            [&](const Group &g) { return QString::localeAwareCompare(groupDisplayName(g.providerId), name) > 0; });
        m_groups.insert(pos, Group {account.providerId, {account}});
    }
    QSet<QUuid> ids;
    for (const Account &account : accounts)
        ids.insert(account.id);
    for (auto it = m_status.begin(); it != m_status.end();) {
        if (ids.contains(it.key()))
            ++it;
        else
            it = m_status.erase(it);
    }
    for (auto it = m_tone.begin(); it != m_tone.end();) {
        if (ids.contains(it.key()))
            ++it;
        else
            it = m_tone.erase(it);
    }
    endResetModel();
}

void AccountListModel::addAccount(const Account &account)
{
    if (indexOf(account.id).isValid()) {
        updateAccount(account);
        return;
    }
    for (qsizetype g = 0; g < m_groups.size(); ++g) {
        if (m_groups.at(g).providerId != account.providerId)
            continue;
        const int row = int(m_groups.at(g).accounts.size());
        beginInsertRows(createIndex(int(g), 0, quintptr(0)), row, row);
        m_groups[g].accounts.append(account);
        endInsertRows();
        return;
    }
    const QString name = groupDisplayName(account.providerId);
    qsizetype pos = 0;
    while (
        pos < m_groups.size() && QString::localeAwareCompare(groupDisplayName(m_groups.at(pos).providerId), name) <= 0)
        ++pos;
    beginInsertRows({}, int(pos), int(pos));
    m_groups.insert(pos, Group {account.providerId, {account}});
    endInsertRows();
}

void AccountListModel::updateAccount(const Account &account)
{
    const QModelIndex idx = indexOf(account.id);
    if (!idx.isValid()) {
        addAccount(account);
        return;
    }
    Group &group = m_groups[qsizetype(idx.internalId() - 1)];
    if (group.providerId != account.providerId) {
        const QString status = m_status.value(account.id);
        const StatusTone tone = m_tone.value(account.id, StatusTone::Neutral);
        removeAccount(account.id);
        addAccount(account);
        if (!status.isEmpty())
            setStatusText(account.id, status, tone);
        return;
    }
    group.accounts[idx.row()] = account;
    emit dataChanged(idx, idx);
}

void AccountListModel::removeAccount(const QUuid &id)
{
    const QModelIndex idx = indexOf(id);
    if (!idx.isValid())
        return;
    const int groupRow = int(idx.internalId() - 1);
    if (m_groups.at(groupRow).accounts.size() == 1) {
        beginRemoveRows({}, groupRow, groupRow);
        m_groups.removeAt(groupRow);
        endRemoveRows();
    } else {
        beginRemoveRows(idx.parent(), idx.row(), idx.row());
        m_groups[groupRow].accounts.removeAt(idx.row());
        endRemoveRows();
    }
    m_status.remove(id);
    m_tone.remove(id);
}

QList<Account> AccountListModel::accounts() const
{
    QList<Account> out;
    for (const Group &group : m_groups)
        out.append(group.accounts);
    return out;
}

std::optional<Account> AccountListModel::account(const QUuid &id) const
{
    for (const Group &group : m_groups) {
        for (const Account &account : group.accounts) {
            if (account.id == id)
                return account;
        }
    }
    return std::nullopt;
}

QModelIndex AccountListModel::indexOf(const QUuid &id) const
{
    for (qsizetype g = 0; g < m_groups.size(); ++g) {
        const QList<Account> &accounts = m_groups.at(g).accounts;
        for (qsizetype row = 0; row < accounts.size(); ++row) {
            if (accounts.at(row).id == id)
                return createIndex(int(row), 0, quintptr(g) + 1);
        }
    }
    return {};
}

void AccountListModel::setStatusText(const QUuid &id, const QString &text, StatusTone tone)
{
    const QModelIndex idx = indexOf(id);
    if (!idx.isValid())
        return;
    if (m_status.value(id) == text && m_tone.value(id, StatusTone::Neutral) == tone)
        return;
    if (text.isEmpty()) {
        m_status.remove(id);
        m_tone.remove(id);
    } else {
        m_status.insert(id, text);
        m_tone.insert(id, tone);
    }
    emit dataChanged(idx, idx, {StatusTextRole, StatusToneRole, Qt::ToolTipRole});
}
