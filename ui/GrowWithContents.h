#pragma once

#include <QObject>

class QWidget;

// Lets a dialog grow when its contents need more room than it has: a validation or server message that appears,
// a status line that gets longer. Word-wrapped labels get the height their text needs at the width they are given.
// It never shrinks the window, so a size the user chose stays, and never grows it past the screen.
class GrowWithContents : public QObject
{
    Q_OBJECT
public:
    // Watches `window` (a top-level widget with a layout) from now on; owned by it.
    static GrowWithContents *install(QWidget *window);

    // Grows the window now if its contents need it.
    void fit();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    explicit GrowWithContents(QWidget *window);

    QWidget *m_window;
    bool m_fitting = false; // the resize of fit() itself is not a reason to fit again
};
