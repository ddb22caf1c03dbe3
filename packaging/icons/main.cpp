// tokendesk-icongen SVG OUTDIR: renders the application icon into OUTDIR as <size>.png for the hicolor theme,
// tokendesk.ico (Windows) and tokendesk.icns (macOS). Run at build time by packaging/icons/TokenDeskIcons.cmake.
#include "AppIconWriter.h"

#include <QDir>
#include <QFile>
#include <QStringList>

#include <cstdio>

namespace {

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    if (bytes.isEmpty() || !file.open(QIODevice::WriteOnly | QIODevice::Truncate)
        || file.write(bytes) != bytes.size()) {
        std::fprintf(stderr, "tokendesk-icongen: cannot write %s\n", qPrintable(QDir::toNativeSeparators(path)));
        return false;
    }
    return true;
}

} // namespace

int main(int argc, char **argv)
{
    // No QGuiApplication: rendering paths into a QImage needs no platform plugin, so the tool also runs on
    // build machines without a display.
    if (argc != 3) {
        std::fprintf(stderr, "usage: tokendesk-icongen SVG OUTDIR\n");
        return 2;
    }
    const QString svg = QString::fromLocal8Bit(argv[1]);
    const QDir outDir(QString::fromLocal8Bit(argv[2]));
    if (!outDir.mkpath(QStringLiteral("."))) {
        std::fprintf(stderr, "tokendesk-icongen: cannot create %s\n", argv[2]);
        return 1;
    }

    const QList<int> hicolor {16, 22, 24, 32, 48, 64, 128, 256, 512};
    const QList<int> windows {16, 24, 32, 48, 64, 256};
    const QList<int> macos {16, 32, 64, 128, 256, 512, 1024};
    QList<QImage> icoImages;
    QList<QImage> icnsImages;
    for (int size : {16, 22, 24, 32, 48, 64, 128, 256, 512, 1024}) {
        const QImage image = AppIconWriter::render(svg, size);
        if (image.isNull()) {
            std::fprintf(stderr, "tokendesk-icongen: cannot render %s\n", argv[1]);
            return 1;
        }
        if (hicolor.contains(size)
            && !writeFile(outDir.filePath(QStringLiteral("%1.png").arg(size)), AppIconWriter::png(image)))
            return 1;
        if (windows.contains(size))
            icoImages.append(image);
        if (macos.contains(size))
            icnsImages.append(image);
    }
    if (!writeFile(outDir.filePath(QStringLiteral("tokendesk.ico")), AppIconWriter::ico(icoImages))
        || !writeFile(outDir.filePath(QStringLiteral("tokendesk.icns")), AppIconWriter::icns(icnsImages)))
        return 1;
    return 0;
}
