#pragma once

#include "core/Token.h"

#include <QDialog>

class ClipboardGuard;
class QLabel;
class QLineEdit;
class QPushButton;
class QToolButton;

// Shows a freshly created token's value once: masked by default, a Show toggle, Copy through the
// ClipboardGuard, the magic link (Copy link, Open in browser) when there is one, expiry and notes. The value
// is held only by the masked field and is wiped from every widget when the dialog closes.
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

private:
    void onCountdown(int secondsLeft);

    ClipboardGuard *m_clipboard;
    QLineEdit *m_value;
    QToolButton *m_show;
    QPushButton *m_copy;
    QLineEdit *m_link = nullptr;
    QLineEdit *m_refresh = nullptr;
    QLabel *m_copyStatus;
    QLabel *m_notes;
    QLabel *m_expiry;
};
