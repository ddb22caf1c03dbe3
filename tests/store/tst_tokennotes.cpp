// TokenNotes: round trip (insert, update, remove by emptying, per account), persistence across reopening, and
// the migration of a schema-1 database (before token notes) that keeps its data.

#include "OldSchemas.h"
#include "store/Database.h"
#include "store/TokenNotes.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QUuid>
#include <QtTest>

#include <memory>

class TestTokenNotes : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void roundTrip();
    void emptyNoteRemoves();
    void perAccountAndRemoveAccount();
    void persistsAcrossReopen();
    void displayText();
    void migratesFromSchema1();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;
};

void TestTokenNotes::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_path = m_dir->filePath(QStringLiteral("tokendesk.sqlite"));
}

void TestTokenNotes::cleanup()
{
    m_dir.reset();
}

void TestTokenNotes::roundTrip()
{
    Database db(m_path);
    QVERIFY2(db.open(), qPrintable(db.lastError()));
    TokenNotes notes(&db);
    const QUuid account = QUuid::createUuid();
    QVERIFY(!notes.note(account, QStringLiteral("t1")).has_value());

    const QDateTime before = QDateTime::currentDateTimeUtc().addSecs(-1);
    QVERIFY2(notes.setNote(account, QStringLiteral("t1"), {QStringLiteral(" alice "), QStringLiteral("CI deploy"), {}}),
        qPrintable(notes.lastError()));
    auto stored = notes.note(account, QStringLiteral("t1"));
    QVERIFY(stored.has_value());
    QCOMPARE(stored->owner, QStringLiteral("alice")); // trimmed
    QCOMPARE(stored->usedIn, QStringLiteral("CI deploy"));
    QVERIFY(stored->updated.isValid());
    QVERIFY(stored->updated >= before);

    // Update in place: still one row.
    QVERIFY(notes.setNote(account, QStringLiteral("t1"), {QStringLiteral("bob"), QString(), {}}));
    stored = notes.note(account, QStringLiteral("t1"));
    QVERIFY(stored.has_value());
    QCOMPARE(stored->owner, QStringLiteral("bob"));
    QCOMPARE(stored->usedIn, QString());
    QCOMPARE(notes.all().size(), 1);

    // Another token of the same account is separate; the same token id in another account too.
    const QUuid other = QUuid::createUuid();
    QVERIFY(notes.setNote(other, QStringLiteral("t1"), {QString(), QStringLiteral("billing"), {}}));
    QCOMPARE(notes.note(account, QStringLiteral("t1"))->owner, QStringLiteral("bob"));
    QCOMPARE(notes.note(other, QStringLiteral("t1"))->usedIn, QStringLiteral("billing"));
    QCOMPARE(notes.all().size(), 2);
    QVERIFY(notes.lastError().isEmpty());
}

void TestTokenNotes::emptyNoteRemoves()
{
    Database db(m_path);
    QVERIFY(db.open());
    TokenNotes notes(&db);
    const QUuid account = QUuid::createUuid();
    QVERIFY(notes.setNote(account, QStringLiteral("t1"), {QStringLiteral("alice"), QStringLiteral("x"), {}}));
    QVERIFY(notes.setNote(account, QStringLiteral("t1"), {QStringLiteral("  "), QString(), {}}));
    QVERIFY(!notes.note(account, QStringLiteral("t1")).has_value());
    QVERIFY(notes.all().isEmpty());
    QVERIFY(notes.remove(account, QStringLiteral("missing"))); // removing nothing is fine
}

