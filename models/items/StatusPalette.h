#pragma once

#include <QColor>

class QPalette;

// Status text colours for light and dark palettes. Every colour reaches WCAG AA for text (4.5:1) against the
// palette's Window and Base: a hue that would not is made darker (light palettes) or lighter (dark ones), so a
// platform's or user's palette cannot make status text unreadable. The item models and the widgets
// (StatusColors) take their colours from here.
class StatusPalette
{
public:
    // Subtle: secondary text (sidebar subtitles), quieter than Text yet readable; Expired: an expired token's
    // status and remaining life; Revoked: a revoked token's row.
    enum class Role { Error, Warning, Success, Expired, Revoked, Subtle };

    static constexpr double MinimumTextContrast = 4.5;

    static bool isDark(const QPalette &palette);
    static QColor color(Role role, const QPalette &palette);
    // WCAG 2 contrast ratio of two opaque colours, 1 to 21.
    static double contrastRatio(const QColor &a, const QColor &b);
};
