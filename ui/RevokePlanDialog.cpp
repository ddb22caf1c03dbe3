#include "RevokePlanDialog.h"

#include "Confirmer.h"
#include "DestructiveButton.h"
#include "TypedConfirmation.h"
#include "core/Async.h"
#include "core/UntrustedText.h"

#include <QClipboard>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QGuiApplication>
#include <QHeaderView>
#include <QLabel>
#include <QLoggingCategory>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSaveFile>
#include <QTableWidget>
#include <QVBoxLayout>

Q_LOGGING_CATEGORY(lcRevokePlan, "tokendesk.ui.revokeplan")

RevokePlanDialog::RevokePlanDialog(const RevokePlan &plan, RevokeRunner::SessionLookup sessions, AuditLog *audit,
    const QString &action, QWidget *parent)
    : QDialog(parent)
    , m_plan(plan)
    , m_action(action)
{
    setObjectName(QStringLiteral("RevokePlanDialog"));
    setWindowTitle(plan.subject().isEmpty() ? tr("Revoke Tokens") : tr("Revoke All for “%1”").arg(plan.subject()));
    setAccessibleName(windowTitle());
    resize(820, 560);

    m_runner = new RevokeRunner(std::move(sessions), audit, this);

    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("summaryLabel"));
    m_summary->setWordWrap(true);
    m_summary->setAccessibleName(tr("Summary"));

    m_preview = new QPlainTextEdit(this);
    m_preview->setObjectName(QStringLiteral("dryRunText"));
    m_preview->setReadOnly(true);
    m_preview->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_preview->setAccessibleName(tr("Dry run"));
    m_preview->setAccessibleDescription(tr("Every call the revoke would make; nothing has been sent yet"));

    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("progressBar"));
    m_progress->setAccessibleName(tr("Revoke progress"));
    m_progress->setRange(0, qMax(1, plan.runnableCount()));
    m_progress->setValue(0);
    m_progress->setVisible(false);

    m_results = new QTableWidget(0, 5, this);
    m_results->setObjectName(QStringLiteral("resultTable"));
    m_results->setAccessibleName(tr("Results"));
    m_results->setHorizontalHeaderLabels(
        {tr("Account"), tr("Revoked"), tr("Outcome"), tr("Message"), tr("Verification")});
    m_results->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_results->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_results->horizontalHeader()->setStretchLastSection(true);
    m_results->verticalHeader()->setVisible(false);
    m_results->setVisible(false);

    m_buttons = new QDialogButtonBox(this);
    m_copyButton = m_buttons->addButton(tr("&Copy Dry Run"), QDialogButtonBox::ActionRole);
    m_copyButton->setObjectName(QStringLiteral("copyButton"));
    m_copyButton->setAccessibleName(tr("Copy the dry run"));
    const int tokens = plan.tokenCount();
    m_revokeButton =
        m_buttons->addButton(tr("&Revoke %n Token(s)", nullptr, tokens), QDialogButtonBox::DestructiveRole);
    m_revokeButton->setObjectName(QStringLiteral("revokeButton"));
    m_revokeButton->setAccessibleName(revokeText());
    DestructiveButton::style(m_revokeButton, QStringLiteral("token-revoke"));
    m_cancelButton = m_buttons->addButton(tr("C&ancel Run"), QDialogButtonBox::ActionRole);
    m_cancelButton->setObjectName(QStringLiteral("cancelRunButton"));
    m_cancelButton->setAccessibleName(tr("Cancel the revoke"));
    m_cancelButton->setEnabled(false);
    m_exportButton = m_buttons->addButton(tr("&Export…"), QDialogButtonBox::ActionRole);
    m_exportButton->setObjectName(QStringLiteral("exportButton"));
    m_exportButton->setAccessibleName(tr("Export the results as CSV"));
    m_exportButton->setEnabled(false);
    QPushButton *close = m_buttons->addButton(QDialogButtonBox::Close);
    close->setObjectName(QStringLiteral("closeButton"));
    // Enter closes (or, while running, cancels): revoking always takes a click on the Revoke button.
    close->setDefault(true);

    // Break-glass that reaches several accounts or applications: the subject has to be typed, not just seen.
    m_confirmation = new TypedConfirmation(this);
    m_confirmation->setExpected(plan.subject(), tr("the subject"));
    m_confirmation->setVisible(needsTypedConfirmation());
    connect(m_confirmation, &TypedConfirmation::confirmedChanged, this, &RevokePlanDialog::updateRevokeButton);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_preview, 1);
    layout->addWidget(m_progress);
    layout->addWidget(m_results, 1);
    layout->addWidget(m_confirmation);
    layout->addWidget(m_buttons);

    // Buttons act through clicked(): the box's accepted/rejected would close the dialog.
    connect(m_copyButton, &QPushButton::clicked, this, &RevokePlanDialog::copyPreview);
    connect(m_revokeButton, &QPushButton::clicked, this, &RevokePlanDialog::startRevoke);
    connect(m_cancelButton, &QPushButton::clicked, this, &RevokePlanDialog::cancelRun);
    connect(m_exportButton, &QPushButton::clicked, this, &RevokePlanDialog::exportResults);
    connect(close, &QPushButton::clicked, this, &RevokePlanDialog::reject);
    connect(m_runner, &RevokeRunner::progress, this, [this](int finished, int total) {
        m_progress->setRange(0, qMax(1, total));
        m_progress->setValue(finished);
    });

    updatePreview();
    updateRevokeButton();
}

