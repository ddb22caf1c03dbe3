#include "SignInPanel.h"

#include "FieldForm.h"
#include "SignInDialog.h"
#include "StatusColors.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

SignInPanel::SignInPanel(QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel)
    , m_reason(new QLabel)
    , m_form(new FieldForm)
    , m_demoNote(new QLabel(tr("The sandbox's demo password is filled in: choose Sign in.")))
    , m_remember(new QCheckBox(tr("&Remember in the keychain")))
    , m_rememberNote(new QLabel)
    , m_signIn(new QPushButton(tr("&Sign in")))
    , m_error(new QLabel)
{
    setObjectName(QStringLiteral("signInPanel"));
    setAccessibleName(tr("Sign in"));
    auto *outer = new QVBoxLayout(this);
    outer->addStretch();
    auto *row = new QHBoxLayout;
    row->addStretch();
    auto *column = new QVBoxLayout;
    m_title->setObjectName(QStringLiteral("signInTitle"));
    m_title->setTextFormat(Qt::PlainText);
    m_title->setWordWrap(true);
    QFont big = m_title->font();
    big.setPointSizeF(big.pointSizeF() * 1.25);
    big.setBold(true);
    m_title->setFont(big);
    column->addWidget(m_title);
    m_reason->setObjectName(QStringLiteral("signInReason"));
    m_reason->setTextFormat(Qt::PlainText); // server text can end up here
    m_reason->setWordWrap(true);
    column->addWidget(m_reason);
    m_form->setObjectName(QStringLiteral("signInForm"));
    column->addWidget(m_form);
    m_demoNote->setObjectName(QStringLiteral("signInDemoNote"));
    m_demoNote->setWordWrap(true);
    m_demoNote->hide();
    column->addWidget(m_demoNote);
    m_remember->setObjectName(QStringLiteral("signInRemember"));
    m_remember->setAccessibleName(tr("Remember in the keychain"));
    column->addWidget(m_remember);
    m_rememberNote->setObjectName(QStringLiteral("signInRememberNote"));
    m_rememberNote->setWordWrap(true);
    m_rememberNote->hide();
    column->addWidget(m_rememberNote);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    m_signIn->setObjectName(QStringLiteral("signInButton"));
    m_signIn->setAccessibleName(tr("Sign in"));
    m_signIn->setDefault(true);
    buttons->addWidget(m_signIn);
    column->addLayout(buttons);
    m_error->setObjectName(QStringLiteral("signInError"));
    m_error->setAccessibleName(tr("Sign-in error"));
    m_error->setTextFormat(Qt::PlainText); // the service's refusal
    m_error->setWordWrap(true);
    StatusColors::apply(m_error, StatusColors::Role::Error);
    m_error->hide();
    column->addWidget(m_error);
    auto *box = new QWidget;
    box->setLayout(column);
    box->setMaximumWidth(460);
    box->setMinimumWidth(280);
    row->addWidget(box, 1);
    row->addStretch();
    outer->addLayout(row);
    outer->addStretch(2);

    connect(m_signIn, &QPushButton::clicked, this, &SignInPanel::submit);
    connect(m_form, &FieldForm::changed, this, &SignInPanel::updateButton);
}

void SignInPanel::showFor(const Setup &setup)
{
    const bool sameAccount = m_accountId == setup.account.id;
    m_accountId = setup.account.id;
    m_title->setText(SignInDialog::whoText(setup.account));
    m_reason->setText(setup.reason);
    m_reason->setVisible(!setup.reason.isEmpty());
    if (!sameAccount || m_form->fields().isEmpty()) {
        QList<FieldSpec> masked = setup.secretFields;
        for (FieldSpec &spec : masked) {
            spec.type = FieldSpec::Type::Secret;
            spec.defaultValue = {};
        }
        m_form->setFields(masked);
        m_error->clear();
        m_error->hide();
    }
    bool filled = false;
    for (auto it = setup.demoValues.cbegin(); it != setup.demoValues.cend(); ++it) {
        if (!m_form->hasField(it.key()) || it.value().isEmpty())
            continue;
        m_form->setValue(it.key(), it.value());
        filled = true;
    }
    m_demoNote->setVisible(filled);
    const QString noKeychain = tr("No keychain is available: the password is kept only until TokenDesk quits.");
    m_remember->setEnabled(setup.keychainAvailable);
    m_remember->setChecked(setup.keychainAvailable);
    m_remember->setToolTip(setup.keychainAvailable ? QString() : noKeychain);
    m_rememberNote->setText(setup.keychainAvailable ? QString() : noKeychain);
    m_rememberNote->setVisible(!setup.keychainAvailable);
    setBusy(false);
    // The first empty field takes the keyboard, so typing the password and Enter is all it takes.
    for (const FieldSpec &spec : m_form->fields()) {
        if (auto *edit = qobject_cast<QLineEdit *>(m_form->editor(spec.key)); edit && edit->text().isEmpty()) {
            edit->setFocus(Qt::OtherFocusReason);
            break;
        }
    }
    const QList<QLineEdit *> edits = m_form->findChildren<QLineEdit *>();
    for (QLineEdit *edit : edits)
        connect(edit, &QLineEdit::returnPressed, this, &SignInPanel::submit, Qt::UniqueConnection);
}

QHash<QString, QString> SignInPanel::values() const
{
    QHash<QString, QString> out;
    const QVariantMap map = m_form->values();
    for (auto it = map.cbegin(); it != map.cend(); ++it) {
        if (!it.value().toString().isEmpty())
            out.insert(it.key(), it.value().toString());
    }
    return out;
}

bool SignInPanel::remember() const
{
    return m_remember->isEnabled() && m_remember->isChecked();
}

void SignInPanel::setBusy(bool busy)
{
    m_busy = busy;
    m_form->setEnabled(!busy);
    m_signIn->setText(busy ? tr("Signing in…") : tr("&Sign in"));
    updateButton();
}

void SignInPanel::showError(const QString &message)
{
    setBusy(false);
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
}

QString SignInPanel::errorText() const
{
    return m_error->isVisible() ? m_error->text() : QString();
}

void SignInPanel::clearValues()
{
    const QList<QLineEdit *> edits = m_form->findChildren<QLineEdit *>();
    for (QLineEdit *edit : edits)
        edit->clear();
}

void SignInPanel::submit()
{
    if (m_busy || !m_signIn->isEnabled())
        return;
    m_error->hide();
    emit submitted(m_accountId);
}

void SignInPanel::updateButton()
{
    m_signIn->setEnabled(!m_busy && m_form->isValid());
}
