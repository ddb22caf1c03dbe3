#include "FieldForm.h"
#include "StatusColors.h"

#include "core/Duration.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QUrl>
#include <QVBoxLayout>

#include <algorithm>

namespace {

// A Duration preset item's kind (Qt::UserRole) and seconds (SecondsRole).
const QString PresetItem = QStringLiteral("preset");
const QString NeverItem = QStringLiteral("never");
const QString CustomItem = QStringLiteral("custom");
constexpr int SecondsRole = Qt::UserRole + 1;

constexpr qint64 Hour = 3600;
constexpr qint64 Day = 24 * Hour;
// Beyond this a lifetime draws a warning: a leaked token that lives longer than a year is a long exposure.
constexpr qint64 WarnAboveSeconds = Duration::DaysPerYear * Day;
constexpr qint64 StandardPresets[] = {Hour, Day, 7 * Day, 30 * Day, 90 * Day};

QDateTime localNow()
{
    return QDateTime::currentDateTime();
}

QString expiresOn(qint64 seconds)
{
    const QDateTime at = localNow().addSecs(seconds);
    const QLocale locale;
    return FieldForm::tr("Expires on %1 at %2")
        .arg(locale.toString(at.date(), QLocale::LongFormat), locale.toString(at.time(), QLocale::ShortFormat));
}

QStringList textLines(const QString &text)
{
    QStringList out;
    const QStringList lines = text.split(QLatin1Char('\n'));
    for (const QString &line : lines) {
        const QString t = line.trimmed();
        if (!t.isEmpty())
            out << t;
    }
    return out;
}

bool isEmptyValue(const QVariant &v)
{
    if (!v.isValid())
        return true;
    if (v.typeId() == QMetaType::QStringList)
        return v.toStringList().isEmpty();
    if (v.typeId() == QMetaType::QString)
        return v.toString().isEmpty();
    return false;
}

} // namespace

FieldForm::FieldForm(QWidget *parent)
    : QWidget(parent)
    , m_layout(new QFormLayout(this))
{
    m_layout->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
}

FieldForm::FieldForm(const QList<FieldSpec> &fields, QWidget *parent)
    : FieldForm(parent)
{
    setFields(fields);
}

FieldForm::~FieldForm() = default;

void FieldForm::clearRows()
{
    while (m_layout->rowCount() > 0)
        m_layout->removeRow(0);
    m_rows.clear();
}

void FieldForm::setFields(const QList<FieldSpec> &fields)
{
    clearRows();
    m_showAll = false;
    for (const FieldSpec &spec : fields)
        addRow(spec);
    refreshMessages();
    emit changed();
}

QList<FieldSpec> FieldForm::fields() const
{
    QList<FieldSpec> out;
    for (const Row &row : m_rows)
        out << row.spec;
    return out;
}

bool FieldForm::hasField(const QString &key) const
{
    return indexOf(key) >= 0;
}

int FieldForm::indexOf(const QString &key) const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows[i].spec.key == key)
            return i;
    }
    return -1;
}

