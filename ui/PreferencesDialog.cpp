#include "PreferencesDialog.h"
#include "ui_PreferencesDialog.h"

#include "StatusColors.h"

#include "core/Duration.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QLineEdit>
#include <QLoggingCategory>
#include <QPushButton>
#include <QRegularExpression>

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
    , m_ui(std::make_unique<Ui::PreferencesDialog>())
    , m_preferences(preferences)
{
    m_ui->setupUi(this);
    m_ui->timeDisplay->addItem(tr("Relative (in 3 days)"), int(Preferences::TimeDisplay::Relative));
    m_ui->timeDisplay->addItem(tr("Absolute (date and time)"), int(Preferences::TimeDisplay::Absolute));
    m_ui->timeZone->addItem(tr("Local time"), int(Preferences::TimeZone::Local));
    m_ui->timeZone->addItem(tr("UTC"), int(Preferences::TimeZone::Utc));
    StatusColors::apply(m_ui->errorLabel, StatusColors::Role::Error);
    m_ui->errorLabel->hide();

    connect(m_ui->buttons, &QDialogButtonBox::accepted, this, &PreferencesDialog::accept);
    connect(m_ui->buttons, &QDialogButtonBox::rejected, this, &PreferencesDialog::reject);
    connect(m_ui->buttons->button(QDialogButtonBox::RestoreDefaults), &QPushButton::clicked, this,
        [this] { setValues(Preferences::defaults()); });

    connect(m_ui->alertThresholds, &QLineEdit::textChanged, this, &PreferencesDialog::validate);
    // The time zone applies to absolute times only.
    connect(m_ui->timeDisplay, &QComboBox::currentIndexChanged, this, [this] {
        m_ui->timeZone->setEnabled(m_ui->timeDisplay->currentData().toInt() == int(Preferences::TimeDisplay::Absolute));
    });

    setValues(m_preferences ? m_preferences->values() : Preferences::defaults());
}

PreferencesDialog::~PreferencesDialog() = default;

void PreferencesDialog::setValues(const Preferences::Values &values)
{
    m_ui->clipboardSeconds->setValue(values.clipboardClearSeconds);
    m_ui->alertThresholds->setText(formatThresholds(values.alertThresholdsSeconds));
    m_ui->alertOnExpiry->setChecked(values.alertOnExpiry);
    m_ui->notificationsEnabled->setChecked(values.notificationsEnabled);
    m_ui->refreshMinutes->setValue(values.refreshIntervalMinutes);
    m_ui->timeDisplay->setCurrentIndex(m_ui->timeDisplay->findData(int(values.timeDisplay)));
    m_ui->timeZone->setCurrentIndex(m_ui->timeZone->findData(int(values.timeZone)));
    m_ui->timeZone->setEnabled(values.timeDisplay == Preferences::TimeDisplay::Absolute);
    m_ui->startMinimizedToTray->setChecked(values.startMinimizedToTray);
    m_ui->closeToTray->setChecked(values.closeToTray);
    validate();
}

PreferencesDialog *PreferencesDialog::openFor(Preferences *preferences, QWidget *parent)
{
    if (auto *open = parent->findChild<PreferencesDialog *>(); open && open->isVisible()) {
        open->raise();
        open->activateWindow();
        return open;
    }
    auto *dialog = new PreferencesDialog(preferences, parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
    return dialog;
}

std::optional<Preferences::Values> PreferencesDialog::values(QString *error) const
{
    Preferences::Values v;
    v.clipboardClearSeconds = m_ui->clipboardSeconds->value();
    QString thresholdError;
    const std::optional<QList<qint64>> thresholds = parseThresholds(m_ui->alertThresholds->text(), &thresholdError);
    if (!thresholds) {
        if (error)
            *error = thresholdError;
        return std::nullopt;
    }
    v.alertThresholdsSeconds = *thresholds;
    v.alertOnExpiry = m_ui->alertOnExpiry->isChecked();
    v.notificationsEnabled = m_ui->notificationsEnabled->isChecked();
    v.refreshIntervalMinutes = m_ui->refreshMinutes->value();
    v.timeDisplay = Preferences::TimeDisplay(m_ui->timeDisplay->currentData().toInt());
    v.timeZone = Preferences::TimeZone(m_ui->timeZone->currentData().toInt());
    v.startMinimizedToTray = m_ui->startMinimizedToTray->isChecked();
    v.closeToTray = m_ui->closeToTray->isChecked();
    return v;
}

QString PreferencesDialog::errorText() const
{
    return m_ui->errorLabel->isHidden() ? QString() : m_ui->errorLabel->text();
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
    m_ui->errorLabel->setText(message);
    m_ui->errorLabel->setVisible(!message.isEmpty());
}

void PreferencesDialog::accept()
{
    QString error;
    const std::optional<Preferences::Values> v = values(&error);
    if (!v) {
        showError(error);
        m_ui->alertThresholds->setFocus(Qt::OtherFocusReason);
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
