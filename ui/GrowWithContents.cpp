#include "GrowWithContents.h"

#include <QEvent>
#include <QLayout>
#include <QScreen>
#include <QWidget>

GrowWithContents::GrowWithContents(QWidget *window)
    : QObject(window)
    , m_window(window)
{
    window->installEventFilter(this);
}

GrowWithContents *GrowWithContents::install(QWidget *window)
{
    return new GrowWithContents(window);
}

bool GrowWithContents::eventFilter(QObject *watched, QEvent *event)
{
    // A child changed what it needs (text, visibility) and the window's layout is asked again (LayoutRequest), or
    // showing a child made the layout raise the window's minimum at once (a Resize sent by Qt, not by the user's
    // window manager): grow in the same event, so the layout does not squeeze the other widgets on screen while
    // the window is still too small.
    const bool relayout =
        event->type() == QEvent::LayoutRequest || (event->type() == QEvent::Resize && !event->spontaneous());
    if (watched == m_window && relayout && !m_fitting)
        fit();
    return QObject::eventFilter(watched, event);
}

void GrowWithContents::fit()
{
    QLayout *layout = m_window->layout();
    if (!layout)
        return;
    layout->activate();
    const QSize hint = m_window->sizeHint().expandedTo(m_window->minimumSizeHint());
    int width = qMax(m_window->width(), hint.width());
    // With word-wrapped text the height depends on the width: the height at the width it will have, but never less
    // than the hint (nested widgets, a stacked page, do not all pass their height-for-width up).
    int height = hint.height();
    if (m_window->hasHeightForWidth())
        height = qMax(height, m_window->heightForWidth(width));
    height = qMax(m_window->height(), height);
    if (const QScreen *screen = m_window->screen()) {
        const QSize room = screen->availableGeometry().size();
        width = qMin(width, qMax(room.width(), m_window->width()));
        height = qMin(height, qMax(room.height(), m_window->height()));
    }
    if (QSize(width, height) != m_window->size()) {
        m_fitting = true;
        m_window->resize(width, height);
        m_fitting = false;
    }
}
