// The application icons: AppIconWriter's PNG, ICO and ICNS containers (checked by parsing them back, and the ICO
// also through Qt's own ICO reader), and the files the build rendered for packaging (build/icons).
#include "AppIconWriter.h"

#include <QBuffer>
#include <QFile>
#include <QImageReader>
#include <QMap>
#include <QTest>
#include <QtEndian>

#include <algorithm>

namespace {

QString sourceSvg()
{
    return qEnvironmentVariable("TOKENDESK_SOURCE_DIR") + QStringLiteral("/resources/icons/tokendesk.svg");
}

quint16 le16(const QByteArray &bytes, qsizetype at)
{
    return qFromLittleEndian<quint16>(bytes.constData() + at);
}

quint32 le32(const QByteArray &bytes, qsizetype at)
{
    return qFromLittleEndian<quint32>(bytes.constData() + at);
}

quint32 be32(const QByteArray &bytes, qsizetype at)
{
    return qFromBigEndian<quint32>(bytes.constData() + at);
}

const QByteArray PngSignature("\x89PNG\r\n\x1a\n", 8);

} // namespace

class TestAppIcons : public QObject
{
    Q_OBJECT

private slots:
    void rendersTheSvgWithTransparentCorners();
    void pngIsDeterministic();
    void icoHasOneEntryPerSizeAndQtReadsIt();
    void icnsElementsAreConsistent();
    void buildRenderedEveryPackagedIcon();
};

void TestAppIcons::rendersTheSvgWithTransparentCorners()
{
    const QImage image = AppIconWriter::render(sourceSvg(), 64);
    QVERIFY(!image.isNull());
    QCOMPARE(image.size(), QSize(64, 64));
    // The SVG is a rounded square inset by 4 px on a transparent canvas.
    QCOMPARE(qAlpha(image.pixel(0, 0)), 0);
    QCOMPARE(qAlpha(image.pixel(63, 63)), 0);
    QCOMPARE(qAlpha(image.pixel(32, 10)), 255);
    QCOMPARE(image.pixelColor(32, 10).name(), QStringLiteral("#2b5797"));
    // (Qt SVG logs a warning for the missing file; its wording differs between Qt versions, so it is not matched.)
    QVERIFY(AppIconWriter::render(QStringLiteral("/nonexistent/icon.svg"), 64).isNull());
}

void TestAppIcons::pngIsDeterministic()
{
    const QByteArray first = AppIconWriter::png(AppIconWriter::render(sourceSvg(), 48));
    const QByteArray second = AppIconWriter::png(AppIconWriter::render(sourceSvg(), 48));
    QVERIFY(first.startsWith(PngSignature));
    QVERIFY(first == second);
    // No text or time chunks that would make the bytes depend on when they were written.
    QVERIFY(!first.contains("tIME"));
    QVERIFY(!first.contains("tEXt"));
    QImage decoded;
    QVERIFY(decoded.loadFromData(first, "PNG"));
    QCOMPARE(decoded.size(), QSize(48, 48));
}

