#include "PreferencesDialog.h"
#include "StatusColors.h"

#include "core/Duration.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QLoggingCategory>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>
#include <array>
#include <cmath>
#include <utility>

Q_LOGGING_CATEGORY(lcPreferencesDialog, "tokendesk.ui.preferences")

namespace {

constexpr qint64 kThresholdMin = 60;
constexpr qint64 kThresholdMax = 90LL * 24 * 3600;
constexpr int kMaxThresholds = 8;

} // namespace

PreferencesDialog::PreferencesDialog(Preferences *preferences, QWidget *parent)
    : QDialog(parent)
    , m_preferences(preferences)
{
    setObjectName(QStringLiteral("PreferencesDialog"));
    setWindowTitle(tr("Preferences"));
    setAccessibleName(tr("Preferences"));

    // Clipboard.
    auto *clipboardBox = new QGroupBox(tr("Clipboard"));
    auto *clipboardForm = new QFormLayout(clipboardBox);
    m_clipboardSeconds = new QSpinBox;
    m_clipboardSeconds->setObjectName(QStringLiteral("clipboardSeconds"));
    m_clipboardSeconds->setRange(5, 600);
    m_clipboardSeconds->setSuffix(tr(" s"));
    m_clipboardSeconds->setAccessibleName(tr("Clear the clipboard after (seconds)"));
    m_clipboardSeconds->setAccessibleDescription(
        tr("A copied secret is removed from the clipboard after this many seconds (5 to 600)."));
    clipboardForm->addRow(tr("&Clear copied secrets after:"), m_clipboardSeconds);

    // Expiry alerts.
    auto *alertsBox = new QGroupBox(tr("Expiry alerts"));
    auto *alertsForm = new QFormLayout(alertsBox);
    m_thresholds = new QLineEdit;
    m_thresholds->setObjectName(QStringLiteral("alertThresholds"));
    m_thresholds->setPlaceholderText(tr("e.g. 7 days, 24 hours"));
    m_thresholds->setAccessibleName(tr("Alert thresholds"));
    m_thresholds->setAccessibleDescription(tr("Durations separated by commas: an alert is raised when a token's "
                                              "remaining life drops below each of them (1 minute to 90 days)."));
    m_thresholds->setToolTip(m_thresholds->accessibleDescription());
    alertsForm->addRow(tr("Alert &thresholds:"), m_thresholds);
    m_alertOnExpiry = new QCheckBox(tr("Alert when a token &expires"));
    m_alertOnExpiry->setObjectName(QStringLiteral("alertOnExpiry"));
    m_alertOnExpiry->setAccessibleName(tr("Alert when a token expires"));
    alertsForm->addRow(m_alertOnExpiry);
    m_notifications = new QCheckBox(tr("Show desktop &notifications"));
    m_notifications->setObjectName(QStringLiteral("notificationsEnabled"));
    m_notifications->setAccessibleName(tr("Show desktop notifications"));
    alertsForm->addRow(m_notifications);

    // Display and refresh.
    auto *displayBox = new QGroupBox(tr("Display"));
    auto *displayForm = new QFormLayout(displayBox);
    m_refreshMinutes = new QSpinBox;
    m_refreshMinutes->setObjectName(QStringLiteral("refreshMinutes"));
    m_refreshMinutes->setRange(0, 1440);
    m_refreshMinutes->setSuffix(tr(" min"));
    m_refreshMinutes->setSpecialValueText(tr("Off"));
    m_refreshMinutes->setAccessibleName(tr("Refresh interval in minutes"));
    m_refreshMinutes->setAccessibleDescription(tr("Refresh every account's tokens this often; 0 turns it off."));
    displayForm->addRow(tr("&Refresh every:"), m_refreshMinutes);
    m_timeDisplay = new QComboBox;
    m_timeDisplay->setObjectName(QStringLiteral("timeDisplay"));
    m_timeDisplay->addItem(tr("Relative (in 3 days)"), int(Preferences::TimeDisplay::Relative));
    m_timeDisplay->addItem(tr("Absolute (date and time)"), int(Preferences::TimeDisplay::Absolute));
    m_timeDisplay->setAccessibleName(tr("Time display"));
    displayForm->addRow(tr("Show &times as:"), m_timeDisplay);
    m_timeZone = new QComboBox;
    m_timeZone->setObjectName(QStringLiteral("timeZone"));
    m_timeZone->addItem(tr("Local time"), int(Preferences::TimeZone::Local));
    m_timeZone->addItem(tr("UTC"), int(Preferences::TimeZone::Utc));
    m_timeZone->setAccessibleName(tr("Time zone"));
    displayForm->addRow(tr("Time &zone:"), m_timeZone);
    m_startMinimized = new QCheckBox(tr("&Start minimised to the tray"));
    m_startMinimized->setObjectName(QStringLiteral("startMinimizedToTray"));
    m_startMinimized->setAccessibleName(tr("Start minimised to the tray"));
    displayForm->addRow(m_startMinimized);
    m_closeToTray = new QCheckBox(tr("&Keep running in the tray when the window is closed"));
    m_closeToTray->setObjectName(QStringLiteral("closeToTray"));
    m_closeToTray->setAccessibleName(tr("Keep running in the tray when the window is closed"));
    m_closeToTray->setAccessibleDescription(tr(
        "Closing the window hides it and expiry alerts keep coming; File → Quit or the tray's Quit ends TokenDesk."));
    m_closeToTray->setToolTip(m_closeToTray->accessibleDescription());
    displayForm->addRow(m_closeToTray);

    m_error = new QLabel;
    m_error->setObjectName(QStringLiteral("errorLabel"));
    m_error->setAccessibleName(tr("Error"));
    m_error->setWordWrap(true);
    m_error->setTextFormat(Qt::PlainText);
    StatusColors::apply(m_error, StatusColors::Role::Error);
    m_error->hide();

    m_buttons = new QDialogButtonBox(
        QDialogButtonBox::Ok | QDialogButtonBox::Cancel | QDialogButtonBox::RestoreDefaults, Qt::Horizontal);
    m_buttons->setObjectName(QStringLiteral("buttons"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &PreferencesDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &PreferencesDialog::reject);
    connect(m_buttons->button(QDialogButtonBox::RestoreDefaults), &QPushButton::clicked, this,
        [this] { setValues(Preferences::defaults()); });

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(clipboardBox);
    layout->addWidget(alertsBox);
    layout->addWidget(displayBox);
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);

    connect(m_thresholds, &QLineEdit::textChanged, this, &PreferencesDialog::validate);
    // The time zone applies to absolute times only.
    connect(m_timeDisplay, &QComboBox::currentIndexChanged, this, [this] {
        m_timeZone->setEnabled(m_timeDisplay->currentData().toInt() == int(Preferences::TimeDisplay::Absolute));
    });

    setValues(m_preferences ? m_preferences->values() : Preferences::defaults());
}

