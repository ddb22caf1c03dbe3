#include "PastedValueEdit.h"

#include "core/Jwt.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QLineEdit>

PastedValueEdit::PastedValueEdit(QWidget *parent)
    : QWidget(parent)
{
    auto *row = new QHBoxLayout(this);
    row->setContentsMargins(0, 0, 0, 0);
    m_input = new QLineEdit(this);
    m_input->setObjectName(QStringLiteral("tokenInput"));
    m_input->setEchoMode(QLineEdit::Password);
    m_input->setPlaceholderText(tr("Paste the token value"));
    m_input->setMaxLength(int(Jwt::MaxInputBytes));
    m_input->setInputMethodHints(Qt::ImhSensitiveData | Qt::ImhNoPredictiveText | Qt::ImhNoAutoUppercase);
    m_input->setAccessibleName(tr("Token value"));
    m_show = new QCheckBox(tr("Show"), this);
    m_show->setObjectName(QStringLiteral("showToken"));
    m_show->setAccessibleName(tr("Show the token value"));
    row->addWidget(m_input, 1);
    row->addWidget(m_show);
    setFocusProxy(m_input);
    connect(m_show, &QCheckBox::toggled, this,
        [this](bool on) { m_input->setEchoMode(on ? QLineEdit::Normal : QLineEdit::Password); });
    connect(m_input, &QLineEdit::textChanged, this, &PastedValueEdit::changed);
}

PastedValueEdit::~PastedValueEdit()
{
    wipe();
}

bool PastedValueEdit::isEmpty() const
{
    return m_input->text().trimmed().isEmpty();
}

QString PastedValueEdit::take()
{
    const QString value = m_input->text().trimmed();
    wipe();
    return value;
}

void PastedValueEdit::wipe()
{
    // QLineEdit keeps its own copy; overwrite what we can reach, then clear (also the undo history).
    QString text = m_input->text();
    if (!text.isEmpty()) {
        m_input->setText(QString(text.size(), QLatin1Char(' ')));
        text.fill(QLatin1Char('\0'));
    }
    m_input->clear();
    m_input->setModified(false);
}
