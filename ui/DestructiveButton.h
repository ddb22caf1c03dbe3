#pragma once

class QPushButton;
class QString;

// Marks the button that destroys something (revoke, expire, remove) so it reads as such: StatusColors' error
// colour for its text on a faintly red-tinted face (kept at AA contrast, following light/dark switches), an
// icon, and the "destructive" property styles can match. It never becomes the default button, so Enter in
// its dialog does not press it: callers make Cancel the default.
class DestructiveButton
{
public:
    // `iconName` is a file in resources/icons/actions without ".svg".
    static void style(QPushButton *button, const QString &iconName);
    static bool isStyled(const QPushButton *button);
};
