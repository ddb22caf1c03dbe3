#pragma once

#include <QCoreApplication>
#include <QEvent>
#include <QObject>

// Benchmarks (tests/bench/run, P1): ends the event loop at the watched window's first paint event. tokendesk
// (with TOKENDESK_EXIT_ON_FIRST_PAINT) and the bare-window baseline both use it, so both processes are timed from
// start to the same moment. exit() is called directly rather than posted: what the window queued for after its
// first paint (MainWindow::start) is not part of "start → first paint". The frame being painted still completes:
// the loop returns once this event's delivery is over.
class FirstPaintExit : public QObject
{
public:
    using QObject::QObject;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && !m_done) {
            m_done = true;
            QCoreApplication::exit(0);
        }
        return QObject::eventFilter(watched, event);
    }

private:
    bool m_done = false;
};
