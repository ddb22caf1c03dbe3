#pragma once

#include "providers/TokenProvider.h"

#include <QDialog>
#include <QTimer>

#include <memory>

class Clock;

namespace Ui {
class MfaDialog;
}

// Asks for the 6-digit passcode of an authenticator app (NetSapiens MFA). OK emits passcodeSubmitted and the
// dialog stays open: the caller closes it (accept()) when the passcode was accepted, or calls showError().
class MfaDialog : public QDialog
{
    Q_OBJECT
public:
    explicit MfaDialog(const MfaChallenge &challenge, QWidget *parent = nullptr);
    ~MfaDialog() override;

    void setClock(const Clock *clock);
    QString passcode() const;
    // Seconds left in the current 30 s TOTP window, from the clock.
    int secondsLeftInWindow() const;
    // The embedded sandbox's demo MFA user only: its base32 TOTP seed, so the dialog shows the code an
    // authenticator app would show now. Empty (every real account) shows nothing.
    void setSandboxSeed(const QString &base32Seed);
    // The code shown for the sandbox's demo user; empty without a seed.
    QString sandboxCode() const;

public slots:
    // Keeps the dialog open, shows the message, clears the passcode and focuses the field.
    void showError(const QString &message);
    void setBusy(bool busy);
    void refreshCountdown();

signals:
    void passcodeSubmitted(const QString &passcode);

private:
    void updateOk();
    void submit();

    std::unique_ptr<Ui::MfaDialog> m_ui;
    const Clock *m_clock;
    QString m_sandboxSeed;
    QTimer m_timer;
    bool m_busy = false;
};
