#include "TokenFilterModel.h"

#include "items/TokenListModel.h"

#include <QDateTime>
#include <QLoggingCategory>

#include <algorithm>
#include <numeric>
#include <utility>

Q_LOGGING_CATEGORY(lcFilter, "tokendesk.filter", QtWarningMsg)

namespace {

// Past this many rows changed at once, one layout change (and one re-sort) is cheaper than per-row signals.
constexpr int MaxPerRowUpdates = 16;

bool columnsFeedFilter(int first, int last)
{
    // The search text (label, subject, id, kind, note) and the status: Account, Created, Expires and
    // RemainingLife feed neither, which keeps a tick's cells away from the filter.
    for (int column = first; column <= last; ++column) {
        switch (column) {
        case TokenListModel::Account:
        case TokenListModel::Created:
        case TokenListModel::Expires:
        case TokenListModel::RemainingLife:
            break;
        default:
            return true;
        }
    }
    return false;
}

bool isGone(Token::Status status)
{
    return status == Token::Status::Expired || status == Token::Status::Revoked;
}

bool rolesInclude(const QList<int> &roles, std::initializer_list<int> wanted)
{
    if (roles.isEmpty())
        return true;
    return std::any_of(wanted.begin(), wanted.end(), [&roles](int role) { return roles.contains(role); });
}

} // namespace

TokenFilterModel::TokenFilterModel(QObject *parent)
    : QAbstractProxyModel(parent)
{ }

TokenFilterModel::~TokenFilterModel() = default;

void TokenFilterModel::setFilterText(const QString &text)
{
    if (text == m_text)
        return;
    m_text = text;
    const QStringList previous = std::exchange(m_foldedWords, {});
    m_words = text.trimmed().split(u' ', Qt::SkipEmptyParts);
    m_matchers.clear();
    for (const QString &word : std::as_const(m_words)) {
        m_foldedWords.append(word.toCaseFolded());
        m_matchers.emplace_back(m_foldedWords.constLast(), Qt::CaseSensitive);
    }
    // Narrowing (every earlier word is inside a new one) only removes rows: only the visible rows need a check.
    const bool narrows = std::all_of(previous.cbegin(), previous.cend(), [this](const QString &old) {
        return std::any_of(
            m_foldedWords.cbegin(), m_foldedWords.cend(), [&old](const QString &word) { return word.contains(old); });
    });
    refilter(narrows);
}

void TokenFilterModel::setStatusFilter(StatusFilter filter)
{
    if (filter == m_status)
        return;
    const bool narrows =
        m_status == AllStatuses || (m_status == NotExpired && (filter == ActiveOnly || filter == ExpiringOnly));
    m_status = filter;
    refilter(narrows);
}

