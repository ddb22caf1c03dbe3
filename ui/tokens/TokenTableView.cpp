#include "TokenTableView.h"

#include "RemainingLifeDelegate.h"
#include "VisibleRows.h"
#include "core/TimeText.h"
#include "core/UtcTime.h"
#include "items/TokenFilterModel.h"
#include "items/TokenListModel.h"

#include <QAction>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QKeyEvent>
#include <QMenu>
#include <QMetaEnum>
#include <QPointer>
#include <QSettings>

#include <algorithm>

namespace {

using Column = TokenListModel::Column;

// What an administrator reads first comes first: which token, how long it has left, whether it still works.
const QList<int> DefaultOrder {TokenListModel::Name, TokenListModel::RemainingLife, TokenListModel::Status,
    TokenListModel::Expires, TokenListModel::Account, TokenListModel::Subject, TokenListModel::Kind,
    TokenListModel::Session, TokenListModel::Created, TokenListModel::Notes};

QString columnKey(int column)
{
    return QString::fromLatin1(QMetaEnum::fromType<TokenListModel::Column>().valueToKey(column));
}

int columnOfKey(const QString &key)
{
    bool ok = false;
    const int column = QMetaEnum::fromType<TokenListModel::Column>().keyToValue(key.toLatin1().constData(), &ok);
    return ok && column >= 0 && column < TokenListModel::ColumnCount ? column : -1;
}

} // namespace

TokenTableView::TokenTableView(const Clock *clock, QWidget *parent)
    : QTableView(parent)
    , m_tokens(new TokenListModel(clock, this))
    , m_filter(new TokenFilterModel(this))
{
    m_filter->setSourceModel(m_tokens);
    setModel(m_filter);
    setSortingEnabled(true);
    sortByColumn(TokenListModel::RemainingLife, Qt::AscendingOrder);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setAlternatingRowColors(true);
    setWordWrap(false);
    setTextElideMode(Qt::ElideRight);
    verticalHeader()->hide();
    verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    updateRowHeight();
    QHeaderView *header = horizontalHeader();
    header->setStretchLastSection(false);
    header->setSectionsMovable(true);
    header->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(header, &QHeaderView::customContextMenuRequested, this, [this, header](const QPoint &pos) {
        QMenu *menu = createColumnMenu(this);
        menu->setAttribute(Qt::WA_DeleteOnClose);
        menu->popup(header->viewport()->mapToGlobal(pos));
    });
    applyDefaultLayout();
    connect(header, &QHeaderView::sectionResized, this, [this](int column, int, int size) {
        if (m_applying || column == TokenListModel::Name)
            return;
        if (size > 0)
            m_widths.insert(column, size);
        fitNameColumn();
        scheduleSave();
    });
    connect(header, &QHeaderView::sectionMoved, this, [this] {
        if (!m_applying)
            scheduleSave();
    });
    connect(header, &QHeaderView::sortIndicatorChanged, this, [this] {
        if (!m_applying)
            scheduleSave();
    });
    m_saveTimer.setSingleShot(true);
    m_saveTimer.setInterval(500);
    connect(&m_saveTimer, &QTimer::timeout, this, &TokenTableView::saveLayout);

    setItemDelegateForColumn(TokenListModel::RemainingLife, new RemainingLifeDelegate(this));
    setContextMenuPolicy(Qt::CustomContextMenu);
    connect(this, &QTableView::customContextMenuRequested, this,
        [this](const QPoint &pos) { emit tokenMenuRequested(viewport()->mapToGlobal(pos)); });
    connect(selectionModel(), &QItemSelectionModel::selectionChanged, this, &TokenTableView::tokenSelectionChanged);
    connect(m_filter, &QAbstractItemModel::modelReset, this, &TokenTableView::tokenSelectionChanged);
    // Rows a filter keystroke hides leave the selection in a layout change, which QItemSelectionModel applies
    // without emitting selectionChanged.
    connect(m_filter, &QAbstractItemModel::layoutChanged, this, &TokenTableView::tokenSelectionChanged);

    // Whether a token has a session is looked at once per change of the rows, not per row or per paint.
    m_offerTimer.setSingleShot(true);
    m_offerTimer.setInterval(0);
    connect(&m_offerTimer, &QTimer::timeout, this, &TokenTableView::checkOfferedColumns);
    connect(m_tokens, &QAbstractItemModel::modelReset, this, &TokenTableView::checkOfferedColumns);
    connect(m_tokens, &QAbstractItemModel::rowsInserted, &m_offerTimer, qOverload<>(&QTimer::start));
    connect(m_tokens, &QAbstractItemModel::rowsRemoved, &m_offerTimer, qOverload<>(&QTimer::start));
    connect(m_tokens, &QAbstractItemModel::dataChanged, this,
        [this](const QModelIndex &topLeft, const QModelIndex &bottomRight) {
            // A whole row replaced (a refresh, an upsert); a tick's cells never change a session.
            if (topLeft.column() == 0 && bottomRight.column() == TokenListModel::ColumnCount - 1)
                m_offerTimer.start();
        });

    // A tick repaints the remaining life of the rows on screen only.
    m_tokens->setVisibleRowsProvider(
        [view = QPointer<QTableView>(this), tokens = m_tokens] { return visibleSourceRows(view, tokens); });
    m_tokens->setTicking(true);
}

