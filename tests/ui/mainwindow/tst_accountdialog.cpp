#include "AccountController.h"
#include "AccountDialog.h"

#include "core/FieldSpec.h"
#include "items/AccountListModel.h"
#include "providers/ProviderRegistry.h"
#include "store/AccountStore.h"
#include "store/AuditLog.h"
#include "store/SecretStore.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

class tst_AccountDialog : public QObject
{
    Q_OBJECT

private slots:
    void providersFromRegistry();
    void nameIsRequired();
    void urlValidation_data();
    void urlValidation();
    void loopbackHosts();
    void requiredProviderFieldsAreReported();
    void secretsAreMaskedAndNotInSettingsFile();
    void editKeepsIdAndProvider();
    void svixUrlFromKeyRegion();
    void connectionOptions();

private:
    static const ProviderDescriptor *providerWithSecret();
    static void fillValidFields(AccountDialog &dialog, const ProviderDescriptor &descriptor, const QString &secret);
};

const ProviderDescriptor *tst_AccountDialog::providerWithSecret()
{
    for (const ProviderDescriptor &d : ProviderRegistry::instance().all()) {
        if (!d.secretFields().isEmpty())
            return ProviderRegistry::instance().find(d.id);
    }
    return nullptr;
}

void tst_AccountDialog::fillValidFields(
    AccountDialog &dialog, const ProviderDescriptor &descriptor, const QString &secret)
{
    dialog.setProvider(descriptor.id);
    dialog.findChild<QLineEdit *>(QStringLiteral("nameEdit"))->setText(QStringLiteral("Test account"));
    dialog.findChild<QComboBox *>(QStringLiteral("baseUrlCombo"))
        ->setEditText(descriptor.defaultBaseUrl.isEmpty() ? QStringLiteral("https://api.example.com")
                                                          : descriptor.defaultBaseUrl.toString());
    for (const FieldSpec &field : descriptor.accountFields) {
        QWidget *w = dialog.findChild<QWidget *>(QStringLiteral("field_") + field.key);
        QVERIFY2(w, qPrintable(field.key));
        if (auto *edit = qobject_cast<QLineEdit *>(w)) {
            if (field.type == FieldSpec::Type::Secret)
                edit->setText(secret);
            else if (!edit->text().isEmpty())
                continue;
            else if (field.type == FieldSpec::Type::Url)
                edit->setText(QStringLiteral("https://api.example.com"));
            else if (field.type == FieldSpec::Type::Email)
                edit->setText(QStringLiteral("admin@example.com"));
            else if (field.type == FieldSpec::Type::Duration)
                edit->setText(QStringLiteral("1h"));
            else
                edit->setText(QStringLiteral("value1"));
        }
    }
}

void tst_AccountDialog::providersFromRegistry()
{
    AccountDialog dialog;
    auto *combo = dialog.findChild<QComboBox *>(QStringLiteral("providerCombo"));
    auto *noProviders = dialog.findChild<QLabel *>(QStringLiteral("noProvidersLabel"));
    auto *buttons = dialog.findChild<QDialogButtonBox *>(QStringLiteral("buttonBox"));
    QVERIFY(combo && noProviders && buttons);
    const int registered = int(ProviderRegistry::instance().all().size());
    QCOMPARE(combo->count(), registered);
    QCOMPARE(dialog.hasProviders(), registered > 0);
    // With zero providers the dialog still opens and says so; Save is off.
    QCOMPARE(noProviders->isVisibleTo(&dialog), registered == 0);
    QCOMPARE(buttons->button(QDialogButtonBox::Save)->isEnabled(), registered > 0);
    QVERIFY(!combo->accessibleName().isEmpty());
}

void tst_AccountDialog::nameIsRequired()
{
    AccountDialog dialog;
    dialog.findChild<QComboBox *>(QStringLiteral("baseUrlCombo"))->setEditText(QStringLiteral("https://x.example"));
    const QList<FieldError> errors = dialog.validate();
    bool nameError = false;
    for (const FieldError &e : errors)
        nameError = nameError || e.field == QLatin1String("name");
    QVERIFY(nameError);
    QVERIFY(dialog.errorText(QStringLiteral("name")).contains(QLatin1String("name")));
    QVERIFY(dialog.errorText(QStringLiteral("baseUrl")).isEmpty());

    // Accepting an invalid form keeps the dialog open.
    QSignalSpy accepted(&dialog, &QDialog::accepted);
    dialog.accept();
    QCOMPARE(accepted.count(), 0);

    dialog.findChild<QLineEdit *>(QStringLiteral("nameEdit"))->setText(QStringLiteral("Production"));
    dialog.validate();
    QVERIFY(dialog.errorText(QStringLiteral("name")).isEmpty());
}

