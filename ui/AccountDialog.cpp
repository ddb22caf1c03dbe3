#include "AccountDialog.h"
#include "ui_AccountDialog.h"

#include "Icons.h"
#include "StatusColors.h"

#include "core/FieldSpec.h"
#include "net/ProxyPolicy.h"
#include "providers/ProviderDescriptor.h"
#include "providers/ProviderRegistry.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHostAddress>
#include <QIcon>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QVBoxLayout>

namespace {
QStringList splitList(const QString &text)
{
    QStringList result;
    const QStringList parts = text.split(QRegularExpression(QStringLiteral("[,\\n]")), Qt::SkipEmptyParts);
    for (const QString &part : parts) {
        const QString trimmed = part.trimmed();
        if (!trimmed.isEmpty())
            result.append(trimmed);
    }
    return result;
}

bool isTextual(FieldSpec::Type type)
{
    switch (type) {
    case FieldSpec::Type::Integer:
    case FieldSpec::Type::Boolean:
    case FieldSpec::Type::Choice:
        return false;
    default:
        return true;
    }
}
} // namespace

AccountDialog::AccountDialog(QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::AccountDialog>())
{
    m_account.id = QUuid::createUuid();
    init();
    setWindowTitle(tr("New Account"));
}

AccountDialog::AccountDialog(const Account &existing, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::AccountDialog>())
    , m_account(existing)
    , m_editing(true)
{
    init();
    setWindowTitle(tr("Edit Account"));
    setProvider(existing.providerId);
    m_ui->providerCombo->setEnabled(false);
    m_ui->nameEdit->setText(existing.name);
    m_ui->baseUrlCombo->setEditText(existing.baseUrl.toString());
    setConnection(existing);
    if (const ProviderDescriptor *d = descriptor()) {
        for (const FieldSpec &field : d->accountFields) {
            if (field.type == FieldSpec::Type::Secret) {
                if (auto *edit = qobject_cast<QLineEdit *>(m_fieldWidgets.value(field.key)))
                    edit->setPlaceholderText(tr("Leave empty to keep the stored value"));
            } else if (existing.options.contains(field.key)) {
                setFieldValue(field, existing.options.value(field.key));
            }
        }
    }
}

AccountDialog::~AccountDialog() = default;

void AccountDialog::init()
{
    m_ui->setupUi(this);
    m_ui->fieldsWidget->setLayout(new QFormLayout);
    for (const ProviderDescriptor &d : ProviderRegistry::instance().all()) {
        const QIcon icon = Icons::provider(d.iconName.isEmpty() ? d.id : d.iconName);
        m_ui->providerCombo->addItem(icon, d.displayName, d.id);
    }
    const bool any = hasProviders();
    m_ui->noProvidersLabel->setVisible(!any);
    m_ui->providerCombo->setEnabled(any);
    m_ui->buttonBox->button(QDialogButtonBox::Save)->setEnabled(any);
    m_ui->buttonBox->button(QDialogButtonBox::Save)->setAccessibleName(tr("Save account"));
    m_ui->buttonBox->button(QDialogButtonBox::Cancel)->setAccessibleName(tr("Cancel"));
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &AccountDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &AccountDialog::reject);
    connect(m_ui->providerCombo, &QComboBox::currentIndexChanged, this, [this] { rebuildFields(); });
    connect(m_ui->baseUrlCombo, &QComboBox::editTextChanged, this, &AccountDialog::updateBaseUrlHint);
    // The editable text is the URL itself; picking a preset puts its URL in the editor.
    connect(m_ui->baseUrlCombo, &QComboBox::activated, this,
        [this](int index) { m_ui->baseUrlCombo->setEditText(m_ui->baseUrlCombo->itemData(index).toUrl().toString()); });

    // Connection options of every service: plain http to this one host, extra trusted CAs, a proxy.
    StatusColors::apply(m_ui->httpWarning, StatusColors::Role::Error);
    connect(m_ui->allowHttpCheck, &QCheckBox::toggled, this, &AccountDialog::updateHttpWarning);
    connect(m_ui->baseUrlCombo, &QComboBox::editTextChanged, this, &AccountDialog::updateHttpWarning);
    connect(m_ui->caFileBrowse, &QPushButton::clicked, this, [this] {
        const QString file = QFileDialog::getOpenFileName(this, tr("CA certificate file"), m_ui->caFileEdit->text(),
            tr("PEM certificates (*.pem *.crt *.cer);;All files (*)"));
        if (!file.isEmpty())
            m_ui->caFileEdit->setText(file);
    });
    m_ui->proxyCombo->addItem(tr("System proxy (default)"), int(ProxyPolicy::Mode::System));
    m_ui->proxyCombo->addItem(tr("No proxy"), int(ProxyPolicy::Mode::Direct));
    m_ui->proxyCombo->addItem(tr("SOCKS5 proxy (Tor)"), int(ProxyPolicy::Mode::Socks5));
    connect(m_ui->proxyCombo, &QComboBox::currentIndexChanged, this, [this] {
        const bool socks = m_ui->proxyCombo->currentData().toInt() == int(ProxyPolicy::Mode::Socks5);
        m_ui->proxyEdit->setEnabled(socks);
        if (socks && m_ui->proxyEdit->text().isEmpty())
            m_ui->proxyEdit->setText(QStringLiteral("127.0.0.1:9050"));
    });
    m_ui->proxyEdit->setEnabled(false);
    rebuildFields();
    updateHttpWarning();
}

