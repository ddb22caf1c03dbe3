#pragma once

#include "core/Token.h"

#include <QSortFilterProxyModel>

// Text and status filter plus sorting on TokenListModel::SortRole.
class TokenFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    enum StatusFilter { AllStatuses, ActiveOnly, ExpiringOnly, ExpiredOnly, RevokedOnly, NotExpired };
    Q_ENUM(StatusFilter)

    explicit TokenFilterModel(QObject *parent = nullptr);

    void setFilterText(const QString &text);
    QString filterText() const { return m_text; }
    void setStatusFilter(StatusFilter filter);
    StatusFilter statusFilter() const { return m_status; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    QString m_text;
    StatusFilter m_status = AllStatuses;
};
