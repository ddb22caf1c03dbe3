#include "VerifyTokenDialog.h"
#include "ui_VerifyTokenDialog.h"

#include "PastedValueEdit.h"
#include "StatusColors.h"

#include "core/Async.h"
#include "core/ProcessHardening.h"
#include "core/UntrustedText.h"
#include "providers/TokenProvider.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

VerifyTokenDialog::VerifyTokenDialog(TokenProvider *provider, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::VerifyTokenDialog>())
    , m_provider(provider)
{
    m_ui->setupUi(this);
    m_ui->accountName->setText(provider ? provider->account().name : QString());
    // The label stands for the edit inside the composite, so a screen reader names the edit "Token".
    m_ui->tokenLabel->setBuddy(m_ui->tokenValue->lineEdit());
    m_ui->tokenValue->lineEdit()->setAccessibleDescription(
        tr("The value of the token to check; it is cleared after the check."));
    connect(m_ui->tokenValue, &PastedValueEdit::changed, this, &VerifyTokenDialog::updateButtons);

    m_verify = m_ui->buttonBox->addButton(tr("&Verify"), QDialogButtonBox::ActionRole);
    m_verify->setObjectName(QStringLiteral("verifyButton"));
    m_verify->setAccessibleName(tr("Verify"));
    m_verify->setDefault(true);
    m_ui->buttonBox->button(QDialogButtonBox::Close)->setAccessibleName(tr("Close"));
    connect(m_verify, &QPushButton::clicked, this, &VerifyTokenDialog::verify);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    updateButtons();
}

VerifyTokenDialog::~VerifyTokenDialog()
{
    // Wiped while the dialog is whole: the edit's own destructor wipes too, and its changed() would then reach
    // updateButtons() after m_ui is gone.
    m_ui->tokenValue->wipe();
}

QString VerifyTokenDialog::resultText() const
{
    return m_ui->result->text();
}

void VerifyTokenDialog::done(int result)
{
    m_ui->tokenValue->wipe();
    QDialog::done(result);
}

void VerifyTokenDialog::updateButtons()
{
    m_verify->setEnabled(!m_checking && m_provider && !m_ui->tokenValue->isEmpty());
}

void VerifyTokenDialog::verify()
{
    if (m_checking)
        return;
    if (!m_provider) {
        setResult(tr("The account is no longer open."), Tone::Warning);
        return;
    }
    if (m_ui->tokenValue->isEmpty())
        return;
    QString value = m_ui->tokenValue->take();
    m_checking = true;
    updateButtons();
    setResult(tr("Asking %1…").arg(m_provider->account().name), Tone::None);
    QFuture<Result<TokenValueCheck>> future = m_provider->checkTokenValue(value);
    ProcessHardening::wipe(value);
    Async::then(future, this, [this](Result<TokenValueCheck> result) {
        m_checking = false;
        showResult(result);
        updateButtons();
        emit checkFinished();
    });
}

void VerifyTokenDialog::showResult(const Result<TokenValueCheck> &result)
{
    if (!result.ok()) {
        setResult(tr("Could not check the token: %1").arg(result.error().fullMessage()), Tone::Warning);
        return;
    }
    const TokenValueCheck &check = result.value();
    const QString id =
        check.tokenId.isEmpty() ? QString() : tr(" (token %1)").arg(UntrustedText::forDisplay(check.tokenId));
    switch (check.verdict) {
    case TokenValueCheck::Verdict::Rejected:
        setResult(tr("rejected by the server ✓%1").arg(id), Tone::None);
        return;
    case TokenValueCheck::Verdict::Accepted:
        setResult(tr("⚠ Still accepted by the server%1. %2")
                      .arg(id, UntrustedText::forDisplay(check.detail, UntrustedText::MessageCap)),
            Tone::Error);
        return;
    case TokenValueCheck::Verdict::Unknown:
        setResult(tr("Not sure%1: %2").arg(id, UntrustedText::forDisplay(check.detail, UntrustedText::MessageCap)),
            Tone::Warning);
        return;
    }
}

void VerifyTokenDialog::setResult(const QString &text, Tone tone)
{
    m_tone = tone;
    m_ui->result->setText(text);
    m_ui->result->setAccessibleDescription(text);
    switch (tone) {
    case Tone::None:
        StatusColors::clear(m_ui->result);
        break;
    case Tone::Warning:
        StatusColors::apply(m_ui->result, StatusColors::Role::Warning);
        break;
    case Tone::Error:
        StatusColors::apply(m_ui->result, StatusColors::Role::Error);
        break;
    }
}
