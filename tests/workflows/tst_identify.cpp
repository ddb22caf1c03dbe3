#include "AwaitFuture.h"
#include "CreateRequests.h"
#include "SandboxAccounts.h"

#include "core/Jwt.h"
#include "store/FingerprintKey.h"
#include "store/TokenNotes.h"
#include "workflows/TokenIdentifier.h"

#include <QFile>
#include <QTest>

// "Whose token is this?" against the in-process sandbox: a token TokenDesk created is recognised by its keyed
// fingerprint (stored at creation, never the value), a Specter token another client created by the
// jwt_token_id its JWT carries and the account's current list, an unknown value by nothing.
class TestIdentify : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void createdByTokenDeskMatchesItsFingerprint();
    void specterTokenOfAnotherClientMatchesByClaim();
    void unknownValueMatchesNothing();
    void fingerprintKeyIsMadeOnceAndKept();

private:
    QString createSpecter(AccountSession *session, const QString &description, Token *token = nullptr);
    QList<RevokePlan::AccountTokens> listAll();
    QByteArray key();

    SandboxAccounts m_fixture;
};

void TestIdentify::initTestCase()
{
    QVERIFY(m_fixture.listen());
}

void TestIdentify::init()
{
    QString error;
    QVERIFY2(m_fixture.openStore(&error), qPrintable(error));
}

void TestIdentify::cleanup()
{
    m_fixture.closeStore();
}

QString TestIdentify::createSpecter(AccountSession *session, const QString &description, Token *token)
{
    CreateRequest request = CreateRequests::specterToken(description);
    const auto created = awaitFuture(session->create(request));
    if (!created || !created->ok())
        return {};
    if (token)
        *token = created->value().token;
    return created->value().value;
}

QList<RevokePlan::AccountTokens> TestIdentify::listAll()
{
    QList<RevokePlan::AccountTokens> listed;
    for (const QUuid &id : std::as_const(m_fixture.order())) {
        AccountSession *session = m_fixture.session(id);
        const auto tokens = awaitFuture(session->refresh());
        if (tokens && tokens->ok())
            listed.append({session->account(), session->provider(), tokens->value()});
    }
    return listed;
}

QByteArray TestIdentify::key()
{
    const auto result = awaitFuture(FingerprintKey::of(m_fixture.secrets())->key(FingerprintKey::Mode::ReadOnly));
    return result && result->ok() ? result->value() : QByteArray();
}

void TestIdentify::createdByTokenDeskMatchesItsFingerprint()
{
    AccountSession *lab = m_fixture.addSpecter(QStringLiteral("lab"));
    QVERIFY(lab);
    Token token;
    const QString value = createSpecter(lab, QStringLiteral("deploy bot"), &token);
    QVERIFY(!value.isEmpty());

    // Stored at creation: the keyed fingerprint, the ends and the JWT's id and expiry, never the value.
    const QList<FingerprintRecord> records = m_fixture.ledger()->allFingerprints();
    QCOMPARE(records.size(), 1);
    const FingerprintRecord &record = records.first();
    QCOMPARE(record.tokenId, token.id);
    QCOMPARE(record.accountId, lab->account().id);
    QCOMPARE(record.head, value.left(4));
    QCOMPARE(record.tail, value.right(4));
    QCOMPARE(record.jwtId, token.id); // Specter's jwt_token_id
    QCOMPARE(record.expires, Jwt::decode(value).expiresAt());
    QCOMPARE(record.mac.size(), 64);
    QVERIFY(record.mac
        != QString::fromLatin1(QCryptographicHash::hash(value.toUtf8(), QCryptographicHash::Sha256).toHex()));
    QFile file(m_fixture.database()->path());
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(!file.readAll().contains(value.toUtf8()));

    TokenNotes notes(m_fixture.database());
    QVERIFY(notes.setNote(lab->account().id, token.id, {QStringLiteral("alice"), QStringLiteral("CI"), {}}));

    const TokenProbe probe = TokenProbe::of(key(), QStringLiteral("  ") + value + QStringLiteral("\n"));
    QVERIFY(probe.isJwt);
    QCOMPARE(probe.jwtId, token.id);
    const QList<IdentifyMatch> matches =
        TokenIdentifier::identify(probe, *m_fixture.ledger(), {lab->account()}, listAll(), &notes);
    QCOMPARE(matches.size(), 1);
    const IdentifyMatch &match = matches.first();
    QCOMPARE(match.evidence, IdentifyMatch::Evidence::Fingerprint);
    QCOMPARE(match.account.name, QStringLiteral("lab"));
    QCOMPARE(match.token.id, token.id);
    QCOMPARE(match.token.label, QStringLiteral("deploy bot"));
    QVERIFY(match.listed);
    QVERIFY(match.token.created.has_value());
    QVERIFY(match.note.has_value());
    QCOMPARE(match.note->owner, QStringLiteral("alice"));
    QCOMPARE(match.shortForm, value.left(4) + QChar(0x2026) + value.right(4));

    // One click to revoke goes through the session's revoke, and the token leaves the list.
    const auto revoked = awaitFuture(lab->revoke(match.token));
    QVERIFY(revoked && revoked->ok());
    const QList<IdentifyMatch> after =
        TokenIdentifier::identify(probe, *m_fixture.ledger(), {lab->account()}, listAll(), &notes);
    QCOMPARE(after.size(), 1);
    QVERIFY(!after.first().listed); // still TokenDesk's, no longer on the service
}

