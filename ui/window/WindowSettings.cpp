#include "WindowSettings.h"

#include <QComboBox>
#include <QDir>
#include <QMainWindow>
#include <QSettings>
#include <QSplitter>

WindowSettings::WindowSettings(const QString &configDir)
    : m_path(QDir(configDir).filePath(QStringLiteral("window.ini")))
{ }

void WindowSettings::save(const QMainWindow *window, const QSplitter *splitter, const QComboBox *statusFilter) const
{
    QSettings settings(m_path, QSettings::IniFormat);
    settings.beginGroup(QStringLiteral("MainWindow"));
    settings.setValue(QStringLiteral("geometry"), window->saveGeometry());
    settings.setValue(QStringLiteral("state"), window->saveState());
    settings.setValue(QStringLiteral("splitter"), splitter->saveState());
    settings.setValue(QStringLiteral("statusFilter"), statusFilter->currentIndex());
    settings.endGroup();
    settings.sync();
}

void WindowSettings::restore(QMainWindow *window, QSplitter *splitter, QComboBox *statusFilter) const
{
    QSettings settings(m_path, QSettings::IniFormat);
    settings.beginGroup(QStringLiteral("MainWindow"));
    if (settings.contains(QStringLiteral("geometry")))
        window->restoreGeometry(settings.value(QStringLiteral("geometry")).toByteArray());
    if (settings.contains(QStringLiteral("state")))
        window->restoreState(settings.value(QStringLiteral("state")).toByteArray());
    if (settings.contains(QStringLiteral("splitter")))
        splitter->restoreState(settings.value(QStringLiteral("splitter")).toByteArray());
    // Earlier versions kept the table's header as one opaque state whose column numbers no longer match; each
    // table now keeps its own layout by column name, so the old state is dropped.
    settings.remove(QStringLiteral("tokenHeader"));
    statusFilter->setCurrentIndex(
        qBound(0, settings.value(QStringLiteral("statusFilter"), 0).toInt(), statusFilter->count() - 1));
    settings.endGroup();
}
