#pragma once

#include "core/Token.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <QTableView>
#include <QTimer>

class Clock;
class QMenu;
class TokenFilterModel;
class TokenListModel;

// The token table of the account page and of All accounts: its own TokenListModel behind a TokenFilterModel,
// rows selected whole (several at once), movable columns, the live remaining life repainted for the rows on
// screen only. The owner names it (objectName, accessible name) and adds its own delegates.
//
// Rows are one line of text (no wrapping, elided, the whole text in the tooltip) and all of one height. Name
// takes the width the other columns leave (never under MinNameWidth); Remaining and Status follow it, so the
// three stay in view on a narrow window. Sorted by remaining life (expired and revoked rows last) until the
// user sorts otherwise. The header's context menu hides and shows columns; Account is offered only where tokens
// of several accounts show, Session only while a token has one. Widths, order, hidden columns and the sort are
// kept per view (setSettings). Enter on a row does what a double click does (the window opens its details).
class TokenTableView : public QTableView
{
    Q_OBJECT
public:
    // Pixels above and below the line of text in a row.
    static constexpr int RowPadding = 4;
    static constexpr int MinNameWidth = 180;

    explicit TokenTableView(const Clock *clock, QWidget *parent = nullptr);
    ~TokenTableView() override;

    TokenListModel *tokenModel() const { return m_tokens; }
    TokenFilterModel *filterModel() const { return m_filter; }

    QList<Token> selectedTokens() const;
    // Makes the source row `row` current, scrolls to it and takes the focus; false when the filter hides it.
    bool selectSourceRow(int row);

    // Whether tokens of several accounts show here: only then is the Account column offered.
    void setShowsSeveralAccounts(bool several);
    // Keeps the columns' layout in the INI file `path` under the group `key`, and restores it from there now and
    // when the view is first shown (so a layout restored by someone else in between does not win).
    void setSettings(const QString &path, const QString &key);
    // Whether `column` can be shown here now (Account with several accounts, Session while a token has one).
    bool isColumnOffered(int column) const;
    // The user's choice for `column` (Name cannot be hidden); kept in the settings.
    void setColumnShown(int column, bool shown);
    // The header's menu: one checkable action per offered column (objectName "column<Name>").
    QMenu *createColumnMenu(QWidget *parent);
    // Writes the layout to the settings now (otherwise shortly after a change, and when the view goes).
    void saveLayout();

signals:
    // The selected tokens changed: a click, or rows a filter hid or a new list removed.
    void tokenSelectionChanged();
    // The context menu was asked for at `globalPos`.
    void tokenMenuRequested(const QPoint &globalPos);

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void changeEvent(QEvent *event) override;
    bool viewportEvent(QEvent *event) override;

private:
    void applyDefaultLayout();
    void restoreLayout();
    void applyColumns(); // hidden = the user's choice plus the columns not offered here
    void fitNameColumn();
    void updateRowHeight();
    void scheduleSave();
    void checkOfferedColumns();

    TokenListModel *m_tokens;
    TokenFilterModel *m_filter;
    bool m_severalAccounts = false;
    bool m_sessionsShown = false;
    bool m_applying = false;
    bool m_restoredOnShow = false;
    QSet<int> m_userHidden;
    QHash<int, int> m_widths; // column -> width the user gave it (kept while it is hidden)
    QString m_settingsPath;
    QString m_settingsKey;
    QTimer m_saveTimer;
    QTimer m_offerTimer;
};
