#include "TokenFilterBar.h"

#include "items/TokenFilterModel.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QShortcut>

TokenFilterBar::TokenFilterBar(TokenFilterModel *filter, QWidget *parent)
    : QWidget(parent)
    , m_filterEdit(new QLineEdit(this))
    , m_statusCombo(new QComboBox(this))
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);

    m_filterEdit->setPlaceholderText(tr("Filter (Ctrl+F)"));
    m_filterEdit->setClearButtonEnabled(true);
    connect(m_filterEdit, &QLineEdit::textChanged, filter, &TokenFilterModel::setFilterText);
    layout->addWidget(m_filterEdit, 1);

    m_statusCombo->setAccessibleName(tr("Status filter"));
    m_statusCombo->addItem(tr("All statuses"), int(TokenFilterModel::AllStatuses));
    m_statusCombo->addItem(tr("Not expired"), int(TokenFilterModel::NotExpired));
    m_statusCombo->addItem(tr("Active"), int(TokenFilterModel::ActiveOnly));
    m_statusCombo->addItem(tr("Expiring"), int(TokenFilterModel::ExpiringOnly));
    m_statusCombo->addItem(tr("Expired"), int(TokenFilterModel::ExpiredOnly));
    m_statusCombo->addItem(tr("Revoked"), int(TokenFilterModel::RevokedOnly));
    connect(m_statusCombo, &QComboBox::currentIndexChanged, filter, [this, filter](int index) {
        filter->setStatusFilter(TokenFilterModel::StatusFilter(m_statusCombo->itemData(index).toInt()));
    });
    layout->addWidget(m_statusCombo);
    clearOnEscapeIn(m_filterEdit);
}

void TokenFilterBar::clearOnEscapeIn(QWidget *widget)
{
    auto *shortcut = new QShortcut(QKeySequence(Qt::Key_Escape), widget, m_filterEdit, &QLineEdit::clear);
    shortcut->setContext(Qt::WidgetWithChildrenShortcut);
}
