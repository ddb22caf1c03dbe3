#include "LeakScanDialog.h"

#include "AccountController.h"
#include "StatusColors.h"

#include "core/Async.h"
#include "core/UntrustedText.h"
#include "store/FingerprintKey.h"
#include "store/Ledger.h"
#include "store/TokenNotes.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QThread>
#include <QTreeWidget>
#include <QVBoxLayout>

LeakScanDialog::LeakScanDialog(AccountController *controller, QWidget *parent)
    : QDialog(parent)
    , m_controller(controller)
{
    setWindowTitle(tr("Scan for Leaked Tokens"));
    resize(820, 520);
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("Looks through the folders and files you add (.env files, shell histories, "
                                "configuration, working trees) for tokens TokenDesk created. Findings are shown "
                                "as file and line, never the value. Binary files and files over the size limit "
                                "are skipped."),
        this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto *pathsRow = new QHBoxLayout;
    m_paths = new QListWidget(this);
    m_paths->setObjectName(QStringLiteral("paths"));
    m_paths->setAccessibleName(tr("Folders and files to scan"));
    m_paths->setSelectionMode(QAbstractItemView::ExtendedSelection);
    pathsRow->addWidget(m_paths, 1);
    auto *pathButtons = new QVBoxLayout;
    auto *addFolder = new QPushButton(tr("Add &Folder…"), this);
    auto *addFiles = new QPushButton(tr("Add F&iles…"), this);
    auto *remove = new QPushButton(tr("&Remove"), this);
    pathButtons->addWidget(addFolder);
    pathButtons->addWidget(addFiles);
    pathButtons->addWidget(remove);
    pathButtons->addStretch(1);
    pathsRow->addLayout(pathButtons);
    layout->addLayout(pathsRow);
    connect(addFolder, &QPushButton::clicked, this, &LeakScanDialog::addFolder);
    connect(addFiles, &QPushButton::clicked, this, &LeakScanDialog::addFiles);
    connect(remove, &QPushButton::clicked, this, [this] {
        qDeleteAll(m_paths->selectedItems());
        updateButtons();
    });

    auto *form = new QFormLayout;
    m_maxSize = new QSpinBox(this);
    m_maxSize->setObjectName(QStringLiteral("maxFileSize"));
    m_maxSize->setRange(1, 1024);
    m_maxSize->setValue(int(LeakScanner::DefaultMaxFileBytes / (1024 * 1024)));
    m_maxSize->setSuffix(tr(" MB"));
    m_maxSize->setAccessibleName(tr("Skip files larger than"));
    form->addRow(tr("Skip files larger than:"), m_maxSize);
    layout->addLayout(form);

    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("progress"));
    m_progress->setRange(0, 1);
    m_progress->setValue(0);
    m_progress->setTextVisible(false);
    m_progress->setAccessibleName(tr("Scan progress"));
    layout->addWidget(m_progress);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("status"));
    m_status->setTextFormat(Qt::PlainText);
    m_status->setWordWrap(true);
    m_status->setAccessibleName(tr("Scan status"));
    layout->addWidget(m_status);

    m_results = new QTreeWidget(this);
    m_results->setObjectName(QStringLiteral("findings"));
    m_results->setRootIsDecorated(false);
    m_results->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_results->setAccessibleName(tr("Findings"));
    m_results->setHeaderLabels({tr("Location"), tr("Token"), tr("Account or where to revoke")});
    m_results->header()->setStretchLastSection(true);
    layout->addWidget(m_results, 1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_scan = buttons->addButton(tr("&Scan"), QDialogButtonBox::ActionRole);
    m_scan->setObjectName(QStringLiteral("scanButton"));
    m_cancel = buttons->addButton(tr("&Cancel Scan"), QDialogButtonBox::ActionRole);
    m_cancel->setObjectName(QStringLiteral("cancelButton"));
    m_addNotes = buttons->addButton(tr("Add to &Notes"), QDialogButtonBox::ActionRole);
    m_addNotes->setObjectName(QStringLiteral("addNotesButton"));
    m_addNotes->setToolTip(tr("Write “seen at file:line” into the notes of the selected tokens"));
    connect(m_scan, &QPushButton::clicked, this, &LeakScanDialog::startScan);
    connect(m_cancel, &QPushButton::clicked, this, &LeakScanDialog::cancelScan);
    connect(m_addNotes, &QPushButton::clicked, this, &LeakScanDialog::addSelectedToNotes);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_results, &QTreeWidget::itemSelectionChanged, this, &LeakScanDialog::updateButtons);
    layout->addWidget(buttons);
    updateButtons();
}

