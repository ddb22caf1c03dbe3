#pragma once

#include "core/Token.h"

#include <QAbstractTableModel>
#include <QList>
#include <QTimer>

class Clock;

// The tokens of one account (or of all accounts) as a table. Display text and sort keys are separate roles
// (SortRole holds raw values: QDateTime, qint64; "never expires" sorts last). One 1 Hz tick, driven by the
// injectable Clock, emits dataChanged for the remaining-life and status columns only: never a reset.
class TokenListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Name, Kind, Subject, Account, Created, Expires, RemainingLife, Status, Notes, ColumnCount };
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
    int rowOf(const QUuid &accountId, const QString &tokenId) const;
    QList<Token> tokens() const { return m_tokens; }

    // Account display names for the Account column.
    void setAccountNames(const QHash<QUuid, QString> &names);
    // Local notes per token ("owner", "where used"), shown in the Notes column and searched.
    void setNote(const QUuid &accountId, const QString &tokenId, const QString &note);

    // Tokens under this many seconds of life (or under 25 %) are "expiring".
    void setExpiringSoonSeconds(qint64 seconds);
    qint64 expiringSoonSeconds() const { return m_soonSeconds; }

    // Starts/stops the 1 Hz tick timer. Tests call tick() directly after advancing a TestClock.
    void setTicking(bool on);
    bool isTicking() const { return m_timer.isActive(); }

public slots:
    void tick();

private:
    const Clock *m_clock;
    QList<Token> m_tokens;
    QList<Token::Status> m_lastStatus;
    QHash<QUuid, QString> m_accountNames;
    QHash<QString, QString> m_notes; // "<account>/<token id>" -> note
    qint64 m_soonSeconds = 24 * 3600;
    QTimer m_timer;
};
