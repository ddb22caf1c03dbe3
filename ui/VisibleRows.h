#pragma once

#include <QAbstractItemModel>
#include <QAbstractProxyModel>
#include <QList>
#include <QTableView>

// The rows of `source` that `view` currently shows (its model may be `source` or proxies over it), for
// TokenListModel::setVisibleRowsProvider: a tick then repaints those rows only. Empty when the view is hidden.
inline QList<int> visibleSourceRows(const QTableView *view, const QAbstractItemModel *source)
{
    QList<int> rows;
    if (!view || !source || !view->isVisible() || !view->model())
        return rows;
    const int first = view->rowAt(0);
    if (first < 0)
        return rows;
    int last = view->rowAt(view->viewport()->height() - 1);
    if (last < 0)
        last = view->model()->rowCount() - 1;
    rows.reserve(last - first + 1);
    for (int row = first; row <= last; ++row) {
        QModelIndex index = view->model()->index(row, 0);
        while (index.isValid() && index.model() != source) {
            const auto *proxy = qobject_cast<const QAbstractProxyModel *>(index.model());
            if (!proxy)
                return {};
            index = proxy->mapToSource(index);
        }
        if (index.isValid())
            rows.append(index.row());
    }
    return rows;
}
