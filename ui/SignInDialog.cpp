#include "SignInDialog.h"
#include "ui_SignInDialog.h"

#include "FieldForm.h"
#include "StatusColors.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

SignInDialog::SignInDialog(
    const Account &account, const QList<FieldSpec> &secretFields, const QString &reason, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::SignInDialog>())
{
    QList<FieldSpec> masked = secretFields;
    for (FieldSpec &spec : masked) {
        if (spec.type == FieldSpec::Type::Text)
            spec.type = FieldSpec::Type::Secret;
        spec.defaultValue = {};
    }
    // Made before the form's other widgets so that Tab walks the fields first, as they are shown.
    m_form = new FieldForm(masked, this);
    m_ui->setupUi(this);
    m_ui->fieldsLayout->addWidget(m_form);

    setWindowTitle(tr("Sign in to %1").arg(account.name));
    m_ui->accountLabel->setText(account.baseUrl.isEmpty()
            ? whoText(account)
            : tr("%1 (%2)").arg(whoText(account), account.baseUrl.toDisplayString()));
    m_ui->reasonLabel->setText(reason);
    m_ui->reasonLabel->setVisible(!reason.isEmpty());

    m_ui->demoNote->setVisible(false);
    m_ui->keepNote->hide();
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setText(tr("Sign in"));
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_form, &FieldForm::changed, this, &SignInDialog::updateOk);
    updateOk();
}

SignInDialog::~SignInDialog() = default;

QHash<QString, QString> SignInDialog::values() const
{
    QHash<QString, QString> out;
    const QVariantMap map = m_form->values();
    for (auto it = map.cbegin(); it != map.cend(); ++it)
        out.insert(it.key(), it.value().toString());
    return out;
}

bool SignInDialog::keepSignedIn() const
{
    return m_ui->keepSignedIn->isChecked();
}

void SignInDialog::setKeepSignedIn(bool keep)
{
    m_ui->keepSignedIn->setChecked(keep);
}

void SignInDialog::setDemoValues(const QHash<QString, QString> &values)
{
    bool filled = false;
    for (auto it = values.cbegin(); it != values.cend(); ++it) {
        if (!m_form->hasField(it.key()) || it.value().isEmpty())
            continue;
        m_form->setValue(it.key(), it.value());
        filled = true;
    }
    m_ui->demoNote->setVisible(filled);
    updateOk();
}

void SignInDialog::setKeychainAvailable(bool available)
{
    const QString why = tr("No keychain is available: the credentials are kept only until TokenDesk quits.");
    if (!available)
        m_ui->keepSignedIn->setChecked(false);
    m_ui->keepSignedIn->setEnabled(available);
    m_ui->keepSignedIn->setToolTip(available ? QString() : why);
    m_ui->keepNote->setText(available ? QString() : why);
    m_ui->keepNote->setVisible(!available);
}

void SignInDialog::showError(const QString &message)
{
    m_ui->reasonLabel->setText(message);
    m_ui->reasonLabel->setVisible(!message.isEmpty());
    StatusColors::apply(m_ui->reasonLabel, StatusColors::Role::Error);
}

QString SignInDialog::whoText(const Account &account)
{
    const QString user = account.options.value(QStringLiteral("username")).toString().trimmed();
    return user.isEmpty() ? tr("Sign in to %1").arg(account.name) : tr("Sign in to %1 as %2").arg(account.name, user);
}

void SignInDialog::updateOk()
{
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setEnabled(m_form->isValid());
}

void SignInDialog::done(int result)
{
    QDialog::done(result);
    if (result != QDialog::Accepted) {
        // Nothing typed should linger in a rejected dialog.
        const QList<QLineEdit *> edits = m_form->findChildren<QLineEdit *>();
        for (QLineEdit *edit : edits)
            edit->clear();
    }
}
