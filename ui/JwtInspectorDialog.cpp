#include "JwtInspectorDialog.h"

#include "StatusColors.h"

#include "core/Clock.h"
#include "core/Duration.h"
#include "core/Jwt.h"
#include "core/UtcTime.h"
#include "providers/TokenProvider.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QTableWidget>
#include <QVBoxLayout>

namespace {

const char *const TimeClaims[] = {"exp", "iat", "nbf", "auth_time"};

bool isTimeClaim(const QString &name)
{
    for (const char *c : TimeClaims) {
        if (name == QLatin1String(c))
            return true;
    }
    return false;
}

// Claims that carry a lifetime in milliseconds (NetSapiens time_out).
bool isMillisecondClaim(const QString &name)
{
    return name == QLatin1String("time_out") || name.endsWith(QLatin1String("_ms"));
}

QString formatTime(const QDateTime &utc)
{
    return QLocale().toString(utc.toLocalTime(), QLocale::LongFormat);
}

QString describeValue(const QString &name, const QVariant &value)
{
    bool ok = false;
    const double number = value.toDouble(&ok);
    const bool numeric = ok && value.typeId() != QMetaType::QString && value.typeId() != QMetaType::Bool;
    if (numeric && isTimeClaim(name))
        return QStringLiteral("%1 (%2)").arg(formatTime(UtcTime::fromSecs(qint64(number)))).arg(qint64(number));
    if (numeric && isMillisecondClaim(name))
        return JwtInspectorDialog::tr("%1 (%2 ms)").arg(Duration::format(qint64(number / 1000.0))).arg(qint64(number));
    const QJsonValue json = QJsonValue::fromVariant(value);
    if (json.isObject())
        return QString::fromUtf8(QJsonDocument(json.toObject()).toJson(QJsonDocument::Compact));
    if (json.isArray())
        return QString::fromUtf8(QJsonDocument(json.toArray()).toJson(QJsonDocument::Compact));
    return value.toString();
}

void fillTable(QTableWidget *table, const QVariantMap &claims)
{
    table->setRowCount(0);
    table->setRowCount(int(claims.size()));
    int row = 0;
    for (auto it = claims.cbegin(); it != claims.cend(); ++it, ++row) {
        auto *name = new QTableWidgetItem(it.key());
        auto *value = new QTableWidgetItem(describeValue(it.key(), it.value()));
        name->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
        value->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
        table->setItem(row, 0, name);
        table->setItem(row, 1, value);
    }
}

QTableWidget *makeTable(QWidget *parent, const QString &objectName)
{
    auto *table = new QTableWidget(0, 2, parent);
    table->setObjectName(objectName);
    table->setHorizontalHeaderLabels({JwtInspectorDialog::tr("Claim"), JwtInspectorDialog::tr("Value")});
    table->horizontalHeader()->setStretchLastSection(true);
    table->verticalHeader()->setVisible(false);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    return table;
}

} // namespace

JwtInspectorDialog::JwtInspectorDialog(QWidget *parent)
    : QDialog(parent)
    , m_clock(Clock::system())
{
    setWindowTitle(tr("JWT inspector"));
    resize(640, 560);
    auto *layout = new QVBoxLayout(this);

    auto *inputRow = new QHBoxLayout;
    m_input = new QLineEdit(this);
    m_input->setObjectName(QStringLiteral("tokenInput"));
    m_input->setEchoMode(QLineEdit::Password);
    m_input->setPlaceholderText(tr("Paste a JWT (eyJ…)"));
    m_input->setMaxLength(int(Jwt::MaxInputBytes));
    m_input->setInputMethodHints(Qt::ImhSensitiveData | Qt::ImhNoPredictiveText);
    m_show = new QCheckBox(tr("Show"), this);
    m_show->setObjectName(QStringLiteral("showToken"));
    inputRow->addWidget(m_input, 1);
    inputRow->addWidget(m_show);
    layout->addLayout(inputRow);
    connect(m_show, &QCheckBox::toggled, this,
        [this](bool on) { m_input->setEchoMode(on ? QLineEdit::Normal : QLineEdit::Password); });
    connect(m_input, &QLineEdit::textChanged, this, &JwtInspectorDialog::decode);

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("errorLabel"));
    StatusColors::apply(m_error, StatusColors::Role::Error);
    m_error->setVisible(false);
    layout->addWidget(m_error);

    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("summaryLabel"));
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary->setWordWrap(true);
    layout->addWidget(m_summary);

    m_warningLabel = new QLabel(this);
    m_warningLabel->setObjectName(QStringLiteral("warningsLabel"));
    m_warningLabel->setTextFormat(Qt::PlainText);
    m_warningLabel->setWordWrap(true);
    StatusColors::apply(m_warningLabel, StatusColors::Role::Warning);
    m_warningLabel->setVisible(false);
    layout->addWidget(m_warningLabel);

    layout->addWidget(new QLabel(tr("Header:"), this));
    m_header = new QPlainTextEdit(this);
    m_header->setObjectName(QStringLiteral("headerText"));
    m_header->setReadOnly(true);
    m_header->setMaximumHeight(90);
    layout->addWidget(m_header);

    layout->addWidget(new QLabel(tr("Claims:"), this));
    m_claims = makeTable(this, QStringLiteral("claimsTable"));
    layout->addWidget(m_claims, 1);

    m_serverBox = new QGroupBox(tr("Server's view"), this);
    m_serverBox->setObjectName(QStringLiteral("serverView"));
    auto *serverLayout = new QVBoxLayout(m_serverBox);
    m_serverClaims = makeTable(m_serverBox, QStringLiteral("serverClaimsTable"));
    serverLayout->addWidget(m_serverClaims);
    m_serverBox->setVisible(false);
    layout->addWidget(m_serverBox, 1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    decode();
}

