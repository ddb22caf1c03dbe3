#include "EmptyStateOverlay.h"

#include <QAbstractItemModel>
#include <QAbstractItemView>
#include <QEvent>
#include <QTimer>

EmptyStateOverlay::EmptyStateOverlay(QAbstractItemView *view, std::function<State()> describer)
    : QLabel(view->viewport())
    , m_view(view)
    , m_describer(std::move(describer))
{
    setObjectName(QStringLiteral("emptyStateOverlay"));
    setAccessibleName(tr("Empty table"));
    setAlignment(Qt::AlignCenter);
    setWordWrap(true);
    setTextFormat(Qt::RichText);
    setTextInteractionFlags(Qt::LinksAccessibleByMouse | Qt::LinksAccessibleByKeyboard);
    setOpenExternalLinks(false);
    setContentsMargins(24, 24, 24, 24);
    hide();
    connect(this, &QLabel::linkActivated, this, [this] { activate(); });
    view->viewport()->installEventFilter(this);
    QAbstractItemModel *model = view->model();
    // Coalesced: a reset and the inserts after it ask once.
    auto *pending = new QTimer(this);
    pending->setSingleShot(true);
    pending->setInterval(0);
    connect(pending, &QTimer::timeout, this, &EmptyStateOverlay::refresh);
    const auto later = [pending] { pending->start(); };
    connect(model, &QAbstractItemModel::modelReset, pending, later);
    connect(model, &QAbstractItemModel::rowsInserted, pending, later);
    connect(model, &QAbstractItemModel::rowsRemoved, pending, later);
    connect(model, &QAbstractItemModel::layoutChanged, pending, later);
}

void EmptyStateOverlay::refresh()
{
    const bool empty = m_view->model() && m_view->model()->rowCount() == 0;
    m_state = empty && m_describer ? m_describer() : State {};
    if (m_state.text.isEmpty()) {
        hide();
        clear();
        return;
    }
    QString html = m_state.text.toHtmlEscaped();
    if (!m_state.linkText.isEmpty() && m_state.action)
        html = tr("%1 — %2").arg(html, QStringLiteral("<a href=\"#act\">%1</a>").arg(m_state.linkText.toHtmlEscaped()));
    setText(html);
    place();
    show();
    raise();
}

QString EmptyStateOverlay::shownText() const
{
    if (isHidden() || m_state.text.isEmpty())
        return {};
    return m_state.linkText.isEmpty() || !m_state.action ? m_state.text
                                                         : tr("%1 — %2").arg(m_state.text, m_state.linkText);
}

void EmptyStateOverlay::activate()
{
    if (m_state.action) {
        const auto action = m_state.action; // the action may refresh this overlay
        action();
    }
}

bool EmptyStateOverlay::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view->viewport() && event->type() == QEvent::Resize)
        place();
    return QLabel::eventFilter(watched, event);
}

void EmptyStateOverlay::place()
{
    setGeometry(m_view->viewport()->rect());
}