PreferencesDialog::~PreferencesDialog() = default;

void PreferencesDialog::setValues(const Preferences::Values &values)
{
    m_clipboardSeconds->setValue(values.clipboardClearSeconds);
    m_thresholds->setText(formatThresholds(values.alertThresholdsSeconds));
    m_alertOnExpiry->setChecked(values.alertOnExpiry);
    m_notifications->setChecked(values.notificationsEnabled);
    m_refreshMinutes->setValue(values.refreshIntervalMinutes);
    m_timeDisplay->setCurrentIndex(m_timeDisplay->findData(int(values.timeDisplay)));
    m_timeZone->setCurrentIndex(m_timeZone->findData(int(values.timeZone)));
    m_timeZone->setEnabled(values.timeDisplay == Preferences::TimeDisplay::Absolute);
    m_startMinimized->setChecked(values.startMinimizedToTray);
    m_closeToTray->setChecked(values.closeToTray);
    validate();
}

std::optional<Preferences::Values> PreferencesDialog::values(QString *error) const
{
    Preferences::Values v;
    v.clipboardClearSeconds = m_clipboardSeconds->value();
    QString thresholdError;
    const std::optional<QList<qint64>> thresholds = parseThresholds(m_thresholds->text(), &thresholdError);
    if (!thresholds) {
        if (error)
            *error = thresholdError;
        return std::nullopt;
    }
    v.alertThresholdsSeconds = *thresholds;
    v.alertOnExpiry = m_alertOnExpiry->isChecked();
    v.notificationsEnabled = m_notifications->isChecked();
    v.refreshIntervalMinutes = m_refreshMinutes->value();
    v.timeDisplay = Preferences::TimeDisplay(m_timeDisplay->currentData().toInt());
    v.timeZone = Preferences::TimeZone(m_timeZone->currentData().toInt());
    v.startMinimizedToTray = m_startMinimized->isChecked();
    v.closeToTray = m_closeToTray->isChecked();
    return v;
}

