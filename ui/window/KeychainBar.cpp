#include "KeychainBar.h"

#include "StatusColors.h"
#include "store/SecretStore.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>

KeychainBar::KeychainBar(SecretStore *store, QWidget *parent)
    : QFrame(parent)
    , m_store(store)
    , m_text(new QLabel(tr("No keychain is available: passwords and keys are kept in memory for this session only "
                           "and must be entered again next time.")))
{
    setObjectName(QStringLiteral("keychainBar"));
    setAccessibleName(tr("Keychain warning"));
    setFrameShape(QFrame::StyledPanel);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 4, 4);
    m_text->setObjectName(QStringLiteral("keychainBarText"));
    m_text->setWordWrap(true);
    StatusColors::apply(m_text, StatusColors::Role::Warning);
    layout->addWidget(m_text, 1);
    auto *close = new QToolButton;
    close->setObjectName(QStringLiteral("keychainBarDismiss"));
    close->setText(tr("Dismiss"));
    close->setAccessibleName(tr("Dismiss the keychain warning"));
    close->setAutoRaise(true);
    connect(close, &QToolButton::clicked, this, &KeychainBar::dismiss);
    layout->addWidget(close, 0, Qt::AlignTop);
    connect(m_store, &SecretStore::stateChanged, this, &KeychainBar::follow);
    follow();
}

bool KeychainBar::isWanted() const
{
    return !m_dismissed && m_store->state() == SecretStore::State::MemoryOnly;
}

void KeychainBar::dismiss()
{
    m_dismissed = true;
    follow();
}

void KeychainBar::follow()
{
    setVisible(isWanted());
}
