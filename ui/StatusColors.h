#pragma once

#include "items/StatusPalette.h"

#include <QColor>

class QLabel;
class QPalette;

// Status text colours (StatusPalette: AA contrast in light and dark palettes) for widgets, instead of a
// hard-coded text colour in a style sheet, unreadable on the other of light/dark.
class StatusColors
{
public:
    using Role = StatusPalette::Role;

    static bool isDark(const QPalette &palette);
    static QColor color(Role role, const QPalette &palette);
    // Colours the label's text for `role` now and again whenever the application palette changes. Calling it
    // again with another role switches the role.
    static void apply(QLabel *label, Role role);
    // Back to the palette's own text colour (undoes apply()).
    static void clear(QLabel *label);
};
