#include "TokenListModel.h"

#include "StatusPalette.h"
#include "core/Clock.h"
#include "core/Duration.h"
#include "core/TimeText.h"
#include "core/UntrustedText.h"
#include "core/UtcTime.h"

#include <QColor>
#include <QFont>
#include <QGuiApplication>
#include <QLocale>
#include <QPalette>
#include <QSet>

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>

namespace {

// "Never expires" sorts after every real expiry.
const QDateTime &farFuture()
{
    static const QDateTime value = UtcTime::dateTime(QDate(9999, 12, 31), QTime(23, 59, 59));
    return value;
}

constexpr qint64 Never = std::numeric_limits<qint64>::max();

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
        // What the service wrote is shown neutralised (no controls, bidi-isolated, shortened); EditRole keeps
        // the exact value for copying and editing.
        const auto shown = [role](const QString &text) {
            return role == Qt::DisplayRole ? UntrustedText::forDisplay(text) : text;
        };
        switch (column) {
        case Name:
            return shown(token.label.isEmpty() ? token.id : token.label);
        case Kind:
            return shown(token.kind);
        case Subject:
            return shown(token.subject);
        case Account:
            return m_accountNames.value(token.accountId, token.accountId.toString(QUuid::WithoutBraces));
        case Created:
            return timeText(token.created);
        case Expires: {
            if (token.expiryUnreported)
                return TimeText::unreportedExpiry();
            // Always the date: Remaining already says how long is left, a relative expiry would repeat it.
            const auto expiry = token.effectiveExpiry(*m_clock);
            return expiry ? TimeText::absolute(*expiry, m_timeZone) : tr("never");
        }
        case RemainingLife: {
            if (status == Token::Status::Revoked)
                return statusText(status); // one spelling with the Status column
            const auto remaining = token.remainingMs(*m_clock);
            if (!remaining)
                return tr("never");
            if (*remaining <= 0)
                return statusText(Token::Status::Expired);
            return Duration::formatShort((*remaining + 999) / 1000);
        }
        case Status:
            // A token being replaced says when it goes (the same fact in every view: Token::rotationDue).
            if (token.rotationDue && status != Token::Status::Revoked)
                return tr("rotating, old one revoked %1").arg(TimeText::relative(*token.rotationDue, m_clock->now()));
            return statusText(status);
        case Notes:
            return m_notes.value(noteKey(token.accountId, token.id));
        case Session:
            return shown(sessionOf(token));
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
            // An expiry the service did not report sorts before every known one: the token has expired.
            if (token.expiryUnreported)
                return UtcTime::fromSecs(0);
            return token.effectiveExpiry(*m_clock).value_or(farFuture());
        case RemainingLife:
            return token.remainingMs(*m_clock).value_or(std::numeric_limits<qint64>::max());
        case Status:
            return int(status);
        case Notes:
            return m_notes.value(noteKey(token.accountId, token.id));
        case Session:
            return sessionOf(token);
        case ColumnCount:
            break;
        }
        return {};
    }

    if (role == Qt::ToolTipRole) {
        switch (column) {
        case Name:
            return tr("%1\nid: %2")
                .arg(UntrustedText::forDisplay(token.label, UntrustedText::MessageCap),
                    UntrustedText::forDisplay(token.id));
        case Created:
        case Expires: {
            if (column == Expires && token.expiryUnreported)
                return tr("The service reports this token as expired but does not say when, and TokenDesk never "
                          "saw its expiry time.");
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
            if (token.rotationDue && status != Token::Status::Revoked)
                return tr("A successor has replaced this token; it is revoked at %1.")
                    .arg(token.rotationDue->toUTC().toString(Qt::ISODate));
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
        // Rows are one line: a cell too narrow for its text is elided, and the tooltip has all of it.
        case Kind:
            return UntrustedText::forDisplay(token.kind, UntrustedText::MessageCap);
        case Subject:
            return UntrustedText::forDisplay(token.subject, UntrustedText::MessageCap);
        case Account:
            return m_accountNames.value(token.accountId, token.accountId.toString(QUuid::WithoutBraces));
        case Session:
            return UntrustedText::forDisplay(sessionOf(token), UntrustedText::MessageCap);
        case ColumnCount:
            break;
        }
        return {};
    }

    // Revoked rows are styled as a whole (revoking is an explicit change of the row). Expiry happens on a tick,
    // which only touches the remaining-life and status cells, so only the status cell shows it.
    // Colours from the application palette with AA contrast (StatusPalette): fixed ones were unreadable on the
    // other of light/dark.
    if (role == Qt::ForegroundRole) {
        if (!qGuiApp)
            return {};
        if (status == Token::Status::Revoked)
            return StatusPalette::color(StatusPalette::Role::Revoked, QGuiApplication::palette());
        if (status == Token::Status::Expired && column == Status)
            return StatusPalette::color(StatusPalette::Role::Expired, QGuiApplication::palette());
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

QString TokenListModel::statusText(Token::Status status)
{
    switch (status) {
    case Token::Status::Active:
        return tr("Active");
    case Token::Status::Expiring:
        return tr("Expiring");
    case Token::Status::Expired:
        return tr("Expired");
    case Token::Status::Revoked:
        return tr("Revoked");
    }
    return {};
}

QString TokenListModel::sessionOf(const Token &token)
{
    return token.extra.value(QStringLiteral("sessionId")).toString();
}

bool TokenListModel::hasSessions() const
{
    if (!m_hasSessionsKnown) {
        m_hasSessions = std::any_of(m_tokens.cbegin(), m_tokens.cend(),
            [](const Token &token) { return !token.extra.isEmpty() && !sessionOf(token).isEmpty(); });
        m_hasSessionsKnown = true;
    }
    return m_hasSessions;
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
    case Session:
        return tr("Session");
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
    invalidateSchedule();
    dropRowKeys();
    endResetModel();
}

void TokenListModel::setTokensForAccount(const QUuid &accountId, const QList<Token> &tokens)
{
    invalidateSchedule();
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
        if (m_rowKeysBuilt)
            m_rowKeys.erase(m_rowKeys.begin() + row);
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
        updateRowKey(row);
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
            if (m_rowKeysBuilt)
                m_rowKeys.push_back(makeRowKey(token));
        }
        endInsertRows();
    }
}

