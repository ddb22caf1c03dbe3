#include "CreateTokenDialog.h"

#include "FieldForm.h"
#include "GrowWithContents.h"
#include "StatusColors.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QStackedWidget>
#include <QVBoxLayout>

#include <algorithm>

CreateTokenDialog::CreateTokenDialog(const QList<TokenKindSpec> &kinds, QWidget *parent)
    : QDialog(parent)
    , m_kinds(kinds)
{
    setWindowTitle(tr("Create token"));
    auto *layout = new QVBoxLayout(this);

    if (m_kinds.size() > 1) {
        m_kindCombo = new QComboBox(this);
        m_kindCombo->setObjectName(QStringLiteral("kindCombo"));
        for (const TokenKindSpec &kind : std::as_const(m_kinds))
            m_kindCombo->addItem(kind.label.isEmpty() ? kind.kind : kind.label, kind.kind);
        auto *kindForm = new QFormLayout;
        kindForm->addRow(tr("&Kind:"), m_kindCombo);
        layout->addLayout(kindForm);
    }

    m_stack = new QStackedWidget(this);
    for (const TokenKindSpec &kind : std::as_const(m_kinds)) {
        auto *form = new FieldForm(kind.fields, m_stack);
        form->setObjectName(QStringLiteral("form_") + kind.kind);
        m_stack->addWidget(form);
        m_forms << form;
        connect(form, &FieldForm::changed, this, &CreateTokenDialog::revalidate);
    }
    layout->addWidget(m_stack);

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("messageLabel"));
    m_message->setWordWrap(true);
    StatusColors::apply(m_message, StatusColors::Role::Error);
    m_message->setVisible(false);
    layout->addWidget(m_message);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Create"));
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &CreateTokenDialog::submit);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    if (m_kindCombo) {
        connect(m_kindCombo, &QComboBox::currentIndexChanged, this, [this](int index) {
            m_stack->setCurrentIndex(index);
            m_message->setVisible(false);
            revalidate();
        });
    }
    // Validation messages appear under their fields as the user types: the dialog makes room for them.
    GrowWithContents::install(this);
    revalidate();
    // The first thing to type is the token's name, also when a kind chooser sits above it.
    if (FieldForm *form = currentForm())
        form->focusFirstField();
}

CreateTokenDialog::~CreateTokenDialog() = default;

QString CreateTokenDialog::currentKind() const
{
    const int i = m_stack->currentIndex();
    return i >= 0 && i < m_kinds.size() ? m_kinds[i].kind : QString();
}

void CreateTokenDialog::setCurrentKind(const QString &kind)
{
    for (int i = 0; i < m_kinds.size(); ++i) {
        if (m_kinds[i].kind == kind) {
            if (m_kindCombo)
                m_kindCombo->setCurrentIndex(i);
            else
                m_stack->setCurrentIndex(i);
            m_forms[i]->focusFirstField();
        }
    }
}

FieldForm *CreateTokenDialog::currentForm() const
{
    const int i = m_stack->currentIndex();
    return i >= 0 && i < m_forms.size() ? m_forms[i] : nullptr;
}

CreateRequest CreateTokenDialog::request() const
{
    CreateRequest r;
    r.kind = currentKind();
    if (FieldForm *form = currentForm())
        r.values = form->values();
    return r;
}

void CreateTokenDialog::setValidator(std::function<QList<FieldError>(const CreateRequest &)> validator)
{
    m_validator = std::move(validator);
    revalidate();
}

void CreateTokenDialog::revalidate()
{
    if (m_inRevalidate)
        return;
    m_inRevalidate = true;
    if (FieldForm *form = currentForm()) {
        QList<FieldError> computed;
        if (m_validator) {
            // Only the first message per field: the local checks already explain required and format errors.
            const QList<FieldError> errors = m_validator(request());
            const QList<FieldError> local = form->validate();
            for (const FieldError &e : errors) {
                const bool duplicate =
                    std::any_of(local.cbegin(), local.cend(), [&e](const FieldError &l) { return l.field == e.field; });
                if (!duplicate)
                    computed << e;
            }
        }
        form->setComputedErrors(computed);
    }
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(canSubmit());
    m_inRevalidate = false;
}

bool CreateTokenDialog::canSubmit() const
{
    const FieldForm *form = currentForm();
    return !m_busy && form && form->isValid();
}

void CreateTokenDialog::submit()
{
    revalidate();
    if (!canSubmit()) {
        if (FieldForm *form = currentForm())
            form->showAllErrors();
        return;
    }
    m_message->setVisible(false);
    emit submitted(request());
}

void CreateTokenDialog::showFieldErrors(const QList<FieldError> &errors)
{
    FieldForm *form = currentForm();
    const QList<FieldError> rest = form ? form->setFieldErrors(errors) : errors;
    QStringList lines;
    for (const FieldError &e : rest)
        lines << (e.field.isEmpty() ? e.message : tr("%1: %2").arg(e.field, e.message));
    showError(lines.join(QLatin1Char('\n')));
    revalidate();
}

void CreateTokenDialog::showError(const QString &message)
{
    m_message->setText(message);
    m_message->setVisible(!message.isEmpty());
}

void CreateTokenDialog::setBusy(bool busy)
{
    m_busy = busy;
    if (m_kindCombo)
        m_kindCombo->setEnabled(!busy);
    for (FieldForm *form : std::as_const(m_forms))
        form->setReadOnly(busy);
    m_buttons->button(QDialogButtonBox::Ok)->setText(busy ? tr("Creating…") : tr("Create"));
    if (busy)
        setCursor(Qt::BusyCursor);
    else
        unsetCursor();
    revalidate();
}
