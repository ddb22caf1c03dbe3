#pragma once

#include "CliCommand.h"
#include "CliFuture.h"

#include <QFuture>
#include <QStringList>

struct LeakHit;
struct LeakScanStats;

// `tokendesk-cli scan PATH... [--max-size MB] [--note] [--json]`: the leak scan (LeakScanner) of the files and
// folders given, with the fingerprints of the ledger. Prints each finding as path:line with the token's account
// and name, or, for another service's credential, what it is and where to revoke it; never the value. --note
// writes "seen at path:line" into each found token's notes. Exit 1 when anything was found (a CI step fails),
// 0 when nothing, 4 for a path that does not exist, 2 on a usage error.
class ScanCommand : public CliCommand
{
    Q_OBJECT
public:
    explicit ScanCommand(CliApplication *app);
    static CliCommandSpec spec();
    QFuture<int> run(const QStringList &words) override;

private:
    int scan(const QByteArray &key);
    int addSightings(const QList<LeakHit> &hits);
    void print(const QList<LeakHit> &hits, const LeakScanStats &stats, int noted);

    QStringList m_paths;
    qint64 m_maxBytes = 0;
    bool m_note = false;
    CliFuture::Completion m_done;
};