JwtInspectorDialog::~JwtInspectorDialog() = default;

void JwtInspectorDialog::setClock(const Clock *clock)
{
    m_clock = clock ? clock : Clock::system();
    decode();
}

void JwtInspectorDialog::setToken(const QString &token)
{
    m_input->setText(token);
}

void JwtInspectorDialog::decode()
{
    const QString text = m_input->text().trimmed();
    m_warnings.clear();
    if (text.isEmpty()) {
        m_error->setVisible(false);
        m_summary->clear();
        m_header->clear();
        m_claims->setRowCount(0);
        m_warningLabel->setVisible(false);
        return;
    }
    const Jwt jwt = Jwt::decode(text);
    if (!jwt.isValid()) {
        m_error->setText(tr("Not a readable JWT: %1").arg(jwt.error()));
        m_error->setVisible(true);
        m_summary->clear();
        m_header->clear();
        m_claims->setRowCount(0);
        m_warningLabel->setVisible(false);
        return;
    }
    m_error->setVisible(false);
    m_header->setPlainText(QString::fromUtf8(QJsonDocument(jwt.header()).toJson(QJsonDocument::Indented)));
    fillTable(m_claims, jwt.claims().toVariantMap());

    const QDateTime now = m_clock->now();
    QStringList lines;
    if (const auto exp = jwt.expiresAt()) {
        const qint64 left = now.secsTo(*exp);
        lines << (left > 0 ? tr("Expires: %1 (in %2)").arg(formatTime(*exp), Duration::format(left))
                           : tr("Expired: %1 (%2 ago)").arg(formatTime(*exp), Duration::format(-left)));
    } else {
        lines << tr("Expires: never (no exp claim)");
    }
    if (const auto iat = jwt.issuedAt())
        lines << tr("Issued at: %1").arg(formatTime(*iat));
    if (const auto nbf = jwt.notBefore())
        lines << tr("Not before: %1").arg(formatTime(*nbf));
    if (!jwt.id().isEmpty())
        lines << tr("JWT id (jti): %1").arg(jwt.id());
    if (!jwt.subject().isEmpty())
        lines << tr("Subject (sub): %1").arg(jwt.subject());
    if (!jwt.algorithm().isEmpty())
        lines << tr("Algorithm: %1 (signature not verified)").arg(jwt.algorithm());
    m_summary->setText(lines.join(QLatin1Char('\n')));

    m_warnings = jwt.warnings(now);
    m_warningLabel->setText(m_warnings.join(QLatin1Char('\n')));
    m_warningLabel->setVisible(!m_warnings.isEmpty());
}

void JwtInspectorDialog::setServerView(const TokenInspection &inspection)
{
    fillTable(m_serverClaims, inspection.claims);
    if (inspection.expires) {
        const int row = m_serverClaims->rowCount();
        m_serverClaims->insertRow(row);
        m_serverClaims->setItem(row, 0, new QTableWidgetItem(tr("Expires (server)")));
        m_serverClaims->setItem(row, 1, new QTableWidgetItem(formatTime(*inspection.expires)));
    }
    m_serverBox->setVisible(true);
}

QString JwtInspectorDialog::headerText() const
{
    return m_header->toPlainText();
}

QString JwtInspectorDialog::summaryText() const
{
    return m_summary->text();
}

QString JwtInspectorDialog::errorText() const
{
    return m_error->isVisibleTo(this) ? m_error->text() : QString();
}

QString JwtInspectorDialog::serverClaimText(const QString &claim) const
{
    for (int row = 0; row < m_serverClaims->rowCount(); ++row) {
        if (m_serverClaims->item(row, 0) && m_serverClaims->item(row, 0)->text() == claim)
            return m_serverClaims->item(row, 1) ? m_serverClaims->item(row, 1)->text() : QString();
    }
    return {};
}

void JwtInspectorDialog::done(int result)
{
    m_input->clear();
    QDialog::done(result);
}
