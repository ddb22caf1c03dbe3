#include "ExpireAllDialog.h"
#include "ui_ExpireAllDialog.h"

#include "DestructiveButton.h"
#include "StatusColors.h"
#include "TypedConfirmation.h"

#include "core/Duration.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>

ExpireAllDialog::ExpireAllDialog(const QStringList &appIds, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::ExpireAllDialog>())
{
    m_ui->setupUi(this);
    m_ui->appCombo->addItems(appIds);
    // The edit of an editable combo exists only once it is editable, so its placeholder is set here.
    m_ui->appCombo->lineEdit()->setPlaceholderText(tr("Application id, e.g. app_1srOrx2ZWZBpBUvZwXKQmoEYga2"));
    // The largest grace period counted in minutes (the default unit); validationError() catches too much in hours.
    m_ui->graceValue->setRange(0, int(MaxGraceSeconds / 60));
    m_ui->graceUnit->addItem(tr("seconds"), 1);
    m_ui->graceUnit->addItem(tr("minutes"), 60);
    m_ui->graceUnit->addItem(tr("hours"), 3600);
    m_ui->graceUnit->setCurrentIndex(1);
    StatusColors::apply(m_ui->errorLabel, StatusColors::Role::Error);

    m_expire = m_ui->buttonBox->addButton(tr("Expire All Tokens"), QDialogButtonBox::DestructiveRole);
    m_expire->setObjectName(QStringLiteral("expireButton"));
    DestructiveButton::style(m_expire, QStringLiteral("expire-all"));
    // Cancel is what Enter presses: expiring takes a click on the button.
    m_ui->buttonBox->button(QDialogButtonBox::Cancel)->setDefault(true);
    connect(m_expire, &QPushButton::clicked, this, [this] {
        if (canExpire())
            accept();
    });
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_ui->confirmation, &TypedConfirmation::confirmedChanged, this, &ExpireAllDialog::refresh);

    connect(m_ui->appCombo, &QComboBox::currentTextChanged, this, &ExpireAllDialog::refresh);
    connect(m_ui->graceValue, &QSpinBox::valueChanged, this, &ExpireAllDialog::refresh);
    connect(m_ui->graceUnit, &QComboBox::currentIndexChanged, this, &ExpireAllDialog::refresh);
    connect(m_ui->sessionIds, &QPlainTextEdit::textChanged, this, &ExpireAllDialog::refresh);
    refresh();
}

ExpireAllDialog::~ExpireAllDialog() = default;

qint64 ExpireAllDialog::graceSeconds() const
{
    return qint64(m_ui->graceValue->value()) * m_ui->graceUnit->currentData().toLongLong();
}

QStringList ExpireAllDialog::sessionLines() const
{
    QStringList out;
    const QStringList lines = m_ui->sessionIds->toPlainText().split(QLatin1Char('\n'));
    for (const QString &line : lines) {
        const QString t = line.trimmed();
        if (!t.isEmpty() && !out.contains(t))
            out << t;
    }
    return out;
}

ExpireAllRequest ExpireAllDialog::request() const
{
    ExpireAllRequest r;
    r.appId = m_ui->appCombo->currentText().trimmed();
    r.graceSeconds = graceSeconds();
    r.sessionIds = sessionLines();
    return r;
}

QString ExpireAllDialog::validationError() const
{
    const ExpireAllRequest r = request();
    if (r.appId.isEmpty())
        return tr("Choose or type an application id.");
    static const QRegularExpression noSpace(QStringLiteral("^\\S+$"));
    if (!noSpace.match(r.appId).hasMatch())
        return tr("An application id has no spaces.");
    if (r.graceSeconds < 0 || r.graceSeconds > MaxGraceSeconds)
        return tr("The grace period can be at most 72 hours.");
    static const QRegularExpression session(QStringLiteral("^[a-zA-Z0-9@_-]{1,64}$"));
    QStringList bad;
    for (const QString &id : r.sessionIds) {
        if (!session.match(id).hasMatch())
            bad << id.left(70);
    }
    if (!bad.isEmpty())
        return tr("Not a valid session id (letters, digits, @, _ and -, at most 64): %1")
            .arg(bad.join(QStringLiteral(", ")));
    return {};
}

QString ExpireAllDialog::summary() const
{
    const ExpireAllRequest r = request();
    const QString app = r.appId.isEmpty() ? tr("(no application)") : r.appId;
    const QString when = r.graceSeconds == 0 ? tr("immediately")
                                             : tr("after a grace period of %1").arg(Duration::format(r.graceSeconds));
    if (r.sessionIds.isEmpty())
        return tr("Every token of application “%1” will expire %2, for all sessions.").arg(app, when);
    return tr("The tokens of %n session(s) (%1) of application “%2” will expire %3.", nullptr, int(r.sessionIds.size()))
        .arg(r.sessionIds.join(QStringLiteral(", ")), app, when);
}

bool ExpireAllDialog::canExpire() const
{
    return isValid() && m_ui->confirmation->isConfirmed();
}

QPushButton *ExpireAllDialog::expireButton() const
{
    return m_expire;
}

TypedConfirmation *ExpireAllDialog::confirmation() const
{
    return m_ui->confirmation;
}

void ExpireAllDialog::refresh()
{
    const QString error = validationError();
    m_ui->errorLabel->setText(error);
    m_ui->errorLabel->setVisible(!error.isEmpty());
    m_ui->summaryLabel->setText(error.isEmpty() ? summary() : QString());
    const ExpireAllRequest r = request();
    m_ui->confirmation->setExpected(r.appId, tr("the application id"));
    m_ui->confirmation->setVisible(error.isEmpty());
    m_expire->setText(r.sessionIds.isEmpty() ? tr("Expire All Tokens")
                                             : tr("Expire Tokens of %n Session(s)", nullptr, int(r.sessionIds.size())));
    m_expire->setEnabled(canExpire());
}
