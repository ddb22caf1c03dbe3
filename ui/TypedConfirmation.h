#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;

// "Type <word> to confirm": a label and a line edit for destructive actions whose reach is wide (expire every
// token of an application, revoke everything of a subject in several accounts). isConfirmed() once the typed
// text equals the expected word (surrounding spaces ignored, case kept: ids are case-sensitive). Enter in the
// line edit does nothing (neither confirms nor cancels); the dialog's destructive button still has to be pressed.
class TypedConfirmation : public QWidget
{
    Q_OBJECT
public:
    explicit TypedConfirmation(QWidget *parent = nullptr);

    // What must be typed; `what` names it in the prompt ("the application id"). Clears what was typed when the
    // word changes.
    void setExpected(const QString &expected, const QString &what);
    QString expected() const { return m_expected; }
    bool isConfirmed() const;
    QLineEdit *lineEdit() const { return m_edit; }

signals:
    void confirmedChanged(bool confirmed);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void onTextChanged();

    QLabel *m_prompt;
    QLineEdit *m_edit;
    QString m_expected;
    bool m_confirmed = false;
};
