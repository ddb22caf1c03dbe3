// AccountStore: the INI file round trip, no secrets in the file, tolerance of malformed files, atomic saves,
// lookup by name or uuid, and the precedence of --config / TOKENDESK_CONFIG_DIR / the platform default.

#include "store/AccountStore.h"
#include "store/SecretStore.h"

#include <QDir>
#include <QFile>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QUuid>
#include <QtTest>

#include <functional>
#include <memory>

namespace {

Account makeAccount(const QString &name, const QString &provider, const QString &url, const QVariantMap &options)
{
    Account account;
    account.id = QUuid::createUuid();
    account.name = name;
    account.providerId = provider;
    account.baseUrl = QUrl(url);
    account.options = options;
    return account;
}

QList<Account> sampleAccounts()
{
    return {
        makeAccount(QStringLiteral("Production Svix"), QStringLiteral("svix"),
            QStringLiteral("https://api.eu.svix.com"),
            {{QStringLiteral("appIds"), QStringList {QStringLiteral("app_1"), QStringLiteral("app_2, with comma")}},
                {QStringLiteral("region"), QStringLiteral("eu")}}),
        makeAccount(QStringLiteral("Caf\u00e9 NetSapiens = [main]"), QStringLiteral("netsapiens"),
            QStringLiteral("https://pbx.example.com/ns-api/v2"),
            {{QStringLiteral("username"), QStringLiteral("admin@example.com")},
                {QStringLiteral("clientId"), QStringLiteral("client;42")}, {QStringLiteral("port"), 8443},
                {QStringLiteral("mfa"), true}}),
        makeAccount(QStringLiteral("specter"), QStringLiteral("specter"), QStringLiteral("http://127.0.0.1:25441"), {}),
    };
}

// Every value in the file, decoded by QSettings, as text (nested maps and lists flattened).
QString decodedValues(const QString &path)
{
    QSettings settings(path, QSettings::IniFormat);
    QString all;
    std::function<void(const QVariant &)> add = [&](const QVariant &value) {
        if (value.typeId() == QMetaType::QVariantMap) {
            const QVariantMap map = value.toMap();
            for (auto it = map.constBegin(); it != map.constEnd(); ++it) {
                all += it.key() + QLatin1Char('\n');
                add(it.value());
            }
        } else if (value.typeId() == QMetaType::QVariantList || value.typeId() == QMetaType::QStringList) {
            for (const QVariant &item : value.toList())
                add(item);
        } else {
            all += value.toString() + QLatin1Char('\n');
        }
    };
    for (const QString &key : settings.allKeys())
        add(settings.value(key));
    return all;
}

} // namespace

class TestAccountStore : public QObject
{
    Q_OBJECT

private slots:
    void roundTrip();
    void emptyAndMissingFile();
    void fileHoldsNoSecret();
    void secretLikeOptionsAreNotWritten();
    void malformedFileTolerated_data();
    void malformedFileTolerated();
    void staleTempFileDoesNotDamageRealFile();
    void failedSaveKeepsPreviousFile();
    void addUpdateRemoveFind();
    void resolveConfigDirPrecedence();
};

void TestAccountStore::roundTrip()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString configDir = dir.filePath(QStringLiteral("nested/config"));
    AccountStore store(configDir);
    QCOMPARE(store.filePath(), QDir(configDir).filePath(QStringLiteral("accounts.ini")));
    const QList<Account> accounts = sampleAccounts();
    QVERIFY2(store.save(accounts), qPrintable(store.lastError()));
    QVERIFY(QFile::exists(store.filePath()));
    QVERIFY(!QFile::exists(store.filePath() + QStringLiteral(".tmp")));
#ifdef Q_OS_UNIX
    QCOMPARE(QFile::permissions(store.filePath()) & (QFile::ReadGroup | QFile::ReadOther), QFile::Permissions());
#endif

    AccountStore reopened(configDir);
    const QList<Account> loaded = reopened.load();
    QVERIFY2(reopened.lastError().isEmpty(), qPrintable(reopened.lastError()));
    QCOMPARE(loaded.size(), accounts.size());
    for (qsizetype i = 0; i < accounts.size(); ++i) {
        QCOMPARE(loaded.at(i).id, accounts.at(i).id); // order preserved
        QCOMPARE(loaded.at(i).name, accounts.at(i).name);
        QCOMPARE(loaded.at(i).providerId, accounts.at(i).providerId);
        QCOMPARE(loaded.at(i).baseUrl, accounts.at(i).baseUrl);
        QCOMPARE(loaded.at(i).options, accounts.at(i).options);
        QVERIFY(loaded.at(i) == accounts.at(i));
    }

    // The groups are the account uuids.
    QSettings raw(store.filePath(), QSettings::IniFormat);
    QVERIFY(raw.childGroups().contains(accounts.first().id.toString(QUuid::WithoutBraces)));
}

