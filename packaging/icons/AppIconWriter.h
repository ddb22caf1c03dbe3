#pragma once

#include <QByteArray>
#include <QImage>
#include <QList>
#include <QString>

// Renders the application icon from its SVG and writes it in the containers each platform wants: plain PNG
// (Linux hicolor theme), ICO (Windows) and ICNS (macOS). Everything is deterministic: fixed resolution, no
// timestamps, no text chunks, so the same SVG and Qt version always give the same bytes.
class AppIconWriter
{
public:
    // Square ARGB32 (premultiplied) image of size x size pixels; a null image when the SVG is invalid.
    static QImage render(const QString &svgPath, int size);

    // PNG bytes of the image, with a fixed physical resolution (96 dpi).
    static QByteArray png(const QImage &image);

    // ICO container: 32-bit DIB entries below 256 pixels (every Windows tool reads them), PNG at 256.
    static QByteArray ico(const QList<QImage> &images);

    // ICNS container with PNG payloads; sizes 16, 32, 64, 128, 256, 512 and 1024 map to their OSType
    // (the @2x variants reuse the larger renderings). Images of other sizes are skipped.
    static QByteArray icns(const QList<QImage> &images);
};
