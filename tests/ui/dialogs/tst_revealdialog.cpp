#include "ClipboardGuard.h"
#include "RevealDialog.h"

#include <QClipboard>
#include <QDialogButtonBox>
#include <QGuiApplication>
#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QToolButton>

class TestRevealDialog : public QObject
{
    Q_OBJECT

private:
    static CreatedToken created(bool withLink)
    {
        CreatedToken c;
        c.token.id = QStringLiteral("tok-1");
        c.token.label = QStringLiteral("deploy");
        c.token.expires = QDateTime::currentDateTimeUtc().addSecs(6 * 3600);
        c.value = QStringLiteral("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2VjcmV0LXNpZw");
        if (withLink)
            c.link = QStringLiteral("https://app.svix.com/app-portal/login/abc#key=secret");
        c.notes = {QStringLiteral("Decoded exp differs from the requested life.")};
        return c;
    }

private slots:
    void init() { QGuiApplication::clipboard()->clear(); }

    void maskedByDefaultAndShowToggles()
    {
        ClipboardGuard guard;
        RevealDialog dlg(created(false), &guard, nullptr);
        auto *value = dlg.findChild<QLineEdit *>(QStringLiteral("tokenValue"));
        QVERIFY(value);
        QCOMPARE(value->echoMode(), QLineEdit::Password);
        QVERIFY(value->isReadOnly());
        QVERIFY(!dlg.isValueShown());
        auto *show = dlg.findChild<QToolButton *>(QStringLiteral("showButton"));
        QVERIFY(show);
        QTest::mouseClick(show, Qt::LeftButton);
        QCOMPARE(value->echoMode(), QLineEdit::Normal);
        QTest::mouseClick(show, Qt::LeftButton);
        QCOMPARE(value->echoMode(), QLineEdit::Password);
    }

    void showsOnceSentenceExpiryAndNotes()
    {
        ClipboardGuard guard;
        RevealDialog dlg(created(false), &guard, nullptr);
        auto *once = dlg.findChild<QLabel *>(QStringLiteral("onceWarning"));
        QVERIFY(once);
        QVERIFY(once->text().contains(QStringLiteral("only time the token is shown")));
        QVERIFY(!dlg.findChild<QLabel *>(QStringLiteral("expiryLabel"))->text().isEmpty());
        QVERIFY(dlg.findChild<QLabel *>(QStringLiteral("notesLabel"))->text().contains(QStringLiteral("Decoded exp")));
        QVERIFY(!dlg.findChild<QLineEdit *>(QStringLiteral("linkValue")));
        QVERIFY(!dlg.findChild<QPushButton *>(QStringLiteral("openLinkButton")));
    }

    void copyPutsValueWithHints()
    {
        const CreatedToken c = created(false);
        ClipboardGuard guard;
        RevealDialog dlg(c, &guard, nullptr);
        QTest::mouseClick(dlg.findChild<QPushButton *>(QStringLiteral("copyButton")), Qt::LeftButton);
        const QMimeData *mime = QGuiApplication::clipboard()->mimeData();
        QVERIFY(mime);
        QVERIFY(mime->text() == c.value); // no QCOMPARE: never print the secret
        QVERIFY(mime->hasFormat(QStringLiteral("x-kde-passwordManagerHint")));
        QCOMPARE(mime->data(QStringLiteral("x-kde-passwordManagerHint")), QByteArray("secret"));
        QVERIFY(guard.isArmed());
        QVERIFY(!dlg.findChild<QLabel *>(QStringLiteral("copyStatus"))->text().isEmpty());
    }

    void linkRow()
    {
        const CreatedToken c = created(true);
        ClipboardGuard guard;
        RevealDialog dlg(c, &guard, nullptr);
        QVERIFY(dlg.findChild<QPushButton *>(QStringLiteral("openLinkButton")));
        QTest::mouseClick(dlg.findChild<QPushButton *>(QStringLiteral("copyLinkButton")), Qt::LeftButton);
        QVERIFY(QGuiApplication::clipboard()->text() == c.link);
    }

    void closeClearsWidgets()
    {
        ClipboardGuard guard;
        RevealDialog dlg(created(true), &guard, nullptr);
        dlg.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dlg));
        QSignalSpy finished(&dlg, &QDialog::finished);
        QTest::mouseClick(dlg.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Close), Qt::LeftButton);
        QCOMPARE(finished.count(), 1);
        QVERIFY(!dlg.isVisible());
        QVERIFY(dlg.findChild<QLineEdit *>(QStringLiteral("tokenValue"))->text().isEmpty());
        QVERIFY(dlg.findChild<QLineEdit *>(QStringLiteral("linkValue"))->text().isEmpty());
    }
};

QTEST_MAIN(TestRevealDialog)
#include "tst_revealdialog.moc"