void FieldForm::addRow(const FieldSpec &spec)
{
    const int index = int(m_rows.size());
    Row row;
    row.spec = spec;
    auto *container = new QWidget(this);
    auto *box = new QVBoxLayout(container);
    box->setContentsMargins(0, 0, 0, 0);
    box->setSpacing(2);
    const QString name = QStringLiteral("field_") + spec.key;
    auto edited = [this, index] { onEdited(index); };

    switch (spec.type) {
    case FieldSpec::Type::Text:
    case FieldSpec::Type::Secret:
    case FieldSpec::Type::Url:
    case FieldSpec::Type::Email:
    case FieldSpec::Type::Integer: {
        auto *edit = new QLineEdit(container);
        if (spec.type == FieldSpec::Type::Secret) {
            edit->setEchoMode(QLineEdit::Password);
            edit->setInputMethodHints(Qt::ImhSensitiveData | Qt::ImhNoPredictiveText | Qt::ImhNoAutoUppercase);
        } else if (spec.type == FieldSpec::Type::Email) {
            edit->setInputMethodHints(Qt::ImhEmailCharactersOnly);
        } else if (spec.type == FieldSpec::Type::Url) {
            edit->setInputMethodHints(Qt::ImhUrlCharactersOnly);
        } else if (spec.type == FieldSpec::Type::Integer) {
            edit->setInputMethodHints(Qt::ImhFormattedNumbersOnly);
        }
        if (spec.maxLength > 0)
            edit->setMaxLength(spec.maxLength);
        edit->setPlaceholderText(spec.placeholder);
        connect(edit, &QLineEdit::textEdited, this, edited);
        row.editor = edit;
        break;
    }
    case FieldSpec::Type::Duration:
        row.editor = addDurationEditor(row, container, index);
        break;
    case FieldSpec::Type::Boolean: {
        auto *check = new QCheckBox(container);
        connect(check, &QCheckBox::toggled, this, edited);
        row.editor = check;
        break;
    }
    case FieldSpec::Type::Choice: {
        auto *combo = new QComboBox(container);
        if (!spec.required)
            combo->addItem(QString());
        combo->addItems(spec.choices);
        connect(combo, &QComboBox::currentIndexChanged, this, edited);
        row.editor = combo;
        break;
    }
    case FieldSpec::Type::MultiChoice: {
        auto *list = new QListWidget(container);
        for (const QString &choice : spec.choices) {
            auto *item = new QListWidgetItem(choice, list);
            item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
            item->setCheckState(Qt::Unchecked);
        }
        list->setMaximumHeight(qMax(60, int(spec.choices.size()) * 22 + 8));
        connect(list, &QListWidget::itemChanged, this, edited);
        row.editor = list;
        break;
    }
    case FieldSpec::Type::TextList: {
        auto *edit = new QPlainTextEdit(container);
        edit->setPlaceholderText(spec.placeholder.isEmpty() ? tr("One per line") : spec.placeholder);
        edit->setTabChangesFocus(true);
        edit->setMaximumHeight(90);
        connect(edit, &QPlainTextEdit::textChanged, this, edited);
        row.editor = edit;
        break;
    }
    }

    row.editor->setObjectName(name);
    row.editor->setToolTip(spec.toolTip);
    row.editor->setAccessibleName(spec.label);
    box->addWidget(row.editor);

    row.error = new QLabel(container);
    row.error->setObjectName(QStringLiteral("error_") + spec.key);
    row.error->setWordWrap(true);
    StatusColors::apply(row.error, StatusColors::Role::Error);
    row.error->setVisible(false);
    box->addWidget(row.error);
    if (spec.type == FieldSpec::Type::Duration) {
        for (QLabel *line : {row.durationHint, row.durationExpires, row.durationWarning})
            box->addWidget(line);
    }

    auto *label = new QLabel(spec.required ? tr("%1 *").arg(spec.label) : spec.label, this);
    label->setBuddy(row.editor);
    m_layout->addRow(label, container);

    m_rows.append(row);
    if (spec.defaultValue.isValid())
        applyDefault(m_rows.last(), spec.defaultValue);
}