void TestIdentify::specterTokenOfAnotherClientMatchesByClaim()
{
    AccountSession *lab = m_fixture.addSpecter(QStringLiteral("lab"));
    QVERIFY(lab);
    // Another client: same Specter user, its own keychain and no ledger of ours.
    SecretStore *otherSecrets = SecretStore::createMemoryOnly(nullptr);
    ProviderContext context = lab->provider()->context();
    context.ledger = nullptr;
    auto *other = new AccountSession(lab->account(), context, otherSecrets, nullptr, otherSecrets);
    QVERIFY(awaitFuture(other->storeSecrets({{QStringLiteral("password"),
        m_fixture.service(QStringLiteral("specter")).value(QStringLiteral("password")).toString()}})));
    Token token;
    const QString value = createSpecter(other, QStringLiteral("made elsewhere"), &token);
    delete otherSecrets;
    QVERIFY(!value.isEmpty());
    QVERIFY(m_fixture.ledger()->allFingerprints().isEmpty());
    QVERIFY(createSpecter(lab, QStringLiteral("ours")).size() > 0); // makes the key; another fingerprint

    const TokenProbe probe = TokenProbe::of(key(), value);
    QVERIFY(probe.fingerprint.isValid());
    const QList<IdentifyMatch> matches =
        TokenIdentifier::identify(probe, *m_fixture.ledger(), {lab->account()}, listAll(), nullptr);
    QCOMPARE(matches.size(), 1);
    QCOMPARE(matches.first().evidence, IdentifyMatch::Evidence::ListedClaim);
    QCOMPARE(matches.first().token.id, token.id);
    QCOMPARE(matches.first().token.label, QStringLiteral("made elsewhere"));
    QVERIFY(matches.first().listed);
    QVERIFY(matches.first().evidenceText().contains(QLatin1String("another client")));
}

void TestIdentify::unknownValueMatchesNothing()
{
    AccountSession *lab = m_fixture.addSpecter(QStringLiteral("lab"));
    QVERIFY(lab);
    QVERIFY(!createSpecter(lab, QStringLiteral("ours, again")).isEmpty());
    const QList<RevokePlan::AccountTokens> listed = listAll();
    const QString foreignJwt = QStringLiteral(
        "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJqd3RfdG9rZW5faWQiOiJub3QtYS10b2tlbiIsImV4cCI6MTkwMDAwMDAwMH0."
        "c2lnbmF0dXJl");
    for (const QString &value :
        {foreignJwt, QStringLiteral("appsk_kV3ts5tKPNJN4Dl25cMTfUNdmabxbX0O"), QStringLiteral("not a token at all")}) {
        const TokenProbe probe = TokenProbe::of(key(), value);
        QVERIFY(TokenIdentifier::identify(probe, *m_fixture.ledger(), {lab->account()}, listed, nullptr).isEmpty());
    }
    QCOMPARE(TokenProbe::of(key(), foreignJwt).jwtId, QStringLiteral("not-a-token"));
}

void TestIdentify::fingerprintKeyIsMadeOnceAndKept()
{
    SecretStore *store = m_fixture.secrets();
    FingerprintKey *fingerprintKey = FingerprintKey::of(store);
    QCOMPARE(FingerprintKey::of(store), fingerprintKey);
    const auto none = awaitFuture(fingerprintKey->key(FingerprintKey::Mode::ReadOnly));
    QVERIFY(none && !none->ok());
    QCOMPARE(none->error().kind(), ApiError::Kind::NotFound); // reading never makes one
    // Two first uses at once make one key.
    auto a = fingerprintKey->key(FingerprintKey::Mode::CreateIfMissing);
    auto b = fingerprintKey->key(FingerprintKey::Mode::CreateIfMissing);
    const auto ra = awaitFuture(a);
    const auto rb = awaitFuture(b);
    QVERIFY(ra && ra->ok() && rb && rb->ok());
    QCOMPARE(ra->value(), rb->value());
    QCOMPARE(ra->value().size(), 32);
    const auto stored = awaitFuture(store->read(FingerprintKey::keychainKey()));
    QVERIFY(stored && stored->ok());
    QCOMPARE(QByteArray::fromBase64(stored->value().toLatin1()), ra->value());
}

QTEST_GUILESS_MAIN(TestIdentify)
#include "tst_identify.moc"
