#include "ClipboardGuard.h"
#include "LabelFits.h"
#include "RevealDialog.h"
#include "TabOrder.h"

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

    // Tab walks each value with its buttons, row by row, then the close question's buttons when it is shown,
    // then Close.
    void tabOrder()
    {
        ClipboardGuard guard;
        CreatedToken withEverything = created(true);
        withEverything.refreshValue = QStringLiteral("refresh.jwt.value");
        RevealDialog dlg(withEverything, &guard, nullptr);
        const auto named = [&dlg](const char *name) { return dlg.findChild<QWidget *>(QLatin1String(name)); };
        QWidget *close = dlg.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Close);
        const QList<QWidget *> rows {named("tokenValue"), named("showButton"), named("copyButton"), named("linkValue"),
            named("copyLinkButton"), named("openLinkButton"), named("refreshValue"), named("copyRefreshButton")};
        QCOMPARE(pressTabRound(&dlg), rows + QList<QWidget *> {close});
        dlg.requestClose();
        const QList<QWidget *> asking {named("discardButton"), named("keepOpenButton"), close};
        QCOMPARE(pressTabRound(&dlg), rows + asking);

        RevealDialog plain(created(false), &guard, nullptr);
        const QList<QWidget *> plainRows {plain.findChild<QWidget *>(QStringLiteral("tokenValue")),
            plain.findChild<QWidget *>(QStringLiteral("showButton")),
            plain.findChild<QWidget *>(QStringLiteral("copyButton")),
            plain.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Close)};
        QCOMPARE(pressTabRound(&plain), plainRows);
    }

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
        dlg.setValueShown(true);
        QTest::mouseClick(dlg.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Close), Qt::LeftButton);
        QCOMPARE(finished.count(), 1);
        QVERIFY(!dlg.isVisible());
        QVERIFY(dlg.findChild<QLineEdit *>(QStringLiteral("tokenValue"))->text().isEmpty());
        QVERIFY(dlg.findChild<QLineEdit *>(QStringLiteral("linkValue"))->text().isEmpty());
    }

    // Escape, Close or the title bar on a value never shown nor copied: the dialog stays and asks, inside itself.
    void closingUntakenValueAsksFirst()
    {
        ClipboardGuard guard;
        RevealDialog dlg(created(false), &guard, nullptr);
        dlg.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dlg));
        QSignalSpy finished(&dlg, &QDialog::finished);
        auto *question = dlg.findChild<QWidget *>(QStringLiteral("discardConfirmation"));
        QVERIFY(question);
        QVERIFY(question->isHidden());

        QTest::keyClick(&dlg, Qt::Key_Escape);
        QCOMPARE(finished.count(), 0);
        QVERIFY(dlg.isVisible());
        QVERIFY(!question->isHidden());
        QTRY_COMPARE(labelOverflow(dlg.findChild<QLabel *>(QStringLiteral("discardText"))), QString());
        // Escape again does not get past the question: only its button does.
        QTest::keyClick(&dlg, Qt::Key_Escape);
        QCOMPARE(finished.count(), 0);

        // "Keep open" goes back; the Close button asks again; the title bar's close as well.
        QTest::mouseClick(dlg.findChild<QPushButton *>(QStringLiteral("keepOpenButton")), Qt::LeftButton);
        QVERIFY(question->isHidden());
        QTest::mouseClick(dlg.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Close), Qt::LeftButton);
        QCOMPARE(finished.count(), 0);
        QVERIFY(!question->isHidden());
        QTest::mouseClick(dlg.findChild<QPushButton *>(QStringLiteral("keepOpenButton")), Qt::LeftButton);
        QVERIFY(!dlg.close()); // as the title bar's close button asks
        QCOMPARE(finished.count(), 0);
        QVERIFY(dlg.isVisible());
        QVERIFY(!question->isHidden());
        QVERIFY(dlg.findChild<QLineEdit *>(QStringLiteral("tokenValue"))->text() == created(false).value);

        QTest::mouseClick(dlg.findChild<QPushButton *>(QStringLiteral("discardButton")), Qt::LeftButton);
        QCOMPARE(finished.count(), 1);
        QVERIFY(!dlg.isVisible());
        QVERIFY(dlg.findChild<QLineEdit *>(QStringLiteral("tokenValue"))->text().isEmpty());
    }

    // Once the value was shown, or copied, Escape closes at once.
    void closingTakenValueIsSilent_data()
    {
        QTest::addColumn<bool>("copy");
        QTest::newRow("shown") << false;
        QTest::newRow("copied") << true;
    }
    void closingTakenValueIsSilent()
    {
        QFETCH(bool, copy);
        ClipboardGuard guard;
        RevealDialog dlg(created(false), &guard, nullptr);
        dlg.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dlg));
        QSignalSpy finished(&dlg, &QDialog::finished);
        if (copy)
            QTest::mouseClick(dlg.findChild<QPushButton *>(QStringLiteral("copyButton")), Qt::LeftButton);
        else
            QTest::mouseClick(dlg.findChild<QToolButton *>(QStringLiteral("showButton")), Qt::LeftButton);
        QVERIFY(dlg.wasValueTaken());
        QTest::keyClick(&dlg, Qt::Key_Escape);
        QCOMPARE(finished.count(), 1);
        QVERIFY(dlg.findChild<QWidget *>(QStringLiteral("discardConfirmation"))->isHidden());
    }

    // After Copy the status line appears in full, and the value and its buttons keep their room.
    void copyStatusDoesNotSqueezeTheValue()
    {
        ClipboardGuard guard;
        RevealDialog dlg(created(true), &guard, nullptr);
        dlg.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dlg));
        auto *value = dlg.findChild<QLineEdit *>(QStringLiteral("tokenValue"));
        auto *copy = dlg.findChild<QPushButton *>(QStringLiteral("copyButton"));
        auto *show = dlg.findChild<QToolButton *>(QStringLiteral("showButton"));
        const QList<QWidget *> row {value, copy, show};
        QList<QSize> before;
        for (QWidget *widget : row)
            before.append(widget->size());
        QTest::mouseClick(copy, Qt::LeftButton);
        auto *status = dlg.findChild<QLabel *>(QStringLiteral("copyStatus"));
        QVERIFY(status->wordWrap());
        QTRY_COMPARE(labelOverflow(status), QString());
        QVERIFY(value->width() >= value->minimumWidth());
        for (int i = 0; i < row.size(); ++i) {
            QVERIFY2(row[i]->width() >= before[i].width() && row[i]->height() >= before[i].height(),
                qPrintable(row[i]->objectName()));
            QVERIFY2(row[i]->width() >= row[i]->minimumSizeHint().width(), qPrintable(row[i]->objectName()));
        }
    }
};

QTEST_MAIN(TestRevealDialog)
#include "tst_revealdialog.moc"