void FieldForm::applyDefault(Row &row, const QVariant &value)
{
    const QSignalBlocker blocker(row.editor);
    switch (row.spec.type) {
    case FieldSpec::Type::Text:
    case FieldSpec::Type::Secret:
    case FieldSpec::Type::Url:
    case FieldSpec::Type::Email:
    case FieldSpec::Type::Integer:
        static_cast<QLineEdit *>(row.editor)->setText(value.toString());
        break;
    case FieldSpec::Type::Duration: {
        const QSignalBlocker b1(row.durationPreset);
        const QSignalBlocker b2(row.durationText);
        const QSignalBlocker b3(row.durationDate);
        const QString text =
            value.typeId() == QMetaType::QString ? value.toString().trimmed() : Duration::toText(value.toLongLong());
        const std::optional<double> seconds = Duration::parseSeconds(text);
        int item = -1;
        for (int i = 0; i < row.durationPreset->count() && item < 0; ++i) {
            const QString kind = row.durationPreset->itemData(i).toString();
            if (kind == NeverItem && text.isEmpty())
                item = i;
            else if (kind == PresetItem && seconds
                && row.durationPreset->itemData(i, SecondsRole).toLongLong() == qRound64(*seconds))
                item = i;
        }
        if (item >= 0) {
            row.durationPreset->setCurrentIndex(item);
            showCustomDuration(row, false);
        } else {
            row.durationPreset->setCurrentIndex(row.durationPreset->count() - 1);
            row.durationText->setText(text);
            if (seconds)
                row.durationDate->setDateTime(localNow().addSecs(qRound64(*seconds)));
            showCustomDuration(row, true);
        }
        break;
    }
    case FieldSpec::Type::Boolean:
        static_cast<QCheckBox *>(row.editor)->setChecked(value.toBool());
        break;
    case FieldSpec::Type::Choice: {
        auto *combo = static_cast<QComboBox *>(row.editor);
        const int i = combo->findText(value.toString());
        if (i >= 0)
            combo->setCurrentIndex(i);
        break;
    }
    case FieldSpec::Type::MultiChoice: {
        auto *list = static_cast<QListWidget *>(row.editor);
        const QStringList wanted = value.toStringList();
        for (int i = 0; i < list->count(); ++i)
            list->item(i)->setCheckState(wanted.contains(list->item(i)->text()) ? Qt::Checked : Qt::Unchecked);
        break;
    }
    case FieldSpec::Type::TextList:
        static_cast<QPlainTextEdit *>(row.editor)->setPlainText(value.toStringList().join(QLatin1Char('\n')));
        break;
    }
}

void FieldForm::setValue(const QString &key, const QVariant &value)
{
    const int i = indexOf(key);
    if (i < 0)
        return;
    applyDefault(m_rows[i], value);
    onEdited(i);
}

QVariant FieldForm::rowValue(const Row &row) const
{
    switch (row.spec.type) {
    case FieldSpec::Type::Text:
    case FieldSpec::Type::Url:
    case FieldSpec::Type::Email:
        return static_cast<QLineEdit *>(row.editor)->text().trimmed();
    case FieldSpec::Type::Secret:
        return static_cast<QLineEdit *>(row.editor)->text(); // secrets are taken as typed
    case FieldSpec::Type::Integer: {
        const QString text = static_cast<QLineEdit *>(row.editor)->text().trimmed();
        bool ok = false;
        const qlonglong v = text.toLongLong(&ok);
        return ok ? QVariant(v) : QVariant(text);
    }
    case FieldSpec::Type::Duration: {
        const QString kind = row.durationPreset->currentData().toString();
        if (kind == CustomItem)
            return row.durationText->text().trimmed();
        if (kind == NeverItem)
            return QString();
        return Duration::toText(row.durationPreset->currentData(SecondsRole).toLongLong());
    }
    case FieldSpec::Type::Boolean:
        return static_cast<QCheckBox *>(row.editor)->isChecked();
    case FieldSpec::Type::Choice:
        return static_cast<QComboBox *>(row.editor)->currentText();
    case FieldSpec::Type::MultiChoice: {
        auto *list = static_cast<QListWidget *>(row.editor);
        QStringList out;
        for (int i = 0; i < list->count(); ++i) {
            if (list->item(i)->checkState() == Qt::Checked)
                out << list->item(i)->text();
        }
        return out;
    }
    case FieldSpec::Type::TextList:
        return textLines(static_cast<QPlainTextEdit *>(row.editor)->toPlainText());
    }
    return {};
}

QVariantMap FieldForm::values() const
{
    QVariantMap out;
    for (const Row &row : m_rows) {
        const QVariant v = rowValue(row);
        if (row.spec.type == FieldSpec::Type::Boolean || !isEmptyValue(v))
            out.insert(row.spec.key, v);
    }
    return out;
}

