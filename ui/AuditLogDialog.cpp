#include "AuditLogDialog.h"

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
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHash>
#include <QHeaderView>
#include <QIcon>
#include <QLabel>
#include <QLineEdit>
#include <QLoggingCategory>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QSet>
#include <QStandardItemModel>
#include <QStandardPaths>
#include <QTableView>
#include <QVBoxLayout>

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
    , m_log(log)
{
    setObjectName(QStringLiteral("AuditLogDialog"));
    setWindowTitle(tr("Audit Log"));
    setAccessibleName(tr("Audit log"));
    resize(1100, 560);

    m_account = new QComboBox;
    m_account->setObjectName(QStringLiteral("auditAccount"));
    m_account->setAccessibleName(tr("Account filter"));
    m_account->addItem(tr("All accounts"), QVariant());
    for (const ::Account &account : accounts)
        m_account->addItem(account.name, account.id);

    m_action = new QComboBox;
    m_action->setObjectName(QStringLiteral("auditAction"));
    m_action->setAccessibleName(tr("Action filter"));

    m_outcome = new QComboBox;
    m_outcome->setObjectName(QStringLiteral("auditOutcome"));
    m_outcome->setAccessibleName(tr("Outcome filter"));
    m_outcome->addItem(tr("Any outcome"), QString());
    m_outcome->addItem(AuditWords::outcome(QStringLiteral("success")), QStringLiteral("success"));
    m_outcome->addItem(AuditWords::outcome(QStringLiteral("failure")), QStringLiteral("failure"));

    const QDateTime now = QDateTime::currentDateTime();
    m_useSince = new QCheckBox(tr("&Since"));
    m_useSince->setObjectName(QStringLiteral("auditUseSince"));
    m_since = new QDateTimeEdit(now.addDays(-7));
    m_since->setObjectName(QStringLiteral("auditSince"));
    m_since->setAccessibleName(tr("Since"));
    m_since->setCalendarPopup(true);
    m_since->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    m_since->setEnabled(false);
    m_useUntil = new QCheckBox(tr("&Until"));
    m_useUntil->setObjectName(QStringLiteral("auditUseUntil"));
    m_until = new QDateTimeEdit(now);
    m_until->setObjectName(QStringLiteral("auditUntil"));
    m_until->setAccessibleName(tr("Until"));
    m_until->setCalendarPopup(true);
    m_until->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    m_until->setEnabled(false);

    // Found by what one remembers: the token's name (as it was then), its id, the account or the detail.
    m_find = new QLineEdit;
    m_find->setObjectName(QStringLiteral("auditFind"));
    m_find->setAccessibleName(tr("Find in the audit log"));
    m_find->setPlaceholderText(tr("Find a token, account or detail"));
    m_find->setClearButtonEnabled(true);

    auto *filters = new QFormLayout;
    auto *labelFind = new QLabel(tr("&Find:"));
    labelFind->setBuddy(m_find);
    filters->addRow(labelFind, m_find);
    auto *labelAccount = new QLabel(tr("&Account:"));
    labelAccount->setBuddy(m_account);
    auto *labelAction = new QLabel(tr("A&ction:"));
    labelAction->setBuddy(m_action);
    auto *labelOutcome = new QLabel(tr("&Outcome:"));
    labelOutcome->setBuddy(m_outcome);
    auto *firstRow = new QHBoxLayout;
    firstRow->addWidget(labelAccount);
    firstRow->addWidget(m_account, 1);
    firstRow->addWidget(labelAction);
    firstRow->addWidget(m_action, 1);
    firstRow->addWidget(labelOutcome);
    firstRow->addWidget(m_outcome, 1);
    auto *secondRow = new QHBoxLayout;
    secondRow->addWidget(m_useSince);
    secondRow->addWidget(m_since, 1);
    secondRow->addWidget(m_useUntil);
    secondRow->addWidget(m_until, 1);
    filters->addRow(firstRow);
    filters->addRow(secondRow);

    m_model = new QStandardItemModel(0, ColumnCount, this);
    m_model->setHorizontalHeaderLabels({tr("Time"), tr("Account"), tr("Service"), tr("Action"), tr("Token or target"),
        tr("Outcome"), tr("Detail"), tr("Group")});
    m_table = new QTableView;
    m_table->setObjectName(QStringLiteral("auditTable"));
    m_table->setAccessibleName(tr("Audit entries"));
    m_table->setAccessibleDescription(tr("Newest first. Entries of one grouped action share a group."));
    m_table->setModel(m_model);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    m_table->setWordWrap(true);
    m_table->setTextElideMode(Qt::ElideRight);
    m_table->horizontalHeader()->setStretchLastSection(false);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_table->horizontalHeader()->setSectionResizeMode(Detail, QHeaderView::Stretch);
    m_table->horizontalHeader()->setMinimumSectionSize(60);
    // Rows grow with a wrapped Detail.
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);

    m_count = new QLabel;
    m_count->setObjectName(QStringLiteral("auditCount"));
    m_count->setAccessibleName(tr("Number of entries"));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    m_export = buttons->addButton(tr("&Export CSV…"), QDialogButtonBox::ActionRole);
    m_export->setObjectName(QStringLiteral("auditExport"));
    m_export->setAccessibleName(tr("Export CSV"));
    QPushButton *refresh = buttons->addButton(tr("&Refresh"), QDialogButtonBox::ActionRole);
    refresh->setObjectName(QStringLiteral("auditRefresh"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_export, &QPushButton::clicked, this, &AuditLogDialog::exportCsvInteractive);
    connect(refresh, &QPushButton::clicked, this, [this] {
        fillActions();
        reload();
    });

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(filters);
    layout->addWidget(m_table, 1);
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_count, 1);
    bottom->addWidget(buttons);
    layout->addLayout(bottom);

    fillActions();
    connect(m_account, &QComboBox::currentIndexChanged, this, &AuditLogDialog::reload);
    connect(m_action, &QComboBox::currentIndexChanged, this, &AuditLogDialog::reload);
    connect(m_outcome, &QComboBox::currentIndexChanged, this, &AuditLogDialog::reload);
    connect(m_find, &QLineEdit::textChanged, this, &AuditLogDialog::reload);
    connect(m_useSince, &QCheckBox::toggled, m_since, &QWidget::setEnabled);
    connect(m_useUntil, &QCheckBox::toggled, m_until, &QWidget::setEnabled);
    connect(m_useSince, &QCheckBox::toggled, this, &AuditLogDialog::reload);
    connect(m_useUntil, &QCheckBox::toggled, this, &AuditLogDialog::reload);
    connect(m_since, &QDateTimeEdit::dateTimeChanged, this, [this] {
        if (m_useSince->isChecked())
            reload();
    });
    connect(m_until, &QDateTimeEdit::dateTimeChanged, this, [this] {
        if (m_useUntil->isChecked())
            reload();
    });
    reload();
}

