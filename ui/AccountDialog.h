#pragma once

#include "core/Account.h"
#include "core/ApiError.h"

#include <QDialog>
#include <QHash>
#include <QList>
#include <QString>

#include <memory>

struct FieldSpec;
struct ProviderDescriptor;
class QLabel;
class QWidget;

namespace Ui {
class AccountDialog;
}

// Adds or edits an account: service (from the ProviderRegistry), name, server URL with the service's region
// presets, and the service's own account fields (FieldSpec; secrets masked). Validation messages appear next
// to the fields. The result is an Account (no secrets) plus the secret values for the keychain.
class AccountDialog : public QDialog
{
    Q_OBJECT
public:
    // A new account.
    explicit AccountDialog(QWidget *parent = nullptr);
    // Edits an existing account: the service is fixed; empty secret fields keep the stored secret.
    explicit AccountDialog(const Account &existing, QWidget *parent = nullptr);
    ~AccountDialog() override;

    bool hasProviders() const;
    bool isEditing() const { return m_editing; }
    void setProvider(const QString &providerId);
    QString providerId() const;

    // The account as entered (a new uuid for a new account, the same one when editing).
    Account account() const;
    // Secret values entered (empty values are left out).
    QHash<QString, QString> secrets() const;

    // Checks everything and shows the messages next to the fields; empty = valid. Keys: "provider", "name",
    // "baseUrl", and the provider's field keys; "" for messages that belong to no field.
    QList<FieldError> validate();
    void showFieldErrors(const QList<FieldError> &errors);
    // The message currently shown for a field ("" when none).
    QString errorText(const QString &field) const;

    static bool isLoopbackHost(const QString &host);
    // The warning shown while plain http is allowed ("" when hidden).
    QString httpWarningText() const;
    // The "requests go to ..." line shown while the URL is empty and the service derives it ("" when hidden).
    QString baseUrlHint() const;

public slots:
    void accept() override;

private:
    void init();
    void rebuildFields();
    void clearErrors();
    void updateBaseUrlHint();
    void updateHttpWarning();
    void setConnection(const Account &account);
    // The proxy option as chosen ("" = system, "none", "socks5://HOST:PORT").
    QString proxyText() const;
    const ProviderDescriptor *descriptor() const;
    QVariant fieldValue(const FieldSpec &field) const;
    void setFieldValue(const FieldSpec &field, const QVariant &value);

    std::unique_ptr<Ui::AccountDialog> m_ui;
    Account m_account;
    bool m_editing = false;
    QHash<QString, QWidget *> m_fieldWidgets;
    QHash<QString, QLabel *> m_fieldErrors;
};
