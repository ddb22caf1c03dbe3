#pragma once

#include <QColor>

class QLabel;
class QPalette;

// Error and warning text colours that follow the platform's light/dark palette, instead of a
// hard-coded text colour in a style sheet, unreadable on the other of light/dark.
class StatusColors
{
public:
    enum class Role { Error, Warning };

    static bool isDark(const QPalette &palette);
    static QColor color(Role role, const QPalette &palette);
    // Colours the label's text for `role` now and again whenever the application palette changes. Calling it
    // again with another role switches the role.
    static void apply(QLabel *label, Role role);
    // Back to the palette's own text colour (undoes apply()).
    static void clear(QLabel *label);
};
