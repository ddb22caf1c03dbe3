#include "palette/ShortcutsDialog.h"

#include "palette/CommandPalette.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QMenu>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace {
void addShortcutRows(QTreeWidgetItem *group, const QMenu *menu)
{
    for (QAction *action : menu->actions()) {
        if (QMenu *sub = action->menu()) {
            addShortcutRows(group, sub);
            continue;
        }
        if (action->isSeparator() || !action->isVisible())
            continue;
        QStringList keys;
        for (const QKeySequence &sequence : action->shortcuts())
            keys.append(sequence.toString(QKeySequence::NativeText));
        if (keys.isEmpty())
            continue;
        new QTreeWidgetItem(group, {CommandPalette::plainText(action->text()), keys.join(QLatin1String(", "))});
    }
}
} // namespace

ShortcutsDialog::ShortcutsDialog(
    const QList<QMenu *> &menus, const QList<QPair<QString, QString>> &extra, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Keyboard Shortcuts"));
    setObjectName(QStringLiteral("shortcutsDialog"));
    m_tree = new QTreeWidget(this);
    m_tree->setObjectName(QStringLiteral("shortcutsTree"));
    m_tree->setHeaderLabels({tr("Action"), tr("Shortcut")});
    m_tree->setRootIsDecorated(false);
    m_tree->setAccessibleName(tr("Keyboard shortcuts"));
    for (const QMenu *menu : menus) {
        auto *group = new QTreeWidgetItem(m_tree, {CommandPalette::plainText(menu->title())});
        group->setFirstColumnSpanned(true);
        QFont bold = group->font(0);
        bold.setBold(true);
        group->setFont(0, bold);
        addShortcutRows(group, menu);
        if (group->childCount() == 0)
            delete group;
    }
    if (!extra.isEmpty()) {
        auto *group = new QTreeWidgetItem(m_tree, {tr("Everywhere")});
        group->setFirstColumnSpanned(true);
        QFont bold = group->font(0);
        bold.setBold(true);
        group->setFont(0, bold);
        for (const auto &[what, key] : extra)
            new QTreeWidgetItem(group, {what, key});
    }
    m_tree->expandAll();
    m_tree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_tree->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_tree, 1);
    layout->addWidget(buttons);
    resize(480, 520);
}

QList<QStringList> ShortcutsDialog::rows() const
{
    QList<QStringList> rows;
    for (int g = 0; g < m_tree->topLevelItemCount(); ++g) {
        const QTreeWidgetItem *group = m_tree->topLevelItem(g);
        for (int i = 0; i < group->childCount(); ++i)
            rows.append({group->text(0), group->child(i)->text(0), group->child(i)->text(1)});
    }
    return rows;
}
