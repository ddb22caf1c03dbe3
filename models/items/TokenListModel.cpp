#include "TokenListModel.h"

#include "core/Clock.h"
#include "core/Duration.h"

#include <QColor>
#include <QFont>
#include <QGuiApplication>
#include <QLocale>
#include <QSet>

#include <limits>

namespace {

// "Never expires" sorts after every real expiry.
const QDateTime &farFuture()
{
    static const QDateTime value(QDate(9999, 12, 31), QTime(23, 59, 59), Qt::UTC);
    return value;
}

QString noteKey(const QUuid &accountId, const QString &tokenId)
{
    return accountId.toString(QUuid::WithoutBraces) + u'/' + tokenId;
}

QString dateText(const std::optional<QDateTime> &dt)
{
    if (!dt || !dt->isValid())
        return {};
    return QLocale().toString(dt->toLocalTime(), QLocale::ShortFormat);
}

QString statusText(Token::Status status)
{
    switch (status) {
    case Token::Status::Active:
        return TokenListModel::tr("Active");
    case Token::Status::Expiring:
        return TokenListModel::tr("Expiring");
    case Token::Status::Expired:
        return TokenListModel::tr("Expired");
    case Token::Status::Revoked:
        return TokenListModel::tr("Revoked");
    }
    return {};
}

} // namespace

TokenListModel::TokenListModel(const Clock *clock, QObject *parent)
    : QAbstractTableModel(parent)
    , m_clock(clock ? clock : Clock::system())
{
    m_timer.setInterval(1000);
    m_timer.setTimerType(Qt::CoarseTimer);
    connect(&m_timer, &QTimer::timeout, this, &TokenListModel::tick);
}

int TokenListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_tokens.size());
}

int TokenListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(ColumnCount);
}

QVariant TokenListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Token &token = m_tokens.at(index.row());
    const Token::Status status = token.status(*m_clock, m_soonSeconds);
    const auto column = Column(index.column());

    switch (role) {
    case TokenIdRole:
        return token.id;
    case StatusRole:
        return int(status);
    case AccountIdRole:
        return token.accountId;
    case LifeFractionRole:
        if (const auto fraction = token.lifeFraction(*m_clock))
            return *fraction;
        return {};
    case RemainingMsRole:
        if (const auto remaining = token.remainingMs(*m_clock))
            return *remaining;
        return {};
    case SearchTextRole:
        return QStringList {
            token.label, token.subject, token.id, token.kind, m_notes.value(noteKey(token.accountId, token.id))}
            .join(u'\n');
    default:
        break;
    }

    if (role == Qt::DisplayRole || role == Qt::EditRole) {
        switch (column) {
        case Name:
            return token.label.isEmpty() ? token.id : token.label;
        case Kind:
            return token.kind;
        case Subject:
            return token.subject;
        case Account:
            return m_accountNames.value(token.accountId, token.accountId.toString(QUuid::WithoutBraces));
        case Created:
            return dateText(token.created);
        case Expires: {
            const auto expiry = token.effectiveExpiry(*m_clock);
            return expiry ? dateText(expiry) : tr("never");
        }
        case RemainingLife: {
            if (status == Token::Status::Revoked)
                return tr("revoked");
            const auto remaining = token.remainingMs(*m_clock);
            if (!remaining)
                return tr("never");
            if (*remaining <= 0)
                return tr("expired");
            return Duration::formatShort((*remaining + 999) / 1000);
        }
        case Status:
            return statusText(status);
        case Notes:
            return m_notes.value(noteKey(token.accountId, token.id));
        case ColumnCount:
            break;
        }
        return {};
    }

    if (role == SortRole) {
        switch (column) {
        case Name:
            return token.label.isEmpty() ? token.id : token.label;
        case Kind:
            return token.kind;
        case Subject:
            return token.subject;
        case Account:
            return m_accountNames.value(token.accountId, token.accountId.toString(QUuid::WithoutBraces));
        case Created:
            return token.created.value_or(QDateTime());
        case Expires:
            return token.effectiveExpiry(*m_clock).value_or(farFuture());
        case RemainingLife:
            return token.remainingMs(*m_clock).value_or(std::numeric_limits<qint64>::max());
        case Status:
            return int(status);
        case Notes:
            return m_notes.value(noteKey(token.accountId, token.id));
        case ColumnCount:
            break;
        }
        return {};
    }

    if (role == Qt::ToolTipRole) {
        switch (column) {
        case Name:
            return tr("%1\nid: %2").arg(token.label, token.id);
        case Created:
        case Expires: {
            const auto dt = column == Created ? token.created : token.effectiveExpiry(*m_clock);
            if (!dt || !dt->isValid())
                return column == Expires ? tr("This token never expires (or its expiry is not known).") : QVariant();
            return tr("%1 (local)\n%2 (UTC)")
                .arg(QLocale().toString(dt->toLocalTime(), QLocale::LongFormat), dt->toUTC().toString(Qt::ISODate));
        }
        case RemainingLife: {
            const auto remaining = token.remainingMs(*m_clock);
            if (!remaining)
                return tr("This token never expires (or its expiry is not known).");
            return Duration::format((*remaining + 999) / 1000, 3);
        }
        case Status:
            switch (status) {
            case Token::Status::Active:
                return tr("The token is valid.");
            case Token::Status::Expiring:
                return tr("The token expires soon.");
            case Token::Status::Expired:
                return tr("The token has expired.");
            case Token::Status::Revoked:
                return tr("The token was revoked %1.").arg(dateText(token.revoked));
            }
            return {};
        case Notes:
            return m_notes.value(noteKey(token.accountId, token.id));
        default:
            return {};
        }
    }

    // Revoked rows are styled as a whole (revoking is an explicit change of the row). Expiry happens on a tick,
    // which only touches the remaining-life and status cells, so only the status cell shows it.
    if (role == Qt::ForegroundRole) {
        if (status == Token::Status::Revoked)
            return QColor(Qt::darkRed);
        if (status == Token::Status::Expired && column == Status)
            return QColor(Qt::gray);
        return {};
    }
    if (role == Qt::FontRole) {
        const bool strike = status == Token::Status::Revoked || (status == Token::Status::Expired && column == Status);
        if (!strike || !qGuiApp)
            return {};
        QFont font;
        font.setStrikeOut(true);
        return font;
    }
    return {};
}