QString RevokePlanDialog::revokeText() const
{
    return tr("Revoke %n Token(s)", nullptr, m_plan.tokenCount());
}

bool RevokePlanDialog::needsTypedConfirmation() const
{
    if (m_action != QLatin1String("break-glass"))
        return false;
    QStringList applications;
    for (const RevokeStep &step : m_plan.steps()) {
        if (step.willRun() && step.kind == RevokeStep::Kind::ExpireAll && !applications.contains(step.expireAll.appId))
            applications.append(step.expireAll.appId);
    }
    return accountNames().size() > 1 || applications.size() > 1;
}

bool RevokePlanDialog::canRevoke() const
{
    return !m_ran && !m_runner->isRunning() && m_plan.runnableCount() > 0
        && (!needsTypedConfirmation() || m_confirmation->isConfirmed());
}

void RevokePlanDialog::updateRevokeButton()
{
    m_revokeButton->setEnabled(canRevoke());
}

void RevokePlanDialog::setNotChecked(const QList<QPair<QString, QString>> &accounts)
{
    m_notChecked = accounts;
    updatePreview();
}

QStringList RevokePlanDialog::accountNames() const
{
    QStringList names;
    for (const RevokeStep &step : m_plan.steps()) {
        if (step.willRun() && !names.contains(step.accountName))
            names.append(step.accountName);
    }
    return names;
}

QString RevokePlanDialog::previewText() const
{
    return m_preview->toPlainText();
}

bool RevokePlanDialog::isRunning() const
{
    return m_runner->isRunning();
}

void RevokePlanDialog::updatePreview()
{
    // Token names and server reasons: one line each whatever they hold, no bidi override reordering a call.
    QStringList lines;
    for (const QString &line : m_plan.preview())
        lines.append(UntrustedText::forDisplay(line, UntrustedText::MessageCap));
    for (const auto &[account, reason] : std::as_const(m_notChecked))
        lines.append(tr("not checked: account %1: %2")
                         .arg(account, UntrustedText::forDisplay(reason, UntrustedText::MessageCap)));
    if (lines.isEmpty())
        lines.append(tr("Nothing matches."));
    m_preview->setPlainText(lines.join(QLatin1Char('\n')));

    const int calls = m_plan.runnableCount();
    QString text = calls == 0 ? tr("Dry run: nothing can be revoked.")
                              : tr("Dry run: %n call(s) would be made, ", nullptr, calls)
            + tr("revoking %n token(s) ", nullptr, m_plan.tokenCount())
            + tr("in %n account(s). Nothing has been sent yet.", nullptr, int(accountNames().size()));
    if (!m_notChecked.isEmpty())
        text += QLatin1Char(' ') + tr("%n account(s) could not be checked.", nullptr, int(m_notChecked.size()));
    m_summary->setText(text);
}

