#include "JwtInspectorDialog.h"
#include "core/Clock.h"
#include "core/UtcTime.h"
#include "providers/TokenProvider.h"

#include <QGroupBox>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QTest>

class TestJwtInspectorDialog : public QObject
{
    Q_OBJECT

private:
    static QString makeJwt(const QJsonObject &claims)
    {
        const QJsonObject header {
            {QStringLiteral("alg"), QStringLiteral("HS256")}, {QStringLiteral("typ"), QStringLiteral("JWT")}};
        const auto part = [](const QJsonObject &o) {
            return QJsonDocument(o)
                .toJson(QJsonDocument::Compact)
                .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
        };
        const QByteArray jwt = part(header) + '.' + part(claims) + ".c2ln";
        return QString::fromLatin1(jwt);
    }
    static QDateTime start() { return UtcTime::dateTime(QDate(2026, 1, 1), QTime(12, 0)); }

private slots:
    void decodesClaimsAndTimes()
    {
        TestClock clock(start());
        JwtInspectorDialog dlg;
        dlg.setClock(&clock);
        const qint64 now = start().toSecsSinceEpoch();
        dlg.setToken(makeJwt({{QStringLiteral("sub"), QStringLiteral("1000@domain")},
            {QStringLiteral("jti"), QStringLiteral("e197cb3b")}, {QStringLiteral("iat"), now - 3600},
            {QStringLiteral("exp"), now + 2 * 3600}}));
        QVERIFY(dlg.errorText().isEmpty());
        QVERIFY(dlg.headerText().contains(QStringLiteral("HS256")));
        const QString summary = dlg.summaryText();
        QVERIFY2(summary.contains(QStringLiteral("e197cb3b")), qPrintable(summary));
        QVERIFY(summary.contains(QStringLiteral("1000@domain")));
        QVERIFY(summary.contains(QStringLiteral("2 hours")));
        QVERIFY(summary.contains(QStringLiteral("Issued at")));
        QVERIFY(dlg.warnings().isEmpty());
        // The pasted token is masked.
        QCOMPARE(dlg.findChild<QLineEdit *>(QStringLiteral("tokenInput"))->echoMode(), QLineEdit::Password);
    }

    void warnsAboutExpiredToken()
    {
        TestClock clock(start());
        JwtInspectorDialog dlg;
        dlg.setClock(&clock);
        const qint64 now = start().toSecsSinceEpoch();
        dlg.setToken(makeJwt({{QStringLiteral("iat"), now - 7200}, {QStringLiteral("exp"), now - 60}}));
        QVERIFY(!dlg.warnings().isEmpty());
        QVERIFY(dlg.summaryText().contains(QStringLiteral("Expired")));
    }

    void rejectsGarbage()
    {
        JwtInspectorDialog dlg;
        dlg.setToken(QStringLiteral("not a jwt"));
        QVERIFY(!dlg.errorText().isEmpty());
        QVERIFY(dlg.summaryText().isEmpty());
    }

    void serverView()
    {
        JwtInspectorDialog dlg;
        QVERIFY(dlg.findChild<QGroupBox *>(QStringLiteral("serverView"))->isHidden());
        TokenInspection inspection;
        inspection.claims.insert(QStringLiteral("time_out"), 86400000);
        inspection.claims.insert(QStringLiteral("user_scope"), QStringLiteral("Basic User"));
        dlg.setServerView(inspection);
        QVERIFY(!dlg.findChild<QGroupBox *>(QStringLiteral("serverView"))->isHidden());
        QVERIFY2(dlg.serverClaimText(QStringLiteral("time_out")).contains(QStringLiteral("1 day")),
            qPrintable(dlg.serverClaimText(QStringLiteral("time_out"))));
        QCOMPARE(dlg.serverClaimText(QStringLiteral("user_scope")), QStringLiteral("Basic User"));
    }
};

QTEST_MAIN(TestJwtInspectorDialog)
#include "tst_jwtinspectordialog.moc"