TokenTableView::~TokenTableView()
{
    if (m_saveTimer.isActive())
        saveLayout();
}

QList<Token> TokenTableView::selectedTokens() const
{
    QList<Token> result;
    const QModelIndexList rows = selectionModel()->selectedRows();
    for (const QModelIndex &proxyIndex : rows) {
        const QModelIndex source = m_filter->mapToSource(proxyIndex);
        if (source.isValid())
            result.append(m_tokens->tokenAt(source.row()));
    }
    return result;
}

bool TokenTableView::selectSourceRow(int row)
{
    const QModelIndex index = m_filter->mapFromSource(m_tokens->index(row, 0));
    if (!index.isValid())
        return false;
    setCurrentIndex(index);
    scrollTo(index);
    setFocus(Qt::OtherFocusReason);
    return true;
}

void TokenTableView::setShowsSeveralAccounts(bool several)
{
    m_severalAccounts = several;
    applyColumns();
}

bool TokenTableView::isColumnOffered(int column) const
{
    switch (column) {
    case TokenListModel::Account:
        return m_severalAccounts;
    case TokenListModel::Session:
        return m_sessionsShown;
    default:
        return column >= 0 && column < TokenListModel::ColumnCount;
    }
}

void TokenTableView::setColumnShown(int column, bool shown)
{
    if (column == TokenListModel::Name || column < 0 || column >= TokenListModel::ColumnCount)
        return;
    if (shown)
        m_userHidden.remove(column);
    else
        m_userHidden.insert(column);
    applyColumns();
    saveLayout();
}

QMenu *TokenTableView::createColumnMenu(QWidget *parent)
{
    auto *menu = new QMenu(parent);
    menu->setObjectName(QStringLiteral("columnMenu"));
    const QHeaderView *header = horizontalHeader();
    for (int visual = 0; visual < header->count(); ++visual) {
        const int column = header->logicalIndex(visual);
        if (column == TokenListModel::Name || !isColumnOffered(column))
            continue;
        QAction *action = menu->addAction(m_tokens->headerData(column, Qt::Horizontal).toString());
        action->setObjectName(QStringLiteral("column") + columnKey(column));
        action->setCheckable(true);
        action->setChecked(!m_userHidden.contains(column));
        connect(action, &QAction::toggled, this, [this, column](bool shown) { setColumnShown(column, shown); });
    }
    return menu;
}

