#include "FieldForm.h"
#include "StatusColors.h"

#include "core/Duration.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QSpinBox>
#include <QUrl>
#include <QVBoxLayout>

#include <iterator>

namespace {

const QString CustomUnit = QStringLiteral("custom");

struct UnitDef
{
    const char *singular; // wire text, never translated: the server reads it
    const char *plural;
    qint64 seconds;
};

constexpr UnitDef Units[] = {
    {"minute", "minutes", 60},
    {"hour", "hours", 3600},
    {"day", "days", 86400},
    {"week", "weeks", 7 * 86400},
};

QString unitLabel(int i)
{
    switch (i) {
    case 0:
        return FieldForm::tr("minutes");
    case 1:
        return FieldForm::tr("hours");
    case 2:
        return FieldForm::tr("days");
    default:
        return FieldForm::tr("weeks");
    }
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
    case FieldSpec::Type::Duration: {
        auto *editor = new QWidget(container);
        auto *h = new QHBoxLayout(editor);
        h->setContentsMargins(0, 0, 0, 0);
        auto *value = new QSpinBox(editor);
        value->setRange(1, 99999);
        value->setValue(1);
        value->setObjectName(name + QStringLiteral("_value"));
        value->setAccessibleName(spec.label);
        auto *unit = new QComboBox(editor);
        unit->setObjectName(name + QStringLiteral("_unit"));
        for (int i = 0; i < int(std::size(Units)); ++i)
            unit->addItem(unitLabel(i), QString::fromLatin1(Units[i].plural));
        unit->addItem(tr("Custom…"), CustomUnit);
        unit->setCurrentIndex(1);
        auto *text = new QLineEdit(editor);
        text->setObjectName(name + QStringLiteral("_text"));
        text->setPlaceholderText(spec.placeholder.isEmpty() ? tr("e.g. 1h30m, 2 days, 90 minutes") : spec.placeholder);
        text->setVisible(false);
        h->addWidget(value);
        h->addWidget(unit);
        h->addWidget(text, 1);
        connect(value, &QSpinBox::valueChanged, this, edited);
        connect(text, &QLineEdit::textEdited, this, edited);
        connect(unit, &QComboBox::currentIndexChanged, this, [this, index, value, unit, text] {
            const bool custom = unit->currentData().toString() == CustomUnit;
            value->setVisible(!custom);
            text->setVisible(custom);
            if (custom)
                text->setFocus();
            onEdited(index);
        });
        row.editor = editor;
        row.durationValue = value;
        row.durationUnit = unit;
        row.durationText = text;
        break;
    }
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
        const QSignalBlocker b1(row.durationValue);
        const QSignalBlocker b2(row.durationUnit);
        const QSignalBlocker b3(row.durationText);
        QString text = value.toString().trimmed();
        if (value.typeId() != QMetaType::QString) // a number: seconds
            text = Duration::toWireText(value.toLongLong());
        static const QRegularExpression simple(QStringLiteral("^(\\d+)\\s*([a-z]+)$"));
        const QRegularExpressionMatch m = simple.match(text);
        int unitIndex = -1;
        if (m.hasMatch()) {
            for (int i = 0; i < int(std::size(Units)); ++i) {
                if (m.captured(2) == QLatin1String(Units[i].singular)
                    || m.captured(2) == QLatin1String(Units[i].plural))
                    unitIndex = i;
            }
        }
        if (unitIndex >= 0 && m.captured(1).toInt() >= 1) {
            row.durationValue->setValue(m.captured(1).toInt());
            row.durationUnit->setCurrentIndex(unitIndex);
            row.durationValue->setVisible(true);
            row.durationText->setVisible(false);
        } else {
            row.durationUnit->setCurrentIndex(row.durationUnit->count() - 1);
            row.durationText->setText(text);
            row.durationValue->setVisible(false);
            row.durationText->setVisible(true);
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
        if (row.durationUnit->currentData().toString() == CustomUnit)
            return row.durationText->text().trimmed();
        const int n = row.durationValue->value();
        const int u = qBound(0, row.durationUnit->currentIndex(), int(std::size(Units)) - 1);
        return QStringLiteral("%1 %2").arg(n).arg(QString::fromLatin1(n == 1 ? Units[u].singular : Units[u].plural));
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
    }
}
