#pragma once

#include <QString>

class QComboBox;
class QMainWindow;
class QSplitter;

// window.ini in the configuration folder: the main window's geometry and toolbar state, the splitter between the
// sidebar and the tables, and the account page's status filter. Each token table keeps its own column layout in
// the same file (TokenTableView::setSettings).
class WindowSettings
{
public:
    explicit WindowSettings(const QString &configDir);

    QString path() const { return m_path; }
    void save(const QMainWindow *window, const QSplitter *splitter, const QComboBox *statusFilter) const;
    void restore(QMainWindow *window, QSplitter *splitter, QComboBox *statusFilter) const;

private:
    QString m_path;
};
