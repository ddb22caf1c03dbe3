#include "RevealDialog.h"
#include "ui_RevealDialog.h"

#include "ClipboardGuard.h"
#include "GrowWithContents.h"
#include "StatusColors.h"
#include "core/Clock.h"
#include "core/Duration.h"
#include "core/UntrustedText.h"

#include <QCloseEvent>
#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QKeyEvent>
#include <QLineEdit>
#include <QPushButton>
#include <QToolButton>
#include <QUrl>

RevealDialog::RevealDialog(const CreatedToken &created, ClipboardGuard *clipboard, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::RevealDialog>())
    , m_clipboard(clipboard)
{
    m_ui->setupUi(this);
    // Rows the service gave nothing for are removed, which deletes their widgets: m_link and m_refresh (null
    // when removed) are the way to reach the optional ones afterwards, never m_ui.

    if (created.token.label.isEmpty()) {
        m_ui->formLayout->removeRow(m_ui->nameLabel);
    } else {
        // The name as the service returned it: plain text, controls visible, isolated.
        m_ui->nameLabel->setText(UntrustedText::forDisplay(created.token.label, UntrustedText::MessageCap));
    }

    m_ui->tokenValue->setText(created.value);
    connect(m_ui->showButton, &QToolButton::toggled, this, &RevealDialog::setValueShown);
    connect(m_ui->copyButton, &QPushButton::clicked, this, &RevealDialog::copyValue);

    if (created.link.isEmpty()) {
        m_ui->formLayout->removeRow(m_ui->linkRow);
    } else {
        // Masked: a magic link grants access as much as the token does.
        m_link = m_ui->linkValue;
        m_link->setText(created.link);
        connect(m_ui->copyLinkButton, &QPushButton::clicked, this, &RevealDialog::copyLink);
        connect(m_ui->openLinkButton, &QPushButton::clicked, this, &RevealDialog::openLink);
    }

    if (created.refreshValue.isEmpty()) {
        m_ui->formLayout->removeRow(m_ui->refreshRow);
    } else {
        // A second live credential (NetSapiens v45 refresh JWT): shown once here, masked, like the token.
        m_refresh = m_ui->refreshValue;
        m_refresh->setText(created.refreshValue);
        m_ui->copyRefreshButton->setEnabled(m_clipboard != nullptr);
        connect(m_ui->copyRefreshButton, &QPushButton::clicked, this, [this] {
            if (m_clipboard && m_refresh && !m_refresh->text().isEmpty())
                m_clipboard->copySecret(m_refresh->text());
        });
    }

    QString expiryText = tr("Never expires (or the service did not say)");
    if (created.token.expires) {
        const QDateTime expiry = created.token.effectiveExpiry(*Clock::system()).value_or(*created.token.expires);
        const qint64 left = Clock::system()->now().secsTo(expiry);
        expiryText = left > 0
            ? tr("%1 (in %2)")
                  .arg(QLocale().toString(expiry.toLocalTime(), QLocale::LongFormat), Duration::format(left))
            : QLocale().toString(expiry.toLocalTime(), QLocale::LongFormat);
    }
    m_ui->expiryLabel->setText(expiryText);

    m_ui->notesLabel->setText(created.notes.join(QLatin1Char('\n')));
    m_ui->notesLabel->setVisible(!created.notes.isEmpty());

    // Success is said here, in the dialog, without a box to dismiss.
    m_ui->copyStatus->setVisible(false);

    // "Close without copying?" with its two buttons, shown when the user closes before taking the value.
    StatusColors::apply(m_ui->discardText, StatusColors::Role::Warning);
    m_ui->discardConfirmation->setVisible(false);
    connect(m_ui->discardButton, &QPushButton::clicked, this, &QDialog::reject);
    connect(m_ui->keepOpenButton, &QPushButton::clicked, this, [this] {
        m_ui->discardConfirmation->setVisible(false);
        m_ui->copyButton->setFocus();
    });

    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &RevealDialog::requestClose);

    // The copy status and the question above appear later: the dialog makes room for them rather than squeeze
    // the value and its buttons.
    GrowWithContents::install(this);

    if (m_clipboard) {
        connect(m_clipboard, &ClipboardGuard::countdown, this, &RevealDialog::onCountdown);
        connect(m_clipboard, &ClipboardGuard::cleared, this,
            [this] { m_ui->copyStatus->setText(tr("The clipboard was cleared.")); });
    } else {
        m_ui->copyButton->setEnabled(false);
    }
}

RevealDialog::~RevealDialog() = default;

bool RevealDialog::isValueShown() const
{
    return m_ui->tokenValue->echoMode() == QLineEdit::Normal;
}

void RevealDialog::setValueShown(bool shown)
{
    m_ui->tokenValue->setEchoMode(shown ? QLineEdit::Normal : QLineEdit::Password);
    if (m_ui->showButton->isChecked() != shown)
        m_ui->showButton->setChecked(shown);
    m_ui->showButton->setText(shown ? tr("Hide") : tr("Show"));
    if (shown)
        markTaken();
}

void RevealDialog::markTaken()
{
    m_taken = true;
    m_ui->discardConfirmation->setVisible(false);
}

void RevealDialog::requestClose()
{
    if (m_taken) {
        reject();
        return;
    }
    m_ui->discardConfirmation->setVisible(true);
    m_ui->keepOpenButton->setFocus();
}

void RevealDialog::keyPressEvent(QKeyEvent *event)
{
    if (event->matches(QKeySequence::Cancel)) {
        requestClose();
        return;
    }
    QDialog::keyPressEvent(event);
}

void RevealDialog::closeEvent(QCloseEvent *event)
{
    // The title bar's close button, or close(): the same question as Escape. Code that means to close without
    // asking calls reject() or done().
    if (!m_taken) {
        event->ignore();
        requestClose();
        return;
    }
    QDialog::closeEvent(event);
}

void RevealDialog::copyValue()
{
    if (!m_clipboard || m_ui->tokenValue->text().isEmpty())
        return;
    m_clipboard->copySecret(m_ui->tokenValue->text());
    markTaken();
}

void RevealDialog::copyLink()
{
    if (!m_clipboard || !m_link || m_link->text().isEmpty())
        return;
    m_clipboard->copySecret(m_link->text());
}

void RevealDialog::openLink()
{
    if (!m_link)
        return;
    const QUrl url(m_link->text(), QUrl::StrictMode);
    if (url.isValid() && (url.scheme() == QLatin1String("https") || url.scheme() == QLatin1String("http")))
        QDesktopServices::openUrl(url);
}

void RevealDialog::onCountdown(int secondsLeft)
{
    m_ui->copyStatus->setVisible(true);
    m_ui->copyStatus->setText(tr("Copied. The clipboard will be cleared in %n second(s).", nullptr, secondsLeft));
}

void RevealDialog::done(int result)
{
    // Wipe the value from every widget: nothing of it should outlive the dialog.
    m_ui->tokenValue->clear();
    m_ui->tokenValue->setEchoMode(QLineEdit::Password);
    if (m_link)
        m_link->clear();
    if (m_refresh)
        m_refresh->clear();
    QDialog::done(result);
}
