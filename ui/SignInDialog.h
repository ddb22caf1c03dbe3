#pragma once

#include "core/Account.h"
#include "core/FieldSpec.h"

#include <QDialog>
#include <QHash>

#include <memory>

class FieldForm;

namespace Ui {
class SignInDialog;
}

// Asks again for an account's secrets (password, API key) after the server refused them or none are saved.
// Every input is masked. OK is enabled once the required fields are filled.
class SignInDialog : public QDialog
{
    Q_OBJECT
public:
    SignInDialog(
        const Account &account, const QList<FieldSpec> &secretFields, const QString &reason, QWidget *parent = nullptr);
    ~SignInDialog() override;

    // Field key -> entered value.
    QHash<QString, QString> values() const;
    bool keepSignedIn() const;
    void setKeepSignedIn(bool keep);
    FieldForm *form() const { return m_form; }
    // Fills in the embedded sandbox's demo credentials (field key -> value; keys the dialog does not ask for are
    // ignored) and says so. For sandbox demo accounts only: a real account's secrets are never prefilled.
    void setDemoValues(const QHash<QString, QString> &values);
    // Without a keychain nothing can be remembered: the box is unticked, disabled, and a line says why.
    void setKeychainAvailable(bool available);
    // The service refused the last attempt (wrong password): the reason line shows it in the error colour.
    void showError(const QString &message);
    // "Sign in to <account> as <user>" (the user when the account has one).
    static QString whoText(const Account &account);

    void done(int result) override;

private:
    void updateOk();

    std::unique_ptr<Ui::SignInDialog> m_ui;
    FieldForm *m_form;
};
