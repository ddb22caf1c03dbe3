#pragma once

#include "core/Token.h"

#include <QPointer>
#include <QSortFilterProxyModel>

class TokenListModel;

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

    void setSourceModel(QAbstractItemModel *model) override;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    QString m_text;
    QStringList m_words; // m_text split into words, once per change (not once per row)
    QStringList m_foldedWords; // m_words case-folded, for TokenListModel::rowMatchesFoldedWords
    QPointer<TokenListModel> m_tokens; // the source when it is a TokenListModel: typed fast paths
    StatusFilter m_status = AllStatuses;
};
