#pragma once

#include "core/Account.h"
#include "core/FieldSpec.h"

#include <QHash>
#include <QUuid>
#include <QWidget>

class FieldForm;
class QCheckBox;
class QLabel;
class QPushButton;

// Sign-in in the table area, for an account that must sign in before it lists anything: "Sign in to <account>
// as <user>", its secret fields (the sandbox's demo password filled in), "Remember in the keychain" and a Sign in
// button; a refusal shows under it in the error colour. Moving through the sidebar shows this panel instead of a
// modal dialog, so arrowing past an account never stops the user.
class SignInPanel : public QWidget
{
    Q_OBJECT
public:
    explicit SignInPanel(QWidget *parent = nullptr);

    struct Setup
    {
        Account account;
        QList<FieldSpec> secretFields; // required ones the provider already holds may stay empty
        QString reason; // why sign-in is needed; not an error
        QHash<QString, QString> demoValues; // the sandbox's demo credentials; empty for real accounts
        bool keychainAvailable = true;
    };
    void showFor(const Setup &setup);
    QUuid accountId() const { return m_accountId; }

    QHash<QString, QString> values() const;
    bool remember() const;
    void setBusy(bool busy);
    void showError(const QString &message);
    QString errorText() const;
    // Empties the secret fields (after a sign-in, or when the panel is left).
    void clearValues();

signals:
    void submitted(const QUuid &accountId);

private:
    void submit();
    void updateButton();

    QUuid m_accountId;
    QLabel *m_title;
    QLabel *m_reason;
    FieldForm *m_form;
    QLabel *m_demoNote;
    QCheckBox *m_remember;
    QLabel *m_rememberNote;
    QPushButton *m_signIn;
    QLabel *m_error;
    bool m_busy = false;
};
