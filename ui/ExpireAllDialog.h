#pragma once

#include "providers/TokenProvider.h"

#include <QDialog>
#include <QStringList>

#include <memory>

class QPushButton;
class TypedConfirmation;

namespace Ui {
class ExpireAllDialog;
}

// Expires every token of an application (Svix expire-all) after a grace period of 0 to 72 hours, optionally
// only for some session ids (one per line, ^[a-zA-Z0-9@_-]{1,64}$). A summary line says what will happen.
// The destructive button is enabled once the application id is typed again (TypedConfirmation); Enter
// presses Cancel.
class ExpireAllDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ExpireAllDialog(const QStringList &appIds, QWidget *parent = nullptr);
    ~ExpireAllDialog() override;

    ExpireAllRequest request() const;
    // Why the request cannot be sent; empty when it can.
    QString validationError() const;
    bool isValid() const { return validationError().isEmpty(); }
    QString summary() const;
    // Valid and the application id typed to confirm.
    bool canExpire() const;
    QPushButton *expireButton() const;
    TypedConfirmation *confirmation() const;

    static constexpr qint64 MaxGraceSeconds = 72 * 3600;

private:
    void refresh();
    qint64 graceSeconds() const;
    QStringList sessionLines() const;

    std::unique_ptr<Ui::ExpireAllDialog> m_ui;
    QPushButton *m_expire;
};
