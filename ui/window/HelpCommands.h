#pragma once

#include <QObject>
#include <QUuid>

#include <functional>

class AccountController;
class WindowActions;
class QWidget;

// The Help menu's windows: the command palette over every menu action and account, the keyboard shortcut sheet and
// About. Each opens window-modal and deletes itself on close.
class HelpCommands : public QObject
{
    Q_OBJECT
public:
    struct Hooks
    {
        std::function<void()> updateActions; // before the palette reads the actions' enabled state and reasons
        std::function<void(const QUuid &)> openAccount; // an account chosen in the palette
    };

    HelpCommands(AccountController *controller, WindowActions *actions, Hooks hooks, QWidget *window);

    void showCommandPalette();
    void showKeyboardShortcuts();
    void showAbout();

private:
    AccountController *m_controller;
    WindowActions *m_actions;
    Hooks m_hooks;
    QWidget *m_window;
};
