#include "RotateTokenDialog.h"

#include "RevealDialog.h"
#include "StatusColors.h"

#include "core/Async.h"
#include "core/Clock.h"
#include "core/Duration.h"
#include "core/TimeText.h"
#include "core/UntrustedText.h"
#include "providers/AccountSession.h"
#include "workflows/TokenRotation.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

RotateTokenDialog::RotateTokenDialog(AccountSession *session, RotationStore *store, AuditLog *audit, const Clock *clock,
    ClipboardGuard *clipboard, const Token &token, QWidget *parent)
    : QDialog(parent)
    , m_session(session)
    , m_store(store)
    , m_clock(clock ? clock : Clock::system())
    , m_clipboard(clipboard)
    , m_token(token)
    , m_rotation(new TokenRotation(session, store, audit, clock, this))
{
    setWindowTitle(tr("Rotate Token"));
    resize(620, 420);
    auto *layout = new QVBoxLayout(this);

    auto *form = new QFormLayout;
    auto *name = new QLabel(UntrustedText::forDisplay(token.label.isEmpty() ? token.id : token.label), this);
    name->setTextFormat(Qt::PlainText);
    name->setAccessibleName(tr("Token"));
    form->addRow(tr("Token:"), name);
    auto *account = new QLabel(session ? UntrustedText::forDisplay(session->account().name) : QString(), this);
    account->setTextFormat(Qt::PlainText);
    account->setAccessibleName(tr("Account"));
    form->addRow(tr("Account:"), account);
    m_grace = new QComboBox(this);
    m_grace->setObjectName(QStringLiteral("grace"));
    m_grace->setEditable(true);
    m_grace->addItems({QStringLiteral("0"), QStringLiteral("15 minutes"), QStringLiteral("1 hour"),
        QStringLiteral("2 hours"), QStringLiteral("1 day"), QStringLiteral("3 days")});
    m_grace->setCurrentText(QStringLiteral("1 hour"));
    m_grace->setAccessibleName(tr("Grace period"));
    m_grace->setToolTip(tr("How long the old token stays valid after the new one works, such as \"2 hours\"; 0 "
                           "revokes it at once."));
    auto *graceLabel = new QLabel(tr("&Grace period:"), this);
    graceLabel->setBuddy(m_grace);
    form->addRow(graceLabel, m_grace);
    layout->addLayout(form);
    connect(m_grace, &QComboBox::currentTextChanged, this, &RotateTokenDialog::updateState);

    m_plan = new QLabel(this);
    m_plan->setWordWrap(true);
    m_plan->setTextFormat(Qt::PlainText);
    m_plan->setObjectName(QStringLiteral("plan"));
    layout->addWidget(m_plan);

    m_steps = new QListWidget(this);
    m_steps->setObjectName(QStringLiteral("steps"));
    m_steps->setAccessibleName(tr("Steps"));
    layout->addWidget(m_steps, 1);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("status"));
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText); // it carries the server's messages
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_status->setAccessibleName(tr("Status"));
    layout->addWidget(m_status);

    m_inPlace = new QCheckBox(tr("The new token is in place where the old one was used"), this);
    m_inPlace->setObjectName(QStringLiteral("inPlace"));
    m_inPlace->setVisible(false);
    connect(m_inPlace, &QCheckBox::toggled, this, &RotateTokenDialog::updateState);
    layout->addWidget(m_inPlace);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_rotate = buttons->addButton(tr("&Rotate"), QDialogButtonBox::ActionRole);
    m_rotate->setObjectName(QStringLiteral("rotateButton"));
    m_rotate->setDefault(true);
    m_confirm = buttons->addButton(tr("C&onfirm"), QDialogButtonBox::ActionRole);
    m_confirm->setObjectName(QStringLiteral("confirmButton"));
    m_cancelRotation = buttons->addButton(tr("Cancel Rotation"), QDialogButtonBox::ActionRole);
    m_cancelRotation->setObjectName(QStringLiteral("cancelRotationButton"));
    m_close = buttons->button(QDialogButtonBox::Close);
    connect(m_rotate, &QPushButton::clicked, this, &RotateTokenDialog::rotate);
    connect(m_confirm, &QPushButton::clicked, this, &RotateTokenDialog::confirmNewToken);
    connect(m_cancelRotation, &QPushButton::clicked, this, &RotateTokenDialog::cancelRotation);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    updateState();
}

RotateTokenDialog::~RotateTokenDialog() = default;

void RotateTokenDialog::setGraceText(const QString &text)
{
    m_grace->setCurrentText(text);
}

QString RotateTokenDialog::refusalText() const
{
    return m_refusal;
}

QString RotateTokenDialog::statusText() const
{
    return m_status->text();
}

QStringList RotateTokenDialog::stepTexts() const
{
    QStringList texts;
    for (int i = 0; i < m_steps->count(); ++i)
        texts.append(m_steps->item(i)->text());
    return texts;
}

std::optional<qint64> RotateTokenDialog::graceSeconds(QString *error) const
{
    const std::optional<double> seconds = Duration::parseSeconds(m_grace->currentText().trimmed(), error);
    if (!seconds || *seconds < 0)
        return std::nullopt;
    return qint64(*seconds);
}

