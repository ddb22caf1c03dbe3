#pragma once

#include <QDialog>
#include <QList>
#include <QPair>
#include <QString>

class QMenu;
class QTreeWidget;

// Help → Keyboard Shortcuts: every shortcut of the window's menus, by menu, plus the keys that belong to no
// action (Enter on a row, Escape in the filter). Read from the actions themselves, so it cannot go stale.
class ShortcutsDialog : public QDialog
{
    Q_OBJECT
public:
    // `extra`: (what it does, key) pairs shown under "Everywhere", e.g. {"Clear the filter", "Esc"}.
    ShortcutsDialog(
        const QList<QMenu *> &menus, const QList<QPair<QString, QString>> &extra, QWidget *parent = nullptr);

    // (group, action, key) rows as shown; for tests.
    QList<QStringList> rows() const;

private:
    QTreeWidget *m_tree = nullptr;
};
