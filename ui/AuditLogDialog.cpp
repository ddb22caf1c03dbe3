#include "AuditLogDialog.h"
#include "ui_AuditLogDialog.h"

#include "Icons.h"
#include "StatusColors.h"
#include "core/Clock.h"
#include "core/UntrustedText.h"
#include "store/AuditWords.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QHash>
#include <QHeaderView>
#include <QIcon>
#include <QLineEdit>
#include <QLoggingCategory>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QSet>
#include <QStandardItemModel>
#include <QStandardPaths>
#include <QTableView>

namespace {
Q_LOGGING_CATEGORY(lcAuditDialog, "tokendesk.ui.audit")

// Wide enough for a date with seconds, a verb or a token name; the rest of the width goes to Detail.
constexpr int kMaxColumnWidth = 260;

// A grouped action (bulk revoke, break-glass) as its entries tell it: the group's own entry (no account) names
// the action, the other entries are its steps, the earliest entry says when it ran.
struct GroupSummary
{
    QString action;
    QDateTime time;
    int steps = 0;
};

QHash<QString, GroupSummary> summarizeGroups(const QList<AuditEntry> &entries)
{
    QHash<QString, GroupSummary> groups;
    for (const AuditEntry &entry : entries) {
        if (entry.groupId.isEmpty())
            continue;
        GroupSummary &group = groups[entry.groupId];
        if (entry.accountId.isNull())
            group.action = entry.action;
        else
            ++group.steps;
        // When the run started: its first entry.
        if (!group.time.isValid() || entry.time < group.time)
            group.time = entry.time;
    }
    return groups;
}
} // namespace

AuditLogDialog::AuditLogDialog(AuditLog *log, const QList<::Account> &accounts, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::AuditLogDialog>())
    , m_log(log)
{
    m_ui->setupUi(this);

    m_ui->auditAccount->addItem(tr("All accounts"), QVariant());
    for (const ::Account &account : accounts)
        m_ui->auditAccount->addItem(account.name, account.id);

    m_ui->auditOutcome->addItem(tr("Any outcome"), QString());
    m_ui->auditOutcome->addItem(AuditWords::outcome(QStringLiteral("success")), QStringLiteral("success"));
    m_ui->auditOutcome->addItem(AuditWords::outcome(QStringLiteral("failure")), QStringLiteral("failure"));

    const QDateTime now = QDateTime::currentDateTime();
    m_ui->auditSince->setDateTime(now.addDays(-7));
    m_ui->auditUntil->setDateTime(now);

    m_model = new QStandardItemModel(0, ColumnCount, this);
    m_model->setHorizontalHeaderLabels({tr("Time"), tr("Account"), tr("Service"), tr("Action"), tr("Token or target"),
        tr("Outcome"), tr("Detail"), tr("Group")});
    m_ui->auditTable->setModel(m_model);
    m_ui->auditTable->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_ui->auditTable->horizontalHeader()->setSectionResizeMode(Detail, QHeaderView::Stretch);
    // Rows grow with a wrapped Detail.
    m_ui->auditTable->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);

    m_export = m_ui->buttonBox->addButton(tr("&Export CSV…"), QDialogButtonBox::ActionRole);
    m_export->setObjectName(QStringLiteral("auditExport"));
    m_export->setAccessibleName(tr("Export CSV"));
    QPushButton *refresh = m_ui->buttonBox->addButton(tr("&Refresh"), QDialogButtonBox::ActionRole);
    refresh->setObjectName(QStringLiteral("auditRefresh"));
    // Added buttons enter the focus chain ahead of the box; Tab reaches them after Close, as they are shown.
    QWidget::setTabOrder(m_ui->buttonBox->button(QDialogButtonBox::Close), m_export);
    QWidget::setTabOrder(m_export, refresh);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_export, &QPushButton::clicked, this, &AuditLogDialog::exportCsvInteractive);
    connect(refresh, &QPushButton::clicked, this, [this] {
        fillActions();
        reload();
    });

    fillActions();
    connect(m_ui->auditAccount, &QComboBox::currentIndexChanged, this, &AuditLogDialog::reload);
    connect(m_ui->auditAction, &QComboBox::currentIndexChanged, this, &AuditLogDialog::reload);
    connect(m_ui->auditOutcome, &QComboBox::currentIndexChanged, this, &AuditLogDialog::reload);
    // Found by what one remembers: the token's name (as it was then), its id, the account or the detail.
    connect(m_ui->auditFind, &QLineEdit::textChanged, this, &AuditLogDialog::reload);
    connect(m_ui->auditUseSince, &QCheckBox::toggled, m_ui->auditSince, &QWidget::setEnabled);
    connect(m_ui->auditUseUntil, &QCheckBox::toggled, m_ui->auditUntil, &QWidget::setEnabled);
    connect(m_ui->auditUseSince, &QCheckBox::toggled, this, &AuditLogDialog::reload);
    connect(m_ui->auditUseUntil, &QCheckBox::toggled, this, &AuditLogDialog::reload);
    connect(m_ui->auditSince, &QDateTimeEdit::dateTimeChanged, this, [this] {
        if (m_ui->auditUseSince->isChecked())
            reload();
    });
    connect(m_ui->auditUntil, &QDateTimeEdit::dateTimeChanged, this, [this] {
        if (m_ui->auditUseUntil->isChecked())
            reload();
    });
    reload();
}

