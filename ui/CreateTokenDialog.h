#pragma once

#include "core/ApiError.h"
#include "core/FieldSpec.h"
#include "providers/TokenProvider.h"

#include <QDialog>
#include <QList>

#include <functional>

class FieldForm;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QStackedWidget;

// Collects the parameters of a new token: a kind chooser when the provider offers more than one kind, then
// the kind's fields (FieldForm). "Create" emits submitted() and the dialog stays open until the caller closes
// it, so server-side field errors (showFieldErrors) can be shown next to their fields.
class CreateTokenDialog : public QDialog
{
    Q_OBJECT
public:
    CreateTokenDialog(const QList<TokenKindSpec> &kinds, QWidget *parent = nullptr);
    ~CreateTokenDialog() override;

    CreateRequest request() const;
    // Extra validation run on every change (e.g. TokenProvider::validateCreate); its errors disable Create.
    void setValidator(std::function<QList<FieldError>(const CreateRequest &)> validator);
    // Errors for the current kind's fields are shown next to them; others in the dialog's message line.
    void showFieldErrors(const QList<FieldError> &errors);
    // A general message (e.g. a network error) under the fields; empty hides it.
    void showError(const QString &message);
    void setBusy(bool busy);
    bool isBusy() const { return m_busy; }

    QString currentKind() const;
    void setCurrentKind(const QString &kind);
    FieldForm *currentForm() const;
    bool canSubmit() const;

signals:
    void submitted(const CreateRequest &request);

private:
    void revalidate();
    void submit();

    QList<TokenKindSpec> m_kinds;
    QComboBox *m_kindCombo = nullptr;
    QStackedWidget *m_stack;
    QList<FieldForm *> m_forms;
    QLabel *m_message;
    QDialogButtonBox *m_buttons;
    std::function<QList<FieldError>(const CreateRequest &)> m_validator;
    bool m_busy = false;
    bool m_inRevalidate = false;
};
