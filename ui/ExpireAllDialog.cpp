#include "ExpireAllDialog.h"

#include "DestructiveButton.h"
#include "StatusColors.h"
#include "TypedConfirmation.h"

#include "core/Duration.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QVBoxLayout>

ExpireAllDialog::ExpireAllDialog(const QStringList &appIds, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Expire all tokens"));
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    layout->addLayout(form);

    m_app = new QComboBox(this);
    m_app->setObjectName(QStringLiteral("appCombo"));
    m_app->setEditable(true);
    m_app->setInsertPolicy(QComboBox::NoInsert);
    m_app->addItems(appIds);
    m_app->lineEdit()->setPlaceholderText(tr("Application id, e.g. app_1srOrx2ZWZBpBUvZwXKQmoEYga2"));
    form->addRow(tr("&Application:"), m_app);

    auto *graceRow = new QHBoxLayout;
    m_grace = new QSpinBox(this);
    m_grace->setObjectName(QStringLiteral("graceValue"));
    m_grace->setRange(0, 72 * 60);
    m_unit = new QComboBox(this);
    m_unit->setObjectName(QStringLiteral("graceUnit"));
    m_unit->addItem(tr("seconds"), 1);
    m_unit->addItem(tr("minutes"), 60);
    m_unit->addItem(tr("hours"), 3600);
    m_unit->setCurrentIndex(1);
    graceRow->addWidget(m_grace);
    graceRow->addWidget(m_unit);
    graceRow->addStretch(1);
    // addRow(QString, QLayout *) would show the "&" literally: a layout cannot be a buddy.
    auto *graceLabel = new QLabel(tr("&Grace period:"), this);
    graceLabel->setBuddy(m_grace);
    form->addRow(graceLabel, graceRow);

    m_sessions = new QPlainTextEdit(this);
    m_sessions->setObjectName(QStringLiteral("sessionIds"));
    m_sessions->setPlaceholderText(tr("Optional: session ids, one per line (empty = all sessions)"));
    m_sessions->setTabChangesFocus(true);
    m_sessions->setMaximumHeight(100);
    form->addRow(tr("&Sessions:"), m_sessions);

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("errorLabel"));
    m_error->setWordWrap(true);
    StatusColors::apply(m_error, StatusColors::Role::Error);
    layout->addWidget(m_error);

    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("summaryLabel"));
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::PlainText);
    layout->addWidget(m_summary);

    // Every token of the application stops working: the id has to be typed, not just picked.
    m_confirmation = new TypedConfirmation(this);
    layout->addWidget(m_confirmation);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_expire = m_buttons->addButton(tr("Expire All Tokens"), QDialogButtonBox::DestructiveRole);
    m_expire->setObjectName(QStringLiteral("expireButton"));
    DestructiveButton::style(m_expire, QStringLiteral("expire-all"));
    // Cancel is what Enter presses: expiring takes a click on the button.
    QPushButton *cancel = m_buttons->button(QDialogButtonBox::Cancel);
    cancel->setDefault(true);
    layout->addWidget(m_buttons);
    connect(m_expire, &QPushButton::clicked, this, [this] {
        if (canExpire())
            accept();
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_confirmation, &TypedConfirmation::confirmedChanged, this, &ExpireAllDialog::refresh);

    connect(m_app, &QComboBox::currentTextChanged, this, &ExpireAllDialog::refresh);
    connect(m_grace, &QSpinBox::valueChanged, this, &ExpireAllDialog::refresh);
    connect(m_unit, &QComboBox::currentIndexChanged, this, &ExpireAllDialog::refresh);
    connect(m_sessions, &QPlainTextEdit::textChanged, this, &ExpireAllDialog::refresh);
    refresh();
}

ExpireAllDialog::~ExpireAllDialog() = default;

qint64 ExpireAllDialog::graceSeconds() const
{
    return qint64(m_grace->value()) * m_unit->currentData().toLongLong();
}

QStringList ExpireAllDialog::sessionLines() const
{
    QStringList out;
    const QStringList lines = m_sessions->toPlainText().split(QLatin1Char('\n'));
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
    r.appId = m_app->currentText().trimmed();
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
    return isValid() && m_confirmation->isConfirmed();
}

QPushButton *ExpireAllDialog::expireButton() const
{
    return m_expire;
}

TypedConfirmation *ExpireAllDialog::confirmation() const
{
    return m_confirmation;
}

void ExpireAllDialog::refresh()
{
    const QString error = validationError();
    m_error->setText(error);
    m_error->setVisible(!error.isEmpty());
    m_summary->setText(error.isEmpty() ? summary() : QString());
    const ExpireAllRequest r = request();
    m_confirmation->setExpected(r.appId, tr("the application id"));
    m_confirmation->setVisible(error.isEmpty());
    m_expire->setText(r.sessionIds.isEmpty() ? tr("Expire All Tokens")
                                             : tr("Expire Tokens of %n Session(s)", nullptr, int(r.sessionIds.size())));
    m_expire->setEnabled(canExpire());
}