AuditLogDialog::~AuditLogDialog() = default;

QTableView *AuditLogDialog::table() const
{
    return m_ui->auditTable;
}

void AuditLogDialog::fillActions()
{
    // The known actions plus whatever the log holds (grouped actions like "break-glass" or "bulk-revoke").
    const QString current = m_ui->auditAction->currentData().toString();
    QStringList actions = AuditWords::knownActions();
    if (m_log) {
        for (const AuditEntry &entry : m_log->query()) {
            if (!entry.action.isEmpty() && !actions.contains(entry.action))
                actions.append(entry.action);
        }
    }
    const QSignalBlocker blocker(m_ui->auditAction);
    m_ui->auditAction->clear();
    m_ui->auditAction->addItem(tr("Any action"), QString());
    for (const QString &action : std::as_const(actions))
        m_ui->auditAction->addItem(AuditWords::action(action), action);
    const int index = m_ui->auditAction->findData(current);
    m_ui->auditAction->setCurrentIndex(index < 0 ? 0 : index);
}

AuditFilter AuditLogDialog::filter() const
{
    AuditFilter filter;
    const QVariant account = m_ui->auditAccount->currentData();
    if (account.isValid())
        filter.accountId = account.toUuid();
    filter.action = m_ui->auditAction->currentData().toString();
    filter.outcome = m_ui->auditOutcome->currentData().toString();
    if (m_ui->auditUseSince->isChecked())
        filter.since = m_ui->auditSince->dateTime().toUTC();
    if (m_ui->auditUseUntil->isChecked())
        filter.until = m_ui->auditUntil->dateTime().toUTC();
    filter.text = m_ui->auditFind->text();
    return filter;
}

void AuditLogDialog::setTimeDisplay(TimeText::Display display, Qt::TimeSpec zone, const Clock *clock)
{
    m_timeDisplay = display;
    m_timeZone = zone == Qt::UTC ? Qt::UTC : Qt::LocalTime;
    m_clock = clock;
    reload();
}

