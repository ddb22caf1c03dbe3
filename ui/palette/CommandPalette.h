#pragma once

#include <QDialog>
#include <QIcon>
#include <QList>
#include <QString>

#include <functional>

class QAction;
class QLabel;
class QLineEdit;
class QListWidget;

// Ctrl+K: one search field over every action of the window and every account. Typing narrows the list (every
// word must appear in the entry's name or its group, in any order, case-insensitive); Up/Down move, Enter runs.
// A disabled entry stays in the list with the reason it is disabled, so the palette also answers "why can't I?".
class CommandPalette : public QDialog
{
    Q_OBJECT
public:
    struct Entry
    {
        QString text; // what the user reads and types, without mnemonics
        QString group; // "Tokens", "Account", ...: searched too, shown dimmed
        QString shortcut; // shown right-aligned; empty when none
        QIcon icon;
        bool enabled = true;
        QString disabledReason;
        std::function<void()> run;
    };

    explicit CommandPalette(QWidget *parent = nullptr);

    void setEntries(const QList<Entry> &entries);
    // One entry per visible action with text (separators, menus' own actions and invisible ones skipped); the
    // group is the given name, the reason of a disabled action its tooltip.
    static QList<Entry> entriesFor(const QList<QAction *> &actions, const QString &group);
    // Mnemonic ampersands and a trailing ellipsis removed: "&Revoke…" is found by "revoke".
    static QString plainText(const QString &actionText);

    QLineEdit *searchField() const { return m_search; }
    // The entries shown now, best match first (texts only; for tests and accessibility).
    QStringList visibleTexts() const;
    // Runs the selected entry when it is enabled (the palette closes first); otherwise says why not.
    void runSelected();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void filter(const QString &text);
    void showReason();

    QLineEdit *m_search = nullptr;
    QListWidget *m_list = nullptr;
    QLabel *m_reason = nullptr;
    QList<Entry> m_entries;
};