void AccountDialog::setConnection(const Account &account)
{
    const QString allowed = account.options.value(QLatin1String(TokenProvider::AllowHttpOption)).toString();
    m_ui->allowHttpCheck->setChecked(
        !allowed.isEmpty() && allowed.compare(account.baseUrl.host(), Qt::CaseInsensitive) == 0);
    m_ui->caFileEdit->setText(account.options.value(QLatin1String(TokenProvider::CaFileOption)).toString());
    const ProxyPolicy proxy =
        ProxyPolicy::parse(account.options.value(QLatin1String(TokenProvider::ProxyOption)).toString())
            .value_or(ProxyPolicy());
    m_ui->proxyCombo->setCurrentIndex(m_ui->proxyCombo->findData(int(proxy.mode())));
    if (proxy.mode() == ProxyPolicy::Mode::Socks5)
        m_ui->proxyEdit->setText(QStringLiteral("%1:%2").arg(proxy.host()).arg(proxy.port()));
    updateHttpWarning();
}

QString AccountDialog::proxyText() const
{
    switch (ProxyPolicy::Mode(m_ui->proxyCombo->currentData().toInt())) {
    case ProxyPolicy::Mode::System:
        return {};
    case ProxyPolicy::Mode::Direct:
        return QStringLiteral("none");
    case ProxyPolicy::Mode::Socks5:
        break;
    }
    return QStringLiteral("socks5://") + m_ui->proxyEdit->text().trimmed();
}

QString AccountDialog::httpWarningText() const
{
    return m_ui->httpWarning->isHidden() ? QString() : m_ui->httpWarning->text();
}

void AccountDialog::updateHttpWarning()
{
    const QUrl url(m_ui->baseUrlCombo->currentText().trimmed());
    const QString host = url.host();
    if (!m_ui->allowHttpCheck->isChecked() || host.isEmpty()) {
        m_ui->httpWarning->clear();
        m_ui->httpWarning->hide();
        return;
    }
    m_ui->httpWarning->setText(
        tr("Warning: over plain http, everything sent to %1, the password and the tokens included, can be read "
           "and changed by anyone on the network path. Allow it only for a server on your own network.")
            .arg(host));
    m_ui->httpWarning->show();
}

bool AccountDialog::hasProviders() const
{
    return m_ui->providerCombo->count() > 0;
}

void AccountDialog::setProvider(const QString &providerId)
{
    const int index = m_ui->providerCombo->findData(providerId);
    if (index >= 0)
        m_ui->providerCombo->setCurrentIndex(index);
}

QString AccountDialog::providerId() const
{
    return m_ui->providerCombo->currentData().toString();
}

const ProviderDescriptor *AccountDialog::descriptor() const
{
    return ProviderRegistry::instance().find(providerId());
}