QString FieldForm::localError(const Row &row) const
{
    const FieldSpec &spec = row.spec;
    const QVariant v = rowValue(row);
    if (isEmptyValue(v)) {
        if (spec.required && spec.type != FieldSpec::Type::Boolean)
            return tr("%1 is required.").arg(spec.label);
        return {};
    }
    switch (spec.type) {
    case FieldSpec::Type::Text:
    case FieldSpec::Type::Secret:
        if (spec.maxLength > 0 && v.toString().size() > spec.maxLength)
            return tr("At most %n character(s).", nullptr, spec.maxLength);
        break;
    case FieldSpec::Type::Email: {
        static const QRegularExpression email(QStringLiteral("^[^@\\s]+@[^@\\s]+\\.[^@\\s.]+$"));
        if (!email.match(v.toString()).hasMatch())
            return tr("Enter an email address like name@example.com.");
        break;
    }
    case FieldSpec::Type::Url: {
        const QUrl url(v.toString(), QUrl::StrictMode);
        if (!url.isValid() || url.host().isEmpty()
            || (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http")))
            return tr("Enter a full address starting with https://.");
        break;
    }
    case FieldSpec::Type::Integer: {
        bool ok = false;
        const qlonglong n = v.toString().toLongLong(&ok);
        if (!ok)
            return tr("Enter a whole number.");
        if (spec.minimum != 0 && n < spec.minimum)
            return tr("Must be at least %1.").arg(spec.minimum);
        if (spec.maximum != 0 && n > spec.maximum)
            return tr("Must be at most %1.").arg(spec.maximum);
        break;
    }
    case FieldSpec::Type::Duration: {
        QString error;
        const std::optional<double> seconds = Duration::parseSeconds(v.toString(), &error);
        if (!seconds)
            return error.isEmpty() ? tr("Enter a duration like \"6 hours\" or \"1h30m\".") : error;
        if (spec.minimum > 0 && *seconds < double(spec.minimum))
            return tr("Must be at least %1.").arg(Duration::format(spec.minimum));
        if (spec.maximum > 0 && *seconds > double(spec.maximum))
            return tr("Must be at most %1.").arg(Duration::format(spec.maximum));
        break;
    }
    case FieldSpec::Type::Choice:
        if (!spec.choices.isEmpty() && !spec.choices.contains(v.toString()))
            return tr("Choose one of the listed values.");
        break;
    case FieldSpec::Type::Boolean:
    case FieldSpec::Type::MultiChoice:
    case FieldSpec::Type::TextList:
        break;
    }
    return {};
}

QList<FieldError> FieldForm::validate() const
{
    QList<FieldError> out;
    for (const Row &row : m_rows) {
        const QString e = localError(row);
        if (!e.isEmpty())
            out.append({row.spec.key, e});
    }
    return out;
}

bool FieldForm::isValid() const
{
    for (const Row &row : m_rows) {
        if (!row.computedError.isEmpty() || !row.serverError.isEmpty() || !localError(row).isEmpty())
            return false;
    }
    return true;
}

void FieldForm::setComputedErrors(const QList<FieldError> &errors)
{
    for (Row &row : m_rows) {
        QStringList messages;
        for (const FieldError &e : errors) {
            if (e.field == row.spec.key && !messages.contains(e.message))
                messages << e.message;
        }
        row.computedError = messages.join(QLatin1Char(' '));
    }
    refreshMessages();
}

QList<FieldError> FieldForm::setFieldErrors(const QList<FieldError> &errors)
{
    QList<FieldError> unmatched;
    for (Row &row : m_rows)
        row.serverError.clear();
    for (const FieldError &e : errors) {
        const int i = indexOf(e.field);
        if (i < 0) {
            unmatched << e;
            continue;
        }
        Row &row = m_rows[i];
        row.serverError =
            row.serverError.isEmpty() ? e.message : QString(row.serverError + QLatin1Char(' ') + e.message);
    }
    refreshMessages();
    emit changed();
    return unmatched;
}

void FieldForm::clearFieldErrors()
{
    for (Row &row : m_rows)
        row.serverError.clear();
    refreshMessages();
}

void FieldForm::showAllErrors()
{
    m_showAll = true;
    refreshMessages();
}

QString FieldForm::shownError(const Row &row) const
{
    // Untouched empty fields stay quiet ("required" would greet the user); filled ones (defaults) are checked.
    if (row.touched || m_showAll || !isEmptyValue(rowValue(row))) {
        const QString local = localError(row);
        if (!local.isEmpty())
            return local;
        if (!row.computedError.isEmpty())
            return row.computedError;
    }
    return row.serverError;
}

QString FieldForm::errorText(const QString &key) const
{
    const int i = indexOf(key);
    return i < 0 ? QString() : shownError(m_rows[i]);
}

QWidget *FieldForm::editor(const QString &key) const
{
    const int i = indexOf(key);
    return i < 0 ? nullptr : m_rows[i].editor;
}

void FieldForm::setReadOnly(bool readOnly)
{
    for (const Row &row : m_rows)
        row.editor->setEnabled(!readOnly);
}

void FieldForm::focusFirstField()
{
    if (m_rows.isEmpty())
        return;
    const Row &first = m_rows.constFirst();
    (first.durationPreset ? static_cast<QWidget *>(first.durationPreset) : first.editor)->setFocus();
}

void FieldForm::onEdited(int rowIndex)
{
    if (rowIndex < 0 || rowIndex >= m_rows.size())
        return;
    Row &row = m_rows[rowIndex];
    row.touched = true;
    row.serverError.clear();
    refreshMessages();
    emit changed();
}

void FieldForm::refreshMessages()
{
    for (const Row &row : m_rows) {
        const QString text = shownError(row);
        row.error->setText(text);
        row.error->setVisible(!text.isEmpty());
        if (row.spec.type == FieldSpec::Type::Duration)
            refreshDuration(row);
    }
}

QWidget *FieldForm::addDurationEditor(Row &row, QWidget *container, int rowIndex)
{
    const FieldSpec &spec = row.spec;
    const QString name = QStringLiteral("field_") + spec.key;
    auto *editor = new QWidget(container);
    auto *h = new QHBoxLayout(editor);
    h->setContentsMargins(0, 0, 0, 0);

    auto *preset = new QComboBox(editor);
    preset->setObjectName(name + QStringLiteral("_preset"));
    preset->setAccessibleName(spec.label);
    // The standard presets within the field's bounds, and the field's own default even when it is none of them
    // (or out of bounds: then its message says so at once).
    QList<qint64> presets;
    for (const qint64 seconds : StandardPresets) {
        if ((spec.minimum <= 0 || seconds >= spec.minimum) && (spec.maximum <= 0 || seconds <= spec.maximum))
            presets.append(seconds);
    }
    if (spec.defaultValue.isValid()) {
        const std::optional<double> d = spec.defaultValue.typeId() == QMetaType::QString
            ? Duration::parseSeconds(spec.defaultValue.toString())
            : std::optional<double>(spec.defaultValue.toDouble());
        if (d && *d > 0 && !presets.contains(qRound64(*d)))
            presets.append(qRound64(*d));
    }
    std::sort(presets.begin(), presets.end());
    for (const qint64 seconds : std::as_const(presets)) {
        preset->addItem(Duration::format(seconds, 4), PresetItem);
        preset->setItemData(preset->count() - 1, seconds, SecondsRole);
    }
    if (!spec.required)
        preset->addItem(tr("No expiry"), NeverItem);
    preset->addItem(tr("Custom…"), CustomItem);
    // Without a default: one day where allowed, else the first preset.
    const int day = preset->findData(Day, SecondsRole);
    preset->setCurrentIndex(day >= 0 ? day : 0);

    auto *text = new QLineEdit(editor);
    text->setObjectName(name + QStringLiteral("_text"));
    text->setAccessibleName(tr("%1 as text").arg(spec.label));
    text->setPlaceholderText(
        spec.placeholder.isEmpty() ? tr("e.g. 1h30m, 2 days, 3 months") : tr("e.g. %1").arg(spec.placeholder));
    auto *date = new QDateTimeEdit(localNow().addDays(1), editor);
    date->setObjectName(name + QStringLiteral("_date"));
    date->setAccessibleName(tr("%1 until a date and time").arg(spec.label));
    date->setToolTip(tr("The token expires at this local date and time."));
    date->setCalendarPopup(true);
    date->setMinimumDateTime(localNow());
    h->addWidget(preset);
    h->addWidget(text, 1);
    h->addWidget(date);

    const auto line = [container](const QString &objectName, StatusColors::Role role) {
        auto *label = new QLabel(container);
        label->setObjectName(objectName);
        label->setWordWrap(true);
        label->setTextFormat(Qt::PlainText);
        StatusColors::apply(label, role);
        label->setVisible(false);
        return label;
    };
    row.durationHint = line(QStringLiteral("hint_") + spec.key, StatusColors::Role::Subtle);
    row.durationHint->setText(
        tr("Type a lifetime or pick a date. A month counts as %n days, ", nullptr, int(Duration::DaysPerMonth))
        + tr("a year as %n days.", nullptr, int(Duration::DaysPerYear)));
    row.durationExpires = new QLabel(container);
    row.durationExpires->setObjectName(QStringLiteral("expires_") + spec.key);
    row.durationExpires->setWordWrap(true);
    row.durationExpires->setTextFormat(Qt::PlainText);
    row.durationExpires->setVisible(false);
    row.durationWarning = line(QStringLiteral("warning_") + spec.key, StatusColors::Role::Warning);

    row.durationPreset = preset;
    row.durationText = text;
    row.durationDate = date;
    showCustomDuration(row, false);

    connect(text, &QLineEdit::textEdited, this, [this, rowIndex, text] {
        Row &r = m_rows[rowIndex];
        if (const std::optional<double> seconds = Duration::parseSeconds(text->text()); seconds && *seconds > 0) {
            const QSignalBlocker blocker(r.durationDate);
            r.durationDate->setDateTime(localNow().addSecs(qRound64(*seconds)));
        }
        onEdited(rowIndex);
    });
    connect(date, &QDateTimeEdit::dateTimeChanged, this, [this, rowIndex] { durationDatePicked(rowIndex); });
    connect(preset, &QComboBox::currentIndexChanged, this, [this, rowIndex] {
        Row &r = m_rows[rowIndex];
        const bool custom = r.durationPreset->currentData().toString() == CustomItem;
        showCustomDuration(r, custom);
        if (!custom) {
            onEdited(rowIndex);
            return;
        }
        // Choosing "Custom…" is not an edit: nothing was typed yet, so nothing is wrong yet.
        r.durationText->setFocus();
        r.serverError.clear();
        refreshMessages();
        emit changed();
    });
    return editor;
}

void FieldForm::showCustomDuration(Row &row, bool custom)
{
    row.durationText->setVisible(custom);
    row.durationDate->setVisible(custom);
    row.durationHint->setVisible(custom);
}

void FieldForm::durationDatePicked(int rowIndex)
{
    Row &row = m_rows[rowIndex];
    // Whole minutes from now: the picker shows no seconds.
    const qint64 seconds = localNow().secsTo(row.durationDate->dateTime());
    const qint64 minutes = (seconds + 30) / 60;
    {
        const QSignalBlocker blocker(row.durationText);
        row.durationText->setText(Duration::toText(qMax<qint64>(minutes, 1) * 60));
    }
    onEdited(rowIndex);
}

void FieldForm::refreshDuration(const Row &row)
{
    const QString expires = expiresText(row.spec.key);
    row.durationExpires->setText(expires);
    row.durationExpires->setVisible(!expires.isEmpty());
    const QString warning = warningText(row.spec.key);
    row.durationWarning->setText(warning);
    row.durationWarning->setVisible(!warning.isEmpty());
}

QString FieldForm::expiresText(const QString &key) const
{
    const int i = indexOf(key);
    if (i < 0 || m_rows[i].spec.type != FieldSpec::Type::Duration)
        return {};
    const Row &row = m_rows[i];
    if (row.durationPreset->currentData().toString() == NeverItem)
        return tr("The token does not expire.");
    const std::optional<double> seconds = Duration::parseSeconds(rowValue(row).toString());
    if (!seconds || *seconds <= 0 || !localError(row).isEmpty())
        return {};
    return expiresOn(qRound64(*seconds));
}

QString FieldForm::warningText(const QString &key) const
{
    const int i = indexOf(key);
    if (i < 0 || m_rows[i].spec.type != FieldSpec::Type::Duration)
        return {};
    const Row &row = m_rows[i];
    const std::optional<double> seconds = Duration::parseSeconds(rowValue(row).toString());
    if (!seconds || *seconds <= double(WarnAboveSeconds) || !localError(row).isEmpty())
        return {};
    return tr("Longer than a year: if this token leaks, it stays usable that long. A shorter lifetime is safer.");
}