void TokenTableView::applyDefaultLayout()
{
    m_applying = true;
    QHeaderView *header = horizontalHeader();
    for (int visual = 0; visual < DefaultOrder.size(); ++visual)
        header->moveSection(header->visualIndex(DefaultOrder.at(visual)), visual);
    // Widths from the font, so a larger font or a translation does not clip the short columns.
    const QFontMetrics metrics = fontMetrics();
    const int dateWidth =
        metrics.horizontalAdvance(TimeText::absolute(UtcTime::dateTime(QDate(2026, 12, 28), QTime(23, 59)), Qt::UTC))
        + 24;
    int statusWidth = 0;
    for (const Token::Status status :
        {Token::Status::Active, Token::Status::Expiring, Token::Status::Expired, Token::Status::Revoked})
        statusWidth = std::max(statusWidth, metrics.horizontalAdvance(TokenListModel::statusText(status)));
    m_widths = {
        {TokenListModel::RemainingLife, std::max(110, metrics.horizontalAdvance(QStringLiteral("99d 23h")) + 40)},
        {TokenListModel::Status, statusWidth + 28}, {TokenListModel::Expires, dateWidth},
        {TokenListModel::Created, dateWidth}, {TokenListModel::Account, metrics.averageCharWidth() * 18},
        {TokenListModel::Subject, metrics.averageCharWidth() * 18},
        {TokenListModel::Kind, metrics.averageCharWidth() * 10},
        {TokenListModel::Session, metrics.averageCharWidth() * 14},
        {TokenListModel::Notes, metrics.averageCharWidth() * 18}};
    for (int column = 0; column < TokenListModel::ColumnCount; ++column) {
        header->setSectionResizeMode(
            column, column == TokenListModel::Name ? QHeaderView::Fixed : QHeaderView::Interactive);
        if (m_widths.contains(column))
            header->resizeSection(column, m_widths.value(column));
    }
    m_applying = false;
    applyColumns();
}

void TokenTableView::setSettings(const QString &path, const QString &key)
{
    m_settingsPath = path;
    m_settingsKey = key;
    restoreLayout();
}

void TokenTableView::restoreLayout()
{
    if (m_settingsPath.isEmpty())
        return;
    QSettings settings(m_settingsPath, QSettings::IniFormat);
    settings.beginGroup(QStringLiteral("TokenTable-") + m_settingsKey);
    QHeaderView *header = horizontalHeader();
    m_applying = true;
    // What another saved layout (or an older version's) set up is replaced as a whole.
    for (int column = 0; column < TokenListModel::ColumnCount; ++column)
        header->setSectionResizeMode(
            column, column == TokenListModel::Name ? QHeaderView::Fixed : QHeaderView::Interactive);
    const QStringList order = settings.value(QStringLiteral("order")).toStringList();
    QList<int> columns;
    for (const QString &key : order) {
        const int column = columnOfKey(key);
        if (column >= 0 && !columns.contains(column))
            columns.append(column);
    }
    for (const int column : DefaultOrder) {
        if (!columns.contains(column))
            columns.insert(std::min<qsizetype>(DefaultOrder.indexOf(column), columns.size()), column);
    }
    for (int visual = 0; visual < columns.size(); ++visual)
        header->moveSection(header->visualIndex(columns.at(visual)), visual);
    const QVariantMap widths = settings.value(QStringLiteral("widths")).toMap();
    for (auto it = widths.cbegin(); it != widths.cend(); ++it) {
        const int column = columnOfKey(it.key());
        const int width = it.value().toInt();
        if (column >= 0 && column != TokenListModel::Name && width > 0)
            m_widths.insert(column, width);
    }
    for (auto it = m_widths.cbegin(); it != m_widths.cend(); ++it) {
        header->showSection(it.key());
        header->resizeSection(it.key(), it.value());
    }
    if (settings.contains(QStringLiteral("hidden"))) {
        m_userHidden.clear();
        for (const QString &key : settings.value(QStringLiteral("hidden")).toStringList()) {
            const int column = columnOfKey(key);
            if (column >= 0 && column != TokenListModel::Name)
                m_userHidden.insert(column);
        }
    }
    const int sortColumn = columnOfKey(settings.value(QStringLiteral("sortColumn")).toString());
    const auto sortOrder = settings.value(QStringLiteral("sortOrder")).toInt() == int(Qt::DescendingOrder)
        ? Qt::DescendingOrder
        : Qt::AscendingOrder;
    sortByColumn(sortColumn >= 0 ? sortColumn : int(TokenListModel::RemainingLife),
        sortColumn >= 0 ? sortOrder : Qt::AscendingOrder);
    m_applying = false;
    applyColumns();
}