void AccountDialog::rebuildFields()
{
    auto *form = static_cast<QFormLayout *>(m_ui->fieldsWidget->layout());
    while (form->rowCount() > 0)
        form->removeRow(0);
    m_fieldWidgets.clear();
    m_fieldErrors.clear();

    const QString previousUrl = m_ui->baseUrlCombo->currentText();
    m_ui->baseUrlCombo->clear();
    const ProviderDescriptor *d = descriptor();
    if (!d)
        return;
    if (d->baseUrlFromSecrets)
        m_ui->baseUrlCombo->addItem(tr("From the credentials (default)"), QUrl());
    else if (!d->defaultBaseUrl.isEmpty())
        m_ui->baseUrlCombo->addItem(tr("%1 (default)").arg(d->defaultBaseUrl.toString()), d->defaultBaseUrl);
    for (const auto &preset : d->regionPresets) {
        if (preset.second != d->defaultBaseUrl)
            m_ui->baseUrlCombo->addItem(tr("%1 — %2").arg(preset.first, preset.second.toString()), preset.second);
    }
    m_ui->baseUrlCombo->setEditText(m_editing && !previousUrl.isEmpty() ? previousUrl : d->defaultBaseUrl.toString());
    // An empty URL either means "from the credentials" (the descriptor's hint says how, e.g. Svix's key region)
    // or, for a service without a usable default (NetSapiens: every operator has its own host), is required.
    if (QLineEdit *urlEdit = m_ui->baseUrlCombo->lineEdit()) {
        if (!d->emptyBaseUrlHint.isEmpty())
            urlEdit->setPlaceholderText(d->emptyBaseUrlHint);
        else if (d->needsBaseUrl())
            urlEdit->setPlaceholderText(tr("Your server's address (required), https://…"));
        else
            urlEdit->setPlaceholderText(QString());
    }

    for (const FieldSpec &field : d->accountFields) {
        QWidget *editor = nullptr;
        switch (field.type) {
        case FieldSpec::Type::Integer: {
            auto *spin = new QSpinBox;
            spin->setRange(field.minimum ? int(field.minimum) : 0, field.maximum ? int(field.maximum) : 1'000'000'000);
            editor = spin;
            break;
        }
        case FieldSpec::Type::Boolean:
            editor = new QCheckBox;
            break;
        case FieldSpec::Type::Choice: {
            auto *combo = new QComboBox;
            combo->addItems(field.choices);
            editor = combo;
            break;
        }
        default: {
            auto *edit = new QLineEdit;
            if (field.type == FieldSpec::Type::Secret)
                edit->setEchoMode(QLineEdit::Password);
            if (field.maxLength > 0)
                edit->setMaxLength(field.maxLength);
            if (!field.placeholder.isEmpty())
                edit->setPlaceholderText(field.placeholder);
            else if (field.type == FieldSpec::Type::TextList || field.type == FieldSpec::Type::MultiChoice)
                edit->setPlaceholderText(tr("Separate several values with commas"));
            editor = edit;
            break;
        }
        }
        editor->setObjectName(QStringLiteral("field_") + field.key);
        editor->setAccessibleName(field.label);
        editor->setToolTip(field.toolTip);
        if (field.defaultValue.isValid() && field.type != FieldSpec::Type::Secret)
            setFieldValue(field, field.defaultValue);

        auto *error = new QLabel;
        error->setObjectName(QStringLiteral("error_") + field.key);
        error->setAccessibleName(tr("%1 error").arg(field.label));
        StatusColors::apply(error, StatusColors::Role::Error);
        error->setWordWrap(true);
        error->hide();

        auto *box = new QWidget;
        auto *boxLayout = new QVBoxLayout(box);
        boxLayout->setContentsMargins(0, 0, 0, 0);
        boxLayout->addWidget(editor);
        boxLayout->addWidget(error);
        auto *label = new QLabel(field.required ? tr("%1:*").arg(field.label) : tr("%1:").arg(field.label));
        label->setBuddy(editor);
        form->addRow(label, box);
        m_fieldWidgets.insert(field.key, editor);
        m_fieldErrors.insert(field.key, error);
        // A secret may choose the server (Svix: the API key's region), so the hint follows what is typed.
        if (auto *edit = qobject_cast<QLineEdit *>(editor); edit && field.type == FieldSpec::Type::Secret)
            connect(edit, &QLineEdit::textChanged, this, &AccountDialog::updateBaseUrlHint);
    }
    clearErrors();
    updateBaseUrlHint();
}

QString AccountDialog::baseUrlHint() const
{
    return m_ui->baseUrlHint->isHidden() ? QString() : m_ui->baseUrlHint->text();
}

void AccountDialog::updateBaseUrlHint()
{
    const ProviderDescriptor *d = descriptor();
    if (!d || !d->baseUrlFromSecrets || !m_ui->baseUrlCombo->currentText().trimmed().isEmpty()) {
        m_ui->baseUrlHint->clear();
        m_ui->baseUrlHint->hide();
        return;
    }
    const QHash<QString, QString> typed = secrets();
    if (typed.isEmpty() && m_editing)
        m_ui->baseUrlHint->setText(tr("Requests go to the host the stored credentials choose."));
    else
        m_ui->baseUrlHint->setText(
            tr("Requests go to %1 (chosen by the credentials).").arg(d->baseUrlFromSecrets(typed).toDisplayString()));
    m_ui->baseUrlHint->show();
}

QVariant AccountDialog::fieldValue(const FieldSpec &field) const
{
    QWidget *w = m_fieldWidgets.value(field.key);
    if (auto *spin = qobject_cast<QSpinBox *>(w))
        return spin->value();
    if (auto *check = qobject_cast<QCheckBox *>(w))
        return check->isChecked();
    if (auto *combo = qobject_cast<QComboBox *>(w))
        return combo->currentText();
    if (auto *edit = qobject_cast<QLineEdit *>(w)) {
        if (field.type == FieldSpec::Type::TextList || field.type == FieldSpec::Type::MultiChoice)
            return splitList(edit->text());
        if (field.type == FieldSpec::Type::Secret)
            return edit->text();
        return edit->text().trimmed();
    }
    return {};
}

void AccountDialog::setFieldValue(const FieldSpec &field, const QVariant &value)
{
    QWidget *w = m_fieldWidgets.value(field.key);
    if (auto *spin = qobject_cast<QSpinBox *>(w))
        spin->setValue(value.toInt());
    else if (auto *check = qobject_cast<QCheckBox *>(w))
        check->setChecked(value.toBool());
    else if (auto *combo = qobject_cast<QComboBox *>(w))
        combo->setCurrentText(value.toString());
    else if (auto *edit = qobject_cast<QLineEdit *>(w))
        edit->setText(value.typeId() == QMetaType::QStringList ? value.toStringList().join(QStringLiteral(", "))
                                                               : value.toString());
}

Account AccountDialog::account() const
{
    Account result = m_account;
    result.providerId = providerId();
    result.name = m_ui->nameEdit->text().trimmed();
    result.baseUrl = QUrl(m_ui->baseUrlCombo->currentText().trimmed());
    const auto setOption = [&result](const char *key, const QString &value) {
        if (value.isEmpty())
            result.options.remove(QLatin1String(key));
        else
            result.options.insert(QLatin1String(key), value);
    };
    // The host itself is stored, so the permission does not follow the account to another server.
    setOption(TokenProvider::AllowHttpOption,
        m_ui->allowHttpCheck->isChecked() && !isLoopbackHost(result.baseUrl.host()) ? result.baseUrl.host()
                                                                                    : QString());
    setOption(TokenProvider::CaFileOption, m_ui->caFileEdit->text().trimmed());
    setOption(TokenProvider::ProxyOption, proxyText());
    if (const ProviderDescriptor *d = descriptor()) {
        for (const FieldSpec &field : d->accountFields) {
            if (field.type == FieldSpec::Type::Secret)
                continue;
            const QVariant value = fieldValue(field);
            const bool empty = isTextual(field.type)
                && (value.typeId() == QMetaType::QStringList ? value.toStringList().isEmpty()
                                                             : value.toString().isEmpty());
            if (empty)
                result.options.remove(field.key);
            else
                result.options.insert(field.key, value);
        }
    }
    return result;
}

QHash<QString, QString> AccountDialog::secrets() const
{
    QHash<QString, QString> result;
    if (const ProviderDescriptor *d = descriptor()) {
        for (const FieldSpec &field : d->accountFields) {
            if (field.type != FieldSpec::Type::Secret)
                continue;
            const QString value = fieldValue(field).toString();
            if (!value.isEmpty())
                result.insert(field.key, value);
        }
    }
    return result;
}

bool AccountDialog::isLoopbackHost(const QString &host)
{
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

QList<FieldError> AccountDialog::validate()
{
    QList<FieldError> errors;
    const ProviderDescriptor *d = descriptor();
    if (!d)
        errors.append({QStringLiteral("provider"), tr("Choose a service.")});
    const Account acc = account();
    if (acc.name.isEmpty())
        errors.append({QStringLiteral("name"), tr("Enter a name for the account.")});

    const QString urlText = m_ui->baseUrlCombo->currentText().trimmed();
    const QUrl url = QUrl(urlText, QUrl::StrictMode);
    if (urlText.isEmpty() && d && d->baseUrlFromSecrets) {
        // Empty is the service's own choice: the credentials pick the host.
    } else if (urlText.isEmpty()) {
        errors.append({QStringLiteral("baseUrl"), tr("Enter the server URL.")});
    } else if (!url.isValid() || url.host().isEmpty()
        || (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http"))) {
        errors.append({QStringLiteral("baseUrl"), tr("Enter a full URL such as https://api.example.com.")});
    } else if (url.scheme() == QLatin1String("http") && !ProviderDescriptor::allowsPlainHttp(acc)) {
        errors.append({QStringLiteral("baseUrl"),
            tr("Use https: plain http is only allowed for this computer (localhost, 127.0.0.1), or to this host "
               "when you tick \"Allow plain http to this host\" below.")});
    }
    QString proxyProblem;
    if (!ProxyPolicy::parse(proxyText(), &proxyProblem))
        errors.append({QStringLiteral("proxy"), proxyProblem});

    if (d) {
        for (const FieldSpec &field : d->accountFields) {
            if (!field.required || !isTextual(field.type))
                continue;
            if (field.type == FieldSpec::Type::Secret && m_editing)
                continue; // empty keeps the stored secret
            const QVariant value = fieldValue(field);
            const bool empty =
                value.typeId() == QMetaType::QStringList ? value.toStringList().isEmpty() : value.toString().isEmpty();
            if (empty)
                errors.append({field.key, tr("%1 is required.").arg(field.label)});
        }
        if (d->validateAccount && errors.isEmpty()) {
            const QList<FieldError> more = d->validateAccount(acc);
            for (const FieldError &e : more)
                errors.append(e);
        }
    }
    showFieldErrors(errors);
    return errors;
}

void AccountDialog::clearErrors()
{
    m_ui->nameError->clear();
    m_ui->nameError->hide();
    m_ui->baseUrlError->clear();
    m_ui->baseUrlError->hide();
    m_ui->generalError->clear();
    m_ui->generalError->hide();
    for (QLabel *label : std::as_const(m_fieldErrors)) {
        label->clear();
        label->hide();
    }
}

void AccountDialog::showFieldErrors(const QList<FieldError> &errors)
{
    clearErrors();
    QWidget *first = nullptr;
    auto show = [&first](QLabel *label, const QString &message, QWidget *focus) {
        label->setText(label->text().isEmpty() ? message : label->text() + QLatin1Char('\n') + message);
        label->show();
        if (!first)
            first = focus;
    };
    for (const FieldError &e : errors) {
        if (e.field == QLatin1String("name"))
            show(m_ui->nameError, e.message, m_ui->nameEdit);
        else if (e.field == QLatin1String("baseUrl") || e.field == QLatin1String("base_url")
            || e.field == QLatin1String("url"))
            show(m_ui->baseUrlError, e.message, m_ui->baseUrlCombo);
        else if (QLabel *label = m_fieldErrors.value(e.field))
            show(label, e.message, m_fieldWidgets.value(e.field));
        else if (e.field == QLatin1String("provider"))
            show(m_ui->generalError, e.message, m_ui->providerCombo);
        else
            show(m_ui->generalError, e.message, nullptr);
    }
    if (first)
        first->setFocus();
}

QString AccountDialog::errorText(const QString &field) const
{
    const QLabel *label = nullptr;
    if (field == QLatin1String("name"))
        label = m_ui->nameError;
    else if (field == QLatin1String("baseUrl"))
        label = m_ui->baseUrlError;
    else if (field.isEmpty() || field == QLatin1String("provider"))
        label = m_ui->generalError;
    else
        label = m_fieldErrors.value(field);
    return label && !label->isHidden() ? label->text() : QString();
}

void AccountDialog::accept()
{
    if (!validate().isEmpty())
        return;
    QDialog::accept();
}
