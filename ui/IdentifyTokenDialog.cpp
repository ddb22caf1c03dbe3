#include "IdentifyTokenDialog.h"

#include "AccountController.h"
#include "AccountListCollector.h"
#include "Confirmer.h"
#include "PastedValueEdit.h"
#include "StatusColors.h"

#include "core/Async.h"
#include "core/ProcessHardening.h"
#include "core/UntrustedText.h"
#include "providers/AccountSession.h"
#include "providers/ProviderDescriptor.h"
#include "providers/ProviderRegistry.h"
#include "store/FingerprintKey.h"
#include "store/Ledger.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

IdentifyTokenDialog::IdentifyTokenDialog(AccountController *controller, QWidget *parent)
    : QDialog(parent)
    , m_controller(controller)
{
    setWindowTitle(tr("Identify a Token"));
    resize(760, 380);
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("Paste a token value to find out whose it is. TokenDesk compares its fingerprint "
                                "and its claims with the tokens it created and with every account's current "
                                "list; the value is wiped at once and never stored."),
        this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto *form = new QFormLayout;
    m_input = new PastedValueEdit(this);
    auto *label = new QLabel(tr("&Token:"), this);
    label->setBuddy(m_input->lineEdit());
    form->addRow(label, m_input);
    layout->addLayout(form);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("status"));
    m_status->setTextFormat(Qt::PlainText);
    m_status->setWordWrap(true);
    m_status->setAccessibleName(tr("Result"));
    layout->addWidget(m_status);

    m_results = new QTreeWidget(this);
    m_results->setObjectName(QStringLiteral("matches"));
    m_results->setRootIsDecorated(false);
    m_results->setAccessibleName(tr("Matching tokens"));
    m_results->setHeaderLabels({tr("Service"), tr("Account"), tr("Token"), tr("Created"), tr("Notes"), tr("How sure")});
    m_results->header()->setStretchLastSection(true);
    layout->addWidget(m_results, 1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_identify = buttons->addButton(tr("&Identify"), QDialogButtonBox::ActionRole);
    m_identify->setObjectName(QStringLiteral("identifyButton"));
    m_identify->setDefault(true);
    m_revoke = buttons->addButton(tr("&Revoke"), QDialogButtonBox::ActionRole);
    m_revoke->setObjectName(QStringLiteral("revokeButton"));
    m_revoke->setToolTip(tr("Revoke the selected token through its account"));
    connect(m_identify, &QPushButton::clicked, this, &IdentifyTokenDialog::identify);
    connect(m_revoke, &QPushButton::clicked, this, &IdentifyTokenDialog::revokeSelected);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_input, &PastedValueEdit::changed, this, &IdentifyTokenDialog::updateButtons);
    connect(m_results, &QTreeWidget::itemSelectionChanged, this, &IdentifyTokenDialog::updateButtons);
    layout->addWidget(buttons);
    updateButtons();
}

IdentifyTokenDialog::~IdentifyTokenDialog() = default;

void IdentifyTokenDialog::done(int result)
{
    m_input->wipe();
    QDialog::done(result);
}

QString IdentifyTokenDialog::statusText() const
{
    return m_status->text();
}

void IdentifyTokenDialog::setStatus(const QString &text, bool problem)
{
    m_status->setText(text);
    m_status->setAccessibleDescription(text);
    if (problem)
        StatusColors::apply(m_status, StatusColors::Role::Warning);
    else
        StatusColors::clear(m_status);
}

void IdentifyTokenDialog::updateButtons()
{
    m_identify->setEnabled(!m_busy && !m_input->isEmpty());
    const int row = m_results->indexOfTopLevelItem(m_results->currentItem());
    bool canRevoke = false;
    if (!m_busy && row >= 0 && row < m_matches.size() && m_results->currentItem()->isSelected()) {
        const IdentifyMatch &match = m_matches.at(row);
        TokenProvider *provider = m_controller->provider(match.account.id);
        canRevoke = provider && provider->can(TokenProvider::Capability::Revoke) && !match.token.revoked
            && !match.token.id.isEmpty();
    }
    m_revoke->setEnabled(canRevoke);
}