void tst_AccountDialog::urlValidation_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("expected"); // substring of the message; empty = valid
    QTest::newRow("empty") << QString() << QStringLiteral("Enter the server URL");
    QTest::newRow("no scheme") << QStringLiteral("api.example.com") << QStringLiteral("full URL");
    QTest::newRow("ftp") << QStringLiteral("ftp://api.example.com") << QStringLiteral("full URL");
    QTest::newRow("plain http remote") << QStringLiteral("http://api.example.com") << QStringLiteral("https");
    QTest::newRow("https") << QStringLiteral("https://api.example.com/v2") << QString();
    QTest::newRow("http loopback") << QStringLiteral("http://127.0.0.1:8080/specter") << QString();
    QTest::newRow("http localhost") << QStringLiteral("http://localhost:9000") << QString();
    QTest::newRow("http ipv6 loopback") << QStringLiteral("http://[::1]:9000") << QString();
}

void tst_AccountDialog::urlValidation()
{
    QFETCH(QString, url);
    QFETCH(QString, expected);
    AccountDialog dialog;
    dialog.findChild<QLineEdit *>(QStringLiteral("nameEdit"))->setText(QStringLiteral("Name"));
    dialog.findChild<QComboBox *>(QStringLiteral("baseUrlCombo"))->setEditText(url);
    dialog.validate();
    const QString message = dialog.errorText(QStringLiteral("baseUrl"));
    if (expected.isEmpty())
        QVERIFY2(message.isEmpty(), qPrintable(message));
    else
        QVERIFY2(message.contains(expected), qPrintable(message));
}

void tst_AccountDialog::loopbackHosts()
{
    QVERIFY(AccountDialog::isLoopbackHost(QStringLiteral("localhost")));
    QVERIFY(AccountDialog::isLoopbackHost(QStringLiteral("127.0.0.1")));
    QVERIFY(AccountDialog::isLoopbackHost(QStringLiteral("127.4.5.6")));
    QVERIFY(AccountDialog::isLoopbackHost(QStringLiteral("::1")));
    QVERIFY(!AccountDialog::isLoopbackHost(QStringLiteral("10.0.0.1")));
    QVERIFY(!AccountDialog::isLoopbackHost(QStringLiteral("localhost.example.com")));
    QVERIFY(!AccountDialog::isLoopbackHost(QStringLiteral("example.com")));
}

void tst_AccountDialog::requiredProviderFieldsAreReported()
{
    const ProviderDescriptor *descriptor = nullptr;
    FieldSpec required;
    for (const ProviderDescriptor &d : ProviderRegistry::instance().all()) {
        for (const FieldSpec &f : d.accountFields) {
            if (!descriptor && f.required && f.type != FieldSpec::Type::Boolean && f.type != FieldSpec::Type::Integer
                && f.type != FieldSpec::Type::Choice) {
                descriptor = ProviderRegistry::instance().find(d.id);
                required = f;
            }
        }
    }
    if (!descriptor)
        QSKIP("no registered provider has a required account field");

    AccountDialog dialog;
    dialog.setProvider(descriptor->id);
    QCOMPARE(dialog.providerId(), descriptor->id);
    auto *editor = dialog.findChild<QLineEdit *>(QStringLiteral("field_") + required.key);
    QVERIFY(editor);
    QVERIFY(!editor->accessibleName().isEmpty());
    QCOMPARE(editor->echoMode() == QLineEdit::Password, required.type == FieldSpec::Type::Secret);
    editor->clear();
    dialog.validate();
    QVERIFY(dialog.errorText(required.key).contains(QLatin1String("required")));
}