QVariant TokenListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case Name:
        return tr("Name");
    case Kind:
        return tr("Kind");
    case Subject:
        return tr("Subject");
    case Account:
        return tr("Account");
    case Created:
        return tr("Created");
    case Expires:
        return tr("Expires");
    case RemainingLife:
        return tr("Remaining");
    case Status:
        return tr("Status");
    case Notes:
        return tr("Notes");
    case ColumnCount:
        break;
    }
    return {};
}

void TokenListModel::setTokens(const QList<Token> &tokens)
{
    beginResetModel();
    m_tokens = tokens;
    m_lastStatus.clear();
    m_lastStatus.reserve(m_tokens.size());
    for (const Token &token : std::as_const(m_tokens))
        m_lastStatus.append(token.status(*m_clock, m_soonSeconds));
    endResetModel();
}

void TokenListModel::setTokensForAccount(const QUuid &accountId, const QList<Token> &tokens)
{
    QHash<QString, qsizetype> incoming;
    incoming.reserve(tokens.size());
    for (qsizetype i = 0; i < tokens.size(); ++i)
        incoming.insert(tokens.at(i).id, i);

    // Remove rows of this account that are gone (from the end so row numbers stay valid).
    for (qsizetype row = m_tokens.size() - 1; row >= 0; --row) {
        const Token &existing = m_tokens.at(row);
        if (existing.accountId != accountId || incoming.contains(existing.id))
            continue;
        beginRemoveRows({}, int(row), int(row));
        m_tokens.removeAt(row);
        m_lastStatus.removeAt(row);
        endRemoveRows();
    }

    // Update the rows that stay, remember which ids already have a row.
    QSet<QString> present;
    for (qsizetype row = 0; row < m_tokens.size(); ++row) {
        Token &existing = m_tokens[row];
        if (existing.accountId != accountId)
            continue;
        Token updated = tokens.at(incoming.value(existing.id));
        updated.accountId = accountId;
        existing = updated;
        m_lastStatus[row] = existing.status(*m_clock, m_soonSeconds);
        present.insert(existing.id);
        emit dataChanged(index(int(row), 0), index(int(row), ColumnCount - 1));
    }

    // Append the new ones in the order given.
    QList<Token> added;
    for (const Token &token : tokens) {
        if (present.contains(token.id))
            continue;
        present.insert(token.id); // duplicates in the input: first one wins
        Token copy = token;
        copy.accountId = accountId;
        added.append(copy);
    }
    if (!added.isEmpty()) {
        const int first = int(m_tokens.size());
        beginInsertRows({}, first, first + int(added.size()) - 1);
        for (const Token &token : std::as_const(added)) {
            m_tokens.append(token);
            m_lastStatus.append(token.status(*m_clock, m_soonSeconds));
        }
        endInsertRows();
    }
}

