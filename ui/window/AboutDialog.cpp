#include "AboutDialog.h"

#include "Icons.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QDir>
#include <QFormLayout>
#include <QIcon>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

#include <QtGlobal>

#ifndef TOKENDESK_QTKEYCHAIN_VERSION
#define TOKENDESK_QTKEYCHAIN_VERSION "unknown"
#endif

AboutDialog::AboutDialog(const QString &configDir, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("aboutDialog"));
    setWindowTitle(tr("About TokenDesk"));
    auto *layout = new QVBoxLayout(this);

    auto *header = new QHBoxLayout;
    auto *logo = new QLabel(this);
    logo->setPixmap(Icons::app().pixmap(48, 48));
    logo->setAccessibleName(tr("TokenDesk logo"));
    header->addWidget(logo);
    auto *title = new QLabel(tr("<h2>TokenDesk</h2><p>Issue, audit and revoke API tokens.</p>"), this);
    title->setTextFormat(Qt::RichText);
    header->addWidget(title, 1);
    layout->addLayout(header);

    const QString version = QCoreApplication::applicationVersion().isEmpty() ? QStringLiteral(TOKENDESK_VERSION)
                                                                             : QCoreApplication::applicationVersion();
    const QString folder = QDir::toNativeSeparators(configDir);
    const QList<std::pair<QString, QString>> facts {{tr("Version"), version},
        {tr("Qt"), QString::fromLatin1(qVersion())}, {tr("QtKeychain"), QStringLiteral(TOKENDESK_QTKEYCHAIN_VERSION)},
        {tr("Licence"), tr("MIT License")}, {tr("Configuration folder"), folder}};
    auto *form = new QFormLayout;
    for (const auto &[name, value] : facts) {
        auto *label = new QLabel(value, this);
        label->setTextFormat(Qt::PlainText);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
        label->setWordWrap(true);
        label->setAccessibleName(name);
        form->addRow(tr("%1:").arg(name), label);
        m_facts.append(tr("%1: %2").arg(name, value));
    }
    layout->addLayout(form);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton *copy = buttons->addButton(tr("&Copy"), QDialogButtonBox::ActionRole);
    copy->setToolTip(tr("Copy these facts for a support request"));
    connect(copy, &QPushButton::clicked, this, [this] { QApplication::clipboard()->setText(factsText()); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

QString AboutDialog::factsText() const
{
    return m_facts.join(QLatin1Char('\n'));
}