void tst_AccountDialog::secretsAreMaskedAndNotInSettingsFile()
{
    const ProviderDescriptor *descriptor = providerWithSecret();
    if (!descriptor)
        QSKIP("no registered provider has a secret account field");

    const QString secret = QStringLiteral("S3cret-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    AccountDialog dialog;
    fillValidFields(dialog, *descriptor, secret);
    for (const QString &key : descriptor->secretFields()) {
        auto *edit = dialog.findChild<QLineEdit *>(QStringLiteral("field_") + key);
        QVERIFY(edit);
        QCOMPARE(edit->echoMode(), QLineEdit::Password);
    }
    const QList<FieldError> errors = dialog.validate();
    QVERIFY2(errors.isEmpty(), qPrintable(errors.isEmpty() ? QString() : errors.first().message));
    const Account account = dialog.account();
    const QHash<QString, QString> secrets = dialog.secrets();
    QCOMPARE(secrets.size(), descriptor->secretFields().size());
    for (auto it = account.options.cbegin(); it != account.options.cend(); ++it)
        QVERIFY2(it.value().toString() != secret, qPrintable(it.key()));

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    {
        AccountController controller(dir.path(), SecretStore::createMemoryOnly());
        controller.secretStore()->setParent(&controller);
        QFuture<Result<Done>> saved = controller.addAccount(account, secrets);
        QTRY_VERIFY(saved.isFinished());
        QVERIFY(saved.result().ok());
        QVERIFY(controller.account(account.id).has_value());

        const QString key = account.secretKey(descriptor->secretFields().first());
        QFuture<Result<QString>> read = controller.secretStore()->read(key);
        QTRY_VERIFY(read.isFinished());
        QVERIFY(read.result().ok());
        QVERIFY(read.result().value() == secret); // no QCOMPARE: it would print the secret on failure
    }

    AccountStore store(dir.path());
    QFile file(store.filePath());
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray contents = file.readAll();
    QVERIFY(contents.contains(account.name.toUtf8()));
    QVERIFY(!contents.contains(secret.toUtf8()));
    // Nothing else in the config directory holds it either (database, window settings).
    const QStringList files = QDir(dir.path()).entryList(QDir::Files);
    for (const QString &name : files) {
        QFile other(QDir(dir.path()).filePath(name));
        QVERIFY(other.open(QIODevice::ReadOnly));
        QVERIFY2(!other.readAll().contains(secret.toUtf8()), qPrintable(name));
    }
}

void tst_AccountDialog::editKeepsIdAndProvider()
{
    const QList<ProviderDescriptor> all = ProviderRegistry::instance().all();
    if (all.isEmpty())
        QSKIP("no provider registered");
    Account existing;
    existing.id = QUuid::createUuid();
    existing.providerId = all.first().id;
    existing.name = QStringLiteral("Staging");
    existing.baseUrl = QUrl(QStringLiteral("https://staging.example.com/api"));
    AccountDialog dialog(existing);
    QVERIFY(dialog.isEditing());
    QVERIFY(!dialog.findChild<QComboBox *>(QStringLiteral("providerCombo"))->isEnabled());
    const Account edited = dialog.account();
    QCOMPARE(edited.id, existing.id);
    QCOMPARE(edited.providerId, existing.providerId);
    QCOMPARE(edited.name, existing.name);
    QCOMPARE(edited.baseUrl, existing.baseUrl);
    // Secrets left empty while editing mean "keep the stored value".
    QVERIFY(dialog.secrets().isEmpty());
}

// Svix pre-fills no URL: empty is valid and means the key's region, and the hint names the host it picks.
void tst_AccountDialog::svixUrlFromKeyRegion()
{
    AccountDialog dialog;
    dialog.setProvider(QStringLiteral("svix"));
    auto *combo = dialog.findChild<QComboBox *>(QStringLiteral("baseUrlCombo"));
    QVERIFY(combo);
    QCOMPARE(combo->currentText(), QString());
    QVERIFY(!combo->lineEdit()->placeholderText().isEmpty());
    dialog.findChild<QLineEdit *>(QStringLiteral("nameEdit"))->setText(QStringLiteral("Svix EU"));
    auto *key = dialog.findChild<QLineEdit *>(QStringLiteral("field_api_key"));
    QVERIFY(key);
    key->setText(QStringLiteral("sk_dialog_test.eu"));
    QVERIFY2(dialog.baseUrlHint().contains(QLatin1String("https://api.eu.svix.com")), qPrintable(dialog.baseUrlHint()));
    key->setText(QStringLiteral("sk_dialog_test"));
    QVERIFY2(dialog.baseUrlHint().contains(QLatin1String("https://api.svix.com")), qPrintable(dialog.baseUrlHint()));
    QVERIFY(dialog.validate().isEmpty());
    QVERIFY(dialog.account().baseUrl.isEmpty());

    // An explicit URL wins, and the hint goes away.
    combo->setEditText(QStringLiteral("https://api.us.svix.com"));
    QCOMPARE(dialog.baseUrlHint(), QString());
    QCOMPARE(dialog.account().baseUrl, QUrl(QStringLiteral("https://api.us.svix.com")));
}

// A home node: plain http to its LAN address only with the box ticked (warning shown, host stored, badge in the
// sidebar, audit entry), a CA file, and a SOCKS5 proxy; all read back when the account is edited.
void tst_AccountDialog::connectionOptions()
{
    AccountDialog dialog;
    dialog.setProvider(QStringLiteral("specter"));
    dialog.findChild<QLineEdit *>(QStringLiteral("nameEdit"))->setText(QStringLiteral("Umbrel"));
    dialog.findChild<QComboBox *>(QStringLiteral("baseUrlCombo"))
        ->setEditText(QStringLiteral("http://192.168.1.20:25441"));
    dialog.findChild<QLineEdit *>(QStringLiteral("field_username"))->setText(QStringLiteral("admin"));
    dialog.findChild<QLineEdit *>(QStringLiteral("field_password"))->setText(QStringLiteral("pw"));
    dialog.validate();
    QVERIFY(dialog.errorText(QStringLiteral("baseUrl")).contains(QStringLiteral("https")));
    QVERIFY(dialog.httpWarningText().isEmpty());

    auto *allowHttp = dialog.findChild<QCheckBox *>(QStringLiteral("allowHttpCheck"));
    QVERIFY(allowHttp);
    allowHttp->setChecked(true);
    QVERIFY2(dialog.httpWarningText().contains(QStringLiteral("192.168.1.20")), qPrintable(dialog.httpWarningText()));
    QVERIFY(dialog.httpWarningText().contains(QStringLiteral("password")));
    dialog.findChild<QLineEdit *>(QStringLiteral("caFileEdit"))->setText(QStringLiteral("/etc/ssl/umbrel.pem"));
    auto *proxy = dialog.findChild<QComboBox *>(QStringLiteral("proxyCombo"));
    proxy->setCurrentIndex(proxy->findText(QStringLiteral("SOCKS5 proxy (Tor)")));
    auto *proxyEdit = dialog.findChild<QLineEdit *>(QStringLiteral("proxyEdit"));
    QCOMPARE(proxyEdit->text(), QStringLiteral("127.0.0.1:9050")); // Tor's default
    const QList<FieldError> errors = dialog.validate();
    QVERIFY2(errors.isEmpty(), qPrintable(errors.isEmpty() ? QString() : errors.first().message));
    const Account account = dialog.account();
    QCOMPARE(account.options.value(QStringLiteral("allow_http")).toString(), QStringLiteral("192.168.1.20"));
    QCOMPARE(account.options.value(QStringLiteral("ca_file")).toString(), QStringLiteral("/etc/ssl/umbrel.pem"));
    QCOMPARE(account.options.value(QStringLiteral("proxy")).toString(), QStringLiteral("socks5://127.0.0.1:9050"));

    // A proxy address without a port is refused.
    proxyEdit->setText(QStringLiteral("127.0.0.1"));
    QVERIFY(!dialog.validate().isEmpty());
    QVERIFY(dialog.errorText(QString()).contains(QStringLiteral("socks5://")));
    proxyEdit->setText(QStringLiteral("127.0.0.1:9050"));

    // Saved: audited, and the sidebar carries the badge.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    AccountController controller(dir.path(), SecretStore::createMemoryOnly());
    controller.secretStore()->setParent(&controller);
    QFuture<Result<Done>> saved = controller.addAccount(account, dialog.secrets());
    QTRY_VERIFY(saved.isFinished());
    QVERIFY(saved.result().ok());
    bool audited = false;
    for (const AuditEntry &entry : controller.auditLog()->query()) {
        if (entry.action == QLatin1String("allow-http") && entry.target == QLatin1String("192.168.1.20"))
            audited = entry.accountId == account.id;
    }
    QVERIFY(audited);
    const QModelIndex row = controller.accountModel()->indexOf(account.id);
    QCOMPARE(row.data(AccountListModel::BadgeRole).toString(), QStringLiteral("http"));
    QVERIFY(row.data(Qt::ToolTipRole).toString().contains(QStringLiteral("nothing sent to it is encrypted")));

    // Edited: everything is read back; the permission is for that host only.
    AccountDialog edit(account);
    QVERIFY(edit.findChild<QCheckBox *>(QStringLiteral("allowHttpCheck"))->isChecked());
    QCOMPARE(edit.account().options, account.options);
    edit.findChild<QComboBox *>(QStringLiteral("baseUrlCombo"))->setEditText(QStringLiteral("https://node.example"));
    QCOMPARE(edit.account().options.value(QStringLiteral("allow_http")).toString(), QStringLiteral("node.example"));
    edit.findChild<QCheckBox *>(QStringLiteral("allowHttpCheck"))->setChecked(false);
    QVERIFY(!edit.account().options.contains(QStringLiteral("allow_http")));
    QFuture<Result<Done>> updated = controller.updateAccount(edit.account(), {});
    QTRY_VERIFY(updated.isFinished());
    QVERIFY(controller.accountModel()->indexOf(account.id).data(AccountListModel::BadgeRole).toString().isEmpty());
    bool revoked = false;
    for (const AuditEntry &entry : controller.auditLog()->query())
        revoked = revoked || entry.action == QLatin1String("disallow-http");
    QVERIFY(revoked);
}

QTEST_MAIN(tst_AccountDialog)
#include "tst_accountdialog.moc"