void RevokePlanDialog::copyPreview()
{
    if (QClipboard *clipboard = QGuiApplication::clipboard())
        clipboard->setText(previewText()); // calls and ids only: never a secret
}

void RevokePlanDialog::startRevoke()
{
    if (!canRevoke())
        return;
    // A typed confirmation already is the question, asked more firmly: no second one.
    if (!needsTypedConfirmation()) {
        const QStringList accounts = accountNames();
        // One sentence per count, so a translation can order it freely: the accounts part is its own phrase.
        const QString where =
            tr("%n account(s) (%1)", nullptr, int(accounts.size())).arg(accounts.join(QStringLiteral(", ")));
        const QString question =
            tr("Revoke %n token(s) in %1? Anything using them stops working.", nullptr, m_plan.tokenCount()).arg(where);
        if (!Confirmer::confirm(this, tr("Revoke"), question, previewText(), revokeText()))
            return;
    }

    m_revokeButton->setEnabled(false);
    m_confirmation->setEnabled(false);
    m_cancelButton->setEnabled(true);
    m_progress->setVisible(true);
    m_summary->setText(tr("Revoking…"));
    qCInfo(lcRevokePlan) << "running" << m_action << "with" << m_plan.runnableCount() << "steps";
    Async::then(
        m_runner->run(m_plan, m_action), this, [this](QList<RevokeOutcome> outcomes) { showResults(outcomes); });
}

void RevokePlanDialog::cancelRun()
{
    if (!m_runner->isRunning())
        return;
    m_cancelButton->setEnabled(false);
    m_summary->setText(tr("Cancelling: calls already sent finish, the rest are not made…"));
    m_runner->cancel();
}

void RevokePlanDialog::showResults(const QList<RevokeOutcome> &outcomes)
{
    m_outcomes = outcomes;
    m_ran = true;
    m_cancelButton->setEnabled(false);
    m_exportButton->setEnabled(true);
    m_results->setVisible(true);
    m_results->setRowCount(0);
    int succeeded = 0;
    int failed = 0;
    int cancelled = 0;
    for (const RevokeOutcome &outcome : outcomes) {
        QString state;
        switch (outcome.state) {
        case RevokeOutcome::State::Succeeded:
            state = tr("succeeded");
            ++succeeded;
            break;
        case RevokeOutcome::State::Failed:
            state = tr("failed");
            ++failed;
            break;
        case RevokeOutcome::State::Cancelled:
            state = tr("cancelled");
            ++cancelled;
            break;
        }
        const int row = m_results->rowCount();
        m_results->insertRow(row);
        const QStringList cells = {
            outcome.step.accountName, outcome.step.describe(), state, outcome.message, outcome.verificationText()};
        for (int column = 0; column < cells.size(); ++column) {
            auto *item = new QTableWidgetItem(UntrustedText::forDisplay(cells.at(column)));
            item->setToolTip(UntrustedText::forDisplay(cells.at(column), UntrustedText::MessageCap));
            m_results->setItem(row, column, item);
        }
    }
    m_results->resizeColumnsToContents();
    m_summary->setText(tr("%1 succeeded, %2 failed, %3 cancelled.").arg(succeeded).arg(failed).arg(cancelled));
    emit runFinished(outcomes);
}

bool RevokePlanDialog::exportTo(const QString &path, QString *error) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = file.errorString();
        return false;
    }
    file.write(RevokeRunner::toCsv(m_outcomes));
    if (!file.commit()) {
        if (error)
            *error = file.errorString();
        return false;
    }
    return true;
}

void RevokePlanDialog::exportResults()
{
    if (!m_ran)
        return;
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Results"),
        QDir::home().filePath(QStringLiteral("revoke-results.csv")), tr("CSV files (*.csv);;All files (*)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!exportTo(path, &error))
        QMessageBox::warning(this, tr("Export Results"), tr("Could not write %1: %2").arg(path, error));
}

void RevokePlanDialog::reject()
{
    if (m_runner->isRunning()) {
        cancelRun();
        return;
    }
    QDialog::reject();
}
