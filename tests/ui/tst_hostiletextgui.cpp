#include "AlertCenter.h"
#include "HostileText.h"
#include "TokenNotesDialog.h"
#include "core/Clock.h"
#include "core/UntrustedText.h"
#include "core/UtcTime.h"
#include "items/TokenListModel.h"
#include "workflows/ExpiryAlertMonitor.h"

#include <QtTest>

// Service text in the GUI: the token table's cells and tooltips, the tray notification and a
// dialog title show a hostile token name without raw controls, bidi-isolated, shortened; the notification is
// markup-escaped for notification servers that read markup.
class TestHostileTextGui : public QObject
{
    Q_OBJECT

private slots:
    void tokenTableCells_data();
    void tokenTableCells();
    void notificationIsEscaped();
    void dialogTitle();
};

namespace {

// `text` without the isolates forDisplay adds: each FSI must be closed by a PDI, with no isolate inside.
QString withoutIsolates(const QString &text)
{
    QString out;
    bool open = false;
    for (const QChar c : text) {
        if (c == UntrustedText::FirstStrongIsolate) {
            if (open)
                return QStringLiteral("(nested FSI)");
            open = true;
        } else if (c == UntrustedText::PopDirectionalIsolate) {
            if (!open)
                return QStringLiteral("(PDI without FSI)");
            open = false;
        } else {
            out += c;
        }
    }
    return open ? QStringLiteral("(FSI not closed)") : out;
}

} // namespace

void TestHostileTextGui::tokenTableCells_data()
{
    QTest::addColumn<QString>("text");
    for (const auto &[name, text] : HostileText::rows()) {
        if (!HostileText::firstRawHazard(text).isEmpty())
            QTest::newRow(name.constData()) << text;
    }
    QTest::newRow("issue example with RLO") << HostileText::terminalAttack() + QStringLiteral("\u202Egnp.exe");
}

void TestHostileTextGui::tokenTableCells()
{
    QFETCH(QString, text);
    TestClock clock(UtcTime::dateTime(QDate(2026, 11, 23), QTime(9, 0)));
    TokenListModel model(&clock);
    Token token;
    token.id = QStringLiteral("id-1");
    token.accountId = QUuid::createUuid();
    token.label = text;
    token.kind = text;
    token.subject = text;
    token.expires = clock.now().addDays(3);
    model.setTokens({token});

    for (const int column : {int(TokenListModel::Name), int(TokenListModel::Kind), int(TokenListModel::Subject)}) {
        const QString shown = model.index(0, column).data(Qt::DisplayRole).toString();
        // Isolated as a whole: an RLO or right-to-left text cannot reorder the rest of the row.
        QVERIFY2(shown.startsWith(UntrustedText::FirstStrongIsolate), qPrintable(shown.left(40)));
        QVERIFY(shown.endsWith(UntrustedText::PopDirectionalIsolate));
        const QString inner = withoutIsolates(shown);
        QVERIFY2(HostileText::firstRawHazard(inner).isEmpty(), qPrintable(HostileText::firstRawHazard(inner)));
        QVERIFY(inner.size() == shown.size() - 2);
        QVERIFY(shown.size() <= UntrustedText::CellCap);
        // Editing and copying keep the exact value.
        QCOMPARE(model.index(0, column).data(Qt::EditRole).toString(), text);
    }

    // The name's tooltip: two lines of ours ("name", "id: …"), the name on the first and isolated.
    const QString tip = model.index(0, TokenListModel::Name).data(Qt::ToolTipRole).toString();
    const QStringList lines = tip.split(QLatin1Char('\n'));
    QCOMPARE(lines.size(), 2);
    QVERIFY(lines.first().startsWith(UntrustedText::FirstStrongIsolate));
    QVERIFY(lines.first().endsWith(UntrustedText::PopDirectionalIsolate));
    const QString inner = withoutIsolates(tip).remove(QLatin1Char('\n'));
    QVERIFY2(HostileText::firstRawHazard(inner).isEmpty(), qPrintable(HostileText::firstRawHazard(inner)));
    QVERIFY(lines.first().size() <= UntrustedText::MessageCap);
}

void TestHostileTextGui::notificationIsEscaped()
{
    // What the tray's showMessage gets (TrayIcon shows AlertCenter's title and body as they are).
    ExpiryAlert alert;
    alert.accountName = QStringLiteral("Prod");
    alert.tokenKey = QStringLiteral("id-1");
    alert.tokenLabel = QStringLiteral("<img src=x> <a href=\"x\">y</a> & ") + HostileText::terminalAttack()
        + QStringLiteral("\u202E") + QString(100'000, QLatin1Char('n'));
    alert.remainingMs = 3600'000;
    alert.thresholdSeconds = 86400;
    ExpiryAlert expired = alert;
    expired.kind = ExpiryAlert::Kind::Expired;

    for (const QList<ExpiryAlert> &alerts : {QList<ExpiryAlert> {alert}, QList<ExpiryAlert> {alert, expired}}) {
        const QString title = AlertCenter::notificationTitle(alerts);
        const QString body = AlertCenter::notificationMessage(alerts);
        for (const QString &text : {title, body}) {
            QVERIFY2(!text.contains(QLatin1Char('<')) && !text.contains(QLatin1Char('>')), qPrintable(text.left(80)));
            QVERIFY(!text.contains(QChar(0x1b)));
            QVERIFY(!text.contains(QChar(0x07)));
            QVERIFY(!text.contains(QChar(0x202E)));
            QVERIFY(!text.contains(QLatin1String("& ")));
        }
        QVERIFY(body.contains(QLatin1String("&lt;img src=x&gt;")));
        QVERIFY(title.size() <= UntrustedText::TitleCap || alerts.size() > 1);
        // One line per alert (our own line breaks), each shortened.
        const QStringList lines = body.split(QLatin1Char('\n'));
        QCOMPARE(lines.size(), alerts.size());
        for (const QString &line : lines) {
            QVERIFY(line.size() <= UntrustedText::NotificationCap);
            QVERIFY(line.endsWith(UntrustedText::Ellipsis));
            QVERIFY2(HostileText::firstRawHazard(line).isEmpty(), qPrintable(HostileText::firstRawHazard(line)));
        }
    }
}

void TestHostileTextGui::dialogTitle()
{
    const QString name = HostileText::terminalAttack() + QStringLiteral("\u202E") + QString(10'000, QLatin1Char('n'));
    TokenNotesDialog dialog(name);
    const QString title = dialog.windowTitle();
    const QString inner = withoutIsolates(title);
    QVERIFY2(HostileText::firstRawHazard(inner).isEmpty(), qPrintable(HostileText::firstRawHazard(inner)));
    QVERIFY(title.contains(UntrustedText::FirstStrongIsolate));
    QVERIFY(title.size() <= UntrustedText::TitleCap + 40); // our own prefix and the shortened name
}

QTEST_MAIN(TestHostileTextGui)
#include "tst_hostiletextgui.moc"
