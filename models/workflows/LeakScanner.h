#pragma once

#include "store/Ledger.h"
#include "store/TokenNotes.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>

// One finding of a leak scan. Never holds the value that was found.
struct LeakHit
{
    enum class Kind {
        TokenDesk, // a token TokenDesk created (its keyed fingerprint is in the ledger)
        Foreign, // a well-known credential of another service (GitHub, GitLab, Vault): not TokenDesk's
    };
    Kind kind = Kind::TokenDesk;
    QString path;
    qint64 line = 0; // 1-based
    FingerprintRecord record; // TokenDesk: the token it is
    QString service; // Foreign: what it is ("GitHub personal access token")
    QString revocation; // Foreign: where its owner revokes it

    QString location() const { return path + QLatin1Char(':') + QString::number(line); }
};

struct LeakScanStats
{
    qint64 files = 0; // text files read
    qint64 bytes = 0; // bytes read
    qint64 skippedBinary = 0;
    qint64 skippedLarge = 0;
    qint64 unreadable = 0;
    qint64 candidates = 0; // strings shaped like a token, fingerprinted
    bool cancelled = false;
};

// The leak scan: walks the files and folders given (symbolic links to folders are not followed), skips files
// over a size limit and binary files (a NUL byte in the first 8 KiB), and looks at every string shaped like a
// token: a JWT (three base64url parts, the first starting "eyJ") or a value starting with a prefix the four
// services use (Svix "appsk_", "sk_", "testsk_"; NetSapiens API keys "nss_", "nsr_", "nsd_", "nsu_").
// Each is fingerprinted with the ledger's key and reported only when the ledger knows the fingerprint, so
// nothing TokenDesk did not mint is reported as its token. Credentials with the well-known prefixes of other
// services ("ghp_", "github_pat_", "glpat-", "hvs.") are reported as not TokenDesk's, with where to revoke them.
// Findings are "path:line" and never carry the value.
//
// Reads one file at a time (at most maxFileBytes in memory). Runs on any thread: it touches no QObject and no
// database (the caller reads the fingerprints first). Cancel through the flag given to setCancelFlag().
class LeakScanner
{
    Q_DECLARE_TR_FUNCTIONS(LeakScanner)

public:
    static constexpr qint64 DefaultMaxFileBytes = 8 * 1024 * 1024;

    // `key` may be empty (no fingerprint key yet): then no TokenDesk token can be recognised.
    LeakScanner(const QByteArray &key, const QList<FingerprintRecord> &known);

    void setMaxFileBytes(qint64 bytes) { m_maxFileBytes = bytes; }
    qint64 maxFileBytes() const { return m_maxFileBytes; }
    void setCancelFlag(const std::atomic_bool *cancel) { m_cancel = cancel; }
    // Called after every `everyFiles` files and once at the end, with the file just read.
    using Progress = std::function<void(const LeakScanStats &stats, const QString &path)>;
    void setProgress(Progress progress, int everyFiles = 100);

    // Scans every path (files, or folders recursively). May be called more than once; results add up.
    void scan(const QStringList &paths);
    void scanFile(const QString &path);
    // The bytes of one file (for tests and benchmarks); `path` only names the findings.
    void scanBuffer(const QString &path, QByteArrayView data);

    QList<LeakHit> hits() const { return m_hits; }
    LeakScanStats stats() const { return m_stats; }

    // The note line a hit adds to its token's "used in": "seen at PATH:LINE (DATE)"; `note` with it appended
    // (once: a second scan finding the same place adds nothing).
    static QString sightingText(const LeakHit &hit, const QDateTime &when);
    static TokenNote withSighting(const TokenNote &note, const LeakHit &hit, const QDateTime &when);

private:
    void scanRun(const QString &path, qint64 line, QByteArrayView run);
    bool cancelled() const { return m_cancel && m_cancel->load(std::memory_order_relaxed); }
    void report(const QString &path);

    QByteArray m_key;
    QHash<QString, FingerprintRecord> m_known; // by mac
    qint64 m_maxFileBytes = DefaultMaxFileBytes;
    const std::atomic_bool *m_cancel = nullptr;
    Progress m_progress;
    int m_everyFiles = 100;
    QByteArray m_buffer;
    QList<LeakHit> m_hits;
    LeakScanStats m_stats;
};
