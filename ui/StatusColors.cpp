#include "StatusColors.h"

#include <QApplication>
#include <QEvent>
#include <QLabel>
#include <QPalette>

namespace {

// Re-colours its label on QEvent::ApplicationPaletteChange (a light/dark switch of the platform). The label's
// own PaletteChange is not watched: setPalette below sends one.
class PaletteFollower : public QObject
{
public:
    PaletteFollower(QLabel *label, StatusColors::Role role)
        : QObject(label)
        , m_label(label)
        , m_role(role)
    {
        setObjectName(QLatin1String(objectNameForFollower));
        label->installEventFilter(this);
        update();
    }

    static constexpr const char *objectNameForFollower = "tokendesk_statusColorFollower";

    static PaletteFollower *of(QLabel *label)
    {
        // Found by name: the class has no Q_OBJECT, so qobject_cast could not tell it apart; only this file names
        // children so.
        return static_cast<PaletteFollower *>(
            label->findChild<QObject *>(QLatin1String(objectNameForFollower), Qt::FindDirectChildrenOnly));
    }

    void setRole(StatusColors::Role role)
    {
        m_role = role;
        update();
    }

    void update()
    {
        QPalette palette = m_label->palette();
        palette.setColor(QPalette::WindowText, StatusColors::color(m_role, QApplication::palette(m_label)));
        m_label->setPalette(palette);
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (watched == m_label && event->type() == QEvent::ApplicationPaletteChange)
            update();
        return QObject::eventFilter(watched, event);
    }

private:
    QLabel *m_label;
    StatusColors::Role m_role;
};

} // namespace

bool StatusColors::isDark(const QPalette &palette)
{
    return StatusPalette::isDark(palette);
}

QColor StatusColors::color(Role role, const QPalette &palette)
{
    return StatusPalette::color(role, palette);
}

void StatusColors::apply(QLabel *label, Role role)
{
    if (!label)
        return;
    if (PaletteFollower *follower = PaletteFollower::of(label))
        follower->setRole(role);
    else
        new PaletteFollower(label, role);
}

void StatusColors::clear(QLabel *label)
{
    if (!label)
        return;
    delete PaletteFollower::of(label);
    // A palette with nothing resolved makes the label inherit its parent's palette again.
    label->setPalette(QPalette());
}