void RotateTokenDialog::updateState()
{
    TokenProvider *provider = m_session ? m_session->provider() : nullptr;
    QString graceError;
    const std::optional<qint64> grace = graceSeconds(&graceError);
    if (!m_started) {
        m_refusal = TokenRotation::refusal(provider, m_store, m_token, grace.value_or(0), m_clock->now());
        if (!m_refusal.isEmpty()) {
            m_plan->setText(m_refusal);
            StatusColors::apply(m_plan, StatusColors::Role::Error);
        } else if (!grace) {
            m_plan->setText(tr("The grace period is not a duration TokenDesk understands: %1").arg(graceError));
            StatusColors::apply(m_plan, StatusColors::Role::Error);
        } else {
            const bool verifies = provider->can(TokenProvider::Capability::VerifyValue);
            m_plan->setText(verifies
                    ? tr("A new token with the same settings is created and checked with the service. The old token "
                         "stays valid for the grace period, then it is revoked.")
                    : tr("A new token with the same settings is created. The service cannot check it, so you confirm "
                         "it is in place before the old one is ended after the grace period."));
            StatusColors::clear(m_plan);
        }
    }
    m_grace->setEnabled(!m_started);
    m_rotate->setVisible(!m_started);
    m_rotate->setEnabled(!m_busy && !m_started && m_refusal.isEmpty() && grace.has_value());
    m_inPlace->setVisible(m_awaitingConfirmation);
    m_confirm->setVisible(m_awaitingConfirmation);
    m_confirm->setEnabled(!m_busy && m_inPlace->isChecked());
    m_cancelRotation->setVisible(m_awaitingConfirmation);
    m_cancelRotation->setEnabled(!m_busy);
    // Closing while the new token waits for a confirmation would leave two valid tokens: cancel it first.
    m_close->setEnabled(!m_busy && !m_awaitingConfirmation);
}

void RotateTokenDialog::rotate()
{
    QString error;
    const std::optional<qint64> grace = graceSeconds(&error);
    if (!m_session || !grace || m_busy || m_started)
        return;
    m_busy = true;
    m_started = true;
    m_status->setText(tr("Rotating…"));
    updateState();
    Async::then(m_rotation->begin(m_token, *grace), this, [this](const RotationReport &report) {
        const CreatedToken created = m_rotation->takeCreated();
        showReport(report);
        if (!created.value.isEmpty()) {
            auto *reveal = new RevealDialog(created, m_clipboard, this);
            reveal->setAttribute(Qt::WA_DeleteOnClose);
            reveal->open();
        }
        emit phaseFinished();
    });
}

void RotateTokenDialog::confirmNewToken()
{
    if (!m_awaitingConfirmation || m_busy || !m_inPlace->isChecked())
        return;
    m_busy = true;
    updateState();
    Async::then(m_rotation->confirm(), this, [this](const RotationReport &report) {
        showReport(report);
        emit phaseFinished();
    });
}

void RotateTokenDialog::cancelRotation()
{
    if (!m_awaitingConfirmation || m_busy)
        return;
    m_busy = true;
    updateState();
    Async::then(m_rotation->abandon(), this, [this](const RotationReport &report) {
        showReport(report);
        emit phaseFinished();
    });
}

void RotateTokenDialog::showReport(const RotationReport &report)
{
    m_busy = false;
    m_awaitingConfirmation = report.outcome == RotationReport::Outcome::AwaitingConfirmation;
    for (const RotationStep &step : report.steps) {
        const QString state = step.state == RotationStep::State::Succeeded ? tr("done")
            : step.state == RotationStep::State::Failed                    ? tr("failed")
                                                                           : tr("skipped");
        // Step details may quote the server: shown as plain text, escaped.
        m_steps->addItem(
            tr("%1: %2 — %3").arg(RotationStep::kindName(step.kind), state, UntrustedText::forDisplay(step.detail)));
    }
    bool failed = false;
    switch (report.outcome) {
    case RotationReport::Outcome::AwaitingConfirmation:
        m_status->setText(tr("The new token exists. Put it in place, then confirm; Cancel Rotation revokes it."));
        break;
    case RotationReport::Outcome::Scheduled:
        m_status->setText(
            tr("Rotating: the old token is revoked %1 (%2 UTC), also if TokenDesk restarts meanwhile.")
                .arg(TimeText::relative(*report.due, m_clock->now()), report.due->toUTC().toString(Qt::ISODate)));
        emit rotationScheduled();
        break;
    case RotationReport::Outcome::Completed:
        m_status->setText(tr("Rotated: the old token is revoked."));
        break;
    case RotationReport::Outcome::RolledBack:
        m_status->setText(tr("Not rotated: %1 The old token is untouched.")
                              .arg(UntrustedText::forDisplay(report.error.userMessage())));
        failed = true;
        break;
    case RotationReport::Outcome::Refused:
    case RotationReport::Outcome::Failed:
        m_status->setText(UntrustedText::forDisplay(report.error.fullMessage()));
        failed = true;
        break;
    }
    if (failed)
        StatusColors::apply(m_status, StatusColors::Role::Error);
    else
        StatusColors::clear(m_status);
    updateState();
}
