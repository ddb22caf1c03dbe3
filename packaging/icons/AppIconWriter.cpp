#include "AppIconWriter.h"

#include <QBuffer>
#include <QImageWriter>
#include <QPainter>
#include <QSvgRenderer>
#include <QtEndian>

namespace {

constexpr int DotsPerMeter96Dpi = 3780;

void appendLe16(QByteArray &out, quint16 value)
{
    char bytes[2];
    qToLittleEndian(value, bytes);
    out.append(bytes, 2);
}

void appendLe32(QByteArray &out, quint32 value)
{
    char bytes[4];
    qToLittleEndian(value, bytes);
    out.append(bytes, 4);
}

void appendBe32(QByteArray &out, quint32 value)
{
    char bytes[4];
    qToBigEndian(value, bytes);
    out.append(bytes, 4);
}

// BITMAPINFOHEADER + bottom-up BGRA rows + an all-zero AND mask (the alpha channel carries transparency).
QByteArray dib(const QImage &source)
{
    const QImage image = source.convertToFormat(QImage::Format_ARGB32);
    const int size = image.width();
    QByteArray out;
    appendLe32(out, 40); // biSize
    appendLe32(out, quint32(size)); // biWidth
    appendLe32(out, quint32(size * 2)); // biHeight: XOR bitmap + AND mask
    appendLe16(out, 1); // biPlanes
    appendLe16(out, 32); // biBitCount
    appendLe32(out, 0); // biCompression = BI_RGB
    appendLe32(out, 0); // biSizeImage (may be 0 for BI_RGB)
    appendLe32(out, 0); // biXPelsPerMeter
    appendLe32(out, 0); // biYPelsPerMeter
    appendLe32(out, 0); // biClrUsed
    appendLe32(out, 0); // biClrImportant
    for (int y = size - 1; y >= 0; --y) {
        const auto *line = reinterpret_cast<const QRgb *>(image.constScanLine(y));
        for (int x = 0; x < size; ++x) {
            const QRgb pixel = line[x];
            out.append(char(qBlue(pixel)));
            out.append(char(qGreen(pixel)));
            out.append(char(qRed(pixel)));
            out.append(char(qAlpha(pixel)));
        }
    }
    const int maskStride = ((size + 31) / 32) * 4;
    out.append(QByteArray(maskStride * size, '\0'));
    return out;
}

} // namespace

QImage AppIconWriter::render(const QString &svgPath, int size)
{
    QSvgRenderer renderer(svgPath);
    if (!renderer.isValid() || size <= 0)
        return {};
    QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    image.setDotsPerMeterX(DotsPerMeter96Dpi);
    image.setDotsPerMeterY(DotsPerMeter96Dpi);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::SmoothPixmapTransform);
    renderer.render(&painter, QRectF(0, 0, size, size));
    painter.end();
    return image;
}

QByteArray AppIconWriter::png(const QImage &source)
{
    QImage image = source.convertToFormat(QImage::Format_ARGB32);
    image.setDotsPerMeterX(DotsPerMeter96Dpi);
    image.setDotsPerMeterY(DotsPerMeter96Dpi);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, "png");
    writer.setCompression(100); // 0..100, mapped to zlib level 9 by the PNG writer
    if (!writer.write(image))
        return {};
    return bytes;
}

QByteArray AppIconWriter::ico(const QList<QImage> &images)
{
    QList<QByteArray> payloads;
    for (const QImage &image : images)
        payloads.append(image.width() >= 256 ? png(image) : dib(image));

    QByteArray out;
    appendLe16(out, 0); // reserved
    appendLe16(out, 1); // type: icon
    appendLe16(out, quint16(images.size()));
    quint32 offset = 6 + 16 * quint32(images.size());
    for (qsizetype i = 0; i < images.size(); ++i) {
        const int size = images.at(i).width();
        out.append(char(size >= 256 ? 0 : size)); // width, 0 means 256
        out.append(char(size >= 256 ? 0 : size)); // height
        out.append('\0'); // colour count
        out.append('\0'); // reserved
        appendLe16(out, 1); // planes
        appendLe16(out, 32); // bits per pixel
        appendLe32(out, quint32(payloads.at(i).size()));
        appendLe32(out, offset);
        offset += quint32(payloads.at(i).size());
    }
    for (const QByteArray &payload : payloads)
        out.append(payload);
    return out;
}

QByteArray AppIconWriter::icns(const QList<QImage> &images)
{
    // OSType per pixel size; a size may feed two entries (e.g. 32 px is 32x32 @1x and 16x16 @2x).
    static const struct
    {
        int pixels;
        const char *type;
    } entries[] = {
        {16, "icp4"},
        {32, "icp5"},
        {32, "ic11"},
        {64, "ic12"},
        {128, "ic07"},
        {256, "ic13"},
        {256, "ic08"},
        {512, "ic14"},
        {512, "ic09"},
        {1024, "ic10"},
    };
    QByteArray body;
    for (const auto &entry : entries) {
        for (const QImage &image : images) {
            if (image.width() != entry.pixels)
                continue;
            const QByteArray payload = png(image);
            body.append(entry.type, 4);
            appendBe32(body, quint32(payload.size() + 8));
            body.append(payload);
            break;
        }
    }
    QByteArray out("icns");
    appendBe32(out, quint32(body.size() + 8));
    out.append(body);
    return out;
}