void TokenTableView::saveLayout()
{
    m_saveTimer.stop();
    if (m_settingsPath.isEmpty())
        return;
    QSettings settings(m_settingsPath, QSettings::IniFormat);
    settings.beginGroup(QStringLiteral("TokenTable-") + m_settingsKey);
    const QHeaderView *header = horizontalHeader();
    QStringList order;
    for (int visual = 0; visual < header->count(); ++visual)
        order.append(columnKey(header->logicalIndex(visual)));
    settings.setValue(QStringLiteral("order"), order);
    QVariantMap widths;
    for (auto it = m_widths.cbegin(); it != m_widths.cend(); ++it)
        widths.insert(columnKey(it.key()), it.value());
    settings.setValue(QStringLiteral("widths"), widths);
    QStringList hidden;
    for (int column = 0; column < TokenListModel::ColumnCount; ++column) {
        if (m_userHidden.contains(column))
            hidden.append(columnKey(column));
    }
    settings.setValue(QStringLiteral("hidden"), hidden);
    settings.setValue(QStringLiteral("sortColumn"), columnKey(header->sortIndicatorSection()));
    settings.setValue(QStringLiteral("sortOrder"), int(header->sortIndicatorOrder()));
    settings.endGroup();
    settings.sync();
}

void TokenTableView::scheduleSave()
{
    if (!m_settingsPath.isEmpty())
        m_saveTimer.start();
}

void TokenTableView::applyColumns()
{
    m_applying = true;
    QHeaderView *header = horizontalHeader();
    for (int column = 0; column < TokenListModel::ColumnCount; ++column) {
        const bool hide = column != TokenListModel::Name && (m_userHidden.contains(column) || !isColumnOffered(column));
        if (header->isSectionHidden(column) != hide)
            header->setSectionHidden(column, hide);
    }
    m_applying = false;
    fitNameColumn();
}

void TokenTableView::checkOfferedColumns()
{
    const bool sessions = m_tokens->hasSessions();
    if (sessions == m_sessionsShown)
        return;
    m_sessionsShown = sessions;
    applyColumns();
}

void TokenTableView::fitNameColumn()
{
    QHeaderView *header = horizontalHeader();
    int others = 0;
    for (int column = 0; column < TokenListModel::ColumnCount; ++column) {
        if (column != TokenListModel::Name && !header->isSectionHidden(column))
            others += header->sectionSize(column);
    }
    const int width = std::max(MinNameWidth, viewport()->width() - others);
    if (header->sectionSize(TokenListModel::Name) != width) {
        const bool applying = std::exchange(m_applying, true);
        header->resizeSection(TokenListModel::Name, width);
        m_applying = applying;
    }
}

void TokenTableView::updateRowHeight()
{
    const int height = fontMetrics().height() + 2 * RowPadding;
    verticalHeader()->setMinimumSectionSize(height);
    verticalHeader()->setDefaultSectionSize(height);
}

void TokenTableView::keyPressEvent(QKeyEvent *event)
{
    // Enter opens the row as a double click does; QAbstractItemView would only emit activated().
    if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) && event->modifiers() == Qt::NoModifier
        && currentIndex().isValid() && state() != EditingState) {
        emit doubleClicked(currentIndex());
        event->accept();
        return;
    }
    QTableView::keyPressEvent(event);
}

void TokenTableView::showEvent(QShowEvent *event)
{
    QTableView::showEvent(event);
    if (!m_restoredOnShow) {
        m_restoredOnShow = true;
        restoreLayout();
    }
    fitNameColumn();
}

void TokenTableView::changeEvent(QEvent *event)
{
    QTableView::changeEvent(event);
    if (event->type() == QEvent::FontChange)
        updateRowHeight();
}

bool TokenTableView::viewportEvent(QEvent *event)
{
    const bool result = QTableView::viewportEvent(event);
    if (event->type() == QEvent::Resize)
        fitNameColumn();
    return result;
}
