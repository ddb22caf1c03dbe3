#pragma once

#include <QColor>

class QLabel;
class QPalette;

// Error and warning text colours that follow the platform's light/dark palette (issue 7), instead of a
// hard-coded "color: #d0312d" style sheet that is unreadable on a dark window.
class StatusColors
{
public:
    enum class Role { Error, Warning };

    static bool isDark(const QPalette &palette);
    static QColor color(Role role, const QPalette &palette);
    // Colours the label's text for `role` now and again whenever the application palette changes.
    static void apply(QLabel *label, Role role);
};