QString PreferencesDialog::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

std::optional<QList<qint64>> PreferencesDialog::parseThresholds(const QString &text, QString *error)
{
    QList<qint64> out;
    static const QRegularExpression separators(QStringLiteral("[,;]"));
    const QStringList parts = text.split(separators, Qt::SkipEmptyParts);
    for (const QString &raw : parts) {
        const QString part = raw.trimmed();
        if (part.isEmpty())
            continue;
        QString why;
        const std::optional<double> seconds = Duration::parseSeconds(part, &why);
        if (!seconds) {
            if (error)
                *error = tr("Alert thresholds: “%1” is not a duration. %2").arg(part, why);
            return std::nullopt;
        }
        const qint64 rounded = qint64(std::llround(*seconds));
        if (rounded < kThresholdMin || rounded > kThresholdMax) {
            if (error)
                *error = tr("Alert thresholds: “%1” is out of range; use 1 minute to 90 days.").arg(part);
            return std::nullopt;
        }
        if (!out.contains(rounded))
            out.append(rounded);
    }
    if (out.size() > kMaxThresholds) {
        if (error)
            *error = tr("Alert thresholds: at most %n durations.", nullptr, kMaxThresholds);
        return std::nullopt;
    }
    std::sort(out.begin(), out.end(), std::greater<>());
    return out;
}

QString PreferencesDialog::formatThresholds(const QList<qint64> &seconds)
{
    // The largest unit that divides exactly, in the English units the parser reads (whatever the UI language).
    static constexpr std::array<std::pair<qint64, const char *>, 4> units {
        {{24 * 3600, "day"}, {3600, "hour"}, {60, "minute"}, {1, "second"}}};
    QStringList parts;
    for (const qint64 s : seconds) {
        for (const auto &[size, unit] : units) {
            if (s % size == 0) {
                const qint64 n = s / size;
                parts.append(QStringLiteral("%1 %2%3").arg(n).arg(
                    QLatin1String(unit), n == 1 ? QString() : QStringLiteral("s")));
                break;
            }
        }
    }
    return parts.join(QStringLiteral(", "));
}

void PreferencesDialog::validate()
{
    QString error;
    values(&error);
    showError(error);
}

void PreferencesDialog::showError(const QString &message)
{
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
}

void PreferencesDialog::accept()
{
    QString error;
    const std::optional<Preferences::Values> v = values(&error);
    if (!v) {
        showError(error);
        m_thresholds->setFocus(Qt::OtherFocusReason);
        return;
    }
    if (m_preferences && !m_preferences->save(*v)) {
        qCWarning(lcPreferencesDialog) << "preferences not saved";
        showError(m_preferences->lastError());
        return;
    }
    showError(QString());
    QDialog::accept();
}
