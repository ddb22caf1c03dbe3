#pragma once

#include "core/Token.h"

#include <QDialog>

#include <memory>

class ClipboardGuard;
class QCloseEvent;
class QKeyEvent;
class QLineEdit;

namespace Ui {
class RevealDialog;
}

// Shows a freshly created token's value once: masked by default, a Show toggle, Copy through the
// ClipboardGuard, the magic link (Copy link, Open in browser) when there is one, expiry and notes. The value
// is held only by the masked field and is wiped from every widget when the dialog closes. Closing it by hand
// (Escape, Close, the window's close button) before the value was shown or copied asks first, inside the dialog:
// the value cannot be shown again. reject() and done() called by code close at once.
class RevealDialog : public QDialog
{
    Q_OBJECT
public:
    RevealDialog(const CreatedToken &created, ClipboardGuard *clipboard, QWidget *parent = nullptr);
    ~RevealDialog() override;

    void done(int result) override;

    bool isValueShown() const;
    void setValueShown(bool shown);
    void copyValue();
    void copyLink();
    void openLink();
    // Whether the value was shown or copied: closing then loses nothing the user has not had.
    bool wasValueTaken() const { return m_taken; }
    // The user's way to close (Escape, Close, the title bar): asks first while the value was never taken.
    void requestClose();

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void closeEvent(QCloseEvent *event) override;

private:
    void onCountdown(int secondsLeft);
    void markTaken();

    std::unique_ptr<Ui::RevealDialog> m_ui;
    ClipboardGuard *m_clipboard;
    // The magic link and the refresh token rows exist only when the service returned them.
    QLineEdit *m_link = nullptr;
    QLineEdit *m_refresh = nullptr;
    bool m_taken = false;
};
