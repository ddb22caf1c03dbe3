#pragma once

#include "core/Result.h"

#include <QDialog>
#include <QPointer>

#include <memory>
#include <optional>

class QPushButton;
class TokenProvider;
struct TokenValueCheck;

namespace Ui {
class VerifyTokenDialog;
}

// Verify after revoke: the user pastes a token value (masked unless "Show" is ticked) and the
// account's service says whether it still accepts it (TokenProvider::checkTokenValue). TokenDesk never stores
// token values, so this is the only way to ask. The value is used for the one call, then the edit is cleared.
class VerifyTokenDialog : public QDialog
{
    Q_OBJECT
public:
    // The provider must declare Capability::VerifyValue; it is not owned and may go away (the dialog then
    // says so).
    explicit VerifyTokenDialog(TokenProvider *provider, QWidget *parent = nullptr);
    ~VerifyTokenDialog() override;

    // What the result line says, and how it is coloured: Error when the server still accepts the token,
    // Warning when it cannot tell or the check failed, none (normal text) when the server rejects it.
    enum class Tone { None, Warning, Error };
    QString resultText() const;
    Tone resultTone() const { return m_tone; }
    bool isChecking() const { return m_checking; }

    void done(int result) override;

signals:
    // A check finished (with a verdict or an error); tests wait for it.
    void checkFinished();

private:
    void verify();
    void showResult(const Result<TokenValueCheck> &result);
    void setResult(const QString &text, Tone tone);
    void updateButtons();

    std::unique_ptr<Ui::VerifyTokenDialog> m_ui;
    QPointer<TokenProvider> m_provider;
    QPushButton *m_verify;
    Tone m_tone = Tone::None;
    bool m_checking = false;
};
