#pragma once

#include <QObject>
#include <QPointer>

class AlertCenter;
class QAction;
class QMenu;
class QSystemTrayIcon;
class QWidget;

// The system tray icon: a menu with Show TokenDesk, Refresh and Quit, and the AlertCenter's grouped
// notifications through showMessage. Create it only when QSystemTrayIcon::isSystemTrayAvailable(); without a
// tray the alerts still reach the in-app banner.
class TrayIcon : public QObject
{
    Q_OBJECT
public:
    // `refresh` is triggered by the menu's Refresh entry and `quit` by its Quit entry (the window's own Quit, so
    // closing to the tray cannot swallow it); without `quit`, Quit closes `window` and quits the application.
    TrayIcon(QWidget *window, QAction *refresh, QAction *quit, AlertCenter *center, QObject *parent = nullptr);
    ~TrayIcon() override;

    QSystemTrayIcon *icon() const { return m_icon; }
    QMenu *menu() const { return m_menu; }
    QAction *showAction() const { return m_show; }
    QAction *refreshAction() const { return m_refresh; }
    QAction *quitAction() const { return m_quit; }

    void showWindow();
    // Closing the window to the tray: it hides, refreshes and expiry alerts go on; the first time in a run, a
    // message says where TokenDesk went.
    void hideWindow();

private:
    QPointer<QWidget> m_window;
    QMenu *m_menu;
    QSystemTrayIcon *m_icon;
    QAction *m_show;
    QAction *m_refresh;
    QAction *m_quit;
    bool m_hintShown = false;
};