void AuditLogDialog::fillActions()
{
    // The known actions plus whatever the log holds (grouped actions like "break-glass" or "bulk-revoke").
    const QString current = m_action->currentData().toString();
    QStringList actions = AuditWords::knownActions();
    if (m_log) {
        for (const AuditEntry &entry : m_log->query()) {
            if (!entry.action.isEmpty() && !actions.contains(entry.action))
                actions.append(entry.action);
        }
    }
    const QSignalBlocker blocker(m_action);
    m_action->clear();
    m_action->addItem(tr("Any action"), QString());
    for (const QString &action : std::as_const(actions))
        m_action->addItem(AuditWords::action(action), action);
    const int index = m_action->findData(current);
    m_action->setCurrentIndex(index < 0 ? 0 : index);
}

AuditFilter AuditLogDialog::filter() const
{
    AuditFilter filter;
    const QVariant account = m_account->currentData();
    if (account.isValid())
        filter.accountId = account.toUuid();
    filter.action = m_action->currentData().toString();
    filter.outcome = m_outcome->currentData().toString();
    if (m_useSince->isChecked())
        filter.since = m_since->dateTime().toUTC();
    if (m_useUntil->isChecked())
        filter.until = m_until->dateTime().toUTC();
    filter.text = m_find->text();
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
    const QIcon succeeded(QStringLiteral(":/icons/actions/outcome-success.svg"));
    const QIcon failed(QStringLiteral(":/icons/actions/outcome-failure.svg"));
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
    m_table->resizeColumnsToContents();
    QHeaderView *header = m_table->horizontalHeader();
    for (int column = 0; column < ColumnCount; ++column) {
        if (column != Detail && header->sectionSize(column) > kMaxColumnWidth)
            header->resizeSection(column, kMaxColumnWidth);
    }
    m_count->setText(tr("%n entries", nullptr, int(m_entries.size())));
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
