#include "ExpiryCalendarDialog.h"

#include "AccountController.h"
#include "AccountListCollector.h"
#include "StatusColors.h"

#include "core/Clock.h"
#include "core/Duration.h"
#include "core/UntrustedText.h"
#include "store/Preferences.h"
#include "workflows/ExpiringQuery.h"
#include "workflows/ExpiryCalendar.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QSpinBox>
#include <QVBoxLayout>

ExpiryCalendarDialog::ExpiryCalendarDialog(AccountController *controller, QWidget *parent)
    : QDialog(parent)
    , m_controller(controller)
{
    setWindowTitle(tr("Export Expiry Calendar"));
    resize(560, 220);
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    m_within = new QSpinBox(this);
    m_within->setObjectName(QStringLiteral("withinDays"));
    m_within->setRange(1, 3650);
    m_within->setValue(90);
    m_within->setSuffix(tr(" days"));
    m_within->setAccessibleName(tr("Tokens expiring within"));
    form->addRow(tr("Tokens expiring within:"), m_within);

    QStringList alarms;
    const QList<qint64> thresholds =
        m_controller->preferences() ? m_controller->preferences()->alertThresholdsSeconds() : QList<qint64>();
    for (const qint64 seconds : thresholds)
        alarms << Duration::format(seconds);
    auto *alarmLabel = new QLabel(
        alarms.isEmpty() ? tr("none") : tr("%1 before each expiry").arg(alarms.join(QStringLiteral(", "))), this);
    alarmLabel->setObjectName(QStringLiteral("alarms"));
    form->addRow(tr("Reminders:"), alarmLabel);

    auto *pathRow = new QHBoxLayout;
    m_path = new QLineEdit(QDir::home().filePath(QStringLiteral("tokendesk-expiries.ics")), this);
    m_path->setObjectName(QStringLiteral("filePath"));
    m_path->setAccessibleName(tr("Calendar file"));
    auto *browse = new QPushButton(tr("&Browse…"), this);
    pathRow->addWidget(m_path, 1);
    pathRow->addWidget(browse);
    form->addRow(tr("&File:"), pathRow);
    layout->addLayout(form);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("status"));
    m_status->setTextFormat(Qt::PlainText);
    m_status->setWordWrap(true);
    m_status->setAccessibleName(tr("Export status"));
    layout->addWidget(m_status);
    layout->addStretch(1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_export = buttons->addButton(tr("&Export"), QDialogButtonBox::ActionRole);
    m_export->setObjectName(QStringLiteral("exportButton"));
    m_export->setDefault(true);
    connect(browse, &QPushButton::clicked, this, &ExpiryCalendarDialog::browse);
    connect(m_export, &QPushButton::clicked, this, &ExpiryCalendarDialog::exportCalendar);
    connect(m_path, &QLineEdit::textChanged, this, &ExpiryCalendarDialog::updateButtons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    updateButtons();
}

void ExpiryCalendarDialog::setWithinDays(int days)
{
    m_within->setValue(days);
}

void ExpiryCalendarDialog::setFilePath(const QString &path)
{
    m_path->setText(path);
}

QString ExpiryCalendarDialog::statusText() const
{
    return m_status->text();
}

void ExpiryCalendarDialog::updateButtons()
{
    m_export->setEnabled(!m_busy && !m_path->text().trimmed().isEmpty());
}

void ExpiryCalendarDialog::browse()
{
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Export Expiry Calendar"), m_path->text(), tr("iCalendar files (*.ics)"));
    if (!path.isEmpty())
        m_path->setText(path);
}

void ExpiryCalendarDialog::exportCalendar()
{
    const QString path = m_path->text().trimmed();
    if (m_busy || path.isEmpty())
        return;
    m_busy = true;
    updateButtons();
    m_status->setText(tr("Listing the accounts…"));
    StatusColors::clear(m_status);
    auto *collector = new AccountListCollector(m_controller, this);
    const qint64 within = qint64(m_within->value()) * 86400;
    connect(collector, &AccountListCollector::finished, this, [this, collector, path, within] {
        collector->deleteLater();
        const Clock &clock = m_controller->clock() ? *m_controller->clock() : *Clock::system();
        const QList<ExpiringToken> tokens = ExpiringQuery::select(collector->listed(), clock, within);
        const QList<qint64> thresholds =
            m_controller->preferences() ? m_controller->preferences()->alertThresholdsSeconds() : QList<qint64>();
        QSaveFile file(path);
        const QByteArray ics = ExpiryCalendar::toIcs(tokens, thresholds, clock.now());
        const bool ok = file.open(QIODevice::WriteOnly) && file.write(ics) == ics.size() && file.commit();
        QStringList lines;
        if (ok)
            lines << tr("Wrote %n expiry event(s) to %1.", nullptr, int(tokens.size()))
                         .arg(QDir::toNativeSeparators(path));
        else
            lines << tr("Could not write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
        for (const auto &[name, reason] : collector->notChecked())
            lines
                << tr("Not included: %1 (%2)").arg(UntrustedText::forDisplay(name), UntrustedText::forDisplay(reason));
        m_status->setText(lines.join(QLatin1Char('\n')));
        if (!ok || !collector->notChecked().isEmpty())
            StatusColors::apply(m_status, ok ? StatusColors::Role::Warning : StatusColors::Role::Error);
        m_busy = false;
        updateButtons();
        emit exportFinished(ok);
    });
    collector->start();
}
