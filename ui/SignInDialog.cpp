#include "SignInDialog.h"

#include "FieldForm.h"
#include "StatusColors.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

SignInDialog::SignInDialog(
    const Account &account, const QList<FieldSpec> &secretFields, const QString &reason, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Sign in to %1").arg(account.name));
    auto *layout = new QVBoxLayout(this);

    auto *who = new QLabel(this);
    who->setObjectName(QStringLiteral("accountLabel"));
    who->setTextFormat(Qt::PlainText);
    who->setWordWrap(true);
    who->setText(account.baseUrl.isEmpty() ? whoText(account)
                                           : tr("%1 (%2)").arg(whoText(account), account.baseUrl.toDisplayString()));
    layout->addWidget(who);

    m_reason = new QLabel(reason, this);
    m_reason->setObjectName(QStringLiteral("reasonLabel"));
    m_reason->setTextFormat(Qt::PlainText);
    m_reason->setWordWrap(true);
    m_reason->setVisible(!reason.isEmpty());
    layout->addWidget(m_reason);

    QList<FieldSpec> masked = secretFields;
    for (FieldSpec &spec : masked) {
        if (spec.type == FieldSpec::Type::Text)
            spec.type = FieldSpec::Type::Secret;
        spec.defaultValue = {};
    }
    m_form = new FieldForm(masked, this);
    layout->addWidget(m_form);

    m_demoNote = new QLabel(tr("The sandbox's demo credentials are filled in: choose Sign in."), this);
    m_demoNote->setObjectName(QStringLiteral("demoNote"));
    m_demoNote->setWordWrap(true);
    m_demoNote->setVisible(false);
    layout->addWidget(m_demoNote);

    m_keep = new QCheckBox(tr("&Remember these credentials in the system keychain"), this);
    m_keep->setObjectName(QStringLiteral("keepSignedIn"));
    m_keep->setChecked(true);
    layout->addWidget(m_keep);
    m_keepNote = new QLabel(this);
    m_keepNote->setObjectName(QStringLiteral("keepNote"));
    m_keepNote->setWordWrap(true);
    m_keepNote->hide();
    layout->addWidget(m_keepNote);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Sign in"));
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
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
    return m_keep->isChecked();
}

void SignInDialog::setKeepSignedIn(bool keep)
{
    m_keep->setChecked(keep);
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
    m_demoNote->setVisible(filled);
    updateOk();
}

void SignInDialog::setKeychainAvailable(bool available)
{
    const QString why = tr("No keychain is available: the credentials are kept only until TokenDesk quits.");
    if (!available)
        m_keep->setChecked(false);
    m_keep->setEnabled(available);
    m_keep->setToolTip(available ? QString() : why);
    m_keepNote->setText(available ? QString() : why);
    m_keepNote->setVisible(!available);
}

void SignInDialog::showError(const QString &message)
{
    m_reason->setText(message);
    m_reason->setVisible(!message.isEmpty());
    StatusColors::apply(m_reason, StatusColors::Role::Error);
}

QString SignInDialog::whoText(const Account &account)
{
    const QString user = account.options.value(QStringLiteral("username")).toString().trimmed();
    return user.isEmpty() ? tr("Sign in to %1").arg(account.name) : tr("Sign in to %1 as %2").arg(account.name, user);
}

void SignInDialog::updateOk()
{
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(m_form->isValid());
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
