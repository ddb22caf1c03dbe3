#pragma once

#include <QByteArray>
#include <QDeadlineTimer>
#include <QObject>
#include <QTimer>

// Puts a secret on the clipboard with the hints clipboard managers honour (KDE Klipper, Windows clipboard
// history and cloud sync, macOS concealed type) and clears it again after a delay, on quit or on clearNow(),
// but only while the clipboard still holds our copy: only a SHA-256 of the text is kept, never the text.
class ClipboardGuard : public QObject
{
    Q_OBJECT
public:
    explicit ClipboardGuard(QObject *parent = nullptr);
    ~ClipboardGuard() override;

    void copySecret(const QString &text);

    void setClearDelayMs(int ms);
    int clearDelayMs() const { return m_delayMs; }

    // True while a copy is pending to be cleared.
    bool isArmed() const { return !m_hash.isEmpty(); }
    // Whole seconds until the clipboard is cleared (0 when not armed).
    int secondsLeft() const;

public slots:
    // Clears the clipboard now if it still holds our copy; stops the countdown either way.
    void clearNow();

signals:
    // Seconds left until clearing; emitted on copy and once a second.
    void countdown(int secondsLeft);
    // The clipboard was cleared by us.
    void cleared();
    // The countdown ended without clearing because something else was copied meanwhile.
    void superseded();

private:
    bool clipboardHoldsOurs() const;
    void disarm();
    void onTick();

    QByteArray m_hash;
    int m_delayMs = 30000;
    QDeadlineTimer m_deadline;
    QTimer m_clearTimer;
    QTimer m_tickTimer;
};