void AuditLogDialog::reload()
{
    m_entries = m_log ? m_log->query(filter()) : QList<AuditEntry>();
    if (m_log && !m_log->lastError().isEmpty())
        qCWarning(lcAuditDialog) << "audit log query failed:" << m_log->lastError();
    m_model->removeRows(0, m_model->rowCount());
    // Group titles come from the whole log: a filter may hide a group's own entry or some of its steps.
    const QHash<QString, GroupSummary> groups = summarizeGroups(m_log ? m_log->query() : QList<AuditEntry>());
    const QColor groupTint = palette().color(QPalette::Highlight);
    const QDateTime now = m_clock ? m_clock->now() : QDateTime::currentDateTimeUtc();
    const QIcon succeeded = Icons::action(QStringLiteral("outcome-success"));
    const QIcon failed = Icons::action(QStringLiteral("outcome-failure"));
    for (const AuditEntry &entry : std::as_const(m_entries)) {
        QList<QStandardItem *> row;
        auto *time = new QStandardItem(TimeText::format(entry.time, now, m_timeDisplay, m_timeZone, true));
        // The exact time is always one hover away, whatever the display.
        time->setToolTip(m_timeDisplay == TimeText::Display::Relative
                ? tr("%1 (%2)").arg(
                    TimeText::absolute(entry.time, m_timeZone, true), entry.time.toUTC().toString(Qt::ISODateWithMs))
                : entry.time.toUTC().toString(Qt::ISODateWithMs));
        row << time << new QStandardItem(entry.accountName) << new QStandardItem(entry.providerId);
        // A step of a grouped action reads as such ("Revoked (bulk)"); the machine word stays one hover away.
        const bool step = !entry.groupId.isEmpty() && !entry.accountId.isNull();
        auto *action = new QStandardItem(AuditWords::action(entry.action, step));
        action->setToolTip(entry.action);
        action->setData(entry.action, Qt::UserRole);
        row << action;
        // The token's name as it was then; entries written before names were kept show the id. Both are service
        // text.
        const QString id = UntrustedText::forDisplay(entry.target);
        auto *target = new QStandardItem(entry.targetName.isEmpty() ? id : UntrustedText::forDisplay(entry.targetName));
        target->setToolTip(entry.targetName.isEmpty() ? id : tr("Id: %1").arg(id));
        target->setData(entry.target, Qt::UserRole);
        row << target;
        // Colour and icon, so the outcome does not rest on colour alone.
        auto *outcome = new QStandardItem(AuditWords::outcome(entry.outcome));
        outcome->setData(entry.outcome, Qt::UserRole);
        if (entry.outcome == QLatin1String("success")) {
            outcome->setIcon(succeeded);
            outcome->setForeground(StatusColors::color(StatusColors::Role::Success, palette()));
        } else if (entry.outcome == QLatin1String("failure")) {
            outcome->setIcon(failed);
            outcome->setForeground(StatusColors::color(StatusColors::Role::Error, palette()));
        }
        row << outcome;
        auto *detail = new QStandardItem(UntrustedText::forDisplay(entry.detail));
        detail->setToolTip(UntrustedText::forDisplay(entry.detail, UntrustedText::MessageCap));
        row << detail;
        QString groupText;
        if (!entry.groupId.isEmpty()) {
            const GroupSummary summary = groups.value(entry.groupId);
            groupText = AuditWords::group(summary.action.isEmpty() ? entry.action : summary.action, summary.steps,
                summary.time.isValid() ? summary.time : entry.time);
        }
        auto *group = new QStandardItem(groupText);
        group->setToolTip(entry.groupId.isEmpty() ? QString() : tr("%1\nGroup id: %2").arg(groupText, entry.groupId));
        group->setData(entry.groupId, Qt::UserRole);
        if (!entry.groupId.isEmpty()) {
            QColor tint = groupTint;
            tint.setAlpha(40);
            group->setBackground(tint);
        }
        row << group;
        m_model->appendRow(row);
    }
    m_ui->auditTable->resizeColumnsToContents();
    QHeaderView *header = m_ui->auditTable->horizontalHeader();
    for (int column = 0; column < ColumnCount; ++column) {
        if (column != Detail && header->sectionSize(column) > kMaxColumnWidth)
            header->resizeSection(column, kMaxColumnWidth);
    }
    m_ui->auditCount->setText(tr("%n entries", nullptr, int(m_entries.size())));
    m_export->setEnabled(!m_entries.isEmpty());
}

bool AuditLogDialog::exportCsv(const QString &path)
{
    m_lastError.clear();
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        m_lastError = tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    if (!AuditLog::writeCsv(m_entries, &file) || !file.commit()) {
        m_lastError = tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
        file.cancelWriting();
        return false;
    }
    return true;
}

void AuditLogDialog::exportCsvInteractive()
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Audit Log"),
        QDir(dir).filePath(QStringLiteral("tokendesk-audit.csv")), tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    if (!exportCsv(path))
        QMessageBox::warning(this, tr("Export Audit Log"), m_lastError);
}