LeakScanDialog::~LeakScanDialog()
{
    if (m_thread) {
        m_cancelFlag = true;
        m_thread->wait();
        delete m_thread;
    }
}

void LeakScanDialog::addPath(const QString &path)
{
    const QString clean = QDir::cleanPath(path);
    if (clean.isEmpty() || !m_paths->findItems(QDir::toNativeSeparators(clean), Qt::MatchExactly).isEmpty())
        return;
    auto *item = new QListWidgetItem(QDir::toNativeSeparators(clean), m_paths);
    item->setData(Qt::UserRole, clean);
    updateButtons();
}

QStringList LeakScanDialog::paths() const
{
    QStringList result;
    for (int i = 0; i < m_paths->count(); ++i)
        result.append(m_paths->item(i)->data(Qt::UserRole).toString());
    return result;
}

void LeakScanDialog::setMaxFileMegabytes(int megabytes)
{
    m_maxSize->setValue(megabytes);
}

void LeakScanDialog::addFolder()
{
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Add a Folder to Scan"), QDir::homePath());
    if (!folder.isEmpty())
        addPath(folder);
}

void LeakScanDialog::addFiles()
{
    const QStringList files = QFileDialog::getOpenFileNames(this, tr("Add Files to Scan"), QDir::homePath());
    for (const QString &file : files)
        addPath(file);
}

QString LeakScanDialog::statusText() const
{
    return m_status->text();
}

void LeakScanDialog::updateButtons()
{
    const bool busy = m_thread || m_waitingForKey;
    m_scan->setEnabled(!busy && m_paths->count() > 0);
    m_cancel->setEnabled(m_thread != nullptr);
    bool tokenDeskSelected = false;
    for (QTreeWidgetItem *item : m_results->selectedItems()) {
        const int row = m_results->indexOfTopLevelItem(item);
        if (row >= 0 && row < m_hits.size() && m_hits.at(row).kind == LeakHit::Kind::TokenDesk)
            tokenDeskSelected = true;
    }
    m_addNotes->setEnabled(!busy && tokenDeskSelected && m_controller->tokenNotes());
}

void LeakScanDialog::startScan()
{
    if (m_thread || m_waitingForKey || m_paths->count() == 0)
        return;
    m_hits.clear();
    m_results->clear();
    m_stats = {};
    m_waitingForKey = true;
    updateButtons();
    m_status->setText(tr("Starting…"));
    FingerprintKey *key = FingerprintKey::of(m_controller->secretStore());
    if (!key) {
        scanWithKey({}, tr("No keychain: tokens TokenDesk created cannot be recognised."));
        return;
    }
    Async::then(key->key(FingerprintKey::Mode::ReadOnly), this, [this](Result<QByteArray> result) {
        QString problem;
        if (!result.ok() && result.error().kind() != ApiError::Kind::NotFound)
            problem = tr("The fingerprint key could not be read (%1): only other services' credentials are found.")
                          .arg(result.error().userMessage());
        scanWithKey(result.ok() ? result.value() : QByteArray(), problem);
    });
}

void LeakScanDialog::scanWithKey(const QByteArray &key, const QString &keyProblem)
{
    m_waitingForKey = false;
    const QList<FingerprintRecord> known =
        m_controller->ledger() ? m_controller->ledger()->allFingerprints() : QList<FingerprintRecord>();
    m_scanner = std::make_unique<LeakScanner>(key, known);
    m_scanner->setMaxFileBytes(qint64(m_maxSize->value()) * 1024 * 1024);
    m_cancelFlag = false;
    m_scanner->setCancelFlag(&m_cancelFlag);
    m_scanner->setProgress(
        [this](const LeakScanStats &stats, const QString &) {
            QMetaObject::invokeMethod(
                this, [this, stats] { progress(stats); }, Qt::QueuedConnection);
        },
        200);
    const QStringList paths = this->paths();
    LeakScanner *scanner = m_scanner.get();
    m_thread = QThread::create([scanner, paths] { scanner->scan(paths); });
    connect(m_thread, &QThread::finished, this, [this, keyProblem] { finished(keyProblem); });
    m_progress->setRange(0, 0); // busy: the number of files is not known before the walk
    m_thread->start(QThread::LowPriority);
    updateButtons();
}

