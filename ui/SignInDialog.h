#pragma once

#include "core/Account.h"
#include "core/FieldSpec.h"

#include <QDialog>
#include <QHash>

class FieldForm;
class QCheckBox;
class QDialogButtonBox;
class QLabel;

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

    void done(int result) override;

private:
    void updateOk();

    FieldForm *m_form;
    QLabel *m_demoNote;
    QCheckBox *m_keep;
    QDialogButtonBox *m_buttons;
};
