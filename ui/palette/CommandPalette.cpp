#include "palette/CommandPalette.h"

#include <QAction>
#include <QCoreApplication>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

namespace {
constexpr int EntryRole = Qt::UserRole + 1;
}

CommandPalette::CommandPalette(QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Command Palette"));
    setObjectName(QStringLiteral("commandPalette"));
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("paletteSearch"));
    m_search->setPlaceholderText(tr("Type an action or an account…"));
    m_search->setClearButtonEnabled(true);
    m_search->setAccessibleName(tr("Search actions and accounts"));
    m_search->installEventFilter(this);
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("paletteList"));
    m_list->setAccessibleName(tr("Matching actions and accounts"));
    m_list->setUniformItemSizes(true);
    m_reason = new QLabel(this);
    m_reason->setObjectName(QStringLiteral("paletteReason"));
    m_reason->setWordWrap(true);
    m_reason->hide();

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_search);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_reason);
    resize(520, 380);

    connect(m_search, &QLineEdit::textChanged, this, &CommandPalette::filter);
    connect(m_list, &QListWidget::itemActivated, this, [this] { runSelected(); });
    connect(m_list, &QListWidget::currentRowChanged, this, [this] { m_reason->hide(); });
}

QString CommandPalette::plainText(const QString &actionText)
{
    QString text;
    text.reserve(actionText.size());
    for (qsizetype i = 0; i < actionText.size(); ++i) {
        if (actionText.at(i) == QLatin1Char('&') && i + 1 < actionText.size()) {
            ++i; // "&&" is a literal ampersand, "&R" a mnemonic
            text.append(actionText.at(i));
            continue;
        }
        text.append(actionText.at(i));
    }
    if (text.endsWith(QChar(0x2026)))
        text.chop(1);
    else if (text.endsWith(QLatin1String("...")))
        text.chop(3);
    return text.trimmed();
}

QList<CommandPalette::Entry> CommandPalette::entriesFor(const QList<QAction *> &actions, const QString &group)
{
    QList<Entry> entries;
    for (QAction *action : actions) {
        if (!action || action->isSeparator() || action->menu() || !action->isVisible() || action->text().isEmpty())
            continue;
        Entry entry;
        entry.text = plainText(action->text());
        entry.group = group;
        entry.shortcut = action->shortcut().toString(QKeySequence::NativeText);
        entry.icon = action->icon();
        entry.enabled = action->isEnabled();
        if (!entry.enabled) {
            const QString tip = action->toolTip();
            // Qt derives a tooltip from the text when none was set: that is no reason.
            entry.disabledReason = tip != entry.text && tip != plainText(action->text()) ? tip : QString();
        }
        entry.run = [action] { action->trigger(); };
        entries.append(entry);
    }
    return entries;
}

void CommandPalette::setEntries(const QList<Entry> &entries)
{
    m_entries = entries;
    filter(m_search->text());
}

void CommandPalette::filter(const QString &text)
{
    const QStringList words = text.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    struct Match
    {
        int index;
        int rank; // 0: the name starts with the first word, 1: a word of the name does, 2: anywhere
    };
    QList<Match> matches;
    for (int i = 0; i < m_entries.size(); ++i) {
        const Entry &entry = m_entries.at(i);
        const QString haystack = entry.text + QLatin1Char(' ') + entry.group;
        const bool all = std::all_of(words.cbegin(), words.cend(),
            [&haystack](const QString &word) { return haystack.contains(word, Qt::CaseInsensitive); });
        if (!all)
            continue;
        int rank = 2;
        if (words.isEmpty() || entry.text.startsWith(words.first(), Qt::CaseInsensitive))
            rank = 0;
        else if (entry.text.contains(QLatin1Char(' ') + words.first(), Qt::CaseInsensitive))
            rank = 1;
        matches.append({i, rank});
    }
    std::stable_sort(matches.begin(), matches.end(), [this](const Match &a, const Match &b) {
        if (a.rank != b.rank)
            return a.rank < b.rank;
        // Enabled entries first: what can be done now is what is most likely wanted.
        return m_entries.at(a.index).enabled && !m_entries.at(b.index).enabled;
    });

    m_list->clear();
    m_reason->hide();
    for (const Match &match : std::as_const(matches)) {
        const Entry &entry = m_entries.at(match.index);
        QString label = entry.text;
        if (!entry.group.isEmpty())
            label = tr("%1 — %2").arg(entry.text, entry.group);
        if (!entry.shortcut.isEmpty())
            label += QLatin1String("    ") + entry.shortcut;
        auto *item = new QListWidgetItem(entry.icon, label, m_list);
        item->setData(EntryRole, match.index);
        if (!entry.enabled) {
            item->setForeground(palette().brush(QPalette::Disabled, QPalette::Text));
            item->setToolTip(entry.disabledReason.isEmpty() ? tr("Not available now.") : entry.disabledReason);
        }
    }
    if (m_list->count() > 0)
        m_list->setCurrentRow(0);
}

QStringList CommandPalette::visibleTexts() const
{
    QStringList texts;
    for (int row = 0; row < m_list->count(); ++row)
        texts.append(m_entries.at(m_list->item(row)->data(EntryRole).toInt()).text);
    return texts;
}

void CommandPalette::showReason()
{
    const QListWidgetItem *item = m_list->currentItem();
    if (!item)
        return;
    const Entry &entry = m_entries.at(item->data(EntryRole).toInt());
    m_reason->setText(entry.disabledReason.isEmpty()
            ? tr("“%1” is not available now.").arg(entry.text)
            : tr("“%1” is not available: %2").arg(entry.text, entry.disabledReason));
    m_reason->show();
}

void CommandPalette::runSelected()
{
    const QListWidgetItem *item = m_list->currentItem();
    if (!item)
        return;
    const Entry entry = m_entries.at(item->data(EntryRole).toInt());
    if (!entry.enabled || !entry.run) {
        showReason();
        return;
    }
    accept();
    // After the palette has closed, so a dialog the action opens is not stacked on it.
    QObject *context = parentWidget() ? static_cast<QObject *>(parentWidget()) : QCoreApplication::instance();
    QTimer::singleShot(0, context, entry.run);
}

bool CommandPalette::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_search && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        switch (key->key()) {
        case Qt::Key_Down:
        case Qt::Key_Up:
        case Qt::Key_PageDown:
        case Qt::Key_PageUp: {
            const int step = key->key() == Qt::Key_Down ? 1
                : key->key() == Qt::Key_Up              ? -1
                : key->key() == Qt::Key_PageDown        ? 8
                                                        : -8;
            const int row = std::clamp(m_list->currentRow() + step, 0, std::max(0, m_list->count() - 1));
            m_list->setCurrentRow(row);
            return true;
        }
        case Qt::Key_Return:
        case Qt::Key_Enter:
            runSelected();
            return true;
        default:
            break;
        }
    }
    return QDialog::eventFilter(watched, event);
}
