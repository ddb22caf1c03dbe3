#include "StatusPalette.h"

#include <QPalette>

#include <cmath>

namespace {

// WCAG 2 relative luminance of an sRGB colour.
double luminance(const QColor &color)
{
    const auto channel = [](double c) { return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4); };
    const QColor rgb = color.toRgb();
    return 0.2126 * channel(rgb.redF()) + 0.7152 * channel(rgb.greenF()) + 0.0722 * channel(rgb.blueF());
}

// The hue made darker (on a light palette) or lighter (on a dark one) in small steps until it reads against both
// of the palette's text backgrounds; the palette's own text colour if no step does.
QColor readable(const QColor &hue, const QPalette &palette)
{
    const bool dark = StatusPalette::isDark(palette);
    const QColor window = palette.color(QPalette::Window);
    const QColor base = palette.color(QPalette::Base);
    // A little above the minimum, so rounding in a colour picker or a screenshot does not tip it under.
    const double wanted = StatusPalette::MinimumTextContrast + 0.1;
    QColor color = hue.toHsl();
    for (int step = 0; step < 40; ++step) {
        if (qMin(StatusPalette::contrastRatio(color, window), StatusPalette::contrastRatio(color, base)) >= wanted)
            return color.toRgb();
        const float lightness = color.lightnessF() + (dark ? 0.025f : -0.025f);
        if (lightness < 0.0f || lightness > 1.0f)
            break;
        color = QColor::fromHslF(qMax(0.0f, color.hslHueF()), color.hslSaturationF(), lightness);
    }
    return palette.color(QPalette::WindowText);
}

QColor mix(const QColor &a, const QColor &b, float share)
{
    return QColor::fromRgbF(a.redF() * share + b.redF() * (1 - share), a.greenF() * share + b.greenF() * (1 - share),
        a.blueF() * share + b.blueF() * (1 - share));
}

} // namespace

bool StatusPalette::isDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}

QColor StatusPalette::color(Role role, const QPalette &palette)
{
    const bool dark = isDark(palette);
    switch (role) {
    case Role::Error:
        return readable(dark ? QColor(0xFF, 0x6B, 0x6B) : QColor(0xB0, 0x00, 0x20), palette);
    case Role::Warning:
        return readable(dark ? QColor(0xF0, 0xA0, 0x40) : QColor(0x8A, 0x5A, 0x00), palette);
    case Role::Success:
        return readable(dark ? QColor(0x6C, 0xCB, 0x7E) : QColor(0x1A, 0x6E, 0x33), palette);
    case Role::Expired:
        return readable(dark ? QColor(0xEF, 0x53, 0x50) : QColor(0xC6, 0x28, 0x28), palette);
    case Role::Revoked:
        return readable(dark ? QColor(0xE5, 0x73, 0x73) : QColor(0x8B, 0x00, 0x00), palette);
    case Role::Subtle:
        // Between text and background, pulled back towards the text as far as the contrast needs.
        return readable(mix(palette.color(QPalette::WindowText), palette.color(QPalette::Window), 0.7f), palette);
    }
    return palette.color(QPalette::WindowText);
}

double StatusPalette::contrastRatio(const QColor &a, const QColor &b)
{
    const double la = luminance(a);
    const double lb = luminance(b);
    return (qMax(la, lb) + 0.05) / (qMin(la, lb) + 0.05);
}