void TestTokenNotes::perAccountAndRemoveAccount()
{
    Database db(m_path);
    QVERIFY(db.open());
    TokenNotes notes(&db);
    const QUuid a = QUuid::createUuid();
    const QUuid b = QUuid::createUuid();
    QVERIFY(notes.setNote(a, QStringLiteral("t2"), {QStringLiteral("o2"), QString(), {}}));
    QVERIFY(notes.setNote(a, QStringLiteral("t1"), {QStringLiteral("o1"), QString(), {}}));
    QVERIFY(notes.setNote(b, QStringLiteral("t3"), {QStringLiteral("o3"), QString(), {}}));

    const QList<TokenNoteEntry> ofA = notes.all(a);
    QCOMPARE(ofA.size(), 2);
    QCOMPARE(ofA.at(0).tokenId, QStringLiteral("t1")); // ordered by token id
    QCOMPARE(ofA.at(0).accountId, a);
    QCOMPARE(ofA.at(1).note.owner, QStringLiteral("o2"));

    QVERIFY(notes.removeAccount(a));
    QVERIFY(notes.all(a).isEmpty());
    QCOMPARE(notes.all().size(), 1);
    QCOMPARE(notes.all().constFirst().accountId, b);
}

void TestTokenNotes::persistsAcrossReopen()
{
    const QUuid account = QUuid::createUuid();
    {
        Database db(m_path);
        QVERIFY(db.open());
        QVERIFY(TokenNotes(&db).setNote(
            account, QStringLiteral("jti-9"), {QStringLiteral("ops"), QStringLiteral("cron"), {}}));
    }
    Database db(m_path);
    QVERIFY(db.open());
    const auto stored = TokenNotes(&db).note(account, QStringLiteral("jti-9"));
    QVERIFY(stored.has_value());
    QCOMPARE(stored->owner, QStringLiteral("ops"));
    QCOMPARE(stored->usedIn, QStringLiteral("cron"));
}

void TestTokenNotes::displayText()
{
    QCOMPARE((TokenNote {QStringLiteral("alice"), QStringLiteral("CI"), {}}).displayText(),
        QStringLiteral("Owner: alice; used in: CI"));
    QCOMPARE((TokenNote {QStringLiteral("alice"), QString(), {}}).displayText(), QStringLiteral("Owner: alice"));
    QCOMPARE((TokenNote {QString(), QStringLiteral("CI"), {}}).displayText(), QStringLiteral("used in: CI"));
    QVERIFY(TokenNote().displayText().isEmpty());
    QVERIFY(TokenNote().isEmpty());
}

void TestTokenNotes::migratesFromSchema1()
{
    // A database as TokenDesk wrote it before token notes existed: schema 1, with an audit row.
    {
        QSqlDatabase raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("schema1"));
        raw.setDatabaseName(m_path);
        QVERIFY(raw.open());
        QSqlQuery query(raw);
        for (const QString &statement : OldSchemas::statements(1))
            QVERIFY2(query.exec(statement), qPrintable(statement));
        QVERIFY(query.exec(
            QStringLiteral("INSERT INTO audit (time, action) VALUES ('2026-01-01T00:00:00.000Z', 'login')")));
        query.finish();
        raw.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("schema1"));

    Database db(m_path);
    QVERIFY2(db.open(), qPrintable(db.lastError()));
    QVERIFY(Database::latestSchemaVersion() >= 2);
    QCOMPARE(db.schemaVersion(), Database::latestSchemaVersion());
    QVERIFY(db.connection().tables().contains(QStringLiteral("token_notes")));
    QSqlQuery query(db.connection());
    QVERIFY(query.exec(QStringLiteral("SELECT action FROM audit")));
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toString(), QStringLiteral("login")); // data kept
    query.finish();

    TokenNotes notes(&db);
    const QUuid account = QUuid::createUuid();
    QVERIFY2(notes.setNote(account, QStringLiteral("t1"), {QStringLiteral("alice"), QString(), {}}),
        qPrintable(notes.lastError()));
    QCOMPARE(notes.note(account, QStringLiteral("t1"))->owner, QStringLiteral("alice"));
}

QTEST_GUILESS_MAIN(TestTokenNotes)
#include "tst_tokennotes.moc"