void LeakScanDialog::progress(const LeakScanStats &stats)
{
    if (!m_thread)
        return;
    m_status->setText(tr("%n file(s) read, %1 MB", nullptr, int(qMin<qint64>(stats.files, INT_MAX)))
                          .arg(QLocale().toString(double(stats.bytes) / (1024 * 1024), 'f', 1)));
}

void LeakScanDialog::cancelScan()
{
    m_cancelFlag = true;
}

QString LeakScanDialog::accountName(const QUuid &id) const
{
    const std::optional<Account> account = m_controller->account(id);
    return account ? account->name : tr("(removed account)");
}

void LeakScanDialog::finished(const QString &keyProblem)
{
    m_thread->deleteLater();
    m_thread = nullptr;
    m_hits = m_scanner->hits();
    m_stats = m_scanner->stats();
    m_scanner.reset();
    m_progress->setRange(0, 1);
    m_progress->setValue(1);
    int own = 0;
    for (const LeakHit &hit : std::as_const(m_hits)) {
        const QString location = QDir::toNativeSeparators(hit.path) + QLatin1Char(':') + QString::number(hit.line);
        QTreeWidgetItem *item = nullptr;
        if (hit.kind == LeakHit::Kind::TokenDesk) {
            ++own;
            const QString token = hit.record.label.isEmpty() ? hit.record.tokenId : hit.record.label;
            item = new QTreeWidgetItem(m_results,
                {UntrustedText::forDisplay(location), UntrustedText::forDisplay(token),
                    UntrustedText::forDisplay(accountName(hit.record.accountId))});
        } else {
            item = new QTreeWidgetItem(m_results,
                {UntrustedText::forDisplay(location), tr("not TokenDesk's: %1").arg(hit.service), hit.revocation});
            item->setToolTip(2, hit.revocation);
        }
        item->setToolTip(0, UntrustedText::forDisplay(location, UntrustedText::MessageCap));
    }
    QStringList lines;
    lines << tr("%n file(s) read", nullptr, int(qMin<qint64>(m_stats.files, INT_MAX))) + QStringLiteral(", ")
            + tr("%1 MB").arg(QLocale().toString(double(m_stats.bytes) / (1024 * 1024), 'f', 1)) + QStringLiteral(", ")
            + tr("%n skipped (binary or too large)", nullptr, int(m_stats.skippedBinary + m_stats.skippedLarge));
    lines << tr("%n token(s) TokenDesk created found", nullptr, own) + QStringLiteral(", ")
            + tr("%n credential(s) of other services", nullptr, int(m_hits.size() - own));
    if (m_stats.cancelled)
        lines << tr("Cancelled: the findings above are from the files read before.");
    if (!keyProblem.isEmpty())
        lines << keyProblem;
    m_status->setText(lines.join(QLatin1Char('\n')));
    if (m_stats.cancelled || !keyProblem.isEmpty())
        StatusColors::apply(m_status, StatusColors::Role::Warning);
    else
        StatusColors::clear(m_status);
    updateButtons();
    emit scanFinished();
}

int LeakScanDialog::addSelectedToNotes()
{
    TokenNotes *notes = m_controller->tokenNotes();
    if (!notes)
        return 0;
    int changed = 0;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (QTreeWidgetItem *item : m_results->selectedItems()) {
        const int row = m_results->indexOfTopLevelItem(item);
        if (row < 0 || row >= m_hits.size() || m_hits.at(row).kind != LeakHit::Kind::TokenDesk)
            continue;
        const LeakHit &hit = m_hits.at(row);
        if (hit.record.tokenId.isEmpty())
            continue;
        const TokenNote before = notes->note(hit.record.accountId, hit.record.tokenId).value_or(TokenNote());
        const TokenNote after = LeakScanner::withSighting(before, hit, now);
        if (after.usedIn == before.usedIn)
            continue;
        if (notes->setNote(hit.record.accountId, hit.record.tokenId, after))
            ++changed;
    }
    m_status->setText(tr("%n note(s) updated.", nullptr, changed));
    StatusColors::clear(m_status);
    return changed;
}
