#include "TokenTableView.h"

#include "RemainingLifeDelegate.h"
#include "VisibleRows.h"
#include "items/TokenFilterModel.h"
#include "items/TokenListModel.h"

#include <QHeaderView>
#include <QItemSelectionModel>
#include <QPointer>

TokenTableView::TokenTableView(const Clock *clock, QWidget *parent)
    : QTableView(parent)
    , m_tokens(new TokenListModel(clock, this))
    , m_filter(new TokenFilterModel(this))
{
    m_filter->setSourceModel(m_tokens);
    setModel(m_filter);
    setSortingEnabled(true);
    sortByColumn(TokenListModel::Expires, Qt::AscendingOrder);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setAlternatingRowColors(true);
    verticalHeader()->hide();
    horizontalHeader()->setStretchLastSection(true);
    horizontalHeader()->setSectionsMovable(true);
    setItemDelegateForColumn(TokenListModel::RemainingLife, new RemainingLifeDelegate(this));
    setContextMenuPolicy(Qt::CustomContextMenu);
    connect(this, &QTableView::customContextMenuRequested, this,
        [this](const QPoint &pos) { emit tokenMenuRequested(viewport()->mapToGlobal(pos)); });
    connect(selectionModel(), &QItemSelectionModel::selectionChanged, this, &TokenTableView::tokenSelectionChanged);
    connect(m_filter, &QAbstractItemModel::modelReset, this, &TokenTableView::tokenSelectionChanged);
    // Rows a filter keystroke hides leave the selection in a layout change, which QItemSelectionModel applies
    // without emitting selectionChanged.
    connect(m_filter, &QAbstractItemModel::layoutChanged, this, &TokenTableView::tokenSelectionChanged);

    // A tick repaints the remaining life of the rows on screen only.
    m_tokens->setVisibleRowsProvider(
        [view = QPointer<QTableView>(this), tokens = m_tokens] { return visibleSourceRows(view, tokens); });
    m_tokens->setTicking(true);
}

QList<Token> TokenTableView::selectedTokens() const
{
    QList<Token> result;
    const QModelIndexList rows = selectionModel()->selectedRows();
    for (const QModelIndex &proxyIndex : rows) {
        const QModelIndex source = m_filter->mapToSource(proxyIndex);
        if (source.isValid())
            result.append(m_tokens->tokenAt(source.row()));
    }
    return result;
}

bool TokenTableView::selectSourceRow(int row)
{
    const QModelIndex index = m_filter->mapFromSource(m_tokens->index(row, 0));
    if (!index.isValid())
        return false;
    setCurrentIndex(index);
    scrollTo(index);
    setFocus(Qt::OtherFocusReason);
    return true;
}
