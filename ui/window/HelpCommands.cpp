#include "HelpCommands.h"

#include "AboutDialog.h"
#include "AccountController.h"
#include "WindowActions.h"
#include "items/AccountListModel.h"
#include "palette/CommandPalette.h"
#include "palette/ShortcutsDialog.h"

#include <QAction>
#include <QIcon>
#include <QKeySequence>
#include <QMenu>

HelpCommands::HelpCommands(AccountController *controller, WindowActions *actions, Hooks hooks, QWidget *window)
    : QObject(window)
    , m_controller(controller)
    , m_actions(actions)
    , m_hooks(std::move(hooks))
    , m_window(window)
{ }

void HelpCommands::showCommandPalette()
{
    if (m_hooks.updateActions)
        m_hooks.updateActions(); // the reasons are for this moment
    QList<CommandPalette::Entry> entries;
    for (QMenu *menu : m_actions->menus())
        entries += CommandPalette::entriesFor(menu->actions(), CommandPalette::plainText(menu->title()));
    const QString accountGroup = tr("Accounts");
    for (const Account &account : m_controller->accounts()) {
        CommandPalette::Entry entry;
        entry.text = account.name;
        entry.group = accountGroup;
        entry.icon = m_controller->accountModel()->indexOf(account.id).data(Qt::DecorationRole).value<QIcon>();
        entry.run = [this, id = account.id] {
            if (m_hooks.openAccount)
                m_hooks.openAccount(id);
        };
        entries.append(entry);
    }
    auto *palette = new CommandPalette(m_window);
    palette->setAttribute(Qt::WA_DeleteOnClose);
    palette->setEntries(entries);
    palette->open();
}

void HelpCommands::showKeyboardShortcuts()
{
    // The keys no action owns; every action's own shortcut is read from the menus.
    using Id = WindowActions::Id;
    const QList<QPair<QString, QString>> extra {
        {tr("Open the selected token's details"), QKeySequence(Qt::Key_Return).toString(QKeySequence::NativeText)},
        {tr("Clear the filter"), QKeySequence(Qt::Key_Escape).toString(QKeySequence::NativeText)},
        {CommandPalette::plainText(m_actions->action(Id::CommandPalette)->text()),
            m_actions->action(Id::CommandPalette)->shortcut().toString(QKeySequence::NativeText)}};
    auto *dialog = new ShortcutsDialog(m_actions->menus(), extra, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void HelpCommands::showAbout()
{
    auto *dialog = new AboutDialog(m_controller->configDir(), m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}
