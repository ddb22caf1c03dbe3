#pragma once

#include "core/Token.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QList>
#include <QTimer>

#include <functional>
#include <optional>
#include <vector>

class Clock;

// The tokens of one account (or of all accounts) as a table. Display text and sort keys are separate roles
// (SortRole holds raw values: QDateTime, qint64; "never expires" sorts last). One 1 Hz tick, driven by the
// injectable Clock, emits dataChanged for the remaining-life and status columns only: never a reset.
// A tick costs O(visible rows + rows whose status changes): statuses are re-checked from a schedule of when each
// row's status can next change, and the remaining-life cells of only the rows a view shows are announced when a
// visible-rows provider is set (rows scrolled into view later are painted from fresh data anyway).
class TokenListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    // Session (last, so the numbers of the older columns stay) is the session a token was issued for, where the
    // service has sessions (Svix app-portal tokens): two tokens of one application differ only there.
    enum Column { Name, Kind, Subject, Account, Created, Expires, RemainingLife, Status, Notes, Session, ColumnCount };
    Q_ENUM(Column)
    enum Role {
        SortRole = Qt::UserRole + 1,
        TokenIdRole, // QString
        StatusRole, // int(Token::Status)
        LifeFractionRole, // double in [0,1], or invalid QVariant when unknown
        RemainingMsRole, // qint64, or invalid when never expires
        AccountIdRole, // QUuid
        SearchTextRole, // everything a filter matches against
    };
    Q_ENUM(Role)

    explicit TokenListModel(const Clock *clock, QObject *parent = nullptr);

    // "Active", "Expiring", "Expired", "Revoked": the one spelling of a status wherever a person reads it.
    static QString statusText(Token::Status status);
    // The session a token was issued for (its extra "sessionId"); empty when the service has none.
    static QString sessionOf(const Token &token);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Replaces all tokens (one reset). Tokens of other accounts are kept when accountId is set: the
    // all-accounts view replaces one account's rows at a time.
    void setTokens(const QList<Token> &tokens);
    void setTokensForAccount(const QUuid &accountId, const QList<Token> &tokens);
    void upsertToken(const Token &token); // insert or update one row
    void removeToken(const QUuid &accountId, const QString &tokenId);
    void markRevoked(const QUuid &accountId, const QString &tokenId, const QDateTime &when);
    void clear();

    const Token &tokenAt(int row) const;
    // Whether every word, already case-folded (QString::toCaseFolded), occurs in the row's search text: matched
    // case-sensitively against a cached, case-folded copy of that text (built once per list replacement, kept up
    // to date per row), so a filter keystroke over 100k rows folds nothing per row.
    bool rowMatchesFoldedWords(int row, const QStringList &foldedWords) const;
    // That cached, case-folded search text of a row, for a caller matching every row against the same words with
    // its own QStringMatchers (TokenFilterModel). Empty for a row out of range.
    const QString &foldedSearchText(int row) const;
    // Sort order of two rows on a column, the same as comparing their SortRole values, without QVariants.
    // nullopt when the column has no fast path (the caller then compares SortRole values).
    std::optional<bool> rowLessThan(int leftRow, int rightRow, int column) const;
    int rowOf(const QUuid &accountId, const QString &tokenId) const;
    // A row's status as last announced (by a tick or a row change), not as of this instant: what a proxy sorting
    // by status orders on, so its order only changes when the model says a status changed.
    Token::Status announcedStatus(int row) const { return m_lastStatus.value(row, Token::Status::Active); }
    QList<Token> tokens() const { return m_tokens; }
    // Whether any row has a session (sessionOf): a view shows the Session column only then. Scanned once after
    // the rows change, not per call.
    bool hasSessions() const;

    // Account display names for the Account column.
    void setAccountNames(const QHash<QUuid, QString> &names);
    // Local notes per token ("owner", "where used"), shown in the Notes column and searched.
    void setNote(const QUuid &accountId, const QString &tokenId, const QString &note);

    // How the Created column shows times: Absolute (the locale's short format) or Relative to the clock
    // ("2 hours ago"), in local time or UTC (Qt::LocalTime / Qt::UTC). Expires is always the date in that zone:
    // the Remaining column is the relative form of the expiry, and two columns saying "in 3 days" repeat each other.
    // Tooltips keep both local and UTC; SortRole is unaffected. Default: absolute, local.
    enum class TimeDisplay { Absolute, Relative };
    Q_ENUM(TimeDisplay)
    void setTimeDisplay(TimeDisplay display, Qt::TimeSpec zone);
    TimeDisplay timeDisplay() const { return m_timeDisplay; }
    Qt::TimeSpec timeZone() const { return m_timeZone; }
    // The display text of a time under the current settings (empty for an unknown time).
    QString timeText(const std::optional<QDateTime> &dt) const;

    // Tokens under this many seconds of life (or under 25 %) are "expiring".
    void setExpiringSoonSeconds(qint64 seconds);
    qint64 expiringSoonSeconds() const { return m_soonSeconds; }

    // Starts/stops the 1 Hz tick timer. Tests call tick() directly after advancing a TestClock.
    void setTicking(bool on);
    bool isTicking() const { return m_timer.isActive(); }

    // Source rows whose remaining-life cells a view currently shows. When set, a tick announces those cells
    // only (one dataChanged per cell); when not set, the whole column, as one signal.
    using VisibleRowsProvider = std::function<QList<int>()>;
    void setVisibleRowsProvider(VisibleRowsProvider provider);

public slots:
    void tick();

signals:
    // After every tick, whether or not any cell changed (for things that move with the clock, like a
    // session's remaining time in a sidebar).
    void ticked();

private:
    const Clock *m_clock;
    QList<Token> m_tokens;
    QList<Token::Status> m_lastStatus;
    QHash<QUuid, QString> m_accountNames;
    QHash<QString, QString> m_notes; // "<account>/<token id>" -> note
    qint64 m_soonSeconds = 24 * 3600;
    TimeDisplay m_timeDisplay = TimeDisplay::Absolute;
    Qt::TimeSpec m_timeZone = Qt::LocalTime;
    QTimer m_timer;
    VisibleRowsProvider m_visibleRows;

    // Min-heap of (monotonic ms when the row's status may next change, row). Rebuilt lazily after any change
    // of rows, of the threshold, or a jump of the wall clock against the monotonic one.
    std::vector<std::pair<qint64, int>> m_schedule;
    bool m_scheduleDirty = true;
    qint64 m_wallOffsetMs = 0; // wall minus monotonic ms when the schedule was built

    void invalidateSchedule()
    {
        m_scheduleDirty = true;
        m_hasSessionsKnown = false;
    }
    mutable bool m_hasSessions = false;
    mutable bool m_hasSessionsKnown = false;

    // Per-row keys for filtering and sorting, built lazily on first use; once built, every row change updates
    // its entry before the model announces it (a proxy may read it from inside the signal).
    struct RowKey
    {
        QString search; // label, subject, id, kind, note: case-folded, joined with '\n'
        qint64 expiry = 0; // Expires' SortRole as ms: monotonic ms when `monotonic`, else ms since the epoch
        bool monotonic = false;
    };
    mutable std::vector<RowKey> m_rowKeys;
    mutable bool m_rowKeysBuilt = false;
    RowKey makeRowKey(const Token &token) const;
    void ensureRowKeys() const;
    void dropRowKeys();
    void updateRowKey(qsizetype row);
    qint64 msUntilStatusMayChange(const Token &token, Token::Status status, qint64 monotonicNow) const;
    void pushSchedule(int row, qint64 monotonicNow);
};
