#pragma once

#include <QLabel>

#include <functional>

class QAbstractItemView;

// The message a table shows when it has no row, centred over its empty viewport, with one call to action as a
// link: "No tokens yet — New Token…", "No token matches “x” — Clear filter". What it says is asked of the owner
// (a describer) whenever the rows change, so the words follow the account, the filter and the actions.
class EmptyStateOverlay : public QLabel
{
    Q_OBJECT
public:
    struct State
    {
        QString text; // empty: nothing is shown
        QString linkText; // empty: no call to action
        std::function<void()> action;
    };

    EmptyStateOverlay(QAbstractItemView *view, std::function<State()> describer);

    // Asks the describer again (the rows, the filter or an action's state changed).
    void refresh();
    // The message shown now, as plain text ("" while the table has rows); for tests.
    QString shownText() const;
    // Runs the call to action, as a click on the link does.
    void activate();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void place();

    QAbstractItemView *m_view;
    std::function<State()> m_describer;
    State m_state;
};
