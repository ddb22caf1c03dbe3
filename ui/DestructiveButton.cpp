#include "DestructiveButton.h"

#include "Icons.h"
#include "StatusColors.h"

#include <QApplication>
#include <QEvent>
#include <QIcon>
#include <QPalette>
#include <QPushButton>

#include <algorithm>
#include <iterator>

namespace {

constexpr const char *DestructiveProperty = "destructive";
// How much of the error colour tints the button's face: enough to tell it apart, little enough to keep the
// text readable.
constexpr qreal TintShare = 0.10;

QColor mix(const QColor &base, const QColor &tint, qreal share)
{
    return QColor::fromRgbF(float(base.redF() * (1 - share) + tint.redF() * share),
        float(base.greenF() * (1 - share) + tint.greenF() * share),
        float(base.blueF() * (1 - share) + tint.blueF() * share));
}

// Re-tints its button when the application palette changes (a light/dark switch). Parented to the button,
// so it stops listening with it.
class TintFollower : public QObject
{
public:
    explicit TintFollower(QPushButton *button)
        : QObject(button)
        , m_button(button)
    {
        // The application gets ApplicationPaletteChange for every palette switch; a child widget whose palette
        // was set explicitly (as here) is not told.
        qApp->installEventFilter(this);
        update();
    }

    void update()
    {
        const QPalette app = QApplication::palette(m_button);
        QColor text = StatusColors::color(StatusColors::Role::Error, app);
        // The error colour is AA against Window and Base, not necessarily against a style's button face: the
        // first face that keeps it readable, else the palette's own button colours (no red beats unreadable).
        QColor face = app.color(QPalette::Button);
        const QColor candidates[] = {mix(face, text, TintShare), face, app.color(QPalette::Window)};
        const auto readable = std::find_if(std::begin(candidates), std::end(candidates), [&text](const QColor &c) {
            return StatusPalette::contrastRatio(text, c) >= StatusPalette::MinimumTextContrast;
        });
        if (readable != std::end(candidates))
            face = *readable;
        else
            text = app.color(QPalette::ButtonText);
        QPalette palette = m_button->palette();
        palette.setColor(QPalette::ButtonText, text);
        palette.setColor(QPalette::Button, face);
        m_button->setPalette(palette);
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (watched == qApp && event->type() == QEvent::ApplicationPaletteChange)
            update();
        return QObject::eventFilter(watched, event);
    }

private:
    QPushButton *m_button;
};

} // namespace

void DestructiveButton::style(QPushButton *button, const QString &iconName)
{
    if (!button || isStyled(button))
        return;
    button->setProperty(DestructiveProperty, true);
    button->setIcon(Icons::action(iconName));
    button->setAutoDefault(false);
    button->setDefault(false);
    new TintFollower(button);
}

bool DestructiveButton::isStyled(const QPushButton *button)
{
    return button && button->property(DestructiveProperty).toBool();
}
