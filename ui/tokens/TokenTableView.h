#pragma once

#include "core/Token.h"

#include <QList>
#include <QTableView>

class Clock;
class TokenFilterModel;
class TokenListModel;

// The token table of the account page and of All accounts: its own TokenListModel behind a TokenFilterModel,
// sorted by expiry, rows selected whole (several at once), movable columns, the live remaining life repainted
// for the rows on screen only. The owner names it (objectName, accessible name) and adds its own delegates.
class TokenTableView : public QTableView
{
    Q_OBJECT
public:
    explicit TokenTableView(const Clock *clock, QWidget *parent = nullptr);

    TokenListModel *tokenModel() const { return m_tokens; }
    TokenFilterModel *filterModel() const { return m_filter; }

    QList<Token> selectedTokens() const;
    // Makes the source row `row` current, scrolls to it and takes the focus; false when the filter hides it.
    bool selectSourceRow(int row);

signals:
    // The selected tokens changed: a click, or rows a filter hid or a new list removed.
    void tokenSelectionChanged();
    // The context menu was asked for at `globalPos`.
    void tokenMenuRequested(const QPoint &globalPos);

private:
    TokenListModel *m_tokens;
    TokenFilterModel *m_filter;
};
