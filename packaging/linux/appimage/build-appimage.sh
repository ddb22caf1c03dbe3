#!/usr/bin/env bash
# AppImage recipe for the release workflow: installs TokenDesk into an AppDir and bundles Qt (with its Wayland and
# Secret Service pieces) and QtKeychain with linuxdeploy + linuxdeploy-plugin-qt. Needs downloads, so it runs in
# the release workflow only. Usage: build-appimage.sh <build-dir> <output-dir>
set -euo pipefail
build_dir=$(realpath "${1:?build dir}")
out_dir=$(realpath -m "${2:?output dir}")
mkdir -p "$out_dir"
appdir="$out_dir/AppDir"
rm -rf "$appdir"
DESTDIR="$appdir" cmake --install "$build_dir" --prefix /usr

export QMAKE=${QMAKE:-qmake6}
export EXTRA_PLATFORM_PLUGINS="libqwayland-egl.so;libqwayland-generic.so"
export EXTRA_QT_PLUGINS="wayland-shell-integration;wayland-decoration-client;sqldrivers"
export APPIMAGE_EXTRACT_AND_RUN=1
export OUTPUT="$out_dir/TokenDesk-$(uname -m).AppImage"

linuxdeploy --appdir "$appdir" \
    --executable "$appdir/usr/bin/tokendesk" \
    --executable "$appdir/usr/bin/tokendesk-cli" \
    --desktop-file "$appdir/usr/share/applications/io.github.tokendesk.TokenDesk.desktop" \
    --icon-file "$appdir/usr/share/icons/hicolor/scalable/apps/io.github.tokendesk.TokenDesk.svg" \
    --plugin qt --output appimage
echo "AppImage: $OUTPUT"
