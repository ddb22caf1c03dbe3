#include "MfaDialog.h"
#include "ui_MfaDialog.h"

#include "GrowWithContents.h"
#include "StatusColors.h"

#include "core/Clock.h"
#include "core/Totp.h"

#include <QDialogButtonBox>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpressionValidator>

MfaDialog::MfaDialog(const MfaChallenge &challenge, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::MfaDialog>())
    , m_clock(Clock::system())
{
    m_ui->setupUi(this);

    QString app;
    if (challenge.type.compare(QLatin1String("authenticator"), Qt::CaseInsensitive) == 0
        && challenge.vendor.compare(QLatin1String("google"), Qt::CaseInsensitive) == 0)
        app = tr("Google Authenticator (or any TOTP app)");
    else if (!challenge.vendor.isEmpty() || !challenge.type.isEmpty())
        app = QStringList {challenge.vendor, challenge.type}.join(QLatin1Char(' ')).trimmed();
    else
        app = tr("your authenticator app");
    m_ui->introLabel->setText(tr("Enter the 6-digit code shown by %1.").arg(app));

    m_ui->passcode->setValidator(
        new QRegularExpressionValidator(QRegularExpression(QStringLiteral("\\d{0,6}")), m_ui->passcode));
    m_ui->sandboxCodeLabel->setVisible(false);

    m_ui->errorLabel->setText(challenge.message);
    StatusColors::apply(m_ui->errorLabel, StatusColors::Role::Error);
    m_ui->errorLabel->setVisible(!challenge.message.isEmpty());

    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setText(tr("Verify"));
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &MfaDialog::submit);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_ui->passcode, &QLineEdit::textChanged, this, &MfaDialog::updateOk);

    // The wrong-passcode message appears below the field: the dialog makes room for it.
    GrowWithContents::install(this);

    m_timer.setInterval(1000);
    connect(&m_timer, &QTimer::timeout, this, &MfaDialog::refreshCountdown);
    m_timer.start();
    refreshCountdown();
    updateOk();
    m_ui->passcode->setFocus();
}

MfaDialog::~MfaDialog() = default;

void MfaDialog::setClock(const Clock *clock)
{
    m_clock = clock ? clock : Clock::system();
    refreshCountdown();
}

QString MfaDialog::passcode() const
{
    return m_ui->passcode->text();
}

int MfaDialog::secondsLeftInWindow() const
{
    return Totp::secondsLeft(m_clock->now());
}

void MfaDialog::setSandboxSeed(const QString &base32Seed)
{
    m_sandboxSeed = base32Seed;
    refreshCountdown();
}

QString MfaDialog::sandboxCode() const
{
    if (m_sandboxSeed.isEmpty() || Totp::base32Decode(m_sandboxSeed).isEmpty())
        return {};
    return Totp::codeFromBase32(m_sandboxSeed, m_clock->now());
}

void MfaDialog::refreshCountdown()
{
    m_ui->countdownLabel->setText(
        tr("Codes change every 30 s; this one is valid for %n more second(s).", nullptr, secondsLeftInWindow()));
    const QString code = sandboxCode();
    m_ui->sandboxCodeLabel->setText(code.isEmpty()
            ? QString()
            : tr("Sandbox demo user: the authenticator would show %1 now. A real account never shows its code here.")
                  .arg(code));
    m_ui->sandboxCodeLabel->setVisible(!code.isEmpty());
}

void MfaDialog::updateOk()
{
    static const QRegularExpression sixDigits(QStringLiteral("^\\d{6}$"));
    m_ui->buttonBox->button(QDialogButtonBox::Ok)
        ->setEnabled(!m_busy && sixDigits.match(m_ui->passcode->text()).hasMatch());
}

void MfaDialog::submit()
{
    if (!m_ui->buttonBox->button(QDialogButtonBox::Ok)->isEnabled())
        return;
    m_ui->errorLabel->setVisible(false);
    emit passcodeSubmitted(m_ui->passcode->text());
}

void MfaDialog::showError(const QString &message)
{
    setBusy(false);
    m_ui->errorLabel->setText(message.isEmpty() ? tr("The code was not accepted. Try the current code.") : message);
    m_ui->errorLabel->setVisible(true);
    m_ui->passcode->clear();
    m_ui->passcode->setFocus();
    updateOk();
}

void MfaDialog::setBusy(bool busy)
{
    m_busy = busy;
    m_ui->passcode->setReadOnly(busy);
    if (busy)
        setCursor(Qt::BusyCursor);
    else
        unsetCursor();
    updateOk();
}
