#include "core/ApiError.h"

#include <QMetaEnum>
#include <QSet>
#include <QTest>

using Kind = ApiError::Kind;

class TestApiError : public QObject
{
    Q_OBJECT

private:
    static QList<Kind> allKinds()
    {
        QList<Kind> kinds;
        for (int i = int(Kind::None); i <= int(Kind::Unknown); ++i)
            kinds.append(Kind(i));
        return kinds;
    }

private slots:
    void kindForStatus_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<int>("kind");
        QTest::newRow("200") << 200 << int(Kind::None);
        QTest::newRow("204") << 204 << int(Kind::None);
        QTest::newRow("302") << 302 << int(Kind::RedirectRefused);
        QTest::newRow("400") << 400 << int(Kind::BadRequest);
        QTest::newRow("401") << 401 << int(Kind::Unauthorized);
        QTest::newRow("403") << 403 << int(Kind::Forbidden);
        QTest::newRow("404") << 404 << int(Kind::NotFound);
        QTest::newRow("405") << 405 << int(Kind::MethodNotAllowed);
        QTest::newRow("409") << 409 << int(Kind::Conflict);
        QTest::newRow("413") << 413 << int(Kind::TooLarge);
        QTest::newRow("418") << 418 << int(Kind::BadRequest);
        QTest::newRow("422") << 422 << int(Kind::Validation);
        QTest::newRow("429") << 429 << int(Kind::RateLimited);
        QTest::newRow("500") << 500 << int(Kind::Server);
        QTest::newRow("502") << 502 << int(Kind::Server);
        QTest::newRow("503") << 503 << int(Kind::Server);
        QTest::newRow("599") << 599 << int(Kind::Server);
        QTest::newRow("0") << 0 << int(Kind::Unknown);
        QTest::newRow("600") << 600 << int(Kind::Unknown);
    }

    void kindForStatus()
    {
        QFETCH(int, status);
        QFETCH(int, kind);
        QCOMPARE(int(ApiError::kindForStatus(status)), kind);
    }

    void exitCode_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<int>("code");
        QTest::newRow("none") << int(Kind::None) << 0;
        QTest::newRow("unauthorized") << int(Kind::Unauthorized) << 3;
        QTest::newRow("forbidden") << int(Kind::Forbidden) << 3;
        QTest::newRow("mfa") << int(Kind::MfaRequired) << 3;
        QTest::newRow("not found") << int(Kind::NotFound) << 4;
        QTest::newRow("not available") << int(Kind::NotAvailable) << 4;
        QTest::newRow("not supported") << int(Kind::NotSupported) << 4;
        QTest::newRow("method not allowed") << int(Kind::MethodNotAllowed) << 4;
        QTest::newRow("invalid input") << int(Kind::InvalidInput) << 2;
        QTest::newRow("network") << int(Kind::Network) << 1;
        QTest::newRow("server") << int(Kind::Server) << 1;
        QTest::newRow("validation") << int(Kind::Validation) << 1;
        QTest::newRow("unknown") << int(Kind::Unknown) << 1;
    }

    void exitCode()
    {
        QFETCH(int, kind);
        QFETCH(int, code);
        QCOMPARE(ApiError(Kind(kind)).exitCode(), code);
    }

    void everyKindHasMessageAndUniqueName()
    {
        QSet<QString> names;
        for (const Kind kind : allKinds()) {
            const QString name = ApiError::kindName(kind);
            QVERIFY2(!name.isEmpty(), qPrintable(QString::number(int(kind))));
            QVERIFY2(!names.contains(name), qPrintable(name));
            names.insert(name);
            QVERIFY2(!ApiError::defaultMessage(kind).isEmpty(), qPrintable(name));
            QVERIFY2(ApiError::defaultMessage(kind).endsWith(u'.'), qPrintable(name));
            QCOMPARE(ApiError(kind).userMessage(), ApiError::defaultMessage(kind));
        }
        QCOMPARE(ApiError::kindName(Kind::Unauthorized), QStringLiteral("unauthorized"));
        QCOMPARE(ApiError::kindName(Kind::NotFound), QStringLiteral("not_found"));
        QCOMPARE(ApiError::kindName(Kind::RateLimited), QStringLiteral("rate_limited"));
    }

    void specificMessages()
    {
        QCOMPARE(ApiError::defaultMessage(Kind::Unauthorized),
            QStringLiteral("The server refused the credentials. Sign in again."));
        QCOMPARE(ApiError::defaultMessage(Kind::Timeout), QStringLiteral("The server did not answer in time."));
        QVERIFY(ApiError::defaultMessage(Kind::InsecureUrl).contains(QStringLiteral("https")));
        QVERIFY(ApiError::defaultMessage(Kind::Server, 503).contains(QStringLiteral("503")));
        QVERIFY(ApiError::defaultMessage(Kind::Unknown, 299).contains(QStringLiteral("299")));
    }

    void userMessageOverridesDefault()
    {
        ApiError error(Kind::NotFound, QStringLiteral("No such token."), 404);
        QCOMPARE(error.userMessage(), QStringLiteral("No such token."));
        QCOMPARE(error.httpStatus(), 404);
        QVERIFY(!error.isNone());
        error.setUserMessage({});
        QCOMPARE(error.userMessage(), ApiError::defaultMessage(Kind::NotFound, 404));
        QVERIFY(ApiError().isNone());
    }

    void fullMessage()
    {
        ApiError error(Kind::BadRequest, QStringLiteral("Rejected."));
        QCOMPARE(error.fullMessage(), QStringLiteral("Rejected."));
        error.setServerMessage(QStringLiteral("Rejected."));
        QCOMPARE(error.fullMessage(), QStringLiteral("Rejected."));
        error.setServerMessage(QStringLiteral("life must be positive"));
        QVERIFY(error.fullMessage().startsWith(QStringLiteral("Rejected.")));
        QVERIFY(error.fullMessage().contains(QStringLiteral("life must be positive")));
    }

    void carriesDetails()
    {
        ApiError error(Kind::RateLimited, {}, 429);
        error.setRetryAfterSeconds(12);
        error.setFieldErrors({{QStringLiteral("name"), QStringLiteral("required")}});
        error.setBody("{}");
        error.setDetails(QStringLiteral("d"));
        QCOMPARE(error.retryAfterSeconds().value_or(-1), 12);
        QCOMPARE(error.fieldErrors().size(), 1);
        QCOMPARE(error.body(), QByteArray("{}"));
        QCOMPARE(error.details(), QStringLiteral("d"));
        const QVariant variant = QVariant::fromValue(error);
        QCOMPARE(int(variant.value<ApiError>().kind()), int(Kind::RateLimited));
    }
};

QTEST_GUILESS_MAIN(TestApiError)
#include "tst_apierror.moc"
