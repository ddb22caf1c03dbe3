#pragma once

#include "core/Token.h"

#include <QDialog>
#include <QPointer>

class AccountSession;
class AuditLog;
class ClipboardGuard;
class Clock;
class QCheckBox;
class QComboBox;
class QLabel;
class QListWidget;
class QPushButton;
class RotationStore;
class TokenRotation;
struct RotationReport;

// The rotation wizard: pick a grace period, Rotate creates the successor with the old token's settings and shows
// its value once (RevealDialog); where the service can check a value it is verified, else the user confirms it
// is in place (or cancels, which revokes the new one). Each step is listed as it happens. The rotation itself is
// TokenRotation; when the grace is over RotationFinisher revokes the old token, also after a restart.
class RotateTokenDialog : public QDialog
{
    Q_OBJECT
public:
    RotateTokenDialog(AccountSession *session, RotationStore *store, AuditLog *audit, const Clock *clock,
        ClipboardGuard *clipboard, const Token &token, QWidget *parent = nullptr);
    ~RotateTokenDialog() override;

    void setGraceText(const QString &text);
    // Why this token cannot be rotated (the Rotate button is disabled then); empty when it can.
    QString refusalText() const;
    QString statusText() const;
    QStringList stepTexts() const;
    bool isBusy() const { return m_busy; }

    void rotate();
    void confirmNewToken();
    void cancelRotation();

signals:
    // A phase (rotate, confirm, cancel) finished; tests wait for it.
    void phaseFinished();
    // A rotation now waits for its grace period: the finisher is armed for it.
    void rotationScheduled();

private:
    void showReport(const RotationReport &report);
    void updateState();
    std::optional<qint64> graceSeconds(QString *error) const;

    QPointer<AccountSession> m_session;
    RotationStore *m_store;
    const Clock *m_clock;
    ClipboardGuard *m_clipboard;
    Token m_token;
    TokenRotation *m_rotation;
    QComboBox *m_grace;
    QLabel *m_plan;
    QListWidget *m_steps;
    QLabel *m_status;
    QCheckBox *m_inPlace;
    QPushButton *m_rotate;
    QPushButton *m_confirm;
    QPushButton *m_cancelRotation;
    QPushButton *m_close;
    QString m_refusal;
    bool m_busy = false;
    bool m_started = false;
    bool m_awaitingConfirmation = false;
};
