#pragma once

#include "store/TokenNotes.h"

#include <QDialog>

#include <memory>

class QLineEdit;
class TokenListModel;

namespace Ui {
class TokenNotesDialog;
}

// Edits the local note of one token: who owns it and where it is used. No secrets: the fields say
// so, and the note is stored in tokendesk.sqlite only.
class TokenNotesDialog : public QDialog
{
    Q_OBJECT
public:
    explicit TokenNotesDialog(const QString &tokenName, QWidget *parent = nullptr);
    ~TokenNotesDialog() override;

    void setNote(const TokenNote &note);
    TokenNote note() const;
    QLineEdit *ownerEdit() const;
    QLineEdit *usedInEdit() const;

    // Puts every stored note (of one account or of all) into a token model's Notes column. The model keeps
    // notes by account + token id, so they survive every later setTokens() (refresh).
    static void applyNotes(const TokenNotes *notes, const QList<TokenListModel *> &models);

private:
    std::unique_ptr<Ui::TokenNotesDialog> m_ui;
};
