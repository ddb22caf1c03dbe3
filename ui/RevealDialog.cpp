#include "RevealDialog.h"

#include "ClipboardGuard.h"
#include "GrowWithContents.h"
#include "StatusColors.h"
#include "core/Clock.h"
#include "core/Duration.h"
#include "core/UntrustedText.h"

#include <QCloseEvent>
#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QToolButton>
#include <QUrl>
#include <QVBoxLayout>

RevealDialog::RevealDialog(const CreatedToken &created, ClipboardGuard *clipboard, QWidget *parent)
    : QDialog(parent)
    , m_clipboard(clipboard)
{
    setWindowTitle(tr("Token created"));
    auto *layout = new QVBoxLayout(this);

    auto *warning = new QLabel(tr("<b>This is the only time the token is shown.</b> Copy it now and keep it "
                                  "somewhere safe: TokenDesk does not store it."),
        this);
    warning->setObjectName(QStringLiteral("onceWarning"));
    warning->setWordWrap(true);
    layout->addWidget(warning);

    auto *form = new QFormLayout;
    layout->addLayout(form);

    if (!created.token.label.isEmpty()) {
        // The name as the service returned it: plain text, controls visible, isolated.
        auto *name = new QLabel(UntrustedText::forDisplay(created.token.label, UntrustedText::MessageCap), this);
        name->setTextFormat(Qt::PlainText);
        name->setTextInteractionFlags(Qt::TextSelectableByMouse);
        form->addRow(tr("Name:"), name);
    }

    auto *valueRow = new QHBoxLayout;
    m_value = new QLineEdit(created.value, this);
    m_value->setObjectName(QStringLiteral("tokenValue"));
    m_value->setReadOnly(true);
    m_value->setEchoMode(QLineEdit::Password);
    m_value->setAccessibleName(tr("Token value"));
    m_value->setMinimumWidth(320);
    m_value->setInputMethodHints(Qt::ImhSensitiveData);
    m_show = new QToolButton(this);
    m_show->setObjectName(QStringLiteral("showButton"));
    m_show->setText(tr("Show"));
    m_show->setCheckable(true);
    m_copy = new QPushButton(tr("Copy"), this);
    m_copy->setObjectName(QStringLiteral("copyButton"));
    valueRow->addWidget(m_value, 1);
    valueRow->addWidget(m_show);
    valueRow->addWidget(m_copy);
    form->addRow(tr("Token:"), valueRow);
    connect(m_show, &QToolButton::toggled, this, &RevealDialog::setValueShown);
    connect(m_copy, &QPushButton::clicked, this, &RevealDialog::copyValue);

    if (!created.link.isEmpty()) {
        auto *linkRow = new QHBoxLayout;
        m_link = new QLineEdit(created.link, this);
        m_link->setObjectName(QStringLiteral("linkValue"));
        m_link->setReadOnly(true);
        m_link->setEchoMode(QLineEdit::Password); // a magic link grants access as much as the token does
        auto *copyLink = new QPushButton(tr("Copy link"), this);
        copyLink->setObjectName(QStringLiteral("copyLinkButton"));
        auto *open = new QPushButton(tr("Open in browser"), this);
        open->setObjectName(QStringLiteral("openLinkButton"));
        linkRow->addWidget(m_link, 1);
        linkRow->addWidget(copyLink);
        linkRow->addWidget(open);
        form->addRow(tr("Link:"), linkRow);
        connect(copyLink, &QPushButton::clicked, this, &RevealDialog::copyLink);
        connect(open, &QPushButton::clicked, this, &RevealDialog::openLink);
    }

    if (!created.refreshValue.isEmpty()) {
        // A second live credential (NetSapiens v45 refresh JWT): shown once here, masked, like the token.
        auto *refreshRow = new QHBoxLayout;
        m_refresh = new QLineEdit(created.refreshValue, this);
        m_refresh->setObjectName(QStringLiteral("refreshValue"));
        m_refresh->setReadOnly(true);
        m_refresh->setEchoMode(QLineEdit::Password);
        m_refresh->setAccessibleName(tr("Refresh token value"));
        m_refresh->setInputMethodHints(Qt::ImhSensitiveData);
        auto *copyRefresh = new QPushButton(tr("Copy"), this);
        copyRefresh->setObjectName(QStringLiteral("copyRefreshButton"));
        copyRefresh->setEnabled(m_clipboard != nullptr);
        refreshRow->addWidget(m_refresh, 1);
        refreshRow->addWidget(copyRefresh);
        form->addRow(tr("Refresh token:"), refreshRow);
        connect(copyRefresh, &QPushButton::clicked, this, [this] {
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
    m_expiry = new QLabel(expiryText, this);
    m_expiry->setObjectName(QStringLiteral("expiryLabel"));
    form->addRow(tr("Expires:"), m_expiry);

    m_notes = new QLabel(created.notes.join(QLatin1Char('\n')), this);
    m_notes->setObjectName(QStringLiteral("notesLabel"));
    m_notes->setWordWrap(true);
    m_notes->setVisible(!created.notes.isEmpty());
    layout->addWidget(m_notes);

    // Success is said here, in the dialog, without a box to dismiss.
    m_copyStatus = new QLabel(this);
    m_copyStatus->setObjectName(QStringLiteral("copyStatus"));
    m_copyStatus->setWordWrap(true);
    m_copyStatus->setVisible(false);
    layout->addWidget(m_copyStatus);

    m_discard = new QWidget(this);
    m_discard->setObjectName(QStringLiteral("discardConfirmation"));
    auto *discardLayout = new QVBoxLayout(m_discard);
    discardLayout->setContentsMargins(0, 0, 0, 0);
    auto *discardText = new QLabel(tr("You have not copied or shown the token. Once this dialog is closed it "
                                      "cannot be shown again: you would have to create a new one."),
        m_discard);
    discardText->setObjectName(QStringLiteral("discardText"));
    discardText->setWordWrap(true);
    StatusColors::apply(discardText, StatusColors::Role::Warning);
    discardLayout->addWidget(discardText);
    auto *discardButtons = new QHBoxLayout;
    discardButtons->addStretch(1);
    auto *discardButton = new QPushButton(tr("Close without copying"), m_discard);
    discardButton->setObjectName(QStringLiteral("discardButton"));
    discardButton->setAutoDefault(false);
    m_keepOpen = new QPushButton(tr("Keep open"), m_discard);
    m_keepOpen->setObjectName(QStringLiteral("keepOpenButton"));
    discardButtons->addWidget(discardButton);
    discardButtons->addWidget(m_keepOpen);
    discardLayout->addLayout(discardButtons);
    m_discard->setVisible(false);
    layout->addWidget(m_discard);
    connect(discardButton, &QPushButton::clicked, this, &QDialog::reject);
    connect(m_keepOpen, &QPushButton::clicked, this, [this] {
        m_discard->setVisible(false);
        m_copy->setFocus();
    });

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &RevealDialog::requestClose);
    layout->addWidget(buttons);

    // The copy status and the question above appear later: the dialog makes room for them rather than squeeze
    // the value and its buttons.
    GrowWithContents::install(this);

    if (m_clipboard) {
        connect(m_clipboard, &ClipboardGuard::countdown, this, &RevealDialog::onCountdown);
        connect(m_clipboard, &ClipboardGuard::cleared, this,
            [this] { m_copyStatus->setText(tr("The clipboard was cleared.")); });
    } else {
        m_copy->setEnabled(false);
    }
}

RevealDialog::~RevealDialog() = default;

bool RevealDialog::isValueShown() const
{
    return m_value->echoMode() == QLineEdit::Normal;
}

void RevealDialog::setValueShown(bool shown)
{
    m_value->setEchoMode(shown ? QLineEdit::Normal : QLineEdit::Password);
    if (m_show->isChecked() != shown)
        m_show->setChecked(shown);
    m_show->setText(shown ? tr("Hide") : tr("Show"));
    if (shown)
        markTaken();
}

void RevealDialog::markTaken()
{
    m_taken = true;
    m_discard->setVisible(false);
}

void RevealDialog::requestClose()
{
    if (m_taken) {
        reject();
        return;
    }
    m_discard->setVisible(true);
    m_keepOpen->setFocus();
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
    if (!m_clipboard || m_value->text().isEmpty())
        return;
    m_clipboard->copySecret(m_value->text());
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
    m_copyStatus->setVisible(true);
    m_copyStatus->setText(tr("Copied. The clipboard will be cleared in %n second(s).", nullptr, secondsLeft));
}

void RevealDialog::done(int result)
{
    // Wipe the value from every widget: nothing of it should outlive the dialog.
    m_value->clear();
    m_value->setEchoMode(QLineEdit::Password);
    if (m_link)
        m_link->clear();
    if (m_refresh)
        m_refresh->clear();
    QDialog::done(result);
}