void TestAccountStore::emptyAndMissingFile()
{
    QTemporaryDir dir;
    AccountStore store(dir.path());
    QVERIFY(store.load().isEmpty());
    QVERIFY(store.lastError().isEmpty());
    QVERIFY(store.save({}));
    QVERIFY(store.load().isEmpty());
    QVERIFY(!store.find(QStringLiteral("anything")));
}

void TestAccountStore::fileHoldsNoSecret()
{
    QTemporaryDir dir;
    AccountStore store(dir.path());
    const QList<Account> accounts = sampleAccounts();
    std::unique_ptr<SecretStore> secrets(SecretStore::createMemoryOnly());
    const QString secret = QStringLiteral("pw-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    for (const Account &account : accounts) {
        const QString key =
            QStringLiteral("TokenDesk/") + account.id.toString(QUuid::WithoutBraces) + QStringLiteral("/password");
        QVERIFY(secrets->write(key, secret).result().ok());
    }
    QVERIFY(store.save(accounts));

    QFile file(store.filePath());
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    QVERIFY(!bytes.isEmpty());
    QVERIFY(!bytes.contains(secret.toUtf8()));
    QVERIFY(!bytes.contains(QByteArray(reinterpret_cast<const char *>(secret.utf16()), secret.size() * 2)));
    QVERIFY(!decodedValues(store.filePath()).contains(secret));
    // The memory store still has it, so the absence above is meaningful.
    const QString key =
        QStringLiteral("TokenDesk/") + accounts.first().id.toString(QUuid::WithoutBraces) + QStringLiteral("/password");
    QVERIFY(secrets->read(key).result().value() == secret);
}

void TestAccountStore::secretLikeOptionsAreNotWritten()
{
    QTemporaryDir dir;
    AccountStore store(dir.path());
    const QString secret = QStringLiteral("leak-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    Account account = makeAccount(QStringLiteral("careless"), QStringLiteral("specter"),
        QStringLiteral("https://specter.example.com"),
        {{QStringLiteral("username"), QStringLiteral("admin")}, {QStringLiteral("password"), secret},
            {QStringLiteral("API_KEY"), secret}});
    QVERIFY(store.save({account}));
    QVERIFY(!decodedValues(store.filePath()).contains(secret));
    const auto loaded = store.load();
    QCOMPARE(loaded.size(), 1);
    QCOMPARE(loaded.first().options.value(QStringLiteral("username")).toString(), QStringLiteral("admin"));
    QVERIFY(!loaded.first().options.contains(QStringLiteral("password")));
    QVERIFY(!loaded.first().options.contains(QStringLiteral("API_KEY")));
}

void TestAccountStore::malformedFileTolerated_data()
{
    QTest::addColumn<QByteArray>("prefix");
    QTest::addColumn<QByteArray>("suffix");
    QTest::addColumn<bool>("expectError");
    // Sized from the array (the NUL inside makes strlen useless); found by ASan when it was a hand-counted 16.
    static const char garbage[] = "\x00\xff\xfe[[[=\n\x01\x02 ==\n";
    QTest::newRow("binary garbage") << QByteArray(garbage, sizeof(garbage) - 1) << QByteArray() << false;
    QTest::newRow("broken group headers")
        << QByteArray("[unclosed\nname=x\n[]\n=novalue\n") << QByteArray("\n[") << false;
    QTest::newRow("group that is not an account")
        << QByteArray("[not-a-uuid]\nname=Ghost\nprovider=svix\n")
        << QByteArray("[6f1c2d3e-0000-4000-8000-000000000001]\nname=No provider\n") << true;
}

void TestAccountStore::malformedFileTolerated()
{
    QFETCH(QByteArray, prefix);
    QFETCH(QByteArray, suffix);
    QFETCH(bool, expectError);
    QTemporaryDir dir;
    AccountStore writer(dir.path());
    const Account good = makeAccount(QStringLiteral("Good"), QStringLiteral("magicbell"),
        QStringLiteral("https://api.magicbell.com"), {{QStringLiteral("projectId"), QStringLiteral("p1")}});
    QVERIFY(writer.save({good}));
    QFile file(writer.filePath());
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray valid = file.readAll();
    file.close();
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(prefix + "\n" + valid + "\n" + suffix);
    file.close();

    AccountStore reader(dir.path());
    const QList<Account> loaded = reader.load();
    QCOMPARE(loaded.size(), 1);
    QCOMPARE(loaded.first().id, good.id);
    QCOMPARE(loaded.first().name, good.name);
    if (expectError)
        QVERIFY(!reader.lastError().isEmpty());

    // Pure garbage: no accounts, no crash.
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(QByteArray("\xff\xfe\x00garbage[\n\x00", 13));
    file.close();
    QVERIFY(reader.load().isEmpty());
}

