#pragma once

#include <QString>

#include <optional>

class QWidget;

// Asks a yes/no question before a destructive action (revoke, expire all, sign out). Tests preset the next
// answer with setNextAnswerForTest() so no message box is shown.
class Confirmer
{
public:
    // True when the user confirmed. `details` goes into the box's expandable details section.
    static bool confirm(QWidget *parent, const QString &title, const QString &text, const QString &details = {});

    // The next confirm() returns `answer` at once without showing a box (one call only).
    static void setNextAnswerForTest(bool answer);

private:
    static std::optional<bool> s_nextAnswer;
};