void TokenListModel::upsertToken(const Token &token)
{
    invalidateSchedule();
    const int row = rowOf(token.accountId, token.id);
    if (row >= 0) {
        m_tokens[row] = token;
        m_lastStatus[row] = token.status(*m_clock, m_soonSeconds);
        updateRowKey(row);
        emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
        return;
    }
    const int first = int(m_tokens.size());
    beginInsertRows({}, first, first);
    m_tokens.append(token);
    m_lastStatus.append(token.status(*m_clock, m_soonSeconds));
    if (m_rowKeysBuilt)
        m_rowKeys.push_back(makeRowKey(token));
    endInsertRows();
}

void TokenListModel::removeToken(const QUuid &accountId, const QString &tokenId)
{
    const int row = rowOf(accountId, tokenId);
    if (row < 0)
        return;
    invalidateSchedule();
    beginRemoveRows({}, row, row);
    m_tokens.removeAt(row);
    m_lastStatus.removeAt(row);
    if (m_rowKeysBuilt)
        m_rowKeys.erase(m_rowKeys.begin() + row);
    endRemoveRows();
}

void TokenListModel::markRevoked(const QUuid &accountId, const QString &tokenId, const QDateTime &when)
{
    const int row = rowOf(accountId, tokenId);
    if (row < 0)
        return;
    invalidateSchedule();
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
    invalidateSchedule();
    dropRowKeys();
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

bool TokenListModel::rowMatchesFoldedWords(int row, const QStringList &foldedWords) const
{
    if (row < 0 || row >= m_tokens.size())
        return false;
    ensureRowKeys();
    const QString &haystack = m_rowKeys[size_t(row)].search;
    for (const QString &word : foldedWords) {
        if (!haystack.contains(word, Qt::CaseSensitive))
            return false;
    }
    return true;
}

const QString &TokenListModel::foldedSearchText(int row) const
{
    static const QString empty;
    if (row < 0 || row >= m_tokens.size())
        return empty;
    ensureRowKeys();
    return m_rowKeys[size_t(row)].search;
}

TokenListModel::RowKey TokenListModel::makeRowKey(const Token &token) const
{
    RowKey key;
    const QString note = m_notes.isEmpty() ? QString() : m_notes.value(noteKey(token.accountId, token.id));
    key.search = QStringList {token.label, token.subject, token.id, token.kind, note}.join(u'\n').toCaseFolded();
    if (token.expiryUnreported) {
        key.expiry = 0; // as SortRole: before every known expiry
    } else if (token.expiresAtMonotonicMs) {
        key.monotonic = true;
        key.expiry = *token.expiresAtMonotonicMs;
    } else if (token.expires && token.expires->isValid()) {
        key.expiry = token.expires->toMSecsSinceEpoch() - token.serverSkewMs;
    } else {
        key.expiry = farFuture().toMSecsSinceEpoch();
    }
    return key;
}

void TokenListModel::ensureRowKeys() const
{
    if (m_rowKeysBuilt)
        return;
    m_rowKeys.clear();
    m_rowKeys.reserve(size_t(m_tokens.size()));
    for (const Token &token : m_tokens)
        m_rowKeys.push_back(makeRowKey(token));
    m_rowKeysBuilt = true;
}

void TokenListModel::dropRowKeys()
{
    m_rowKeys.clear();
    m_rowKeys.shrink_to_fit();
    m_rowKeysBuilt = false;
}

void TokenListModel::updateRowKey(qsizetype row)
{
    if (m_rowKeysBuilt && row >= 0 && size_t(row) < m_rowKeys.size())
        m_rowKeys[size_t(row)] = makeRowKey(m_tokens.at(row));
}

std::optional<bool> TokenListModel::rowLessThan(int leftRow, int rightRow, int column) const
{
    if (leftRow < 0 || rightRow < 0 || leftRow >= m_tokens.size() || rightRow >= m_tokens.size())
        return std::nullopt;
    const Token &l = m_tokens.at(leftRow);
    const Token &r = m_tokens.at(rightRow);
    const auto compareText = [](const QString &a, const QString &b) {
        return QString::localeAwareCompare(a.toCaseFolded(), b.toCaseFolded()) < 0;
    };
    switch (Column(column)) {
    case Name:
        return compareText(l.label.isEmpty() ? l.id : l.label, r.label.isEmpty() ? r.id : r.label);
    case Kind:
        return compareText(l.kind, r.kind);
    case Subject:
        return compareText(l.subject, r.subject);
    case Created: {
        const bool lValid = l.created && l.created->isValid();
        const bool rValid = r.created && r.created->isValid();
        if (lValid != rValid)
            return !lValid; // unknown first
        return lValid && *l.created < *r.created;
    }
    case Expires: {
        // The SortRole value (effectiveExpiry, "never" last) as ms since the epoch. Expiries anchored to the
        // monotonic clock use one wall/monotonic offset for the whole comparison.
        // The keys are cached per row; only a pair with one key of each kind needs the clocks.
        ensureRowKeys();
        const RowKey &lk = m_rowKeys[size_t(leftRow)];
        const RowKey &rk = m_rowKeys[size_t(rightRow)];
        if (lk.monotonic == rk.monotonic)
            return lk.expiry < rk.expiry;
        const qint64 wallMinusMonotonic = m_clock->now().toMSecsSinceEpoch() - m_clock->monotonicMs();
        const auto wall = [&](const RowKey &k) { return k.monotonic ? k.expiry + wallMinusMonotonic : k.expiry; };
        return wall(lk) < wall(rk);
    }
    case RemainingLife:
        return l.remainingMs(*m_clock).value_or(std::numeric_limits<qint64>::max())
            < r.remainingMs(*m_clock).value_or(std::numeric_limits<qint64>::max());
    case Status:
        return int(l.status(*m_clock, m_soonSeconds)) < int(r.status(*m_clock, m_soonSeconds));
    case Account:
    case Notes:
    case Session:
    case ColumnCount:
        break;
    }
    return std::nullopt;
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
    if (row >= 0) {
        updateRowKey(row);
        emit dataChanged(index(row, Notes), index(row, Notes),
            {Qt::DisplayRole, Qt::EditRole, SortRole, Qt::ToolTipRole, SearchTextRole});
    }
}

void TokenListModel::setTimeDisplay(TimeDisplay display, Qt::TimeSpec zone)
{
    zone = zone == Qt::UTC ? Qt::UTC : Qt::LocalTime;
    if (display == m_timeDisplay && zone == m_timeZone)
        return;
    m_timeDisplay = display;
    m_timeZone = zone;
    const int rows = rowCount();
    if (rows > 0) {
        emit dataChanged(index(0, Created), index(rows - 1, Expires), {Qt::DisplayRole, Qt::EditRole});
    }
}

QString TokenListModel::timeText(const std::optional<QDateTime> &dt) const
{
    if (!dt || !dt->isValid())
        return {};
    // Relative text has minute resolution: it changes at most once a minute, the tick announces it for visible
    // rows.
    if (m_timeDisplay == TimeDisplay::Relative)
        return TimeText::relative(*dt, m_clock->now());
    return TimeText::absolute(*dt, m_timeZone);
}

void TokenListModel::setExpiringSoonSeconds(qint64 seconds)
{
    if (seconds == m_soonSeconds)
        return;
    m_soonSeconds = seconds;
    invalidateSchedule();
    tick();
}

void TokenListModel::setTicking(bool on)
{
    if (on && !m_timer.isActive())
        m_timer.start();
    else if (!on)
        m_timer.stop();
}

void TokenListModel::setVisibleRowsProvider(VisibleRowsProvider provider)
{
    m_visibleRows = std::move(provider);
}

qint64 TokenListModel::msUntilStatusMayChange(const Token &token, Token::Status status, qint64) const
{
    if (status == Token::Status::Revoked || status == Token::Status::Expired)
        return Never; // until the rows change (revoked is set through the model; time only moves forward)
    const auto remaining = token.remainingMs(*m_clock);
    if (!remaining || *remaining <= 0)
        return Never;
    if (status == Token::Status::Expiring)
        return *remaining;
    // Active until under the "soon" threshold or under 25 % of its lifetime (see Token::status).
    double threshold = double(m_soonSeconds) * 1000.0;
    double total = 0;
    if (token.lifetimeSeconds && *token.lifetimeSeconds > 0)
        total = *token.lifetimeSeconds * 1000.0;
    else if (token.created && token.expires && token.created->isValid() && token.expires->isValid())
        total = double(token.created->msecsTo(*token.expires));
    if (total > 0)
        threshold = std::max(threshold, 0.25 * total);
    return std::max<qint64>(1, qint64(std::floor(double(*remaining) - threshold)));
}

void TokenListModel::pushSchedule(int row, qint64 monotonicNow)
{
    const qint64 wait = msUntilStatusMayChange(m_tokens.at(row), m_lastStatus.at(row), monotonicNow);
    if (wait == Never)
        return;
    m_schedule.emplace_back(monotonicNow + wait, row);
    std::push_heap(m_schedule.begin(), m_schedule.end(), std::greater<>());
}

void TokenListModel::tick()
{
    const int rows = rowCount();
    const qint64 monotonicNow = m_clock->monotonicMs();
    const qint64 wallOffset = m_clock->now().toMSecsSinceEpoch() - monotonicNow;

    // Statuses: every row after a change of rows or of the wall clock, otherwise only the rows due.
    QList<int> changedRows;
    const auto recheck = [&](int row) {
        const Token::Status now = m_tokens.at(row).status(*m_clock, m_soonSeconds);
        if (now != m_lastStatus.at(row)) {
            m_lastStatus[row] = now;
            changedRows.append(row);
        }
    };
    if (m_scheduleDirty || std::abs(wallOffset - m_wallOffsetMs) > 1000) {
        m_schedule.clear();
        for (int row = 0; row < rows; ++row) {
            recheck(row);
            const qint64 wait = msUntilStatusMayChange(m_tokens.at(row), m_lastStatus.at(row), monotonicNow);
            if (wait != Never)
                m_schedule.emplace_back(monotonicNow + wait, row);
        }
        std::make_heap(m_schedule.begin(), m_schedule.end(), std::greater<>());
        m_scheduleDirty = false;
        m_wallOffsetMs = wallOffset;
    } else {
        while (!m_schedule.empty() && m_schedule.front().first <= monotonicNow) {
            std::pop_heap(m_schedule.begin(), m_schedule.end(), std::greater<>());
            const int row = m_schedule.back().second;
            m_schedule.pop_back();
            recheck(row);
            pushSchedule(row, monotonicNow);
        }
        std::sort(changedRows.begin(), changedRows.end());
    }

    // Emits one dataChanged per run of consecutive rows of a sorted, duplicate-free list.
    const auto emitRuns = [this](const QList<int> &sortedRows, int column, const QList<int> &roles) {
        for (qsizetype i = 0; i < sortedRows.size();) {
            qsizetype end = i + 1;
            while (end < sortedRows.size() && sortedRows.at(end) == sortedRows.at(end - 1) + 1)
                ++end;
            emit dataChanged(index(sortedRows.at(i), column), index(sortedRows.at(end - 1), column), roles);
            i = end;
        }
    };

    if (rows > 0) {
        const QList<int> lifeRoles {Qt::DisplayRole, SortRole, LifeFractionRole, RemainingMsRole};
        if (m_visibleRows) {
            QList<int> visible = m_visibleRows();
            std::sort(visible.begin(), visible.end());
            visible.erase(std::unique(visible.begin(), visible.end()), visible.end());
            // One cell per signal: a view repaints just that cell, where a range makes it repaint the viewport.
            for (const int row : std::as_const(visible)) {
                if (row >= 0 && row < rows)
                    emit dataChanged(index(row, RemainingLife), index(row, RemainingLife), lifeRoles);
            }
            if (m_timeDisplay == TimeDisplay::Relative) {
                for (const int row : std::as_const(visible)) {
                    if (row >= 0 && row < rows)
                        emit dataChanged(index(row, Created), index(row, Expires), {Qt::DisplayRole, Qt::EditRole});
                }
            }
        } else {
            emit dataChanged(index(0, RemainingLife), index(rows - 1, RemainingLife), lifeRoles);
            if (m_timeDisplay == TimeDisplay::Relative)
                emit dataChanged(index(0, Created), index(rows - 1, Expires), {Qt::DisplayRole, Qt::EditRole});
        }
    }

    // Status cells only where the status changed, one signal per run of consecutive changed rows.
    emitRuns(changedRows, Status,
        {Qt::DisplayRole, Qt::EditRole, SortRole, Qt::ToolTipRole, Qt::ForegroundRole, Qt::FontRole, StatusRole});
    emit ticked();
}
