#include "MfaDialog.h"
#include "GrowWithContents.h"
#include "StatusColors.h"

#include "core/Clock.h"
#include "core/Totp.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QVBoxLayout>

MfaDialog::MfaDialog(const MfaChallenge &challenge, QWidget *parent)
    : QDialog(parent)
    , m_clock(Clock::system())
{
    setWindowTitle(tr("Two-step verification"));
    auto *layout = new QVBoxLayout(this);

    QString app;
    if (challenge.type.compare(QLatin1String("authenticator"), Qt::CaseInsensitive) == 0
        && challenge.vendor.compare(QLatin1String("google"), Qt::CaseInsensitive) == 0)
        app = tr("Google Authenticator (or any TOTP app)");
    else if (!challenge.vendor.isEmpty() || !challenge.type.isEmpty())
        app = QStringList {challenge.vendor, challenge.type}.join(QLatin1Char(' ')).trimmed();
    else
        app = tr("your authenticator app");
    auto *intro = new QLabel(tr("Enter the 6-digit code shown by %1.").arg(app), this);
    intro->setObjectName(QStringLiteral("introLabel"));
    intro->setWordWrap(true);
    layout->addWidget(intro);

    m_code = new QLineEdit(this);
    m_code->setObjectName(QStringLiteral("passcode"));
    m_code->setMaxLength(6);
    m_code->setValidator(new QRegularExpressionValidator(QRegularExpression(QStringLiteral("\\d{0,6}")), m_code));
    m_code->setInputMethodHints(Qt::ImhDigitsOnly | Qt::ImhSensitiveData | Qt::ImhNoPredictiveText);
    m_code->setPlaceholderText(QStringLiteral("000000"));
    m_code->setAccessibleName(tr("Passcode"));
    auto *form = new QFormLayout;
    form->addRow(tr("&Code:"), m_code);
    layout->addLayout(form);

    m_countdown = new QLabel(this);
    m_countdown->setObjectName(QStringLiteral("countdownLabel"));
    m_countdown->setWordWrap(true);
    layout->addWidget(m_countdown);

    m_sandboxCode = new QLabel(this);
    m_sandboxCode->setObjectName(QStringLiteral("sandboxCodeLabel"));
    m_sandboxCode->setWordWrap(true);
    m_sandboxCode->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_sandboxCode->setVisible(false);
    layout->addWidget(m_sandboxCode);

    m_error = new QLabel(challenge.message, this);
    m_error->setObjectName(QStringLiteral("errorLabel"));
    m_error->setWordWrap(true);
    StatusColors::apply(m_error, StatusColors::Role::Error);
    m_error->setVisible(!challenge.message.isEmpty());
    layout->addWidget(m_error);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Verify"));
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &MfaDialog::submit);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_code, &QLineEdit::textChanged, this, &MfaDialog::updateOk);

    // The wrong-passcode message appears below the field: the dialog makes room for it.
    GrowWithContents::install(this);

    m_timer.setInterval(1000);
    connect(&m_timer, &QTimer::timeout, this, &MfaDialog::refreshCountdown);
    m_timer.start();
    refreshCountdown();
    updateOk();
    m_code->setFocus();
}

MfaDialog::~MfaDialog() = default;

void MfaDialog::setClock(const Clock *clock)
{
    m_clock = clock ? clock : Clock::system();
    refreshCountdown();
}

QString MfaDialog::passcode() const
{
    return m_code->text();
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
    m_countdown->setText(
        tr("Codes change every 30 s; this one is valid for %n more second(s).", nullptr, secondsLeftInWindow()));
    const QString code = sandboxCode();
    m_sandboxCode->setText(code.isEmpty()
            ? QString()
            : tr("Sandbox demo user: the authenticator would show %1 now. A real account never shows its code here.")
                  .arg(code));
    m_sandboxCode->setVisible(!code.isEmpty());
}

void MfaDialog::updateOk()
{
    static const QRegularExpression sixDigits(QStringLiteral("^\\d{6}$"));
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!m_busy && sixDigits.match(m_code->text()).hasMatch());
}

void MfaDialog::submit()
{
    if (!m_buttons->button(QDialogButtonBox::Ok)->isEnabled())
        return;
    m_error->setVisible(false);
    emit passcodeSubmitted(m_code->text());
}

void MfaDialog::showError(const QString &message)
{
    setBusy(false);
    m_error->setText(message.isEmpty() ? tr("The code was not accepted. Try the current code.") : message);
    m_error->setVisible(true);
    m_code->clear();
    m_code->setFocus();
    updateOk();
}

void MfaDialog::setBusy(bool busy)
{
    m_busy = busy;
    m_code->setReadOnly(busy);
    if (busy)
        setCursor(Qt::BusyCursor);
    else
        unsetCursor();
    updateOk();
}
