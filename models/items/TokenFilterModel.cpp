#include "TokenFilterModel.h"

#include "items/TokenListModel.h"

#include <QDateTime>

TokenFilterModel::TokenFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(TokenListModel::SortRole);
    // A tick changes StatusRole on the status cells: filtering on that role makes the proxy re-check exactly
    // those rows (with dynamic filtering on), so an expired token leaves a "not expired" view by itself.
    setFilterRole(TokenListModel::StatusRole);
    setFilterKeyColumn(-1);
    setSortCaseSensitivity(Qt::CaseInsensitive);
    setDynamicSortFilter(true);
}

void TokenFilterModel::setFilterText(const QString &text)
{
    if (text == m_text)
        return;
    m_text = text;
    invalidateRowsFilter();
}

void TokenFilterModel::setStatusFilter(StatusFilter filter)
{
    if (filter == m_status)
        return;
    m_status = filter;
    invalidateRowsFilter();
}

bool TokenFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QAbstractItemModel *source = sourceModel();
    if (!source)
        return false;
    const QModelIndex index = source->index(sourceRow, 0, sourceParent);

    if (m_status != AllStatuses) {
        const auto status = Token::Status(source->data(index, TokenListModel::StatusRole).toInt());
        bool ok = true;
        switch (m_status) {
        case AllStatuses:
            break;
        case ActiveOnly:
            ok = status == Token::Status::Active;
            break;
        case ExpiringOnly:
            ok = status == Token::Status::Expiring;
            break;
        case ExpiredOnly:
            ok = status == Token::Status::Expired;
            break;
        case RevokedOnly:
            ok = status == Token::Status::Revoked;
            break;
        case NotExpired:
            ok = status == Token::Status::Active || status == Token::Status::Expiring;
            break;
        }
        if (!ok)
            return false;
    }

    const QString needle = m_text.trimmed();
    if (needle.isEmpty())
        return true;
    const QString haystack = source->data(index, TokenListModel::SearchTextRole).toString();
    // Every word must occur somewhere (case-insensitive), so "alice prod" finds alice's prod token.
    const QStringList words = needle.split(u' ', Qt::SkipEmptyParts);
    for (const QString &word : words) {
        if (!haystack.contains(word, Qt::CaseInsensitive))
            return false;
    }
    return true;
}

bool TokenFilterModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const QVariant l = left.data(sortRole());
    const QVariant r = right.data(sortRole());
    const int lt = l.typeId();
    if (lt == r.typeId()) {
        switch (lt) {
        case QMetaType::QDateTime: {
            const QDateTime a = l.toDateTime();
            const QDateTime b = r.toDateTime();
            if (a.isValid() != b.isValid())
                return !a.isValid(); // unknown first
            return a < b;
        }
        case QMetaType::LongLong:
            return l.toLongLong() < r.toLongLong();
        case QMetaType::Int:
            return l.toInt() < r.toInt();
        case QMetaType::Double:
            return l.toDouble() < r.toDouble();
        case QMetaType::QString:
            return QString::localeAwareCompare(l.toString().toCaseFolded(), r.toString().toCaseFolded()) < 0;
        default:
            break;
        }
    }
    return QSortFilterProxyModel::lessThan(left, right);
}
