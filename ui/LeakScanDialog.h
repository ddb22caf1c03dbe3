#pragma once

#include "workflows/LeakScanner.h"

#include <QDialog>
#include <QList>
#include <QStringList>

#include <atomic>
#include <memory>

class AccountController;
class QLabel;
class QListWidget;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QThread;
class QTreeWidget;

// Tools → Scan for Leaked Tokens…: an opt-in scan of the folders and files the user adds. LeakScanner runs on a
// worker thread with the ledger's fingerprints (read here first); a busy bar with the files and megabytes read so
// far, and Cancel. Findings show as path:line with the token and account (or, for another service's credential,
// where to revoke it), never the value. "Add to Notes" writes "seen at path:line" into the selected tokens' notes.
class LeakScanDialog : public QDialog
{
    Q_OBJECT
public:
    explicit LeakScanDialog(AccountController *controller, QWidget *parent = nullptr);
    ~LeakScanDialog() override;

    void addPath(const QString &path);
    QStringList paths() const;
    void setMaxFileMegabytes(int megabytes);
    void startScan();
    void cancelScan();
    bool isScanning() const { return m_thread != nullptr; }
    QList<LeakHit> hits() const { return m_hits; }
    LeakScanStats stats() const { return m_stats; }
    QString statusText() const;
    QTreeWidget *resultView() const { return m_results; }
    // Writes "seen at …" into the notes of the selected TokenDesk findings; returns how many notes changed.
    int addSelectedToNotes();

signals:
    void scanFinished(); // tests wait for it

private:
    void addFolder();
    void addFiles();
    void scanWithKey(const QByteArray &key, const QString &keyProblem);
    void progress(const LeakScanStats &stats);
    void finished(const QString &keyProblem);
    void updateButtons();
    QString accountName(const QUuid &id) const;

    AccountController *m_controller;
    QListWidget *m_paths;
    QSpinBox *m_maxSize;
    QPushButton *m_scan;
    QPushButton *m_cancel;
    QPushButton *m_addNotes;
    QProgressBar *m_progress;
    QLabel *m_status;
    QTreeWidget *m_results;
    QThread *m_thread = nullptr;
    std::unique_ptr<LeakScanner> m_scanner;
    std::atomic_bool m_cancelFlag = false;
    bool m_waitingForKey = false;
    QList<LeakHit> m_hits;
    LeakScanStats m_stats;
};
