// TokenDetailLines: a token's Details in words, not API fields: known extra keys get labels, enums and flags
// become words, bookkeeping keys are left out, unknown keys stay visible as they are.
#include "core/Clock.h"
#include "items/TokenDetailLines.h"

#include <QTest>

class tst_TokenDetailLines : public QObject
{
    Q_OBJECT

private slots:
    void labelsAndWords();
    void capabilitiesAsWords();
};

void tst_TokenDetailLines::labelsAndWords()
{
    TestClock clock;
    Token token;
    token.id = QStringLiteral("tok-1");
    token.label = QStringLiteral("CI");
    token.kind = QStringLiteral("token");
    token.expires = clock.now().addSecs(-10);
    token.extra.insert(QStringLiteral("expiry_status"), QStringLiteral("Valid"));
    token.extra.insert(QStringLiteral("appId"), QStringLiteral("app_1"));
    token.extra.insert(QStringLiteral("readOnly"), true);
    token.extra.insert(QStringLiteral("token_sha256_prefix"), QStringLiteral("abcd"));
    token.extra.insert(QStringLiteral("somethingNew"), QStringLiteral("x"));
    const QStringList lines = TokenDetailLines::lines(token, clock);
    QVERIFY2(lines.contains(QStringLiteral("Expiry status: Valid")), qPrintable(lines.join(u'\n')));
    QVERIFY(lines.contains(QStringLiteral("Application: app_1")));
    QVERIFY(lines.contains(QStringLiteral("Read-only: yes")));
    QVERIFY(lines.contains(QStringLiteral("somethingNew: x")));
    QVERIFY(lines.contains(QStringLiteral("Status: Expired")));
    for (const QString &line : lines) {
        QVERIFY2(!line.contains(QStringLiteral("expiry_status")), qPrintable(line));
        QVERIFY2(!line.contains(QStringLiteral("sha256")), qPrintable(line));
    }
    QCOMPARE(
        TokenDetailLines::value(QStringLiteral("expiry_status"), QStringLiteral("Expired")), QStringLiteral("Expired"));
}

void tst_TokenDetailLines::capabilitiesAsWords()
{
    QCOMPARE(TokenDetailLines::label(QStringLiteral("capabilities")), QStringLiteral("Capabilities"));
    QCOMPARE(TokenDetailLines::value(QStringLiteral("capabilities"),
                 QStringList {QStringLiteral("ViewBase"), QStringLiteral("ManageEndpointSecret"),
                     QStringLiteral("FutureThing")}),
        QStringLiteral("View the portal, Manage endpoint secrets, FutureThing"));
}

QTEST_GUILESS_MAIN(tst_TokenDetailLines)
#include "tst_tokendetaillines.moc"
