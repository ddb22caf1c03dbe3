#pragma once

#include <QString>

#include <optional>

class QWidget;

// Asks a yes/no question before a destructive action (revoke, expire all, sign out). The box's Cancel is the
// default and escape button, so Enter and Escape both decline; the confirming button is destructive-styled
// (DestructiveButton) and says what it does. Tests preset the next answer with setNextAnswerForTest() so no
// message box is shown.
class Confirmer
{
public:
    // True when the user confirmed. `details` goes into the box's expandable details section. `button` names
    // the confirming button with its verb and count ("Revoke 3 Tokens"); empty: the title.
    static bool confirm(QWidget *parent, const QString &title, const QString &text, const QString &details = {},
        const QString &button = {});

    // The next confirm() returns `answer` at once without showing a box (one call only).
    static void setNextAnswerForTest(bool answer);
    // The text and details of the last question asked (shown or answered for a test), so tests can check
    // what the user was told. Never holds a secret: questions name tokens by id and label only.
    static QString lastQuestionForTest() { return s_lastQuestion; }
    // How many questions were asked since the process started (so a test can tell none was).
    static int questionCountForTest() { return s_questionCount; }

private:
    static std::optional<bool> s_nextAnswer;
    static QString s_lastQuestion;
    static int s_questionCount;
};
