#pragma once

#include "store/TokenNotes.h"

#include <QDialog>

class QLineEdit;
class TokenListModel;

// Edits the local note of one token: who owns it and where it is used. No secrets: the fields say
// so, and the note is stored in tokendesk.sqlite only.
class TokenNotesDialog : public QDialog
{
    Q_OBJECT
public:
    explicit TokenNotesDialog(const QString &tokenName, QWidget *parent = nullptr);

    void setNote(const TokenNote &note);
    TokenNote note() const;
    QLineEdit *ownerEdit() const { return m_owner; }
    QLineEdit *usedInEdit() const { return m_usedIn; }

    // Puts every stored note (of one account or of all) into a token model's Notes column. The model keeps
    // notes by account + token id, so they survive every later setTokens() (refresh).
    static void applyNotes(const TokenNotes *notes, const QList<TokenListModel *> &models);

private:
    QLineEdit *m_owner;
    QLineEdit *m_usedIn;
};
