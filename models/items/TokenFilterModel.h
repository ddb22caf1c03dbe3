#pragma once

#include "core/Token.h"

#include <QAbstractProxyModel>
#include <QList>
#include <QPointer>
#include <QStringList>
#include <QStringMatcher>

#include <vector>

class TokenListModel;

// Text and status filter plus sorting on TokenListModel::SortRole, over a flat table model.
//
// Not a QSortFilterProxyModel: that one re-sorts every visible row whenever a filter change brings rows back
// (every Backspace), ~1.7 M comparisons at 100k rows. This proxy keeps a permutation of all source rows in sort
// order (computed by sort() and on a source reset; kept up to date per inserted, removed or changed row), and
// a filter keystroke is one linear pass over that permutation, announced as one layout change (persistent
// indexes, so selections and the current index survive). Equal keys keep the source order, in both orders.
// Over a TokenListModel: a remaining-life sort puts live rows before expired and revoked ones and orders each
// group by expiry (the same order while tokens live, and time does not change it: a tick moves only the rows
// whose status it changed), a status sort by the statuses the model last announced, and the status
// cells a tick changes are re-filtered and moved together when the tick ends (TokenListModel::ticked).
class TokenFilterModel : public QAbstractProxyModel
{
    Q_OBJECT
public:
    enum StatusFilter { AllStatuses, ActiveOnly, ExpiringOnly, ExpiredOnly, RevokedOnly, NotExpired };
    Q_ENUM(StatusFilter)

    explicit TokenFilterModel(QObject *parent = nullptr);
    ~TokenFilterModel() override;

    void setFilterText(const QString &text);
    QString filterText() const { return m_text; }
    void setStatusFilter(StatusFilter filter);
    StatusFilter statusFilter() const { return m_status; }

    // The column sorted on (-1: source order) and its order, as last passed to sort().
    int sortColumn() const { return m_sortColumn; }
    Qt::SortOrder sortOrder() const { return m_sortOrder; }

    void setSourceModel(QAbstractItemModel *model) override;
    QModelIndex mapToSource(const QModelIndex &proxyIndex) const override;
    QModelIndex mapFromSource(const QModelIndex &sourceIndex) const override;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    QModelIndex sibling(int row, int column, const QModelIndex &idx) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    bool hasChildren(const QModelIndex &parent = {}) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

private:
    bool acceptsRow(int sourceRow) const;
    bool lessThan(int leftRow, int rightRow) const; // on the sort column, ascending
    bool rowBefore(int leftRow, int rightRow) const; // the proxy's total order: sort order, then source row
    int sourceRows() const;

    void rebuildAll();
    void sortAll();
    void rebuildVisible();
    void rebuildProxyRows();
    void refilter(bool onlyVisibleRows);
    void removeProxyRow(int proxyRow);
    template<typename Update> void changeLayout(Update update, QAbstractItemModel::LayoutChangeHint hint);
    void updateRows(const std::vector<int> &rows, bool refilterRows, bool reposition);
    void forwardDataChanged(const std::vector<int> &rows, int firstColumn, int lastColumn, const QList<int> &roles);

    void onSourceDataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight, const QList<int> &roles);
    void onSourceRowsAboutToBeRemoved(const QModelIndex &parent, int first, int last);
    void onSourceRowsRemoved(const QModelIndex &parent, int first, int last);
    void onSourceRowsInserted(const QModelIndex &parent, int first, int last);
    void onSourceTicked();
    void onSourceAboutToReset();
    void onSourceReset();

    QString m_text;
    QStringList m_words; // m_text split into words, once per change (not once per row)
    QStringList m_foldedWords; // m_words case-folded, matched against TokenListModel::foldedSearchText
    std::vector<QStringMatcher> m_matchers; // one per folded word, built once per keystroke
    QPointer<TokenListModel> m_tokens; // the source when it is a TokenListModel: typed fast paths
    StatusFilter m_status = AllStatuses;
    int m_sortColumn = -1;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
    bool m_resetting = false;

    std::vector<int> m_sorted; // every source row, in the proxy's order
    std::vector<int> m_visible; // proxy row -> source row: m_sorted without the rows the filter rejects
    std::vector<int> m_proxyRow; // source row -> proxy row, -1 when filtered out
    std::vector<char> m_accepted; // source row -> whether the filter accepts it
    std::vector<int> m_pendingStatusRows; // status cells a tick changed, handled at its end
    QList<int> m_pendingRoles;
    QList<QMetaObject::Connection> m_connections;
};