void TestAccountStore::staleTempFileDoesNotDamageRealFile()
{
    QTemporaryDir dir;
    AccountStore store(dir.path());
    const QList<Account> first = sampleAccounts();
    QVERIFY(store.save(first));

    // A save that died half-way left a truncated temporary file next to the real one.
    const QString tmpPath = store.filePath() + QStringLiteral(".tmp");
    QFile tmp(tmpPath);
    QVERIFY(tmp.open(QIODevice::WriteOnly));
    tmp.write("[00000000-dead-4000-8000-00000000beef]\nname=Half writ");
    tmp.close();

    AccountStore reopened(dir.path());
    QCOMPARE(reopened.load(), first);
    QVERIFY(reopened.lastError().isEmpty());

    // The next save replaces the stale file and leaves no temporary behind.
    const QList<Account> second = {first.at(1)};
    QVERIFY(reopened.save(second));
    QVERIFY(!QFile::exists(tmpPath));
    QCOMPARE(AccountStore(dir.path()).load(), second);
}

void TestAccountStore::failedSaveKeepsPreviousFile()
{
    QTemporaryDir dir;
    AccountStore store(dir.path());
    const QList<Account> first = sampleAccounts();
    QVERIFY(store.save(first));
    // A directory where the temporary file must go makes the save fail before the real file is touched.
    QVERIFY(QDir().mkpath(store.filePath() + QStringLiteral(".tmp/blocker")));
    QVERIFY(!store.save({first.at(0)}));
    QVERIFY(!store.lastError().isEmpty());
    QCOMPARE(AccountStore(dir.path()).load(), first);
}

void TestAccountStore::addUpdateRemoveFind()
{
    QTemporaryDir dir;
    AccountStore store(dir.path());
    const QList<Account> accounts = sampleAccounts();
    for (const Account &account : accounts)
        QVERIFY2(store.add(account), qPrintable(store.lastError()));
    QCOMPARE(store.load(), accounts);

    // Same id, or same name in another case: refused.
    QVERIFY(!store.add(accounts.at(0)));
    Account sameName = makeAccount(
        QStringLiteral("PRODUCTION svix"), QStringLiteral("svix"), QStringLiteral("https://api.svix.com"), {});
    QVERIFY(!store.add(sameName));
    QVERIFY(!store.lastError().isEmpty());

    // find: by name, case-insensitive; by uuid with or without braces.
    QCOMPARE(store.find(QStringLiteral("production SVIX")).value().id, accounts.at(0).id);
    QCOMPARE(store.find(QStringLiteral("caf\u00c9 netsapiens = [MAIN]")).value().id, accounts.at(1).id);
    QCOMPARE(store.find(accounts.at(2).id.toString(QUuid::WithoutBraces)).value().id, accounts.at(2).id);
    QCOMPARE(store.find(accounts.at(2).id.toString(QUuid::WithBraces)).value().id, accounts.at(2).id);
    QVERIFY(!store.find(QStringLiteral("nobody")));
    QVERIFY(!store.find(QUuid::createUuid().toString()));

    Account changed = accounts.at(1);
    changed.name = QStringLiteral("Renamed");
    changed.options.insert(QStringLiteral("region"), QStringLiteral("us"));
    QVERIFY(store.update(changed));
    QCOMPARE(store.find(QStringLiteral("renamed")).value(), changed);
    QVERIFY(!store.find(accounts.at(1).name));

    Account renamedToExisting = changed;
    renamedToExisting.name = QStringLiteral("SPECTER");
    QVERIFY(!store.update(renamedToExisting));
    QVERIFY(!store.update(sameName)); // not stored

    QVERIFY(store.remove(accounts.at(0).id));
    QVERIFY(!store.remove(accounts.at(0).id));
    const QList<Account> left = store.load();
    QCOMPARE(left.size(), 2);
    QCOMPARE(left.at(0), changed);
    QCOMPARE(left.at(1), accounts.at(2));
}

void TestAccountStore::resolveConfigDirPrecedence()
{
    QTemporaryDir dir;
    const QString fromCommandLine = dir.filePath(QStringLiteral("cli"));
    const QString fromEnvironment = dir.filePath(QStringLiteral("env"));

    qunsetenv("TOKENDESK_CONFIG_DIR");
    const QString platformDefault = AccountStore::defaultConfigDir();
    QVERIFY(platformDefault.endsWith(QLatin1String("/TokenDesk")));
    QVERIFY(platformDefault.startsWith(QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation)));
    QCOMPARE(AccountStore::resolveConfigDir(QString()), platformDefault);

    qputenv("TOKENDESK_CONFIG_DIR", fromEnvironment.toUtf8());
    QCOMPARE(AccountStore::resolveConfigDir(QString()), fromEnvironment);
    QCOMPARE(AccountStore::resolveConfigDir(fromCommandLine), fromCommandLine);

    // Relative values become absolute, so the file does not move when the working directory changes.
    const QString relative = AccountStore::resolveConfigDir(QStringLiteral("some/where/../conf"));
    QCOMPARE(relative, QDir::cleanPath(QDir::current().absoluteFilePath(QStringLiteral("some/conf"))));

    qputenv("TOKENDESK_CONFIG_DIR", QByteArray());
    QCOMPARE(AccountStore::resolveConfigDir(QString()), platformDefault);
    qunsetenv("TOKENDESK_CONFIG_DIR");
}

QTEST_GUILESS_MAIN(TestAccountStore)
#include "tst_accountstore.moc"
