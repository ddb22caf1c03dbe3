#include "TrayIcon.h"

#include "AlertCenter.h"
#include "Icons.h"

#include <QAction>
#include <QApplication>
#include <QIcon>
#include <QMenu>
#include <QSystemTrayIcon>
#include <QWidget>

TrayIcon::TrayIcon(QWidget *window, QAction *refresh, QAction *quit, AlertCenter *center, QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_menu(new QMenu)
    , m_icon(new QSystemTrayIcon(Icons::app(), this))
{
    setObjectName(QStringLiteral("trayIcon"));
    m_menu->setObjectName(QStringLiteral("trayMenu"));
    m_menu->setAccessibleName(tr("TokenDesk tray menu"));
    m_show = m_menu->addAction(tr("&Show TokenDesk"));
    m_show->setObjectName(QStringLiteral("trayShow"));
    connect(m_show, &QAction::triggered, this, &TrayIcon::showWindow);
    m_refresh = m_menu->addAction(tr("&Refresh"));
    m_refresh->setObjectName(QStringLiteral("trayRefresh"));
    if (refresh)
        connect(m_refresh, &QAction::triggered, refresh, &QAction::trigger);
    m_menu->addSeparator();
    m_quit = m_menu->addAction(tr("&Quit"));
    m_quit->setObjectName(QStringLiteral("trayQuit"));
    if (quit) {
        connect(m_quit, &QAction::triggered, quit, &QAction::trigger);
    } else {
        connect(m_quit, &QAction::triggered, this, [this] {
            if (m_window)
                m_window->close();
            QCoreApplication::quit();
        });
    }

    m_icon->setToolTip(tr("TokenDesk"));
    m_icon->setContextMenu(m_menu);
    connect(m_icon, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason reason) {
        if (reason == QSystemTrayIcon::Trigger || reason == QSystemTrayIcon::DoubleClick)
            showWindow();
    });
    if (center) {
        connect(center, &AlertCenter::notificationShown, this, [this](const QString &title, const QString &message) {
            m_icon->showMessage(title, message, QSystemTrayIcon::Warning);
        });
    }
    connect(m_icon, &QSystemTrayIcon::messageClicked, this, &TrayIcon::showWindow);
    m_icon->show();
}

TrayIcon::~TrayIcon()
{
    delete m_menu; // a context menu has no parent
}

void TrayIcon::showWindow()
{
    if (!m_window)
        return;
    if (m_window->isMinimized())
        m_window->showNormal();
    else
        m_window->show();
    m_window->raise();
    m_window->activateWindow();
}

void TrayIcon::hideWindow()
{
    if (m_window)
        m_window->hide();
    if (m_hintShown)
        return;
    m_hintShown = true;
    m_icon->showMessage(tr("TokenDesk is still running"),
        tr("Expiry alerts keep coming. Quit from the tray menu or with File → Quit."), QSystemTrayIcon::Information);
}