void TestAppIcons::icoHasOneEntryPerSizeAndQtReadsIt()
{
    const QList<int> sizes {16, 32, 48, 256};
    QList<QImage> images;
    for (int size : sizes)
        images.append(AppIconWriter::render(sourceSvg(), size));
    const QByteArray ico = AppIconWriter::ico(images);

    QVERIFY(ico.size() > 6 + 16 * 4);
    QCOMPARE(le16(ico, 0), quint16(0));
    QCOMPARE(le16(ico, 2), quint16(1));
    QCOMPARE(le16(ico, 4), quint16(sizes.size()));
    for (qsizetype i = 0; i < sizes.size(); ++i) {
        const qsizetype entry = 6 + 16 * i;
        const int size = sizes.at(i);
        QCOMPARE(int(quint8(ico.at(entry))), size == 256 ? 0 : size);
        QCOMPARE(le16(ico, entry + 6), quint16(32));
        const quint32 length = le32(ico, entry + 8);
        const quint32 offset = le32(ico, entry + 12);
        QVERIFY(qsizetype(offset) + qsizetype(length) <= ico.size());
        const QByteArray payload = ico.mid(offset, length);
        if (size == 256) {
            QVERIFY(payload.startsWith(PngSignature));
        } else {
            // BITMAPINFOHEADER, height doubled for the AND mask, 32 bpp, BGRA rows + 1-bpp mask.
            QCOMPARE(le32(payload, 0), quint32(40));
            QCOMPARE(le32(payload, 4), quint32(size));
            QCOMPARE(le32(payload, 8), quint32(2 * size));
            QCOMPARE(le16(payload, 14), quint16(32));
            QCOMPARE(qsizetype(length), qsizetype(40 + size * size * 4 + ((size + 31) / 32) * 4 * size));
        }
    }

    // An independent decoder: Qt's ICO plugin must see every entry with the right size and pixels.
    QBuffer buffer;
    buffer.setData(ico);
    QVERIFY(buffer.open(QIODevice::ReadOnly));
    QImageReader reader(&buffer, "ico");
    QCOMPARE(reader.imageCount(), int(sizes.size()));
    QList<int> decodedSizes;
    for (int i = 0; i < reader.imageCount(); ++i) {
        QVERIFY(reader.jumpToImage(i));
        const QImage decoded = reader.read();
        QVERIFY2(!decoded.isNull(), qPrintable(reader.errorString()));
        QCOMPARE(decoded.width(), decoded.height());
        decodedSizes.append(decoded.width());
        const QImage original = images.at(i).convertToFormat(QImage::Format_ARGB32);
        // A point inside the blue square (y = 10/64 of the height) and a transparent corner.
        const int x = decoded.width() / 2;
        const int y = decoded.height() * 10 / 64;
        QCOMPARE(decoded.convertToFormat(QImage::Format_ARGB32).pixel(x, y), original.pixel(x, y));
        QCOMPARE(qAlpha(original.pixel(x, y)), 255);
        QCOMPARE(qAlpha(decoded.pixel(0, 0)), 0);
    }
    std::sort(decodedSizes.begin(), decodedSizes.end());
    QCOMPARE(decodedSizes, sizes);
}

void TestAppIcons::icnsElementsAreConsistent()
{
    QList<QImage> images;
    for (int size : {16, 32, 64, 128, 256, 512, 1024})
        images.append(AppIconWriter::render(sourceSvg(), size));
    const QByteArray icns = AppIconWriter::icns(images);

    QVERIFY(icns.startsWith("icns"));
    QCOMPARE(qsizetype(be32(icns, 4)), icns.size());
    const QMap<QByteArray, int> expected {
        {"icp4", 16},
        {"icp5", 32},
        {"ic11", 32},
        {"ic12", 64},
        {"ic07", 128},
        {"ic13", 256},
        {"ic08", 256},
        {"ic14", 512},
        {"ic09", 512},
        {"ic10", 1024},
    };
    QMap<QByteArray, int> found;
    qsizetype at = 8;
    while (at < icns.size()) {
        QVERIFY(at + 8 <= icns.size());
        const QByteArray type = icns.mid(at, 4);
        const quint32 length = be32(icns, at + 4);
        QVERIFY(length > 8 && at + qsizetype(length) <= icns.size());
        const QByteArray payload = icns.mid(at + 8, length - 8);
        QVERIFY(payload.startsWith(PngSignature));
        QImage decoded;
        QVERIFY(decoded.loadFromData(payload, "PNG"));
        QCOMPARE(decoded.width(), decoded.height());
        found.insert(type, decoded.width());
        at += length;
    }
    QCOMPARE(at, icns.size());
    QCOMPARE(found, expected);
}

void TestAppIcons::buildRenderedEveryPackagedIcon()
{
    // tokendesk_app_icons renders these into <build>/icons; packaging installs them from there.
    const QString dir = qEnvironmentVariable("TOKENDESK_BINARY_DIR") + QStringLiteral("/icons/");
    for (int size : {16, 22, 24, 32, 48, 64, 128, 256, 512}) {
        QImage image;
        QVERIFY2(image.load(dir + QStringLiteral("%1.png").arg(size), "PNG"), qPrintable(QString::number(size)));
        QCOMPARE(image.size(), QSize(size, size));
        // Rendered from the current SVG, byte for byte what the writer produces now.
        QFile file(dir + QStringLiteral("%1.png").arg(size));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.readAll() == AppIconWriter::png(AppIconWriter::render(sourceSvg(), size)));
    }
    for (const QString &name : {QStringLiteral("tokendesk.ico"), QStringLiteral("tokendesk.icns")}) {
        QFile file(dir + name);
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(name));
        QVERIFY(file.size() > 1000);
    }
    QImageReader reader(dir + QStringLiteral("tokendesk.ico"), "ico");
    QCOMPARE(reader.imageCount(), 6);
}

QTEST_GUILESS_MAIN(TestAppIcons)
#include "tst_appicons.moc"