void TokenFilterModel::setSourceModel(QAbstractItemModel *model)
{
    beginResetModel();
    for (const QMetaObject::Connection &connection : std::as_const(m_connections))
        disconnect(connection);
    m_connections.clear();
    m_tokens = qobject_cast<TokenListModel *>(model);
    QAbstractProxyModel::setSourceModel(model);
    if (model) {
        m_connections = {
            connect(model, &QAbstractItemModel::dataChanged, this, &TokenFilterModel::onSourceDataChanged),
            connect(model, &QAbstractItemModel::rowsAboutToBeRemoved, this,
                &TokenFilterModel::onSourceRowsAboutToBeRemoved),
            connect(model, &QAbstractItemModel::rowsRemoved, this, &TokenFilterModel::onSourceRowsRemoved),
            connect(model, &QAbstractItemModel::rowsInserted, this, &TokenFilterModel::onSourceRowsInserted),
            connect(model, &QAbstractItemModel::modelAboutToBeReset, this, &TokenFilterModel::onSourceAboutToReset),
            connect(model, &QAbstractItemModel::modelReset, this, &TokenFilterModel::onSourceReset),
            // Rarer structural changes (no TokenListModel makes them): a reset of the proxy.
            connect(model, &QAbstractItemModel::layoutAboutToBeChanged, this, &TokenFilterModel::onSourceAboutToReset),
            connect(model, &QAbstractItemModel::layoutChanged, this, &TokenFilterModel::onSourceReset),
            connect(model, &QAbstractItemModel::rowsAboutToBeMoved, this, &TokenFilterModel::onSourceAboutToReset),
            connect(model, &QAbstractItemModel::rowsMoved, this, &TokenFilterModel::onSourceReset),
            connect(
                model, &QAbstractItemModel::columnsAboutToBeInserted, this, &TokenFilterModel::onSourceAboutToReset),
            connect(model, &QAbstractItemModel::columnsInserted, this, &TokenFilterModel::onSourceReset),
            connect(model, &QAbstractItemModel::columnsAboutToBeRemoved, this, &TokenFilterModel::onSourceAboutToReset),
            connect(model, &QAbstractItemModel::columnsRemoved, this, &TokenFilterModel::onSourceReset),
            connect(model, &QAbstractItemModel::columnsAboutToBeMoved, this, &TokenFilterModel::onSourceAboutToReset),
            connect(model, &QAbstractItemModel::columnsMoved, this, &TokenFilterModel::onSourceReset),
            connect(model, &QAbstractItemModel::headerDataChanged, this, &QAbstractItemModel::headerDataChanged),
        };
        if (m_tokens)
            m_connections.append(connect(m_tokens, &TokenListModel::ticked, this, &TokenFilterModel::onSourceTicked));
    }
    rebuildAll();
    endResetModel();
}

QModelIndex TokenFilterModel::mapToSource(const QModelIndex &proxyIndex) const
{
    if (!proxyIndex.isValid() || !sourceModel() || proxyIndex.model() != this)
        return {};
    const int row = proxyIndex.row();
    if (row < 0 || size_t(row) >= m_visible.size())
        return {};
    return sourceModel()->index(m_visible[size_t(row)], proxyIndex.column());
}

QModelIndex TokenFilterModel::mapFromSource(const QModelIndex &sourceIndex) const
{
    if (!sourceIndex.isValid() || sourceIndex.model() != sourceModel() || sourceIndex.parent().isValid())
        return {};
    const int row = sourceIndex.row();
    if (row < 0 || size_t(row) >= m_proxyRow.size() || m_proxyRow[size_t(row)] < 0)
        return {};
    return index(m_proxyRow[size_t(row)], sourceIndex.column());
}

QModelIndex TokenFilterModel::index(int row, int column, const QModelIndex &parent) const
{
    if (parent.isValid() || row < 0 || column < 0 || size_t(row) >= m_visible.size() || column >= columnCount())
        return {};
    return createIndex(row, column);
}

QModelIndex TokenFilterModel::parent(const QModelIndex &) const
{
    return {};
}

QModelIndex TokenFilterModel::sibling(int row, int column, const QModelIndex &idx) const
{
    return idx.isValid() ? index(row, column) : QModelIndex();
}

int TokenFilterModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_visible.size());
}

int TokenFilterModel::columnCount(const QModelIndex &parent) const
{
    if (parent.isValid() || !sourceModel())
        return 0;
    return sourceModel()->columnCount();
}

bool TokenFilterModel::hasChildren(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_visible.empty() && columnCount() > 0;
}

void TokenFilterModel::sort(int column, Qt::SortOrder order)
{
    m_sortColumn = column < 0 ? -1 : column;
    m_sortOrder = order;
    changeLayout(
        [this] {
            sortAll();
            rebuildVisible();
        },
        QAbstractItemModel::VerticalSortHint);
}

int TokenFilterModel::sourceRows() const
{
    return sourceModel() ? sourceModel()->rowCount() : 0;
}

