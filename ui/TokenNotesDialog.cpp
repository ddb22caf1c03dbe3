#include "TokenNotesDialog.h"
#include "ui_TokenNotesDialog.h"

#include "core/UntrustedText.h"
#include "items/TokenListModel.h"

#include <QDialogButtonBox>
#include <QLineEdit>

TokenNotesDialog::TokenNotesDialog(const QString &tokenName, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::TokenNotesDialog>())
{
    m_ui->setupUi(this);
    setWindowTitle(tr("Notes for %1").arg(UntrustedText::forDisplay(tokenName, UntrustedText::TitleCap)));
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

TokenNotesDialog::~TokenNotesDialog() = default;

QLineEdit *TokenNotesDialog::ownerEdit() const
{
    return m_ui->noteOwner;
}

QLineEdit *TokenNotesDialog::usedInEdit() const
{
    return m_ui->noteUsedIn;
}

void TokenNotesDialog::setNote(const TokenNote &note)
{
    m_ui->noteOwner->setText(note.owner);
    m_ui->noteUsedIn->setText(note.usedIn);
}

TokenNote TokenNotesDialog::note() const
{
    TokenNote note;
    note.owner = m_ui->noteOwner->text().trimmed();
    note.usedIn = m_ui->noteUsedIn->text().trimmed();
    return note;
}

void TokenNotesDialog::applyNotes(const TokenNotes *notes, const QList<TokenListModel *> &models)
{
    if (!notes)
        return;
    // One read of the notes for every table.
    const auto entries = notes->all();
    for (TokenListModel *model : models) {
        if (!model)
            continue;
        for (const TokenNoteEntry &entry : entries)
            model->setNote(entry.accountId, entry.tokenId, entry.note.displayText());
    }
}
