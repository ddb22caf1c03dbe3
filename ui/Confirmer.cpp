#include "Confirmer.h"

#include "DestructiveButton.h"

#include <QMessageBox>
#include <QPushButton>

std::optional<bool> Confirmer::s_nextAnswer;
QString Confirmer::s_lastQuestion;
int Confirmer::s_questionCount = 0;

bool Confirmer::confirm(
    QWidget *parent, const QString &title, const QString &text, const QString &details, const QString &button)
{
    s_lastQuestion = details.isEmpty() ? text : text + QLatin1Char('\n') + details;
    ++s_questionCount;
    if (s_nextAnswer) {
        const bool answer = *s_nextAnswer;
        s_nextAnswer.reset();
        return answer;
    }
    QMessageBox box(QMessageBox::Warning, title, text, QMessageBox::NoButton, parent);
    box.setTextFormat(Qt::PlainText);
    if (!details.isEmpty())
        box.setDetailedText(details);
    const QString yesText = !button.isEmpty() ? button : title.isEmpty() ? QMessageBox::tr("Continue") : title;
    QPushButton *yes = box.addButton(yesText, QMessageBox::DestructiveRole);
    yes->setObjectName(QStringLiteral("confirmButton"));
    DestructiveButton::style(yes, QStringLiteral("warning"));
    QPushButton *no = box.addButton(QMessageBox::Cancel);
    box.setDefaultButton(no);
    box.setEscapeButton(no);
    box.exec();
    return box.clickedButton() == yes;
}

void Confirmer::setNextAnswerForTest(bool answer)
{
    s_nextAnswer = answer;
}
