#include "TokenNotesDialog.h"

#include "core/UntrustedText.h"
#include "items/TokenListModel.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

TokenNotesDialog::TokenNotesDialog(const QString &tokenName, QWidget *parent)
    : QDialog(parent)
    , m_owner(new QLineEdit)
    , m_usedIn(new QLineEdit)
{
    setObjectName(QStringLiteral("TokenNotesDialog"));
    setWindowTitle(tr("Notes for %1").arg(UntrustedText::forDisplay(tokenName, UntrustedText::TitleCap)));
    setAccessibleName(tr("Token notes"));

    m_owner->setObjectName(QStringLiteral("noteOwner"));
    m_owner->setAccessibleName(tr("Owner"));
    m_owner->setPlaceholderText(tr("Person or team responsible"));
    m_usedIn->setObjectName(QStringLiteral("noteUsedIn"));
    m_usedIn->setAccessibleName(tr("Where is this used"));
    m_usedIn->setPlaceholderText(tr("Service, host or pipeline"));

    auto *hint = new QLabel(tr("Notes stay on this computer. Do not write secrets here."));
    hint->setWordWrap(true);

    auto *form = new QFormLayout;
    form->addRow(tr("&Owner:"), m_owner);
    form->addRow(tr("&Where is this used:"), m_usedIn);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(hint);
    layout->addWidget(buttons);
}

void TokenNotesDialog::setNote(const TokenNote &note)
{
    m_owner->setText(note.owner);
    m_usedIn->setText(note.usedIn);
}

TokenNote TokenNotesDialog::note() const
{
    TokenNote note;
    note.owner = m_owner->text().trimmed();
    note.usedIn = m_usedIn->text().trimmed();
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
