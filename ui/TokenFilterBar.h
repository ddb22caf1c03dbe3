#pragma once

#include <QWidget>

class QComboBox;
class QLineEdit;
class TokenFilterModel;

// The filter row shared by the token tables (AccountPage, AllAccountsView): a filter edit
// (placeholder "Filter (Ctrl+F)", clear button) driving TokenFilterModel::setFilterText, and a status combo with
// the six TokenFilterModel status filters driving setStatusFilter. Escape in the edit clears the text. The owner names
// the two widgets (objectName, accessible name) so that tests and assistive technology can tell the tables apart.
class TokenFilterBar : public QWidget
{
    Q_OBJECT
public:
    explicit TokenFilterBar(TokenFilterModel *filter, QWidget *parent = nullptr);

    QLineEdit *filterEdit() const { return m_filterEdit; }
    QComboBox *statusCombo() const { return m_statusCombo; }
    // Escape in `widget` (the table the bar filters) clears the filter text, as it does in the filter edit.
    void clearOnEscapeIn(QWidget *widget);

private:
    QLineEdit *m_filterEdit = nullptr;
    QComboBox *m_statusCombo = nullptr;
};
