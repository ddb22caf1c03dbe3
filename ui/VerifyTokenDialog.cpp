#include "VerifyTokenDialog.h"

#include "PastedValueEdit.h"
#include "StatusColors.h"

#include "core/Async.h"
#include "core/ProcessHardening.h"
#include "core/UntrustedText.h"
#include "providers/TokenProvider.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

VerifyTokenDialog::VerifyTokenDialog(TokenProvider *provider, QWidget *parent)
    : QDialog(parent)
    , m_provider(provider)
{
    setWindowTitle(tr("Verify a Revoked Token"));
    resize(560, 240);
    auto *layout = new QVBoxLayout(this);

    auto *intro = new QLabel(tr("Paste the value of the token you revoked. The service is asked whether it still "
                                "accepts it; the value is not kept."),
        this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto *form = new QFormLayout;
    m_account = new QLabel(provider ? provider->account().name : QString(), this);
    m_account->setObjectName(QStringLiteral("accountName"));
    m_account->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_account->setAccessibleName(tr("Account"));
    form->addRow(tr("Account:"), m_account);

    m_input = new PastedValueEdit(this);
    m_input->lineEdit()->setAccessibleDescription(
        tr("The value of the token to check; it is cleared after the check."));
    auto *tokenLabel = new QLabel(tr("&Token:"), this);
    tokenLabel->setBuddy(m_input->lineEdit());
    form->addRow(tokenLabel, m_input);
    layout->addLayout(form);
    connect(m_input, &PastedValueEdit::changed, this, &VerifyTokenDialog::updateButtons);

    m_result = new QLabel(this);
    m_result->setObjectName(QStringLiteral("result"));
    m_result->setTextFormat(Qt::PlainText); // it shows the server's answer
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_result->setAccessibleName(tr("Result"));
    layout->addWidget(m_result);
    layout->addStretch(1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_verify = buttons->addButton(tr("&Verify"), QDialogButtonBox::ActionRole);
    m_verify->setObjectName(QStringLiteral("verifyButton"));
    m_verify->setAccessibleName(tr("Verify"));
    m_verify->setDefault(true);
    buttons->button(QDialogButtonBox::Close)->setAccessibleName(tr("Close"));
    connect(m_verify, &QPushButton::clicked, this, &VerifyTokenDialog::verify);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    updateButtons();
}

VerifyTokenDialog::~VerifyTokenDialog() = default;

QString VerifyTokenDialog::resultText() const
{
    return m_result->text();
}

void VerifyTokenDialog::done(int result)
{
    m_input->wipe();
    QDialog::done(result);
}

void VerifyTokenDialog::updateButtons()
{
    m_verify->setEnabled(!m_checking && m_provider && !m_input->isEmpty());
}

void VerifyTokenDialog::verify()
{
    if (m_checking)
        return;
    if (!m_provider) {
        setResult(tr("The account is no longer open."), Tone::Warning);
        return;
    }
    if (m_input->isEmpty())
        return;
    QString value = m_input->take();
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
    m_result->setText(text);
    m_result->setAccessibleDescription(text);
    switch (tone) {
    case Tone::None:
        StatusColors::clear(m_result);
        break;
    case Tone::Warning:
        StatusColors::apply(m_result, StatusColors::Role::Warning);
        break;
    case Tone::Error:
        StatusColors::apply(m_result, StatusColors::Role::Error);
        break;
    }
}
