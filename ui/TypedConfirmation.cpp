#include "TypedConfirmation.h"

#include "core/UntrustedText.h"

#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

TypedConfirmation::TypedConfirmation(QWidget *parent)
    : QWidget(parent)
    , m_prompt(new QLabel(this))
    , m_edit(new QLineEdit(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_prompt->setObjectName(QStringLiteral("typedConfirmationPrompt"));
    m_prompt->setWordWrap(true);
    m_prompt->setTextFormat(Qt::PlainText);
    m_prompt->setBuddy(m_edit);
    m_edit->setObjectName(QStringLiteral("typedConfirmation"));
    m_edit->setAccessibleName(tr("Confirmation"));
    layout->addWidget(m_prompt);
    layout->addWidget(m_edit);
    m_edit->installEventFilter(this);
    connect(m_edit, &QLineEdit::textChanged, this, &TypedConfirmation::onTextChanged);
}

bool TypedConfirmation::eventFilter(QObject *watched, QEvent *event)
{
    // Enter after typing the word must neither confirm nor, through the dialog's default button (Cancel),
    // throw away what was just typed.
    if (watched == m_edit && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if (key == Qt::Key_Return || key == Qt::Key_Enter)
            return true;
    }
    return QWidget::eventFilter(watched, event);
}

void TypedConfirmation::setExpected(const QString &expected, const QString &what)
{
    // Ids and names come from services and accounts: one line, no bidi tricks in the prompt.
    m_prompt->setText(
        tr("To confirm, type %1: %2").arg(what, UntrustedText::forDisplay(expected, UntrustedText::MessageCap)));
    if (expected == m_expected)
        return;
    m_expected = expected;
    m_edit->clear();
    onTextChanged();
}

bool TypedConfirmation::isConfirmed() const
{
    return m_confirmed;
}

void TypedConfirmation::onTextChanged()
{
    const bool confirmed = !m_expected.isEmpty() && m_edit->text().trimmed() == m_expected.trimmed();
    if (confirmed == m_confirmed)
        return;
    m_confirmed = confirmed;
    emit confirmedChanged(confirmed);
}
