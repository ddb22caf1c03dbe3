#include "RemainingLifeDelegate.h"
#include "core/Token.h"
#include "items/TokenListModel.h"

#include <QApplication>
#include <QImage>
#include <QPainter>
#include <QStandardItemModel>
#include <QStyleOptionViewItem>
#include <QTest>

class TestRemainingLifeDelegate : public QObject
{
    Q_OBJECT

private:
    static QImage render(const QVariant &fraction, Token::Status status, const QPalette &palette,
        const QString &text = QStringLiteral("5h"))
    {
        QStandardItemModel model(1, 1);
        QStandardItem *item = model.item(0, 0) ? model.item(0, 0) : new QStandardItem;
        model.setItem(0, 0, item);
        item->setData(text, Qt::DisplayRole);
        item->setData(fraction, TokenListModel::LifeFractionRole);
        item->setData(int(status), TokenListModel::StatusRole);

        RemainingLifeDelegate delegate;
        QImage image(200, 24, QImage::Format_ARGB32_Premultiplied);
        image.fill(palette.color(QPalette::Base));
        QPainter painter(&image);
        QStyleOptionViewItem option;
        option.rect = image.rect();
        option.palette = palette;
        option.state = QStyle::State_Enabled;
        option.font = QApplication::font();
        option.fontMetrics = QFontMetrics(option.font);
        delegate.paint(&painter, option, model.index(0, 0));
        painter.end();
        return image;
    }

    static QPalette darkPalette()
    {
        QPalette p;
        p.setColor(QPalette::Base, QColor(0x20, 0x20, 0x20));
        p.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
        p.setColor(QPalette::Text, QColor(0xee, 0xee, 0xee));
        p.setColor(QPalette::Highlight, QColor(0x3d, 0xae, 0xe9));
        return p;
    }

    // A point inside the bar, away from the centred text.
    static constexpr int X = 20;
    static constexpr int Y = 12;

private slots:
    void fullAndEmptyDiffer_data()
    {
        QTest::addColumn<bool>("dark");
        QTest::newRow("light") << false;
        QTest::newRow("dark") << true;
    }

    void fullAndEmptyDiffer()
    {
        QFETCH(bool, dark);
        const QPalette palette = dark ? darkPalette() : QApplication::palette();
        const QImage full = render(1.0, Token::Status::Active, palette);
        const QImage empty = render(0.0, Token::Status::Active, palette);
        QVERIFY(full.pixel(X, Y) != empty.pixel(X, Y));
        // The filled part of a half bar looks like the full bar; its empty part like the empty bar.
        const QImage half = render(0.5, Token::Status::Active, palette);
        QCOMPARE(half.pixel(X, Y), full.pixel(X, Y));
        QCOMPARE(half.pixel(190, Y), empty.pixel(190, Y));
    }

    void noBarWhenFractionUnknown()
    {
        const QPalette palette = QApplication::palette();
        const QImage never = render(QVariant(), Token::Status::Active, palette);
        const QImage empty = render(0.0, Token::Status::Active, palette);
        QCOMPARE(QColor(never.pixel(X, Y)), palette.color(QPalette::Base));
        // The empty bar still draws its track.
        QVERIFY(empty.pixel(X, Y) != never.pixel(X, Y) || empty.pixel(3, Y) != never.pixel(3, Y));
    }

    void statusColours()
    {
        const QPalette palette = QApplication::palette();
        const QImage active = render(0.8, Token::Status::Active, palette);
        const QImage expiring = render(0.8, Token::Status::Expiring, palette);
        const QImage revoked = render(0.8, Token::Status::Revoked, palette);
        QVERIFY(active.pixel(X, Y) != expiring.pixel(X, Y));
        QVERIFY(active.pixel(X, Y) != revoked.pixel(X, Y));
        QVERIFY(expiring.pixel(X, Y) != revoked.pixel(X, Y));
        const QColor orange = QColor(expiring.pixel(X, Y));
        QVERIFY(orange.red() > orange.blue());
        // Expired shows an empty bar whatever fraction is reported.
        const QImage expiredFull = render(1.0, Token::Status::Expired, palette);
        const QImage expiredEmpty = render(0.0, Token::Status::Expired, palette);
        QCOMPARE(expiredFull.pixel(X, Y), expiredEmpty.pixel(X, Y));
    }
};

QTEST_MAIN(TestRemainingLifeDelegate)
#include "tst_remaininglifedelegate.moc"
