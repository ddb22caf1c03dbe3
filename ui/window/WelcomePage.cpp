#include "WelcomePage.h"

#include "Icons.h"

#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

WelcomePage::WelcomePage(QWidget *parent)
    : QWidget(parent)
    , m_logo(new QLabel)
    , m_welcome(new QLabel)
{
    setObjectName(QStringLiteral("emptyState"));
    setAccessibleName(tr("No accounts"));
    auto *layout = new QVBoxLayout(this);
    layout->addStretch();
    m_logo->setObjectName(QStringLiteral("welcomeLogo"));
    m_logo->setAlignment(Qt::AlignCenter);
    m_logo->setAccessibleName(tr("TokenDesk logo"));
    layout->addWidget(m_logo);
    m_welcome->setObjectName(QStringLiteral("welcomeText"));
    m_welcome->setTextFormat(Qt::RichText);
    m_welcome->setAlignment(Qt::AlignCenter);
    m_welcome->setWordWrap(true);
    m_welcome->setAccessibleName(tr("Welcome"));
    layout->addWidget(m_welcome);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    auto *addButton = new QPushButton(tr("Add an account"));
    addButton->setObjectName(QStringLiteral("emptyAddAccount"));
    addButton->setAccessibleName(tr("Add an account"));
    connect(addButton, &QPushButton::clicked, this, &WelcomePage::addAccountClicked);
    buttons->addWidget(addButton);
    auto *sandboxButton = new QPushButton(tr("Try the sandbox"));
    sandboxButton->setObjectName(QStringLiteral("emptyTrySandbox"));
    sandboxButton->setAccessibleName(tr("Try the sandbox"));
    connect(sandboxButton, &QPushButton::clicked, this, &WelcomePage::trySandboxClicked);
    buttons->addWidget(sandboxButton);
    buttons->addStretch();
    layout->addLayout(buttons);
    layout->addStretch();
}

void WelcomePage::fill()
{
    if (!m_welcome->text().isEmpty())
        return;
    m_welcome->setText(tr("<h2>Welcome to TokenDesk</h2><p>Add an account of a service to see and manage "
                          "its tokens, or try every feature on the built-in sandbox first.</p>"));
    m_logo->setPixmap(Icons::app().pixmap(64, 64));
}