void TokenListModel::upsertToken(const Token &token)
{
    const int row = rowOf(token.accountId, token.id);
    if (row >= 0) {
        m_tokens[row] = token;
        m_lastStatus[row] = token.status(*m_clock, m_soonSeconds);
        emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
        return;
    }
    const int first = int(m_tokens.size());
    beginInsertRows({}, first, first);
    m_tokens.append(token);
    m_lastStatus.append(token.status(*m_clock, m_soonSeconds));
    endInsertRows();
}

void TokenListModel::removeToken(const QUuid &accountId, const QString &tokenId)
{
    const int row = rowOf(accountId, tokenId);
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    m_tokens.removeAt(row);
    m_lastStatus.removeAt(row);
    endRemoveRows();
}

void TokenListModel::markRevoked(const QUuid &accountId, const QString &tokenId, const QDateTime &when)
{
    const int row = rowOf(accountId, tokenId);
    if (row < 0)
        return;
    m_tokens[row].revoked = when.isValid() ? when : m_clock->now();
    m_lastStatus[row] = m_tokens.at(row).status(*m_clock, m_soonSeconds);
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void TokenListModel::clear()
{
    if (m_tokens.isEmpty())
        return;
    beginResetModel();
    m_tokens.clear();
    m_lastStatus.clear();
    endResetModel();
}

const Token &TokenListModel::tokenAt(int row) const
{
    Q_ASSERT(row >= 0 && row < m_tokens.size());
    if (row < 0 || row >= m_tokens.size()) {
        static const Token empty;
        return empty;
    }
    return m_tokens.at(row);
}

int TokenListModel::rowOf(const QUuid &accountId, const QString &tokenId) const
{
    for (qsizetype row = 0; row < m_tokens.size(); ++row) {
        const Token &token = m_tokens.at(row);
        if (token.accountId == accountId && token.id == tokenId)
            return int(row);
    }
    return -1;
}

void TokenListModel::setAccountNames(const QHash<QUuid, QString> &names)
{
    m_accountNames = names;
    if (!m_tokens.isEmpty())
        emit dataChanged(index(0, Account), index(rowCount() - 1, Account),
            {Qt::DisplayRole, Qt::EditRole, SortRole, Qt::ToolTipRole});
}

void TokenListModel::setNote(const QUuid &accountId, const QString &tokenId, const QString &note)
{
    const QString key = noteKey(accountId, tokenId);
    if (note.isEmpty())
        m_notes.remove(key);
    else
        m_notes.insert(key, note);
    const int row = rowOf(accountId, tokenId);
    if (row >= 0)
        emit dataChanged(index(row, Notes), index(row, Notes),
            {Qt::DisplayRole, Qt::EditRole, SortRole, Qt::ToolTipRole, SearchTextRole});
}

void TokenListModel::setExpiringSoonSeconds(qint64 seconds)
{
    if (seconds == m_soonSeconds)
        return;
    m_soonSeconds = seconds;
    tick();
}

void TokenListModel::setTicking(bool on)
{
    if (on && !m_timer.isActive())
        m_timer.start();
    else if (!on)
        m_timer.stop();
}

void TokenListModel::tick()
{
    const int rows = rowCount();
    if (rows == 0)
        return;
    emit dataChanged(index(0, RemainingLife), index(rows - 1, RemainingLife),
        {Qt::DisplayRole, SortRole, LifeFractionRole, RemainingMsRole});

    // Status cells only where the status changed, one signal per run of consecutive changed rows.
    const QList<int> statusRoles {
        Qt::DisplayRole, Qt::EditRole, SortRole, Qt::ToolTipRole, Qt::ForegroundRole, Qt::FontRole, StatusRole};
    int runStart = -1;
    for (int row = 0; row <= rows; ++row) {
        bool changed = false;
        if (row < rows) {
            const Token::Status now = m_tokens.at(row).status(*m_clock, m_soonSeconds);
            changed = now != m_lastStatus.at(row);
            m_lastStatus[row] = now;
        }
        if (changed && runStart < 0) {
            runStart = row;
        } else if (!changed && runStart >= 0) {
            emit dataChanged(index(runStart, Status), index(row - 1, Status), statusRoles);
            runStart = -1;
        }
    }
}