void IdentifyTokenDialog::identify()
{
    if (m_busy || m_input->isEmpty())
        return;
    QString value = m_input->take();
    m_busy = true;
    m_matches.clear();
    m_results->clear();
    updateButtons();
    setStatus(tr("Looking…"), false);
    FingerprintKey *key = FingerprintKey::of(m_controller->secretStore());
    if (!key) {
        const TokenProbe probe = TokenProbe::of({}, value);
        ProcessHardening::wipe(value);
        identifyWith(probe, tr("No keychain: only the token's claims are compared."));
        return;
    }
    Async::then(key->key(FingerprintKey::Mode::ReadOnly), this, [this, value](Result<QByteArray> result) mutable {
        QString problem;
        if (!result.ok() && result.error().kind() != ApiError::Kind::NotFound)
            problem = tr("The fingerprint key could not be read (%1): only the token's claims are compared.")
                          .arg(result.error().userMessage());
        const TokenProbe probe = TokenProbe::of(result.ok() ? result.value() : QByteArray(), value);
        ProcessHardening::wipe(value);
        identifyWith(probe, problem);
    });
    // The lambda holds the only other copy; ours goes now.
    ProcessHardening::wipe(value);
}

void IdentifyTokenDialog::identifyWith(const TokenProbe &probe, const QString &keyProblem)
{
    auto *collector = new AccountListCollector(m_controller, this);
    m_collector = collector;
    connect(collector, &AccountListCollector::finished, this, [this, collector, probe, keyProblem] {
        collector->deleteLater();
        if (m_controller->ledger())
            m_matches = TokenIdentifier::identify(probe, *m_controller->ledger(), m_controller->accounts(),
                collector->listed(), m_controller->tokenNotes());
        showMatches(keyProblem, collector->notChecked());
    });
    collector->start();
}

void IdentifyTokenDialog::showMatches(const QString &keyProblem, const QList<QPair<QString, QString>> &notChecked)
{
    m_busy = false;
    const QLocale locale;
    for (const IdentifyMatch &match : std::as_const(m_matches)) {
        const ProviderDescriptor *descriptor = ProviderRegistry::instance().find(match.account.providerId);
        QString token = UntrustedText::forDisplay(match.token.label.isEmpty() ? match.token.id : match.token.label);
        if (!match.token.label.isEmpty() && !match.token.id.isEmpty())
            token += QStringLiteral(" (%1)").arg(UntrustedText::forDisplay(match.token.id));
        if (!match.listed)
            token += QLatin1Char(' ') + tr("— not in the current list");
        auto *item = new QTreeWidgetItem(m_results,
            {descriptor ? descriptor->displayName : match.account.providerId,
                UntrustedText::forDisplay(match.account.name), token,
                match.token.created ? locale.toString(match.token.created->toLocalTime(), QLocale::ShortFormat)
                                    : QString(),
                match.note ? UntrustedText::forDisplay(match.note->displayText()) : QString(), match.evidenceText()});
        item->setToolTip(5, match.evidenceText());
    }
    QStringList lines;
    if (m_matches.isEmpty())
        lines << tr("No token of any account matches this value.");
    else
        lines << tr("%n matching token(s).", nullptr, int(m_matches.size()));
    if (!keyProblem.isEmpty())
        lines << keyProblem;
    for (const auto &[name, reason] : notChecked)
        lines << tr("Not checked: %1 (%2)").arg(UntrustedText::forDisplay(name), UntrustedText::forDisplay(reason));
    setStatus(lines.join(QLatin1Char('\n')), !keyProblem.isEmpty() || !notChecked.isEmpty());
    if (!m_matches.isEmpty())
        m_results->setCurrentItem(m_results->topLevelItem(0));
    updateButtons();
    emit identifyFinished();
}

void IdentifyTokenDialog::revokeSelected()
{
    const int row = m_results->indexOfTopLevelItem(m_results->currentItem());
    if (m_busy || row < 0 || row >= m_matches.size())
        return;
    const IdentifyMatch match = m_matches.at(row);
    AccountSession *session = m_controller->session(match.account.id);
    if (!session)
        return;
    const QString name = UntrustedText::forDisplay(match.token.label.isEmpty() ? match.token.id : match.token.label);
    if (!Confirmer::confirm(this, tr("Revoke Token"),
            tr("Revoke “%1” of %2?").arg(name, UntrustedText::forDisplay(match.account.name)),
            session->provider()->revokeCall(match.token)))
        return;
    m_busy = true;
    updateButtons();
    setStatus(tr("Revoking…"), false);
    Async::then(session->revoke(match.token), this, [this, row, name](Result<Done> result) {
        m_busy = false;
        if (result.ok()) {
            m_matches[row].token.revoked = QDateTime::currentDateTimeUtc();
            if (QTreeWidgetItem *item = m_results->topLevelItem(row))
                item->setText(2, item->text(2) + QLatin1Char(' ') + tr("— revoked"));
            setStatus(tr("Revoked “%1”.").arg(name), false);
        } else {
            setStatus(tr("Could not revoke “%1”: %2").arg(name, result.error().fullMessage()), true);
        }
        updateButtons();
        emit revokeFinished(result.ok());
    });
}