bool TokenFilterModel::acceptsRow(int sourceRow) const
{
    const QAbstractItemModel *source = sourceModel();
    if (!source)
        return false;
    if (m_status != AllStatuses) {
        const auto status = Token::Status(source->index(sourceRow, 0).data(TokenListModel::StatusRole).toInt());
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

    if (m_words.isEmpty())
        return true;
    // Every word must occur somewhere (case-insensitive), so "alice prod" finds alice's prod token.
    if (m_tokens && m_tokens == source) {
        // Case-folded words in case-folded text, each with its matcher's skip table built once per keystroke.
        const QString &haystack = m_tokens->foldedSearchText(sourceRow);
        return std::all_of(m_matchers.cbegin(), m_matchers.cend(),
            [&haystack](const QStringMatcher &matcher) { return matcher.indexIn(haystack) >= 0; });
    }
    const QString haystack = source->index(sourceRow, 0).data(TokenListModel::SearchTextRole).toString();
    for (const QString &word : std::as_const(m_words)) {
        if (!haystack.contains(word, Qt::CaseInsensitive))
            return false;
    }
    return true;
}

bool TokenFilterModel::lessThan(int leftRow, int rightRow) const
{
    const QAbstractItemModel *source = sourceModel();
    if (m_tokens && m_tokens == source) {
        if (m_sortColumn == TokenListModel::Status)
            return int(m_tokens->announcedStatus(leftRow)) < int(m_tokens->announcedStatus(rightRow));
        // Remaining life puts the tokens that still work first: an administrator looks for what expires next,
        // not for what is already gone. Expired and revoked rows follow (moved when a tick announces the change).
        if (m_sortColumn == TokenListModel::RemainingLife) {
            const bool leftGone = isGone(m_tokens->announcedStatus(leftRow));
            const bool rightGone = isGone(m_tokens->announcedStatus(rightRow));
            if (leftGone != rightGone)
                return rightGone;
        }
        // Remaining life is the expiry minus now for every row: sorting by the expiry gives the same order and
        // does not change as time passes (expired rows, all at zero left, stay ordered by when they expired).
        const int column = m_sortColumn == TokenListModel::RemainingLife ? int(TokenListModel::Expires) : m_sortColumn;
        if (const auto less = m_tokens->rowLessThan(leftRow, rightRow, column))
            return *less;
    }
    const QVariant l = source->index(leftRow, m_sortColumn).data(TokenListModel::SortRole);
    const QVariant r = source->index(rightRow, m_sortColumn).data(TokenListModel::SortRole);
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
    if (l.isValid() != r.isValid())
        return !l.isValid(); // no value first
    const QPartialOrdering order = QVariant::compare(l, r);
    if (order == QPartialOrdering::Unordered)
        return QString::localeAwareCompare(l.toString().toCaseFolded(), r.toString().toCaseFolded()) < 0;
    return order == QPartialOrdering::Less;
}

bool TokenFilterModel::rowBefore(int leftRow, int rightRow) const
{
    if (leftRow == rightRow)
        return false;
    if (m_sortColumn >= 0 && m_sortColumn < columnCount()) {
        const bool ascending = m_sortOrder == Qt::AscendingOrder;
        if (ascending ? lessThan(leftRow, rightRow) : lessThan(rightRow, leftRow))
            return true;
        if (ascending ? lessThan(rightRow, leftRow) : lessThan(leftRow, rightRow))
            return false;
    }
    return leftRow < rightRow; // equal keys keep the source order, in both orders (as a stable sort does)
}

void TokenFilterModel::rebuildAll()
{
    m_pendingStatusRows.clear();
    const int rows = sourceRows();
    m_accepted.assign(size_t(rows), 0);
    for (int row = 0; row < rows; ++row)
        m_accepted[size_t(row)] = acceptsRow(row);
    sortAll();
    rebuildVisible();
}

void TokenFilterModel::sortAll()
{
    m_sorted.resize(size_t(sourceRows()));
    std::iota(m_sorted.begin(), m_sorted.end(), 0);
    if (m_sortColumn < 0 || m_sortColumn >= columnCount())
        return;
    // Stable, from the source order: rows with equal keys stay in source order (rowBefore's tie-break).
    if (m_sortOrder == Qt::AscendingOrder)
        std::stable_sort(m_sorted.begin(), m_sorted.end(), [this](int a, int b) { return lessThan(a, b); });
    else
        std::stable_sort(m_sorted.begin(), m_sorted.end(), [this](int a, int b) { return lessThan(b, a); });
}

void TokenFilterModel::rebuildVisible()
{
    m_visible.clear();
    for (const int row : m_sorted) {
        if (m_accepted[size_t(row)])
            m_visible.push_back(row);
    }
    rebuildProxyRows();
}

void TokenFilterModel::rebuildProxyRows()
{
    m_proxyRow.assign(m_accepted.size(), -1);
    for (size_t proxyRow = 0; proxyRow < m_visible.size(); ++proxyRow)
        m_proxyRow[size_t(m_visible[proxyRow])] = int(proxyRow);
}

template<typename Update> void TokenFilterModel::changeLayout(Update update, QAbstractItemModel::LayoutChangeHint hint)
{
    emit layoutAboutToBeChanged({}, hint);
    // Views and selection models make their persistent indexes in the signal above: read them after it.
    const QModelIndexList from = persistentIndexList();
    std::vector<int> fromSource;
    fromSource.reserve(size_t(from.size()));
    for (const QModelIndex &index : from) {
        const int row = index.row();
        fromSource.push_back(row >= 0 && size_t(row) < m_visible.size() ? m_visible[size_t(row)] : -1);
    }
    update();
    QModelIndexList to;
    to.reserve(from.size());
    for (qsizetype i = 0; i < from.size(); ++i) {
        const int source = fromSource[size_t(i)];
        const int row = source >= 0 && size_t(source) < m_proxyRow.size() ? m_proxyRow[size_t(source)] : -1;
        to.append(row >= 0 ? index(row, from.at(i).column()) : QModelIndex());
    }
    changePersistentIndexList(from, to);
    emit layoutChanged({}, hint);
}

void TokenFilterModel::removeProxyRow(int proxyRow)
{
    beginRemoveRows({}, proxyRow, proxyRow);
    m_proxyRow[size_t(m_visible[size_t(proxyRow)])] = -1;
    m_visible.erase(m_visible.begin() + proxyRow);
    for (size_t row = size_t(proxyRow); row < m_visible.size(); ++row)
        m_proxyRow[size_t(m_visible[row])] = int(row);
    endRemoveRows();
}

void TokenFilterModel::refilter(bool onlyVisibleRows)
{
    if (!sourceModel() || m_resetting)
        return;
    std::vector<char> accepted;
    if (onlyVisibleRows) {
        accepted.assign(m_accepted.size(), 0);
        for (const int row : m_visible)
            accepted[size_t(row)] = acceptsRow(row);
    } else {
        accepted.resize(m_accepted.size());
        for (size_t row = 0; row < accepted.size(); ++row)
            accepted[row] = acceptsRow(int(row));
    }
    std::vector<int> visible;
    visible.reserve(onlyVisibleRows ? m_visible.size() : m_sorted.size());
    for (const int row : onlyVisibleRows ? m_visible : m_sorted) {
        if (accepted[size_t(row)])
            visible.push_back(row);
    }
    if (visible == m_visible) {
        m_accepted.swap(accepted);
        return;
    }
    qCDebug(lcFilter) << "filter:" << m_visible.size() << "->" << visible.size() << "rows";

    // Rows leaving that a view holds (its selection, its current index) go one by one as row removals, so the
    // selection model moves the current index and announces the selection change as it does for any removal.
    // Everything else moves in one layout change.
    std::vector<int> leaving;
    for (const QModelIndex &index : persistentIndexList()) {
        const int row = index.row();
        if (row >= 0 && size_t(row) < m_visible.size() && !accepted[size_t(m_visible[size_t(row)])])
            leaving.push_back(row);
    }
    std::sort(leaving.begin(), leaving.end(), std::greater<>());
    leaving.erase(std::unique(leaving.begin(), leaving.end()), leaving.end());
    if (leaving.size() <= size_t(MaxPerRowUpdates)) {
        for (const int row : leaving)
            removeProxyRow(row);
        if (visible == m_visible) {
            m_accepted.swap(accepted);
            return;
        }
    }
    changeLayout(
        [&] {
            m_accepted.swap(accepted);
            m_visible.swap(visible);
            rebuildProxyRows();
        },
        QAbstractItemModel::NoLayoutChangeHint);
}

void TokenFilterModel::updateRows(const std::vector<int> &rows, bool refilterRows, bool reposition)
{
    // rows: ascending, no duplicates.
    const auto changed = [&rows](int row) { return std::binary_search(rows.begin(), rows.end(), row); };
    const auto takeOutAndPutBack = [&] {
        // Take the changed rows out of the permutation, then put each back where it belongs now.
        m_sorted.erase(std::remove_if(m_sorted.begin(), m_sorted.end(), changed), m_sorted.end());
        for (const int row : rows) {
            const auto at = std::lower_bound(
                m_sorted.begin(), m_sorted.end(), row, [this](int a, int b) { return rowBefore(a, b); });
            m_sorted.insert(at, row);
        }
    };
    const size_t count = rows.size();
    if (count > size_t(MaxPerRowUpdates) || (reposition && count > 1)) {
        changeLayout(
            [&] {
                if (refilterRows) {
                    for (const int row : rows)
                        m_accepted[size_t(row)] = acceptsRow(row);
                }
                if (reposition && count > size_t(MaxPerRowUpdates))
                    sortAll();
                else if (reposition)
                    takeOutAndPutBack();
                rebuildVisible();
            },
            reposition && !refilterRows ? QAbstractItemModel::VerticalSortHint
                                        : QAbstractItemModel::NoLayoutChangeHint);
        return;
    }
    if (reposition)
        takeOutAndPutBack();

    for (const int row : rows) {
        const bool accepted = refilterRows ? acceptsRow(row) : bool(m_accepted[size_t(row)]);
        m_accepted[size_t(row)] = accepted;
        const int proxyRow = m_proxyRow[size_t(row)];
        if (proxyRow >= 0 && !accepted) {
            removeProxyRow(proxyRow);
            continue;
        }
        if (proxyRow < 0 && accepted) {
            const auto at = std::lower_bound(
                m_visible.begin(), m_visible.end(), row, [this](int a, int b) { return rowBefore(a, b); });
            const int insertAt = int(at - m_visible.begin());
            beginInsertRows({}, insertAt, insertAt);
            m_visible.insert(at, row);
            for (size_t p = size_t(insertAt); p < m_visible.size(); ++p)
                m_proxyRow[size_t(m_visible[p])] = int(p);
            endInsertRows();
            continue;
        }
        if (proxyRow < 0 || !reposition)
            continue;
        const size_t p = size_t(proxyRow);
        const bool afterPrevious = p == 0 || rowBefore(m_visible[p - 1], row);
        const bool beforeNext = p + 1 == m_visible.size() || rowBefore(row, m_visible[p + 1]);
        if (afterPrevious && beforeNext)
            continue; // still in place: the common case
        changeLayout(
            [&] {
                m_visible.erase(m_visible.begin() + proxyRow);
                const auto at = std::lower_bound(
                    m_visible.begin(), m_visible.end(), row, [this](int a, int b) { return rowBefore(a, b); });
                m_visible.insert(at, row);
                rebuildProxyRows();
            },
            QAbstractItemModel::VerticalSortHint);
    }
}

void TokenFilterModel::forwardDataChanged(
    const std::vector<int> &rows, int firstColumn, int lastColumn, const QList<int> &roles)
{
    // One range over the proxy rows still shown (a view repaints that band; nothing shown, nothing to say).
    int top = -1;
    int bottom = -1;
    for (const int row : rows) {
        const int proxyRow = m_proxyRow[size_t(row)];
        if (proxyRow < 0)
            continue;
        top = top < 0 ? proxyRow : std::min(top, proxyRow);
        bottom = std::max(bottom, proxyRow);
    }
    if (top >= 0)
        emit dataChanged(index(top, firstColumn), index(bottom, lastColumn), roles);
}

void TokenFilterModel::onSourceDataChanged(
    const QModelIndex &topLeft, const QModelIndex &bottomRight, const QList<int> &roles)
{
    if (m_resetting || !topLeft.isValid() || !bottomRight.isValid() || topLeft.parent().isValid())
        return;
    const int first = topLeft.row();
    const int last = bottomRight.row();
    const int firstColumn = topLeft.column();
    const int lastColumn = bottomRight.column();
    if (first < 0 || size_t(last) >= m_accepted.size() || first > last)
        return;
    const bool tokens = m_tokens && m_tokens == sourceModel();

    if (tokens && firstColumn == TokenListModel::Status && lastColumn == TokenListModel::Status) {
        // A tick's status changes, one signal per run of rows, all statuses already new: re-filter and move
        // them together once the tick is over (TokenListModel::ticked), when the order is whole again.
        for (int row = first; row <= last; ++row)
            m_pendingStatusRows.push_back(row);
        m_pendingRoles = roles;
        return;
    }

    const bool refilterRows = columnsFeedFilter(firstColumn, lastColumn)
        && rolesInclude(
            roles, {Qt::DisplayRole, Qt::EditRole, TokenListModel::StatusRole, TokenListModel::SearchTextRole});
    bool reposition = false;
    if (m_sortColumn >= 0) {
        // A remaining-life sort is an expiry sort (see lessThan): a tick's remaining-life cells never move a row.
        const int keyColumn =
            tokens && m_sortColumn == TokenListModel::RemainingLife ? int(TokenListModel::Expires) : m_sortColumn;
        reposition = firstColumn <= keyColumn && keyColumn <= lastColumn
            && rolesInclude(roles, {TokenListModel::SortRole, TokenListModel::StatusRole});
    }
    std::vector<int> rows(static_cast<size_t>(last - first + 1));
    std::iota(rows.begin(), rows.end(), first);
    if (refilterRows || reposition)
        updateRows(rows, refilterRows, reposition);
    forwardDataChanged(rows, firstColumn, lastColumn, roles);
}

void TokenFilterModel::onSourceTicked()
{
    if (m_pendingStatusRows.empty())
        return;
    std::vector<int> rows = std::exchange(m_pendingStatusRows, {});
    const QList<int> roles = std::exchange(m_pendingRoles, {});
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    rows.erase(std::remove_if(rows.begin(), rows.end(), [this](int row) { return size_t(row) >= m_accepted.size(); }),
        rows.end());
    if (m_resetting || rows.empty())
        return;
    // A status sort moves the rows; so does a remaining-life sort, whose expired rows go last.
    updateRows(rows, true, m_sortColumn == TokenListModel::Status || m_sortColumn == TokenListModel::RemainingLife);
    forwardDataChanged(rows, TokenListModel::Status, TokenListModel::Status, roles);
}

void TokenFilterModel::onSourceRowsAboutToBeRemoved(const QModelIndex &parent, int first, int last)
{
    if (m_resetting || parent.isValid())
        return;
    std::vector<int> proxyRows;
    for (int row = first; row <= last && size_t(row) < m_proxyRow.size(); ++row) {
        if (m_proxyRow[size_t(row)] >= 0)
            proxyRows.push_back(m_proxyRow[size_t(row)]);
    }
    if (proxyRows.empty())
        return;
    std::sort(proxyRows.begin(), proxyRows.end(), std::greater<>());
    // One removal per run of consecutive proxy rows, from the bottom, while the runs are few.
    std::vector<std::pair<int, int>> runs; // (first, last) proxy rows
    for (const int row : proxyRows) {
        if (!runs.empty() && runs.back().first == row + 1)
            runs.back().first = row;
        else
            runs.emplace_back(row, row);
    }
    if (runs.size() > size_t(MaxPerRowUpdates)) {
        changeLayout(
            [&] {
                m_visible.erase(std::remove_if(m_visible.begin(), m_visible.end(),
                                    [first, last](int row) { return row >= first && row <= last; }),
                    m_visible.end());
                for (int row = first; row <= last; ++row)
                    m_accepted[size_t(row)] = 0;
                rebuildProxyRows();
            },
            QAbstractItemModel::NoLayoutChangeHint);
        return;
    }
    for (const auto &[top, bottom] : runs) {
        beginRemoveRows({}, top, bottom);
        for (int p = top; p <= bottom; ++p)
            m_proxyRow[size_t(m_visible[size_t(p)])] = -1;
        m_visible.erase(m_visible.begin() + top, m_visible.begin() + bottom + 1);
        for (size_t p = size_t(top); p < m_visible.size(); ++p)
            m_proxyRow[size_t(m_visible[p])] = int(p);
        endRemoveRows();
    }
}

void TokenFilterModel::onSourceRowsRemoved(const QModelIndex &parent, int first, int last)
{
    if (m_resetting || parent.isValid())
        return;
    const int count = last - first + 1;
    const auto renumber = [first, last, count](std::vector<int> &rows) {
        rows.erase(
            std::remove_if(rows.begin(), rows.end(), [first, last](int row) { return row >= first && row <= last; }),
            rows.end());
        for (int &row : rows) {
            if (row > last)
                row -= count;
        }
    };
    renumber(m_sorted);
    renumber(m_visible);
    m_accepted.erase(m_accepted.begin() + first, m_accepted.begin() + last + 1);
    m_proxyRow.erase(m_proxyRow.begin() + first, m_proxyRow.begin() + last + 1);
}

void TokenFilterModel::onSourceRowsInserted(const QModelIndex &parent, int first, int last)
{
    if (m_resetting || parent.isValid())
        return;
    const int count = last - first + 1;
    // Renumber the rows after the insertion (proxy rows do not move), then merge the new rows in.
    for (int &row : m_sorted) {
        if (row >= first)
            row += count;
    }
    for (int &row : m_visible) {
        if (row >= first)
            row += count;
    }
    m_accepted.insert(m_accepted.begin() + first, size_t(count), 0);
    m_proxyRow.insert(m_proxyRow.begin() + first, size_t(count), -1);

    std::vector<int> added(static_cast<size_t>(count));
    std::iota(added.begin(), added.end(), first);
    const auto before = [this](int a, int b) { return rowBefore(a, b); };
    std::sort(added.begin(), added.end(), before);
    std::vector<int> merged;
    merged.reserve(m_sorted.size() + added.size());
    std::merge(m_sorted.begin(), m_sorted.end(), added.begin(), added.end(), std::back_inserter(merged), before);
    m_sorted.swap(merged);

    std::vector<int> shown;
    for (const int row : added) {
        m_accepted[size_t(row)] = acceptsRow(row);
        if (m_accepted[size_t(row)])
            shown.push_back(row);
    }
    if (shown.empty())
        return;
    // All new rows at one place (appended to an unsorted list, or one block of the order): one insertion.
    const auto at = std::lower_bound(m_visible.begin(), m_visible.end(), shown.front(), before);
    const bool oneBlock = at == m_visible.end() || rowBefore(shown.back(), *at);
    if (oneBlock) {
        const int insertAt = int(at - m_visible.begin());
        beginInsertRows({}, insertAt, insertAt + int(shown.size()) - 1);
        m_visible.insert(at, shown.begin(), shown.end());
        for (size_t p = size_t(insertAt); p < m_visible.size(); ++p)
            m_proxyRow[size_t(m_visible[p])] = int(p);
        endInsertRows();
        return;
    }
    if (shown.size() <= size_t(MaxPerRowUpdates)) {
        for (const int row : shown) {
            const auto where = std::lower_bound(m_visible.begin(), m_visible.end(), row, before);
            const int insertAt = int(where - m_visible.begin());
            beginInsertRows({}, insertAt, insertAt);
            m_visible.insert(where, row);
            for (size_t p = size_t(insertAt); p < m_visible.size(); ++p)
                m_proxyRow[size_t(m_visible[p])] = int(p);
            endInsertRows();
        }
        return;
    }
    changeLayout([this] { rebuildVisible(); }, QAbstractItemModel::NoLayoutChangeHint);
}

void TokenFilterModel::onSourceAboutToReset()
{
    if (m_resetting)
        return;
    m_resetting = true;
    beginResetModel();
}

void TokenFilterModel::onSourceReset()
{
    if (!m_resetting)
        beginResetModel();
    m_resetting = false;
    rebuildAll();
    endResetModel();
}
